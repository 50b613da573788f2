package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The plans under src/test/resources/plans, diagnosis fixtures first among them. */
final class Fixtures {
    private Fixtures() {
    }

    static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/plans").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A diagnosis fixture by name: {@code pg15/missing_index.json}, {@code handwritten/x.txt}. */
    static Plan plan(String name) {
        return PlanParser.parse(root().resolve("diagnose").resolve(name));
    }

    static Analysis analyze(String name) {
        return PlanAnalyzer.analyze(plan(name));
    }

    static Analysis analyze(String name, SchemaFacts facts) {
        return PlanAnalyzer.analyze(plan(name), facts);
    }

    /** The diagnoses of one kind in a fixture. */
    static List<Diagnosis> of(String name, Kind kind) {
        return analyze(name).diagnoses().stream().filter(d -> d.kind() == kind).toList();
    }

    /** The one diagnosis of {@code kind} in the fixture; fails when there is not exactly one. */
    static Diagnosis one(String name, Kind kind) {
        List<Diagnosis> found = of(name, kind);
        if (found.size() != 1) {
            throw new AssertionError(name + ": expected one " + kind.id() + ", found " + found.size() + ": "
                    + analyze(name).diagnoses().stream().map(d -> d.kind().id()).toList());
        }
        return found.get(0);
    }

    /** The value of a named fact. */
    static double fact(Diagnosis d, String name) {
        return d.evidence().facts().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + name + " in " + d.evidence().facts()))
                .value();
    }

    /** The SQL of every fix, joined by newlines. */
    static String sql(Diagnosis d) {
        return String.join("\n", d.fixes().stream().flatMap(f -> f.sql().stream()).toList());
    }

    /** Every plan file of the whole corpus (JSON and text), relative to /plans. */
    static Stream<String> corpus() {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(Files::isRegularFile).map(p -> root().relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".json") || p.endsWith(".txt")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
