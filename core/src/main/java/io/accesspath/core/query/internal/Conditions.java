package io.accesspath.core.query.internal;

import io.accesspath.core.design.PatternShape.Condition;
import io.accesspath.core.query.ParameterRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders one condition of a pattern: constants as literals, everything else as parameters whose
 * role says what value they stand for. Nearest-first ({@code near}) is an ORDER BY, not a
 * condition; {@link SelectWriter} writes it.
 */
final class Conditions {
    private final QueryContext ctx;
    private final Map<Condition, String> terms = new HashMap<>();

    Conditions(QueryContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The condition on {@code table} (read under {@code alias}), or empty for {@code near}.
     *
     * @param base the parameter name to start from ({@code customer_id})
     */
    Optional<SqlText> render(String alias, String table, Condition c, String base) {
        String column = c.column();
        String type = ctx.type(table, column);
        String col = ctx.ref(alias, column);
        Optional<String> logical = c.logicalType();
        List<String> k = c.constants();
        SqlText out = new SqlText();
        switch (c.op()) {
            case EQ -> {
                if (!k.isEmpty() && type.equals("boolean")) {
                    out.sql(Boolean.parseBoolean(k.get(0)) ? col : "NOT " + col);
                } else if (!k.isEmpty()) {
                    out.sql(col + " = " + ctx.constant(type, k.get(0)));
                } else if (c.caseFolded()) {
                    String p = ctx.params.add(base, ParameterRole.EQUAL, table, column, type, logical);
                    out.sql(fold(col) + " = ").append(folded(p));
                } else {
                    out.sql(col + " = ").append(param(base, ParameterRole.EQUAL, table, column, type, logical));
                }
            }
            case NE -> {
                if (!k.isEmpty()) {
                    out.sql(col + " <> " + ctx.constant(type, k.get(0)));
                } else {
                    out.sql(col + " <> ").append(param(base, ParameterRole.NOT_EQUAL, table, column, type, logical));
                }
            }
            case IN -> {
                if (!k.isEmpty()) {
                    List<String> values = new ArrayList<>();
                    for (String v : k) {
                        values.add(ctx.constant(type, v));
                    }
                    out.sql(col + " IN (" + String.join(", ", values) + ")");
                } else {
                    out.sql(col + " = ANY(").append(param(base, ParameterRole.IN_LIST, table, column, type + "[]",
                            logical)).sql(")");
                }
            }
            case RANGE -> {
                if (k.size() == 2) {
                    out.sql(col + " >= " + ctx.constant(type, k.get(0)) + " AND " + col + " < "
                            + ctx.constant(type, k.get(1)));
                } else {
                    out.sql(col + " >= ").append(param(base + "_from", ParameterRole.RANGE_LOW, table, column, type,
                            logical));
                    out.sql(" AND " + col + " < ").append(param(base + "_to", ParameterRole.RANGE_HIGH, table, column,
                            type, logical));
                }
            }
            case GT -> bound(out, col, ">", base + "_above", ParameterRole.LOWER_BOUND, table, column, type, c);
            case GTE -> bound(out, col, ">=", base + "_min", ParameterRole.LOWER_BOUND, table, column, type, c);
            case LT -> bound(out, col, "<", base + "_below", ParameterRole.UPPER_BOUND, table, column, type, c);
            case LTE -> bound(out, col, "<=", base + "_max", ParameterRole.UPPER_BOUND, table, column, type, c);
            case PREFIX -> {
                if (!k.isEmpty()) {
                    out.sql(col + " LIKE " + ctx.lit(escapeLike(k.get(0)) + "%"));
                } else {
                    String p = ctx.params.add(base + "_prefix", ParameterRole.PREFIX, table, column, "text", logical);
                    // The wildcards of the value are escaped, so it matches literally; a custom plan folds
                    // the expression into a constant pattern an index can seek on.
                    out.sql(col + " LIKE replace(replace(replace(").param(p)
                            .sql(", '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'");
                }
            }
            case CONTAINS -> containment(out, col, "@>", base, ParameterRole.CONTAINS, table, column, type, c);
            case OVERLAPS -> containment(out, col, "&&", base, ParameterRole.OVERLAPS, table, column, type, c);
            case FULLTEXT -> out.append(fullText(alias, table, c, base));
            case WITHIN -> {
                String minLon = ctx.params.add(base + "_min_lon", ParameterRole.LONGITUDE, table, column,
                        "double precision", logical);
                String minLat = ctx.params.add(base + "_min_lat", ParameterRole.LATITUDE, table, column,
                        "double precision", logical);
                String maxLon = ctx.params.add(base + "_max_lon", ParameterRole.LONGITUDE, table, column,
                        "double precision", logical);
                String maxLat = ctx.params.add(base + "_max_lat", ParameterRole.LATITUDE, table, column,
                        "double precision", logical);
                out.sql(col + " <@ box(point(").param(minLon).sql(", ").param(minLat).sql("), point(").param(maxLon)
                        .sql(", ").param(maxLat).sql("))");
            }
            case IS_NULL -> out.sql(col + " IS NULL");
            case IS_NOT_NULL -> out.sql(col + " IS NOT NULL");
            case NEAR -> {
                return Optional.empty();
            }
            default -> throw new IllegalStateException("unhandled operator " + c.op());
        }
        return Optional.of(out);
    }

    /** {@code search_column @@ websearch_to_tsquery(config, :terms)}; remembers the terms parameter. */
    private SqlText fullText(String alias, String table, Condition c, String base) {
        String p = ctx.params.add(base + "_terms", ParameterRole.FULLTEXT_TERMS, table, c.column(), "text",
                c.logicalType());
        terms.put(c, p);
        return new SqlText().sql(document(alias, c) + " @@ ").append(tsQuery(c));
    }

    /** The generated document column a full-text condition searches. */
    String document(String alias, Condition c) {
        return ctx.ref(alias, c.searchColumn().orElse(c.column()));
    }

    /** The text search query of a rendered full-text condition. */
    SqlText tsQuery(Condition c) {
        String p = terms.get(c);
        if (p == null) {
            throw new IllegalStateException("full-text condition on " + c.column() + " is not rendered yet");
        }
        return new SqlText().sql("websearch_to_tsquery(" + ctx.lit(c.language().orElse("simple")) + ", ")
                .param(p).sql(")");
    }

    private void bound(SqlText out, String col, String op, String name, ParameterRole role, String table,
                       String column, String type, Condition c) {
        if (!c.constants().isEmpty()) {
            out.sql(col + " " + op + " " + ctx.constant(type, c.constants().get(0)));
        } else {
            out.sql(col + " " + op + " ").append(param(name, role, table, column, type, c.logicalType()));
        }
    }

    private void containment(SqlText out, String col, String op, String base, ParameterRole role, String table,
                             String column, String type, Condition c) {
        boolean range = QueryContext.isRange(type);
        // A range contains one value of its element type; everything else is compared with its own type.
        String valueType = range && role == ParameterRole.CONTAINS ? QueryContext.rangeElement(type) : type;
        if (!c.constants().isEmpty()) {
            out.sql(col + " " + op + " CAST(" + ctx.lit(c.constants().get(0)) + " AS " + valueType + ")");
            return;
        }
        String p = ctx.params.add(base, role, table, column, valueType, c.logicalType());
        out.sql(col + " " + op + " ").append(ctx.bind(p, valueType, range));
    }

    private SqlText param(String base, ParameterRole role, String table, String column, String type,
                          Optional<String> logical) {
        String p = ctx.params.add(base, role, table, column, type, logical);
        return ctx.bind(p, type, false);
    }

    private String fold(String expression) {
        return ctx.dialect.designDialect().caseFold(expression);
    }

    /** A parameter inside the dialect's case fold ({@code lower(:email)}). */
    private SqlText folded(String parameter) {
        String template = fold("\u0000");
        int at = template.indexOf('\u0000');
        return new SqlText().sql(template.substring(0, at)).param(parameter).sql(template.substring(at + 1));
    }

    /** A LIKE pattern that matches {@code value} literally (backslash is PostgreSQL's LIKE escape). */
    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
