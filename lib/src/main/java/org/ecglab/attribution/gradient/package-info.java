/**
 * The gradient family: methods built from the gradient of the target logit at the input itself, one forward and
 * one backward pass per ECG (or per noisy copy): {@link org.ecglab.attribution.gradient.Saliency} (Simonyan et al.
 * 2014), {@link org.ecglab.attribution.gradient.InputXGradient} (Shrikumar et al. 2016) and
 * {@link org.ecglab.attribution.gradient.SmoothGrad} with Captum's noise-tunnel variants (SmoothGrad, SmoothGrad²,
 * VarGrad). They use {@link org.ecglab.attribution.GradientComputer} for batched gradients. Guided backpropagation
 * ({@link org.ecglab.attribution.gradient.GuidedBackprop}) and deconvolution
 * ({@link org.ecglab.attribution.gradient.Deconvolution}) replace the ReLUs' backward pass and walk the layers with
 * {@link org.ecglab.attribution.backprop}.
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.attribution.backprop}, {@code org.ecglab.data.*}, {@code org.ecglab.nn},
 * {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.gradient;
