package io.accesspath.core.verify.render;

import io.accesspath.core.design.internal.Fmt;
import io.accesspath.core.verify.VerifyReport;
import io.accesspath.core.verify.WriteMeasurement;
import java.util.ArrayList;
import java.util.List;

/** Sentences and figures the verify renderers share. */
final class Common {
    private Common() {
    }

    static String headline(VerifyReport r) {
        List<String> scales = new ArrayList<>();
        for (VerifyReport.Scale s : r.scales()) {
            scales.add(scale(s.scale()) + " (" + Fmt.count(s.totalRows()) + " rows)");
        }
        return r.design().spec().name() + ": " + r.patterns().size() + " access patterns at scale"
                + (scales.size() == 1 ? " " : "s ") + String.join(" and ", scales) + " on " + r.target();
    }

    /** A scale with three significant digits: 0.0125, 0.25, 1. */
    static String scale(double s) {
        if (s >= 1 || s == 0) {
            return Fmt.trim(s);
        }
        return new java.math.BigDecimal(s).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String ms(double millis) {
        if (millis <= 0) {
            return "-";
        }
        if (millis >= 100) {
            return Math.round(millis) + " ms";
        }
        return Fmt.trim(millis) + " ms";
    }

    /** {@code orders_customer_idx, Index Only Scan, sort avoided} or {@code Seq Scan}. */
    static String planSummary(VerifyReport.PatternResult p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.expected().index().orElse("no index")).append(", ").append(p.expected().access());
        if (p.expected().sortAvoided()) {
            sb.append(", sort avoided");
        }
        sb.append(p.last().planMatches() ? " (as designed)" : " (DIFFERENT)");
        return sb.toString();
    }

    static String writeSummary(WriteMeasurement m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.table()).append(' ').append(m.kind());
        if (!m.updated().isEmpty()) {
            sb.append(" of ").append(String.join(", ", m.updated()));
        }
        sb.append(": ").append(Fmt.count(m.rowsPerSecond())).append(" rows/s (").append(Fmt.trim(m.msPerRow() * 1000))
                .append(" µs a row; ").append(Fmt.trim(m.heapOnlyMs() * 1000)).append(" µs without secondary indexes)");
        if (m.kind().equals("update")) {
            sb.append(", ").append(Fmt.percent(m.hotShare())).append(" HOT");
        }
        if (!m.perIndex().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (WriteMeasurement.IndexCost c : m.perIndex()) {
                parts.add(c.index() + " " + Fmt.percent(c.share()));
            }
            sb.append("; per index: ").append(String.join(", ", parts));
        }
        return sb.toString();
    }
}
