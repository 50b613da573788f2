package io.accesspath.core.seed.internal;

import java.util.Locale;

/** Small text helpers for generated values: unique tokens, word-boundary truncation. */
final class Texts {
    static final int TOKEN_RADIX = 36;

    private Texts() {
    }

    /** Digits needed to write every number below {@code domain} in base 36 (at least 1). */
    static int tokenWidth(long domain) {
        int width = 1;
        long capacity = TOKEN_RADIX;
        while (capacity < domain && capacity <= Long.MAX_VALUE / TOKEN_RADIX) {
            capacity *= TOKEN_RADIX;
            width++;
        }
        return capacity < domain ? width + 1 : width;
    }

    /** {@code value} in base 36, left-padded with zeros to {@code width} digits. */
    static String token(long value, int width, boolean upper) {
        String s = Long.toString(value, TOKEN_RADIX);
        if (upper) {
            s = s.toUpperCase(Locale.ROOT);
        }
        if (s.length() >= width) {
            return s;
        }
        return "0".repeat(width - s.length()) + s;
    }

    /** 36^length, saturating at {@link Long#MAX_VALUE}. */
    static long tokenCapacity(int length) {
        long capacity = 1;
        for (int i = 0; i < length; i++) {
            if (capacity > Long.MAX_VALUE / TOKEN_RADIX) {
                return Long.MAX_VALUE;
            }
            capacity *= TOKEN_RADIX;
        }
        return capacity;
    }

    /** Cuts {@code sb} to at most {@code max} chars, at a word boundary when one is near the end. */
    static void truncate(StringBuilder sb, int max) {
        if (sb.length() <= max) {
            return;
        }
        int cut = max;
        for (int i = max; i > max * 6 / 10; i--) {
            if (sb.charAt(i) == ' ') {
                cut = i;
                break;
            }
        }
        sb.setLength(cut);
        stripTrailing(sb);
        if (sb.length() == 0) {
            sb.append('x');
        }
    }

    /** Removes trailing spaces and separators. */
    static void stripTrailing(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && " ,;:-_.".indexOf(sb.charAt(n - 1)) >= 0) {
            n--;
        }
        sb.setLength(n);
    }

    /** Lower-case letters and digits of {@code s} (for email local parts and slugs). */
    static String simple(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? "x" : sb.toString();
    }
}
