package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.design.Decision;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.design.PatternAccess;
import io.accesspath.core.design.VersionNote;
import io.accesspath.core.error.UserError;
import io.accesspath.core.render.DesignJson;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.Table;
import io.accesspath.core.spec.SpecReader;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The designer's rules, one behaviour per test, on small specs. */
class DesignRulesTest {
    private static final Designer DESIGNER = new Designer(new PgDesignDialect());

    static Design design(String yaml) {
        return DESIGNER.design(SpecReader.parse(yaml, "test.yaml"), OptionalInt.empty());
    }

    static Design design(String yaml, int version) {
        return DESIGNER.design(SpecReader.parse(yaml, "test.yaml"), OptionalInt.of(version));
    }

    static Table table(Design d, String name) {
        return d.schema().table(name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    /** Secondary indexes (not those behind unique constraints). */
    static List<Index> indexes(Design d, String table) {
        return table(d, table).indexes().stream().filter(i -> !i.unique()).toList();
    }

    static String keys(Index i) {
        return String.join(", ", i.keys().stream().map(k -> k.column() + k.opclass().map(o -> " " + o).orElse("")
                + (k.descending() ? " DESC" : "")).toList());
    }

    static PatternAccess access(Design d, String pattern) {
        return d.accessOf(pattern).orElseThrow();
    }

    static Decision decisionFor(Design d, Decision.Kind kind, String subject) {
        return d.decisions().stream().filter(x -> x.kind() == kind && x.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " decision for " + subject));
    }

    static ForeignKey fk(Design d, String table, String column) {
        return table(d, table).foreignKeys().stream().filter(f -> f.columns().contains(column)).findFirst()
                .orElseThrow();
    }

    private static final String ORDERS = """
            name: t
            entities:
              customer:
                volume: {rows: 1M}
                attributes:
                  email: {type: email, required: true, unique: true}
              order:
                table: orders
                volume: {rows: 10M}
                attributes:
                  status: {type: enum, values: [pending, paid, shipped], weights: [1, 1, 8], required: true}
                  placed_at: {type: timestamp, required: true, default: now}
                  total: {type: money, required: true}
            relationships:
              - {from: order, to: customer, kind: many-to-one, required: true, inverse: orders, children: {skew: %s}}
            access_patterns:
            %s
            """;

    static Design orders(String skew, String patterns) {
        return design(ORDERS.formatted(skew, patterns.indent(2)));
    }

    @Nested
    class KeyOrder {
        @Test
        void equalityFirstThenSortThenRangeCheckedInTheIndex() {
            Design d = orders("zipf(1.1)", """
                    - name: p
                      entity: order
                      where: [customer: eq, status: eq, placed_at: range, total: range]
                      order_by: [placed_at desc]
                      page: 50
                      frequency: 100/s
                    """);
            Index i = indexes(d, "orders").get(0);
            assertThat(keys(i)).isEqualTo("customer_id, status, placed_at DESC, id DESC, total");
            assertThat(access(d, "p").sortAvoided()).isTrue();
            Decision dec = decisionFor(d, Decision.Kind.INDEX, i.name());
            assertThat(dec.patterns()).containsExactly("p");
            assertThat(dec.rules()).contains("index.equality-first", "index.matches-sort");
            assertThat(dec.alternatives()).isNotEmpty();
        }

        @Test
        void hotKeysDecideBetweenSortingAndScanning() {
            // under heavy skew the hottest customer has ~10% of all orders: the index must give the order
            Design d = orders("zipf(1.2)", """
                    - name: p
                      entity: order
                      where: [customer: eq, total: range]
                      order_by: [placed_at desc]
                      page: 20
                      frequency: 100/s
                    """);
            Index i = indexes(d, "orders").get(0);
            assertThat(keys(i)).startsWith("customer_id, placed_at DESC");
            assertThat(decisionFor(d, Decision.Kind.INDEX, i.name()).rules()).contains("index.designed-for-hot-keys");
        }

        @Test
        void inListGoesAfterTheSortWhenThatAvoidsSortingManyRows() {
            Design d = orders("zipf(1.1)", """
                    - name: p
                      entity: order
                      where: [customer: eq, status: in]
                      order_by: [placed_at desc]
                      page: 20
                      frequency: 100/s
                    """);
            assertThat(keys(indexes(d, "orders").get(0))).isEqualTo("customer_id, placed_at DESC, id DESC, status");
        }

        @Test
        void keysetPagingAddsTheKeyAsTiebreaker() {
            Design d = orders("uniform", """
                    - name: p
                      entity: order
                      where: [customer: eq]
                      order_by: [placed_at asc]
                      page: {size: 20, style: keyset}
                      frequency: 100/s
                    """);
            assertThat(keys(indexes(d, "orders").get(0))).isEqualTo("customer_id, placed_at, id");
        }
    }

    @Nested
    class IndexKinds {
        @Test
        void constantFilterBecomesAPartialIndex() {
            Design d = orders("uniform", """
                    - name: queue
                      entity: order
                      where: [status: {eq: pending}]
                      order_by: [placed_at asc]
                      page: 100
                      frequency: 5/s
                    """);
            Index i = indexes(d, "orders").get(0);
            assertThat(i.predicate()).contains("status = 'pending'");
            assertThat(keys(i)).isEqualTo("placed_at, id");
            assertThat(decisionFor(d, Decision.Kind.INDEX, i.name()).rules()).contains("index.partial-constant");
        }

        @Test
        void softDeleteIsAPartialPredicateOfEveryPattern() {
            Design d = design("""
                    name: t
                    entities:
                      note:
                        volume: {rows: 1M}
                        soft_delete: deleted_at
                        attributes:
                          owner: {type: bigint, required: true}
                          created_at: {type: timestamp, required: true}
                          deleted_at: {type: timestamp}
                    access_patterns:
                      - {name: mine, entity: note, where: [owner: eq], order_by: [created_at desc], page: 20, frequency: 10/s}
                    """);
            assertThat(indexes(d, "note").get(0).predicate()).contains("deleted_at IS NULL");
        }

        @Test
        void frequentNarrowReadGetsIncludeColumns() {
            Design d = orders("uniform", """
                    - name: totals
                      entity: order
                      where: [customer: eq]
                      project: [id, total]
                      frequency: 500/s
                    """);
            Index i = indexes(d, "orders").get(0);
            assertThat(i.include()).containsExactly("id", "total");
            assertThat(access(d, "totals").access()).isEqualTo("Index Only Scan");
        }

        @Test
        void fullTextGetsAGeneratedDocumentAndGin() {
            Design d = design("""
                    name: t
                    entities:
                      post:
                        volume: {rows: 1M}
                        attributes:
                          title: {type: searchable_text, required: true}
                          body: {type: searchable_text}
                    access_patterns:
                      - {name: search, entity: post, where: [body: fulltext], page: {size: 20, style: none}, frequency: 10/s}
                    """);
            Column doc = table(d, "post").column("search_vector").orElseThrow();
            assertThat(doc.type()).isEqualTo("tsvector");
            assertThat(doc.generated().orElseThrow()).contains("setweight(to_tsvector('english'::regconfig,"
                    + " coalesce(title, '')), 'A')").contains("coalesce(body, '')), 'B'");
            Index i = indexes(d, "post").get(0);
            assertThat(i.method()).isEqualTo(Index.Method.GIN);
            assertThat(keys(i)).isEqualTo("search_vector");
        }

        @Test
        void jsonContainmentUsesGinWithPathOps() {
            Design d = design("""
                    name: t
                    entities:
                      item:
                        volume: {rows: 1M}
                        attributes:
                          props: {type: json}
                    access_patterns:
                      - {name: by_props, entity: item, where: [props: contains], frequency: 10/s}
                    """);
            Index i = indexes(d, "item").get(0);
            assertThat(i.method()).isEqualTo(Index.Method.GIN);
            assertThat(keys(i)).isEqualTo("props jsonb_path_ops");
        }

        @Test
        void nearestNeighbourUsesGist() {
            Design d = design("""
                    name: t
                    entities:
                      shop:
                        volume: {rows: 1M}
                        attributes:
                          location: {type: geo_point, required: true}
                    access_patterns:
                      - {name: near_me, entity: shop, where: [location: near], page: {size: 10, style: none}, frequency: 10/s}
                    """);
            Index i = indexes(d, "shop").get(0);
            assertThat(i.method()).isEqualTo(Index.Method.GIST);
            assertThat(access(d, "near_me").access()).isEqualTo("Index Scan");
        }

        @Test
        void wideTimeRangesOnLargeAppendOnlyTablesUseBrin() {
            Design d = design("""
                    name: t
                    entities:
                      event:
                        append_only: true
                        volume: {rows: 500M, time_attribute: at}
                        attributes:
                          at: {type: timestamp, required: true, default: now}
                          value: {type: integer, required: true}
                    access_patterns:
                      - name: window
                        entity: event
                        where: [{attribute: at, op: range, selectivity: 0.01}]
                        aggregates: [avg(value)]
                        frequency: 1/min
                    write_patterns:
                      - {entity: event, inserts: 1000/s}
                    """);
            Index i = indexes(d, "event").get(0);
            assertThat(i.method()).isEqualTo(Index.Method.BRIN);
            Decision dec = decisionFor(d, Decision.Kind.INDEX, i.name());
            assertThat(dec.alternatives()).anySatisfy(a -> assertThat(a.option()).contains("B-tree"));
            assertThat(dec.cost().orElseThrow().sizeBytes()).isLessThan(10L * 1024 * 1024);
        }

        @Test
        void noOverlapRulesBecomeExclusionConstraintsWhoseIndexServesOverlapSearches() {
            Design d = design("""
                    name: t
                    entities:
                      room: {volume: {rows: 500}, attributes: {name: {type: text, required: true}}}
                      booking:
                        volume: {rows: 2M}
                        attributes:
                          during: {type: range, of: timestamp, required: true}
                        no_overlap:
                          - [room, during]
                    relationships:
                      - {from: booking, to: room, required: true}
                    access_patterns:
                      - {name: room_busy, entity: booking, where: [room: eq, during: overlaps], frequency: 50/s}
                    """);
            assertThat(d.schema().extensions()).containsExactly("btree_gist");
            var x = table(d, "booking").exclusions().get(0);
            assertThat(x.method()).isEqualTo("gist");
            assertThat(x.elements()).extracting(e -> e.column() + " " + e.operator())
                    .containsExactly("room_id =", "during &&");
            assertThat(indexes(d, "booking")).isEmpty();
            assertThat(access(d, "room_busy").index()).contains(x.name());
        }

        @Test
        void prefixSearchUsesThePatternOperatorClass() {
            Design d = design("""
                    name: t
                    entities:
                      city:
                        volume: {rows: 1M}
                        attributes:
                          name: {type: text, required: true}
                    access_patterns:
                      - {name: suggest, entity: city, where: [name: prefix], page: {size: 10, style: none}, frequency: 50/s}
                    """);
            assertThat(keys(indexes(d, "city").get(0))).isEqualTo("name text_pattern_ops");
        }

        @Test
        void emailLookupsUseTheCaseInsensitiveUniqueIndex() {
            Design d = orders("uniform", """
                    - {name: sign_in, entity: customer, where: [email: eq], frequency: 10/s}
                    """);
            assertThat(indexes(d, "customer")).isEmpty();
            Index unique = table(d, "customer").indexes().get(0);
            assertThat(unique.unique()).isTrue();
            assertThat(keys(unique)).isEqualTo("lower(email)");
            assertThat(access(d, "sign_in").index()).contains(unique.name());
        }
    }

    @Nested
    class Economy {
        @Test
        void anIndexWhosePatternsAnotherServesIsMerged() {
            Design d = orders("uniform", """
                    - {name: a, entity: order, where: [customer: eq], frequency: 10/s}
                    - {name: b, entity: order, where: [customer: eq], order_by: [placed_at desc], page: 20, frequency: 10/s}
                    """);
            List<Index> idx = indexes(d, "orders");
            assertThat(idx).hasSize(1);
            assertThat(decisionFor(d, Decision.Kind.INDEX, idx.get(0).name()).patterns()).containsExactlyInAnyOrder("a", "b");
            assertThat(d.decisionsOf(Decision.Kind.INDEX_MERGED)).isNotEmpty();
        }

        @Test
        void tinyTablesGetNoIndex() {
            Design d = design("""
                    name: t
                    entities:
                      country:
                        volume: {rows: 200}
                        attributes:
                          name: {type: text, required: true}
                    access_patterns:
                      - {name: by_name, entity: country, where: [name: eq], frequency: 1/s}
                    """);
            assertThat(indexes(d, "country")).isEmpty();
            assertThat(access(d, "by_name").access()).isEqualTo("Seq Scan");
            assertThat(d.decisionsOf(Decision.Kind.INDEX_NOT_CREATED)).anySatisfy(x ->
                    assertThat(x.patterns()).contains("by_name"));
        }

        @Test
        void everyIndexServesAtLeastOnePatternAndForeignKeysWithoutUseGetNone() {
            Design d = orders("uniform", """
                    - {name: recent, entity: order, order_by: [placed_at desc], page: 20, frequency: 10/s}
                    """);
            for (Index i : indexes(d, "orders")) {
                assertThat(decisionFor(d, Decision.Kind.INDEX, i.name()).patterns()).isNotEmpty();
            }
            assertThat(indexes(d, "orders")).noneMatch(i -> keys(i).startsWith("customer_id"));
            assertThat(d.decisionsOf(Decision.Kind.INDEX_NOT_CREATED)).anySatisfy(x ->
                    assertThat(x.choice()).contains("customer_id"));
        }

        @Test
        void deletingParentsGetsTheForeignKeyIndexItsChecksNeed() {
            Design d = design((ORDERS + """
                    write_patterns:
                      - {entity: customer, deletes: 1/s}
                    """).formatted("uniform", """
                      - {name: recent, entity: order, order_by: [placed_at desc], page: 20, frequency: 10/s}
                    """.stripTrailing()));
            Index fkIndex = indexes(d, "orders").stream().filter(i -> keys(i).equals("customer_id")).findFirst()
                    .orElseThrow();
            assertThat(decisionFor(d, Decision.Kind.INDEX, fkIndex.name()).patterns()).containsExactly("write:customer.delete");
        }

        @Test
        void writeCostCountsNonHotUpdates() {
            Design d = design((ORDERS + """
                    write_patterns:
                      - {entity: order, inserts: 10/s, updates: [{rate: 5/s, attributes: [status]}]}
                    """).formatted("uniform", """
                      - {name: p, entity: order, where: [status: eq], order_by: [placed_at desc], page: 20, frequency: 10/s}
                    """.stripTrailing()));
            Decision.Cost cost = decisionFor(d, Decision.Kind.INDEX, indexes(d, "orders").get(0).name()).cost()
                    .orElseThrow();
            assertThat(cost.writesPerSecond()).isEqualTo(15.0);
            assertThat(cost.writeCost()).contains("not HOT");
            assertThat(cost.sizeBytes()).isGreaterThan(0);
        }
    }

    @Nested
    class Relationships {
        private static final String SHOP = """
                name: t
                entities:
                  customer: {attributes: {name: text}}
                  order: {table: orders, attributes: {placed_at: timestamp}}
                  line: {attributes: {qty: integer}}
                  coupon: {key: [code], attributes: {code: {type: identifier, required: true}}}
                  tag: {attributes: {name: text}}
                relationships:
                  - {from: order, to: customer, required: true}
                  - {from: line, to: order, required: true, owned: true, inverse: lines}
                  - {from: order, to: coupon}
                  - {from: order, to: tag, kind: many-to-many, as: tags, inverse: orders}
                  - {from: customer, to: customer, as: referrer}
                access_patterns:
                  - {name: tagged, entity: order, where: [tags: eq], frequency: 10/s}
                """;

        @Test
        void foreignKeyActionsFollowTheRelationshipsMeaning() {
            Design d = design(SHOP);
            assertThat(fk(d, "orders", "customer_id").onDelete()).isEqualTo(ForeignKey.Action.RESTRICT);
            assertThat(fk(d, "line", "order_id").onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
            assertThat(fk(d, "orders", "coupon_code").onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
            assertThat(fk(d, "customer", "referrer_id").onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
            assertThat(fk(d, "orders", "customer_id").onUpdate()).isEqualTo(ForeignKey.Action.RESTRICT);
            assertThat(fk(d, "orders", "coupon_code").onUpdate()).isEqualTo(ForeignKey.Action.CASCADE);
            assertThat(decisionFor(d, Decision.Kind.FOREIGN_KEY, "line.order").rules()).contains("fk.owned-cascade");
        }

        @Test
        void manyToManyGetsAJunctionWithACompositeKeyAndTheReverseIndexItsPatternNeeds() {
            Design d = design(SHOP);
            Table j = table(d, "order_tag");
            assertThat(j.primaryKey().orElseThrow().columns()).containsExactly("order_id", "tag_id");
            assertThat(j.foreignKeys()).allMatch(f -> f.onDelete() == ForeignKey.Action.CASCADE);
            assertThat(indexes(d, "order_tag")).singleElement().satisfies(i ->
                    assertThat(keys(i)).isEqualTo("tag_id, order_id"));
            assertThat(access(d, "tagged").table()).isEqualTo("order_tag");
        }

        @Test
        void tenantScopedTablesHaveCompositeKeysUniquenessAndReferences() {
            String yaml = """
                    name: t
                    settings: {tenant: account}
                    entities:
                      account: {attributes: {name: text}}
                      member: {attributes: {email: {type: email, required: true, unique: true}}}
                      task: {attributes: {title: text}}
                    relationships:
                      - {from: member, to: account, required: true, owned: true}
                      - {from: task, to: account, required: true, owned: true}
                      - {from: task, to: member, as: assignee}
                    access_patterns:
                      - {name: mine, entity: task, where: [assignee: eq], frequency: 10/s}
                    """;
            Design d14 = design(yaml);
            assertThat(table(d14, "task").primaryKey().orElseThrow().columns()).containsExactly("account_id", "id");
            ForeignKey assignee = fk(d14, "task", "assignee_id");
            assertThat(assignee.columns()).containsExactly("account_id", "assignee_id");
            assertThat(assignee.referencedColumns()).containsExactly("account_id", "id");
            assertThat(assignee.onDelete()).isEqualTo(ForeignKey.Action.RESTRICT);
            assertThat(d14.versionNotes()).extracting(VersionNote::feature).contains("ON DELETE SET NULL (column)");
            assertThat(keys(table(d14, "member").indexes().get(0))).isEqualTo("account_id, lower(email)");
            assertThat(keys(indexes(d14, "task").get(0))).startsWith("account_id, assignee_id");

            ForeignKey on15 = fk(design(yaml, 15), "task", "assignee_id");
            assertThat(on15.onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
            assertThat(on15.setNullColumns()).containsExactly("assignee_id");
        }
    }

    @Nested
    class Enums {
        private static final String SPEC = """
                name: t
                settings: {enum_style: %s}
                entities:
                  ticket: {attributes: {state: {type: enum, values: [open, closed], required: true, default: open}}}
                access_patterns:
                  - {name: one, entity: ticket, where: [id: eq], frequency: 1/s}
                """;

        @Test
        void checkStyleIsTextWithACheck() {
            Design d = design(SPEC.formatted("check"));
            assertThat(table(d, "ticket").column("state").orElseThrow().type()).isEqualTo("text");
            assertThat(table(d, "ticket").checks()).anySatisfy(c ->
                    assertThat(c.expression()).isEqualTo("state IN ('open', 'closed')"));
        }

        @Test
        void typeStyleCreatesAnEnumType() {
            Design d = design(SPEC.formatted("type"));
            assertThat(d.schema().enumTypes()).singleElement().satisfies(t -> {
                assertThat(t.name()).isEqualTo("ticket_state");
                assertThat(t.values()).containsExactly("open", "closed");
            });
            assertThat(table(d, "ticket").column("state").orElseThrow().type()).isEqualTo("ticket_state");
        }

        @Test
        void tableStyleCreatesALookupTableWithItsRowsAndAForeignKey() {
            Design d = design(SPEC.formatted("table"));
            Table lookup = table(d, "ticket_state");
            assertThat(lookup.rows()).containsExactly(List.of("open", "1"), List.of("closed", "2"));
            ForeignKey f = fk(d, "ticket", "state");
            assertThat(f.referencedTable()).isEqualTo("ticket_state");
            assertThat(f.onUpdate()).isEqualTo(ForeignKey.Action.CASCADE);
            assertThat(PgDialect.INSTANCE.renderDdl(d.schema())).anySatisfy(st ->
                    assertThat(st.sql()).startsWith("INSERT INTO ticket_state (value, sort_order) VALUES"));
        }
    }

    @Nested
    class Versions {
        private static final String UUIDV7 = """
                name: t
                settings: {key: uuidv7}
                entities:
                  thing: {attributes: {name: text}}
                access_patterns:
                  - {name: one, entity: thing, where: [id: eq], frequency: 1/s}
                """;

        @Test
        void newerFeaturesAreUsedOnlyWhenTargeted() {
            Column on14 = table(design(UUIDV7), "thing").column("id").orElseThrow();
            assertThat(on14.defaultExpression()).isEmpty();
            assertThat(design(UUIDV7).versionNotes()).anySatisfy(n -> {
                assertThat(n.feature()).isEqualTo("uuidv7()");
                assertThat(n.version()).isEqualTo(18);
            });
            assertThat(table(design(UUIDV7, 18), "thing").column("id").orElseThrow().defaultExpression())
                    .contains("uuidv7()");
        }

        @Test
        void unsupportedVersionsAreRefused() {
            assertThatThrownBy(() -> design(UUIDV7, 13)).isInstanceOf(UserError.class)
                    .hasMessageContaining("PostgreSQL version 13 is not supported");
        }
    }

    @Nested
    class Proposals {
        @Test
        void frequentCountsOfChildrenProposeACounterWithItsCost() {
            Design d = orders("zipf(1.1)", """
                    - {name: how_many, entity: order, where: [customer: eq], aggregates: [count], frequency: 100/s}
                    """);
            Decision counter = d.decisionsOf(Decision.Kind.DENORMALIZATION).stream()
                    .filter(x -> x.rules().contains("denormalize.counter")).findFirst().orElseThrow();
            assertThat(counter.applied()).isFalse();
            assertThat(counter.sql().orElseThrow()).contains("CREATE TRIGGER");
            assertThat(counter.cost().orElseThrow().writeCost()).contains("hot");
        }

        @Test
        void aStaleOkAggregateOverMillionsOfRowsInATimeRangeProposesAnHourlyRollup() {
            String pattern = """
                    - {name: revenue, entity: order, where: [{attribute: placed_at, op: range, selectivity: 0.2}],
                       aggregates: ["sum(total)", count], frequency: 1/min, stale_ok: %s}
                    """;
            Decision rollup = orders("uniform", pattern.formatted("true")).decisionsOf(Decision.Kind.DENORMALIZATION)
                    .stream().filter(x -> x.rules().contains("denormalize.time-rollup")).findFirst().orElseThrow();
            assertThat(rollup.applied()).isFalse();
            assertThat(rollup.sql().orElseThrow()).contains("date_trunc('hour', placed_at)")
                    .contains("sum(total) AS sum_total").contains("REFRESH MATERIALIZED VIEW CONCURRENTLY");
            // fresh reads required: no rollup
            assertThat(orders("uniform", pattern.formatted("false")).decisions())
                    .noneMatch(x -> x.rules().contains("denormalize.time-rollup"));
        }

        @Test
        void filtersThroughAJoinProposeACopiedColumn() {
            Design d = design("""
                    name: t
                    entities:
                      customer: {volume: {rows: 1M}, attributes: {country: {type: text, max_length: 2, required: true}}}
                      order: {table: orders, volume: {rows: 10M}, attributes: {placed_at: timestamp}}
                    relationships:
                      - {from: order, to: customer, required: true}
                    access_patterns:
                      - {name: by_country, entity: order, where: [customer.country: eq], order_by: [placed_at desc], page: 20, frequency: 50/s}
                    write_patterns:
                      - {entity: customer, updates: [{rate: 1/s, attributes: [country]}]}
                    """);
            Decision copy = decisionFor(d, Decision.Kind.DENORMALIZATION, "orders.customer_country");
            assertThat(copy.applied()).isFalse();
            assertThat(copy.cost().orElseThrow().writeCost()).contains("rewrites ~10");
        }

        @Test
        void anOwnedChildAlwaysReadWithItsParentIsADocumentCandidate() {
            Design d = design("""
                    name: t
                    entities:
                      recipe: {attributes: {title: text}}
                      step: {attributes: {text: text}}
                    relationships:
                      - {from: step, to: recipe, required: true, owned: true, inverse: steps}
                    access_patterns:
                      - {name: show, entity: recipe, where: [id: eq], fetch: [steps], frequency: 100/s}
                    """);
            Decision doc = decisionFor(d, Decision.Kind.DOCUMENT_MODEL, "recipe.steps");
            assertThat(doc.applied()).isFalse();
            assertThat(doc.sql().orElseThrow()).contains("jsonb");
        }
    }

    @Test
    void theSameSpecGivesByteIdenticalOutput() throws Exception {
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("../examples/shop.yaml"));
        String a = DesignJson.write(DESIGNER.design(SpecReader.parse(yaml, "shop.yaml"), OptionalInt.empty()));
        String b = DesignJson.write(DESIGNER.design(SpecReader.parse(yaml, "shop.yaml"), OptionalInt.empty()));
        assertThat(a).isEqualTo(b);
    }
}
