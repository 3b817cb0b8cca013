/**
 * The experiments of the study, each a config record in and a Tablesaw table out (one row per ECG × method ×
 * ...), with summaries carrying bootstrap 95% intervals and results cached on disk by a hash of the config
 * ({@link org.ecglab.experiment.ResultCache}) so a rerun or an interrupted run does not recompute finished work.
 *
 * <p>Experiment 1, inter-method similarity: {@link org.ecglab.experiment.MethodSimilarityExperiment}.
 *
 * <p>Where notebooks keep their files and how big their runs are, and the call that starts a notebook
 * ({@code Lab.start()}, which also gives the PyTorch engine the lab's settings):
 * {@link org.ecglab.experiment.Lab}; the data,
 * training settings and seeds they share (so they reuse each other's registered models):
 * {@link org.ecglab.experiment.LabDefaults}.
 */
package org.ecglab.experiment;
