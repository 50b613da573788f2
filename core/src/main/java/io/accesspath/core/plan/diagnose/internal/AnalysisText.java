package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Analysis;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Fix;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The analysis for a terminal: the tree with exclusive times, then the diagnoses. */
public final class AnalysisText {
    private AnalysisText() {
    }

    public static String render(Analysis a) {
        List<String> sections = new ArrayList<>();
        sections.add(headline(a) + "\n");
        sections.add(tree(a));
        if (a.plan().analyzed()) {
            sections.add(diagnoses(a.diagnoses()));
        }
        a.notes().forEach(note -> sections.add("Note: " + note + "\n"));
        return String.join("\n", sections);
    }

    static String headline(Analysis a) {
        if (!a.plan().analyzed()) {
            return "Not run (EXPLAIN without ANALYZE): estimated cost " + Fmt.num(a.plan().root().totalCost().orElse(0))
                    + ".";
        }
        OptionalDouble exec = a.executionTime();
        StringBuilder s = new StringBuilder("Execution time ")
                .append(exec.isPresent() ? Fmt.ms(exec.getAsDouble()) : "not timed");
        a.plan().planningTime().ifPresent(p -> s.append(", planning ").append(Fmt.ms(p)));
        return s.append('.').toString();
    }

    private static String tree(Analysis a) {
        boolean analyzed = a.plan().analyzed();
        List<String[]> lines = new ArrayList<>();
        lines.add(analyzed ? new String[] {"ms", "time", "rows", "planned", "loops", "estimate", "node"}
                : new String[] {"cost", "planned", "node"});
        for (NodeRows.Row r : NodeRows.of(a)) {
            String node = "  ".repeat(r.depth()) + (r.depth() > 0 ? "-> " : "") + r.label() + marks(r);
            PlanNode n = r.node();
            if (!analyzed) {
                lines.add(new String[] {Fmt.num(n.totalCost().orElse(0)), Fmt.count(n.planRows().orElse(0)), node});
            } else if (n.neverExecuted()) {
                lines.add(new String[] {"", "", "never", "executed", "", "", node});
            } else {
                OptionalDouble ms = r.metrics().exclusiveTime();
                lines.add(new String[] {ms.isPresent() ? Fmt.num(ms.getAsDouble()) : "-",
                    r.share().isPresent() ? Fmt.pct(r.share().getAsDouble()) : "-", Fmt.count(n.actualRows().orElse(0)),
                    Fmt.count(n.planRows().orElse(0)), Fmt.count(n.actualLoops().orElse(0)),
                    NodeRows.estimate(r.metrics()), node});
            }
        }
        return table(lines);
    }

    private static String marks(NodeRows.Row r) {
        StringBuilder s = new StringBuilder();
        if (r.rank() == 1) {
            s.append("  << slowest");
        } else if (r.rank() > 1) {
            s.append("  << #").append(r.rank());
        }
        if (!r.kinds().isEmpty()) {
            s.append("  [").append(String.join(", ", r.kinds())).append(']');
        }
        return s.toString();
    }

    /** Right-aligned figures, the last column (the node) left-aligned. */
    private static String table(List<String[]> lines) {
        int cols = lines.get(0).length;
        int[] width = new int[cols];
        for (String[] l : lines) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols - 1; i++) {
                line.append(" ".repeat(width[i] - l[i].length())).append(l[i]).append("  ");
            }
            line.append(l[cols - 1]);
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String diagnoses(List<Diagnosis> diagnoses) {
        if (diagnoses.isEmpty()) {
            return "No diagnoses.\n";
        }
        StringBuilder out = new StringBuilder("Diagnoses, most time first:\n");
        int i = 1;
        for (Diagnosis d : diagnoses) {
            out.append('\n').append(i++).append(". ").append(d.kind().id()).append(" (").append(d.severity().label())
                    .append("): ").append(d.subject()).append(d.node().map(n -> " [node " + n.path() + "]").orElse(""))
                    .append('\n');
            out.append("   Evidence  ").append(d.evidence().summary()).append('\n');
            out.append("   Cause     ").append(d.cause()).append('\n');
            for (Fix f : d.fixes()) {
                out.append("   Fix       ").append(f.action()).append('\n');
                f.sql().ifPresent(sql -> sql.lines().forEach(l -> out.append("               ").append(l).append('\n')));
            }
            out.append("   Effect    ").append(d.effect().summary()).append('\n');
        }
        return out.toString();
    }
}
