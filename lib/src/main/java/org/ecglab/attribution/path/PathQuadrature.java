package org.ecglab.attribution.path;

import java.util.ArrayList;
import java.util.List;

/**
 * A quadrature rule for path integrals over {@code α ∈ [0, 1]}: {@code ∫₀¹ g(α) dα ≈ Σ_s w_s g(α_s)}. Path
 * methods (integrated gradients, later layer variants) take one as a strategy, as Captum's
 * {@code approximation_methods} does.
 */
public interface PathQuadrature {

    /** Nodes {@code α_s ∈ [0, 1]} and weights {@code w_s} of an {@code n}-point rule. */
    record Rule(double[] alphas, double[] weights) {
        /** Checks that nodes and weights pair up. */
        public Rule {
            if (alphas.length != weights.length || alphas.length == 0) {
                throw new IllegalArgumentException("a rule needs as many weights as nodes, at least one; got "
                        + alphas.length + " nodes, " + weights.length + " weights");
            }
        }

        /** Number of nodes. */
        public int size() {
            return alphas.length;
        }
    }

    /** Id used in method parameters, e.g. {@code "gausslegendre"} or {@code "riemann_left"} (Captum's names). */
    String id();

    /**
     * The {@code n}-point rule.
     *
     * @throws IllegalArgumentException if the rule is undefined for {@code n}
     */
    Rule rule(int n);

    /** Smallest number of nodes the rule accepts. */
    default int minSteps() {
        return 1;
    }

    /** All available quadratures: Gauss–Legendre first (the default), then the Riemann sums. */
    static List<PathQuadrature> all() {
        List<PathQuadrature> all = new ArrayList<>();
        all.add(GaussLegendreQuadrature.INSTANCE);
        all.addAll(List.of(RiemannQuadrature.values()));
        return all;
    }

    /** Ids of {@link #all()}. */
    static List<String> ids() {
        return all().stream().map(PathQuadrature::id).toList();
    }

    /**
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    static PathQuadrature byId(String id) {
        return all().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown quadrature '" + id + "'; allowed: " + ids()));
    }
}
