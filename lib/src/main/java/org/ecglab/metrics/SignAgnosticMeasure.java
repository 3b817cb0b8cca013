package org.ecglab.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * A measure that ignores a global sign flip: {@code max(m(a, b), m(a, −b))}. For Spearman or Pearson on signed maps
 * this is {@code |ρ|}, as Adebayo et al. (2018) report for signed maps, since {@code ρ(a, −b) = −ρ(a, b)}. The prepared
 * form of a map holds the inner measure's preparation of the map followed by that of its negation.
 *
 * @param inner the measure on signed values
 */
record SignAgnosticMeasure(MapMeasure inner) implements MapMeasure {
    SignAgnosticMeasure {
        Objects.requireNonNull(inner, "inner");
        if (inner.values() != ValueMode.SIGNED) {
            throw new IllegalArgumentException("a sign-agnostic measure needs signed values; " + inner.label()
                    + " ignores signs already");
        }
        if (inner.isSignAgnostic()) {
            throw new IllegalArgumentException(inner.label() + " is sign-agnostic already");
        }
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public ValueMode values() {
        return ValueMode.SIGNED;
    }

    @Override
    public boolean isSignAgnostic() {
        return true;
    }

    @Override
    public double[] prepare(float[][] map) {
        float[][] negated = new float[map.length][];
        for (int l = 0; l < map.length; l++) {
            negated[l] = new float[map[l].length];
            for (int t = 0; t < map[l].length; t++) {
                negated[l][t] = -map[l][t];
            }
        }
        double[] plain = inner.prepare(map);
        double[] flipped = inner.prepare(negated);
        double[] both = new double[plain.length + flipped.length];
        System.arraycopy(plain, 0, both, 0, plain.length);
        System.arraycopy(flipped, 0, both, plain.length, flipped.length);
        return both;
    }

    /** {@code max(m(a, b), m(a, −b))}; NaN only if both are undefined. */
    @Override
    public double between(double[] a, double[] b) {
        int half = a.length / 2;
        double[] aPlain = Arrays.copyOf(a, half);
        double same = inner.between(aPlain, Arrays.copyOf(b, half));
        double flipped = inner.between(aPlain, Arrays.copyOfRange(b, half, b.length));
        if (Double.isNaN(same)) {
            return flipped;
        }
        return Double.isNaN(flipped) ? same : Math.max(same, flipped);
    }

    @Override
    public String toString() {
        return label();
    }
}
