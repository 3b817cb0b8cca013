/**
 * The class-activation-map family, to come: Grad-CAM (Selvaraju et al. 2017) on any convolution layer, upsampled to
 * the input's 600 samples, and guided Grad-CAM (which also uses the gradient family's guided backpropagation).
 * Empty until those methods arrive; it is named here so that the layout, and what the package may import, is
 * settled before they do.
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.attribution.gradient}, {@code org.ecglab.data.*},
 * {@code org.ecglab.nn}, {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.cam;
