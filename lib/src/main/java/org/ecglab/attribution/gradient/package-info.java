/**
 * The gradient family: methods built from the gradient of the target logit at the input itself, one forward and
 * one backward pass per ECG (or per noisy copy): {@link org.ecglab.attribution.gradient.Saliency} (Simonyan et al.
 * 2014), {@link org.ecglab.attribution.gradient.InputXGradient} (Shrikumar et al. 2016) and
 * {@link org.ecglab.attribution.gradient.SmoothGrad} with Captum's noise-tunnel variants (SmoothGrad, SmoothGrad²,
 * VarGrad). They use {@link org.ecglab.attribution.GradientComputer} for batched gradients. Guided backpropagation
 * and deconvolution, which change the backward pass itself, live with the layer-by-layer backward engine.
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.data.*}, {@code org.ecglab.nn},
 * {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.gradient;
