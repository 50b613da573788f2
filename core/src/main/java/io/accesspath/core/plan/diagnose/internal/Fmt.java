package io.accesspath.core.plan.diagnose.internal;

import java.util.Locale;

/** Number formats shared by evidence sentences and reports; locale-independent. */
public final class Fmt {
    private Fmt() {
    }

    /** Milliseconds: {@code 0.042 ms}, {@code 4.31 ms}, {@code 48.8 ms}, {@code 512 ms}. */
    public static String ms(double ms) {
        return num(ms) + " ms";
    }

    /** A decimal with as many digits as its size deserves: 3 below 1, 2 below 10, 1 below 100, then none. */
    public static String num(double v) {
        double a = Math.abs(v);
        String pattern = a == 0 ? "%.0f" : a < 1 ? "%.3f" : a < 10 ? "%.2f" : a < 100 ? "%.1f" : "%,.0f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** A count with thousands separators; fractional counts (PostgreSQL 18 rows) keep two digits. */
    public static String count(double v) {
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** A row count with its noun: {@code 1 row}, {@code 2,126 rows}. */
    public static String rows(double v) {
        return count(v) + (v == 1 ? " row" : " rows");
    }

    /** A share as a percentage: {@code 99.9%} (never rounded up to 100), {@code 12%}, {@code 0.3%}. */
    public static String pct(double share) {
        double p = share * 100;
        if (p > 99 && p < 100) {
            return String.format(Locale.ROOT, "%.1f%%", Math.floor(p * 10) / 10);
        }
        return String.format(Locale.ROOT, p >= 10 ? "%.0f%%" : "%.1f%%", p);
    }

    /** A ratio such as an estimate factor: {@code 21x}, {@code 1,234x}. */
    public static String times(double factor) {
        return String.format(Locale.ROOT, "%,.0fx", factor);
    }

    /** kB as PostgreSQL's sizes read: {@code 512kB}, {@code 64MB}, {@code 2GB}. */
    public static String size(long kb) {
        if (kb >= 1024 * 1024 && kb % (1024 * 1024) == 0) {
            return kb / (1024 * 1024) + "GB";
        }
        if (kb >= 1024 && kb % 1024 == 0) {
            return kb / 1024 + "MB";
        }
        return kb + "kB";
    }

    /** kB for people: {@code 976 kB}, {@code 27.3 MB}, {@code 1.20 GB}. */
    public static String kb(double kb) {
        if (kb >= 1024 * 1024) {
            return num(kb / (1024 * 1024)) + " GB";
        }
        return kb >= 1024 ? num(kb / 1024) + " MB" : count(kb) + " kB";
    }

    /** A constant factor without trailing zeros: {@code 2}, {@code 1.5}. */
    public static String factor(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
