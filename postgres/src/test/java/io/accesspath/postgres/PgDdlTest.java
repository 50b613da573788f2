package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.db.Statement;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PgDdlTest {

    static List<GoldenSchemas.Golden> goldens() {
        return GoldenSchemas.all();
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void scriptMatchesGoldenFile(GoldenSchemas.Golden golden) {
        Golden.assertMatches(golden.name() + ".sql", PgDdl.script(golden.schema(), golden.comments()));
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void renderingIsDeterministic(GoldenSchemas.Golden golden) {
        assertThat(PgDdl.render(golden.schema())).isEqualTo(PgDdl.render(golden.schema()));
    }

    @Test
    void statementsComeInDependencyOrder() {
        List<String> kinds = PgDdl.render(GoldenSchemas.shop()).stream().map(Statement::kind).distinct().toList();
        assertThat(kinds).containsExactly(Statement.EXTENSION, Statement.TYPE, Statement.TABLE, Statement.FOREIGN_KEY,
                Statement.INDEX, Statement.COMMENT);
    }

    @Test
    void statementsNameTheirSubjects() {
        assertThat(PgDdl.render(GoldenSchemas.shop()).stream().map(Statement::key))
                .contains("extension:btree_gist", "type:order_status", "table:orders",
                        "foreign-key:orders.orders_customer_id_fkey", "index:orders_customer_placed_idx",
                        "comment:customers", "comment:customers.name");
    }

    @Test
    void neverRendersConcurrently() {
        assertThat(PgDdl.render(GoldenSchemas.shop())).noneMatch(s -> s.sql().contains("CONCURRENTLY"));
    }

    @Test
    void commentKeysThatMatchNoStatementAreRejected() {
        assertThatThrownBy(() -> PgDdl.script(GoldenSchemas.cycle(), Map.of("index:nope", List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[index:nope]");
    }

    @Test
    void multiLineCommentsBecomeOneCommentLineEach() {
        String script = PgDdl.script(GoldenSchemas.cycle(),
                Map.of("table:employees", List.of("first\nsecond", "")));
        assertThat(script).contains("-- first\n-- second\n--\nCREATE TABLE employees (");
    }

    @Test
    void aColumnWithoutTypeIsRejectedWithItsName() {
        Schema schema = new Schema(List.of(), List.of(),
                List.of(TableBuilder.table("t").column(Column.of("c", " ", true)).build()));
        assertThatThrownBy(() -> PgDdl.render(schema)).hasMessageContaining("column t.c has no type");
    }

    @Test
    void anIndexWithoutKeysIsRejectedWithItsName() {
        Schema schema = new Schema(List.of(), List.of(), List.of(TableBuilder.table("t")
                .column("a", "integer", true)
                .index("t_idx", io.accesspath.core.schema.Index.Method.BTREE)
                .build()));
        assertThatThrownBy(() -> PgDdl.render(schema)).hasMessage("index t_idx on t has no keys");
    }

    @Test
    void setNullColumnsNeedASetNullOrSetDefaultAction() {
        Schema schema = new Schema(List.of(), List.of(), List.of(TableBuilder.table("t")
                .column("a", "integer", true)
                .foreignKey(new ForeignKey("t_a_fkey", List.of("a"), "u", List.of("id"), ForeignKey.Action.CASCADE,
                        ForeignKey.Action.NO_ACTION, List.of("a")))
                .build()));
        assertThatThrownBy(() -> PgDdl.render(schema)).hasMessageContaining("t.t_a_fkey")
                .hasMessageContaining("CASCADE");
    }
}
