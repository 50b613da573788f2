package io.accesspath.core.spec;

/**
 * A frequency, normalized to events per second. {@code text} keeps the user's spelling
 * ("200/s", "5/min", "1000/day") for reports.
 */
public record Rate(double perSecond, String text) {
    public static final Rate ZERO = new Rate(0, "0");

    public Rate {
        if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be a finite non-negative number: " + perSecond);
        }
    }

    public static Rate perSecond(double n) {
        return new Rate(n, formatNumber(n) + "/s");
    }

    public boolean isZero() {
        return perSecond == 0;
    }

    public double perDay() {
        return perSecond * 86_400;
    }

    public static String formatNumber(double n) {
        if (n == Math.rint(n) && Math.abs(n) < 1e15) {
            return Long.toString((long) n);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4f", n);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return text;
    }
}
