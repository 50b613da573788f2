package io.accesspath.core.design.internal;

import io.accesspath.core.design.internal.Resolved.Cond;
import io.accesspath.core.design.internal.Resolved.Sort;
import io.accesspath.core.design.internal.Resolved.Use;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small, explainable cost model for choosing index key orders, in units of one random heap
 * page read. It is not PostgreSQL's planner: it ranks candidate indexes for one pattern by the
 * index entries they read, the heap rows they fetch and the sort they need, which is what
 * decides between key orders.
 *
 * <ul>
 *   <li>index entry read: {@value #INDEX_ENTRY}</li>
 *   <li>heap row fetched through an index: {@value #HEAP_FETCH} (random page);
 *       {@value #HEAP_FETCH_INDEX_ONLY} when the index covers the query (index-only scan)</li>
 *   <li>sequential scan: {@value #SEQ_PAGE} a page plus {@value #CPU_ROW} a row</li>
 *   <li>sort of n rows: n log2 n x {@value #SORT_COMPARE} + n x {@value #CPU_ROW}</li>
 * </ul>
 */
public final class CostModel {
    public static final double INDEX_ENTRY = 0.01;
    public static final double HEAP_FETCH = 1.0;
    public static final double HEAP_FETCH_INDEX_ONLY = 0.1;
    public static final double SEQ_PAGE = 1.0;
    public static final double CPU_ROW = 0.01;
    public static final double SORT_COMPARE = 0.005;
    public static final double DESCENT = 0.05;

    private CostModel() {
    }

    /** One key of a candidate index. */
    public record KeyCol(String column, boolean descending, boolean expression) {}

    /**
     * What an index (or a scan) would do for one pattern.
     *
     * @param entries     index entries read
     * @param heapRows    heap rows fetched
     * @param sortRows    rows sorted afterwards (0 when the order comes from the index)
     * @param resultRows  rows returned
     * @param sortAvoided whether the index order gives the ORDER BY
     * @param indexOnly   whether the index covers every column the pattern reads
     * @param seek        columns the index seeks on (index conditions that narrow the scan)
     * @param inIndex     columns checked inside the index without narrowing the scan
     * @param residual    conditions evaluated on heap rows
     */
    public record Estimate(double entries, double heapRows, double sortRows, double resultRows, boolean sortAvoided,
                           boolean indexOnly, List<String> seek, List<String> inIndex, List<String> residual,
                           double cost) {
    }

    /** The cost of answering {@code r} through a B-tree with these keys and INCLUDE columns. */
    public static Estimate btree(Resolved r, List<KeyCol> keys, List<String> include, boolean predicateSatisfied) {
        return btree(r, keys, include, predicateSatisfied, false);
    }

    /**
     * As {@link #btree(Resolved, List, List, boolean)}, for the average call or, with {@code hot},
     * for the hottest values of the conditions (what the slowest calls see).
     */
    public static Estimate btree(Resolved r, List<KeyCol> keys, List<String> include, boolean predicateSatisfied,
                                 boolean hot) {
        double n = Math.max(1, r.table().rows);
        double seekSel = 1;
        double inIndexSel = 1;
        boolean seeking = true;
        int descents = 1;
        List<String> seek = new ArrayList<>();
        List<String> inIndex = new ArrayList<>();
        Set<Cond> used = new HashSet<>();
        for (KeyCol k : keys) {
            Cond c = condOn(r, k.column());
            if (seeking) {
                if (c == null) {
                    seeking = false;
                    continue;
                }
                used.add(c);
                seek.add(k.column());
                seekSel *= c.selectivity(hot);
                if (c.use() == Use.IN) {
                    descents *= Resolver.IN_LIST_VALUES;
                }
                if (c.use() == Use.RANGE) {
                    seeking = false;
                }
            } else if (c != null && !used.contains(c)) {
                used.add(c);
                inIndex.add(k.column());
                inIndexSel *= c.selectivity(hot);
            }
        }
        double residualSel = r.joinSelectivity();
        List<String> residual = new ArrayList<>();
        for (Cond c : r.conds()) {
            if (used.contains(c)) {
                continue;
            }
            if (c.use() == Use.PREDICATE && predicateSatisfied) {
                continue;
            }
            residualSel *= c.selectivity(hot);
            residual.add(c.describe());
        }
        double population = n * (predicateSatisfied ? predicateSelectivity(r) : 1);
        double matching = population * seekSel * inIndexSel * residualSel;
        boolean sortAvoided = !r.sort().isEmpty() && providesOrder(r, keys);
        Set<String> covered = new HashSet<>();
        keys.forEach(k -> covered.add(k.column()));
        covered.addAll(include);
        boolean indexOnly = !r.allColumns() && covered.containsAll(r.neededColumns());
        double entries;
        double heap;
        double sortRows = 0;
        double result = matching;
        if (r.limit().isPresent()) {
            result = Math.min(matching, r.limit().get());
        }
        if ((sortAvoided || r.sort().isEmpty()) && r.limit().isPresent()) {
            double keepRate = Math.max(inIndexSel * residualSel, 1e-12);
            entries = Math.min(population * seekSel, result / keepRate + 1);
        } else {
            entries = population * seekSel;
        }
        heap = entries * inIndexSel;
        if (!r.sort().isEmpty() && !sortAvoided) {
            sortRows = matching;
        }
        double cost = descents * DESCENT + entries * INDEX_ENTRY
                + heap * (indexOnly ? HEAP_FETCH_INDEX_ONLY : HEAP_FETCH) + sortCost(sortRows);
        return new Estimate(entries, heap, sortRows, result, sortAvoided, indexOnly, seek, inIndex, residual, cost);
    }

    /** The cost of a sequential scan (stopping early under a LIMIT without ORDER BY). */
    public static Estimate seqScan(Resolved r) {
        double n = Math.max(1, r.table().rows);
        double sel = r.joinSelectivity();
        List<String> residual = new ArrayList<>();
        for (Cond c : r.conds()) {
            sel *= c.selectivity();
            residual.add(c.describe());
        }
        double matching = n * sel;
        double pages = Math.max(1, TableBuilder.heapBytes(r.table()) / 8192.0);
        double fraction = 1;
        double result = matching;
        if (r.limit().isPresent()) {
            result = Math.min(matching, r.limit().get());
            if (r.sort().isEmpty()) {
                fraction = Math.min(1, (result + 1) / Math.max(matching, 1e-9));
            }
        }
        double sortRows = r.sort().isEmpty() ? 0 : matching;
        double cost = pages * fraction * SEQ_PAGE + n * fraction * CPU_ROW + sortCost(sortRows);
        return new Estimate(n * fraction, n * fraction, sortRows, result, false, false, List.of(), List.of(), residual,
                cost);
    }

    /**
     * The cost through a special index (GIN, GiST, BRIN): the matching share of the table read
     * through a bitmap, plus a sort if ORDER BY is not a distance.
     */
    public static Estimate special(Resolved r, Cond on, boolean orderedByIndex, double overheadEntries) {
        return special(r, on, orderedByIndex, overheadEntries, 1);
    }

    /**
     * As above, for a multi-column index that also seeks on equalities keeping {@code seekSel} of
     * the rows (an exclusion constraint's GiST index).
     */
    public static Estimate special(Resolved r, Cond on, boolean orderedByIndex, double overheadEntries, double seekSel) {
        double n = Math.max(1, r.table().rows);
        double sel = on.selectivity() * seekSel;
        double residualSel = r.joinSelectivity();
        List<String> residual = new ArrayList<>();
        for (Cond c : r.conds()) {
            if (seekSel < 1 && c.use() == Use.EQ) {
                continue;
            }
            if (c != on && c.use() != Use.PREDICATE) {
                residualSel *= c.selectivity();
                residual.add(c.describe());
            }
        }
        double entries = n * sel + overheadEntries;
        double matching = n * sel * residualSel;
        double result = r.limit().map(l -> Math.min(matching, l)).orElse(matching);
        if (orderedByIndex && r.limit().isPresent()) {
            entries = Math.min(entries, result / Math.max(residualSel, 1e-12) + 1);
        }
        double sortRows = r.sort().isEmpty() || orderedByIndex ? 0 : matching;
        double cost = 10 * DESCENT + entries * INDEX_ENTRY + entries * HEAP_FETCH + sortCost(sortRows);
        return new Estimate(entries, entries, sortRows, result, orderedByIndex, false, List.of(on.column()), List.of(),
                residual, cost);
    }

    /**
     * The cost through a BRIN index: the matching block ranges are read sequentially (a page at
     * sequential cost, a row at CPU cost), plus one block range of overshoot.
     */
    public static Estimate brin(Resolved r, Cond on, double rowsPerPage) {
        double n = Math.max(1, r.table().rows);
        double rows = n * on.selectivity() + 128 * rowsPerPage;
        double pages = rows / Math.max(1, rowsPerPage);
        double matching = n * on.selectivity() * r.joinSelectivity();
        double sortRows = r.sort().isEmpty() ? 0 : matching;
        double cost = pages * SEQ_PAGE + rows * CPU_ROW + sortCost(sortRows);
        return new Estimate(pages / 128, rows, sortRows, matching, false, false, List.of(on.column()), List.of(),
                List.of(), cost);
    }

    /**
     * The cost of driving the pattern from a many-to-many link table: read the links of one row of
     * the other end (an index-only scan), fetch each linked row by its key, filter, then sort.
     */
    public static Estimate viaLinks(Resolved r, double links) {
        double residualSel = 1;
        List<String> residual = new ArrayList<>();
        for (Cond c : r.conds()) {
            residualSel *= c.selectivity();
            residual.add(c.describe());
        }
        double matching = links * residualSel;
        double sortRows = r.sort().isEmpty() ? 0 : matching;
        double result = r.limit().map(l -> Math.min(matching, l)).orElse(matching);
        double cost = DESCENT + links * (INDEX_ENTRY + HEAP_FETCH_INDEX_ONLY) + links * (DESCENT + HEAP_FETCH)
                + sortCost(sortRows);
        return new Estimate(links, links, sortRows, result, false, true, List.of(), List.of(), residual, cost);
    }

    /** The combined selectivity of the pattern's partial-index predicate conditions. */
    public static double predicateSelectivity(Resolved r) {
        double s = 1;
        for (Cond c : r.conds()) {
            if (c.use() == Use.PREDICATE) {
                s *= c.selectivity();
            }
        }
        return s;
    }

    static double sortCost(double rows) {
        if (rows <= 1) {
            return 0;
        }
        return rows * (Math.log(rows) / Math.log(2)) * SORT_COMPARE + rows * CPU_ROW;
    }

    private static Cond condOn(Resolved r, String column) {
        for (Cond c : r.conds()) {
            if (c.column().equals(column) && (c.use() == Use.EQ || c.use() == Use.IN || c.use() == Use.RANGE)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Whether scanning the keys (forward or backward) returns rows in the pattern's ORDER BY:
     * key columns fixed by an equality are skipped; the sort columns must then follow in order
     * with directions all equal or all inverted.
     */
    public static boolean providesOrder(Resolved r, List<KeyCol> keys) {
        List<Sort> sort = r.sort();
        int j = 0;
        Boolean inverted = null;
        for (KeyCol k : keys) {
            if (j == sort.size()) {
                return true;
            }
            Sort s = sort.get(j);
            if (k.column().equals(s.column())) {
                boolean inv = k.descending() != s.descending();
                if (inverted == null) {
                    inverted = inv;
                } else if (inverted != inv) {
                    return false;
                }
                j++;
                continue;
            }
            Cond c = condOn(r, k.column());
            if (c != null && c.use() == Use.EQ) {
                continue;
            }
            // a sort column fixed by an equality anywhere needs no ordering either
            while (j < sort.size() && isFixed(r, sort.get(j).column())) {
                j++;
            }
            if (j < sort.size() && k.column().equals(sort.get(j).column())) {
                boolean inv = k.descending() != sort.get(j).descending();
                if (inverted != null && inverted != inv) {
                    return false;
                }
                inverted = inv;
                j++;
                continue;
            }
            return j == sort.size();
        }
        while (j < sort.size() && isFixed(r, sort.get(j).column())) {
            j++;
        }
        return j == sort.size();
    }

    private static boolean isFixed(Resolved r, String column) {
        Cond c = condOn(r, column);
        return c != null && c.use() == Use.EQ;
    }
}
