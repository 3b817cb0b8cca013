package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The denominator guard of the LRP rules: {@code z + ε·sign(z)} with {@code sign(0) = +1}, so the denominator moves
 * away from zero and keeps its sign (Captum's {@code EpsilonRule}, Zennit's {@code stabilize}).
 */
public final class Stabilizer {
    private Stabilizer() {
    }

    /** {@code z + epsilon · (z >= 0 ? 1 : -1)}, elementwise, in {@code z}'s float32. */
    public static NDArray stabilize(NDArray z, double epsilon) {
        NDArray sign = z.gte(0f).toType(DataType.FLOAT32, false).muli(2f).subi(1f);
        return z.add(sign.muli((float) epsilon));
    }
}
