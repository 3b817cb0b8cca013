package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An LRP rule as data, as Zennit's {@code BasicHook} (Anders et al. 2021): a list of modified forward passes of the
 * layer, each with an {@link InputModifier}, a {@link ParameterModifier}, a weight and a group. With {@code z} the
 * layer's own output, {@code R} the relevance at the output and, per pass {@code k}, {@code a_k} the modified input
 * and {@code z_k = layer_k(a_k)} its output:
 * <pre>
 *   s_g   = mask_g(z) ⊙ R / stabilize(Σ_{k ∈ g} z_k)          for each group g
 *   R_in  = Σ_k c_k · a_k ⊙ J_kᵀ s_{g(k)}                       (J_k the Jacobian of pass k)
 * </pre>
 * where {@code stabilize(d) = d + ε·sign(d)} with {@code sign(0) = +1} ({@link Stabilizer}) and
 * {@code mask_g} keeps all outputs, those with {@code z > 0} or those with {@code z < 0}. For
 * {@code R = z} at the output of an affine layer without bias, {@code Σ R_in = Σ R} (conservation) for the rules
 * below up to the stabiliser.
 *
 * <p>The rules (Montavon et al. 2019, "Layer-wise relevance propagation: an overview"; Zennit's
 * {@code rules.py}):
 * <ul>
 *   <li>{@link #epsilon}: {@code R_j = x_j Σ_i w_ij R_i / stab(z_i)};</li>
 *   <li>{@link #gamma} (generalised, Andéol et al. 2021): positive contributions amplified by {@code γ}, separately
 *       for outputs {@code z > 0} and {@code z < 0};</li>
 *   <li>{@link #alphaBeta}: {@code α} times the positive contributions minus {@code β} times the negative ones;</li>
 *   <li>{@link #zPlus}: {@code α = 1, β = 0};</li>
 *   <li>{@link #flat}: relevance spread evenly over each output's receptive field, {@code R_j = Σ_i R_i / n_i}.</li>
 * </ul>
 * A pass whose modified input is all zeros and whose parameters have no bias contributes nothing and is skipped (the
 * negative part of an input after a ReLU).
 */
public final class LrpRule implements Rule {
    /** Which outputs a group's relevance is sent through. */
    public enum OutputMask {
        /** All of them. */
        ALL,
        /** Those whose unmodified output {@code z > 0}. */
        POSITIVE,
        /** Those whose unmodified output {@code z < 0}. */
        NEGATIVE
    }

    /**
     * One modified forward pass.
     *
     * @param input      what the pass sees instead of {@code x}
     * @param parameters what the pass uses instead of the weight and bias
     * @param weight     the pass's coefficient {@code c_k} in the sum
     * @param group      index of the group whose denominator this pass's output joins
     */
    public record Pass(InputModifier input, ParameterModifier parameters, double weight, int group) {
        /** Checks the parts. */
        public Pass {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(parameters, "parameters");
        }
    }

    private final String name;
    private final List<Pass> passes;
    private final List<OutputMask> groups;
    private final double stabilizer;

    /**
     * @param name       for {@link #toString()}
     * @param passes     the modified passes
     * @param groups     the output mask of each group, indexed by {@link Pass#group()}
     * @param stabilizer {@code ε} of the denominator, {@code >= 0}
     */
    public LrpRule(String name, List<Pass> passes, List<OutputMask> groups, double stabilizer) {
        this.name = Objects.requireNonNull(name, "name");
        this.passes = List.copyOf(passes);
        this.groups = List.copyOf(groups);
        if (!(stabilizer >= 0) || !Double.isFinite(stabilizer)) {
            throw new IllegalArgumentException("stabilizer must be a finite number >= 0, got " + stabilizer);
        }
        this.stabilizer = stabilizer;
        for (Pass p : this.passes) {
            if (p.group() < 0 || p.group() >= this.groups.size()) {
                throw new IllegalArgumentException("pass " + p + " names group " + p.group() + " of " + this.groups.size());
            }
        }
    }

    /** LRP-ε (Bach et al. 2015): {@code R_j = x_j Σ_i w_ij R_i / (z_i + ε sign(z_i))}, bias included in z. */
    public static LrpRule epsilon(double epsilon) {
        return new LrpRule(String.format(Locale.ROOT, "epsilon(%g)", epsilon),
                List.of(new Pass(InputModifier.IDENTITY, ParameterModifier.IDENTITY, 1, 0)),
                List.of(OutputMask.ALL), epsilon);
    }

    /**
     * The epsilon rule with a small fixed stabiliser, for layers without weights (average pooling): Zennit's
     * {@code Norm}.
     */
    public static LrpRule norm(double stabilizer) {
        return new LrpRule(String.format(Locale.ROOT, "norm(%g)", stabilizer),
                List.of(new Pass(InputModifier.IDENTITY, ParameterModifier.IDENTITY, 1, 0)),
                List.of(OutputMask.ALL), stabilizer);
    }

    /**
     * Generalised LRP-γ (Montavon et al. 2019; Andéol et al. 2021; Zennit's {@code Gamma}): where {@code z > 0},
     * {@code R_j = Σ_i (x⁺_j (w_ij + γ w⁺_ij) + x⁻_j (w_ij + γ w⁻_ij)) R_i / stab(z⁺_i)} with
     * {@code z⁺ = (w + γw⁺) x⁺ + (w + γw⁻) x⁻ + b + γb⁺}; where {@code z < 0} the same with the roles of
     * {@code w⁺} and {@code w⁻} exchanged. For {@code x >= 0} this is the original
     * {@code R_j = Σ_i x_j (w_ij + γ w⁺_ij) R_i / Σ_j' x_j' (w_ij' + γ w⁺_ij')}.
     */
    public static LrpRule gamma(double gamma, double stabilizer) {
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be a finite number >= 0, got " + gamma);
        }
        return new LrpRule(String.format(Locale.ROOT, "gamma(%g)", gamma), List.of(
                new Pass(InputModifier.POSITIVE_PART, ParameterModifier.gamma(gamma, true, true), 1, 0),
                new Pass(InputModifier.NEGATIVE_PART, ParameterModifier.gamma(gamma, false, false), 1, 0),
                new Pass(InputModifier.POSITIVE_PART, ParameterModifier.gamma(gamma, false, true), 1, 1),
                new Pass(InputModifier.NEGATIVE_PART, ParameterModifier.gamma(gamma, true, false), 1, 1)),
                List.of(OutputMask.POSITIVE, OutputMask.NEGATIVE), stabilizer);
    }

    /**
     * LRP-αβ (Bach et al. 2015; Zennit's {@code AlphaBeta}): {@code R_j = α Σ_i (x⁺_j w⁺_ij + x⁻_j w⁻_ij) R_i /
     * stab(z⁺_i) − β Σ_i (x⁺_j w⁻_ij + x⁻_j w⁺_ij) R_i / stab(z⁻_i)} with {@code z⁺ = w⁺x⁺ + w⁻x⁻ + b⁺} and
     * {@code z⁻ = w⁻x⁺ + w⁺x⁻ + b⁻}; {@code α − β = 1}, both {@code >= 0}.
     */
    public static LrpRule alphaBeta(double alpha, double beta, double stabilizer) {
        if (!(alpha >= 0) || !(beta >= 0) || alpha - beta != 1) {
            throw new IllegalArgumentException("alpha and beta must be >= 0 with alpha - beta = 1, got alpha " + alpha
                    + " and beta " + beta);
        }
        List<Pass> passes = new ArrayList<>(List.of(
                new Pass(InputModifier.POSITIVE_PART, ParameterModifier.positivePart(true), alpha, 0),
                new Pass(InputModifier.NEGATIVE_PART, ParameterModifier.negativePart(false), alpha, 0)));
        if (beta != 0) { // with beta 0 the negative passes are multiplied by 0: not computed
            passes.add(new Pass(InputModifier.POSITIVE_PART, ParameterModifier.negativePart(true), -beta, 1));
            passes.add(new Pass(InputModifier.NEGATIVE_PART, ParameterModifier.positivePart(false), -beta, 1));
        }
        return new LrpRule(String.format(Locale.ROOT, "alpha-beta(%g, %g)", alpha, beta), passes,
                List.of(OutputMask.ALL, OutputMask.ALL), stabilizer);
    }

    /**
     * LRP-z⁺ (Montavon et al. 2017, deep Taylor decomposition; Zennit's {@code ZPlus}): the alpha-beta rule with
     * {@code α = 1, β = 0}, {@code R_j = Σ_i (x⁺_j w⁺_ij + x⁻_j w⁻_ij) R_i / stab(z⁺_i)}.
     */
    public static LrpRule zPlus(double stabilizer) {
        return new LrpRule("z-plus", List.of(
                new Pass(InputModifier.POSITIVE_PART, ParameterModifier.positivePart(true), 1, 0),
                new Pass(InputModifier.NEGATIVE_PART, ParameterModifier.negativePart(false), 1, 0)),
                List.of(OutputMask.ALL), stabilizer);
    }

    /**
     * LRP-flat (Lapuschkin et al. 2019; Zennit's {@code Flat}): inputs and weights set to one and the bias dropped,
     * {@code R_j = Σ_{i ∋ j} R_i / stab(n_i)} with {@code n_i} the number of inputs output {@code i} sees (padding
     * excluded). It ignores the input and the weights: only the layer's wiring remains.
     */
    public static LrpRule flat(double stabilizer) {
        return new LrpRule("flat", List.of(new Pass(InputModifier.ONES, ParameterModifier.ones(), 1, 0)),
                List.of(OutputMask.ALL), stabilizer);
    }

    /** The passes. */
    public List<Pass> passes() {
        return passes;
    }

    /** The stabiliser {@code ε}. */
    public double stabilizer() {
        return stabilizer;
    }

    @Override
    public NDArray backward(LayerStep step, NDArray relevance) {
        NDArray x = step.input();
        InputModifier.Signs signs = new InputModifier.Signs(x);
        List<Pass> active = new ArrayList<>();
        for (Pass p : passes) {
            boolean biasFree = p.parameters() instanceof ParameterModifier.Ones
                    || (p.parameters() instanceof ParameterModifier.Clamp c && !c.keepBias())
                    || (p.parameters() instanceof ParameterModifier.Gamma g && !g.keepBias());
            if (!(biasFree && p.input().vanishes(signs))) {
                active.add(p);
            }
        }
        int n = active.size();
        NDArray[] inputs = new NDArray[n];
        for (int k = 0; k < n; k++) {
            inputs[k] = active.get(k).input().apply(x);
        }
        NDArray[] gradients = LocalAutograd.gradients(inputs, leaves -> {
            NDArray[] out = new NDArray[n];
            for (int k = 0; k < n; k++) {
                ParameterModifier mod = active.get(k).parameters();
                out[k] = mod instanceof ParameterModifier.Identity ? step.layer().forward(leaves[k])
                        : step.layer().forward(leaves[k], step.layer().parameters(mod));
            }
            return out;
        }, outputs -> vectors(step.output(), relevance, active, outputs));
        NDArray result = null;
        for (int k = 0; k < n; k++) {
            NDArray term = inputs[k].mul(gradients[k]);
            double c = active.get(k).weight();
            term = c == 1 ? term : term.muli((float) c);
            result = result == null ? term : result.addi(term);
        }
        return result == null ? x.zerosLike() : result;
    }

    private NDArray[] vectors(NDArray z, NDArray relevance, List<Pass> active, NDArray[] outputs) {
        NDArray[] perGroup = new NDArray[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            NDArray denominator = null;
            for (int k = 0; k < active.size(); k++) {
                if (active.get(k).group() == g) {
                    denominator = denominator == null ? outputs[k] : denominator.add(outputs[k]);
                }
            }
            if (denominator == null) {
                continue;
            }
            NDArray s = relevance.div(Stabilizer.stabilize(denominator, stabilizer));
            perGroup[g] = switch (groups.get(g)) {
                case ALL -> s;
                case POSITIVE -> s.muli(z.gt(0f).toType(DataType.FLOAT32, false));
                case NEGATIVE -> s.muli(z.lt(0f).toType(DataType.FLOAT32, false));
            };
        }
        NDArray[] out = new NDArray[active.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = perGroup[active.get(k).group()];
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
