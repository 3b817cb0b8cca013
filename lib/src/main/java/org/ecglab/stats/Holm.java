package org.ecglab.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for multiple comparisons (Holm 1979), which controls the family-wise error rate
 * under any dependence between the tests: sort the m p-values ascending, {@code p(1) <= ... <= p(m)}; the adjusted
 * value of the j-th smallest is {@code max over i <= j of min(1, (m − i + 1) p(i))}. A hypothesis is rejected at
 * level α when its adjusted p is at most α, which is exactly Holm's procedure (as R's {@code p.adjust(method =
 * "holm")} and statsmodels' {@code multipletests(method="holm")}).
 */
public final class Holm {
    private Holm() {
    }

    /**
     * Holm-adjusted p-values, in the order given.
     *
     * @throws IllegalArgumentException if a p-value is not in [0, 1]
     */
    public static double[] adjust(double[] p) {
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + i + " is " + p[i] + "; must be in [0, 1]");
            }
        }
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1.0, (m - j) * p[order[j]]));
            adjusted[order[j]] = running;
        }
        return adjusted;
    }
}
