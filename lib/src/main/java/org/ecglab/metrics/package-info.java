/**
 * Metrics over attribution maps: similarity of two maps ({@link org.ecglab.metrics.MapSimilarity}, Spearman or
 * Pearson on absolute or signed values) and bootstrap confidence intervals
 * ({@link org.ecglab.metrics.BootstrapInterval}). Pure Java on arrays; depends on nothing above {@code data}.
 */
package org.ecglab.metrics;
