package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.diagnose.internal.Condition.Shape;
import io.accesspath.core.plan.diagnose.internal.Tok.Type;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the conditions PostgreSQL prints ("Filter", "Index Cond", "Join Filter", ...) into
 * classified conjuncts. Never fails: text it does not understand gives {@link Shape#OTHER}.
 */
final class Predicates {
    private static final Set<String> RANGE_OPS = Set.of("<", "<=", ">", ">=");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=", "~~", "~~*", "!~~",
            "!~~*");
    private static final Set<String> LIKE_OPS = Set.of("~~", "~~*");

    private Predicates() {
    }

    /** The top-level conjuncts of {@code text}, classified for the relation of {@code scope}. */
    static List<Condition> conjuncts(Optional<String> text, Scope scope) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<Condition> out = new ArrayList<>();
        for (Expr part : Expr.parse(text.get()).strip().split("AND")) {
            if (!part.isEmpty()) {
                out.add(classify(part, scope));
            }
        }
        return out;
    }

    /** The conjuncts of several conditions of one node, in order. */
    static List<Condition> conjuncts(Scope scope, List<Optional<String>> texts) {
        List<Condition> out = new ArrayList<>();
        texts.forEach(t -> out.addAll(conjuncts(t, scope)));
        return out;
    }

    private static Condition classify(Expr conjunct, Scope scope) {
        Expr s = conjunct.strip();
        List<Expr> arms = s.split("OR");
        if (arms.size() > 1) {
            return or(conjunct, arms, scope);
        }
        if (s.isEmpty() || s.get(0).isWord("NOT")) {
            return other(conjunct, scope);
        }
        int op = s.top(t -> (t.is(Type.OP) && COMPARISONS.contains(t.text())) || t.isWord("IS"));
        if (op <= 0 || op == s.size() - 1) {
            return other(conjunct, scope);
        }
        Side left = Side.of(s.sub(0, op), scope);
        Side right = Side.of(s.sub(op + 1, s.size()), scope);
        if (s.get(op).isWord("IS")) {
            boolean isNull = s.size() == op + 2 && s.get(op + 1).isWord("NULL");
            return isNull && left.kind == SideKind.COLUMN
                    ? condition(conjunct, Shape.IS_NULL, left, "IS", "NULL", scope)
                    : other(conjunct, scope);
        }
        String operator = s.get(op).text();
        if (left.kind == SideKind.VALUE && right.kind != SideKind.VALUE) {
            Side swap = left;
            left = right;
            right = swap;
            operator = flip(operator);
        }
        if (right.kind != SideKind.VALUE) {
            return other(conjunct, scope);
        }
        Shape shape = shape(left, operator, right);
        return shape == Shape.OTHER ? other(conjunct, scope)
                : condition(conjunct, shape, left, operator, right.expr.text(), scope);
    }

    private static Shape shape(Side column, String op, Side value) {
        boolean compares = op.equals("=") || RANGE_OPS.contains(op) || op.equals("~~");
        return switch (column.kind) {
            case COLUMN -> op.equals("=") ? Shape.EQUALITY
                    : RANGE_OPS.contains(op) ? Shape.RANGE
                    : LIKE_OPS.contains(op) && leadingWildcard(value.expr) ? Shape.LEADING_WILDCARD
                    : Shape.OTHER;
            case CAST_COLUMN -> compares ? Shape.CAST_ON_COLUMN : Shape.OTHER;
            case EXPRESSION -> compares ? Shape.FUNCTION_ON_COLUMN : Shape.OTHER;
            default -> Shape.OTHER;
        };
    }

    private static boolean leadingWildcard(Expr value) {
        Expr v = value.strip();
        if (v.isEmpty() || !v.get(0).is(Type.STRING)) {
            return false;
        }
        String literal = v.get(0).text();
        return literal.startsWith("'%") || literal.startsWith("'_");
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private static Condition or(Expr conjunct, List<Expr> arms, Scope scope) {
        Set<String> own = new LinkedHashSet<>();
        List<Set<String>> qualifiers = new ArrayList<>();
        for (Expr arm : arms) {
            Set<String> q = new LinkedHashSet<>();
            for (Expr.Ref ref : arm.refs()) {
                if (scope.owns(ref)) {
                    own.add(ref.printed());
                }
                q.add(ref.qualifier());
            }
            qualifiers.add(q);
        }
        Set<String> all = new LinkedHashSet<>();
        qualifiers.forEach(all::addAll);
        boolean acrossRelations = scope.qualifiers().isEmpty() && all.size() > 1 && !all.contains("")
                && qualifiers.stream().noneMatch(q -> q.containsAll(all));
        Shape shape = own.size() > 1 ? Shape.OR_ACROSS_COLUMNS : acrossRelations ? Shape.OR_ACROSS_RELATIONS : Shape.OTHER;
        List<String> armTexts = arms.stream().map(a -> a.strip().text()).toList();
        return new Condition(conjunct.text(), shape, Optional.empty(), "", "", "", "", List.copyOf(own),
                shape == Shape.OTHER ? List.of() : armTexts);
    }

    private static Condition condition(Expr conjunct, Shape shape, Side side, String op, String value, Scope scope) {
        return new Condition(conjunct.text(), shape, Optional.of(side.column.printed()), side.expr.strip().text(), op,
                value, side.detail, ownColumns(conjunct, scope), List.of());
    }

    private static Condition other(Expr conjunct, Scope scope) {
        return new Condition(conjunct.text(), Shape.OTHER, Optional.empty(), "", "", "", "", ownColumns(conjunct, scope),
                List.of());
    }

    private static List<String> ownColumns(Expr e, Scope scope) {
        Set<String> own = new LinkedHashSet<>();
        e.refs().stream().filter(scope::owns).forEach(r -> own.add(r.printed()));
        return List.copyOf(own);
    }

    private enum SideKind { COLUMN, CAST_COLUMN, EXPRESSION, VALUE, OTHER }

    /** One side of a comparison, seen from the relation of a scope. */
    private record Side(SideKind kind, Expr expr, Expr.Ref column, String detail) {

        static Side of(Expr e, Scope scope) {
            Expr s = e.strip();
            if (s.isEmpty() || s.hasWord("SubPlan")) {
                return new Side(SideKind.OTHER, s, null, "");
            }
            List<Expr.Ref> own = s.refs().stream().filter(scope::owns).toList();
            if (own.isEmpty()) {
                return new Side(SideKind.VALUE, s, null, "");
            }
            Optional<Expr.Ref> column = s.asColumn();
            if (column.isPresent()) {
                return new Side(SideKind.COLUMN, s, column.get(), "");
            }
            int cast = s.top(t -> t.is(Type.CAST));
            if (cast > 0) {
                Optional<Expr.Ref> cast0 = s.sub(0, cast).asColumn();
                if (cast0.isPresent() && scope.owns(cast0.get())) {
                    return new Side(SideKind.CAST_COLUMN, s, cast0.get(), s.sub(cast + 1, s.size()).text());
                }
            }
            String function = s.size() > 1 && s.get(0).isName() && s.get(1).is(Type.LPAREN) ? s.get(0).name() : "";
            return new Side(SideKind.EXPRESSION, s, own.get(0), function);
        }
    }
}
