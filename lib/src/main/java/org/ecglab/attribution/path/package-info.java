/**
 * The path family: methods that integrate gradients along a path from a baseline to the input,
 * {@link org.ecglab.attribution.path.IntegratedGradients} (Sundararajan et al. 2017) with the quadrature rules as
 * strategies ({@link org.ecglab.attribution.path.PathQuadrature}: Gauss–Legendre, Captum's Riemann rules and the
 * trapezoid rule), and {@link org.ecglab.attribution.path.GradientShap} (Lundberg &amp; Lee 2017), one random path
 * point per sample between the input and a baseline drawn from a distribution.
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.data.*}, {@code org.ecglab.nn},
 * {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.path;
