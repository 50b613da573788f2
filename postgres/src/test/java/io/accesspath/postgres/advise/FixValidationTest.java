package io.accesspath.postgres.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.error.UserError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the CREATE INDEX statements of diagnoses' fixes. */
class FixValidationTest {
    @Test
    void fixSqlKeepsOnlyItsCreateIndexStatements() {
        assertThat(FixValidation.createIndexStatements("CREATE INDEX ON orders (customer_id, status);\nANALYZE orders;"))
                .containsExactly("CREATE INDEX ON orders (customer_id, status)");
    }

    @Test
    void statementsAreReadIntoIndexes() {
        IndexDef d = FixValidation.parse("CREATE INDEX CONCURRENTLY IF NOT EXISTS x ON shop.orders USING btree"
                + " (lower(email), (a + 1)) INCLUDE (b, c) WHERE deleted_at IS NULL;", "fix");
        assertThat(d).isEqualTo(new IndexDef("fix", "shop", "orders", "btree", List.of("lower(email), (a + 1)"),
                List.of("b, c"), Optional.of("deleted_at IS NULL"), false));
        assertThat(d.anonymousDdl()).isEqualTo("CREATE INDEX ON shop.orders (lower(email), (a + 1)) INCLUDE (b, c)"
                + " WHERE deleted_at IS NULL");
        IndexDef gin = FixValidation.parse("CREATE INDEX ON \"Docs\" USING GIN (body)", "g");
        assertThat(gin.table()).isEqualTo("Docs");
        assertThat(gin.method()).isEqualTo("gin");
        assertThat(gin.anonymousDdl()).isEqualTo("CREATE INDEX ON \"Docs\" USING gin (body)");
        assertThatThrownBy(() -> FixValidation.parse("ANALYZE t", "x")).isInstanceOf(UserError.class);
    }
}
