package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;
import java.util.List;

/**
 * Small JSON objects of two to four keys from a set of keys that fits the entity (product
 * attributes, article metadata, event payloads). A key ending in {@code ?} holds a boolean, one
 * ending in {@code #} a number, any other a word.
 */
final class JsonSource implements ValueSource {
    private final List<String> keys;
    private final List<String> words;

    JsonSource(List<String> keys, List<String> words) {
        this.keys = List.copyOf(keys);
        this.words = List.copyOf(words);
    }

    @Override
    public void write(RowContext ctx, Rng rng, Row row, int slot) {
        StringBuilder sb = row.textBuffer(slot);
        object(sb, rng);
        sb.append('}');
    }

    @Override
    public void writeUnique(RowContext ctx, Rng rng, Row row, int slot, long u, long domain, boolean group) {
        StringBuilder sb = row.textBuffer(slot);
        object(sb, rng);
        sb.append(", \"ref\": \"").append(Texts.token(u, Texts.tokenWidth(domain), false)).append("\"}");
    }

    @Override
    public long uniqueDomain() {
        return Long.MAX_VALUE;
    }

    private void object(StringBuilder sb, Rng rng) {
        sb.append('{');
        int n = 2 + rng.nextInt(3);
        int start = rng.nextInt(keys.size());
        for (int i = 0; i < n && i < keys.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String key = keys.get((start + i) % keys.size());
            char type = key.charAt(key.length() - 1);
            String name = type == '?' || type == '#' ? key.substring(0, key.length() - 1) : key;
            sb.append('"').append(name).append("\": ");
            switch (type) {
                case '#' -> sb.append(rng.nextInt(1000));
                case '?' -> sb.append(rng.chance(0.5));
                default -> {
                    sb.append('"');
                    String w = words.get(rng.nextInt(words.size()));
                    for (int k = 0; k < w.length(); k++) {
                        char c = w.charAt(k);
                        if (c == '"' || c == '\\') {
                            sb.append('\\');
                        }
                        if (c >= ' ') {
                            sb.append(c);
                        }
                    }
                    sb.append('"');
                }
            }
        }
    }
}
