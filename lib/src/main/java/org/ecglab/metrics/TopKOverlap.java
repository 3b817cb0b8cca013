package org.ecglab.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Top-k overlap: the share of one map's {@code k = round(fraction × points)} most relevant points that are also
 * among the other map's k most relevant, {@code |top_k(a) ∩ top_k(b)| / k}: 1 for maps that agree on what matters
 * most, {@code fraction} expected for unrelated maps, whatever the rest of the map does. Points tied at the
 * threshold are taken in index order (lead-major), so the set always has exactly k points.
 *
 * @param fraction share of points in the top set, in (0, 1)
 * @param values   absolute or signed values (signed: the most positive points)
 */
record TopKOverlap(double fraction, ValueMode values) implements MapMeasure {
    TopKOverlap {
        Objects.requireNonNull(values, "values");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("top-k fraction must be in (0, 1), got " + fraction);
        }
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "top%d_overlap", Math.round(100 * fraction));
    }

    /** An indicator vector of the top-k points (1 inside, 0 outside). */
    @Override
    public double[] prepare(float[][] map) {
        double[] v = MapMeasure.flatten(map, values);
        int k = count(v.length);
        Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -v[i]).thenComparingInt(i -> i));
        double[] top = new double[v.length];
        for (int i = 0; i < k; i++) {
            top[order[i]] = 1;
        }
        return top;
    }

    @Override
    public double between(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("maps differ in length: " + a.length + " vs " + b.length);
        }
        double shared = 0;
        for (int i = 0; i < a.length; i++) {
            shared += a[i] * b[i];
        }
        return shared / count(a.length);
    }

    private int count(int points) {
        return Math.max(1, (int) Math.round(fraction * points));
    }

    @Override
    public String toString() {
        return label();
    }
}
