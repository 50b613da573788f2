package io.accesspath.postgres.advise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameters in SQL text: PostgreSQL's {@code $1..$n} or JDBC's {@code ?}. A statement that has
 * {@code $n} keeps every {@code ?} as an operator (jsonb's {@code ?}); otherwise each {@code ?}
 * outside strings, quoted identifiers and comments is a parameter, and {@code ??} stands for the
 * {@code ?} operator (the JDBC escape).
 */
final class Placeholders {
    private static final Pattern DOLLAR = Pattern.compile("\\$(\\d+)");

    private Placeholders() {
    }

    /** The statement with {@code $n} parameters, and how many it has. */
    record Converted(String sql, int count) {}

    static Converted toDollar(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        int max = 0;
        boolean dollarStyle = hasDollar(sql);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int skip = skipQuoted(sql, i);
            if (skip > i) {
                String part = sql.substring(i, skip);
                out.append(part);
                i = skip;
                continue;
            }
            if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
                int j = i + 1;
                while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                max = Math.max(max, Integer.parseInt(sql.substring(i + 1, j)));
                out.append(sql, i, j);
                i = j;
                continue;
            }
            if (c == '?' && !dollarStyle) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
                    out.append('?');
                    i += 2;
                    continue;
                }
                out.append('$').append(++n);
                i++;
                continue;
            }
            out.append(c);
            i++;
        }
        return new Converted(out.toString(), Math.max(n, max));
    }

    private static boolean hasDollar(String sql) {
        Matcher m = DOLLAR.matcher(sql);
        while (m.find()) {
            if (m.start() == 0 || !Character.isLetterOrDigit(sql.charAt(m.start() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The index after a string, quoted identifier or comment starting at {@code i}, or {@code i}. */
    static int skipQuoted(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return sql.length();
        }
        if (c == '-' && sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end;
        }
        if (c == '/' && sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return i;
    }
}
