package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;
import java.util.List;

/** Short arrays (0 to 5 elements): words for text elements, small numbers for integers. */
final class ArraySource implements ValueSource {
    private static final int MAX_ELEMENTS = 5;

    private final List<String> words;
    private final boolean text;
    private final int maxLength;

    /**
     * @param words     element values for text arrays
     * @param text      true for text elements, false for integers
     * @param maxLength the longest text element
     */
    ArraySource(List<String> words, boolean text, int maxLength) {
        this.words = List.copyOf(words);
        this.text = text;
        this.maxLength = maxLength;
    }

    @Override
    public void write(RowContext ctx, Rng rng, Row row, int slot) {
        row.setObject(slot, elements(rng, rng.nextInt(MAX_ELEMENTS + 1), null));
    }

    @Override
    public void writeUnique(RowContext ctx, Rng rng, Row row, int slot, long u, long domain, boolean group) {
        String token = Texts.token(u, Texts.tokenWidth(domain), false);
        row.setObject(slot, elements(rng, rng.nextInt(MAX_ELEMENTS), text ? token : Long.toString(u)));
    }

    @Override
    public long uniqueDomain() {
        return text ? Texts.tokenCapacity(Math.min(maxLength, 12)) : Long.MAX_VALUE;
    }

    private Object elements(Rng rng, int n, String extra) {
        int size = n + (extra == null ? 0 : 1);
        if (text) {
            String[] out = new String[size];
            for (int i = 0; i < n; i++) {
                String w = Texts.simple(words.get(rng.nextInt(words.size())));
                out[i] = w.length() > maxLength ? w.substring(0, maxLength) : w;
            }
            if (extra != null) {
                out[n] = extra;
            }
            return out;
        }
        long[] out = new long[size];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextInt(100);
        }
        if (extra != null) {
            out[n] = Long.parseLong(extra);
        }
        return out;
    }
}
