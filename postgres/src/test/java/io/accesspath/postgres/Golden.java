package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a golden file under {@code src/test/resources/io/accesspath/postgres/golden/},
 * verbatim. Run with {@code -Dgolden.update=true} to rewrite the files after an intended change,
 * then review the diff.
 */
final class Golden {
    private static final Path DIR = Path.of("src/test/resources/io/accesspath/postgres/golden");

    private Golden() {}

    static void assertMatches(String fileName, String actual) {
        Path file = DIR.resolve(fileName);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s (rewrite with -Dgolden.update=true)", file).exists();
            assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
