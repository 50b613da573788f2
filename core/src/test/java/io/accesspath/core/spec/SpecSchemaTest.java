package io.accesspath.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schema accepts every valid spec and rejects specs whose shape is wrong. */
class SpecSchemaTest {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SpecSchema.text(), InputFormat.JSON);

    static Stream<Path> validSpecs() {
        return TestSpecs.specs("valid").stream();
    }

    private static List<Error> validate(Path spec) {
        InputFormat format = spec.toString().endsWith(".json") ? InputFormat.JSON : InputFormat.YAML;
        return SCHEMA.validate(TestSpecs.read(spec), format);
    }

    @Test
    void isADraft202012Schema() {
        assertThat(SpecSchema.text()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSpecs")
    void acceptsEveryValidSpec(Path spec) {
        assertThat(validate(spec)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unknown-keys.yaml", "unknown-types.yaml", "bad-names.yaml", "wrong-shapes.yaml",
            "quantities.yaml", "missing-keys.yaml", "operators.yaml"})
    void rejectsSpecsOfTheWrongShape(String name) {
        assertThat(validate(TestSpecs.dir("invalid").resolve(name))).isNotEmpty();
    }

    @Test
    void tellsTheShortFormsOfWhereFromTheFullForm() {
        String base = "{\"name\": \"s\", \"entities\": {\"a\": {}}, \"access_patterns\": [{\"name\": \"p\","
                + " \"entity\": \"a\", \"frequency\": 1, \"where\": [%s]}]}";
        assertThat(SCHEMA.validate(base.formatted("{\"b\": \"eq\"}, {\"b\": {\"in\": [1, 2]}},"
                + " {\"attribute\": \"c.d\", \"op\": \"range\", \"value\": [1, 2], \"selectivity\": 0.5}"),
                InputFormat.JSON)).isEmpty();
        assertThat(SCHEMA.validate(base.formatted("{\"b\": \"equals\"}"), InputFormat.JSON)).isNotEmpty();
        assertThat(SCHEMA.validate(base.formatted("{\"attribute\": \"b\"}"), InputFormat.JSON)).isNotEmpty();
        assertThat(SCHEMA.validate(base.formatted("{\"b\": {\"eq\": 1, \"ne\": 2}}"), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void requiresEitherAnEntityOrSql() {
        String base = "{\"name\": \"s\", \"entities\": {\"a\": {}}, \"access_patterns\": [{\"name\": \"p\","
                + " \"frequency\": \"1/s\"%s}]}";
        assertThat(SCHEMA.validate(base.formatted(", \"sql\": \"SELECT * FROM a\""), InputFormat.JSON)).isEmpty();
        assertThat(SCHEMA.validate(base.formatted(""), InputFormat.JSON)).isNotEmpty();
        assertThat(SCHEMA.validate(base.formatted(", \"sql\": \"SELECT * FROM a\", \"entity\": \"a\""),
                InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void checksTypeSpecificKeys() {
        String base = "{\"name\": \"s\", \"entities\": {\"a\": {\"attributes\": {\"b\": %s}}},"
                + " \"access_patterns\": [{\"name\": \"p\", \"entity\": \"a\", \"frequency\": 1}]}";
        assertThat(SCHEMA.validate(base.formatted("{\"type\": \"decimal\", \"precision\": 9}"), InputFormat.JSON))
                .isEmpty();
        assertThat(SCHEMA.validate(base.formatted("{\"type\": \"text\", \"precision\": 9}"), InputFormat.JSON))
                .isNotEmpty();
        assertThat(SCHEMA.validate(base.formatted("{\"type\": \"enum\"}"), InputFormat.JSON)).isNotEmpty();
        assertThat(SCHEMA.validate(base.formatted("{\"type\": \"range\", \"of\": \"text\"}"), InputFormat.JSON))
                .isNotEmpty();
        assertThat(SCHEMA.validate(base.formatted("\"enum\""), InputFormat.JSON)).isNotEmpty();
    }
}
