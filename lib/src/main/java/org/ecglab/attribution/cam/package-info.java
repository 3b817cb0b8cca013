/**
 * The class-activation-map family: {@link org.ecglab.attribution.cam.GradCam} (Selvaraju et al. 2017) on any layer
 * with a time axis, by default the last convolution, its map resized to the input's 600 samples
 * ({@link org.ecglab.attribution.cam.Upsampling}, PyTorch's interpolation modes). A layer after the first
 * convolution mixes the twelve leads, so these maps have no lead axis: one relevance per time point, {@code [1][600]}
 * per ECG. The activation and gradient at a layer come from running the network in two parts
 * ({@code LayerGradient}), DJL having no hooks.
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.attribution.gradient}, {@code org.ecglab.data.*},
 * {@code org.ecglab.nn}, {@code org.ecglab.runtime}, {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.cam;
