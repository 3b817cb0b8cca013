/**
 * The experiments of the study, each a config record in and a Tablesaw table out (one row per ECG × method ×
 * ...), with summaries carrying bootstrap 95% intervals and results cached on disk by a hash of the config
 * ({@link org.ecglab.experiment.ResultCache}) so a rerun or an interrupted run does not recompute finished work.
 *
 * <p>Experiment 1, inter-method similarity: {@link org.ecglab.experiment.MethodSimilarityExperiment}. Experiment 3,
 * dependence on model weights, starts from the randomised copies of a trained model that
 * {@link org.ecglab.experiment.ModelRandomizer} makes (cascading or one layer at a time, Adebayo et al. 2018).
 * For the method-family notebooks: several methods on the example ECGs with their relevance mass inside the ground
 * truth ({@link org.ecglab.experiment.ExampleExplanations}), and the Shapley estimators' error against exact values by
 * sample count ({@link org.ecglab.experiment.SampleCountStudy}).
 *
 * <p>Where notebooks keep their files and how big their runs are, and the call that starts a notebook
 * ({@code Lab.start()}, which also gives the PyTorch engine the lab's settings):
 * {@link org.ecglab.experiment.Lab}; the data,
 * training settings and seeds they share (so they reuse each other's registered models):
 * {@link org.ecglab.experiment.LabDefaults}; the checks their prose relies on: {@link org.ecglab.experiment.Claims}.
 *
 * <p>May import: {@code org.ecglab}, {@code org.ecglab.attribution.*}, {@code org.ecglab.data.*},
 * {@code org.ecglab.interop}, {@code org.ecglab.metrics}, {@code org.ecglab.nn}, {@code org.ecglab.registry}, {@code org.ecglab.runtime},
 * {@code org.ecglab.stats}, {@code org.ecglab.train}.
 */
package org.ecglab.experiment;
