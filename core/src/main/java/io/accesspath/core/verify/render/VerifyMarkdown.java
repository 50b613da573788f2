package io.accesspath.core.verify.render;

import io.accesspath.core.design.internal.Fmt;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.verify.VerifyReport;
import io.accesspath.core.verify.WriteMeasurement;
import java.util.ArrayList;
import java.util.List;

/** report.md: the verification for a pull request or a wiki page. */
public final class VerifyMarkdown {
    private VerifyMarkdown() {
    }

    public static String render(VerifyReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Verify: ").append(r.design().spec().name()).append(" — ")
                .append(r.passed() ? "verified" : "NOT verified").append("\n\n");
        sb.append(Common.headline(r)).append(", in ").append(Fmt.trim(r.seconds())).append(" s.\n\n");
        sb.append("| pattern | status | runs | p50 | p95 | max | target p95 | expected plan | as designed |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (VerifyReport.PatternResult p : r.patterns()) {
            VerifyReport.Run last = p.last();
            sb.append("| ").append(p.pattern()).append(" | ").append(p.status().label()).append(" | ")
                    .append(Fmt.rate(p.frequency())).append(" | ").append(Common.ms(last.p50Ms())).append(" | ")
                    .append(Common.ms(last.p95Ms())).append(" | ").append(Common.ms(last.maxMs())).append(" | ")
                    .append(p.targetP95Ms().isPresent() ? Common.ms(p.targetP95Ms().getAsDouble()) : "-").append(" | `")
                    .append(p.expected().index().orElse("no index")).append("` ").append(p.expected().access())
                    .append(p.expected().sortAvoided() ? ", no sort" : "").append(" | ")
                    .append(last.variants().isEmpty() ? "-" : last.planMatches() ? "yes" : "**no**").append(" |\n");
        }
        sb.append('\n');
        for (VerifyReport.PatternResult p : r.patterns()) {
            sb.append("## ").append(p.pattern()).append(" (").append(p.status().label()).append(")\n\n");
            for (String problem : p.problems()) {
                sb.append("- ").append(problem).append('\n');
            }
            if (!p.problems().isEmpty()) {
                sb.append('\n');
            }
            sb.append("```sql\n").append(p.sql().strip()).append("\n```\n\n");
            sb.append("| scale | rows of ").append(p.expected().table()).append(" | p50 | p95 | max | plan |\n");
            sb.append("| --- | --- | --- | --- | --- | --- |\n");
            for (VerifyReport.Run run : p.runs()) {
                sb.append("| ").append(Common.scale(run.scale())).append(" | ").append(Fmt.count(run.tableRows()))
                        .append(" | ").append(Common.ms(run.p50Ms())).append(" | ").append(Common.ms(run.p95Ms()))
                        .append(" | ").append(Common.ms(run.maxMs())).append(" | ")
                        .append(run.variants().isEmpty() ? "-" : run.planMatches() ? "as designed" : "**different**")
                        .append(" |\n");
            }
            sb.append('\n');
            p.growth().ifPresent(g -> sb.append("Growth: ").append(g.summary()).append(".\n\n"));
            for (VerifyReport.VariantRun v : p.last().variants()) {
                sb.append("- **").append(v.label()).append("**: p95 ").append(Common.ms(v.p95Ms())).append(", ")
                        .append(Fmt.count(v.rows())).append(" rows, ").append(Fmt.count(v.buffers())).append(" buffers; ")
                        .append(v.verdict().matches() ? "plan as designed" : "plan differs at " + v.verdict().node()
                                .orElse("?") + ": " + v.verdict().cause().orElse(""));
                List<String> kinds = new ArrayList<>();
                for (Diagnosis d : v.diagnoses()) {
                    kinds.add(d.kind().id());
                }
                if (!kinds.isEmpty()) {
                    sb.append("; diagnoses: ").append(String.join(", ", kinds));
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        if (!r.writes().isEmpty()) {
            sb.append("## Write cost, measured\n\n");
            for (WriteMeasurement m : r.writes()) {
                sb.append("- ").append(Common.writeSummary(m)).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
