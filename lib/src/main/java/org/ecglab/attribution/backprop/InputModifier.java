package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;

/**
 * What an LRP rule feeds one of its modified forward passes instead of the layer's input (Zennit's input
 * modifiers).
 */
public enum InputModifier {
    /** The input as it is. */
    IDENTITY {
        @Override
        NDArray apply(NDArray x) {
            return x;
        }
    },
    /** {@code x⁺ = max(x, 0)}. */
    POSITIVE_PART {
        @Override
        NDArray apply(NDArray x) {
            return x.maximum(0f);
        }
    },
    /** {@code x⁻ = min(x, 0)}. */
    NEGATIVE_PART {
        @Override
        NDArray apply(NDArray x) {
            return x.minimum(0f);
        }
    },
    /** All ones (the flat rule). */
    ONES {
        @Override
        NDArray apply(NDArray x) {
            return x.onesLike();
        }
    };

    /** The modified input, a new array unless {@link #IDENTITY}. */
    abstract NDArray apply(NDArray x);

    /**
     * Whether the modified input is all zeros, so that a pass without bias contributes nothing (e.g. the negative
     * part of an input after a ReLU): such passes are skipped, which halves the cost of most LRP rules there.
     */
    boolean vanishes(Signs signs) {
        return (this == NEGATIVE_PART && signs.nonNegative()) || (this == POSITIVE_PART && signs.nonPositive());
    }

    /** The sign range of an input, computed at most once per step. */
    static final class Signs {
        private final NDArray x;
        private Boolean nonNegative;
        private Boolean nonPositive;

        Signs(NDArray x) {
            this.x = x;
        }

        boolean nonNegative() {
            if (nonNegative == null) {
                try (NDArray min = x.min()) {
                    nonNegative = min.getFloat() >= 0f;
                }
            }
            return nonNegative;
        }

        boolean nonPositive() {
            if (nonPositive == null) {
                try (NDArray max = x.max()) {
                    nonPositive = max.getFloat() <= 0f;
                }
            }
            return nonPositive;
        }
    }
}
