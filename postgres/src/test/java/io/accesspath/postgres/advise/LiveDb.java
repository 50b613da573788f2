package io.accesspath.postgres.advise;

import io.accesspath.core.db.ConnectOptions;
import io.accesspath.postgres.PgUrlDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A database of its own on the PostgreSQL server named by ACCESSPATH_TEST_PG_URL (default the
 * local PostgreSQL 15), named ap_live_LABEL_HEX and dropped on close. HypoPG tests need the
 * postgresql-NN-hypopg package (.ci/run installs it); without it they fail with a clear message.
 */
final class LiveDb implements AutoCloseable {
    static final String HOST = "127.0.0.1:5432";
    final String name;
    final String url;

    private LiveDb(String name) {
        this.name = name;
        this.url = "postgresql://postgres@" + HOST + "/" + name;
    }

    static LiveDb create(String label) {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        LiveDb db = new LiveDb("ap_live_" + label + "_" + HexFormat.of().formatHex(b));
        admin("CREATE DATABASE " + db.name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        return db;
    }

    static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres?user=postgres");
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Skips the calling test when the server has no HypoPG package, with the command that installs
     * it; under CI (CI=true) it fails instead, since .ci/run installs the package.
     */
    static void requireHypoPg() {
        boolean available;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres?user=postgres");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg'")) {
            available = rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + " cannot be reached: " + e.getMessage(), e);
        }
        String why = "the PostgreSQL server at " + HOST + " has no HypoPG: apt-get install postgresql-15-hypopg";
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(why + " (.ci/run should have installed it)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(available, why);
    }

    /** Runs statements as the owner (writes allowed). */
    void exec(String... sql) {
        try (Connection c = jdbc(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    List<String> column(String sql) {
        try (Connection c = jdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + name + "?user=postgres");
    }

    PgUrlDatabase readOnly() {
        return PgUrlDatabase.connect(url, ConnectOptions.DEFAULT);
    }

    PgUrlDatabase writable() {
        return PgUrlDatabase.connect(url, ConnectOptions.DEFAULT.withWrites());
    }

    /** The indexes and extensions of the database, to check that a session changed nothing. */
    List<String> fingerprint() {
        List<String> out = new ArrayList<>(column("SELECT indexname || ' ' || indexdef FROM pg_indexes"
                + " WHERE schemaname = 'public' ORDER BY 1"));
        out.addAll(column("SELECT extname FROM pg_extension ORDER BY 1"));
        return out;
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
