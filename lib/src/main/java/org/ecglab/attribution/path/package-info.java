/**
 * The path family: methods that integrate gradients along a path from a baseline to the input,
 * {@link org.ecglab.attribution.path.IntegratedGradients} (Sundararajan et al. 2017) and in time GradientSHAP, with
 * the quadrature rules as strategies ({@link org.ecglab.attribution.path.PathQuadrature}: Gauss–Legendre and
 * Captum's Riemann rules).
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.data.*}, {@code org.ecglab.nn},
 * {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.path;
