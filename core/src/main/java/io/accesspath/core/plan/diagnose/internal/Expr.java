package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.diagnose.internal.Tok.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** A slice of the tokens of one deparsed expression, with the text it was read from. */
final class Expr {
    /** Words that are never column names in deparsed expressions. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "is", "null", "true", "false", "any", "all",
            "some", "array", "case", "when", "then", "else", "end", "in", "between", "distinct", "from", "for",
            "subplan", "initplan", "hashed", "current_date", "current_time", "current_timestamp", "localtime",
            "localtimestamp", "current_user", "session_user", "current_role", "current_catalog", "current_schema",
            "user", "collate", "escape", "similar", "at", "with", "without", "time", "zone", "varying", "precision",
            "unknown", "default", "row", "interval", "returns");

    /** A column reference: {@code qualifier.name} or just {@code name} (unquoted), and the name as printed. */
    record Ref(String qualifier, String name, String printed) {
    }

    private final String source;
    private final List<Tok> toks;

    private Expr(String source, List<Tok> toks) {
        this.source = source;
        this.toks = toks;
    }

    static Expr parse(String text) {
        return new Expr(text, Tok.lex(text));
    }

    int size() {
        return toks.size();
    }

    boolean isEmpty() {
        return toks.isEmpty();
    }

    Tok get(int i) {
        return toks.get(i);
    }

    Expr sub(int from, int to) {
        return new Expr(source, toks.subList(from, to));
    }

    /** The expression as printed. */
    String text() {
        return toks.isEmpty() ? "" : source.substring(toks.get(0).start(), toks.get(toks.size() - 1).end());
    }

    /** Without the parentheses that enclose all of it. */
    Expr strip() {
        Expr e = this;
        while (e.size() >= 2 && e.get(0).is(Type.LPAREN) && e.closing(0) == e.size() - 1) {
            e = e.sub(1, e.size() - 1);
        }
        return e;
    }

    /** Index of the bracket closing the one at {@code open}, or -1. */
    private int closing(int open) {
        int depth = 0;
        for (int i = open; i < toks.size(); i++) {
            depth += delta(toks.get(i));
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int delta(Tok t) {
        return t.is(Type.LPAREN) || t.is(Type.LBRACKET) ? 1 : t.is(Type.RPAREN) || t.is(Type.RBRACKET) ? -1 : 0;
    }

    /** The parts between occurrences of {@code word} outside brackets (one part when there is none). */
    List<Expr> split(String word) {
        List<Expr> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            depth += delta(t);
            if (depth == 0 && t.isWord(word)) {
                parts.add(sub(from, i));
                from = i + 1;
            }
        }
        parts.add(sub(from, toks.size()));
        return parts;
    }

    /** Index of the first token outside brackets that satisfies {@code test}, or -1. */
    int top(Predicate<Tok> test) {
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (depth == 0 && test.test(t)) {
                return i;
            }
            depth += delta(t);
        }
        return -1;
    }

    boolean hasWord(String word) {
        return toks.stream().anyMatch(t -> t.isWord(word));
    }

    /** The column references, in order: names not used as functions, types, keywords or fields. */
    List<Ref> refs() {
        List<Ref> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (!t.isName() || notAColumn(i)) {
                continue;
            }
            Tok next = i + 1 < toks.size() ? toks.get(i + 1) : null;
            if (next != null && next.is(Type.LPAREN)) {
                continue;
            }
            if (next != null && next.is(Type.DOT) && i + 2 < toks.size() && toks.get(i + 2).isName()) {
                boolean function = i + 3 < toks.size() && toks.get(i + 3).is(Type.LPAREN);
                if (!function) {
                    out.add(new Ref(t.name(), toks.get(i + 2).name(), toks.get(i + 2).text()));
                }
                i += 2;
                continue;
            }
            out.add(new Ref("", t.name(), t.text()));
        }
        return out;
    }

    private boolean notAColumn(int i) {
        Tok t = toks.get(i);
        if (t.is(Type.WORD) && KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
            return true;
        }
        Tok prev = i > 0 ? toks.get(i - 1) : null;
        if (prev != null && (prev.is(Type.CAST) || prev.is(Type.DOT) || prev.isWord("COLLATE"))) {
            return true;
        }
        // EXTRACT(field FROM column): the field is not a column
        return prev != null && prev.is(Type.LPAREN) && i >= 2 && toks.get(i - 2).isWord("EXTRACT");
    }

    /** The single column this expression is, if it is nothing else. */
    Optional<Ref> asColumn() {
        Expr s = strip();
        boolean single = (s.size() == 1 && s.get(0).isName())
                || (s.size() == 3 && s.get(0).isName() && s.get(1).is(Type.DOT) && s.get(2).isName());
        if (!single) {
            return Optional.empty();
        }
        List<Ref> refs = s.refs();
        return refs.size() == 1 ? Optional.of(refs.get(0)) : Optional.empty();
    }
}
