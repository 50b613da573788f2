package io.accesspath.core.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The spec files under {@code src/test/resources/specs}. */
final class TestSpecs {
    private TestSpecs() {}

    static Path dir(String name) {
        try {
            return Path.of(TestSpecs.class.getResource("/specs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The YAML and JSON specs of a directory, by name. */
    static List<Path> specs(String name) {
        try (Stream<Path> files = Files.list(dir(name))) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path valid(String fileName) {
        return dir("valid").resolve(fileName);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a spec, naming it by its file name only (as the golden files do). */
    static Spec parse(Path file) {
        return SpecReader.parse(read(file), file.getFileName().toString());
    }
}
