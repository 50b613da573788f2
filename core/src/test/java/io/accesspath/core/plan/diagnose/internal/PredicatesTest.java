package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.diagnose.internal.Condition.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Conditions as PostgreSQL prints them, classified for the scan of {@code orders o}. */
class PredicatesTest {
    private static final Scope ORDERS = new Scope(Set.of("o", "orders"), true);

    private static List<Condition> read(String text) {
        return Predicates.conjuncts(Optional.of(text), ORDERS);
    }

    private static Condition one(String text) {
        List<Condition> c = read(text);
        assertThat(c).hasSize(1);
        return c.get(0);
    }

    @ParameterizedTest(name = "{0} -> {1} on {2}")
    @CsvSource(delimiter = '|', value = {
        "(status = 'open'::text)                                        | EQUALITY           | status",
        "(o.status = 'open'::text)                                      | EQUALITY           | status",
        "('open'::text = status)                                        | EQUALITY           | status",
        "(customer_id = c.id)                                           | EQUALITY           | customer_id",
        "(customer_id = $1)                                             | EQUALITY           | customer_id",
        "(customer_id = ANY ('{1,2,3}'::integer[]))                     | EQUALITY           | customer_id",
        "(created_at > (InitPlan 1).col1)                               | RANGE              | created_at",
        "(total >= '900'::numeric)                                      | RANGE              | total",
        "(5 < total)                                                    | RANGE              | total",
        "(shipped_at IS NULL)                                           | IS_NULL            | shipped_at",
        "(lower(email) = 'a@b.c'::text)                                 | FUNCTION_ON_COLUMN | email",
        "((id % '5000'::bigint) = 3)                                    | FUNCTION_ON_COLUMN | id",
        "(EXTRACT(year FROM created_at) = '2024'::numeric)              | FUNCTION_ON_COLUMN | created_at",
        "((customer_id)::numeric = 4242.0)                              | CAST_ON_COLUMN     | customer_id",
        "((\"Order Id\")::text = '7'::text)                             | CAST_ON_COLUMN     | \"Order Id\"",
        "(email ~~ '%@example.org'::text)                               | LEADING_WILDCARD   | email",
        "(email ~~* '_bc'::text)                                        | LEADING_WILDCARD   | email",
    })
    void classifies(String text, Shape shape, String column) {
        Condition c = one(text);
        assertThat(c.shape()).isEqualTo(shape);
        assertThat(c.column()).contains(column);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(email ~~ 'abc%'::text)",
        "(status <> 'open'::text)",
        "(customer_id = id)",
        "(NOT flag)",
        "(shipped_at IS NOT NULL)",
        "(customer_id = (SubPlan 1))",
        "(hashed SubPlan 1)",
        "((status = 'a'::text) OR (status = 'b'::text))",
        "(c.country = 'NL'::text)",
    })
    void leavesOtherConditionsAlone(String text) {
        assertThat(one(text).shape()).isEqualTo(Shape.OTHER);
    }

    @Test
    void splitsConjunctionsAtTheTopLevelOnly() {
        List<Condition> c = read("((status = 'open'::text) AND ((total > 5) OR (channel = 'web'::text)) "
                + "AND (created_at >= '2024-01-01 00:00:00+00'::timestamp with time zone))");
        assertThat(c).extracting(Condition::shape)
                .containsExactly(Shape.EQUALITY, Shape.OR_ACROSS_COLUMNS, Shape.RANGE);
        assertThat(c.get(1).columns()).containsExactly("total", "channel");
        assertThat(c.get(1).arms()).containsExactly("total > 5", "channel = 'web'::text");
    }

    @Test
    void anOrOverTwoRelationsIsFoundInJoinFilters() {
        Condition c = Predicates.conjuncts(Optional.of("((c.email = 'x'::text) OR (o.status = 'y'::text))"),
                Scope.NONE).get(0);
        assertThat(c.shape()).isEqualTo(Shape.OR_ACROSS_RELATIONS);
        assertThat(c.arms()).containsExactly("c.email = 'x'::text", "o.status = 'y'::text");
    }

    @Test
    void indexKeysTakeEqualitiesThenTheFirstRange() {
        List<Condition> c = read("((created_at > now()) AND (status = 'open'::text) AND (total < 5) "
                + "AND (customer_id = 7))");
        assertThat(IndexKeys.of(c)).containsExactly("status", "customer_id", "created_at");
    }

    @Test
    void quotedNamesKeepTheirQuotesForSql() {
        assertThat(one("(\"Order Id\" = 5)").column()).contains("\"Order Id\"");
        assertThat(Sql.ident("Order Notes")).isEqualTo("\"Order Notes\"");
        assertThat(Sql.ident("order")).isEqualTo("\"order\"");
        assertThat(Sql.ident("orders")).isEqualTo("orders");
    }

    @Test
    void neverFailsOnAnyText() {
        String[] pieces = {"(", ")", "[", "]", "'", "\"", "::", ":", ".", ",", " ", "AND", "OR", "NOT", "IS", "NULL",
            "=", "<", ">=", "~~", "~~*", "%", "$1", "a", "o.b", "lower", "SubPlan", "InitPlan", "1.5e", "'%x'", "E'",
            "EXTRACT", "FROM", "COLLATE", "\u00e9", "\n"};
        Random random = new Random(20261202);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(16); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextBoolean()) {
                    text.append(' ');
                }
            }
            Predicates.conjuncts(Optional.of(text.toString()), ORDERS);
            Predicates.conjuncts(Optional.of("(" + text + ") AND (x = 1)"), Scope.NONE);
        }
    }
}
