package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;
import io.accesspath.core.seed.ValueKind;
import java.util.List;

/**
 * One of a few values with weights: enum labels (text) or booleans (1/0). Unique values take
 * each choice once.
 */
final class ChoiceSource implements ValueSource {
    private final ValueKind kind;
    private final List<String> labels;
    private final double[] cumulative;

    /**
     * @param labels  the enum labels, or "false" and "true" for booleans
     * @param weights one relative weight per label
     */
    ChoiceSource(ValueKind kind, List<String> labels, List<Double> weights) {
        this.kind = kind;
        this.labels = List.copyOf(labels);
        this.cumulative = new double[labels.size()];
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double c = 0;
        for (int i = 0; i < labels.size(); i++) {
            c += total > 0 ? weights.get(i) / total : 1.0 / labels.size();
            cumulative[i] = c;
        }
        cumulative[labels.size() - 1] = 1;
    }

    @Override
    public void write(RowContext ctx, Rng rng, Row row, int slot) {
        double u = rng.nextDouble();
        int i = 0;
        while (i < cumulative.length - 1 && u >= cumulative[i]) {
            i++;
        }
        set(row, slot, i);
    }

    @Override
    public void writeUnique(RowContext ctx, Rng rng, Row row, int slot, long u, long domain, boolean group) {
        set(row, slot, (int) u);
    }

    @Override
    public long uniqueDomain() {
        return labels.size();
    }

    private void set(Row row, int slot, int i) {
        if (kind == ValueKind.BOOL) {
            row.setLong(slot, "true".equals(labels.get(i)) ? 1 : 0);
        } else {
            row.textBuffer(slot).append(labels.get(i));
        }
    }
}
