/**
 * Metrics over attribution maps, on plain {@code float[12][600]} arrays (so this package needs no model):
 *
 * <ul>
 *   <li>how alike two maps are: {@link org.ecglab.metrics.MapMeasure} (Spearman or Pearson correlation of the
 *       flattened maps from {@code org.ecglab.stats}, top-k overlap, SSIM along time, sign-agnostic variants), on
 *       absolute or signed values ({@link org.ecglab.metrics.ValueMode}); {@link org.ecglab.metrics.MapSimilarity}
 *       flattens, and compares a map without a lead axis ({@code [1][600]}, Grad-CAM) with a 12-lead map on the time
 *       axis;</li>
 *   <li>a map without a lead axis against a 12-lead mask or input: {@link org.ecglab.metrics.LeadAxis};</li>
 *   <li>how rough a map is along time: {@link org.ecglab.metrics.Roughness};</li>
 *   <li>localisation against a ground-truth mask: {@link org.ecglab.metrics.Localization}, and the relevance mass
 *       inside it ({@link org.ecglab.metrics.RelevanceMass});</li>
 *   <li>perturbation tests: features and their order ({@link org.ecglab.metrics.FeatureRanking},
 *       {@link org.ecglab.metrics.PerturbationOrder}), what removed samples become
 *       ({@link org.ecglab.metrics.Replacement}) and the area over the curve ({@link org.ecglab.metrics.Aopc}).</li>
 * </ul>
 *
 * <p>May import: {@code org.ecglab.data.*}, {@code org.ecglab.stats}.
 */
package org.ecglab.metrics;
