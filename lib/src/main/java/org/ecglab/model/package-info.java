/**
 * Task models: networks as data ({@link org.ecglab.model.LayerSpec}, {@link org.ecglab.model.Architecture}) that
 * build DJL blocks and mirror {@code torch.nn.Sequential}; seeded training of one binary model per diagnostic class
 * with early stopping on validation AUROC ({@link org.ecglab.model.TaskModelTrainer}); ranking metrics
 * ({@link org.ecglab.model.BinaryMetrics}); saving and loading ({@link org.ecglab.model.TaskModelStore}); and the
 * differentiable {@link org.ecglab.model.EcgClassifier} that attribution methods call. Depends on {@code data} only.
 */
package org.ecglab.model;
