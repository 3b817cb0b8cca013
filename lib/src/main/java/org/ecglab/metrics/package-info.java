/**
 * Metrics over attribution maps and models: similarity of two maps ({@link org.ecglab.metrics.MapSimilarity},
 * Spearman or Pearson on absolute or signed values) and bootstrap confidence intervals, of a mean
 * ({@link org.ecglab.metrics.BootstrapInterval}); the resampling itself is {@link org.ecglab.model.PercentileBootstrap},
 * which lives in {@code model} because model evaluation (AUROC intervals) needs it and data flows one way.
 */
package org.ecglab.metrics;
