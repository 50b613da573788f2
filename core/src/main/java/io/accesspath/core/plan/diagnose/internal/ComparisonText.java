package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.PlanComparison;
import io.accesspath.core.plan.diagnose.PlanComparison.Change;
import io.accesspath.core.plan.diagnose.PlanComparison.Totals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/** A plan comparison as text and as Markdown (the same lines, Markdown adds headings and bullets). */
public final class ComparisonText {
    private ComparisonText() {
    }

    public static String render(PlanComparison c) {
        StringBuilder out = new StringBuilder(verdict(c)).append('\n');
        totals(c).forEach(l -> out.append("  ").append(l).append('\n'));
        section(out, "Changes, largest time difference first:", c.changes(), ComparisonText::change, "  - ");
        section(out, "Diagnoses resolved:", c.resolved(), ComparisonText::diagnosis, "  - ");
        section(out, "Diagnoses introduced:", c.introduced(), ComparisonText::diagnosis, "  - ");
        return out.toString();
    }

    public static String markdown(PlanComparison c) {
        StringBuilder out = new StringBuilder("## Plan comparison\n\n**").append(verdict(c)).append("**\n\n");
        totals(c).forEach(l -> out.append("- ").append(l).append('\n'));
        section(out, "### Changes", c.changes(), ComparisonText::change, "- ");
        section(out, "### Diagnoses resolved", c.resolved(), ComparisonText::diagnosis, "- ");
        section(out, "### Diagnoses introduced", c.introduced(), ComparisonText::diagnosis, "- ");
        return out.toString();
    }

    private static String verdict(PlanComparison c) {
        Totals b = c.before();
        Totals a = c.after();
        String figures = switch (c.basis()) {
            case "execution time" -> ", execution time " + change(b.executionMs(), a.executionMs(), Fmt::ms);
            case "estimated cost" -> ", estimated cost " + change(b.totalCost(), a.totalCost(), Fmt::num);
            default -> "";
        };
        return "Verdict: " + c.verdict().label() + figures + ".";
    }

    private static List<String> totals(PlanComparison c) {
        Totals b = c.before();
        Totals a = c.after();
        List<String> lines = new ArrayList<>();
        line(lines, "Execution time", b.executionMs(), a.executionMs(), Fmt::ms);
        line(lines, "Planning time", b.planningMs(), a.planningMs(), Fmt::ms);
        line(lines, "Estimated cost", b.totalCost(), a.totalCost(), Fmt::num);
        line(lines, "Shared blocks hit", b.sharedHit(), a.sharedHit(), Fmt::count);
        line(lines, "Shared blocks read", b.sharedRead(), a.sharedRead(), Fmt::count);
        line(lines, "Temporary blocks", b.tempBlocks(), a.tempBlocks(), Fmt::count);
        return lines;
    }

    private static void line(List<String> lines, String name, OptionalDouble b, OptionalDouble a,
                             Function<Double, String> fmt) {
        if (b.isPresent() || a.isPresent()) {
            lines.add(name + ": " + change(b, a, fmt));
        }
    }

    /** {@code 27.4 ms -> 0.046 ms (-99.8%)}. */
    private static String change(OptionalDouble b, OptionalDouble a, Function<Double, String> fmt) {
        String s = (b.isPresent() ? fmt.apply(b.getAsDouble()) : "-") + " -> "
                + (a.isPresent() ? fmt.apply(a.getAsDouble()) : "-");
        if (b.isPresent() && a.isPresent() && b.getAsDouble() > 0 && a.getAsDouble() != b.getAsDouble()) {
            double pct = (a.getAsDouble() - b.getAsDouble()) / b.getAsDouble();
            s += " (" + (pct >= 0 ? "+" : "-") + Fmt.pct(Math.abs(pct)) + ")";
        }
        return s;
    }

    private static <T> void section(StringBuilder out, String title, List<T> items, Function<T, String> line,
                                    String bullet) {
        out.append('\n').append(title).append('\n');
        if (title.startsWith("#")) {
            out.append('\n');
        }
        if (items.isEmpty()) {
            out.append(bullet).append("none\n");
        }
        items.forEach(i -> out.append(bullet).append(line.apply(i)).append('\n'));
    }

    private static String change(Change c) {
        return c.kind().id() + ": " + c.description();
    }

    private static String diagnosis(Diagnosis d) {
        return d.kind().id() + " (" + d.severity().label() + ") on " + d.subject()
                + d.node().map(n -> " [node " + n.path() + "]").orElse("");
    }
}
