package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.db.ApplyResult;
import io.accesspath.core.db.Statement;
import io.accesspath.core.db.StatementError;
import io.accesspath.core.schema.Schema;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Render, apply, introspect: each golden schema comes back equal (in {@link Canonical} order).
 * A golden schema that needs a newer server than the target must fail to apply, not be skipped.
 */
abstract class RoundTripContract {
    abstract TestDatabases.Target target();

    static List<GoldenSchemas.Golden> goldens() {
        return GoldenSchemas.all();
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void renderApplyIntrospectGivesTheSchemaBack(GoldenSchemas.Golden golden) {
        try (TestDatabases.Scratch scratch = TestDatabases.create(target(), "roundtrip_" + golden.name())) {
            PgUrlDatabase db = scratch.database();
            List<Statement> statements = PgDdl.render(golden.schema());
            if (!db.serverVersion().atLeast(golden.minVersion())) {
                assertThatThrownBy(() -> db.apply(statements, ApplyMode.COMMIT)).isInstanceOf(StatementError.class);
                assertThat(db.introspect("public").tables()).isEmpty();
                return;
            }
            ApplyResult result = db.apply(statements, ApplyMode.COMMIT);
            assertThat(result.statements()).hasSameSizeAs(statements);

            Schema back = db.introspect("public");

            Schema expected = Canonical.order(golden.schema());
            assertThat(back).usingRecursiveComparison().isEqualTo(expected);
            assertThat(back).isEqualTo(expected);
            assertThat(PgDdl.render(back)).isEqualTo(PgDdl.render(expected));
        }
    }
}
