package io.accesspath.core.plan.diagnose.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A token of an expression as PostgreSQL deparses it in EXPLAIN ("Filter", "Index Cond", ...).
 * {@link #lex} accepts any text and never fails: what it does not know becomes an {@link Type#OP}.
 */
record Tok(Type type, String text, int start, int end) {

    enum Type { WORD, QUOTED, STRING, NUMBER, PARAM, OP, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT, CAST }

    private static final String OP_CHARS = "+-*/<>=~!@#%^&|`?";

    boolean is(Type t) {
        return type == t;
    }

    /** A WORD equal to {@code word}, ignoring case. */
    boolean isWord(String word) {
        return type == Type.WORD && text.equalsIgnoreCase(word);
    }

    /** A column, table or function name: a plain word or a quoted identifier. */
    boolean isName() {
        return type == Type.WORD || type == Type.QUOTED;
    }

    /** The identifier without quotes (an unterminated quoted identifier runs to the end of the text). */
    String name() {
        if (type != Type.QUOTED) {
            return text;
        }
        boolean closed = text.length() >= 2 && text.endsWith("\"");
        return text.substring(1, closed ? text.length() - 1 : text.length()).replace("\"\"", "\"");
    }

    static List<Tok> lex(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            Type type;
            if (c == '\'' || c == '"') {
                i = quoted(s, i, c);
                type = c == '\'' ? Type.STRING : Type.QUOTED;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                i = number(s, i);
                type = Type.NUMBER;
            } else if (c == '$' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                i++;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                type = Type.PARAM;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    i++;
                }
                type = Type.WORD;
            } else if (c == ':' && i + 1 < n && s.charAt(i + 1) == ':') {
                i += 2;
                type = Type.CAST;
            } else if (OP_CHARS.indexOf(c) >= 0) {
                while (i < n && OP_CHARS.indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                type = Type.OP;
            } else {
                i++;
                type = switch (c) {
                    case '(' -> Type.LPAREN;
                    case ')' -> Type.RPAREN;
                    case '[' -> Type.LBRACKET;
                    case ']' -> Type.RBRACKET;
                    case ',' -> Type.COMMA;
                    case '.' -> Type.DOT;
                    default -> Type.OP;
                };
            }
            out.add(new Tok(type, s.substring(start, i), start, i));
        }
        return out;
    }

    /** End of a quoted string or identifier starting at {@code i}; doubled quotes stay inside; unterminated runs to the end. */
    private static int quoted(String s, int i, char quote) {
        int j = i + 1;
        while (j < s.length()) {
            if (s.charAt(j) == quote) {
                if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    private static int number(String s, int i) {
        int j = i;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
        }
        if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            if (k < s.length() && Character.isDigit(s.charAt(k))) {
                j = k;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
            }
        }
        return j;
    }
}
