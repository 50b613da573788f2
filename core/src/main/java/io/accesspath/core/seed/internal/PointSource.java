package io.accesspath.core.seed.internal;

import io.accesspath.core.seed.Row;
import java.util.List;

/**
 * Points on the earth (longitude, latitude) scattered a few kilometres around real places, so
 * nearest-neighbour searches meet clusters as they do in real data.
 */
final class PointSource implements ValueSource {
    private static final double SCATTER_DEGREES = 0.05;

    private final List<double[]> centers;

    /** @param centers {longitude, latitude} pairs */
    PointSource(List<double[]> centers) {
        this.centers = List.copyOf(centers);
    }

    @Override
    public void write(RowContext ctx, Rng rng, Row row, int slot) {
        double[] c = centers.get(rng.nextInt(centers.size()));
        double lon = clamp(c[0] + SCATTER_DEGREES * rng.nextGaussian(), -180, 180);
        double lat = clamp(c[1] + SCATTER_DEGREES * rng.nextGaussian(), -90, 90);
        row.setDoubles(slot, round(lon), round(lat));
    }

    @Override
    public void writeUnique(RowContext ctx, Rng rng, Row row, int slot, long u, long domain, boolean group) {
        double lon = -180 + 360.0 * (u + 0.5) / domain;
        row.setDoubles(slot, lon, round(-60 + 130 * rng.nextDouble()));
    }

    @Override
    public long uniqueDomain() {
        return 1_000_000_000L;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.min(Math.max(v, lo), hi);
    }

    /** Six decimals (about 10 cm). */
    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
