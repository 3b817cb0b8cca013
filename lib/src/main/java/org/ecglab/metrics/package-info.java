/**
 * Metrics over attribution maps and models: similarity of two maps ({@link org.ecglab.metrics.MapSimilarity},
 * Spearman or Pearson on absolute or signed values) and bootstrap confidence intervals, of a mean
 * ({@link org.ecglab.metrics.BootstrapInterval}) or of any statistic of resampled units
 * ({@link org.ecglab.metrics.PercentileBootstrap}). Pure Java on arrays; depends on nothing above {@code data}.
 */
package org.ecglab.metrics;
