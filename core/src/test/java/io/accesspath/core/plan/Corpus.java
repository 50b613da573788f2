package io.accesspath.core.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The plan files under src/test/resources/plans. */
final class Corpus {
    private Corpus() {
    }

    static Path root() {
        try {
            return Path.of(Corpus.class.getResource("/plans").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        return read(file(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code dir} whose name ends with {@code suffix}, sorted. */
    static List<Path> files(String dir, String suffix) {
        try (Stream<Path> s = Files.walk(root().resolve(dir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The captured FORMAT JSON / FORMAT TEXT pairs of real servers, as "pgNN/name". */
    static Stream<String> capturedPairs() {
        return Stream.of("pg15", "pg17", "pg18")
                .flatMap(v -> files(v, ".json").stream())
                .map(p -> root().relativize(p).toString().replace('\\', '/').replace(".json", ""));
    }

    /** The captured JSON plans, as "pgNN/name.json" and "psql/..." files. */
    static Stream<String> jsonFiles() {
        return files("", ".json").stream().map(p -> root().relativize(p).toString().replace('\\', '/'));
    }
}
