package io.accesspath.core.plan.diagnose.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds the SQL of fixes: identifier quoting and the statements the rules suggest. */
public final class Sql {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** PostgreSQL's reserved keywords (those that cannot be column or table names unquoted). */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation", "column",
            "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
            "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull",
            "join", "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not",
            "notnull", "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary",
            "references", "returning", "right", "select", "session_user", "similar", "some", "symmetric",
            "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique", "user",
            "using", "variadic", "verbose", "when", "where", "window", "with");

    private Sql() {
    }

    /** {@code name} quoted where PostgreSQL needs it: upper case, spaces, symbols, reserved words. */
    public static String ident(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.table} or {@code table}, each part quoted as needed. */
    public static String table(Optional<String> schema, String table) {
        return schema.map(s -> ident(s) + ".").orElse("") + ident(table);
    }

    /** {@code CREATE INDEX ON t (keys);} where {@code keys} are column names or expressions as printed. */
    public static String createIndex(String table, List<String> keys) {
        return "CREATE INDEX ON " + table + " (" + String.join(", ", keys) + ");";
    }

    /** A name for a statistics object from its table and columns, at most 63 bytes (PostgreSQL's limit). */
    public static String statisticsName(String table, List<String> columns) {
        String raw = (table + "_" + String.join("_", columns) + "_stats").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_");
        return raw.length() <= 63 ? raw : raw.substring(0, 57) + "_stats";
    }
}
