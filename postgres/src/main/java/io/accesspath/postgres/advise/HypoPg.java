package io.accesspath.postgres.advise;

import io.accesspath.core.error.UserError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The HypoPG extension in one database: whether it is there, which version, and its calls. The
 * advisor never creates the extension on its own: only when the user asks ({@code --create-hypopg}).
 */
final class HypoPg {
    private final String version;
    private final boolean canHide;

    private HypoPg(String version, boolean canHide) {
        this.version = version;
        this.canHide = canHide;
    }

    /**
     * The installed extension.
     *
     * @throws UserError (database) when it is not installed in the database, saying how to install it
     */
    static HypoPg require(Connection c, String target, boolean create) throws SQLException {
        String installed = installedVersion(c);
        if (installed == null && create) {
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
                st.execute("BEGIN READ WRITE");
                st.execute("CREATE EXTENSION IF NOT EXISTS hypopg");
                st.execute("COMMIT");
            }
            installed = installedVersion(c);
        }
        if (installed == null) {
            boolean available;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg'")) {
                available = rs.next();
            }
            throw UserError.database(available
                    ? "HypoPG is not installed in " + target + ": the advisor needs its hypothetical indexes;"
                      + " run CREATE EXTENSION hypopg; there (it writes nothing but the extension's functions),"
                      + " or pass --create-hypopg to let accesspath run it"
                    : "the server of " + target + " has no HypoPG: install its package (Debian/Ubuntu:"
                      + " postgresql-NN-hypopg for server version NN), then run CREATE EXTENSION hypopg; there", null);
        }
        boolean hide;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_proc WHERE proname = 'hypopg_hide_index'")) {
            hide = rs.next();
        }
        return new HypoPg(installed, hide);
    }

    private static String installedVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'hypopg'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    String version() {
        return version;
    }

    /** hypopg_hide_index exists (HypoPG 1.4+ on PostgreSQL 14+... as installed). */
    boolean canHide() {
        return canHide;
    }

    long create(Connection c, String ddl) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT indexrelid FROM hypopg_create_index(?)")) {
            ps.setString(1, ddl);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("hypopg_create_index returned nothing for " + ddl);
                }
                return rs.getLong(1);
            }
        }
    }

    long size(Connection c, long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hypopg_relation_size(?::oid)")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void drop(Connection c, long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hypopg_drop_index(?::oid)")) {
            ps.setLong(1, oid);
            ps.execute();
        }
    }

    void hide(Connection c, String qualifiedIndex, boolean hide) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + (hide ? "hypopg_hide_index" : "hypopg_unhide_index")
                + "(?::regclass)")) {
            ps.setString(1, qualifiedIndex);
            ps.execute();
        }
    }
}
