package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.db.ApplyMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Its own server (not the shared one): start, quiet, usable, gone after close. */
class EmbeddedDatabaseIT {

    @Test
    void startsQuietlyWorksAndLeavesNothingBehind() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PgEmbeddedDatabase db;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            db = PgEmbeddedDatabase.start();
        } finally {
            System.setOut(stdout);
        }
        Path directory;
        try (db) {
            assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(db.startupTime()).isPositive().isLessThan(Duration.ofSeconds(60));
            assertThat(db.serverVersion().major()).isEqualTo(17);
            assertThat(db.serverVersion().full()).startsWith("PostgreSQL 17.");
            assertThat(db.writable()).isTrue();
            assertThat(db.target()).isEqualTo("embedded PostgreSQL " + db.serverVersion().number() + " on port " + db.port());
            directory = db.directory();
            assertThat(directory).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
            assertThat(directory.resolve("server.log")).isNotEmptyFile();

            db.apply(PgDdl.render(GoldenSchemas.cycle()), ApplyMode.COMMIT);
            assertThat(db.introspect("public")).isEqualTo(Canonical.order(GoldenSchemas.cycle()));
            System.err.println("own embedded PostgreSQL started in " + db.startupTime().toMillis() + " ms");
        }
        assertThat(directory).doesNotExist();
    }
}
