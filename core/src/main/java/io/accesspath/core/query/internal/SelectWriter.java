package io.accesspath.core.query.internal;

import io.accesspath.core.design.Design;
import io.accesspath.core.design.PatternAccess;
import io.accesspath.core.design.PatternShape;
import io.accesspath.core.design.PatternShape.Aggregate;
import io.accesspath.core.design.PatternShape.Condition;
import io.accesspath.core.design.PatternShape.Link;
import io.accesspath.core.design.PatternShape.SortColumn;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.query.ExpectedPlan;
import io.accesspath.core.query.ParameterRole;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QuerySql;
import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.AccessPattern.Op;
import io.accesspath.core.spec.AccessPattern.PageStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes the query of one access pattern from its shape. One instance per query. */
public final class SelectWriter {
    private static final int WIDTH = 100;
    private static final String ITEM_INDENT = "       ";

    private final QueryContext ctx;
    private final PatternShape shape;
    private final AccessPattern pattern;
    private final PatternAccess access;
    private final Conditions conditions;
    private final List<String> notes = new ArrayList<>();
    /** Relations joined for a dotted filter, by name to alias. */
    private final Map<String, String> joined = new LinkedHashMap<>();
    private final String alias;

    public SelectWriter(Design design, Dialect dialect, PatternShape shape) {
        this.ctx = new QueryContext(design, dialect);
        this.shape = shape;
        this.pattern = design.spec().accessPatterns().stream().filter(p -> p.name().equals(shape.pattern()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no access pattern " + shape.pattern()));
        this.access = design.accessOf(shape.pattern())
                .orElseThrow(() -> new IllegalArgumentException("no expected plan for " + shape.pattern()));
        this.conditions = new Conditions(ctx);
        boolean joins = !shape.links().isEmpty() || !shape.fetches().isEmpty();
        this.alias = joins ? ctx.aliases.next(shape.table()) : "";
    }

    public Query write() {
        List<SqlText> from = new ArrayList<>();
        List<SqlText> where = new ArrayList<>();
        fromAndWhere(from, where);
        List<String> labels = new ArrayList<>();
        List<SqlText> items = selectItems(labels);
        if (!shape.fetches().isEmpty()) {
            Fetches.Parts parts = new Fetches(ctx, shape.fetches(), joined).render(alias);
            items.addAll(parts.items());
            labels.addAll(parts.labels());
            from.addAll(parts.joins());
            notes.add("Related rows come in this one statement, never one query per row (N+1): to-one relations are"
                    + " joined; each to-many relation is one JSON array per row, built by a correlated subquery that"
                    + " reads only that row's children through the foreign-key index (a plain join would repeat"
                    + " the row for every child and multiply the rows of two collections).");
        }
        SqlText groupAndOrder = groupAndOrder();
        Optional<AccessPattern.Page> page = shape.page();
        SqlText limit = limit(page);

        SqlText first = statement(items, from, where, groupAndOrder, limit);
        Optional<QuerySql> next = Optional.empty();
        if (page.isPresent() && page.get().style() == PageStyle.KEYSET && !shape.sort().isEmpty()) {
            Keyset.Predicate after = new Keyset(ctx).render(alias, shape.table(), shape.sort(), shape.conditions());
            List<SqlText> nextWhere = new ArrayList<>(where);
            nextWhere.add(after.sql());
            next = Optional.of(statement(items, from, nextWhere, groupAndOrder, limit).build());
            keysetNotes(after);
        } else if (page.isPresent() && page.get().style() == PageStyle.OFFSET) {
            notes.add("Offset paging, as the pattern asks: a page can be reached by number, but every page reads and"
                    + " discards all the rows before it (deep pages get slower) and rows shift between pages when"
                    + " rows are inserted or deleted; keyset paging avoids both where people page deep.");
        }
        implicitNotes();
        return new Query(shape.pattern(), pattern.description(), pattern.frequency(), pattern.latencyP95Ms(),
                shape.table(), page, first.build(), next, ctx.params.all(), labels,
                new ExpectedPlan(access, PlanReason.of(ctx.design, access)), notes);
    }

    private void fromAndWhere(List<SqlText> from, List<SqlText> where) {
        String table = ctx.id(shape.table()) + (alias.isEmpty() ? "" : " " + alias);
        Optional<Link> driving = shape.links().stream().filter(l -> l.drives() && isManyToMany(l)
                && l.condition().op() == Op.EQ).findFirst();
        if (driving.isPresent()) {
            Link l = driving.get();
            String la = ctx.aliases.next(l.table());
            from.add(SqlText.of("FROM " + ctx.id(l.table()) + " " + la));
            from.add(SqlText.of("JOIN " + table + " ON " + on(alias, l.ownColumns(), la, l.joinColumns())));
            conditions.render(la, l.table(), l.condition(), base(l)).ifPresent(where::add);
            notes.add("Starts from the link table " + l.table() + ", as the design expects: its index finds the"
                    + " links the " + l.condition().source() + " filter matches, then each " + shape.table()
                    + " row is read by its key.");
        } else {
            from.add(SqlText.of("FROM " + table));
        }
        for (Condition c : shape.conditions()) {
            conditions.render(alias, shape.table(), c, base(c)).ifPresent(where::add);
        }
        for (Link l : shape.links()) {
            if (driving.isPresent() && driving.get() == l) {
                continue;
            }
            String la = ctx.aliases.next(l.table());
            SqlText cond = conditions.render(la, l.table(), l.condition(), base(l)).orElseThrow();
            if (!isManyToMany(l)) {
                joined.put(l.condition().source().substring(0, l.condition().source().indexOf('.')), la);
                from.add(SqlText.of("JOIN " + ctx.id(l.table()) + " " + la + " ON "
                        + on(la, l.joinColumns(), alias, l.ownColumns())));
                where.add(cond);
            } else if (l.condition().op() == Op.EQ) {
                from.add(SqlText.of("JOIN " + ctx.id(l.table()) + " " + la + " ON "
                        + on(la, l.joinColumns(), alias, l.ownColumns())));
                where.add(cond);
            } else {
                // Several values: a semi-join, so a row linked to two of them is returned once.
                List<String> own = l.ownColumns().stream().map(c -> ctx.ref(alias, c)).toList();
                List<String> theirs = l.joinColumns().stream().map(c -> ctx.ref(la, c)).toList();
                where.add(new SqlText().sql(tuple(own) + " IN (SELECT " + String.join(", ", theirs) + " FROM "
                        + ctx.id(l.table()) + " " + la + " WHERE ").append(cond).sql(")"));
            }
        }
    }

    private List<SqlText> selectItems(List<String> labels) {
        List<SqlText> items = new ArrayList<>();
        if (!shape.aggregates().isEmpty() || !shape.groupBy().isEmpty()) {
            for (String g : shape.groupBy()) {
                items.add(SqlText.of(ctx.ref(alias, g)));
                labels.add(g);
            }
            for (Aggregate a : shape.aggregates()) {
                String fn = a.function().name().toLowerCase(Locale.ROOT);
                String label = a.column().map(c -> fn + "_" + c).orElse(fn);
                String arg = a.column().map(c -> ctx.ref(alias, c)).orElse("*");
                items.add(SqlText.of(fn + "(" + arg + ") AS " + ctx.id(label)));
                labels.add(label);
            }
            return items;
        }
        List<String> columns = shape.columns().isEmpty() ? ctx.readableColumns(shape.table()) : shape.columns();
        for (String c : columns) {
            items.add(SqlText.of(ctx.ref(alias, c)));
            labels.add(c);
        }
        return items;
    }

    private SqlText groupAndOrder() {
        SqlText out = new SqlText();
        if (!shape.groupBy().isEmpty()) {
            out.sql("\nGROUP BY " + String.join(", ", shape.groupBy().stream().map(g -> ctx.ref(alias, g)).toList()));
        }
        List<SqlText> order = new ArrayList<>();
        for (SortColumn s : shape.sort()) {
            order.add(SqlText.of(ctx.ref(alias, s.column()) + (s.descending() ? " DESC" : "")));
        }
        Optional<Condition> fullText = shape.conditions().stream().filter(c -> c.op() == Op.FULLTEXT).findFirst();
        if (order.isEmpty() && fullText.isPresent() && shape.aggregates().isEmpty()) {
            Condition c = fullText.get();
            order.add(new SqlText().sql("ts_rank_cd(" + conditions.document(alias, c) + ", ")
                    .append(conditions.tsQuery(c)).sql(") DESC"));
            for (String k : ctx.keyColumns(shape.table())) {
                order.add(SqlText.of(ctx.ref(alias, k)));
            }
            notes.add("Ranked by ts_rank_cd (how densely the terms cover the document), since the pattern gives no"
                    + " order; the key breaks ties so pages are stable.");
        }
        for (Condition c : shape.conditions()) {
            if (c.op() == Op.NEAR) {
                String table = shape.table();
                String lon = ctx.params.add(base(c) + "_lon", ParameterRole.LONGITUDE, table, c.column(),
                        "double precision", c.logicalType());
                String lat = ctx.params.add(base(c) + "_lat", ParameterRole.LATITUDE, table, c.column(),
                        "double precision", c.logicalType());
                order.add(new SqlText().sql(ctx.ref(alias, c.column()) + " <-> point(").param(lon).sql(", ")
                        .param(lat).sql(")"));
                notes.add("Nearest first: ORDER BY " + c.column() + " <-> point(...) with a LIMIT walks the GiST"
                        + " index in distance order and stops after the rows asked for.");
            }
        }
        if (!order.isEmpty()) {
            out.sql("\nORDER BY ").append(SqlText.join(", ", order));
        }
        return out;
    }

    private SqlText limit(Optional<AccessPattern.Page> page) {
        SqlText out = new SqlText();
        if (page.isEmpty()) {
            return out;
        }
        String size = Integer.toString(page.get().size());
        out.sql("\nLIMIT ").param(ctx.params.addUnbound("limit", ParameterRole.LIMIT, "bigint", size));
        if (page.get().style() == PageStyle.OFFSET) {
            out.sql(" OFFSET ").param(ctx.params.addUnbound("offset", ParameterRole.OFFSET, "bigint", "0"));
        }
        return out;
    }

    private SqlText statement(List<SqlText> items, List<SqlText> from, List<SqlText> where, SqlText groupAndOrder,
                              SqlText limit) {
        SqlText out = new SqlText().sql("SELECT ").append(selectList(items));
        for (SqlText f : from) {
            out.sql("\n").append(f);
        }
        if (!where.isEmpty()) {
            out.sql("\nWHERE ").append(SqlText.join("\n  AND ", where));
        }
        return out.append(groupAndOrder).append(limit);
    }

    /** Select items, several to a line up to the width; a multi-line item gets lines of its own. */
    private static SqlText selectList(List<SqlText> items) {
        SqlText out = new SqlText();
        int column = ITEM_INDENT.length();
        for (int i = 0; i < items.size(); i++) {
            String text = items.get(i).toString();
            boolean multiLine = text.contains("\n");
            if (i > 0) {
                boolean wrap = multiLine || column + 2 + text.length() > WIDTH;
                out.sql(wrap ? ",\n" + ITEM_INDENT : ", ");
                column = wrap ? ITEM_INDENT.length() : column + 2;
            }
            out.append(items.get(i));
            column = multiLine ? WIDTH : column + text.length();
        }
        return out;
    }

    private void keysetNotes(Keyset.Predicate after) {
        List<String> cursor = shape.sort().stream().map(SortColumn::column).toList();
        notes.add("Keyset paging: the next page starts after the last row's (" + String.join(", ", cursor)
                + "), so every page costs one index seek however deep it is. Not OFFSET: its cost grows with the"
                + " page number (every earlier row is read and thrown away), and rows inserted or deleted between"
                + " pages make it skip or repeat rows.");
        if (!after.nullableColumns().isEmpty()) {
            notes.add(String.join(", ", after.nullableColumns()) + " can be NULL, and a row-value comparison would"
                    + " drop those rows, so the next-page condition spells out where NULLs sort (after every value"
                    + " ascending, before every value descending). It cannot be an index condition: later pages"
                    + " filter the rows before the cursor. Declaring the column required, or filtering NULLs out,"
                    + " makes it a single seek.");
        } else if (!after.rowValue()) {
            notes.add("The sort directions differ, so the next-page condition is spelled out column by column; a"
                    + " row-value comparison orders every column the same way.");
        }
    }

    private void implicitNotes() {
        for (Condition c : shape.conditions()) {
            if (c.implicit() && c.source().equals("tenant")) {
                notes.add("Tenant scope: every statement filters by " + c.column() + ", so a query never reads"
                        + " another tenant's rows and the tenant-first indexes apply.");
            } else if (c.implicit()) {
                notes.add("Soft delete: deleted rows (" + c.column() + " set) are skipped, as every read of "
                        + shape.table() + " does.");
            }
            if (c.caseFolded()) {
                notes.add(c.column() + " is compared case-insensitively on both sides, which is what the index on"
                        + " the folded value answers.");
            }
        }
    }

    private static boolean isManyToMany(Link l) {
        return !l.condition().source().contains(".");
    }

    /** The parameter name a condition starts from: its column, or the dotted path it came from. */
    private static String base(Condition c) {
        return c.source().contains(".") ? c.source().replace('.', '_') : c.column();
    }

    private static String base(Link l) {
        return base(l.condition());
    }

    private String on(String leftAlias, List<String> left, String rightAlias, List<String> right) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            parts.add(ctx.ref(leftAlias, left.get(i)) + " = " + ctx.ref(rightAlias, right.get(i)));
        }
        return String.join(" AND ", parts);
    }

    private static String tuple(List<String> columns) {
        return columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
    }
}
