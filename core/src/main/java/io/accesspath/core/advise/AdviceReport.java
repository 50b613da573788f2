package io.accesspath.core.advise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an {@link Advice} for {@code --format text|markdown|json}; the same advice gives the
 * same bytes. The JSON fields are documented in docs/advisor.md.
 */
public final class AdviceReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern CREATE = Pattern.compile("^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY)",
            Pattern.CASE_INSENSITIVE);

    private AdviceReport() {
    }

    /** The advice as one JSON object (no trailing newline). */
    public static String json(Advice a) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ids(root.putArray("chosen"), a.chosen());
        root.put("sizeBytes", a.sizeBytes());
        num(root, "cost", a.cost());
        num(root, "baselineCost", a.baselineCost());
        num(root, "relativeCost", a.relativeCost());
        num(root, "saving", a.saving());
        num(root, "noIndexCost", a.noIndexCost());
        num(root, "writeCost", a.writeCost());
        ObjectNode budget = root.putObject("budget");
        budget.put("storageBytes", a.budget().storageBytes());
        if (a.budget().hasWriteBudget()) {
            num(budget, "writeCost", a.budget().writeCost());
        } else {
            budget.putNull("writeCost");
        }
        ids(root.putArray("create"), a.create());
        ids(root.putArray("drop"), a.drop());
        ArrayNode indexes = root.putArray("indexes");
        for (Advice.IndexBenefit b : a.indexes()) {
            ObjectNode n = indexes.addObject();
            candidate(n, b.index());
            num(n, "individualBenefit", b.individualBenefit());
            num(n, "progressiveBenefit", b.progressiveBenefit());
            num(n, "costAfter", b.costAfter());
            n.put("sql", b.index().existing() ? null : createSql(b.index()));
        }
        ArrayNode removals = root.putArray("removals");
        for (Advice.Removal r : a.removals()) {
            ObjectNode n = removals.addObject();
            candidate(n, r.index());
            n.put("reason", r.reason().name().toLowerCase(Locale.ROOT));
            n.put("redundantWith", r.redundantWith());
            num(n, "lostBenefit", r.lostBenefit());
            n.put("explanation", why(r));
            n.put("sql", dropSql(r.index()));
        }
        ArrayNode queries = root.putArray("queries");
        for (Advice.QueryCost q : a.queries()) {
            ObjectNode n = queries.addObject().put("id", q.id());
            num(n, "weight", q.weight());
            num(n, "before", q.before());
            num(n, "after", q.after());
        }
        root.put("whatIfCalls", a.whatIfCalls());
        root.put("optimal", a.optimal());
        root.put("search", a.search());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For a terminal: the summary, the indexes in the order they pay off, removals, queries, SQL. */
    public static String text(Advice a) {
        StringBuilder sb = new StringBuilder();
        summary(sb, a, "");
        sb.append('\n');
        if (a.indexes().isEmpty()) {
            sb.append("no index is worth its size within the budget\n");
        } else {
            sb.append("indexes, in the order they pay off (benefit = workload cost saved):\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"", "index", "size", "individual", "progressive", "cost after"});
            for (Advice.IndexBenefit b : a.indexes()) {
                boolean kept = b.index().existing();
                rows.add(new String[] {kept ? "=" : "+", b.id(), bytes(b.index().sizeBytes()),
                        cost(b.individualBenefit()), kept ? "(kept)" : cost(b.progressiveBenefit()),
                        kept ? "" : cost(b.costAfter())});
            }
            table(sb, rows, "  ");
            sb.append("  + new index, = existing index kept (its individual benefit: what dropping it alone would cost)\n");
        }
        if (!a.removals().isEmpty()) {
            sb.append("\nexisting indexes to drop:\n");
            for (Advice.Removal r : a.removals()) {
                sb.append("  - ").append(r.id()).append(" (").append(bytes(r.index().sizeBytes())).append("): ")
                        .append(why(r)).append('\n');
            }
        }
        sb.append("\nper query (estimated cost per execution):\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"query", "weight", "before", "after", "change"});
        for (Advice.QueryCost q : a.queries()) {
            rows.add(new String[] {q.id(), num(q.weight()), cost(q.before()), cost(q.after()), change(q)});
        }
        table(sb, rows, "  ");
        List<String> sql = sql(a);
        if (!sql.isEmpty()) {
            sb.append("\nSQL (run outside a transaction; CONCURRENTLY does not block writes):\n");
            sql.forEach(s -> sb.append(s).append('\n'));
        }
        return sb.toString();
    }

    /** The same as {@link #text(Advice)} as Markdown. */
    public static String markdown(Advice a) {
        StringBuilder sb = new StringBuilder("# Index advice\n\n");
        summary(sb, a, "- ");
        sb.append("\n## Indexes, in the order they pay off\n\n");
        if (a.indexes().isEmpty()) {
            sb.append("No index is worth its size within the budget.\n");
        } else {
            sb.append("| | index | table | columns | size | individual benefit | progressive benefit | cost after |\n");
            sb.append("| --- | --- | --- | --- | ---: | ---: | ---: | ---: |\n");
            for (Advice.IndexBenefit b : a.indexes()) {
                boolean kept = b.index().existing();
                sb.append("| ").append(kept ? "kept" : "new").append(" | `").append(b.id()).append("` | ")
                        .append(b.index().table() == null ? "" : b.index().table()).append(" | ")
                        .append(String.join(", ", b.index().columns())).append(" | ")
                        .append(bytes(b.index().sizeBytes())).append(" | ").append(cost(b.individualBenefit()))
                        .append(" | ").append(kept ? "" : cost(b.progressiveBenefit())).append(" | ")
                        .append(kept ? "" : cost(b.costAfter())).append(" |\n");
            }
        }
        if (!a.removals().isEmpty()) {
            sb.append("\n## Existing indexes to drop\n\n");
            for (Advice.Removal r : a.removals()) {
                sb.append("- `").append(r.id()).append("` (").append(bytes(r.index().sizeBytes())).append("): ")
                        .append(why(r)).append('\n');
            }
        }
        sb.append("\n## Per query\n\n| query | weight | cost before | cost after | change |\n")
                .append("| --- | ---: | ---: | ---: | ---: |\n");
        for (Advice.QueryCost q : a.queries()) {
            sb.append("| `").append(q.id()).append("` | ").append(num(q.weight())).append(" | ")
                    .append(cost(q.before())).append(" | ").append(cost(q.after())).append(" | ").append(change(q))
                    .append(" |\n");
        }
        List<String> sql = sql(a);
        if (!sql.isEmpty()) {
            sb.append("\n## SQL\n\n```sql\n");
            sql.forEach(s -> sb.append(s).append('\n'));
            sb.append("```\n");
        }
        return sb.toString();
    }

    private static void summary(StringBuilder sb, Advice a, String bullet) {
        long existing = a.indexes().stream().filter(b -> b.index().existing()).count() + a.removals().size();
        sb.append(bullet).append("workload: ").append(a.queries().size()).append(a.queries().size() == 1 ? " query; budget " : " queries; budget ")
                .append(bytes(a.budget().storageBytes())).append(" of indexes");
        if (a.budget().hasWriteBudget()) {
            sb.append(", write cost ").append(num(a.budget().writeCost()));
        }
        sb.append('\n');
        sb.append(bullet).append("cost ").append(cost(a.baselineCost())).append(" -> ").append(cost(a.cost()))
                .append(String.format(Locale.ROOT, " (relative cost %.4f, saves %.1f%%", a.relativeCost(),
                        100 * a.saving()))
                .append(existing > 0 ? " against the current indexes" : "").append(")\n");
        sb.append(bullet).append("chosen: ").append(a.chosen().size()).append(a.chosen().size() == 1 ? " index, " : " indexes, ")
                .append(bytes(a.sizeBytes())).append(" (").append(a.create().size()).append(" new");
        if (existing > 0) {
            sb.append(", ").append(a.chosen().size() - a.create().size()).append(" kept, ").append(a.drop().size())
                    .append(" to drop");
        }
        sb.append(")");
        if (a.writeCost() > 0) {
            sb.append("; write cost ").append(num(a.writeCost()));
        }
        sb.append('\n');
        sb.append(bullet).append("search: ").append(a.search()).append("; ").append(a.whatIfCalls())
                .append(" what-if calls").append('\n');
    }

    /** CREATE INDEX CONCURRENTLY for new indexes with DDL, DROP INDEX CONCURRENTLY for removals. */
    static List<String> sql(Advice a) {
        List<String> sql = new ArrayList<>();
        for (Advice.IndexBenefit b : a.indexes()) {
            if (!b.index().existing()) {
                String s = createSql(b.index());
                sql.add(s != null ? s : "-- " + b.id() + ": no DDL recorded (" + describe(b.index()) + ")");
            }
        }
        for (Advice.Removal r : a.removals()) {
            sql.add(dropSql(r.index()));
        }
        return sql;
    }

    private static String describe(WhatIf.IndexCandidate c) {
        return (c.table() == null ? "" : c.table() + " ") + "(" + String.join(", ", c.columns()) + ")";
    }

    /** The candidate's DDL made CONCURRENTLY and ended with a semicolon; null without DDL. */
    static String createSql(WhatIf.IndexCandidate c) {
        if (c.ddl() == null || c.ddl().isBlank()) {
            return null;
        }
        String ddl = c.ddl().strip();
        Matcher m = CREATE.matcher(ddl);
        if (m.find()) {
            ddl = ddl.substring(0, m.end()) + "CONCURRENTLY " + ddl.substring(m.end());
        }
        return ddl.endsWith(";") ? ddl : ddl + ";";
    }

    static String dropSql(WhatIf.IndexCandidate c) {
        List<String> parts = new ArrayList<>();
        for (String p : c.id().split("\\.", -1)) {
            parts.add(p.matches("[a-z_][a-z0-9_$]*") ? p : "\"" + p.replace("\"", "\"\"") + "\"");
        }
        return "DROP INDEX CONCURRENTLY " + String.join(".", parts) + ";";
    }

    static String why(Advice.Removal r) {
        switch (r.reason()) {
            case UNUSED:
                return "unused: no query of the workload gets cheaper with it";
            case DUPLICATE:
                return "duplicate of " + r.redundantWith() + " (same columns)";
            case REDUNDANT:
                return r.redundantWith() == null ? "redundant: the chosen indexes give every saving it would"
                        : "redundant with " + r.redundantWith() + ": the chosen indexes give every saving it would";
            default:
                return "does not pay for its size within the budget (it would still save " + cost(r.lostBenefit())
                        + ")";
        }
    }

    private static void candidate(ObjectNode n, WhatIf.IndexCandidate c) {
        n.put("id", c.id());
        n.put("table", c.table());
        ids(n.putArray("columns"), c.columns());
        n.put("sizeBytes", c.sizeBytes());
        num(n, "writeCost", c.writeCost());
        n.put("existing", c.existing());
        n.put("ddl", c.ddl());
    }

    private static void ids(ArrayNode array, List<String> ids) {
        ids.forEach(array::add);
    }

    private static void num(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            n.put(key, (long) v);
        } else {
            n.put(key, v);
        }
    }

    private static String change(Advice.QueryCost q) {
        if (q.before() == 0) {
            return q.after() == 0 ? "0%" : "+inf";
        }
        double pct = 100 * (q.after() - q.before()) / q.before();
        return Math.abs(pct) < 0.05 ? "0%" : String.format(Locale.ROOT, "%+.1f%%", pct);
    }

    static String cost(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", b / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.2f GB", b / 1073741824.0);
    }

    private static void table(StringBuilder sb, List<String[]> rows, String indent) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < cols; c++) {
                boolean left = c == 0 || c == 1 && rows.get(0)[0].isEmpty();
                String cell = r[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(left ? cell + pad : pad + cell).append(c < cols - 1 ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
