/**
 * The perturbation family: model-agnostic methods that need only logits, Captum's parameter names and defaults.
 * {@link org.ecglab.attribution.perturbation.Occlusion} (sliding windows), and four methods over the features of a
 * {@link org.ecglab.attribution.FeatureMask}: {@link org.ecglab.attribution.perturbation.FeatureAblation},
 * {@link org.ecglab.attribution.perturbation.Lime}, {@link org.ecglab.attribution.perturbation.KernelShap} and
 * {@link org.ecglab.attribution.perturbation.ShapleyValueSampling}; plus
 * {@link org.ecglab.attribution.perturbation.ExactShapley}, the enumeration the sampling methods estimate.
 *
 * <p>Each method turns every ECG into a plan of perturbed inputs, and one
 * {@link org.ecglab.attribution.perturbation.BatchedEvaluator} packs the rows of all plans into forward passes of
 * {@code perturbations_per_eval} inputs, so memory is bounded whatever the number of ECGs. Random draws come from a
 * stream per ECG (the seed and the ECG's values), so maps do not depend on the batch or chunk, and are recorded with
 * the masks as per-ECG samples that the interop bundle writes. The surrogates of LIME and KernelSHAP are scikit-learn's
 * estimators as Captum uses them: a weighted Lasso by coordinate descent, and minimum-norm weighted least squares
 * through Commons Math's eigendecomposition.
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.data.*}, {@code org.ecglab.nn},
 * {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.perturbation;
