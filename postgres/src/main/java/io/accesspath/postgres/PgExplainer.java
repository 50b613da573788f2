package io.accesspath.postgres;

import io.accesspath.core.db.Database;
import io.accesspath.core.error.UserError;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs EXPLAIN on a live PostgreSQL and parses the plan. Safe by default: EXPLAIN ANALYZE of a
 * statement that changes data runs only when the caller allows it, and then inside a
 * transaction that is always rolled back; read-only statements run in a read-only transaction.
 * Statements other than SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES and TABLE are refused.
 */
public final class PgExplainer {
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*(\\(\\s*)*([A-Za-z]+)");
    private static final Pattern CHANGES = Pattern.compile("\\b(insert|update|delete|merge)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> EXPLAINABLE = List.of("select", "with", "insert", "update", "delete", "merge",
            "values", "table");

    private PgExplainer() {
    }

    /** What to ask EXPLAIN for. */
    public record Options(boolean analyze, boolean buffers, boolean allowWrites) {
        public static final Options PLAN_ONLY = new Options(false, false, false);
        public static final Options ANALYZE = new Options(true, true, false);
    }

    /**
     * EXPLAIN (FORMAT JSON) of {@code sql}, with {@code ?} parameters bound to {@code params} in
     * order.
     *
     * @throws UserError on a statement that cannot be explained, a data-changing statement under
     *                   ANALYZE without {@code allowWrites}, or a database error (with its message)
     */
    public static Plan explain(Database db, String sql, List<?> params, Options options) {
        String body = stripTrailingSemicolon(sql);
        String first = firstWord(body);
        if (!EXPLAINABLE.contains(first)) {
            throw UserError.invalid(io.accesspath.core.error.Loc.NONE, "cannot EXPLAIN a " + first.toUpperCase(Locale.ROOT)
                    + " statement", "EXPLAIN takes SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES or TABLE");
        }
        boolean changes = !first.equals("select") && !first.equals("values") && !first.equals("table")
                && (!first.equals("with") || CHANGES.matcher(body).find());
        if (options.analyze() && changes && !options.allowWrites()) {
            throw UserError.invalid(io.accesspath.core.error.Loc.NONE, "EXPLAIN ANALYZE would run this data-changing"
                    + " statement", "add --analyze-writes to run it inside a transaction that is rolled back, or drop"
                    + " --analyze to see the plan without running it");
        }
        StringBuilder explain = new StringBuilder("EXPLAIN (FORMAT JSON");
        if (options.analyze()) {
            explain.append(", ANALYZE");
            if (options.buffers()) {
                explain.append(", BUFFERS");
            }
        }
        explain.append(", SETTINGS) ").append(body);
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(changes && options.analyze() ? "SET TRANSACTION READ WRITE" : "SET TRANSACTION READ ONLY");
            }
            try (PreparedStatement ps = c.prepareStatement(explain.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    StringBuilder json = new StringBuilder();
                    while (rs.next()) {
                        json.append(rs.getString(1)).append('\n');
                    }
                    return PlanParser.parseJson(json.toString(), "EXPLAIN on " + db.target());
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw UserError.database("EXPLAIN failed on " + db.target() + ": " + oneLine(e.getMessage())
                    + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"), e);
        }
    }

    static String firstWord(String sql) {
        String s = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
        var m = FIRST_WORD.matcher(s);
        return m.find() ? m.group(2).toLowerCase(Locale.ROOT) : "";
    }

    private static String stripTrailingSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
