package io.accesspath.postgres.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.design.Design;
import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.engine.SeedTarget;
import io.accesspath.core.engine.Seeding;
import io.accesspath.core.seed.SeedOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same spec, seed and volume give byte-identical files with 1 or 4 threads; another seed does not. */
class SeedDeterminismTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"shop", "saas", "iot", "content"})
    void filesAreIdenticalWhateverTheThreads(String example) throws IOException {
        Design design = Specs.example(example);
        SeedOptions options = SeedOptions.defaults().withScale(0.0005);
        Map<String, String> csv1 = hashes(write(design, options.withThreads(1), "csv1", true));
        Map<String, String> csv4 = hashes(write(design, options.withThreads(4), "csv4", true));
        Map<String, String> sql1 = hashes(write(design, options.withThreads(1), "sql1", false));
        Map<String, String> sql4 = hashes(write(design, options.withThreads(4), "sql4", false));
        Map<String, String> otherSeed = hashes(write(design, options.withThreads(4).withSeed(7), "seed7", true));
        assertThat(csv4).isEqualTo(csv1);
        assertThat(sql4).isEqualTo(sql1);
        assertThat(csv1.keySet()).contains("load-order.txt");
        long differing = csv1.keySet().stream().filter(f -> f.endsWith(".csv"))
                .filter(f -> !csv1.get(f).equals(otherSeed.get(f))).count();
        assertThat(differing).as("tables whose data changes with the seed (a one-row table may not)")
                .isGreaterThanOrEqualTo(csv1.size() / 2);
    }

    private Path write(Design design, SeedOptions options, String name, boolean csv) {
        Path out = dir.resolve(name);
        SeedReport r = Seeding.run(design, options, csv ? new SeedTarget.CsvFiles(out) : new SeedTarget.SqlScript(out),
                SeedListener.NONE);
        assertThat(r.rows()).isPositive();
        return out;
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName().toString(), sha256(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
