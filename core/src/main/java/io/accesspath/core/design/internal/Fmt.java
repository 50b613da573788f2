package io.accesspath.core.design.internal;

import java.util.Locale;

/** Number formatting for rationale text: locale-independent, short, deterministic. */
public final class Fmt {
    private Fmt() {
    }

    /** 950, 12k, 2.1M, 3B. */
    public static String count(double n) {
        double a = Math.abs(n);
        if (a >= 1e9) {
            return trim(n / 1e9) + "B";
        }
        if (a >= 1e6) {
            return trim(n / 1e6) + "M";
        }
        if (a >= 1e4) {
            return trim(n / 1e3) + "k";
        }
        if (a >= 10 || n == Math.rint(n)) {
            return Long.toString(Math.round(n));
        }
        return trim(n);
    }

    /** 512 B, 40 kB, 1.2 GB (PostgreSQL's units, base 1024). */
    public static String bytes(double b) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int i = 0;
        while (b >= 1024 && i < units.length - 1) {
            b /= 1024;
            i++;
        }
        return trim(b) + " " + units[i];
    }

    /** A rate per second: 0.5/s, 20/s, 1.2k/s. */
    public static String rate(double perSecond) {
        if (perSecond == 0 || perSecond >= 1) {
            return count(perSecond) + "/s";
        }
        if (perSecond * 60 >= 1) {
            return count(perSecond * 60) + "/min";
        }
        if (perSecond * 3600 >= 1) {
            return count(perSecond * 3600) + "/h";
        }
        return count(perSecond * 86_400) + "/day";
    }

    /** One or two significant decimals, no trailing zeros. */
    public static String trim(double v) {
        String s = v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** "a" or "an" before a word, by its first letter (good enough for identifiers). */
    public static String article(String word) {
        return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    /** A share as a percentage: 0.3%, 12%, 100%. */
    public static String percent(double share) {
        double p = share * 100;
        if (p < 1) {
            return trim(p) + "%";
        }
        return Math.round(p) + "%";
    }
}
