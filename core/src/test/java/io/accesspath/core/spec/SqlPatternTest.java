package io.accesspath.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import io.accesspath.core.spec.AccessPattern.Op;
import io.accesspath.core.spec.AccessPattern.PageStyle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Access patterns written as SQL over the logical model. */
class SqlPatternTest {
    /** A model to write SQL against; the pattern's SQL starts on line 26, column 7. */
    private static final String MODEL = """
            name: shop
            entities:
              customer:
                attributes:
                  country: identifier
                  name: text
              order:
                table: orders
                attributes:
                  status: {type: enum, values: [pending, paid, shipped]}
                  placed_at: timestamp
                  total: money
                  tags: {type: array, of: text}
                  notes: searchable_text
                  external_ref: identifier
              order_line:
                attributes:
                  amount: money
            relationships:
              - {from: order, to: customer, inverse: orders}
              - {from: order_line, to: order, inverse: lines}
            access_patterns:
              - name: p
                frequency: 1/s
                sql: |
            """;

    private static AccessPattern pattern(String sql) {
        return read(sql, "").accessPatterns().get(0);
    }

    private static Spec read(String sql, String extraKeys) {
        return SpecReader.parse(MODEL.replace("    sql: |\n", extraKeys + "    sql: |\n") + indent(sql), "spec.yaml");
    }

    private static List<String> problems(String sql) {
        UserError error = catchThrowableOfType(UserError.class, () -> read(sql, ""));
        assertThat(error).as("expected problems for: %s", sql).isNotNull();
        return error.problems().stream().map(Problem::render).toList();
    }

    private static String indent(String sql) {
        return sql.lines().map(line -> "      " + line + "\n").reduce("", String::concat);
    }

    @Test
    void fromGivesTheEntityByNameOrTable() {
        assertThat(pattern("SELECT * FROM orders").entity()).isEqualTo("order");
        assertThat(pattern("SELECT * FROM order_line").entity()).isEqualTo("order_line");
        assertThat(pattern("SELECT * FROM orders").sql()).contains("SELECT * FROM orders\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "status = :s; EQ", "status <> :s; NE", "status != ?; NE", "placed_at < :t; LT", "placed_at <= :t; LTE",
            "placed_at > :t; GT", "placed_at >= :t; GTE", ":t < placed_at; GT", "? >= placed_at; LTE",
            "status IN (:a, :b); IN", "status IN (?); IN", "id = ANY(:ids); IN", "placed_at BETWEEN ? AND ?; RANGE",
            "external_ref LIKE :p; PREFIX", "external_ref LIKE :p || '%'; PREFIX", "tags @> :t; CONTAINS",
            "tags && :t; OVERLAPS", "notes @@ plainto_tsquery(:q); FULLTEXT", "placed_at IS NULL; IS_NULL",
            "placed_at IS NOT NULL; IS_NOT_NULL", "placed_at > now() - interval '1 day'; GT"})
    void whereGivesFilters(String condition, Op op) {
        AccessPattern pattern = pattern("SELECT * FROM orders WHERE " + condition);

        assertThat(pattern.filters()).singleElement().satisfies(f -> assertThat(f.op()).isEqualTo(op));
        assertThat(pattern.filters().get(0).isConstant()).isEqualTo(op == Op.IS_NULL || op == Op.IS_NOT_NULL);
    }

    @Test
    void constantsBecomeConstantFilters() {
        AccessPattern pattern = pattern("SELECT * FROM orders WHERE status IN ('paid', 'shipped') AND total BETWEEN 10"
                + " AND 20.5 AND external_ref LIKE 'AB%' AND placed_at >= TIMESTAMP '2026-01-01 00:00:00' AND id = -1");

        assertThat(pattern.filters()).extracting(AccessPattern.Filter::attribute, AccessPattern.Filter::op,
                AccessPattern.Filter::values).containsExactly(
                        tuple("status", Op.IN, List.of("paid", "shipped")),
                        tuple("total", Op.RANGE, List.of("10", "20.5")),
                        tuple("external_ref", Op.PREFIX, List.of("AB")),
                        tuple("placed_at", Op.GTE, List.of("2026-01-01 00:00:00")),
                        tuple("id", Op.EQ, List.of("-1")));
    }

    @Test
    void readsInListsFollowedByMoreConditions() {
        // JSqlParser 5.3 nests what follows an IN list inside it; the reader repairs the tree.
        AccessPattern pattern = pattern("SELECT * FROM orders WHERE status IN (:a, :b) AND total > 3 AND id IN (1, 2)"
                + " AND placed_at < :t");

        assertThat(pattern.filters()).extracting(AccessPattern.Filter::attribute, AccessPattern.Filter::op)
                .containsExactly(tuple("status", Op.IN), tuple("total", Op.GT), tuple("id", Op.IN),
                        tuple("placed_at", Op.LT));
    }

    @Test
    void relationshipColumnsMayBeWrittenWithId() {
        AccessPattern pattern = pattern("SELECT * FROM orders WHERE customer_id = ? AND customer = ?");

        assertThat(pattern.filters()).extracting(AccessPattern.Filter::attribute).containsExactly("customer", "customer");
    }

    @Test
    void joinsGiveFetchPathsAndDottedFilters() {
        AccessPattern pattern = pattern("""
                SELECT l.* FROM order_line l
                JOIN orders o ON o.id = l.order_id
                LEFT JOIN customer c ON c.id = o.customer
                WHERE c.country = :country AND country = :again""");

        assertThat(pattern.entity()).isEqualTo("order_line");
        assertThat(pattern.fetch()).containsExactly("order", "order.customer");
        assertThat(pattern.filters()).extracting(AccessPattern.Filter::attribute)
                .containsExactly("order.customer.country", "order.customer.country");
        assertThat(pattern.project()).isEmpty();
    }

    @Test
    void joinsWalkInverseRelationships() {
        AccessPattern pattern = pattern("SELECT c.name FROM customer c JOIN orders o ON o.customer = c.id"
                + " JOIN order_line l ON l.order = o.id");

        assertThat(pattern.fetch()).containsExactly("orders", "orders.lines");
        assertThat(pattern.project()).containsExactly("name");
    }

    @Test
    void selectOrderLimitAndGroupByGiveTheRest() {
        AccessPattern pattern = pattern("SELECT status, count(*), sum(total), max(placed_at) FROM orders"
                + " WHERE customer = :c GROUP BY status ORDER BY status DESC LIMIT 10");

        assertThat(pattern.project()).containsExactly("status");
        assertThat(pattern.aggregates()).extracting(AccessPattern.Aggregate::function, AccessPattern.Aggregate::attribute)
                .containsExactly(tuple(AccessPattern.AggregateFunction.COUNT, java.util.Optional.empty()),
                        tuple(AccessPattern.AggregateFunction.SUM, java.util.Optional.of("total")),
                        tuple(AccessPattern.AggregateFunction.MAX, java.util.Optional.of("placed_at")));
        assertThat(pattern.groupBy()).containsExactly("status");
        assertThat(pattern.sort()).extracting(AccessPattern.SortKey::attribute, AccessPattern.SortKey::direction)
                .containsExactly(tuple("status", AccessPattern.Direction.DESC));
        assertThat(pattern.page()).contains(new AccessPattern.Page(10, PageStyle.NONE));
    }

    @Test
    void limitAndOffsetMeetThePageOfTheItem() {
        assertThat(pattern("SELECT * FROM orders ORDER BY id LIMIT 20 OFFSET :o").page())
                .contains(new AccessPattern.Page(20, PageStyle.OFFSET));
        assertThat(read("SELECT * FROM orders ORDER BY id LIMIT 20", "    page: {style: keyset}\n")
                .accessPatterns().get(0).page()).contains(new AccessPattern.Page(20, PageStyle.KEYSET));
        assertThat(read("SELECT * FROM orders ORDER BY id LIMIT :n", "    page: 30\n")
                .accessPatterns().get(0).page()).contains(new AccessPattern.Page(30, PageStyle.KEYSET));
        assertThat(pattern("SELECT * FROM orders").page()).isEmpty();
    }

    @Test
    void locatesErrorsInsideTheSql() {
        assertThat(problems("SELECT * FROM orders\nWHERE stauts = :s")).containsExactly(
                "spec.yaml:27:13: unknown attribute 'stauts' on entity 'order'; did you mean 'status'?");
        assertThat(problems("SELECT *\n  FROM ordrs o")).containsExactly(
                "spec.yaml:27:14: unknown entity 'ordrs' in access pattern 'p'; did you mean 'orders'?");
        assertThat(problems("SELECT * FROM orders WHERE status = 'paid\n")).containsExactly(
                "spec.yaml:26:43: invalid SQL in access pattern 'p': unreadable text (an unclosed quote?)");
        assertThat(problems("SELECT * FROM orders WHERE")).containsExactly(
                "spec.yaml:26:28: invalid SQL in access pattern 'p': unexpected 'WHERE'");
        assertThat(problems("SELECT 1 FROM orders; SELECT 2 FROM orders")).containsExactly(
                "spec.yaml:26:29: invalid SQL in access pattern 'p': more than one statement; write one SELECT per"
                        + " access pattern");
    }

    @Test
    void checksOperatorsAgainstTypesAsInYaml() {
        assertThat(problems("SELECT * FROM orders WHERE status @@ to_tsquery(:q) AND status = 'payed'")).containsExactly(
                "spec.yaml:26:34: operator 'fulltext' does not apply to attribute 'status' of type enum in access"
                        + " pattern 'p'; fulltext applies to searchable_text",
                "spec.yaml:26:72: invalid value 'payed' for attribute 'status' of type enum in access pattern 'p';"
                        + " expected one of pending, paid, shipped");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM orders WHERE NOT status = :s | NOT",
            "SELECT * FROM orders WHERE status NOT IN (:a) | NOT",
            "SELECT * FROM orders WHERE external_ref LIKE '%x' | LIKE '%x'",
            "SELECT * FROM orders WHERE external_ref ILIKE 'x%' | ILIKE",
            "SELECT * FROM orders WHERE lower(external_ref) = :e | condition on 'lower(external_ref)'",
            "SELECT * FROM orders WHERE status IN (SELECT status FROM orders) | IN item",
            "SELECT * FROM orders WHERE total = placed_at | condition 'total = placed_at'",
            "SELECT * FROM orders WHERE status = NULL | comparison with NULL",
            "SELECT DISTINCT status FROM orders | DISTINCT",
            "SELECT status, count(*) FROM orders GROUP BY status HAVING count(*) > 1 | HAVING",
            "SELECT * FROM orders UNION SELECT * FROM orders | only a single SELECT",
            "SELECT * FROM (SELECT * FROM orders) x | FROM must name an entity",
            "SELECT * FROM orders, customer | this kind of join",
            "SELECT count(DISTINCT status) FROM orders | COUNT(DISTINCT ...)",
            "SELECT total + 1 FROM orders | select item 'total + 1'",
            "SELECT * FROM orders ORDER BY placed_at NULLS LAST | NULLS FIRST/LAST",
            "SELECT * FROM orders FOR UPDATE | FOR UPDATE/SHARE"})
    void rejectsSqlOutsideTheSubset(String sql, String construct) {
        assertThat(problems(sql)).singleElement().asString()
                .startsWith("spec.yaml:26:").contains("unsupported SQL in access pattern 'p': " + construct);
    }

    @Test
    void checksTheColumnsOfJoinConditions() {
        assertThat(problems("SELECT * FROM orders o JOIN customer c ON c.id = o.custmer_id")).containsExactly(
                "spec.yaml:26:58: unknown attribute 'custmer_id' on entity 'order'; did you mean 'customer'?");
    }

    @Test
    void rejectsJoinsWithoutARelationship() {
        assertThat(problems("SELECT * FROM order_line l JOIN customer c ON c.id = l.id")).containsExactly(
                "spec.yaml:26:39: no relationship leads to entity 'customer' in access pattern 'p';"
                        + " declare the relationship under 'relationships'");
    }

    @Test
    void keysThatTheSqlGivesCannotBeRepeated() {
        UserError error = catchThrowableOfType(UserError.class,
                () -> read("SELECT * FROM orders", "    entity: order\n    order_by: [id]\n"));

        assertThat(error.problems()).extracting(Problem::render).containsExactly(
                "spec.yaml:25:5: 'entity' cannot be combined with 'sql' in access pattern 'p'; the SQL gives it",
                "spec.yaml:26:5: 'order_by' cannot be combined with 'sql' in access pattern 'p'; the SQL gives it");
    }

    @Test
    void locatesSqlWrittenAsAJsonString() {
        UserError error = catchThrowableOfType(UserError.class, () -> SpecReader.parse("""
                {"name": "s", "entities": {"a": {"attributes": {"b": "text"}}},
                 "access_patterns": [{"name": "p", "frequency": "1/s",
                   "sql": "SELECT *\\n  FROM a\\n  WHERE \\"c\\" = 'x\\\\y' AND d = 1"}]}
                """, "s.json"));

        assertThat(error.problems()).extracting(Problem::render).containsExactly(
                "s.json:3:41: unknown attribute 'c' on entity 'a'; entity 'a' has id, b",
                "s.json:3:59: unknown attribute 'd' on entity 'a'; entity 'a' has id, b");
    }
}
