package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.query.Parameter;
import io.accesspath.core.query.ParameterRole;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QueryWriter;
import io.accesspath.core.spec.SpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The query writer on a spec that uses every operator, paging style and fetch shape (queries/kitchen.yaml):
 * what each one is written as, and how its parameters are described.
 */
class KitchenQueriesTest {
    static final String SPEC = "queries/kitchen.yaml";

    static Design design() {
        try (InputStream in = KitchenQueriesTest.class.getResourceAsStream(SPEC)) {
            return new Designer(PgDialect.INSTANCE.designDialect())
                    .design(SpecReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SPEC),
                            OptionalInt.empty());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Query> queries() {
        return new QueryWriter(PgDialect.INSTANCE).write(design());
    }

    private static Query query(String name) {
        return queries().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void prefixEscapesLikeWildcardsInTheValue() {
        Query q = query("places_by_code_prefix");
        assertThat(q.firstPage().sql()).contains("code LIKE replace(replace(replace(:code_prefix, '\\', '\\\\'), '%',"
                + " '\\%'), '_', '\\_') || '%'");
        assertThat(q.parameter("code_prefix").orElseThrow().role()).isEqualTo(ParameterRole.PREFIX);
    }

    @Test
    void enumTypesArrayAndRangeParametersAreCastWhereTheDriverCannotNameTheType() {
        assertThat(query("places_in_box").firstPage().sql()).contains("kind = ANY(CAST(:kind AS place_kind[]))");
        assertThat(query("places_rated").firstPage().sql()).contains("kind = CAST(:kind AS place_kind)");
        assertThat(query("places_with_details").firstPage().sql()).contains("details @> CAST(:details AS jsonb)");
        assertThat(query("overlapping_bookings").firstPage().sql()).contains("during && CAST(:during AS tstzrange)");
        assertThat(query("bookings_at").firstPage().sql()).contains("b.during @> CAST(:during AS timestamptz)");
        Parameter tags = query("places_tagged").parameter("tags").orElseThrow();
        assertThat(tags.sqlType()).isEqualTo("text[]");
        assertThat(tags.isArray()).isTrue();
    }

    @Test
    void aBoxIsFourCoordinatesAndNearestFirstIsAnOrderBy() {
        Query box = query("places_in_box");
        assertThat(box.parametersWith(ParameterRole.LONGITUDE)).extracting(Parameter::name)
                .containsExactly("location_min_lon", "location_max_lon");
        assertThat(box.firstPage().sql()).contains("location <@ box(point(:location_min_lon, :location_min_lat),"
                + " point(:location_max_lon, :location_max_lat))").endsWith("LIMIT :limit OFFSET :offset");
        Query near = query("places_near");
        assertThat(near.firstPage().sql()).contains("WHERE kind = 'hut'\n  AND NOT archived")
                .endsWith("ORDER BY location <-> point(:location_lon, :location_lat)\nLIMIT :limit");
        assertThat(near.nextPage()).isEmpty();
    }

    @Test
    void mixedDirectionsAndNullableSortColumnsSpellTheNextPageOut() {
        Query q = query("bookings_of_place");
        assertThat(q.nextPage().orElseThrow().sql()).contains("AND (created_at < :after_created_at\n"
                + "       OR (created_at = :after_created_at AND (guests > :after_guests OR (guests = :after_guests"
                + " AND id > :after_id))))");
        Query rated = query("places_rated");
        assertThat(rated.nextPage().orElseThrow().sql())
                .contains("OR (rating IS NOT NULL AND CAST(:after_rating AS numeric(3,1)) IS NULL)");
        assertThat(rated.notes()).anySatisfy(n -> assertThat(n).startsWith("rating, opened_on can be NULL"));
    }

    @Test
    void aDottedFilterJoinsTheRelatedTableOnceEvenWhenItIsFetchedToo() {
        String sql = query("places_in_country").firstPage().sql();
        assertThat(sql).contains("JOIN owner o ON o.id = p.owner_id").contains("o.country = :owner_country")
                .contains("o.email AS \"owner.email\"");
        assertThat(sql.split("JOIN owner", -1)).hasSize(2);
    }

    @Test
    void aManyToManyInListIsASemiJoinSoEachRowComesOnce() {
        assertThat(query("places_with_features").firstPage().sql())
                .contains("p.id IN (SELECT pf.place_id FROM place_feature pf WHERE pf.feature_id = ANY(:feature_id))");
    }

    @Test
    void nestedFetchesNestJsonArraysAndOptionalToOneRelationsAreLeftJoins() {
        String owner = query("owner_with_places").firstPage().sql();
        assertThat(owner).contains("'bookings', (SELECT coalesce(json_agg(").contains("'features', (SELECT")
                .contains("JOIN feature f ON f.id = pf.feature_id").endsWith("WHERE lower(o.email) = lower(:email)");
        assertThat(query("bookings_at").firstPage().sql()).contains("JOIN place p ON p.id = b.place_id\n"
                + "LEFT JOIN owner o ON o.id = p.owner_id").contains("o.email AS \"place.owner.email\"");
    }

    @Test
    void fullTextIsRankedWhenThePatternGivesNoOrder() {
        assertThat(query("place_search").firstPage().sql()).contains("WHERE search_vector @@"
                + " websearch_to_tsquery('english', :summary_terms)").contains("ORDER BY ts_rank_cd(search_vector,"
                + " websearch_to_tsquery('english', :summary_terms)) DESC, id");
        assertThat(query("place_search").firstPage().jdbcSql()).doesNotContain(":summary_terms");
    }

    @Test
    void aggregatesGroupAndConstantsAreLiterals() {
        assertThat(query("busy_places").firstPage().sql()).isEqualTo("SELECT place_id, count(*) AS count,"
                + " max(guests) AS max_guests\nFROM booking\nWHERE guests >= 4\nGROUP BY place_id");
        assertThat(query("busy_places").resultColumns()).containsExactly("place_id", "count", "max_guests");
    }
}
