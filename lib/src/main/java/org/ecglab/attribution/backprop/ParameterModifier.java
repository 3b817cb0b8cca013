package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * What an LRP rule does to a layer's weight and bias for one of its modified forward passes (Zennit's
 * {@code ParamMod}). The modifier applies to the weight and to the bias alike, unless it drops the bias (Zennit's
 * {@code zero_params=['bias']}). Modifiers are values (records), so a layer computes each modified parameter set
 * once per call ({@link PropagationLayer#parameters(ParameterModifier)}).
 */
public sealed interface ParameterModifier {
    /** The parameters as the modified pass uses them; never changes the arrays given. */
    AffineParameters apply(AffineParameters p);

    /** The unmodified parameters: the pass runs the layer's own function (so it works for any layer). */
    ParameterModifier IDENTITY = new Identity();

    /** {@code w⁺ = max(w, 0)} (and {@code b⁺}), or without bias. */
    static ParameterModifier positivePart(boolean keepBias) {
        return new Clamp(true, keepBias);
    }

    /** {@code w⁻ = min(w, 0)} (and {@code b⁻}), or without bias. */
    static ParameterModifier negativePart(boolean keepBias) {
        return new Clamp(false, keepBias);
    }

    /** The gamma rule's {@code w + γ w⁺} ({@code positive}) or {@code w + γ w⁻}, the bias alike or dropped. */
    static ParameterModifier gamma(double gamma, boolean positive, boolean keepBias) {
        return new Gamma(gamma, positive, keepBias);
    }

    /** The flat rule's weights: all ones, no bias. */
    static ParameterModifier ones() {
        return new Ones();
    }

    /** No change. */
    record Identity() implements ParameterModifier {
        @Override
        public AffineParameters apply(AffineParameters p) {
            return p;
        }

        @Override
        public String toString() {
            return "w";
        }
    }

    /**
     * Clamped to one sign.
     *
     * @param positive {@code max(., 0)} if true, else {@code min(., 0)}
     * @param keepBias clamp the bias too (true) or drop it
     */
    record Clamp(boolean positive, boolean keepBias) implements ParameterModifier {
        @Override
        public AffineParameters apply(AffineParameters p) {
            return new AffineParameters(clamp(p.weight()), keepBias && p.bias() != null ? clamp(p.bias()) : null);
        }

        private NDArray clamp(NDArray a) {
            return positive ? a.maximum(0f) : a.minimum(0f);
        }

        @Override
        public String toString() {
            return (positive ? "w+" : "w-") + (keepBias ? "" : " (no bias)");
        }
    }

    /**
     * {@code p + γ clamp(p)}: the weight with its positive (or negative) part amplified.
     *
     * @param gamma    the amplification {@code γ >= 0}
     * @param positive amplify the positive part (true) or the negative part
     * @param keepBias modify the bias alike (true) or drop it
     */
    record Gamma(double gamma, boolean positive, boolean keepBias) implements ParameterModifier {
        @Override
        public AffineParameters apply(AffineParameters p) {
            return new AffineParameters(amplify(p.weight()), keepBias && p.bias() != null ? amplify(p.bias()) : null);
        }

        private NDArray amplify(NDArray a) {
            return a.add((positive ? a.maximum(0f) : a.minimum(0f)).mul((float) gamma));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "w + %g w%s%s", gamma, positive ? "+" : "-", keepBias ? "" : " (no bias)");
        }
    }

    /** All-one weights and no bias. */
    record Ones() implements ParameterModifier {
        @Override
        public AffineParameters apply(AffineParameters p) {
            return new AffineParameters(p.weight().onesLike(), null);
        }

        @Override
        public String toString() {
            return "ones";
        }
    }
}
