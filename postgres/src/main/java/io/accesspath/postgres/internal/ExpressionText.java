package io.accesspath.postgres.internal;

/**
 * Text surgery on SQL expressions as PostgreSQL prints them, aware of string literals and quoted
 * identifiers (parentheses inside them do not count).
 */
public final class ExpressionText {
    private ExpressionText() {}

    /**
     * The expression without one pair of parentheses around all of it: {@code (a + 1)} becomes
     * {@code a + 1}; {@code (a) + (b)} and {@code lower(a)} are returned as they are.
     */
    public static String stripOuterParentheses(String expression) {
        String s = expression.strip();
        if (s.length() >= 2 && s.charAt(0) == '(' && closingParenthesis(s, 0) == s.length() - 1) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /**
     * The body of a CHECK constraint's definition as {@code pg_get_constraintdef} prints it:
     * {@code CHECK (price > 0::numeric) NOT VALID} gives {@code price > 0::numeric}.
     *
     * @throws IllegalArgumentException when the definition is not a CHECK
     */
    public static String checkBody(String definition) {
        String prefix = "CHECK (";
        if (!definition.startsWith(prefix)) {
            throw new IllegalArgumentException("not a CHECK constraint definition: " + definition);
        }
        int open = prefix.length() - 1;
        int close = closingParenthesis(definition, open);
        if (close < 0) {
            throw new IllegalArgumentException("unbalanced parentheses in: " + definition);
        }
        return stripOuterParentheses(definition.substring(open + 1, close));
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closingParenthesis(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfQuoted(s, i, c);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        return -1;
    }

    /** The index just past a quoted run starting at {@code start}; doubled quotes stay inside. */
    private static int endOfQuoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}
