/**
 * Training one model: seeded training of one binary task model per diagnostic class
 * ({@link org.ecglab.train.TaskModelTrainer}) or of one multi-label model ({@link org.ecglab.train.MultiLabelTrainer}),
 * sharing one epoch loop with Adam, early stopping ({@link org.ecglab.train.EarlyStopping}) on the validation loss and
 * the best epoch restored; the settings ({@link org.ecglab.train.TrainingConfig}), the weighted loss, the trained
 * models with their histories, test-set AUROC and AUPRC with bootstrap intervals
 * ({@link org.ecglab.train.TestEvaluation}), and the lab's console progress bars
 * ({@link org.ecglab.train.ConsoleProgress}: training's per-epoch bar, also used by the suite and the command line).
 * Storing models and training nine tasks × K seeds is {@code org.ecglab.registry}'s.
 *
 * <p>May import: {@code org.ecglab.data.*}, {@code org.ecglab.nn}, {@code org.ecglab.runtime},
 * {@code org.ecglab.stats}.
 */
package org.ecglab.train;
