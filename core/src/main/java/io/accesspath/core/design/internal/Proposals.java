package io.accesspath.core.design.internal;

import io.accesspath.core.design.Decision;
import io.accesspath.core.design.internal.Resolved.Cond;
import io.accesspath.core.design.internal.Resolved.Fetch;
import io.accesspath.core.dialect.DesignDialect;
import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.LogicalType;
import io.accesspath.core.spec.Relationship;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.WritePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposals the user must opt into: copied columns, counters and materialized views where
 * frequent reads join or aggregate; a document model where an owned child is always read and
 * written whole; time partitioning where rows expire. Each states the read gain and the write
 * cost; none is applied to the schema.
 */
public final class Proposals {
    /** A join this frequent (calls a second) is weighed for denormalization. */
    public static final double JOIN_MIN_FREQUENCY = 10;
    /** Counters are proposed for counts at least this frequent. */
    public static final double COUNTER_MIN_FREQUENCY = 10;
    /** Partitioning is proposed for expiring tables of at least this many rows. */
    public static final long PARTITION_MIN_ROWS = 10_000_000;

    private final Spec spec;
    private final Map<String, TableInfo> tables;
    /** The same tables by table name (the map above is by entity name). */
    private final Map<String, TableInfo> byTable = new java.util.LinkedHashMap<>();
    private final Volumes volumes;
    private final DesignDialect dialect;
    private final List<Decision> decisions;

    public Proposals(Spec spec, Map<String, TableInfo> tables, Volumes volumes, DesignDialect dialect,
                     List<Decision> decisions) {
        this.spec = spec;
        this.tables = tables;
        tables.values().forEach(t -> byTable.put(t.name, t));
        this.volumes = volumes;
        this.dialect = dialect;
        this.decisions = decisions;
    }

    public void propose(List<Resolved> patterns) {
        for (Resolved r : patterns) {
            copiedColumns(r);
            sortedLinks(r);
            joinedFetches(r);
            counter(r);
            materializedView(r);
        }
        documentModel(patterns);
        partitioning();
    }

    private String q(String ident) {
        return dialect.quote(ident);
    }

    // ---- copied columns for filters through a join --------------------------------------------

    private void copiedColumns(Resolved r) {
        AccessPattern p = r.pattern();
        for (Cond c : r.joinConds()) {
            String table = c.column().substring(0, c.column().indexOf('.'));
            TableInfo related = byTable.get(table);
            if (related.junctionOf.isPresent() || !c.source().contains(".")) {
                continue;
            }
            String col = c.column().substring(c.column().indexOf('.') + 1);
            String relName = c.source().substring(0, c.source().indexOf('.'));
            Relationship rel = r.table().references.get(relName);
            if (rel == null) {
                continue;
            }
            String copy = relName + "_" + col;
            String type = related.column(col).map(x -> x.type()).orElse("text");
            double parentUpdates = updatesOf(rel.parent(), col);
            double fanout = volumes.childrenPerParent(rel);
            String childTable = r.table().name;
            String fkCol = r.table().columnsOf.get(relName).get(0);
            String sql = String.join("\n",
                    "ALTER TABLE " + q(childTable) + " ADD COLUMN " + q(copy) + " " + type + ";",
                    "UPDATE " + q(childTable) + " c SET " + q(copy) + " = p." + q(col) + " FROM " + q(table)
                            + " p WHERE p." + q("id") + " = c." + q(fkCol) + ";",
                    "CREATE FUNCTION " + q(childTable + "_copy_" + copy) + "() RETURNS trigger LANGUAGE plpgsql AS $$",
                    "BEGIN",
                    "  UPDATE " + q(childTable) + " SET " + q(copy) + " = NEW." + q(col) + " WHERE " + q(fkCol)
                            + " = NEW." + q("id") + ";",
                    "  RETURN NEW;",
                    "END $$;",
                    "CREATE TRIGGER " + q(table + "_" + col + "_to_" + childTable) + " AFTER UPDATE OF " + q(col)
                            + " ON " + q(table) + " FOR EACH ROW EXECUTE FUNCTION " + q(childTable + "_copy_" + copy) + "();");
            decisions.add(DecisionBuilder.of(Decision.Kind.DENORMALIZATION, childTable + "." + copy)
                    .choice("copy " + table + "." + col + " into " + childTable + "." + copy)
                    .pattern(p.name()).rule("denormalize.copied-filter-column")
                    .reason(p.name() + " (" + Fmt.rate(p.frequency().perSecond()) + ") filters " + childTable + " by "
                            + c.source() + ", which lives in " + table + ": no single index covers both, so every call"
                            + " joins and filters. A copy of " + col + " in " + childTable + " lets one index on "
                            + childTable + " start with it.")
                    .alternative("keep the join (chosen by default)", "correct without triggers; costs a join per call")
                    .cost(new Decision.Cost(Math.round(r.table().rows * (double) related.width(col)),
                            parentUpdates * fanout, 0,
                            "one index range scan on " + childTable + " instead of a join and filter per call",
                            parentUpdates == 0 ? "no write pattern updates " + table + "." + col
                                    + ", so the copy only adds ~" + related.width(col) + " bytes a row"
                                    : "each update of " + table + "." + col + " (" + Fmt.rate(parentUpdates)
                                    + ") rewrites ~" + Fmt.count(fanout) + " " + childTable + " rows (~"
                                    + Fmt.rate(parentUpdates * fanout) + ")"))
                    .proposal(sql)
                    .build());
        }
    }

    // ---- feeds through a many-to-many link ------------------------------------------------------

    /**
     * A paged, sorted pattern filtered through a many-to-many link ("articles of a tag, newest
     * first") must read every link of the tag and sort; copying the sort columns into the link
     * table lets one index on it return exactly one page.
     */
    private void sortedLinks(Resolved r) {
        AccessPattern p = r.pattern();
        if (r.sort().isEmpty() || r.limit().isEmpty() || p.frequency().perSecond() < JOIN_MIN_FREQUENCY) {
            return;
        }
        for (Cond c : r.joinConds()) {
            String table = c.column().substring(0, c.column().indexOf('.'));
            TableInfo link = byTable.get(table);
            if (link == null || link.junctionOf.isEmpty()) {
                continue;
            }
            Relationship rel = link.junctionOf.get();
            String otherCol = c.column().substring(c.column().indexOf('.') + 1);
            List<Resolved.Sort> sortCols = r.sort().stream().filter(x -> !x.tiebreaker()).toList();
            if (sortCols.isEmpty()) {
                continue;
            }
            double linksPerOther = link.rows / (double) Math.max(1, volumes.rows(rel.child().equals(p.entity())
                    ? rel.parent() : rel.child()));
            double updates = 0;
            List<String> copies = new ArrayList<>();
            List<String> ddl = new ArrayList<>();
            for (Resolved.Sort x : sortCols) {
                copies.add(x.column() + (x.descending() ? " DESC" : ""));
                updates += updatesOf(p.entity(), x.column());
                String type = r.table().column(x.column()).map(col -> col.type()).orElse("timestamptz");
                ddl.add("ALTER TABLE " + q(link.name) + " ADD COLUMN " + q(x.column()) + " " + type + ";");
            }
            String ownCol = link.columnsOf.get(rel.child().equals(p.entity()) ? rel.child() : rel.as()).get(0);
            ddl.add("CREATE INDEX ON " + q(link.name) + " (" + q(otherCol) + ", " + String.join(", ", sortCols.stream()
                    .map(x -> q(x.column()) + (x.descending() ? " DESC" : "")).toList()) + ", " + q(ownCol) + ");");
            ddl.add("-- keep the copies in step with " + q(r.table().name) + " with an AFTER UPDATE trigger, as for"
                    + " copied columns");
            double linksPerRow = link.rows / (double) Math.max(1, r.table().rows);
            decisions.add(DecisionBuilder.of(Decision.Kind.DENORMALIZATION, link.name + "." + String.join("_",
                            sortCols.stream().map(Resolved.Sort::column).toList()))
                    .choice("copy " + String.join(", ", copies) + " into " + link.name + " and index (" + otherCol + ", "
                            + String.join(", ", copies) + ")")
                    .pattern(p.name()).rule("denormalize.sorted-link")
                    .reason(p.name() + " (" + Fmt.rate(p.frequency().perSecond()) + ") pages through the "
                            + r.table().name + " rows linked to one " + c.source().replaceAll("s$", "") + " in "
                            + String.join(", ", copies) + " order: today it reads all ~" + Fmt.count(linksPerOther)
                            + " links and sorts them for every page. With the sort columns in the link table one index"
                            + " returns exactly " + r.limit().get() + " links per page.")
                    .alternative("read all links and sort (chosen by default)", "no copies to maintain; cost grows with"
                            + " the links per " + c.source().replaceAll("s$", ""))
                    .cost(new Decision.Cost(Math.round(link.rows * 12.0), updates * linksPerRow, 0,
                            "~" + r.limit().get() + " index entries per page instead of ~" + Fmt.count(linksPerOther)
                                    + " links plus a sort",
                            updates == 0 ? "no write pattern updates " + String.join(", ", sortCols.stream()
                                    .map(Resolved.Sort::column).toList()) + ", so only ~12 bytes more per link"
                                    : "each update of the sort columns (" + Fmt.rate(updates) + ") rewrites ~"
                                    + Fmt.count(linksPerRow) + " links"))
                    .proposal(String.join("\n", ddl))
                    .build());
        }
    }

    private double updatesOf(String entity, String attribute) {
        double rate = 0;
        for (WritePattern w : spec.writesOf(entity)) {
            for (WritePattern.Update u : w.updates()) {
                if (u.attributes().contains(attribute)) {
                    rate += u.rate().perSecond();
                }
            }
        }
        return rate;
    }

    // ---- frequent joins ------------------------------------------------------------------------

    private void joinedFetches(Resolved r) {
        AccessPattern p = r.pattern();
        if (p.frequency().perSecond() < JOIN_MIN_FREQUENCY || r.fetches().isEmpty()) {
            return;
        }
        double rowsPerCall = r.limit().map(l -> (double) l).orElse(1.0);
        for (Fetch f : r.fetches()) {
            TableInfo to = byTable.get(f.toTable());
            double lookups = p.frequency().perSecond() * rowsPerCall;
            String subject = p.name() + "." + f.path().replace('.', '_');
            if (f.toMany()) {
                decisions.add(DecisionBuilder.of(Decision.Kind.DENORMALIZATION, subject)
                        .choice("keep " + to.name + " in its own table; join per call")
                        .pattern(p.name()).rule("denormalize.join-kept")
                        .reason(p.name() + " reads the " + f.path() + " of each row (~" + Fmt.count(lookups)
                                + " index lookups a second). Joined with one index range scan per parent row, which"
                                + " stays cheap while the children fit a few pages.")
                        .alternative("a JSON array of " + to.name + " copied into " + f.fromTable(),
                                "one row read instead of a join, but every change to a " + to.name
                                        + " rewrites the whole array, and " + to.name + " loses its own constraints")
                        .alternative("a materialized view joining both", "fast reads, but stale between refreshes"
                                + (p.staleOk() ? " (acceptable here: the pattern allows stale reads)" : ", and "
                                + p.name() + " needs fresh rows"))
                        .build());
            } else {
                decisions.add(DecisionBuilder.of(Decision.Kind.DENORMALIZATION, subject)
                        .choice("keep the join to " + to.name)
                        .pattern(p.name()).rule("denormalize.join-kept")
                        .reason(p.name() + " joins " + to.name + " for each row (~" + Fmt.count(lookups)
                                + " primary-key lookups a second, ~3 buffer hits each). A key lookup is the cheapest"
                                + " join there is; copying " + to.name + "'s columns into " + f.fromTable()
                                + " would save them but every update of those columns would rewrite ~"
                                + Fmt.count(childrenPer(f)) + " " + f.fromTable() + " rows.")
                        .alternative("copy the displayed " + to.name + " columns into " + f.fromTable(),
                                "saves ~" + Fmt.count(lookups * 3) + " buffer hits a second; costs trigger"
                                        + " maintenance and a rewrite fan-out on every " + to.name + " update")
                        .build());
            }
        }
    }

    private double childrenPer(Fetch f) {
        TableInfo from = byTable.get(f.fromTable());
        return from.rows / (double) Math.max(1, byTable.get(f.toTable()).rows);
    }

    // ---- counters ------------------------------------------------------------------------------

    private void counter(Resolved r) {
        AccessPattern p = r.pattern();
        if (p.frequency().perSecond() < COUNTER_MIN_FREQUENCY || !p.groupBy().isEmpty() || p.aggregates().size() != 1
                || p.aggregates().get(0).function() != AccessPattern.AggregateFunction.COUNT) {
            return;
        }
        List<Cond> eq = r.conds(Resolved.Use.EQ).stream().filter(c -> !c.implicit()).toList();
        if (eq.size() != 1 || r.table().references.get(eq.get(0).source()) == null) {
            return;
        }
        Relationship rel = r.table().references.get(eq.get(0).source());
        TableInfo parent = tables.get(rel.parent());
        String child = r.table().name;
        String counter = child + "_count";
        double inserts = spec.writesOf(rel.child()).stream().mapToDouble(w -> w.inserts().perSecond()).sum();
        double deletes = spec.writesOf(rel.child()).stream().mapToDouble(w -> w.deletes().perSecond()).sum();
        double avg = volumes.childrenPerParent(rel);
        String fk = r.table().columnsOf.get(rel.as()).get(0);
        String fn = q(child + "_count_" + rel.as());
        String sql = String.join("\n",
                "ALTER TABLE " + q(parent.name) + " ADD COLUMN " + q(counter) + " bigint NOT NULL DEFAULT 0;",
                "UPDATE " + q(parent.name) + " p SET " + q(counter) + " = (SELECT count(*) FROM " + q(child)
                        + " c WHERE c." + q(fk) + " = p." + q("id") + ");",
                "CREATE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $$",
                "BEGIN",
                "  IF TG_OP = 'INSERT' THEN",
                "    UPDATE " + q(parent.name) + " SET " + q(counter) + " = " + q(counter) + " + 1 WHERE " + q("id")
                        + " = NEW." + q(fk) + ";",
                "  ELSIF TG_OP = 'DELETE' THEN",
                "    UPDATE " + q(parent.name) + " SET " + q(counter) + " = " + q(counter) + " - 1 WHERE " + q("id")
                        + " = OLD." + q(fk) + ";",
                "  END IF;",
                "  RETURN NULL;",
                "END $$;",
                "CREATE TRIGGER " + q(child + "_" + counter) + " AFTER INSERT OR DELETE ON " + q(child)
                        + " FOR EACH ROW EXECUTE FUNCTION " + fn + "();");
        boolean skewed = !rel.fanout().skew().isUniform();
        decisions.add(DecisionBuilder.of(Decision.Kind.DENORMALIZATION, parent.name + "." + counter)
                .choice("counter " + parent.name + "." + counter + " maintained by a trigger")
                .pattern(p.name()).rule("denormalize.counter")
                .reason(p.name() + " (" + Fmt.rate(p.frequency().perSecond()) + ") counts the " + child + " rows of one "
                        + parent.name + ": ~" + Fmt.count(avg) + " index entries per call on average"
                        + (skewed ? ", far more for the hottest " + parent.name + " rows (skew " + rel.fanout().skew() + ")"
                        : "") + ". A counter answers it from one row.")
                .alternative("count(*) over the index (chosen by default)", "exact and trigger-free; cost grows with"
                        + " the number of children")
                .cost(new Decision.Cost(parent.rows * 8, inserts + deletes, 0,
                        "1 row read instead of ~" + Fmt.count(avg) + " index entries per call",
                        "every " + child + " insert or delete (" + Fmt.rate(inserts + deletes) + ") also updates its "
                                + parent.name + " row" + (skewed ? "; hot " + parent.name
                                + " rows become lock hot spots under concurrent inserts" : "")))
                .proposal(sql)
                .build());
    }

    // ---- materialized views --------------------------------------------------------------------

    /** An ungrouped aggregate over a time range reading at least this many rows a call gets a rollup proposal. */
    static final double ROLLUP_MIN_ROWS = 1_000_000;

    private void materializedView(Resolved r) {
        AccessPattern p = r.pattern();
        if (p.aggregates().isEmpty()) {
            return;
        }
        if (p.groupBy().isEmpty()) {
            rollup(r);
            return;
        }
        double scanned = r.table().rows;
        for (Cond c : r.conds()) {
            scanned *= c.selectivity();
        }
        if (scanned < 10_000 && !p.staleOk()) {
            return;
        }
        String mv = p.name() + "_mv";
        List<String> groupCols = new ArrayList<>();
        for (String g : p.groupBy()) {
            groupCols.addAll(r.table().columnsOf.getOrDefault(g, List.of(g)));
        }
        List<String> select = new ArrayList<>();
        groupCols.forEach(g -> select.add(q(g)));
        for (AccessPattern.Aggregate a : p.aggregates()) {
            String arg = a.attribute().map(this::q).orElse("*");
            String alias = a.function().name().toLowerCase(java.util.Locale.ROOT) + a.attribute().map(x -> "_" + x).orElse("");
            select.add(a.function().name().toLowerCase(java.util.Locale.ROOT) + "(" + arg + ") AS " + q(alias));
        }
        String sql = String.join("\n",
                "CREATE MATERIALIZED VIEW " + q(mv) + " AS",
                "  SELECT " + String.join(", ", select),
                "  FROM " + q(r.table().name),
                "  GROUP BY " + String.join(", ", groupCols.stream().map(this::q).toList()) + ";",
                "CREATE UNIQUE INDEX ON " + q(mv) + " (" + String.join(", ", groupCols.stream().map(this::q).toList()) + ");",
                "-- refresh on a schedule, without blocking readers:",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY " + q(mv) + ";");
        decisions.add(DecisionBuilder.of(Decision.Kind.DENORMALIZATION, mv)
                .choice("materialized view " + mv)
                .pattern(p.name()).rule("denormalize.materialized-view")
                .reason(p.name() + " aggregates ~" + Fmt.count(scanned) + " rows per call into groups by "
                        + String.join(", ", p.groupBy()) + "." + (p.staleOk()
                        ? " It accepts stale reads, so a view refreshed on a schedule can answer it from precomputed rows."
                        : " It needs fresh results, so a view would need refreshing before every read; shown for"
                        + " comparison."))
                .alternative("aggregate on every call (chosen by default)", "always fresh; reads ~" + Fmt.count(scanned)
                        + " rows per call")
                .cost(new Decision.Cost(0, 0, 0, "reads one row per group instead of ~" + Fmt.count(scanned)
                        + " rows", "each refresh re-reads " + r.table().name + " (~" + Fmt.count(r.table().rows)
                        + " rows); the view lags writes by up to the refresh interval"))
                .proposal(sql)
                .build());
    }

    /**
     * An aggregate with no GROUP BY over a time range (a dashboard's "over the last few hours")
     * that reads millions of rows a call and accepts stale reads: hourly buckets of decomposable
     * aggregates (count, sum, min, max; avg as sum and count) answer it from a few rows per hour.
     */
    private void rollup(Resolved r) {
        AccessPattern p = r.pattern();
        if (!p.staleOk()) {
            return;
        }
        Cond time = null;
        double scanned = r.table().rows;
        for (Cond c : r.conds()) {
            scanned *= c.selectivity();
            boolean temporal = c.type().filter(t -> t instanceof io.accesspath.core.spec.LogicalType.Timestamp
                    || t instanceof io.accesspath.core.spec.LogicalType.Date).isPresent();
            if (c.use() == Resolved.Use.RANGE && temporal && time == null) {
                time = c;
            } else if (c.use() != Resolved.Use.RANGE) {
                return; // other filters would each need their own buckets
            }
        }
        if (time == null || scanned < ROLLUP_MIN_ROWS) {
            return;
        }
        String mv = p.name() + "_hourly";
        String bucket = "date_trunc('hour', " + q(time.column()) + ")";
        List<String> select = new ArrayList<>();
        select.add(bucket + " AS " + q("hour"));
        List<String> reads = new ArrayList<>();
        select.add("count(*) AS " + q("rows"));
        for (AccessPattern.Aggregate a : p.aggregates()) {
            if (a.attribute().isEmpty()) {
                reads.add("sum(" + q("rows") + ")");
                continue;
            }
            List<String> cols = r.table().columnsOf.getOrDefault(a.attribute().get(), List.of(a.attribute().get()));
            String col = cols.get(0);
            switch (a.function()) {
                case SUM:
                case AVG:
                    select.add("sum(" + q(col) + ") AS " + q("sum_" + col));
                    select.add("count(" + q(col) + ") AS " + q("count_" + col));
                    reads.add(a.function() == AccessPattern.AggregateFunction.SUM ? "sum(" + q("sum_" + col) + ")"
                            : "sum(" + q("sum_" + col) + ") / nullif(sum(" + q("count_" + col) + "), 0)");
                    break;
                case MIN:
                case MAX:
                    String f = a.function().name().toLowerCase(java.util.Locale.ROOT);
                    select.add(f + "(" + q(col) + ") AS " + q(f + "_" + col));
                    reads.add(f + "(" + q(f + "_" + col) + ")");
                    break;
                default:
                    select.add("count(" + q(col) + ") AS " + q("count_" + col));
                    reads.add("sum(" + q("count_" + col) + ")");
            }
        }
        List<String> distinctSelect = new ArrayList<>(new java.util.LinkedHashSet<>(select));
        String sql = String.join("\n",
                "CREATE MATERIALIZED VIEW " + q(mv) + " AS",
                "  SELECT " + String.join(", ", distinctSelect),
                "  FROM " + q(r.table().name),
                "  GROUP BY 1;",
                "CREATE UNIQUE INDEX ON " + q(mv) + " (" + q("hour") + ");",
                "-- refresh on a schedule, without blocking readers:",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY " + q(mv) + ";",
                "-- " + p.name() + " then reads whole hours from the view:",
                "--   SELECT " + String.join(", ", reads) + " FROM " + q(mv) + " WHERE " + q("hour")
                        + " >= date_trunc('hour', :from) AND " + q("hour") + " < date_trunc('hour', :to);");
        decisions.add(DecisionBuilder.of(Decision.Kind.DENORMALIZATION, mv)
                .choice("hourly rollup " + mv)
                .pattern(p.name()).rule("denormalize.time-rollup")
                .reason(p.name() + " aggregates ~" + Fmt.count(scanned) + " rows per call over a range of "
                        + time.column() + ", and the rows read grow with the table. It accepts stale reads, so"
                        + " hourly buckets refreshed on a schedule answer it from one row per hour (rounded to whole"
                        + " hours; add the raw rows of the partial first and last hours for exact edges).")
                .alternative("aggregate on every call (chosen by default)", "exact to the second and always fresh;"
                        + " reads ~" + Fmt.count(scanned) + " rows per call")
                .cost(new Decision.Cost(0, 0, 0, "reads one row per hour instead of ~" + Fmt.count(scanned)
                        + " rows", "each refresh re-reads " + r.table().name + " (~" + Fmt.count(r.table().rows)
                        + " rows); an incremental rollup table filled hour by hour would avoid that; the view lags"
                        + " writes by up to the refresh interval"))
                .proposal(sql)
                .build());
    }

    // ---- document model ------------------------------------------------------------------------

    private void documentModel(List<Resolved> patterns) {
        for (Relationship rel : spec.relationships()) {
            if (!rel.owned() || rel.isManyToMany() || rel.isSelfReference()) {
                continue;
            }
            String child = rel.child();
            String parent = rel.parent();
            List<String> reasonsAgainst = new ArrayList<>();
            List<String> readers = new ArrayList<>();
            List<String> alone = new ArrayList<>();
            for (Resolved r : patterns) {
                AccessPattern p = r.pattern();
                if (p.entity().equals(child)) {
                    alone.add(p.name());
                }
                if (p.entity().equals(parent) && rel.inverse().isPresent()
                        && p.fetch().stream().anyMatch(f -> f.equals(rel.inverse().get()) || f.startsWith(rel.inverse().get() + "."))) {
                    readers.add(p.name());
                }
            }
            if (!alone.isEmpty()) {
                reasonsAgainst.add((alone.size() == 1 ? "pattern " : "patterns ") + String.join(", ", alone) + " read"
                        + (alone.size() == 1 ? "s " : " ") + child + " rows on their own");
            }
            for (Relationship other : spec.relationships()) {
                if (other == rel) {
                    continue;
                }
                if (other.child().equals(child) && !other.isManyToMany()) {
                    reasonsAgainst.add(child + " references " + other.parent() + " (" + other.as()
                            + "), which a JSON document cannot enforce");
                } else if (other.parent().equals(child) || (other.isManyToMany() && other.child().equals(child))) {
                    reasonsAgainst.add(other.child() + " rows point at " + child + " rows");
                }
            }
            Entity childEntity = spec.requireEntity(child);
            double childUpdates = spec.writesOf(child).stream().mapToDouble(WritePattern::updatesPerSecond).sum();
            if (childUpdates > 0) {
                reasonsAgainst.add(child + " rows are updated on their own (" + Fmt.rate(childUpdates) + ")");
            }
            String subject = parent + "." + rel.inverse().orElse(child);
            if (readers.isEmpty()) {
                reasonsAgainst.add("no pattern reads " + child + " rows together with their " + parent);
            }
            if (reasonsAgainst.isEmpty()) {
                TableInfo pt = tables.get(parent);
                String col = rel.inverse().orElse(child + "s");
                double avg = volumes.childrenPerParent(rel);
                String sql = "ALTER TABLE " + q(pt.name) + " ADD COLUMN " + q(col) + " jsonb NOT NULL DEFAULT '[]';\n"
                        + "-- then move the rows in and drop table " + q(tables.get(child).name);
                decisions.add(DecisionBuilder.of(Decision.Kind.DOCUMENT_MODEL, subject)
                        .choice("store " + child + " rows as a JSON array in " + parent + "." + col)
                        .patterns(readers).rule("document.owned-aggregate")
                        .reason(child + " is owned by " + parent + ", always read with it (" + String.join(", ", readers)
                                + ") and never on its own; no other table points at it and it points nowhere else."
                                + " It is an aggregate read and written whole: a document model fits.")
                        .alternative("a separate table (chosen by default)", "keeps per-row constraints and cheap"
                                + " single-row updates; costs a join of ~" + Fmt.count(avg) + " rows per read")
                        .cost(new Decision.Cost(0, 0, 0, "one row read instead of a join of ~" + Fmt.count(avg) + " rows",
                                "any change rewrites the whole " + parent + " row and its array (~" + Fmt.count(avg)
                                        + " elements); per-element constraints move to the application"))
                        .proposal(sql)
                        .build());
            } else {
                decisions.add(DecisionBuilder.of(Decision.Kind.DOCUMENT_MODEL, subject)
                        .choice("relational: " + child + " keeps its own table")
                        .patterns(readers).rule("document.rejected")
                        .reason(child + " is owned by " + parent + ", the shape that suits a document model, but "
                                + String.join("; ", reasonsAgainst) + ". A separate table serves that; a JSON array"
                                + " in " + parent + " would not." + (childEntity.appendOnly() ? "" : ""))
                        .build());
            }
        }
    }

    // ---- partitioning --------------------------------------------------------------------------

    private void partitioning() {
        for (Entity e : spec.entities()) {
            if (e.volume().retentionDays().isEmpty()) {
                continue;
            }
            TableInfo t = tables.get(e.name());
            Optional<String> timeAttr = e.volume().timeAttribute().or(() -> e.attributes().stream()
                    .filter(a -> a.type() instanceof LogicalType.Timestamp && a.defaultValue().map("now"::equals).orElse(false))
                    .map(Attribute::name).findFirst());
            long days = e.volume().retentionDays().getAsLong();
            double perDay = e.volume().growthPerDay();
            if (timeAttr.isEmpty() || t.rows < PARTITION_MIN_ROWS) {
                decisions.add(DecisionBuilder.of(Decision.Kind.PARTITIONING, t.name)
                        .choice("no partitioning; expire rows with a batched DELETE")
                        .rule("partition.not-needed")
                        .reason(e.name() + " keeps " + days + " days of rows; at ~" + Fmt.count(t.rows)
                                + " rows a daily batched DELETE of ~" + Fmt.count(perDay) + " rows is cheap enough.")
                        .build());
                continue;
            }
            String ta = timeAttr.get();
            String unit = days <= 60 ? "day" : "month";
            long partitions = unit.equals("day") ? days + 1 : days / 30 + 1;
            String sql = String.join("\n",
                    "-- the primary key must include " + ta + ":",
                    "CREATE TABLE " + q(t.name + "_partitioned") + " (LIKE " + q(t.name) + " INCLUDING DEFAULTS INCLUDING"
                            + " CONSTRAINTS) PARTITION BY RANGE (" + q(ta) + ");",
                    "-- one partition per " + unit + ", created ahead of time (pg_partman or a scheduled job), e.g.:",
                    "-- CREATE TABLE " + q(t.name + "_p2026_01") + " PARTITION OF " + q(t.name + "_partitioned")
                            + " FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');",
                    "-- expiry becomes: ALTER TABLE ... DETACH PARTITION ... ; DROP TABLE ...;");
            decisions.add(DecisionBuilder.of(Decision.Kind.PARTITIONING, t.name)
                    .choice("range partitions by " + ta + ", one per " + unit + " (~" + partitions + " live)")
                    .rule("partition.retention")
                    .reason(e.name() + " holds ~" + Fmt.count(t.rows) + " rows and expires ~" + Fmt.count(perDay)
                            + " a day after " + days + " days. Deleting them row by row writes WAL for each row, leaves"
                            + " dead tuples for vacuum and bloats indexes; dropping a whole partition is instant."
                            + " Not applied: partitions must be created ahead of time by a job, the primary key must"
                            + " include " + ta + ", and the schema would depend on the date it is created.")
                    .alternative("a batched DELETE ... WHERE " + ta + " < now() - interval '" + days + " days'",
                            "simple, but rewrites ~" + Fmt.count(perDay) + " rows a day through every index")
                    .cost(new Decision.Cost(0, 0, 0, "queries on a time range scan only the partitions they need",
                            "one partition maintenance job; every unique key must include " + ta))
                    .proposal(sql)
                    .build());
        }
    }
}
