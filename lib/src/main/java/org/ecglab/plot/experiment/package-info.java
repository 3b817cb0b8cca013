/**
 * The figures of the study's experiments, built from their result tables: the clustered method-by-method similarity
 * heatmap ({@link org.ecglab.plot.experiment.SimilarityFigures}), the self-consistency box plots with the study's
 * band ({@link org.ecglab.plot.experiment.ConsistencyFigures}), the randomisation curves
 * ({@link org.ecglab.plot.experiment.RandomizationFigures}), the perturbation curves
 * ({@link org.ecglab.plot.experiment.PerturbationFigures}) and the localisation heatmap
 * ({@link org.ecglab.plot.experiment.LocalizationFigures}). Kept apart from {@code org.ecglab.plot}, whose figures
 * take plain arrays and know nothing of experiments.
 *
 * <p>May import: {@code org.ecglab.experiment}, {@code org.ecglab.metrics}, {@code org.ecglab.plot}.
 */
package org.ecglab.plot.experiment;
