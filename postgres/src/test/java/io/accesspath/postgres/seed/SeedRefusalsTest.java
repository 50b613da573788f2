package io.accesspath.postgres.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.core.seed.SeedPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Impossible requests are refused while planning, before anything is generated or written:
 * exit code 2, one line per problem, naming the entity and attribute (and where the spec
 * declares it).
 */
class SeedRefusalsTest {
    private static final String PATTERNS = """
            access_patterns:
              - {name: by_id, entity: item, where: [id: eq], frequency: 1/s}
            """;

    private static List<String> refusal(String entities, SeedOptions options) {
        UserError e = catchThrowableOfType(UserError.class,
                () -> SeedPlan.of(Specs.inline("name: t\nentities:\n" + entities + PATTERNS), options));
        assertThat(e).as("a refusal").isNotNull();
        assertThat(e.exitCode()).isEqualTo(UserError.INVALID_INPUT);
        return e.problems().stream().map(Problem::render).toList();
    }

    private static List<String> refusal(String entities) {
        return refusal(entities, SeedOptions.defaults());
    }

    private static String item(String attributes) {
        return "  item:\n    volume: {rows: 10k}\n    attributes:\n" + attributes;
    }

    @Test
    void uniqueEnumWithMoreRowsThanValues() {
        assertThat(refusal(item("      kind: {type: enum, values: [a, b, c], unique: true}\n"))).containsExactly(
                "test.yaml:6:7: entity 'item', attribute 'kind': unique enum of 3 values has at most 3 distinct values"
                        + " but 10,000 rows are requested; seed at most 3 rows (--rows item=3), widen the type, or drop"
                        + " unique");
    }

    @Test
    void uniqueBoolean() {
        assertThat(refusal(item("      flag: {type: boolean, unique: true}\n"))).singleElement().asString()
                .contains("entity 'item', attribute 'flag': unique boolean has at most 2 distinct values but 10,000 rows");
    }

    @Test
    void uniqueShortIdentifier() {
        assertThat(refusal(item("      code: {type: identifier, max_length: 2, unique: true}\n"))).singleElement()
                .asString().contains("entity 'item', attribute 'code': unique identifier (max_length 2) has at most 1,296"
                        + " distinct values but 10,000 rows are requested");
    }

    @Test
    void requiredParentWithoutRows() {
        String entities = item("      name: text\n") + """
                  part:
                    volume: {rows: 100}
                    attributes:
                      name: text
                relationships:
                  - {from: part, to: item, kind: many-to-one, required: true}
                """;
        assertThat(refusal(entities, SeedOptions.defaults().withRows(Map.of("item", 0L)))).singleElement().asString()
                .endsWith("entity 'part': 100 rows need a item each (part.item is required), but item has 0 rows;"
                        + " seed some item rows or fewer part rows");
    }

    @Test
    void checkAboveWhatTheTypeHolds() {
        assertThat(refusal(item("      n: {type: integer, check: {min: 5000000000}}\n"
                + "      d: {type: decimal, precision: 5, scale: 2, check: {min: 1000}}\n"))).containsExactly(
                "test.yaml:6:7: entity 'item', attribute 'n': check min 5000000000 is above the largest value integer"
                        + " holds (2147483647); no value satisfies it; lower the check's min or choose a wider type",
                "test.yaml:7:7: entity 'item', attribute 'd': check min 1000 is above the largest value numeric(5,2)"
                        + " holds (999.99); no value satisfies it; lower the check's min or choose a wider type");
    }

    @Test
    void patternThatCannotFitTheMaximumLength() {
        assertThat(refusal(item("      code: {type: text, max_length: 3, check: {pattern: \"^[a-z]{5}$\"}}\n")))
                .singleElement().asString().contains("entity 'item', attribute 'code': no generated value matches"
                        + " pattern '^[a-z]{5}$' within max_length 3");
    }

    /** The spec reader catches this one; it is a refusal all the same. */
    @Test
    void minimumLengthAboveMaximum() {
        assertThat(refusal(item("      code: {type: text, max_length: 3, check: {min_length: 5}}\n")))
                .containsExactly("test.yaml:6:61: min_length 5 is greater than max_length 3 of attribute 'item.code'");
    }

    @Test
    void unknownFakerExpression() {
        assertThat(refusal(item("      name: {type: text, generate: {faker: \"#{nope.nothing}\"}}\n")))
                .singleElement().asString().contains("entity 'item', attribute 'name': Datafaker cannot resolve the"
                        + " expression '#{nope.nothing}'");
    }

    @Test
    void rowsOfAnUnknownEntityAndAScaleOfZero() {
        assertThat(refusal(item("      name: text\n"), SeedOptions.defaults().withScale(0)
                .withRows(Map.of("nope", 5L)))).containsExactly(
                "--scale must be a number greater than 0, got 0.0; for example --scale 0.01 for 1% of the declared"
                        + " volume",
                "--rows names entity 'nope', which t does not have; entities: item");
    }

    @Test
    void everyProblemAtOnce() {
        assertThat(refusal(item("      kind: {type: enum, values: [a, b], unique: true}\n"
                + "      flag: {type: boolean, unique: true}\n"))).hasSize(2);
    }
}
