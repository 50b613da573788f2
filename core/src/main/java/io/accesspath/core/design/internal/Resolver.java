package io.accesspath.core.design.internal;

import io.accesspath.core.design.internal.Resolved.Cond;
import io.accesspath.core.design.internal.Resolved.Fetch;
import io.accesspath.core.design.internal.Resolved.Sort;
import io.accesspath.core.design.internal.Resolved.Use;
import io.accesspath.core.dialect.DesignDialect;
import io.accesspath.core.dialect.Feature;
import io.accesspath.core.error.UserError;
import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.LogicalType;
import io.accesspath.core.spec.Relationship;
import io.accesspath.core.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves access patterns onto tables: spec names to columns, implicit conditions (tenant
 * scope, soft delete), keyset tiebreakers, fetch paths to joins, and a selectivity estimate for
 * every condition.
 *
 * <p>Selectivity defaults (the share of rows a condition keeps), used when the spec gives none:
 * key or unique column 1/rows; reference 1/parent rows; enum constant its weight share, enum
 * parameter the sum of squared shares (a value drawn as often as it occurs); boolean 1/2; other
 * equality 1/min(rows, 1000) for numbers, 10/rows for text; IN three times equality; range 10%;
 * one-sided comparison 30%; prefix 1%; containment and overlap 1%; full-text 0.1%; IS NULL the
 * generator's null ratio (10% by default; 95% live rows for soft delete).
 */
public final class Resolver {
    public static final double RANGE_SELECTIVITY = 0.10;
    public static final double ONE_SIDED_SELECTIVITY = 0.30;
    public static final double PREFIX_SELECTIVITY = 0.01;
    public static final double CONTAINS_SELECTIVITY = 0.01;
    public static final double FULLTEXT_SELECTIVITY = 0.001;
    public static final double DEFAULT_NULL_RATIO = 0.10;
    public static final double SOFT_DELETED_SHARE = 0.05;
    public static final int IN_LIST_VALUES = 3;

    private final Spec spec;
    private final Map<String, TableInfo> tables;
    private final Volumes volumes;
    private final DesignDialect dialect;
    private final int version;

    public Resolver(Spec spec, Map<String, TableInfo> tables, Volumes volumes, DesignDialect dialect, int version) {
        this.spec = spec;
        this.tables = tables;
        this.volumes = volumes;
        this.dialect = dialect;
        this.version = version;
    }

    public Resolved resolve(AccessPattern p) {
        Entity entity = spec.requireEntity(p.entity());
        TableInfo t = tables.get(entity.name());
        List<Cond> conds = new ArrayList<>();
        List<Cond> joinConds = new ArrayList<>();
        Set<String> needed = new LinkedHashSet<>();

        // Tenant scope comes first: every query of a tenant-scoped table is for one tenant.
        if (t.tenantColumn.isPresent()) {
            String tc = t.tenantColumn.get();
            boolean explicit = p.filters().stream().anyMatch(f -> t.columnsOf.getOrDefault(f.attribute(), List.of()).contains(tc));
            if (!explicit) {
                String tenant = spec.settings().tenant().orElseThrow();
                // an equality on a reference to another tenant-scoped row, or on the key, already
                // implies the tenant: the conditions are correlated, so the tenant keeps every row
                boolean implied = p.filters().stream().anyMatch(f -> (f.op() == AccessPattern.Op.EQ
                        || f.op() == AccessPattern.Op.IN) && (f.attribute().equals("id")
                        || (t.references.containsKey(f.attribute())
                        && tables.get(t.references.get(f.attribute()).parent()).isTenantScoped())
                        || manyToManyNamed(p.entity(), f.attribute()).map(r -> tables.get(r.child()).isTenantScoped()
                        && tables.get(r.parent()).isTenantScoped()).orElse(false)));
                double sel = implied ? 1.0 : 1.0 / Math.max(1, volumes.rows(tenant));
                conds.add(new Cond("tenant", tc, AccessPattern.Op.EQ, List.of(), sel, Use.EQ, Optional.empty(), true,
                        Optional.empty()));
            }
        }
        for (AccessPattern.Filter f : p.filters()) {
            resolveFilter(p, entity, t, f, conds, joinConds);
        }
        // Soft delete: reads skip deleted rows unless the pattern says otherwise.
        if (entity.softDelete().isPresent()) {
            String sd = entity.softDelete().get();
            boolean explicit = p.filters().stream().anyMatch(f -> f.attribute().equals(sd));
            if (!explicit) {
                Attribute a = entity.attribute(sd).orElseThrow();
                boolean bool = a.type() instanceof LogicalType.Bool;
                String q = dialect.quote(sd);
                conds.add(new Cond("soft_delete", sd, bool ? AccessPattern.Op.EQ : AccessPattern.Op.IS_NULL,
                        bool ? List.of("false") : List.of(), 1 - SOFT_DELETED_SHARE, Use.PREDICATE,
                        Optional.of(a.type()), true, Optional.of(bool ? "NOT " + q : q + " IS NULL")));
            }
        }
        for (Cond c : conds) {
            needed.add(c.column());
        }

        List<Sort> sort = new ArrayList<>();
        for (AccessPattern.SortKey k : p.sort()) {
            for (String col : columnsOf(p, t, k.attribute(), k.loc())) {
                if (sort.stream().noneMatch(s -> s.column().equals(col))) {
                    sort.add(new Sort(col, k.direction() == AccessPattern.Direction.DESC, false));
                }
            }
        }
        Optional<Integer> limit = p.page().map(AccessPattern.Page::size);
        boolean keyset = p.page().map(pg -> pg.style() == AccessPattern.PageStyle.KEYSET).orElse(false);
        if (keyset || (p.page().isPresent() && !sort.isEmpty())) {
            addTiebreaker(t, conds, sort);
        }
        for (Sort s : sort) {
            needed.add(s.column());
        }
        boolean all = p.project().isEmpty() && p.aggregates().isEmpty() && p.groupBy().isEmpty();
        for (String n : p.project()) {
            needed.addAll(columnsOf(p, t, n, p.loc()));
        }
        for (String n : p.groupBy()) {
            needed.addAll(columnsOf(p, t, n, p.loc()));
        }
        for (AccessPattern.Aggregate a : p.aggregates()) {
            a.attribute().ifPresent(n -> needed.addAll(columnsOf(p, t, n, a.loc())));
        }
        List<Fetch> fetches = new ArrayList<>();
        for (String path : p.fetch()) {
            resolveFetch(p, entity, path, fetches);
        }
        // Joins read the key (to-one) or the key again (to-many lookups go by it).
        for (Fetch f : fetches) {
            if (f.fromTable().equals(t.name)) {
                if (f.toMany()) {
                    needed.addAll(t.keyColumns);
                } else {
                    String rel = f.path().contains(".") ? f.path().substring(0, f.path().indexOf('.')) : f.path();
                    needed.addAll(t.columnsOf.getOrDefault(rel, List.of()));
                }
            }
        }
        return new Resolved(p, t, conds, sort, limit, List.copyOf(needed), all, fetches, joinConds,
                joinSelectivity(entity, t, p, joinConds));
    }

    /**
     * The pattern as the query writers need it: columns, conditions (implicit ones included),
     * joins, sort with tiebreakers.
     *
     * @param drivingTable the table the expected plan starts from, when not the pattern's own
     */
    public io.accesspath.core.design.PatternShape shape(Resolved r, Optional<String> drivingTable) {
        AccessPattern p = r.pattern();
        TableInfo t = r.table();
        Entity entity = spec.requireEntity(p.entity());
        List<io.accesspath.core.design.PatternShape.Condition> conditions = new ArrayList<>();
        for (Cond c : r.conds()) {
            conditions.add(condition(t, c));
        }
        List<io.accesspath.core.design.PatternShape.Link> links = new ArrayList<>();
        for (AccessPattern.Filter f : p.filters()) {
            links.addAll(link(entity, t, f, r, drivingTable));
        }
        List<io.accesspath.core.design.PatternShape.SortColumn> sort = r.sort().stream()
                .map(x -> new io.accesspath.core.design.PatternShape.SortColumn(x.column(), x.descending(), x.tiebreaker()))
                .toList();
        List<String> columns = new ArrayList<>();
        if (!p.project().isEmpty()) {
            for (String n : p.project()) {
                columns.addAll(t.columnsOf.get(n));
            }
            for (io.accesspath.core.design.PatternShape.SortColumn x : sort) {
                if (!columns.contains(x.column())) {
                    columns.add(x.column());
                }
            }
            for (Fetch f : r.fetches()) {
                if (f.parentPath().isEmpty()) {
                    for (String c : f.fromColumns()) {
                        if (!columns.contains(c)) {
                            columns.add(c);
                        }
                    }
                }
            }
        }
        List<io.accesspath.core.design.PatternShape.Aggregate> aggregates = new ArrayList<>();
        for (AccessPattern.Aggregate a : p.aggregates()) {
            aggregates.add(new io.accesspath.core.design.PatternShape.Aggregate(a.function(),
                    a.attribute().map(n -> t.columnsOf.get(n).get(0))));
        }
        List<String> groupBy = new ArrayList<>();
        for (String g : p.groupBy()) {
            groupBy.addAll(t.columnsOf.get(g));
        }
        List<io.accesspath.core.design.PatternShape.Fetch> fetches = new ArrayList<>();
        for (Fetch f : r.fetches()) {
            Optional<io.accesspath.core.design.PatternShape.Via> via = f.via().map(v ->
                    new io.accesspath.core.design.PatternShape.Via(v, f.viaFrom(), f.viaTo()));
            fetches.add(new io.accesspath.core.design.PatternShape.Fetch(f.path(), f.parentPath(), f.fromTable(),
                    f.toTable(), f.fromColumns(), f.toColumns(), f.toMany(), via));
        }
        return new io.accesspath.core.design.PatternShape(p.name(), t.name, conditions, links, sort, p.page(), columns,
                aggregates, groupBy, fetches);
    }

    private io.accesspath.core.design.PatternShape.Condition condition(TableInfo t, Cond c) {
        String column = c.column();
        boolean folded = false;
        for (String ci : t.caseInsensitive) {
            if (dialect.caseFold(dialect.quote(ci)).equals(column)) {
                column = ci;
                folded = true;
            }
        }
        Optional<String> search = Optional.empty();
        Optional<String> language = Optional.empty();
        if (c.op() == AccessPattern.Op.FULLTEXT && c.type().isPresent()
                && c.type().get() instanceof LogicalType.SearchableText st && t.searchColumn.isPresent()) {
            search = t.searchColumn;
            language = Optional.of(st.language());
            column = t.columnsOf.getOrDefault(c.source(), List.of(column)).get(0);
        }
        return new io.accesspath.core.design.PatternShape.Condition(column, c.source(), c.op(), c.values(), c.implicit(),
                folded, search, language, c.type().map(LogicalType::specName));
    }

    /** The link conditions of one filter: a many-to-many link table, or a one-hop dotted path. */
    private List<io.accesspath.core.design.PatternShape.Link> link(Entity entity, TableInfo t, AccessPattern.Filter f,
                                                                  Resolved r, Optional<String> drivingTable) {
        String name = f.attribute();
        if (!name.contains(".")) {
            Optional<Relationship> m2m = manyToManyNamed(entity.name(), name);
            if (m2m.isEmpty()) {
                return List.of();
            }
            Relationship rel = m2m.get();
            TableInfo j = tables.get(rel.through().orElse(rel.child() + "_" + rel.parent()));
            boolean fromLeft = rel.child().equals(entity.name()) && rel.as().equals(name);
            List<String> own = new ArrayList<>();
            List<String> other = new ArrayList<>();
            j.tenantColumn.ifPresent(own::add);
            own.addAll(j.columnsOf.get(fromLeft ? rel.child() : rel.as()));
            other.addAll(j.columnsOf.get(fromLeft ? rel.as() : rel.child()));
            List<String> ownKey = own.size() == t.keyColumns.size() ? t.keyColumns : List.of("id");
            io.accesspath.core.design.PatternShape.Condition cond = new io.accesspath.core.design.PatternShape.Condition(
                    other.get(0), name, f.op(), f.values(), false, false, Optional.empty(), Optional.empty(),
                    Optional.empty());
            return List.of(new io.accesspath.core.design.PatternShape.Link(j.name, own, ownKey, cond,
                    drivingTable.map(j.name::equals).orElse(false)));
        }
        String[] parts = name.split("\\.");
        if (parts.length != 2) {
            return List.of();
        }
        Relationship rel = t.references.get(parts[0]);
        if (rel == null) {
            return List.of();
        }
        TableInfo related = tables.get(rel.parent());
        List<String> own = new ArrayList<>();
        if (t.isTenantScoped() && related.isTenantScoped()) {
            own.add(t.tenantColumn.get());
        }
        own.addAll(t.columnsOf.get(parts[0]));
        List<String> theirs = related.keyColumns.size() == own.size() ? related.keyColumns : List.of("id");
        Cond joined = r.joinConds().stream().filter(c -> c.source().equals(name)).findFirst().orElseThrow();
        String col = joined.column().substring(joined.column().indexOf('.') + 1);
        io.accesspath.core.design.PatternShape.Condition cond = new io.accesspath.core.design.PatternShape.Condition(
                col, name, f.op(), f.values(), false, false, Optional.empty(), Optional.empty(),
                joined.type().map(LogicalType::specName));
        return List.of(new io.accesspath.core.design.PatternShape.Link(related.name, theirs, own, cond, false));
    }

    /**
     * The share of the pattern table's rows that join conditions keep: for a many-to-many filter,
     * links per row over rows of the other end; for a dotted path, the related condition's share.
     */
    private double joinSelectivity(Entity entity, TableInfo t, AccessPattern p, List<Cond> joinConds) {
        double sel = 1;
        for (AccessPattern.Filter f : p.filters()) {
            Optional<Relationship> m2m = f.attribute().contains(".") ? Optional.empty()
                    : manyToManyNamed(entity.name(), f.attribute());
            if (m2m.isPresent()) {
                Relationship r = m2m.get();
                boolean fromLeft = r.child().equals(entity.name());
                long other = volumes.rows(fromLeft ? r.parent() : r.child());
                double linksPerRow = (double) volumes.links(r) / Math.max(1, t.rows);
                double s = Math.min(1, linksPerRow / Math.max(1, other));
                sel *= f.op() == AccessPattern.Op.IN ? Math.min(1, s * IN_LIST_VALUES) : s;
            }
        }
        for (Cond c : joinConds) {
            if (c.source().contains(".")) {
                sel *= c.selectivity();
            }
        }
        return sel;
    }

    private void addTiebreaker(TableInfo t, List<Cond> conds, List<Sort> sort) {
        Set<String> fixed = new LinkedHashSet<>();
        for (Cond c : conds) {
            if (c.use() == Use.EQ) {
                fixed.add(c.column());
            }
        }
        List<String> sortCols = sort.stream().map(Sort::column).toList();
        Set<String> union = new LinkedHashSet<>(fixed);
        union.addAll(sortCols);
        if (t.isUnique(new ArrayList<>(union))) {
            return;
        }
        boolean desc = !sort.isEmpty() && sort.get(sort.size() - 1).descending();
        for (String k : t.keyColumns) {
            if (!fixed.contains(k) && !sortCols.contains(k)) {
                sort.add(new Sort(k, desc, true));
            }
        }
    }

    /** The columns a spec name stands for on the pattern's table. */
    private List<String> columnsOf(AccessPattern p, TableInfo t, String name, io.accesspath.core.error.Loc loc) {
        List<String> cols = t.columnsOf.get(name);
        if (cols == null) {
            throw UserError.invalid(loc, "access pattern '" + p.name() + "' uses '" + name + "', which entity '"
                    + p.entity() + "' does not have", null);
        }
        return cols;
    }

    private void resolveFilter(AccessPattern p, Entity entity, TableInfo t, AccessPattern.Filter f, List<Cond> conds,
                               List<Cond> joinConds) {
        String name = f.attribute();
        if (name.contains(".")) {
            resolveDottedFilter(p, entity, f, joinConds);
            return;
        }
        Optional<Relationship> m2m = manyToManyNamed(entity.name(), name);
        if (m2m.isPresent()) {
            Relationship r = m2m.get();
            TableInfo j = tables.get(r.through().orElse(r.child() + "_" + r.parent()));
            boolean fromLeft = r.child().equals(entity.name()) && r.as().equals(name);
            String otherEnd = fromLeft ? r.as() : r.child();
            for (String col : j.columnsOf.get(otherEnd)) {
                double sel = 1.0 / Math.max(1, volumes.rows(fromLeft ? r.parent() : r.child()));
                joinConds.add(new Cond(name, j.name + "." + col, f.op(), f.values(), sel, Use.EQ, Optional.empty(), false,
                        Optional.empty()));
            }
            return;
        }
        List<String> cols = columnsOf(p, t, name, f.loc());
        Optional<LogicalType> type = Optional.ofNullable(t.logicalTypes.get(cols.get(0)));
        Relationship ref = t.references.get(name);
        for (String col : cols) {
            double sel = f.selectivity().isPresent() ? f.selectivity().getAsDouble() : estimate(t, col, type, ref, f);
            Use use = useOf(t, f, type, sel);
            String column = col;
            if (type.isPresent() && type.get() instanceof LogicalType.SearchableText && t.searchColumn.isPresent()) {
                column = t.searchColumn.get();
            }
            if (t.caseInsensitive.contains(col) && (use == Use.EQ || use == Use.IN)) {
                column = dialect.caseFold(dialect.quote(col));
            }
            Optional<String> pred = use == Use.PREDICATE ? Optional.of(predicateSql(col, f, type)) : Optional.empty();
            double hot = f.selectivity().isPresent() ? sel : hotSelectivity(t, col, type, ref, f, sel);
            conds.add(new Cond(name, column, f.op(), f.values(), sel, use, type, false, pred, hot));
        }
    }

    private void resolveDottedFilter(AccessPattern p, Entity entity, AccessPattern.Filter f, List<Cond> joinConds) {
        String[] parts = f.attribute().split("\\.");
        String current = entity.name();
        for (int i = 0; i < parts.length - 1; i++) {
            Relationship r = navigate(current, parts[i]).orElseThrow(() -> UserError.invalid(f.loc(),
                    "access pattern '" + p.name() + "' filters on '" + f.attribute() + "', but '" + parts[0]
                            + "' is not a relationship of '" + p.entity() + "'", null));
            current = r.child().equals(current) && r.as().equals(parts[i]) ? r.parent() : r.child();
        }
        TableInfo related = tables.get(current);
        String attr = parts[parts.length - 1];
        List<String> cols = related.columnsOf.get(attr);
        if (cols == null) {
            throw UserError.invalid(f.loc(), "access pattern '" + p.name() + "' filters on '" + f.attribute()
                    + "', but entity '" + current + "' has no '" + attr + "'", null);
        }
        Optional<LogicalType> type = Optional.ofNullable(related.logicalTypes.get(cols.get(0)));
        for (String col : cols) {
            double sel = f.selectivity().isPresent() ? f.selectivity().getAsDouble()
                    : estimate(related, col, type, related.references.get(attr), f);
            Use use = f.op().isEquality() ? Use.EQ : f.op().isRange() ? Use.RANGE : Use.RESIDUAL;
            joinConds.add(new Cond(f.attribute(), related.name + "." + col, f.op(), f.values(), sel, use, type, false,
                    Optional.empty()));
        }
    }

    private Optional<Relationship> manyToManyNamed(String entity, String name) {
        return spec.relationships().stream().filter(Relationship::isManyToMany)
                .filter(r -> (r.child().equals(entity) && r.as().equals(name))
                        || (r.parent().equals(entity) && r.inverse().map(name::equals).orElse(false)))
                .findFirst();
    }

    /** The relationship reached from {@code entity} by {@code name}: a reference or an inverse. */
    public Optional<Relationship> navigate(String entity, String name) {
        for (Relationship r : spec.relationships()) {
            if (r.child().equals(entity) && r.as().equals(name)) {
                return Optional.of(r);
            }
            if (r.parent().equals(entity) && r.inverse().map(name::equals).orElse(false)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private void resolveFetch(AccessPattern p, Entity entity, String path, List<Fetch> out) {
        String[] parts = path.split("\\.");
        String current = entity.name();
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            Optional<String> parentPath = prefix.length() == 0 ? Optional.empty() : Optional.of(prefix.toString());
            if (prefix.length() > 0) {
                prefix.append('.');
            }
            prefix.append(part);
            String sofar = prefix.toString();
            Relationship r = navigate(current, part).orElseThrow(() -> UserError.invalid(p.loc(),
                    "access pattern '" + p.name() + "' fetches '" + path + "', but '" + part
                            + "' is not a relationship of the entity reached", null));
            TableInfo from = tables.get(current);
            boolean forward = r.child().equals(current) && r.as().equals(part);
            String next = forward ? r.parent() : r.child();
            TableInfo to = tables.get(next);
            if (out.stream().noneMatch(f -> f.path().equals(sofar))) {
                out.add(fetch(r, forward, sofar, parentPath, from, to));
            }
            current = next;
        }
    }

    private Fetch fetch(Relationship r, boolean forward, String path, Optional<String> parentPath, TableInfo from,
                        TableInfo to) {
        boolean bothScoped = from.isTenantScoped() && to.isTenantScoped();
        if (r.isManyToMany()) {
            TableInfo j = tables.get(r.through().orElse(r.child() + "_" + r.parent()));
            List<String> viaFrom = new ArrayList<>();
            List<String> viaTo = new ArrayList<>();
            j.tenantColumn.ifPresent(viaFrom::add);
            j.tenantColumn.ifPresent(viaTo::add);
            viaFrom.addAll(j.columnsOf.get(forward ? r.child() : r.as()));
            viaTo.addAll(j.columnsOf.get(forward ? r.as() : r.child()));
            return new Fetch(path, parentPath, from.name, to.name, viaFrom, true, Optional.of(j.name), from.keyColumns,
                    to.keyColumns, viaFrom, viaTo);
        }
        if (forward) {
            List<String> fromCols = new ArrayList<>();
            if (bothScoped && !to.keyColumns.equals(List.of("id"))) {
                from.tenantColumn.ifPresent(fromCols::add);
            }
            fromCols.addAll(from.columnsOf.get(r.as()));
            List<String> toCols = to.keyColumns.size() == fromCols.size() ? to.keyColumns : List.of("id");
            return new Fetch(path, parentPath, from.name, to.name, to.keyColumns, false, Optional.empty(), fromCols,
                    toCols, List.of(), List.of());
        }
        List<String> cols = new ArrayList<>();
        if (bothScoped) {
            cols.add(to.tenantColumn.get());
        }
        cols.addAll(to.columnsOf.get(r.as()));
        List<String> fromCols = bothScoped ? from.keyColumns : from.keyColumns.stream()
                .filter(k -> !from.tenantColumn.map(k::equals).orElse(false)).toList();
        return new Fetch(path, parentPath, from.name, to.name, cols, r.kind() != Relationship.Kind.ONE_TO_ONE,
                Optional.empty(), fromCols, cols, List.of(), List.of());
    }

    private Use useOf(TableInfo t, AccessPattern.Filter f, Optional<LogicalType> type, double sel) {
        AccessPattern.Op op = f.op();
        if (type.isPresent()) {
            String sqlType = t.column(t.columnsOf.get(f.attribute()).get(0)).map(c -> c.type()).orElse("");
            Optional<DesignDialect.IndexMethodChoice> special = dialect.indexFor(op, type.get(), sqlType);
            if (special.isPresent() && special.get().method() != io.accesspath.core.schema.Index.Method.BTREE) {
                return Use.SPECIAL;
            }
        }
        boolean lowCardinality = type.map(x -> x instanceof LogicalType.Enum || x instanceof LogicalType.Bool).orElse(false);
        boolean partial = dialect.supports(Feature.PARTIAL_INDEX, version);
        if (partial && !f.values().isEmpty() && lowCardinality && (op == AccessPattern.Op.EQ || op == AccessPattern.Op.IN)) {
            return Use.PREDICATE;
        }
        if (partial && (op == AccessPattern.Op.IS_NULL || op == AccessPattern.Op.IS_NOT_NULL) && sel <= 0.5) {
            return Use.PREDICATE;
        }
        return switch (op) {
            case EQ, IS_NULL -> Use.EQ;
            case IN -> Use.IN;
            case RANGE, GT, GTE, LT, LTE, PREFIX -> Use.RANGE;
            case NEAR, WITHIN, CONTAINS, OVERLAPS, FULLTEXT -> Use.SPECIAL;
            default -> Use.RESIDUAL;
        };
    }

    private String predicateSql(String col, AccessPattern.Filter f, Optional<LogicalType> type) {
        String q = dialect.quote(col);
        return switch (f.op()) {
            case IS_NULL -> q + " IS NULL";
            case IS_NOT_NULL -> q + " IS NOT NULL";
            case IN -> q + " IN (" + f.values().stream().map(dialect::literal)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")";
            default -> {
                String v = f.value().orElse("");
                boolean isBool = type.map(x -> x instanceof LogicalType.Bool).orElse(false);
                if (isBool) {
                    yield Boolean.parseBoolean(v) ? q : "NOT " + q;
                }
                yield q + " = " + dialect.literal(v);
            }
        };
    }

    /** The estimated share of rows a filter keeps (see the class comment for the defaults). */
    double estimate(TableInfo t, String column, Optional<LogicalType> type, Relationship ref, AccessPattern.Filter f) {
        double n = Math.max(1, t.rows);
        double eq = equalitySelectivity(t, column, type, ref, f, n);
        return switch (f.op()) {
            case EQ -> eq;
            case IN -> f.values().isEmpty() ? Math.min(1, eq * IN_LIST_VALUES) : eq;
            case NE -> 1 - eq;
            case RANGE -> RANGE_SELECTIVITY;
            case GT, GTE, LT, LTE -> ONE_SIDED_SELECTIVITY;
            case PREFIX -> PREFIX_SELECTIVITY;
            case CONTAINS, OVERLAPS, WITHIN -> CONTAINS_SELECTIVITY;
            case FULLTEXT -> FULLTEXT_SELECTIVITY;
            case NEAR -> f.value().isPresent() ? CONTAINS_SELECTIVITY : Math.min(1, 50 / n);
            case IS_NULL -> nullRatio(t, column);
            case IS_NOT_NULL -> 1 - nullRatio(t, column);
        };
    }

    /**
     * The share of rows the condition keeps for its hottest value: for a reference under skew the
     * most-referenced parent's share of the children; for an enum parameter the commonest value.
     */
    double hotSelectivity(TableInfo t, String column, Optional<LogicalType> type, Relationship ref,
                          AccessPattern.Filter f, double average) {
        if (f.op() != AccessPattern.Op.EQ && f.op() != AccessPattern.Op.IN) {
            return average;
        }
        if (ref != null && !ref.fanout().skew().isUniform()) {
            long parents = Math.max(1, volumes.rows(ref.parent()));
            double share = Skews.topShare(ref.fanout().skew(), parents, volumes.childrenPerParent(ref));
            return Math.max(average, f.op() == AccessPattern.Op.IN ? Math.min(1, share * IN_LIST_VALUES) : share);
        }
        if (f.values().isEmpty() && type.isPresent() && type.get() instanceof LogicalType.Enum en) {
            double max = 0;
            for (String v : en.values()) {
                max = Math.max(max, en.share(v));
            }
            return Math.max(average, f.op() == AccessPattern.Op.IN ? Math.min(1, max * IN_LIST_VALUES) : max);
        }
        return average;
    }

    private double nullRatio(TableInfo t, String column) {
        if (t.entity.isPresent()) {
            Entity e = t.entity.get();
            if (e.softDelete().map(column::equals).orElse(false)) {
                return 1 - SOFT_DELETED_SHARE;
            }
            Optional<Attribute> a = e.attribute(column);
            if (a.isPresent() && a.get().generate().nullRatio().isPresent()) {
                return a.get().generate().nullRatio().getAsDouble();
            }
        }
        return DEFAULT_NULL_RATIO;
    }

    private double equalitySelectivity(TableInfo t, String column, Optional<LogicalType> type, Relationship ref,
                                       AccessPattern.Filter f, double n) {
        if (ref != null) {
            if (ref.isSelfReference() || !tables.containsKey(ref.parent())) {
                return 1.0 / Math.max(1, volumes.rows(ref.parent()));
            }
            return 1.0 / Math.max(1, volumes.rows(ref.parent()));
        }
        if (t.keyColumns.contains(column) && t.keyColumns.size() - (t.isTenantScoped() ? 1 : 0) == 1) {
            return 1 / n;
        }
        if (t.isUnique(List.of(column))) {
            return 1 / n;
        }
        Optional<Attribute> attr = t.entity.flatMap(e -> e.attribute(column));
        if (attr.isPresent()) {
            if (attr.get().unique()) {
                return 1 / n;
            }
            if (attr.get().generate().distinct().isPresent()) {
                return 1.0 / Math.max(1, attr.get().generate().distinct().getAsLong());
            }
        }
        if (type.isEmpty()) {
            return 1 / n;
        }
        LogicalType lt = type.get();
        if (lt instanceof LogicalType.Enum en) {
            if (!f.values().isEmpty()) {
                double s = 0;
                for (String v : f.values()) {
                    s += en.share(v);
                }
                return Math.max(s, 1e-6);
            }
            double s = 0;
            for (String v : en.values()) {
                s += en.share(v) * en.share(v);
            }
            return s;
        }
        if (lt instanceof LogicalType.Bool) {
            return 0.5;
        }
        if (lt instanceof LogicalType.Email || lt instanceof LogicalType.Identifier || lt instanceof LogicalType.Uuid
                || lt instanceof LogicalType.Url) {
            return 1 / n;
        }
        if (lt instanceof LogicalType.Date) {
            return 1.0 / 365;
        }
        if (lt instanceof LogicalType.Text || lt instanceof LogicalType.SearchableText) {
            return Math.min(1, 10 / n);
        }
        return 1.0 / Math.min(n, 1000);
    }
}
