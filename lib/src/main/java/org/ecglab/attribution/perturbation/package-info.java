/**
 * The perturbation family, to come: model-agnostic methods that need only logits (occlusion, feature ablation,
 * LIME, KernelSHAP, Shapley value sampling) over ECG-shaped features (time segments, leads, wave segments), with
 * batched model evaluations and surrogate fits. Empty until those methods arrive; it is named here so that the
 * layout, and what the package may import, is settled before they do.
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.data.*}, {@code org.ecglab.nn},
 * {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.perturbation;
