package io.accesspath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code accesspath seed --url} stopped by a signal part way through a table (the CLI jar in a
 * subprocess, a scratch database on the PostgreSQL server): it exits within seconds, says which
 * tables it loaded, and leaves every table either fully loaded or empty.
 */
class SeedInterruptCliIT {
    private static final String SHOP = "examples/shop.yaml";
    private static final List<String> TABLES = List.of("customer", "category", "product", "orders", "order_line",
            "product_category");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalMidTableRollsItBackAndTheCliSaysWhatWasLoaded(String signal) throws Exception {
        String name = ServerDatabases.create("ap_seed_it_signal_");
        String url = ServerDatabases.url(name);
        try {
            ServerDatabases.applySchema(url, SHOP, dir);

            // order_line loads last and alone (its parents first): about 600k rows, several seconds.
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    Cli.JAR.toString(), "seed", SHOP, "--url", url, "--rows", "order=200k", "--rows", "customer=20k",
                    "--threads", "2").directory(Cli.ROOT.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                    .start();
            List<String> stderr = new ArrayList<>();
            CountDownLatch ordersLoaded = new CountDownLatch(1);
            Thread reader = new Thread(() -> read(p, stderr, ordersLoaded));
            reader.start();
            assertThat(ordersLoaded.await(5, TimeUnit.MINUTES)).as("orders loaded: %s", stderr).isTrue();
            Thread.sleep(500);
            assertThat(p.isAlive()).as("still loading order_line: %s", stderr).isTrue();

            long t0 = System.nanoTime();
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the CLI exits: %s", stderr).isTrue();
            double seconds = (System.nanoTime() - t0) / 1e9;
            reader.join(10_000);

            assertThat(seconds).as("seconds from the signal to the exit").isLessThan(15);
            assertThat(p.exitValue()).isEqualTo(signal.equals("TERM") ? 143 : 130);
            String said = String.join("\n", stderr);
            assertThat(said).contains("interrupted while loading " + url)
                    .containsPattern("tables? [a-z_, ]*order_line[a-z_, ]* (was|were) rolled back and holds? no seeded"
                            + " rows; loaded: customer, category, product, orders");
            Map<String, Long> loadedRows = loaded(stderr);
            assertThat(loadedRows).containsKeys("customer", "category", "product", "orders")
                    .doesNotContainKey("order_line");
            for (String t : TABLES) {
                long rows = count(url, t);
                if (loadedRows.containsKey(t)) {
                    assertThat(rows).as("%s holds what was reported loaded", t).isEqualTo(loadedRows.get(t));
                } else {
                    assertThat(rows).as("no half-filled table: %s", t).isZero();
                }
            }
            assertThat(count(url, "orders")).isEqualTo(200_000);
            assertThat(ServerDatabases.psql(url, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()")).as("no connection left behind").isEqualTo("0");
        } finally {
            ServerDatabases.drop(name);
        }
    }

    private static void read(Process p, List<String> lines, CountDownLatch ordersLoaded) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.startsWith("loaded orders:")) {
                    ordersLoaded.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** The tables the CLI reported loaded ("loaded TABLE: N rows in ..."), with their rows. */
    private static Map<String, Long> loaded(List<String> stderr) {
        Pattern line = Pattern.compile("loaded (\\w+): ([\\d,]+) rows in .*");
        Map<String, Long> out = new LinkedHashMap<>();
        synchronized (stderr) {
            for (String s : stderr) {
                Matcher m = line.matcher(s);
                if (m.matches()) {
                    out.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
                }
            }
        }
        return out;
    }

    private static long count(String url, String table) throws IOException, InterruptedException {
        return Long.parseLong(ServerDatabases.psql(url, "SELECT count(*) FROM " + table));
    }
}
