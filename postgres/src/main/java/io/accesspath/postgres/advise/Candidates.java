package io.accesspath.postgres.advise;

import io.accesspath.postgres.PgIdentifiers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ContainedBy;
import net.sf.jsqlparser.expression.operators.relational.Contains;
import net.sf.jsqlparser.expression.operators.relational.DoubleAnd;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GeometryDistance;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.JsonOperator;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.Matches;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Candidate indexes for a workload, read from its SQL: for every table a query reads, B-tree
 * keys from its WHERE and JOIN conditions, ORDER BY and GROUP BY (equality columns first, the
 * most selective first by pg_stats, then the first range column, or the sort columns), each
 * column alone, a covering variant (INCLUDE) when the query reads few other columns of the table,
 * a partial variant when a condition compares a column of few values with a constant, one index
 * per side of an OR (for a BitmapOr), and GIN or GiST indexes where the
 * operators need them (@>, <@, ?, ?|, ?&, @@, &&, <->). A candidate the database already has
 * (same table, method, keys, INCLUDE and predicate) is not proposed again.
 */
public final class Candidates {
    /** INCLUDE only when a query reads at most this many other columns of the table. */
    static final int MAX_INCLUDE = 3;
    /** A parameter inside an expression: such an expression cannot be an index key. */
    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile("\\?|\\$\\d");

    /**
     * What a workload yields: the tables each statement reads (no entry for a statement the parser
     * could not read), and the candidates in a stable order.
     */
    public record Result(Map<String, Set<String>> tablesOf, List<IndexDef> candidates, List<String> warnings) {}

    private final Catalog catalog;
    private final Map<String, IndexDef> bySignature = new LinkedHashMap<>();
    private final Set<String> existingSignatures = new LinkedHashSet<>();
    private final Set<String> names = new LinkedHashSet<>();

    private Candidates(Catalog catalog) {
        this.catalog = catalog;
        for (Catalog.Existing e : catalog.indexes()) {
            existingSignatures.add(e.index().signature());
            names.add(e.index().name());
        }
    }

    /** Candidates for statements (id to SQL; parameters as {@code $n} or {@code ?}). */
    public static Result generate(Catalog catalog, Map<String, String> statements) {
        Candidates c = new Candidates(catalog);
        Map<String, Set<String>> tablesOf = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (var e : statements.entrySet()) {
            Set<String> tables = new LinkedHashSet<>();
            try {
                c.statement(CCJSqlParserUtil.parse(e.getValue()), tables);
                tablesOf.put(e.getKey(), tables);
            } catch (JSQLParserException | RuntimeException ex) {
                warnings.add(e.getKey() + ": no candidates from this statement (the SQL parser could not read it: "
                        + firstLine(ex.getMessage()) + "); every candidate is weighed for it");
            }
        }
        return new Result(tablesOf, List.copyOf(c.bySignature.values()), warnings);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    // ---- statements ----------------------------------------------------------------------------

    private void statement(Statement st, Set<String> tables) {
        if (st instanceof Select s) {
            select(s, tables);
        } else if (st instanceof Update u) {
            single(u.getTable(), u.getWhere(), tables);
        } else if (st instanceof Delete d) {
            single(d.getTable(), d.getWhere(), tables);
        } else if (st instanceof net.sf.jsqlparser.statement.insert.Insert ins && ins.getSelect() != null) {
            select(ins.getSelect(), tables);
        }
    }

    private void single(net.sf.jsqlparser.schema.Table t, Expression where, Set<String> tables) {
        PlainSelect ps = new PlainSelect();
        ps.setFromItem(t);
        ps.setWhere(where);
        ps.addSelectItems(new AllColumns());
        plain(ps, tables);
    }

    private void select(Select s, Set<String> tables) {
        if (s.getWithItemsList() != null) {
            for (WithItem<?> w : s.getWithItemsList()) {
                if (w.getSelect() != null) {
                    select(w.getSelect(), tables);
                }
            }
        }
        if (s instanceof PlainSelect ps) {
            plain(ps, tables);
        } else if (s instanceof SetOperationList so) {
            so.getSelects().forEach(x -> select(x, tables));
        } else if (s instanceof ParenthesedSelect p) {
            select(p.getSelect(), tables);
        }
    }

    /** One condition's use of one table's column or expression. */
    private enum Use { EQ, RANGE, JOIN }

    private record Key(String sql, String column, boolean expression) {}

    /** What one SELECT does with one of its tables. */
    private static final class Access {
        final Catalog.Table table;
        final Map<String, Use> keys = new LinkedHashMap<>();
        final Map<String, Key> keyText = new LinkedHashMap<>();
        final List<String> constants = new ArrayList<>();
        final Set<String> constantColumns = new LinkedHashSet<>();
        final List<IndexDef> special = new ArrayList<>();
        final Set<String> read = new LinkedHashSet<>();
        List<String> order = List.of();
        List<String> group = List.of();
        boolean all;

        Access(Catalog.Table table) {
            this.table = table;
        }

        void use(Key k, Use u) {
            keyText.putIfAbsent(k.sql(), k);
            Use old = keys.get(k.sql());
            if (old == null || old == Use.RANGE && u != Use.RANGE) {
                keys.put(k.sql(), u);
            }
        }
    }

    private void plain(PlainSelect ps, Set<String> tables) {
        Map<String, Access> byAlias = new LinkedHashMap<>();
        List<Expression> conjuncts = new ArrayList<>();
        from(ps.getFromItem(), byAlias, tables);
        if (ps.getJoins() != null) {
            for (Join j : ps.getJoins()) {
                from(j.getRightItem(), byAlias, tables);
                if (j.getOnExpressions() != null) {
                    j.getOnExpressions().forEach(on -> split(on, conjuncts));
                }
            }
        }
        split(ps.getWhere(), conjuncts);
        List<Select> nested = new ArrayList<>();
        ColumnCollector collector = new ColumnCollector(nested);
        for (Expression c : conjuncts) {
            condition(c, byAlias);
            c.accept(collector, null);
        }
        for (SelectItem<?> item : ps.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof net.sf.jsqlparser.statement.select.AllTableColumns atc) {
                Access a = byAlias.get(alias(atc.getTable().getName()));
                if (a != null) {
                    a.all = true;
                }
            } else if (e instanceof AllColumns) {
                byAlias.values().forEach(a -> a.all = true);
            } else {
                e.accept(collector, null);
            }
        }
        if (ps.getOrderByElements() != null) {
            List<String> order = new ArrayList<>();
            Access owner = null;
            for (OrderByElement o : ps.getOrderByElements()) {
                Expression e = unwrap(o.getExpression());
                e.accept(collector, null);
                if (e instanceof GeometryDistance gd) {
                    Optional<Resolved> r = resolve(gd.getLeftExpression(), byAlias);
                    r.ifPresent(x -> x.access.special.add(special(x.access, "gist", x.key)));
                    order = null;
                    continue;
                }
                Optional<Resolved> r = resolve(e, byAlias);
                if (order == null || r.isEmpty() || owner != null && owner != r.get().access) {
                    order = null;
                    continue;
                }
                owner = r.get().access;
                order.add(r.get().key.sql() + (o.isAsc() ? "" : " DESC"));
            }
            if (order != null && owner != null) {
                owner.order = order;
            }
        }
        if (ps.getGroupBy() != null && ps.getGroupBy().getGroupByExpressionList() != null) {
            List<String> group = new ArrayList<>();
            Access owner = null;
            for (Object o : ps.getGroupBy().getGroupByExpressionList()) {
                Expression e = unwrap((Expression) o);
                e.accept(collector, null);
                Optional<Resolved> r = resolve(e, byAlias);
                if (r.isEmpty() || owner != null && owner != r.get().access) {
                    group = null;
                    break;
                }
                owner = r.get().access;
                group.add(r.get().key.sql());
            }
            if (group != null && owner != null) {
                owner.group = group;
            }
        }
        if (ps.getHaving() != null) {
            ps.getHaving().accept(collector, null);
        }
        for (Column c : collector.columns) {
            resolveColumn(c, byAlias).ifPresent(r -> r.access.read.add(r.key.column()));
        }
        for (Access a : byAlias.values()) {
            propose(a);
        }
        for (Select p : nested) {
            select(p, tables);
        }
    }

    private void from(FromItem item, Map<String, Access> byAlias, Set<String> tables) {
        if (item instanceof net.sf.jsqlparser.schema.Table t) {
            String name = t.getSchemaName() == null ? t.getName() : t.getSchemaName() + "." + t.getName();
            Optional<Catalog.Table> ct = catalog.table(name);
            if (ct.isEmpty()) {
                return; // a CTE or a table the catalog does not have
            }
            Access a = new Access(ct.get());
            tables.add(ct.get().schema() + "." + ct.get().name());
            byAlias.put(alias(t.getAlias() == null ? t.getName() : t.getAlias().getName()), a);
        } else if (item instanceof ParenthesedSelect p) {
            select(p.getSelect(), tables);
        } else if (item instanceof ParenthesedFromItem pf) {
            from(pf.getFromItem(), byAlias, tables);
            if (pf.getJoins() != null) {
                for (Join j : pf.getJoins()) {
                    from(j.getRightItem(), byAlias, tables);
                }
            }
        }
    }

    private static String alias(String s) {
        return s.startsWith("\"") ? s.substring(1, s.length() - 1) : s.toLowerCase(Locale.ROOT);
    }

    private static void split(Expression e, List<Expression> out) {
        if (e == null) {
            return;
        }
        e = unwrap(e);
        if (e instanceof AndExpression and) {
            split(and.getLeftExpression(), out);
            split(and.getRightExpression(), out);
        } else {
            out.add(e);
        }
    }

    private static Expression unwrap(Expression e) {
        while (true) {
            if (e instanceof Parenthesis p) {
                e = p.getExpression();
            } else if (e instanceof net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> l
                    && l.size() == 1) {
                e = (Expression) l.get(0);
            } else {
                return e;
            }
        }
    }

    // ---- conditions ----------------------------------------------------------------------------

    private record Resolved(Access access, Key key) {}

    private void condition(Expression c, Map<String, Access> byAlias) {
        if (c instanceof OrExpression) {
            // a OR b on one table is a BitmapOr: it needs an index on each side's column
            List<Expression> sides = new ArrayList<>();
            disjuncts(c, sides);
            for (Expression side : sides) {
                disjunctColumn(side, byAlias).ifPresent(r -> r.access.special.add(special(r.access, "btree", r.key)));
            }
            return;
        }
        if (c instanceof EqualsTo eq) {
            Optional<Resolved> l = resolve(eq.getLeftExpression(), byAlias);
            Optional<Resolved> r = resolve(eq.getRightExpression(), byAlias);
            if (l.isPresent() && r.isPresent() && l.get().access != r.get().access) {
                l.get().access.use(l.get().key, Use.JOIN);
                r.get().access.use(r.get().key, Use.JOIN);
            } else if (l.isPresent() && r.isEmpty() && free(eq.getRightExpression(), byAlias)) {
                l.get().access.use(l.get().key, Use.EQ);
                constant(l.get(), eq.getRightExpression(), " = ");
            } else if (r.isPresent() && l.isEmpty() && free(eq.getLeftExpression(), byAlias)) {
                r.get().access.use(r.get().key, Use.EQ);
                constant(r.get(), eq.getLeftExpression(), " = ");
            }
        } else if (c instanceof InExpression in && !in.isNot()) {
            resolve(in.getLeftExpression(), byAlias).ifPresent(r -> r.access.use(r.key, Use.EQ));
        } else if (c instanceof GreaterThan || c instanceof GreaterThanEquals || c instanceof MinorThan
                || c instanceof MinorThanEquals) {
            BinaryExpression b = (BinaryExpression) c;
            Optional<Resolved> l = resolve(b.getLeftExpression(), byAlias);
            Optional<Resolved> r = resolve(b.getRightExpression(), byAlias);
            if (l.isPresent() && r.isEmpty() && free(b.getRightExpression(), byAlias)) {
                l.get().access.use(l.get().key, Use.RANGE);
            } else if (r.isPresent() && l.isEmpty() && free(b.getLeftExpression(), byAlias)) {
                r.get().access.use(r.get().key, Use.RANGE);
            }
        } else if (c instanceof Between bt && !bt.isNot()) {
            resolve(bt.getLeftExpression(), byAlias).ifPresent(r -> r.access.use(r.key, Use.RANGE));
        } else if (c instanceof LikeExpression like && !like.isNot()
                && like.getRightExpression() instanceof StringValue sv && !sv.getValue().startsWith("%")
                && !sv.getValue().startsWith("_")) {
            resolve(like.getLeftExpression(), byAlias).ifPresent(r -> r.access.use(r.key, Use.RANGE));
        } else if (c instanceof IsNullExpression isNull) {
            resolve(isNull.getLeftExpression(), byAlias).ifPresent(r -> {
                r.access.constants.add(r.key.sql() + (isNull.isNot() ? " IS NOT NULL" : " IS NULL"));
                r.access.constantColumns.add(r.key.sql());
                if (!isNull.isNot()) {
                    r.access.use(r.key, Use.EQ);
                }
            });
        } else if (c instanceof Column || c instanceof NotExpression n && unwrap(n.getExpression()) instanceof Column) {
            Expression col = c instanceof NotExpression n ? unwrap(n.getExpression()) : c;
            resolve(col, byAlias).ifPresent(r -> {
                Optional<Catalog.Column> cc = r.access.table.column(r.key.column());
                if (cc.isPresent() && cc.get().type().equals("boolean")) {
                    r.access.constants.add((c instanceof NotExpression ? "NOT " : "") + r.key.sql());
                    r.access.constantColumns.add(r.key.sql());
                }
            });
        } else if (c instanceof JsonOperator || c instanceof Contains || c instanceof ContainedBy
                || c instanceof DoubleAnd || c instanceof Matches) {
            BinaryExpression b = (BinaryExpression) c;
            String op = b.getStringExpression();
            resolve(b.getLeftExpression(), byAlias).ifPresent(r -> {
                String method = method(r, op);
                if (method != null) {
                    r.access.special.add(special(r.access, method, r.key));
                }
            });
        } else if (c instanceof BinaryExpression b && unwrap(b.getLeftExpression()) instanceof GeometryDistance gd) {
            resolve(gd.getLeftExpression(), byAlias).ifPresent(r -> r.access.special.add(special(r.access, "gist", r.key)));
        }
    }

    private static void disjuncts(Expression e, List<Expression> out) {
        e = unwrap(e);
        if (e instanceof OrExpression or) {
            disjuncts(or.getLeftExpression(), out);
            disjuncts(or.getRightExpression(), out);
        } else {
            out.add(e);
        }
    }

    /** The column one side of an OR compares with a value (=, IN, <, >, BETWEEN, IS NULL), if any. */
    private Optional<Resolved> disjunctColumn(Expression side, Map<String, Access> byAlias) {
        if (side instanceof AndExpression and) {
            // (a = 1 AND b = 2) OR ...: the first conjunct's column leads that side's index
            return disjunctColumn(unwrap(and.getLeftExpression()), byAlias);
        }
        if (side instanceof EqualsTo || side instanceof GreaterThan || side instanceof GreaterThanEquals
                || side instanceof MinorThan || side instanceof MinorThanEquals) {
            BinaryExpression b = (BinaryExpression) side;
            Optional<Resolved> l = resolve(b.getLeftExpression(), byAlias);
            Optional<Resolved> r = resolve(b.getRightExpression(), byAlias);
            if (l.isPresent() && r.isEmpty() && free(b.getRightExpression(), byAlias)) {
                return l;
            }
            if (r.isPresent() && l.isEmpty() && free(b.getLeftExpression(), byAlias)) {
                return r;
            }
            return Optional.empty();
        }
        if (side instanceof InExpression in && !in.isNot()) {
            return resolve(in.getLeftExpression(), byAlias);
        }
        if (side instanceof Between bt && !bt.isNot()) {
            return resolve(bt.getLeftExpression(), byAlias);
        }
        if (side instanceof IsNullExpression isNull && !isNull.isNot()) {
            return resolve(isNull.getLeftExpression(), byAlias);
        }
        return Optional.empty();
    }

    /** GIN for arrays, jsonb and full-text search; GiST for ranges, geometry and distances. */
    private static String method(Resolved r, String op) {
        Optional<Catalog.Column> col = r.access.table.column(r.key.column());
        String type = col.map(Catalog.Column::type).orElse("");
        String category = col.map(Catalog.Column::category).orElse("");
        boolean gistType = category.equals("R") || category.equals("G") || type.startsWith("tsrange")
                || type.contains("range");
        switch (op) {
            case "@@":
                return r.key.expression() || type.equals("tsvector") ? "gin" : null;
            case "?":
            case "?|":
            case "?&":
                return type.equals("jsonb") ? "gin" : null;
            default:
                return gistType ? "gist" : (category.equals("A") || type.equals("jsonb") ? "gin" : null);
        }
    }

    /**
     * A partial index's predicate may pin a column to a constant only when the column has at most
     * this many distinct values (a status, a type, a flag): pinned to one of many values (a part
     * key, a size), the index would serve the workload file's literal and no other call.
     */
    static final double PARTIAL_MAX_DISTINCT = 10;

    private void constant(Resolved r, Expression value, String op) {
        Expression v = unwrap(value);
        double distinct = r.key.expression() ? 0
                : r.access.table.column(r.key.column()).map(Catalog.Column::distinct).orElse(0.0);
        if (distinct > PARTIAL_MAX_DISTINCT) {
            return;
        }
        if (v instanceof StringValue || v instanceof LongValue || v instanceof DoubleValue || v instanceof BooleanValue
                || v instanceof DateTimeLiteralExpression) {
            r.access.constants.add(r.key.sql() + op + v);
            r.access.constantColumns.add(r.key.sql());
        }
    }

    /** Whether an expression names no column of the query's tables (a parameter, a constant, now()). */
    private boolean free(Expression e, Map<String, Access> byAlias) {
        ColumnCollector cc = new ColumnCollector(new ArrayList<>());
        e.accept(cc, null);
        return cc.columns.stream().allMatch(c -> resolveColumn(c, byAlias).isEmpty());
    }

    /** A column, or a function of exactly one column of one table (lower(email)). */
    private Optional<Resolved> resolve(Expression e, Map<String, Access> byAlias) {
        e = unwrap(e);
        if (e instanceof Column c) {
            return resolveColumn(c, byAlias);
        }
        if (e instanceof Function f && f.getParameters() != null
                && !PARAMETER.matcher(f.toString().replaceAll("'[^']*'", "")).find()) {
            ColumnCollector cc = new ColumnCollector(new ArrayList<>());
            f.accept(cc, null);
            if (cc.columns.size() != 1) {
                return Optional.empty();
            }
            Optional<Resolved> col = resolveColumn(cc.columns.get(0), byAlias);
            if (col.isEmpty()) {
                return Optional.empty();
            }
            Column bare = cc.columns.get(0);
            String qualifier = bare.getTable() == null ? null : bare.getTable().getName();
            String text = f.toString();
            if (qualifier != null) {
                text = text.replace(qualifier + ".", "");
            }
            return Optional.of(new Resolved(col.get().access, new Key("(" + text + ")", col.get().key.column(), true)));
        }
        return Optional.empty();
    }

    private Optional<Resolved> resolveColumn(Column c, Map<String, Access> byAlias) {
        String name = alias(c.getColumnName());
        if (c.getTable() != null && c.getTable().getName() != null) {
            Access a = byAlias.get(alias(c.getTable().getName()));
            if (a == null || a.table.column(name).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Resolved(a, new Key(PgIdentifiers.quote(name), name, false)));
        }
        Access found = null;
        for (Access a : byAlias.values()) {
            if (a.table.column(name).isPresent()) {
                if (found != null && found != a) {
                    return Optional.empty(); // ambiguous
                }
                found = a;
            }
        }
        return found == null ? Optional.empty()
                : Optional.of(new Resolved(found, new Key(PgIdentifiers.quote(name), name, false)));
    }

    private static final class ColumnCollector extends ExpressionVisitorAdapter<Void> {
        final List<Column> columns = new ArrayList<>();
        final List<Select> nested;

        ColumnCollector(List<Select> nested) {
            this.nested = nested;
        }

        @Override
        public <S> Void visit(Column column, S context) {
            columns.add(column);
            return null;
        }

        @Override
        public <S> Void visit(ParenthesedSelect select, S context) {
            nested.add(select);
            return null;
        }

        @Override
        public <S> Void visit(Select select, S context) {
            nested.add(select);
            return null;
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.operators.relational.ExistsExpression exists, S context) {
            if (exists.getRightExpression() instanceof Select sel) {
                nested.add(sel);
            } else {
                exists.getRightExpression().accept(this, context);
            }
            return null;
        }
    }

    // ---- proposals -----------------------------------------------------------------------------

    private void propose(Access a) {
        List<String> eq = new ArrayList<>();
        List<String> range = new ArrayList<>();
        for (var e : a.keys.entrySet()) {
            (e.getValue() == Use.RANGE ? range : eq).add(e.getKey());
        }
        eq.sort(Comparator.comparingDouble((String k) -> selectivity(a, k)).thenComparing(k -> k));
        List<List<String>> keySets = new ArrayList<>();
        List<String> main = new ArrayList<>(eq);
        if (!range.isEmpty()) {
            main.add(range.get(0));
        }
        keySets.add(main);
        if (!a.order.isEmpty()) {
            List<String> sorted = new ArrayList<>(eq);
            for (String o : a.order) {
                String bare = o.endsWith(" DESC") ? o.substring(0, o.length() - 5) : o;
                sorted.remove(bare);
                sorted.add(o);
            }
            keySets.add(sorted);
        }
        if (!a.group.isEmpty()) {
            List<String> grouped = new ArrayList<>(eq);
            a.group.stream().filter(g -> !grouped.contains(g)).forEach(grouped::add);
            keySets.add(grouped);
        }
        for (String k : a.keys.keySet()) {
            keySets.add(List.of(k));
        }
        for (List<String> keys : keySets) {
            if (keys.isEmpty()) {
                continue;
            }
            add(btree(a, keys, List.of(), Optional.empty()));
            List<String> include = include(a, keys);
            if (!include.isEmpty()) {
                add(btree(a, keys, include, Optional.empty()));
            }
            if (!a.constants.isEmpty() && keys.size() > 1) {
                List<String> rest = keys.stream().filter(k -> !a.constantColumns.contains(k)).toList();
                if (!rest.isEmpty()) {
                    add(btree(a, rest, List.of(), Optional.of(String.join(" AND ", a.constants))));
                }
            }
        }
        if (!a.constants.isEmpty() && a.keys.keySet().stream().allMatch(a.constantColumns::contains)
                && !a.order.isEmpty()) {
            add(btree(a, a.order, List.of(), Optional.of(String.join(" AND ", a.constants))));
        }
        a.special.forEach(this::add);
    }

    /** Rows per value: the share of the table one equality keeps (lower is more selective). */
    private static double selectivity(Access a, String key) {
        Key k = a.keyText.get(key);
        if (k == null || k.expression()) {
            return 0.005;
        }
        return a.table.column(k.column()).map(Catalog.Column::equalitySelectivity).orElse(0.005);
    }

    private static List<String> include(Access a, List<String> keys) {
        if (a.all) {
            return List.of();
        }
        Set<String> keyColumns = new LinkedHashSet<>();
        for (String k : keys) {
            Key key = a.keyText.get(k.endsWith(" DESC") ? k.substring(0, k.length() - 5) : k);
            if (key != null && !key.expression()) {
                keyColumns.add(key.column());
            } else if (key == null) {
                keyColumns.add(k.replace(" DESC", "").replace("\"", ""));
            }
        }
        List<String> rest = a.read.stream().filter(c -> !keyColumns.contains(c)).sorted().toList();
        if (rest.isEmpty() || rest.size() > MAX_INCLUDE) {
            return List.of();
        }
        return rest.stream().map(PgIdentifiers::quote).toList();
    }

    private IndexDef btree(Access a, List<String> keys, List<String> include, Optional<String> where) {
        return new IndexDef(name(a.table, keys, !include.isEmpty(), where.isPresent(), "btree"), a.table.schema(),
                a.table.name(), "btree", keys, include, where, false);
    }

    private IndexDef special(Access a, String method, Key key) {
        return new IndexDef(name(a.table, List.of(key.sql()), false, false, method), a.table.schema(), a.table.name(),
                method, List.of(key.sql()), List.of(), Optional.empty(), false);
    }

    private void add(IndexDef d) {
        String sig = d.signature();
        if (existingSignatures.contains(sig) || bySignature.containsKey(sig)) {
            return;
        }
        String name = d.name();
        for (int i = 2; names.contains(name); i++) {
            String suffix = "_" + i;
            name = truncate(d.name().substring(0, d.name().length() - 4), 59 - suffix.length()) + suffix + "_idx";
        }
        names.add(name);
        bySignature.put(sig, new IndexDef(name, d.schema(), d.table(), d.method(), d.keys(), d.include(), d.where(),
                false));
    }

    /** {@code table_col1_col2[_incl][_part][_gin]_idx}, within PostgreSQL's 63 bytes. */
    static String name(Catalog.Table t, List<String> keys, boolean include, boolean partial, String method) {
        StringBuilder sb = new StringBuilder(t.name());
        for (String k : keys) {
            sb.append('_').append(k.toLowerCase(Locale.ROOT).replace(" desc", "_desc").replaceAll("[^a-z0-9_]+", "_")
                    .replaceAll("_+", "_").replaceAll("^_|_$", ""));
        }
        String tail = (include ? "_incl" : "") + (partial ? "_part" : "") + (method.equals("btree") ? "" : "_" + method);
        return truncate(sb.toString(), 59 - tail.length()) + tail + "_idx";
    }

    private static String truncate(String s, int bytes) {
        while (s.getBytes(StandardCharsets.UTF_8).length > bytes) {
            s = s.substring(0, s.length() - 1);
        }
        return s.replaceAll("_+$", "");
    }
}
