/**
 * Task models: networks as data ({@link org.ecglab.model.LayerSpec}, {@link org.ecglab.model.Architecture}) that
 * build DJL blocks and mirror {@code torch.nn.Sequential}; seeded training of one binary model per diagnostic class
 * with early stopping on the validation loss ({@link org.ecglab.model.TaskModelTrainer}) or one multi-label model
 * ({@link org.ecglab.model.MultiLabelTrainer}), sharing one epoch loop; ranking metrics
 * ({@link org.ecglab.model.BinaryMetrics}, the ROC curve {@link org.ecglab.model.RocCurve}) with bootstrap
 * intervals over test ECGs ({@link org.ecglab.model.TestEvaluation}); saving and loading ({@link org.ecglab.model.TaskModelStore}); a registry
 * of trained models with provenance ({@link org.ecglab.model.ModelRegistry}) behind the study-scale
 * {@link org.ecglab.model.TaskModelSuite} (nine tasks x K seeds, trained or loaded, as a Tablesaw table); and the
 * differentiable {@link org.ecglab.model.EcgClassifier} that attribution methods call. Depends on {@code data} only; its
 * {@link org.ecglab.model.PercentileBootstrap} is also what {@code metrics} uses for intervals.
 */
package org.ecglab.model;
