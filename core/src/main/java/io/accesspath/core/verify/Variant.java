package io.accesspath.core.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * One way of choosing a query's parameters from the data, so a pattern is measured under the
 * traffic it will see: hot keys (the busiest customer, the commonest status) and cold ones, narrow
 * and wide ranges, the first page and a deep one.
 *
 * @param hot     take equality values from the commonest value of the leading equality
 * @param wide    make ranges wide (about 10% of the column) rather than narrow (about 1%)
 * @param deep    for offset paging, a page ten pages in
 * @param attempt which random row to start from, when not hot
 */
public record Variant(boolean hot, boolean wide, boolean deep, int attempt) {

    /** A short label: {@code hot/narrow}, {@code cold/wide}, {@code cold/deep}. */
    public String label() {
        return (hot ? "hot" : "cold") + (wide ? "/wide" : "/narrow") + (deep ? "/deep" : "");
    }

    /** The variants worth measuring for a query with these kinds of parameters. */
    public static List<Variant> forQuery(boolean hasEquality, boolean hasRange, boolean offsetPaging) {
        List<Variant> out = new ArrayList<>();
        for (boolean hot : hasEquality ? List.of(true, false) : List.of(false)) {
            for (boolean wide : hasRange ? List.of(false, true) : List.of(false)) {
                out.add(new Variant(hot, wide, false, out.size()));
            }
        }
        if (offsetPaging) {
            out.add(new Variant(false, false, true, out.size()));
        }
        return List.copyOf(out);
    }
}
