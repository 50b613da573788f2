package io.accesspath.core.plan.internal;

import java.util.ArrayList;
import java.util.List;

/** Small readers for the pieces PostgreSQL's text EXPLAIN is made of. */
final class PgText {
    private PgText() {
    }

    /**
     * Splits a list PostgreSQL printed with {@code ", "} between items ("Output", "Sort Key",
     * ...), ignoring separators inside parentheses, brackets, braces and quotes.
     */
    static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        if (text.isEmpty()) {
            return items;
        }
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && c == ',' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                items.add(text.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        items.add(text.substring(start));
        return items;
    }

    /**
     * Reads names as {@code quote_identifier} prints them, separated by spaces and qualified
     * with dots: {@code public."Order Notes" n} gives {@code [[public, Order Notes], [n]]}.
     *
     * @return each space-separated name as its dotted parts, unquoted; null when the text is
     *     not made of identifiers
     */
    static List<List<String>> identifiers(String text) {
        List<List<String>> words = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            StringBuilder part = new StringBuilder();
            if (text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            part.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    part.append(c);
                    i++;
                }
            } else {
                while (i < n && text.charAt(i) != ' ' && text.charAt(i) != '.' && text.charAt(i) != '"') {
                    part.append(text.charAt(i));
                    i++;
                }
                if (part.length() == 0) {
                    return null;
                }
            }
            parts.add(part.toString());
            if (i < n && text.charAt(i) == '.') {
                i++;
            } else {
                words.add(parts);
                parts = new ArrayList<>();
                if (i < n) {
                    if (text.charAt(i) != ' ') {
                        return null;
                    }
                    i++;
                }
            }
        }
        return words.isEmpty() ? null : words;
    }
}
