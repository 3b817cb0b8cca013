package org.ecglab.metrics;

import java.util.Objects;
import org.ecglab.stats.Correlation;

/**
 * Correlation of two flattened maps ({@link Correlation}: Spearman with midranks, or Pearson); NaN if either map is
 * constant.
 *
 * @param correlation Spearman or Pearson
 * @param values      absolute or signed values
 */
record CorrelationMeasure(Correlation correlation, ValueMode values) implements MapMeasure {
    CorrelationMeasure {
        Objects.requireNonNull(correlation, "correlation");
        Objects.requireNonNull(values, "values");
    }

    @Override
    public String name() {
        return correlation.label();
    }

    @Override
    public double[] prepare(float[][] map) {
        return correlation.prepare(MapMeasure.flatten(map, values));
    }

    @Override
    public double between(double[] a, double[] b) {
        return Correlation.ofPrepared(a, b);
    }

    @Override
    public String toString() {
        return label();
    }
}
