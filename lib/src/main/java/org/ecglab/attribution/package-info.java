/**
 * Attribution methods: one class per method behind the one-method {@link org.ecglab.attribution.AttributionMethod}
 * interface, a registry from snake_case method id to factory ({@link org.ecglab.attribution.AttributionMethods}),
 * and shared machinery (batched input gradients in {@link org.ecglab.attribution.GradientComputer}, path
 * quadratures in {@link org.ecglab.attribution.PathQuadrature}, input checks).
 *
 * <p>Semantics follow Captum's defaults (Kokhlikyan et al. 2020) so results compare with the literature: saliency
 * returns {@code |grad|} unless {@code abs=false}; integrated gradients uses 50 Gauss–Legendre nodes and a zero
 * baseline. Every {@link org.ecglab.attribution.Attribution} carries its provenance (method, parameters, model,
 * seed) and, where the method promises completeness, its convergence delta.
 *
 * <p>Depends on {@code org.ecglab.data} and {@code org.ecglab.model} only.
 */
package org.ecglab.attribution;
