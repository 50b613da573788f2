package io.accesspath.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests: each malformed spec under {@code specs/invalid} fails with exactly the lines of
 * its sibling {@code .expected} file, compared verbatim (file:line:column: message; hint).
 */
class MalformedSpecTest {

    static Stream<Path> malformedSpecs() {
        return TestSpecs.specs("invalid").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSpecs")
    void reportsExactlyTheExpectedProblems(Path spec) {
        UserError error = catchThrowableOfType(UserError.class, () -> TestSpecs.parse(spec));

        assertThat(error).as("%s must be rejected", spec.getFileName()).isNotNull();
        assertThat(error.exitCode()).isEqualTo(UserError.INVALID_INPUT);
        assertThat(error.problems().stream().map(Problem::render).toList())
                .containsExactlyElementsOf(expectedLines(spec));
    }

    @Test
    void coversAtLeastFourteenMalformedSpecs() {
        assertThat(malformedSpecs().count()).isGreaterThanOrEqualTo(14);
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        UserError error = catchThrowableOfType(UserError.class,
                () -> TestSpecs.parse(TestSpecs.dir("invalid").resolve("five-mistakes.yaml")));

        assertThat(error.problems()).hasSize(5);
        assertThat(error.getMessage()).isEqualTo(error.problems().get(0).render());
    }

    private static List<String> expectedLines(Path spec) {
        String name = spec.getFileName().toString();
        Path expected = spec.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected");
        return TestSpecs.read(expected).lines().toList();
    }
}
