package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.db.ApplyResult;
import io.accesspath.core.design.Design;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.Schema;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example's schema applies cleanly to the embedded PostgreSQL and to the PostgreSQL server,
 * and reads back with every table and index the design made.
 */
class ExampleDesignsIT {

    static Stream<Arguments> examplesOnServers() {
        return ExampleDesigns.NAMES.stream().flatMap(n -> Stream.of(TestDatabases.Target.values())
                .map(t -> Arguments.of(n, t)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("examplesOnServers")
    void appliesAndReadsBack(String name, TestDatabases.Target target) {
        Design d = ExampleDesigns.design(name);
        try (TestDatabases.Scratch scratch = TestDatabases.create(target, name)) {
            ApplyResult r = scratch.database().apply(PgDialect.INSTANCE.renderDdl(d.schema()), ApplyMode.COMMIT);
            assertThat(r.statements()).isNotEmpty();
            Schema live = scratch.database().introspect("public");
            assertThat(live.tables()).extracting(t -> t.name())
                    .containsExactlyInAnyOrderElementsOf(d.schema().tables().stream().map(t -> t.name()).toList());
            assertThat(live.allIndexes()).extracting(Index::name)
                    .containsAll(d.schema().allIndexes().stream().map(Index::name).toList());
        }
    }
}
