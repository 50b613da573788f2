package io.accesspath.postgres.advise;

import io.accesspath.core.db.Database;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a workload comes from: a SQL file with weights, or pg_stat_statements of a live database. */
public final class Workloads {
    private static final Pattern WEIGHT = Pattern.compile("^--\\s*weight\\s*:\\s*(\\S+)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("^--\\s*name\\s*:\\s*(\\S+)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final List<String> COSTED = List.of("select", "with", "insert", "update", "delete", "values",
            "table");

    private Workloads() {
    }

    /**
     * The statements of a SQL file, separated by semicolons. A comment line {@code -- weight: N}
     * before a statement gives its weight (calls per unit of time, or any relative number; default
     * 1), and {@code -- name: ID} its id (default {@code FILE:LINE}). Parameters are {@code $1..$n}
     * or {@code ?}; a parameterized statement is costed by its generic plan.
     *
     * @throws UserError for a file that cannot be read, a bad weight, or a file without statements
     */
    public static List<WorkloadStatement> fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserError.io("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw UserError.io("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    static List<WorkloadStatement> parse(String text, String fileName) {
        List<WorkloadStatement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        double weight = 1;
        String name = null;
        int startLine = 0;
        int line = 1;
        int i = 0;
        java.util.Set<String> ids = new java.util.HashSet<>();
        while (i <= text.length()) {
            boolean end = i == text.length();
            char c = end ? ';' : text.charAt(i);
            if (!end && current.toString().isBlank() && c == '-' && text.startsWith("--", i)) {
                int eol = text.indexOf('\n', i);
                String comment = text.substring(i, eol < 0 ? text.length() : eol).strip();
                Matcher w = WEIGHT.matcher(comment);
                Matcher n = NAME.matcher(comment);
                if (w.matches()) {
                    try {
                        weight = Double.parseDouble(w.group(1));
                    } catch (NumberFormatException e) {
                        weight = -1;
                    }
                    if (!(weight >= 0) || Double.isInfinite(weight)) {
                        throw UserError.invalid(new Loc(fileName, line, 1), "bad weight " + w.group(1),
                                "a weight is a number >= 0, as in -- weight: 120");
                    }
                } else if (n.matches()) {
                    name = n.group(1);
                }
                i = eol < 0 ? text.length() : eol;
                continue;
            }
            int skip = end ? i : Placeholders.skipQuoted(text, i);
            if (skip > i) {
                String part = text.substring(i, skip);
                line += count(part, '\n');
                current.append(part);
                i = skip;
                continue;
            }
            if (c == ';') {
                String sql = current.toString().strip();
                if (!sql.isEmpty() && !stripComments(sql).isBlank()) {
                    String id = name != null ? name : fileName + ":" + startLine;
                    if (!ids.add(id)) {
                        throw UserError.invalid(new Loc(fileName, startLine, 1), "two statements are named " + id,
                                "give each -- name: a different value");
                    }
                    out.add(WorkloadStatement.of(id, weight, sql));
                }
                current.setLength(0);
                weight = 1;
                name = null;
                i++;
                continue;
            }
            if (current.toString().isBlank() && !Character.isWhitespace(c)) {
                startLine = line;
            }
            if (c == '\n') {
                line++;
            }
            current.append(c);
            i++;
        }
        if (out.isEmpty()) {
            throw UserError.invalid(new Loc(fileName, 1, 1), "no SQL statement in the workload file",
                    "write statements separated by ;, each optionally preceded by -- weight: N");
        }
        return List.copyOf(out);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }

    /**
     * The top statements of pg_stat_statements for the database's own database, by total execution
     * time; calls are the weights; utility statements (SET, COMMIT, DDL, ...) are skipped. Read-only.
     *
     * @throws UserError when the extension is not installed or not loaded, saying what to do
     */
    public static List<WorkloadStatement> fromPgStatStatements(Database db, int top) {
        if (top < 1) {
            throw UserError.invalid("--top must be at least 1, not " + top);
        }
        try (Connection c = db.open()) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n"
                         + " ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'")) {
                if (!rs.next()) {
                    throw UserError.database("pg_stat_statements is not installed in " + db.target() + ": add"
                            + " pg_stat_statements to shared_preload_libraries in postgresql.conf, restart the server,"
                            + " then run CREATE EXTENSION pg_stat_statements; there (or give the workload as"
                            + " --workload FILE.sql)", null);
                }
            }
            List<WorkloadStatement> out = new ArrayList<>();
            String sql = "SELECT s.queryid::text AS id, s.calls, s.query FROM pg_stat_statements s"
                    + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()"
                    + " AND s.query !~* 'pg_stat_statements|hypopg' ORDER BY s.total_exec_time DESC, s.queryid";
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < top) {
                    String query = rs.getString("query");
                    if (query == null || !COSTED.contains(firstWord(query))) {
                        continue;
                    }
                    out.add(WorkloadStatement.of("pgss:" + rs.getString("id"), rs.getLong("calls"), query));
                }
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            if ("55000".equals(e.getSQLState())) {
                throw UserError.database("pg_stat_statements is installed in " + db.target() + " but not loaded: add"
                        + " it to shared_preload_libraries in postgresql.conf and restart the server", e);
            }
            throw UserError.database("cannot read pg_stat_statements on " + db.target() + ": "
                    + PgWhatIf.oneLine(e), e);
        }
    }

    static String firstWord(String sql) {
        String s = stripComments(sql).strip();
        while (s.startsWith("(")) {
            s = s.substring(1).strip();
        }
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
