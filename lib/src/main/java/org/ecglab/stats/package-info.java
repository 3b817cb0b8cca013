/**
 * Statistics at the bottom of the lab, on plain arrays: ranking metrics of a binary classifier
 * ({@link org.ecglab.stats.BinaryMetrics}: AUROC by the Mann–Whitney statistic, average precision; the ROC curve
 * {@link org.ecglab.stats.RocCurve}), the percentile bootstrap of any statistic
 * ({@link org.ecglab.stats.PercentileBootstrap}, {@link org.ecglab.stats.IndexStatistic}) and of a mean
 * ({@link org.ecglab.stats.BootstrapInterval}), and correlation coefficients ({@link org.ecglab.stats.Correlation},
 * Spearman with midranks and Pearson), the Wilcoxon signed-rank test of paired samples
 * ({@link org.ecglab.stats.PairedTest}) with Holm's correction ({@link org.ecglab.stats.Holm}), and the leaf order
 * of an average-linkage clustering ({@link org.ecglab.stats.AverageLinkage}). Model evaluation, metrics over maps and
 * the experiments all use these.
 *
 * <p>May import: nothing of ours.
 */
package org.ecglab.stats;
