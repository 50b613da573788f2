package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;

/**
 * Text within the column's length limits. Unique values carry a base-36 token of fixed width
 * made from the row's unique number, kept whole when the text is cut to the maximum length;
 * within a group, values of a pool are dealt without repeats while the pool lasts.
 */
final class TextSource implements ValueSource {
    private static final int FILL_ROUNDS = 50;

    private final TextGen gen;
    private final int minLength;
    private final int maxLength;
    private final boolean tokens;
    private final int stateSlot;

    /**
     * @param minLength the shortest value (0 for none)
     * @param maxLength the longest value ({@link Integer#MAX_VALUE} for none)
     * @param tokens    whether unique values may carry a token (not when they must match a pattern:
     *                  then the pool holds enough distinct values)
     */
    TextSource(TextGen gen, int minLength, int maxLength, boolean tokens, StateSlots states) {
        this.gen = gen;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.tokens = tokens;
        this.stateSlot = states.next();
    }

    @Override
    public void write(RowContext ctx, Rng rng, Row row, int slot) {
        StringBuilder sb = row.textBuffer(slot);
        gen.append(sb, rng);
        lengthen(sb, rng);
        Texts.truncate(sb, maxLength);
    }

    @Override
    public void writeUnique(RowContext ctx, Rng rng, Row row, int slot, long u, long domain, boolean group) {
        StringBuilder sb = row.textBuffer(slot);
        int pool = gen.poolSize();
        if (pool >= domain) {
            long index = u;
            if (group) {
                Dealt d = ctx.state(stateSlot, Dealt::new);
                if (d.group != ctx.parent) {
                    d.group = ctx.parent;
                    d.order = new Permutation(pool, Hashing.combine(stateSlot, ctx.parent));
                }
                index = d.order.apply(u);
            }
            gen.appendPoolValue(sb, (int) index);
            if (!tokens || (sb.length() <= maxLength && sb.length() >= minLength)) {
                return;
            }
            sb.setLength(0);
        }
        if (!tokens) {
            throw new IllegalStateException("pool of " + pool + " values for " + domain + " unique rows");
        }
        int width = Math.max(Texts.tokenWidth(domain), Math.min(gen.minTokenWidth(), maxLength - 4));
        String token = Texts.token(u, width, gen.upperToken());
        gen.appendWithToken(sb, rng, token);
        lengthen(sb, rng);
        if (sb.length() > maxLength) {
            fitKeepingToken(sb, token);
        }
    }

    @Override
    public long uniqueDomain() {
        if (!tokens) {
            return gen.poolSize();
        }
        return maxLength == Integer.MAX_VALUE ? Long.MAX_VALUE : Texts.tokenCapacity(maxLength);
    }

    /** Appends more of the same until the value reaches the minimum length. */
    private void lengthen(StringBuilder sb, Rng rng) {
        for (int i = 0; i < FILL_ROUNDS && sb.length() < minLength; i++) {
            sb.append(' ');
            gen.append(sb, rng);
        }
        while (sb.length() < minLength) {
            sb.append('x');
        }
    }

    /** Cuts the text before the token so that text, separator and token fit the maximum length. */
    private void fitKeepingToken(StringBuilder sb, String token) {
        int at = sb.lastIndexOf(token);
        String tail = sb.substring(at);
        sb.setLength(at);
        Texts.stripTrailing(sb);
        String separator = gen.separator();
        int room = maxLength - tail.length() - separator.length();
        if (room <= 0) {
            sb.setLength(0);
            sb.append(token);
            return;
        }
        Texts.truncate(sb, room);
        sb.append(separator).append(tail);
    }

    /** The deal order of the current group's pool values. */
    private static final class Dealt {
        long group = -1;
        Permutation order;
    }
}
