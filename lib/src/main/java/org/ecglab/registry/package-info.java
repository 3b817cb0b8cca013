/**
 * Trained models on disk, and the study's models in one call. {@link org.ecglab.registry.ModelRegistry} keeps one
 * entry folder per (task, seed), binary and multi-label models alike, each holding the weights and one provenance
 * file ({@code provenance.json}: architecture, settings, data hash, scores, library version, the weights'
 * SHA-256; {@link org.ecglab.registry.ModelProvenance}); a stored model is reused only for the same
 * {@link org.ecglab.registry.TrainingSpec}, and damaged, foreign or earlier-layout folders are reported, never
 * silently read or replaced. The lab writes only into a folder that is a registry (marked with
 * {@code ecglab-registry.json}, or new, empty, or holding only what the lab writes), trains an entry under a file
 * lock so that a second run is told instead of replacing the first one's model, and merges results into
 * {@code results.csv} ({@link org.ecglab.registry.ResultsFile}). {@link org.ecglab.registry.TaskModelSuite} trains or loads nine tasks × K seeds through
 * it and reports them as Tablesaw tables ({@link org.ecglab.registry.SuiteResult}).
 *
 * <p>May import: {@code org.ecglab}, {@code org.ecglab.data.*}, {@code org.ecglab.nn}, {@code org.ecglab.stats},
 * {@code org.ecglab.train}.
 */
package org.ecglab.registry;
