package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.design.Decision;
import io.accesspath.core.design.Design;
import io.accesspath.core.engine.DesignOutputs;
import io.accesspath.core.schema.Index;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example's design outputs (schema.sql, design.md, erd.mmd, design.json) match the golden
 * copies in examples/expected/NAME/ verbatim; rewrite them with {@code -Dgolden.update=true} after
 * an intended change and review the diff.
 */
class ExampleDesignsTest {

    static Stream<String> examples() {
        return ExampleDesigns.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void outputsMatchTheGoldenFiles(String name) throws IOException {
        Design d = ExampleDesigns.design(name);
        Map<String, String> files = DesignOutputs.render(d, PgDialect.INSTANCE);
        Path dir = ExampleDesigns.ROOT.resolve("examples/expected").resolve(name);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path golden = dir.resolve(f.getKey());
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(dir);
                Files.writeString(golden, f.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(golden).as("golden file %s (rewrite with -Dgolden.update=true)", golden).exists();
            assertThat(f.getValue()).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyIndexIsTracedToAPatternInDesignMd(String name) {
        Design d = ExampleDesigns.design(name);
        String md = DesignOutputs.render(d, PgDialect.INSTANCE).get(DesignOutputs.DESIGN_MD);
        for (Index i : d.schema().allIndexes()) {
            if (i.unique()) {
                continue;
            }
            Decision dec = d.decisions().stream().filter(x -> x.kind() == Decision.Kind.INDEX
                    && x.subject().equals(i.name())).findFirst().orElseThrow(() -> new AssertionError(i.name()));
            assertThat(dec.patterns()).as(i.name()).isNotEmpty();
            String section = md.substring(md.indexOf("#### `" + i.name() + "`"));
            section = section.substring(0, section.indexOf("- **Why:**"));
            assertThat(section).as(i.name()).contains("- **Serves:** " + String.join(", ", dec.patterns()));
        }
    }

    @Test
    void shopCustomerOrdersGetsTheCompositeIndexTheIssueAsksFor() {
        Design d = ExampleDesigns.design("shop");
        String index = d.accessOf("customer_orders").orElseThrow().index().orElseThrow();
        Index i = d.schema().allIndexes().stream().filter(x -> x.name().equals(index)).findFirst().orElseThrow();
        // starts with the customer, equality (customer, status) before the range (placed_at, total_amount),
        // and the sort (placed_at DESC, then the keyset tiebreaker) right after the equalities
        assertThat(i.keyColumns()).containsExactly("customer_id", "status", "placed_at", "id", "total_amount");
        assertThat(i.keys().get(2).descending()).isTrue();
        assertThat(d.accessOf("customer_orders").orElseThrow().sortAvoided()).isTrue();
        Decision dec = d.decisions().stream().filter(x -> x.subject().equals(index)).findFirst().orElseThrow();
        assertThat(dec.reason()).contains("equality on customer_id, status first").contains("matching the ORDER BY")
                .contains("no sort is needed");
        assertThat(dec.alternatives()).anySatisfy(a -> assertThat(a.verdict()).contains("cannot return rows in"
                + " ORDER BY order"));
    }
}
