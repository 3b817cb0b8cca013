/**
 * The gradient family: methods built from the gradient of the target logit at the input itself, one forward and
 * one backward pass per ECG (or per noisy copy): {@link org.ecglab.attribution.gradient.Saliency} (Simonyan et al.
 * 2014), and in time input × gradient, SmoothGrad and its variants, guided backpropagation and deconvolution.
 * They use {@link org.ecglab.attribution.GradientComputer} for batched gradients.
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.data.*}, {@code org.ecglab.nn},
 * {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.gradient;
