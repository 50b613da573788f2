package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Analysis;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Fix;

import java.util.List;
import java.util.OptionalDouble;

/** The analysis as Markdown: a node table, then one section per diagnosis. */
public final class AnalysisMarkdown {
    private AnalysisMarkdown() {
    }

    public static String render(Analysis a) {
        StringBuilder out = new StringBuilder("## Plan\n\n").append(AnalysisText.headline(a)).append("\n\n");
        boolean analyzed = a.plan().analyzed();
        out.append(analyzed ? "| Node | Time (ms) | Time | Rows | Planned | Loops | Estimate |\n"
                + "|---|---:|---:|---:|---:|---:|---|\n" : "| Node | Cost | Planned |\n|---|---:|---:|\n");
        for (NodeRows.Row r : NodeRows.of(a)) {
            out.append("| ").append(String.join(" | ", cells(r, analyzed))).append(" |\n");
        }
        if (analyzed) {
            out.append(diagnoses(a.diagnoses()));
        }
        for (String note : a.notes()) {
            out.append("\n> ").append(note).append('\n');
        }
        return out.toString();
    }

    private static List<String> cells(NodeRows.Row r, boolean analyzed) {
        PlanNode n = r.node();
        String tags = String.join("", r.kinds().stream().map(k -> " `" + k + "`").toList());
        String node = "&nbsp;&nbsp;".repeat(r.depth()) + "`" + r.path() + "` " + cell(r.label())
                + (r.rank() == 1 ? " **slowest**" : r.rank() > 1 ? " **#" + r.rank() + "**" : "") + tags;
        String planned = Fmt.count(n.planRows().orElse(0));
        if (!analyzed) {
            return List.of(node, Fmt.num(n.totalCost().orElse(0)), planned);
        }
        if (n.neverExecuted()) {
            return List.of(node, "", "", "never executed", planned, "0", "");
        }
        OptionalDouble ms = r.metrics().exclusiveTime();
        return List.of(node, ms.isPresent() ? Fmt.num(ms.getAsDouble()) : "",
                r.share().isPresent() ? Fmt.pct(r.share().getAsDouble()) : "", Fmt.count(n.actualRows().orElse(0)),
                planned, Fmt.count(n.actualLoops().orElse(0)), NodeRows.estimate(r.metrics()));
    }

    private static String diagnoses(List<Diagnosis> diagnoses) {
        StringBuilder out = new StringBuilder("\n## Diagnoses\n");
        if (diagnoses.isEmpty()) {
            return out.append("\nNone.\n").toString();
        }
        int i = 1;
        for (Diagnosis d : diagnoses) {
            out.append("\n### ").append(i++).append(". ").append(d.kind().id()).append(" (").append(d.severity().label())
                    .append("): ").append(d.subject()).append(d.node().map(n -> " `" + n.path() + "`").orElse(""))
                    .append("\n\n");
            out.append("- **Evidence:** ").append(d.evidence().summary()).append('\n');
            out.append("- **Cause:** ").append(d.cause()).append('\n');
            for (Fix f : d.fixes()) {
                out.append("- **Fix:** ").append(f.action()).append('\n');
                f.sql().ifPresent(sql -> out.append("\n  ```sql\n").append(sql.indent(2)).append("  ```\n\n"));
            }
            out.append("- **Effect:** ").append(d.effect().summary()).append('\n');
        }
        return out.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
