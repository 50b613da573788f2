package io.accesspath.core.design.internal;

import io.accesspath.core.design.Decision;
import io.accesspath.core.design.PatternAccess;
import io.accesspath.core.design.VersionNote;
import io.accesspath.core.design.internal.CostModel.Estimate;
import io.accesspath.core.design.internal.CostModel.KeyCol;
import io.accesspath.core.design.internal.Resolved.Cond;
import io.accesspath.core.design.internal.Resolved.Fetch;
import io.accesspath.core.design.internal.Resolved.Sort;
import io.accesspath.core.design.internal.Resolved.Use;
import io.accesspath.core.dialect.DesignDialect;
import io.accesspath.core.dialect.Feature;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.UniqueConstraint;
import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.LogicalType;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.WritePattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives indexes from access patterns. For each pattern it weighs candidate key orders
 * (equality first, then range and sort in the orders that can avoid a sort) with
 * {@link CostModel}, adds INCLUDE columns for frequent narrow reads, a partial predicate for
 * constant conditions, GIN/GiST/BRIN where the operators or the volume call for them, and
 * indexes for joins and foreign-key checks that patterns or cascades need. It then merges
 * indexes whose keys are a prefix of another's and computes each index's size and write cost.
 * An index that serves nothing is not created.
 */
public final class IndexPlanner {
    public static final String RULE_EQ_FIRST = "index.equality-first";
    public static final String RULE_RANGE_THEN_SORT = "index.range-then-sort";
    public static final String RULE_SORT = "index.matches-sort";
    public static final String RULE_INCLUDE = "index.include-covering";
    public static final String RULE_PARTIAL = "index.partial-constant";
    public static final String RULE_GIN = "index.gin";
    public static final String RULE_GIST = "index.gist";
    public static final String RULE_BRIN = "index.brin-append-only";
    public static final String RULE_JOIN = "index.join-to-many";
    public static final String RULE_FK = "index.foreign-key-check";
    public static final String RULE_MERGED = "index.prefix-merged";
    public static final String RULE_CASE_FOLD = "index.case-insensitive";
    public static final String RULE_HOT_KEY = "index.designed-for-hot-keys";

    /** A pattern at least this frequent may get INCLUDE columns. */
    public static final double INCLUDE_MIN_FREQUENCY = 10;
    /** ... or a pattern whose hottest values fetch at least this many heap rows. */
    public static final double INCLUDE_MIN_HEAP_ROWS = 10_000;
    /** At most this many INCLUDE columns, of at most this many bytes together. */
    public static final int INCLUDE_MAX_COLUMNS = 3;
    public static final int INCLUDE_MAX_BYTES = 48;
    /** BRIN is considered for append-only tables of at least this many rows. */
    public static final long BRIN_MIN_ROWS = 10_000_000;

    private final Spec spec;
    private final Map<String, TableInfo> tables;
    /** The same tables by table name (the map above is by entity name). */
    private final Map<String, TableInfo> byTable = new LinkedHashMap<>();
    private final DesignDialect dialect;
    private final int version;
    private final Names names;
    private final List<Decision> decisions;
    private final List<VersionNote> notes;
    private final List<Candidate> candidates = new ArrayList<>();
    private final Map<String, PatternPlan> plans = new LinkedHashMap<>();
    private final Map<Candidate, Index> finalIndex = new LinkedHashMap<>();

    public IndexPlanner(Spec spec, Map<String, TableInfo> tables, DesignDialect dialect, int version, Names names,
                        List<Decision> decisions, List<VersionNote> notes) {
        this.spec = spec;
        this.tables = tables;
        tables.values().forEach(t -> byTable.put(t.name, t));
        this.dialect = dialect;
        this.version = version;
        this.names = names;
        this.decisions = decisions;
        this.notes = notes;
    }

    /** How one pattern uses one candidate index. */
    /**
     * How one pattern (or join, or foreign-key check) uses a candidate index.
     *
     * @param resolved the pattern, for re-costing it on another index when merging
     * @param lookup   for joins and foreign-key checks: the columns looked up by equality
     */
    record Usage(String pattern, double frequency, String how, Optional<Estimate> estimate,
                 List<Decision.Alternative> alternatives, List<String> rules, Optional<Resolved> resolved,
                 List<String> lookup) {
        Usage(String pattern, double frequency, String how, Optional<Estimate> estimate,
              List<Decision.Alternative> alternatives, List<String> rules, Resolved resolved) {
            this(pattern, frequency, how, estimate, alternatives, rules, Optional.of(resolved), List.of());
        }

        Usage(String pattern, double frequency, String how, List<Decision.Alternative> alternatives,
              List<String> rules, List<String> lookup) {
            this(pattern, frequency, how, Optional.empty(), alternatives, rules, Optional.empty(), lookup);
        }
    }

    /** An index being planned. */
    static final class Candidate {
        final String table;
        final Index.Method method;
        final List<KeyCol> keys;
        final List<Optional<String>> opclasses;
        final List<String> include = new ArrayList<>();
        final List<Cond> predicate;
        final Map<String, Usage> usages = new LinkedHashMap<>();
        Candidate mergedInto;
        String constraintName;

        Candidate(String table, Index.Method method, List<KeyCol> keys, List<Optional<String>> opclasses,
                  List<Cond> predicate) {
            this.table = table;
            this.method = method;
            this.keys = List.copyOf(keys);
            this.opclasses = List.copyOf(opclasses);
            this.predicate = List.copyOf(predicate);
        }

        String predicateSql() {
            return String.join(" AND ", predicate.stream().map(c -> c.predicateSql().orElseThrow()).toList());
        }

        boolean samePredicate(Candidate o) {
            return predicateSql().equals(o.predicateSql());
        }

        Candidate resolve() {
            Candidate c = this;
            while (c.mergedInto != null) {
                c = c.mergedInto;
            }
            return c;
        }

        List<String> keyColumns() {
            return keys.stream().map(KeyCol::column).toList();
        }
    }

    /** The plan chosen for one pattern. */
    /**
     * The plan chosen for one pattern; {@code driving} names the link table it starts from when
     * that beats reading the pattern's own table first.
     */
    record PatternPlan(Resolved resolved, Optional<Candidate> main, String access, Estimate estimate,
                       List<JoinPlan> joins, Optional<String> driving) {}

    /** Driving a pattern from a many-to-many link table. */
    record LinkPlan(String table, String otherEnd, Candidate candidate, Estimate estimate) {}

    record JoinPlan(String path, String table, Optional<Candidate> index, String constraintIndex) {}

    // ---- planning ---------------------------------------------------------------------------

    public void plan(List<Resolved> patterns) {
        for (Resolved r : patterns) {
            planPattern(r);
        }
        mergeDuplicates();
        mergePrefixes();
        mergeIntoConstraints();
        foreignKeyIndexes();
        name();
    }

    private void planPattern(Resolved r) {
        AccessPattern p = r.pattern();
        double freq = p.frequency().perSecond();
        Estimate seq = CostModel.seqScan(r);
        List<Cond> predicate = r.conds(Use.PREDICATE);

        Optional<Candidate> main = Optional.empty();
        Estimate chosen = seq;
        String access = "Seq Scan";

        // special operators: GIN / GiST
        Candidate bestSpecial = null;
        Estimate bestSpecialEst = null;
        for (Cond c : r.conds(Use.SPECIAL)) {
            String sqlType = r.table().column(c.column()).map(col -> col.type()).orElse("");
            Optional<DesignDialect.IndexMethodChoice> m = dialect.indexFor(c.op(), c.type().orElseThrow(), sqlType);
            if (m.isEmpty() || !dialect.supports(featureOf(m.get().method()), version)) {
                continue;
            }
            boolean knn = c.op() == AccessPattern.Op.NEAR && c.value().isEmpty();
            Optional<String> exclusion = exclusionServing(r, c);
            double seekSel = exclusion.map(x -> equalitySelectivity(r, x)).orElse(1.0);
            Estimate e = CostModel.special(r, c, knn, 0, seekSel);
            if (bestSpecialEst == null || e.cost() < bestSpecialEst.cost()) {
                Candidate cand = new Candidate(r.table().name, m.get().method(),
                        List.of(new KeyCol(c.column(), false, false)), List.of(m.get().opclass()), predicate);
                List<String> rules = new ArrayList<>();
                rules.add(m.get().method() == Index.Method.GIN ? RULE_GIN : RULE_GIST);
                if (!predicate.isEmpty()) {
                    rules.add(RULE_PARTIAL);
                }
                String how = m.get().reason() + (predicate.isEmpty() ? "" : " " + predicateReason(predicate));
                cand.usages.put(p.name(), new Usage(p.name(), freq, how, Optional.of(e), List.of(), rules, r));
                exclusion.ifPresent(x -> cand.constraintName = x);
                bestSpecial = cand;
                bestSpecialEst = e;
            }
        }

        // B-tree on equality / range / sort, or BRIN for wide time ranges on append-only volume
        BtreeChoice bt = bestBtree(r);
        Optional<Candidate> brin = brinCandidate(r);
        if (brin.isPresent()) {
            Candidate b = brin.get();
            Estimate e = b.usages.get(p.name()).estimate().orElseThrow();
            main = Optional.of(b);
            chosen = e;
            access = "Bitmap Heap Scan";
        } else if (bestSpecial != null && (bt == null || bestSpecialEst.cost() <= bt.estimate.cost())) {
            main = Optional.of(bestSpecial);
            chosen = bestSpecialEst;
            boolean knn = bestSpecial.method == Index.Method.GIST && chosen.sortAvoided();
            access = knn ? "Index Scan" : "Bitmap Heap Scan";
        } else if (bt != null && bt.estimate.cost() < seq.cost()) {
            main = Optional.of(bt.candidate);
            chosen = bt.estimate;
            access = chosen.indexOnly() ? "Index Only Scan" : "Index Scan";
        }
        Optional<String> driving = Optional.empty();
        Optional<LinkPlan> links = joinConditionIndexes(r);
        if (links.isPresent() && links.get().estimate().cost() < (main.isEmpty() ? seq.cost() : chosen.cost())) {
            LinkPlan lp = links.get();
            decisions.add(DecisionBuilder.of(Decision.Kind.INDEX_NOT_CREATED, "pattern." + p.name() + ".driving")
                    .choice(p.name() + " starts from " + lp.table() + ", not " + r.table().name).pattern(p.name())
                    .rule("index.drive-from-link-table")
                    .reason("Only ~" + Fmt.count(lp.estimate().entries()) + " " + r.table().name + " rows are linked to"
                            + " one " + lp.otherEnd() + ": reading those links (index-only) and fetching each row by"
                            + " its key, then sorting, costs ~" + Fmt.trim(lp.estimate().cost()) + ", less than walking "
                            + r.table().name + (main.isPresent() ? " in ORDER BY order through an index and skipping"
                            + " rows of other " + lp.otherEnd() + "s (~" + Fmt.trim(chosen.cost()) + ")"
                            : " (~" + Fmt.trim(seq.cost()) + ")") + ". So no index on " + r.table().name
                            + " serves this pattern.")
                    .build());
            main = Optional.of(lp.candidate());
            chosen = lp.estimate();
            access = "Index Only Scan";
            driving = Optional.of(lp.table());
        }
        if (main.isEmpty()) {
            String why = r.conds().isEmpty() && r.sort().isEmpty()
                    ? "it reads the whole table (no condition or order an index could serve)"
                    : "a sequential scan of " + r.table().name + " (~" + Fmt.count(r.table().rows) + " rows, "
                            + Fmt.bytes(TableBuilder.heapBytes(r.table())) + ") costs about as much as any index"
                            + (bt == null ? "" : " (est. " + Fmt.trim(seq.cost()) + " vs " + Fmt.trim(bt.estimate.cost())
                                    + " for " + describeKeys(bt.candidate.keys) + ")");
            decisions.add(DecisionBuilder.of(Decision.Kind.INDEX_NOT_CREATED, "pattern." + p.name())
                    .choice("no index for " + p.name()).pattern(p.name()).rule("index.not-worth-it")
                    .reason("No index: " + why + ". An index would cost writes on every insert and serve nothing.")
                    .build());
        } else {
            candidates.add(main.get());
        }
        List<JoinPlan> joins = new ArrayList<>();
        for (Fetch f : r.fetches()) {
            joins.add(joinIndex(r, f));
        }
        if (driving.isPresent()) {
            joins.add(0, new JoinPlan(r.pattern().entity(), r.table().name, Optional.empty(),
                    r.table().primaryKey.map(pk -> pk.name()).orElse("")));
        }
        plans.put(p.name(), new PatternPlan(r, main, access, chosen, joins, driving));
    }

    /**
     * The exclusion constraint whose GiST index answers a special condition: it overlaps on the
     * condition's column and every one of its equality parts is an equality of the pattern.
     */
    private static Optional<String> exclusionServing(Resolved r, Cond special) {
        for (io.accesspath.core.schema.ExclusionConstraint x : r.table().exclusions) {
            boolean overlaps = x.elements().stream().anyMatch(el -> el.column().equals(special.column())
                    && !el.operator().equals("="));
            boolean equalities = x.elements().stream().filter(el -> el.operator().equals("="))
                    .allMatch(el -> r.conds(Use.EQ).stream().anyMatch(c -> c.column().equals(el.column())));
            if (overlaps && equalities) {
                return Optional.of(x.name());
            }
        }
        return Optional.empty();
    }

    /** The combined selectivity of the pattern's equalities on an exclusion constraint's "=" parts. */
    private static double equalitySelectivity(Resolved r, String exclusion) {
        double sel = 1;
        for (io.accesspath.core.schema.ExclusionConstraint x : r.table().exclusions) {
            if (!x.name().equals(exclusion)) {
                continue;
            }
            for (var el : x.elements()) {
                if (el.operator().equals("=")) {
                    for (Cond c : r.conds(Use.EQ)) {
                        if (c.column().equals(el.column())) {
                            sel *= c.selectivity();
                        }
                    }
                }
            }
        }
        return sel;
    }

    private static Feature featureOf(Index.Method m) {
        return switch (m) {
            case GIN -> Feature.GIN;
            case GIST -> Feature.GIST;
            case BRIN -> Feature.BRIN;
            default -> Feature.EXPRESSION_INDEX;
        };
    }

    private record BtreeChoice(Candidate candidate, Estimate estimate) {}

    /** Weighs the key orders that make sense for the pattern and keeps the cheapest. */
    private BtreeChoice bestBtree(Resolved r) {
        AccessPattern p = r.pattern();
        TableInfo t = r.table();
        List<Cond> eq = new ArrayList<>(r.conds(Use.EQ));
        eq.sort(Comparator.comparing((Cond c) -> !c.implicit()).thenComparingDouble(Cond::selectivity));
        List<Cond> in = new ArrayList<>(r.conds(Use.IN));
        in.sort(Comparator.comparingDouble(Cond::selectivity));
        List<Cond> range = new ArrayList<>(r.conds(Use.RANGE));
        range.sort(Comparator.comparingDouble(Cond::selectivity));
        List<Cond> predicate = r.conds(Use.PREDICATE);
        if (eq.isEmpty() && in.isEmpty() && range.isEmpty() && r.sort().isEmpty()) {
            if (predicate.isEmpty()) {
                return null;
            }
            // a constant predicate alone: a partial index on the key answers it
            List<KeyCol> keys = t.keyColumns.stream().map(k -> new KeyCol(k, false, false)).toList();
            return evaluate(r, List.of(keys), predicate).get(0);
        }
        List<List<KeyCol>> orders = new ArrayList<>();
        List<KeyCol> e = toKeys(t, eq);
        List<KeyCol> i = toKeys(t, in);
        List<KeyCol> rg = toKeys(t, range);
        List<KeyCol> s = r.sort().stream().map(x -> new KeyCol(keyName(t, x.column()), x.descending(),
                t.caseInsensitive.contains(x.column()))).toList();
        orders.add(concat(e, i, rg, s));
        orders.add(concat(e, i, s, rg));
        if (!in.isEmpty()) {
            orders.add(concat(e, s, i, rg));
        }
        if (range.size() > 1) {
            List<KeyCol> rev = new ArrayList<>(rg);
            java.util.Collections.reverse(rev);
            orders.add(concat(e, i, rev, s));
        }
        List<BtreeChoice> evaluated = evaluate(r, orders, predicate);
        BtreeChoice best = evaluated.get(0);
        // INCLUDE columns for a frequent pattern that reads few columns
        List<String> include = includeColumns(r, best.candidate.keys,
                CostModel.btree(r, best.candidate.keys, List.of(), true, true));
        if (!include.isEmpty()) {
            Estimate withInclude = CostModel.btree(r, best.candidate.keys, include, true);
            best.candidate.include.addAll(include);
            Usage u = best.candidate.usages.get(p.name());
            List<String> rules = new ArrayList<>(u.rules());
            rules.add(RULE_INCLUDE);
            String how = u.how() + " INCLUDE (" + String.join(", ", include) + "): the pattern "
                    + (p.frequency().perSecond() >= INCLUDE_MIN_FREQUENCY ? "runs " + Fmt.rate(p.frequency().perSecond())
                    : "reads many rows for its hottest values") + " and needs only "
                    + String.join(", ", r.neededColumns())
                    + ", so the index alone answers it (an index-only scan once the visibility map is set).";
            best.candidate.usages.put(p.name(), new Usage(p.name(), u.frequency(), how, Optional.of(withInclude),
                    u.alternatives(), rules, r));
            best = new BtreeChoice(best.candidate, withInclude);
        }
        return best;
    }

    /** One candidate key order with its cost for the average call and for the hottest values. */
    private record Evaluated(BtreeChoice choice, Estimate hot) {}

    /**
     * Evaluates key orders; the cheapest first, with the others as its alternatives. Orders are
     * ranked by their cost for the hottest values the conditions can take (the most-referenced
     * parent under skew, the commonest status): that is what the slowest calls, and so the p95,
     * see. The average call's cost breaks ties.
     */
    private List<BtreeChoice> evaluate(Resolved r, List<List<KeyCol>> orders, List<Cond> predicate) {
        AccessPattern p = r.pattern();
        List<Evaluated> out = new ArrayList<>();
        Set<List<KeyCol>> seen = new LinkedHashSet<>();
        for (List<KeyCol> keys : orders) {
            if (keys.isEmpty() || !seen.add(keys)) {
                continue;
            }
            Estimate est = CostModel.btree(r, keys, List.of(), true, false);
            Estimate hot = CostModel.btree(r, keys, List.of(), true, true);
            List<Optional<String>> opclasses = new ArrayList<>();
            for (KeyCol k : keys) {
                opclasses.add(opclassFor(r, k));
            }
            Candidate c = new Candidate(r.table().name, Index.Method.BTREE, keys, opclasses, predicate);
            out.add(new Evaluated(new BtreeChoice(c, est), hot));
        }
        out.sort(Comparator.comparingDouble((Evaluated e) -> round(e.hot().cost()))
                .thenComparingDouble(e -> round(e.choice().estimate.cost()))
                .thenComparingInt(e -> e.choice().candidate.keys.size()));
        Evaluated bestEval = out.get(0);
        BtreeChoice best = bestEval.choice();
        List<Decision.Alternative> alts = new ArrayList<>();
        for (Evaluated other : out.subList(1, out.size())) {
            boolean hotMatters = other.hot().cost() > bestEval.hot().cost() * 1.5
                    && other.choice().estimate.cost() <= best.estimate.cost() * 1.5;
            String verdict = hotMatters
                    ? "as good for the average call, but for the hottest values " + verdict(other.hot(), bestEval.hot())
                    : verdict(other.choice().estimate, best.estimate);
            alts.add(new Decision.Alternative(describeKeys(other.choice().candidate.keys), verdict));
        }
        Estimate seq = CostModel.seqScan(r);
        alts.add(new Decision.Alternative("no index (sequential scan)", "reads ~" + Fmt.count(seq.entries())
                + " rows" + (seq.sortRows() > 0 ? " and sorts ~" + Fmt.count(seq.sortRows()) : "") + " per call: est. cost "
                + Fmt.trim(seq.cost()) + " vs " + Fmt.trim(best.estimate.cost()) + ratio(seq.cost(), best.estimate.cost())));
        List<String> rules = new ArrayList<>();
        if (!best.estimate.seek().isEmpty() && !r.conds(Use.EQ).isEmpty()) {
            rules.add(RULE_EQ_FIRST);
        }
        if (!r.conds(Use.RANGE).isEmpty()) {
            rules.add(RULE_RANGE_THEN_SORT);
        }
        if (best.estimate.sortAvoided()) {
            rules.add(RULE_SORT);
        }
        if (!predicate.isEmpty()) {
            rules.add(RULE_PARTIAL);
        }
        if (best.candidate.keys.stream().anyMatch(KeyCol::expression)) {
            rules.add(RULE_CASE_FOLD);
        }
        if (bestEval.hot().cost() > best.estimate.cost() * 1.5) {
            rules.add(RULE_HOT_KEY);
        }
        best.candidate.usages.put(p.name(), new Usage(p.name(), p.frequency().perSecond(),
                howText(r, best.candidate, best.estimate, bestEval.hot()), Optional.of(best.estimate), alts, rules, r));
        return out.stream().map(Evaluated::choice).toList();
    }

    private static double round(double cost) {
        return Math.round(cost * 1000) / 1000.0;
    }

    /**
     * The pattern operator class a prefix filter needs, unless the column is also sorted on: a
     * pattern-ops index orders by bytes, not by the column's collation, so it could not give the
     * ORDER BY (the prefix then filters inside the index instead).
     */
    private Optional<String> opclassFor(Resolved r, KeyCol k) {
        if (r.sort().stream().anyMatch(s -> s.column().equals(k.column()))) {
            return Optional.empty();
        }
        for (Cond c : r.conds()) {
            if (c.column().equals(k.column()) && c.op() == AccessPattern.Op.PREFIX && c.type().isPresent()) {
                String sqlType = r.table().column(c.column()).map(col -> col.type()).orElse("");
                return dialect.indexFor(AccessPattern.Op.PREFIX, c.type().get(), sqlType).flatMap(x -> x.opclass());
            }
        }
        return Optional.empty();
    }

    private String keyName(TableInfo t, String column) {
        return t.caseInsensitive.contains(column) ? dialect.caseFold(dialect.quote(column)) : column;
    }

    private List<KeyCol> toKeys(TableInfo t, List<Cond> conds) {
        List<KeyCol> out = new ArrayList<>();
        for (Cond c : conds) {
            out.add(new KeyCol(c.column(), false, c.column().contains("(")));
        }
        return out;
    }

    @SafeVarargs
    private static List<KeyCol> concat(List<KeyCol>... parts) {
        List<KeyCol> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (List<KeyCol> part : parts) {
            for (KeyCol k : part) {
                if (seen.add(k.column())) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /**
     * INCLUDE columns that let the index answer the pattern alone: for a frequent pattern, or for
     * one whose hottest values fetch many heap rows (a covering index turns them into index-only
     * reads), when the pattern reads few, narrow columns.
     */
    private List<String> includeColumns(Resolved r, List<KeyCol> keys, Estimate hot) {
        boolean frequent = r.pattern().frequency().perSecond() >= INCLUDE_MIN_FREQUENCY;
        boolean heavy = hot.heapRows() >= INCLUDE_MIN_HEAP_ROWS;
        if (!dialect.supports(Feature.INCLUDE_COLUMNS, version) || r.allColumns() || !(frequent || heavy)) {
            return List.of();
        }
        Set<String> keyCols = new LinkedHashSet<>();
        keys.forEach(k -> keyCols.add(k.column()));
        List<String> missing = new ArrayList<>();
        int bytes = 0;
        for (String c : r.neededColumns()) {
            if (!keyCols.contains(c)) {
                missing.add(c);
                bytes += r.table().width(c);
            }
        }
        if (missing.isEmpty() || missing.size() > INCLUDE_MAX_COLUMNS || bytes > INCLUDE_MAX_BYTES) {
            return List.of();
        }
        return missing;
    }

    private Optional<Candidate> brinCandidate(Resolved r) {
        TableInfo t = r.table();
        if (!dialect.supports(Feature.BRIN, version) || t.entity.isEmpty() || t.rows < BRIN_MIN_ROWS) {
            return Optional.empty();
        }
        Entity e = t.entity.get();
        boolean appendOnly = e.appendOnly() || spec.writesOf(e.name()).stream()
                .allMatch(w -> w.updates().isEmpty() && w.deletes().isZero()) && !spec.writesOf(e.name()).isEmpty();
        if (!appendOnly || !r.conds(Use.EQ).isEmpty() || !r.conds(Use.IN).isEmpty()) {
            return Optional.empty();
        }
        if (!r.sort().isEmpty() && r.limit().isPresent()) {
            return Optional.empty();
        }
        for (Cond c : r.conds(Use.RANGE)) {
            boolean timeLike = c.type().map(x -> x instanceof LogicalType.Timestamp || x instanceof LogicalType.Date)
                    .orElse(false);
            boolean insertOrdered = e.volume().timeAttribute().map(c.column()::equals).orElse(false)
                    || e.attribute(c.column()).flatMap(a -> a.defaultValue()).map("now"::equals).orElse(false);
            if (!timeLike || !insertOrdered) {
                continue;
            }
            double rowsPerPage = Math.max(1, 8192 * 0.95 / t.rowWidth());
            Estimate brinEst = CostModel.brin(r, c, rowsPerPage);
            long btreeSize = btreeSize(t.rows, t.width(c.column()), 1.0);
            long brinSize = brinSize(t);
            Candidate cand = new Candidate(t.name, Index.Method.BRIN, List.of(new KeyCol(c.column(), false, false)),
                    List.of(Optional.empty()), List.of());
            String how = "BRIN on " + c.column() + ": " + e.name() + " is append-only, so " + c.column()
                    + " rises with the physical row order and each 128-page block range covers a narrow time slice;"
                    + " a range over ~" + Fmt.percent(c.selectivity()) + " of " + Fmt.count(t.rows)
                    + " rows reads only the matching ranges.";
            List<Decision.Alternative> alts = List.of(new Decision.Alternative("B-tree (" + c.column() + ")",
                    "about " + Fmt.bytes(btreeSize) + " instead of " + Fmt.bytes(brinSize) + ", and a random leaf"
                            + " page write on every insert (" + Fmt.rate(insertsPerSecond(t)) + "); it wins only for"
                            + " narrow ranges or ORDER BY ... LIMIT"));
            cand.usages.put(r.pattern().name(), new Usage(r.pattern().name(), r.pattern().frequency().perSecond(), how,
                    Optional.of(brinEst), alts, List.of(RULE_BRIN), r));
            return Optional.of(cand);
        }
        return Optional.empty();
    }

    // ---- joins ------------------------------------------------------------------------------

    private JoinPlan joinIndex(Resolved r, Fetch f) {
        TableInfo to = byTable.get(f.toTable());
        String pattern = r.pattern().name();
        double freq = r.pattern().frequency().perSecond();
        double perCall = r.limit().map(l -> (double) l).orElse(1.0);
        if (f.via().isPresent()) {
            TableInfo j = byTable.get(f.via().get());
            return joinOn(j, f, pattern, freq, perCall, "links of each " + f.fromTable() + " in " + j.name);
        }
        if (!f.toMany()) {
            return new JoinPlan(f.path(), to.name, Optional.empty(), to.primaryKey.map(pk -> pk.name()).orElse(""));
        }
        return joinOn(to, f, pattern, freq, perCall, "the " + to.name + " rows of each " + f.fromTable());
    }

    private JoinPlan joinOn(TableInfo t, Fetch f, String pattern, double freq, double perCall, String what) {
        List<String> cols = f.joinColumns();
        Optional<String> constraint = constraintCovering(t, cols);
        if (constraint.isPresent()) {
            return new JoinPlan(f.path(), t.name, Optional.empty(), constraint.get());
        }
        List<KeyCol> keys = cols.stream().map(c -> new KeyCol(c, false, false)).toList();
        Candidate c = new Candidate(t.name, Index.Method.BTREE, keys, keys.stream().map(k -> Optional.<String>empty()).toList(),
                List.of());
        String how = "Join for '" + f.path() + "': finds " + what + " by (" + String.join(", ", cols)
                + ") without scanning " + t.name + " (~" + Fmt.count(t.rows) + " rows); about "
                + Fmt.count(perCall * Math.max(1, freq)) + " lookups a second.";
        c.usages.put(pattern, new Usage(pattern, freq, how, List.of(
                new Decision.Alternative("no index", "each lookup would scan " + t.name + " (~" + Fmt.count(t.rows)
                        + " rows), or force a hash join over the whole table")), List.of(RULE_JOIN), cols));
        candidates.add(c);
        return new JoinPlan(f.path(), t.name, Optional.of(c), "");
    }

    /**
     * Indexes on other tables for filters that reach them (many-to-many filters, dotted paths).
     * Returns the plan that starts from a many-to-many link table, if the pattern has one.
     */
    private Optional<LinkPlan> joinConditionIndexes(Resolved r) {
        Optional<LinkPlan> link = Optional.empty();
        Map<String, List<Cond>> condsByTable = new LinkedHashMap<>();
        for (Cond c : r.joinConds()) {
            String table = c.column().substring(0, c.column().indexOf('.'));
            condsByTable.computeIfAbsent(table, k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<Cond>> e : condsByTable.entrySet()) {
            TableInfo t = byTable.get(e.getKey());
            List<String> cols = new ArrayList<>();
            t.tenantColumn.ifPresent(cols::add);
            for (Cond c : e.getValue()) {
                if (c.use() == Use.EQ) {
                    cols.add(c.column().substring(c.column().indexOf('.') + 1));
                }
            }
            if (cols.isEmpty()) {
                continue;
            }
            List<String> seekCols = new ArrayList<>(cols);
            if (t.junctionOf.isPresent()) {
                // (other end, this end): the index answers the filter and yields the ids to join on
                for (String k : t.keyColumns) {
                    if (!cols.contains(k)) {
                        cols.add(k);
                    }
                }
            }
            double linkRows = t.rows * e.getValue().stream().mapToDouble(Cond::selectivity).reduce(1, (a, b) -> a * b);
            if (constraintCovering(t, seekCols).isPresent()) {
                continue;
            }
            List<KeyCol> keys = cols.stream().map(c -> new KeyCol(c, false, false)).toList();
            Candidate c = new Candidate(t.name, Index.Method.BTREE, keys,
                    keys.stream().map(k -> Optional.<String>empty()).toList(), List.of());
            String pattern = r.pattern().name();
            String how = t.junctionOf.isPresent()
                    ? "Filter through the many-to-many link: finds the links of one " + cols.get(t.isTenantScoped() ? 1 : 0)
                            .replaceAll("_id$", "") + " (the reverse direction of the primary key), and carries the other"
                            + " end's id so the join needs no heap visit."
                    : "Filter on " + t.name + " reached by a join: (" + String.join(", ", cols) + ") finds the matching "
                            + t.name + " rows first.";
            c.usages.put(pattern, new Usage(pattern, r.pattern().frequency().perSecond(), how, List.of(),
                    List.of(RULE_JOIN), seekCols));
            candidates.add(c);
            if (t.junctionOf.isPresent() && link.isEmpty()) {
                String otherEnd = e.getValue().get(0).source();
                link = Optional.of(new LinkPlan(t.name, otherEnd, c, CostModel.viaLinks(r, Math.max(1, linkRows))));
            }
        }
        return link;
    }

    private Optional<String> constraintCovering(TableInfo t, List<String> cols) {
        if (t.primaryKey.isPresent() && prefixSetEquals(t.primaryKey.get().columns(), cols)) {
            return Optional.of(t.primaryKey.get().name());
        }
        for (UniqueConstraint u : t.uniques) {
            if (prefixSetEquals(u.columns(), cols)) {
                return Optional.of(u.name());
            }
        }
        return Optional.empty();
    }

    private static boolean prefixSetEquals(List<String> indexCols, List<String> cols) {
        if (indexCols.size() < cols.size()) {
            return false;
        }
        return new LinkedHashSet<>(indexCols.subList(0, cols.size())).equals(new LinkedHashSet<>(cols));
    }

    // ---- merging ----------------------------------------------------------------------------

    private List<Candidate> live() {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.mergedInto == null && c.constraintName == null && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private void mergeDuplicates() {
        List<Candidate> live = live();
        for (int i = 0; i < live.size(); i++) {
            Candidate a = live.get(i);
            if (a.mergedInto != null) {
                continue;
            }
            for (int j = i + 1; j < live.size(); j++) {
                Candidate b = live.get(j);
                if (b.mergedInto == null && a.table.equals(b.table) && a.method == b.method && a.keys.equals(b.keys)
                        && a.opclasses.equals(b.opclasses) && a.samePredicate(b)) {
                    absorb(a, b, false);
                }
            }
        }
    }

    /**
     * Merges a B-tree into a longer one that serves every one of its uses as well: the same seek
     * columns, the ORDER BY still given by the index (directions may be all inverted, and the
     * direction of a column fixed by an equality does not matter), at a similar cost.
     */
    private void mergePrefixes() {
        List<Candidate> live = live();
        live.sort(Comparator.comparingInt((Candidate c) -> c.keys.size()));
        for (Candidate shorter : live) {
            if (shorter.method != Index.Method.BTREE || shorter.mergedInto != null) {
                continue;
            }
            Candidate target = null;
            for (Candidate longer : live) {
                if (longer == shorter || longer.mergedInto != null || longer.method != Index.Method.BTREE
                        || !longer.table.equals(shorter.table) || longer.keys.size() < shorter.keys.size()
                        || (longer.keys.size() == shorter.keys.size() && live.indexOf(longer) < live.indexOf(shorter))
                        || !longer.samePredicate(shorter) || !servesAsWell(shorter, longer.keys, longer.opclasses, false)) {
                    continue;
                }
                if (target == null || longer.keys.size() > target.keys.size()) {
                    target = longer;
                }
            }
            if (target != null) {
                absorb(target, shorter, true);
            }
        }
    }

    /**
     * Whether an index with {@code keys} serves every use of {@code c} as well as {@code c} would.
     * A use whose equality conditions pin one row (a unique lookup) ignores predicates.
     */
    private boolean servesAsWell(Candidate c, List<KeyCol> keys, List<Optional<String>> opclasses,
                                 boolean uniqueTarget) {
        for (Usage u : c.usages.values()) {
            if (u.resolved().isPresent() && u.estimate().isPresent()) {
                Resolved r = u.resolved().get();
                Estimate mine = u.estimate().get();
                for (int i = 0; i < keys.size(); i++) {
                    for (int j = 0; j < c.keys.size(); j++) {
                        if (keys.get(i).column().equals(c.keys.get(j).column())
                                && !opclasses.get(i).equals(c.opclasses.get(j))) {
                            return false;
                        }
                    }
                }
                Estimate theirs = CostModel.btree(r, keys, List.copyOf(c.include), true);
                boolean order = !mine.sortAvoided() || theirs.sortAvoided();
                boolean seeks = new LinkedHashSet<>(theirs.seek()).containsAll(mine.seek());
                boolean cost = theirs.cost() <= mine.cost() * 1.5 + 1;
                if (!(order && seeks && cost)) {
                    return false;
                }
            } else if (!u.lookup().isEmpty()) {
                List<String> cols = keys.stream().map(KeyCol::column).toList();
                if (!prefixSetEquals(cols, u.lookup())) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private void absorb(Candidate into, Candidate from, boolean prefix) {
        from.mergedInto = into;
        for (Map.Entry<String, Usage> e : from.usages.entrySet()) {
            into.usages.putIfAbsent(e.getKey(), e.getValue());
        }
        for (String inc : from.include) {
            if (!into.include.contains(inc) && !into.keyColumns().contains(inc)) {
                into.include.add(inc);
            }
        }
        if (prefix) {
            decisions.add(DecisionBuilder.of(Decision.Kind.INDEX_MERGED, from.table + "." + slug(describeKeys(from.keys))
                            + ".into." + slug(describeKeys(into.keys)))
                    .choice(describeKeys(from.keys) + " served by " + describeKeys(into.keys))
                    .patterns(from.usages.keySet()).rule(RULE_MERGED)
                    .reason(describeKeys(into.keys) + " on " + into.table + " gives the same seeks and the same order"
                            + " for " + String.join(", ", from.usages.keySet()) + "; one index less to write.")
                    .build());
        }
    }

    private static String slug(String s) {
        return s.replaceAll("[^a-z0-9_]+", "_").replaceAll("^_|_$", "");
    }

    /** Drops candidates that the primary key or a unique constraint serves as well. */
    private void mergeIntoConstraints() {
        for (Candidate c : live()) {
            if (c.method != Index.Method.BTREE || !c.include.isEmpty()) {
                continue;
            }
            TableInfo t = byTable.get(c.table);
            List<List<String>> constraints = new ArrayList<>();
            List<String> constraintNames = new ArrayList<>();
            t.primaryKey.ifPresent(pk -> {
                constraints.add(pk.columns());
                constraintNames.add(pk.name());
            });
            for (UniqueConstraint u : t.uniques) {
                constraints.add(u.columns());
                constraintNames.add(u.name());
            }
            for (Index u : t.uniqueIndexes) {
                constraints.add(u.keyColumns());
                constraintNames.add(u.name());
            }
            Optional<String> constraint = Optional.empty();
            for (int i = 0; i < constraints.size() && constraint.isEmpty(); i++) {
                List<String> cols = constraints.get(i);
                List<KeyCol> keys = cols.stream().map(x -> new KeyCol(x, false, x.contains("("))).toList();
                boolean uniqueLookup = c.usages.values().stream().allMatch(u -> u.resolved().isPresent()
                        && coversByEquality(u.resolved().get(), cols));
                if ((c.predicate.isEmpty() || uniqueLookup)
                        && servesAsWell(c, keys, keys.stream().map(k -> Optional.<String>empty()).toList(), true)) {
                    constraint = Optional.of(constraintNames.get(i));
                }
            }
            if (constraint.isPresent()) {
                c.constraintName = constraint.get();
                decisions.add(DecisionBuilder.of(Decision.Kind.INDEX_MERGED, c.table + "." + String.join("_",
                                c.keyColumns()).replaceAll("[^a-z0-9_]+", "_") + ".constraint")
                        .choice(describeKeys(c.keys) + " served by " + constraint.get())
                        .patterns(c.usages.keySet()).rule(RULE_MERGED)
                        .reason("The index behind " + constraint.get() + " serves " + String.join(", ",
                                c.usages.keySet()) + " as well" + (c.predicate.isEmpty() ? ""
                                : " (a unique lookup finds at most one row, so a partial predicate adds nothing)")
                                + "; no separate index is needed.")
                        .build());
            }
        }
    }

    /** Whether the pattern's equality conditions include every column of a unique key. */
    private static boolean coversByEquality(Resolved r, List<String> uniqueColumns) {
        Set<String> eq = new LinkedHashSet<>();
        for (Cond c : r.conds(Use.EQ)) {
            eq.add(c.column());
        }
        return eq.containsAll(uniqueColumns);
    }

    /** Indexes on foreign-key columns that a cascade or restrict check needs. */
    private void foreignKeyIndexes() {
        for (TableInfo t : tables.values()) {
            for (ForeignKey fk : t.foreignKeys) {
                if (coveredByIndex(t, fk.columns())) {
                    continue;
                }
                TableInfo parent = tables.values().stream().filter(x -> x.name.equals(fk.referencedTable()))
                        .findFirst().orElseThrow();
                double deletes = parent.entity.map(e -> spec.writesOf(e.name()).stream()
                        .mapToDouble(w -> w.deletes().perSecond()).sum()).orElse(0.0);
                String subject = t.name + "." + String.join("_", fk.columns());
                if (deletes > 0) {
                    List<KeyCol> keys = fk.columns().stream().map(c -> new KeyCol(c, false, false)).toList();
                    Candidate c = new Candidate(t.name, Index.Method.BTREE, keys,
                            keys.stream().map(k -> Optional.<String>empty()).toList(), List.of());
                    String writeName = "write:" + parent.entity.get().name() + ".delete";
                    c.usages.put(writeName, new Usage(writeName, deletes, "Foreign-key check: " + parent.name
                            + " rows are deleted (" + Fmt.rate(deletes) + "), and each delete must find the " + t.name
                            + " rows that reference it (" + fk.onDelete().sql() + ") without scanning ~"
                            + Fmt.count(t.rows) + " rows.", List.of(), List.of(RULE_FK), fk.columns()));
                    candidates.add(c);
                    continue;
                }
                decisions.add(DecisionBuilder.of(Decision.Kind.INDEX_NOT_CREATED, subject)
                        .choice("no index on " + t.name + " (" + String.join(", ", fk.columns()) + ")")
                        .rule(RULE_FK)
                        .reason("No pattern filters or joins by this foreign key and the write patterns never delete "
                                + parent.name + " rows, so the index would only cost writes. If you delete " + parent.name
                                + " rows, add it: each delete (" + fk.onDelete().sql() + ") would otherwise scan ~"
                                + Fmt.count(t.rows) + " " + t.name + " rows.")
                        .build());
            }
        }
    }

    private boolean coveredByIndex(TableInfo t, List<String> cols) {
        if (constraintCovering(t, cols).isPresent()) {
            return true;
        }
        for (Index u : t.uniqueIndexes) {
            if (prefixSetEquals(u.keyColumns(), cols)) {
                return true;
            }
        }
        for (Candidate c : live()) {
            if (c.table.equals(t.name) && c.method == Index.Method.BTREE && c.predicate.isEmpty()
                    && prefixSetEquals(c.keyColumns(), cols)) {
                return true;
            }
        }
        return false;
    }

    // ---- naming and output ------------------------------------------------------------------

    private void name() {
        for (Candidate c : live()) {
            List<String> parts = new ArrayList<>();
            for (KeyCol k : c.keys) {
                parts.add(k.expression() ? k.column().replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_|_$", "")
                        : k.column());
            }
            for (Cond p : c.predicate) {
                parts.add(predicateName(p));
            }
            String name = names.make(c.table, parts, "idx");
            List<Index.Key> keys = new ArrayList<>();
            for (int i = 0; i < c.keys.size(); i++) {
                KeyCol k = c.keys.get(i);
                keys.add(new Index.Key(k.column(), k.expression(), k.descending(), c.opclasses.get(i)));
            }
            Index idx = new Index(name, c.table, c.method, keys, List.copyOf(c.include),
                    c.predicate.isEmpty() ? Optional.empty() : Optional.of(c.predicateSql()), false);
            finalIndex.put(c, idx);
        }
    }

    /** A short name for a predicate: its constant values, the column of a boolean, live rows for soft delete. */
    private static String predicateName(Cond p) {
        if (p.implicit()) {
            return "live";
        }
        boolean bool = p.type().map(t -> t instanceof LogicalType.Bool).orElse(false);
        if (bool && p.value().isPresent()) {
            return (Boolean.parseBoolean(p.value().get()) ? "" : "not_") + p.column();
        }
        if (!p.values().isEmpty()) {
            return String.join("_", p.values()).replaceAll("[^A-Za-z0-9_]+", "_").toLowerCase(java.util.Locale.ROOT);
        }
        return p.column() + "_" + p.op().spelling();
    }

    /** The final indexes of a table, in planning order. */
    public List<Index> indexesOf(String table) {
        List<Index> out = new ArrayList<>();
        for (Map.Entry<Candidate, Index> e : finalIndex.entrySet()) {
            if (e.getKey().table.equals(table)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** Index decisions, with sizes and write costs; needs every table's final indexes. */
    public void recordIndexDecisions() {
        for (Map.Entry<Candidate, Index> e : finalIndex.entrySet()) {
            Candidate c = e.getKey();
            Index idx = e.getValue();
            TableInfo t = byTable.get(c.table);
            WriteCost wc = writeCost(t, c, idx);
            List<String> rules = new ArrayList<>();
            List<Decision.Alternative> alts = new ArrayList<>();
            StringBuilder reason = new StringBuilder();
            double readsPerSecond = 0;
            StringBuilder gain = new StringBuilder();
            for (Usage u : c.usages.values()) {
                rules.addAll(u.rules());
                alts.addAll(u.alternatives());
                if (reason.length() > 0) {
                    reason.append(' ');
                }
                reason.append(u.how());
                readsPerSecond += u.frequency();
                if (u.estimate().isPresent()) {
                    PatternPlan plan = plans.get(u.pattern());
                    Estimate seq = plan == null ? null : CostModel.seqScan(plan.resolved());
                    Estimate est = u.estimate().get();
                    if (gain.length() > 0) {
                        gain.append("; ");
                    }
                    gain.append(u.pattern()).append(" (").append(Fmt.rate(u.frequency())).append("): ~")
                            .append(Fmt.count(Math.max(1, est.entries()))).append(" index entries and ~")
                            .append(Fmt.count(est.heapRows())).append(est.indexOnly() ? " visibility checks" : " heap rows")
                            .append(est.sortAvoided() ? ", no sort" : est.sortRows() > 0 ? ", sort of ~"
                                    + Fmt.count(est.sortRows()) : "");
                    if (seq != null) {
                        gain.append(" instead of scanning ~").append(Fmt.count(seq.entries())).append(" rows")
                                .append(ratio(seq.cost(), est.cost()));
                    }
                }
            }
            Decision.Cost cost = new Decision.Cost(wc.sizeBytes, wc.entriesPerSecond, wc.amplification,
                    gain.length() == 0 ? "serves " + String.join(", ", c.usages.keySet()) + " (" + Fmt.rate(readsPerSecond)
                            + ")" : gain.toString(), wc.text);
            decisions.add(DecisionBuilder.of(Decision.Kind.INDEX, idx.name())
                    .choice(describeIndex(idx))
                    .patterns(c.usages.keySet())
                    .rules(dedupe(rules))
                    .reason(reason.toString())
                    .alternatives(dedupeAlts(alts))
                    .cost(cost)
                    .build());
        }
    }

    private static List<String> dedupe(List<String> in) {
        return List.copyOf(new LinkedHashSet<>(in));
    }

    private static List<Decision.Alternative> dedupeAlts(List<Decision.Alternative> in) {
        Map<String, Decision.Alternative> m = new LinkedHashMap<>();
        for (Decision.Alternative a : in) {
            m.putIfAbsent(a.option(), a);
        }
        return List.copyOf(m.values());
    }

    private record WriteCost(long sizeBytes, double entriesPerSecond, double amplification, String text) {}

    private WriteCost writeCost(TableInfo t, Candidate c, Index idx) {
        double predSel = 1;
        for (Cond p : c.predicate) {
            predSel *= p.selectivity();
        }
        long entries = Math.max(1, Math.round(t.rows * predSel));
        int keyWidth = 0;
        for (KeyCol k : c.keys) {
            keyWidth += k.expression() ? 24 : Math.max(1, t.width(k.column()));
        }
        for (String inc : c.include) {
            keyWidth += t.width(inc);
        }
        long size;
        double perRow = 1;
        switch (c.method) {
            case GIN -> {
                boolean fts = t.searchColumn.map(s -> s.equals(c.keys.get(0).column())).orElse(false);
                perRow = fts ? 20 : 5;
                size = (long) (entries * perRow * 6) + 3 * 8192L;
            }
            case GIST -> size = (long) (entries * (align8(8 + keyWidth) + 4) / 0.75) + 8192L;
            case BRIN -> {
                perRow = 0;
                size = brinSize(t);
            }
            default -> size = btreeSize(entries, keyWidth, 1.0);
        }
        double inserts = insertsPerSecond(t);
        Set<String> indexed = indexedColumns(t);
        double nonHot = 0;
        double hot = 0;
        List<String> nonHotWhat = new ArrayList<>();
        if (t.entity.isPresent()) {
            for (WritePattern w : spec.writesOf(t.entity.get().name())) {
                for (WritePattern.Update u : w.updates()) {
                    boolean touches = false;
                    for (String a : u.attributes()) {
                        for (String col : t.columnsOf.getOrDefault(a, List.of(a))) {
                            touches |= indexed.contains(col);
                        }
                    }
                    if (touches) {
                        nonHot += u.rate().perSecond();
                        nonHotWhat.add(String.join("/", u.attributes()));
                    } else {
                        hot += u.rate().perSecond();
                    }
                }
            }
        }
        double entriesPerSecond = (inserts + nonHot) * predSel * perRow;
        int rowBytes = t.rowWidth();
        double amplification = c.method == Index.Method.BRIN ? 0
                : c.method == Index.Method.GIN ? perRow * 6.0 / rowBytes : (align8(8 + keyWidth) + 4.0) / rowBytes;
        StringBuilder text = new StringBuilder();
        text.append("~").append(Fmt.bytes(size)).append(" at ").append(Fmt.count(t.rows)).append(" rows");
        if (inserts + nonHot + hot == 0) {
            text.append("; no write pattern touches ").append(t.name);
        } else {
            text.append("; ~").append(Fmt.trim(entriesPerSecond)).append(" index entries/s (");
            List<String> parts = new ArrayList<>();
            if (inserts > 0) {
                parts.add(Fmt.rate(inserts) + " inserts" + (predSel < 1 ? " x " + Fmt.percent(predSel) + " matching the predicate" : ""));
            }
            if (nonHot > 0) {
                parts.add(Fmt.rate(nonHot) + " updates of indexed columns (" + String.join(", ", nonHotWhat)
                        + ", not HOT)");
            }
            if (hot > 0) {
                parts.add(Fmt.rate(hot) + " other updates stay HOT and add nothing");
            }
            text.append(String.join("; ", parts)).append(")");
            if (c.method == Index.Method.BRIN) {
                text.append("; BRIN only summarizes block ranges, so inserts cost almost nothing");
            } else if (c.method == Index.Method.GIN) {
                text.append("; GIN adds ~").append(Fmt.trim(perRow)).append(" keys per row, batched through its"
                        + " pending list (fastupdate)");
            } else {
                text.append("; each row write also writes a ~").append(align8(8 + keyWidth) + 4).append("-byte entry ("
                        + "+" + Fmt.percent(amplification) + " of the ~" + rowBytes + "-byte row)");
            }
        }
        return new WriteCost(size, entriesPerSecond, amplification, text.toString());
    }

    private double insertsPerSecond(TableInfo t) {
        if (t.entity.isPresent()) {
            return spec.writesOf(t.entity.get().name()).stream().mapToDouble(w -> w.inserts().perSecond()).sum();
        }
        if (t.junctionOf.isPresent()) {
            var r = t.junctionOf.get();
            double left = spec.writesOf(r.child()).stream().mapToDouble(w -> w.inserts().perSecond()).sum();
            return left * r.fanout().avg().orElse(1.0);
        }
        return 0;
    }

    /** Columns in any index of the table (keys, INCLUDE, predicates, constraints): updating one is not HOT. */
    public Set<String> indexedColumns(TableInfo t) {
        Set<String> out = new LinkedHashSet<>();
        t.primaryKey.ifPresent(pk -> out.addAll(pk.columns()));
        t.uniques.forEach(u -> out.addAll(u.columns()));
        for (Index u : t.uniqueIndexes) {
            for (Index.Key k : u.keys()) {
                out.add(k.expression() ? k.column().replaceAll(".*\\(\"?([a-z0-9_]+)\"?\\).*", "$1") : k.column());
            }
        }
        boolean brinHot = dialect.supports(Feature.HOT_WITH_BRIN, version);
        for (Map.Entry<Candidate, Index> e : finalIndex.entrySet()) {
            Candidate c = e.getKey();
            if (!c.table.equals(t.name) || (brinHot && c.method == Index.Method.BRIN)) {
                continue;
            }
            for (KeyCol k : c.keys) {
                out.add(k.expression() ? k.column().replaceAll(".*\\(\"?([a-z0-9_]+)\"?\\).*", "$1") : k.column());
            }
            out.addAll(c.include);
            c.predicate.forEach(p -> out.add(p.column()));
            if (t.searchColumn.isPresent() && c.keyColumns().contains(t.searchColumn.get())) {
                t.entity.ifPresent(en -> en.attributes().stream()
                        .filter(a -> a.type() instanceof LogicalType.SearchableText).forEach(a -> out.add(a.name())));
            }
        }
        return out;
    }

    static long btreeSize(long entries, int keyWidth, double share) {
        long tuple = align8(8 + keyWidth) + 4;
        long perPage = Math.max(1, (long) (8192 * 0.9) / tuple);
        long leaves = (long) Math.ceil(entries * share / perPage);
        return (leaves + Math.max(1, leaves / 200) + 1) * 8192L;
    }

    static long brinSize(TableInfo t) {
        long pages = TableBuilder.heapBytes(t) / 8192;
        long ranges = pages / 128 + 1;
        return (ranges * 40 / 8192 + 3) * 8192L;
    }

    private static long align8(long n) {
        return (n + 7) / 8 * 8;
    }

    /** The expected plan of every pattern, after merges. */
    public List<PatternAccess> access() {
        List<PatternAccess> out = new ArrayList<>();
        for (PatternPlan p : plans.values()) {
            Optional<String> index = p.main().map(this::indexNameOf);
            List<PatternAccess.JoinAccess> joins = new ArrayList<>();
            for (JoinPlan j : p.joins()) {
                Optional<String> name = j.index().map(this::indexNameOf);
                if (name.isEmpty() && !j.constraintIndex().isEmpty()) {
                    name = Optional.of(j.constraintIndex());
                }
                joins.add(new PatternAccess.JoinAccess(j.path(), j.table(), name));
            }
            String access = p.access();
            if (p.main().isPresent() && p.main().get().resolve().constraintName != null && access.equals("Index Only Scan")) {
                access = "Index Scan";
            }
            out.add(new PatternAccess(p.resolved().pattern().name(), p.driving().orElse(p.resolved().table().name), index,
                    access,
                    p.estimate().sortAvoided(), p.estimate().seek(), p.estimate().residual(), joins,
                    p.estimate().resultRows()));
        }
        return out;
    }

    private String indexNameOf(Candidate c) {
        Candidate r = c.resolve();
        if (r.constraintName != null) {
            return r.constraintName;
        }
        Index idx = finalIndex.get(r);
        return idx == null ? "" : idx.name();
    }

    // ---- text -------------------------------------------------------------------------------

    private String howText(Resolved r, Candidate c, Estimate e, Estimate hot) {
        StringBuilder sb = new StringBuilder();
        sb.append("Serves ").append(r.pattern().name()).append(" (").append(Fmt.rate(r.pattern().frequency().perSecond()))
                .append("): ");
        List<String> parts = new ArrayList<>();
        List<String> eqCols = new ArrayList<>();
        List<String> inCols = new ArrayList<>();
        List<String> rangeCols = new ArrayList<>();
        for (KeyCol k : c.keys) {
            Cond cond = null;
            for (Cond x : r.conds()) {
                if (x.column().equals(k.column()) && (x.use() == Use.EQ || x.use() == Use.IN || x.use() == Use.RANGE)) {
                    cond = x;
                }
            }
            if (cond == null) {
                continue;
            }
            if (cond.use() == Use.EQ) {
                eqCols.add(k.column() + (cond.implicit() ? " (tenant scope)" : ""));
            } else if (cond.use() == Use.IN) {
                inCols.add(k.column());
            } else {
                rangeCols.add(k.column());
            }
        }
        if (!eqCols.isEmpty()) {
            parts.add("equality on " + String.join(", ", eqCols) + " first" + (eqCols.size() > 1
                    ? " (most selective first)" : ""));
        }
        List<String> keyOrder = c.keys.stream().map(KeyCol::column).toList();
        int firstSort = r.sort().isEmpty() ? Integer.MAX_VALUE : keyOrder.indexOf(r.sort().get(0).column());
        List<String> inBefore = inCols.stream().filter(x -> firstSort < 0 || keyOrder.indexOf(x) < firstSort).toList();
        List<String> inAfter = inCols.stream().filter(x -> !inBefore.contains(x)).toList();
        if (!inBefore.isEmpty()) {
            parts.add("IN list on " + String.join(", ", inBefore));
        }
        List<Sort> sort = r.sort();
        if (!sort.isEmpty()) {
            String order = String.join(", ", sort.stream().map(s -> s.column() + (s.descending() ? " DESC" : "")
                    + (s.tiebreaker() ? " (keyset tiebreaker)" : "")).toList());
            if (e.sortAvoided()) {
                parts.add((parts.isEmpty() ? "" : "then ") + order + " matching the ORDER BY, so no sort is needed"
                        + (r.limit().isPresent() ? " and the scan stops after " + r.limit().get() + " rows" : ""));
            } else {
                parts.add("ORDER BY " + order + " still needs a sort of ~" + Fmt.count(e.sortRows()) + " rows");
            }
        }
        if (!inAfter.isEmpty()) {
            parts.add("IN list on " + String.join(", ", inAfter) + " checked inside the index after the sort columns"
                    + " (before them it would break the order)");
        }
        if (!rangeCols.isEmpty()) {
            List<String> seekRanges = rangeCols.stream().filter(e.seek()::contains).toList();
            List<String> inIndexRanges = rangeCols.stream().filter(x -> !e.seek().contains(x)).toList();
            if (!seekRanges.isEmpty()) {
                parts.add("range on " + String.join(", ", seekRanges) + " narrows the scan");
            }
            if (!inIndexRanges.isEmpty()) {
                parts.add("range on " + String.join(", ", inIndexRanges) + " is checked inside the index, before any"
                        + " heap visit");
            }
        }
        if (!c.predicate.isEmpty()) {
            parts.add(predicateReason(c.predicate));
        }
        sb.append(String.join("; ", parts)).append('.');
        sb.append(" Est. ~").append(Fmt.count(Math.max(1, e.entries()))).append(" entries read per call");
        if (hot.entries() > e.entries() * 1.5 || hot.sortRows() > e.sortRows() * 1.5 + 1) {
            sb.append(", ~").append(Fmt.count(Math.max(1, hot.entries()))).append(" for the hottest values");
        }
        sb.append('.');
        return sb.toString();
    }

    private static String predicateReason(List<Cond> predicate) {
        String sql = String.join(" AND ", predicate.stream().map(p -> p.predicateSql().orElseThrow()).toList());
        double sel = 1;
        for (Cond p : predicate) {
            sel *= p.selectivity();
        }
        return "partial: WHERE " + sql + " keeps only the ~" + Fmt.percent(sel) + " of rows the pattern reads"
                + " (a smaller index, and writes to other rows skip it)";
    }

    private static String verdict(Estimate other, Estimate best) {
        List<String> why = new ArrayList<>();
        if (best.sortAvoided() && !other.sortAvoided()) {
            why.add("cannot return rows in ORDER BY order, so it sorts ~" + Fmt.count(other.sortRows()) + " rows per call");
        }
        if (other.entries() > best.entries() * 1.5) {
            why.add("reads ~" + Fmt.count(other.entries()) + " entries instead of ~" + Fmt.count(best.entries()));
        }
        if (other.heapRows() > best.heapRows() * 1.5) {
            why.add("fetches ~" + Fmt.count(other.heapRows()) + " heap rows instead of ~" + Fmt.count(best.heapRows()));
        }
        if (why.isEmpty()) {
            why.add("no cheaper and no narrower");
        }
        return String.join("; ", why) + ": est. cost " + Fmt.trim(other.cost()) + " vs " + Fmt.trim(best.cost());
    }

    private static String ratio(double worse, double better) {
        if (better <= 0 || worse / better < 2) {
            return "";
        }
        return " (~" + Fmt.count(Math.round(worse / better)) + "x)";
    }

    /** {@code (customer_id, status, placed_at DESC)}. */
    public static String describeKeys(List<KeyCol> keys) {
        return "(" + String.join(", ", keys.stream().map(k -> k.column() + (k.descending() ? " DESC" : "")).toList()) + ")";
    }

    private String describeIndex(Index idx) {
        StringBuilder sb = new StringBuilder();
        sb.append(idx.table());
        if (idx.method() != Index.Method.BTREE) {
            sb.append(" USING ").append(idx.method().sql());
        }
        sb.append(" (");
        List<String> keys = new ArrayList<>();
        for (Index.Key k : idx.keys()) {
            keys.add(k.column() + k.opclass().map(o -> " " + o).orElse("") + (k.descending() ? " DESC" : ""));
        }
        sb.append(String.join(", ", keys)).append(")");
        if (!idx.include().isEmpty()) {
            sb.append(" INCLUDE (").append(String.join(", ", idx.include())).append(")");
        }
        idx.predicate().ifPresent(p -> sb.append(" WHERE ").append(p));
        return sb.toString();
    }
}
