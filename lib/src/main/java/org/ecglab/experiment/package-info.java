/**
 * The experiments of the study, each a config record in and a Tablesaw table out (one row per ECG × method × ...),
 * with summaries carrying percentile bootstrap 95% intervals ({@link org.ecglab.experiment.Summaries}) and results
 * cached on disk by content ({@link org.ecglab.experiment.ResultCache}: config, model weights, ECG signals, library
 * version), so a rerun or an interrupted run does not recompute finished work. Attribution maps are stored per model
 * × method × chunk of ECGs ({@link org.ecglab.experiment.MapStore}), so a killed run resumes at the first unfinished
 * chunk and the experiments share the maps of the same model and ECGs. Every experiment takes a list of
 * {@link org.ecglab.attribution.MethodSpec}s (default: every registered method, {@link org.ecglab.experiment.MethodLists}).
 *
 * <ol>
 *   <li>Inter-method similarity: {@link org.ecglab.experiment.MethodSimilarityExperiment}.</li>
 *   <li>Self-consistency across training seeds: {@link org.ecglab.experiment.SelfConsistencyExperiment}.</li>
 *   <li>Dependence on model weights: {@link org.ecglab.experiment.RandomizationExperiment}, on the randomised copies
 *       {@link org.ecglab.experiment.ModelRandomizer} makes (cascading or one layer at a time, Adebayo et al.
 *       2018).</li>
 *   <li>Input perturbation: {@link org.ecglab.experiment.PerturbationExperiment} and
 *       {@link org.ecglab.experiment.PerturbationSummary} (curves, AOPC); retraining after removal:
 *       {@link org.ecglab.experiment.RemoveAndRetrain}.</li>
 *   <li>Ground-truth localisation (synthetic data): {@link org.ecglab.experiment.LocalizationExperiment}.</li>
 * </ol>
 *
 * <p>Statements "method A scores higher than method B" are backed by paired Wilcoxon tests with Holm's correction
 * ({@link org.ecglab.experiment.MethodComparisons}) and checked in notebooks by {@link org.ecglab.experiment.Claims}.
 *
 * <p>For the method-family notebooks: several methods on the example ECGs with their relevance mass inside the ground
 * truth ({@link org.ecglab.experiment.ExampleExplanations}), and the Shapley estimators' error against exact values by
 * sample count ({@link org.ecglab.experiment.SampleCountStudy}).
 *
 * <p>Where notebooks keep their files and how big their runs are, and the call that starts a notebook
 * ({@code Lab.start()}, which also gives the PyTorch engine the lab's settings):
 * {@link org.ecglab.experiment.Lab}; the data, training settings and seeds they share (so they reuse each other's
 * registered models): {@link org.ecglab.experiment.LabDefaults}; the experiments' settings and sizes of notebooks 09
 * to 14: {@link org.ecglab.experiment.StudyProtocol}; the checks their prose relies on:
 * {@link org.ecglab.experiment.Claims}.
 *
 * <p>May import: {@code org.ecglab}, {@code org.ecglab.attribution.*}, {@code org.ecglab.data.*},
 * {@code org.ecglab.interop}, {@code org.ecglab.metrics}, {@code org.ecglab.nn}, {@code org.ecglab.registry}, {@code org.ecglab.runtime},
 * {@code org.ecglab.stats}, {@code org.ecglab.train}.
 */
package org.ecglab.experiment;
