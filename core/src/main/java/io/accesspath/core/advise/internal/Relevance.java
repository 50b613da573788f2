package io.accesspath.core.advise.internal;

import io.accesspath.core.advise.WhatIf;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.util.TablesNamesFinder;

/** Which candidates can matter to a query: those on the tables its SQL names. */
public final class Relevance {
    private Relevance() {
    }

    /**
     * The candidates on a table {@code queryId}'s SQL names (compared without schema and case),
     * plus those with no table; every candidate when the query has no SQL or it does not parse.
     */
    public static Set<String> byTable(WhatIf whatIf, String queryId) {
        String sql = whatIf.queries().stream().filter(q -> q.id().equals(queryId)).findFirst()
                .map(WhatIf.WorkloadQuery::sql).orElse(null);
        Set<String> tables = sql == null ? null : tables(sql);
        Set<String> relevant = new LinkedHashSet<>();
        for (WhatIf.IndexCandidate c : whatIf.candidates()) {
            if (tables == null || c.table() == null || tables.contains(bare(c.table()))) {
                relevant.add(c.id());
            }
        }
        return relevant;
    }

    /** The tables a statement names, unqualified and lower case; null if it does not parse. */
    static Set<String> tables(String sql) {
        try {
            Set<String> names = new LinkedHashSet<>();
            for (String name : TablesNamesFinder.findTables(sql)) {
                names.add(bare(name));
            }
            return names;
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    /** The table's name without schema and quotes, lower case (a superset of matches is safe). */
    private static String bare(String table) {
        String name = table.substring(table.lastIndexOf('.') + 1);
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
            name = name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
