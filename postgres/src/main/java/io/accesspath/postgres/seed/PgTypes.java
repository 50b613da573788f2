package io.accesspath.postgres.seed;

import java.util.Locale;
import java.util.Map;

/**
 * Compares column types as the design spells them ({@code timestamptz}, {@code varchar(200)})
 * with format_type's canonical spelling ({@code timestamp with time zone},
 * {@code character varying(200)}).
 */
final class PgTypes {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"),
            Map.entry("time", "time without time zone"),
            Map.entry("varchar", "character varying"),
            Map.entry("char", "character"),
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("decimal", "numeric"));

    private PgTypes() {
    }

    static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    /** The type in format_type's spelling: base name, then modifiers, then array brackets. */
    static String canonical(String type) {
        String t = type.strip();
        if (t.startsWith("\"")) {
            return t;
        }
        t = t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String brackets = "";
        while (t.endsWith("[]")) {
            brackets += "[]";
            t = t.substring(0, t.length() - 2).strip();
        }
        String modifier = "";
        int paren = t.indexOf('(');
        if (paren >= 0) {
            modifier = t.substring(paren).replace(" ", "");
            t = t.substring(0, paren).strip();
        }
        String base = ALIASES.getOrDefault(t, t);
        if (!modifier.isEmpty() && base.startsWith("timestamp ")) {
            return "timestamp" + modifier + base.substring("timestamp".length()) + brackets;
        }
        return base + modifier + brackets;
    }
}
