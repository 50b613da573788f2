package io.accesspath.core.verify.render;

import io.accesspath.core.design.internal.Fmt;
import io.accesspath.core.verify.VerifyReport;
import io.accesspath.core.verify.WriteMeasurement;
import java.util.Locale;

/** The verify summary printed on a terminal. */
public final class VerifyText {
    private VerifyText() {
    }

    /** A scale with three significant digits (0.0125). */
    public static String scale(double s) {
        return Common.scale(s);
    }

    public static String render(VerifyReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Common.headline(r)).append('\n');
        int w = Math.max(8, r.patterns().stream().mapToInt(p -> p.pattern().length()).max().orElse(8));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s  %-4s  %9s  %9s  %9s  %9s  %s%n", "pattern", "", "p50", "p95",
                "max", "target", "plan"));
        for (VerifyReport.PatternResult p : r.patterns()) {
            VerifyReport.Run last = p.last();
            sb.append(String.format(Locale.ROOT, "%-" + w + "s  %-4s  %9s  %9s  %9s  %9s  %s%n", p.pattern(),
                    p.status().label(), Common.ms(last.p50Ms()), Common.ms(last.p95Ms()), Common.ms(last.maxMs()),
                    p.targetP95Ms().isPresent() ? Common.ms(p.targetP95Ms().getAsDouble()) : "-", Common.planSummary(p)));
        }
        for (VerifyReport.PatternResult p : r.patterns()) {
            for (String problem : p.problems()) {
                sb.append(p.status().label().toUpperCase(Locale.ROOT)).append(' ').append(p.pattern()).append(": ")
                        .append(problem).append('\n');
            }
        }
        if (!r.writes().isEmpty()) {
            sb.append("writes (measured with every index, then without each):\n");
            for (WriteMeasurement m : r.writes()) {
                sb.append("  ").append(Common.writeSummary(m)).append('\n');
            }
        }
        long passed = r.patterns().stream().filter(p -> p.status() == VerifyReport.Status.PASS).count();
        long warned = r.patterns().stream().filter(p -> p.status() == VerifyReport.Status.WARN).count();
        sb.append(r.passed() ? "verified: " : "NOT verified: ").append(passed).append(" passed, ").append(warned)
                .append(" warned, ").append(r.failures()).append(" failed (").append(Fmt.trim(r.seconds()))
                .append(" s)\n");
        return sb.toString();
    }
}
