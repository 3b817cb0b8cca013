/**
 * Metrics over attribution maps: the similarity of two maps ({@link org.ecglab.metrics.MapSimilarity}: flattened,
 * or on the time axis when one has no lead axis,
 * on absolute or signed values ({@link org.ecglab.metrics.ValueMode}), by Spearman or Pearson correlation from
 * {@code org.ecglab.stats}); localisation against ground-truth masks: the relevance mass inside a mask
 * ({@link org.ecglab.metrics.RelevanceMass}); perturbation curves belong here as they arrive. Maps are plain {@code float[12][600]} arrays, so this package needs no model.
 *
 * <p>May import: {@code org.ecglab.data.*}, {@code org.ecglab.stats}.
 */
package org.ecglab.metrics;
