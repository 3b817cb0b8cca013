package org.ecglab.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.ParameterSnapshot;

/**
 * The epoch loop shared by the binary {@link TaskModelTrainer} and the {@link MultiLabelTrainer}: seeded
 * initialisation, Adam on shuffled mini-batches of a {@code [N][k]} target matrix, the validation loss and AUROC after
 * each epoch, early stopping on the loss, and the best epoch's parameters restored at the end.
 */
final class TrainingLoop {
    private final TrainingConfig config;

    TrainingLoop(TrainingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * What the validation split says about the current parameters, in inference mode.
     *
     * @param loss  the training loss function's mean over the validation records (what early stopping minimises)
     * @param auroc validation AUROC (mean over the outputs of a multi-label model), reported
     */
    record Validation(double loss, double auroc) {
    }

    /**
     * Outcome of the epoch loop.
     *
     * @param stopping        epochs run, best epoch and its validation loss
     * @param validationAuroc validation AUROC after each epoch
     * @param validationLoss  validation loss after each epoch
     * @param loss            mean training loss of each epoch
     */
    record Fit(EarlyStopping stopping, List<Double> validationAuroc, List<Double> validationLoss, List<Double> loss) {
        /** Validation AUROC of the kept (best) epoch. */
        double bestAuroc() {
            return validationAuroc.get(stopping.bestEpoch() - 1);
        }
    }

    /**
     * Trains {@code model}'s (uninitialised) block in place.
     *
     * @param targets         {@code [N][k]} targets in {0, 1}, k = the block's outputs
     * @param train           indices of the training records
     * @param validate      the validation loss and AUROC of the current parameters in inference mode
     * @param id            model id shown on the progress bar
     */
    Fit fit(Model model, Loss loss, float[][][] signals, float[][] targets, int[] train, Supplier<Validation> validate,
            String id) {
        EarlyStopping stopping = new EarlyStopping(config.patience());
        List<Double> aurocs = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        ParameterSnapshot best = null;
        SplittableRandom random = new SplittableRandom(config.seed());
        int[] order = train.clone();
        try (Trainer trainer = model.newTrainer(trainingConfig(loss));
                ConsoleProgress progress = ConsoleProgress.start(config.showProgress(), id, config.maxEpochs(),
                        " epochs")) {
            initialize(trainer, config.seed());
            try (TrainingSteps steps = steps(trainer)) {
                while (stopping.epochs() < config.maxEpochs() && !stopping.shouldStop()) {
                    shuffle(order, random);
                    double meanLoss = steps.epoch(signals, targets, order);
                    if (!Double.isFinite(meanLoss)) {
                        // Diverged weights give NaN logits, which the AUROC would reject with a message naming no
                        // model; the cause is a setting (the learning rate), hence an argument error.
                        throw new IllegalArgumentException(id + ": training diverged at epoch "
                                + (stopping.epochs() + 1) + " (mean loss " + meanLoss + "); lower the learning rate");
                    }
                    Validation v = validate.get();
                    if (stopping.record(v.loss())) {
                        best = ParameterSnapshot.of(model.getBlock());
                    }
                    aurocs.add(v.auroc());
                    validationLosses.add(v.loss());
                    losses.add(meanLoss);
                    progress.step(String.format(Locale.ROOT,
                            "val loss %.4f AUROC %.4f, best @%d (AUROC %.4f), loss %.4f", v.loss(), v.auroc(),
                            stopping.bestEpoch(), aurocs.get(stopping.bestEpoch() - 1), meanLoss));
                }
            }
            progress.finishedAt(stopping.epochs());
        }
        Objects.requireNonNull(best, "no epoch was recorded").restoreInto(model.getBlock(), model.getNDManager());
        return new Fit(stopping, aurocs, validationLosses, losses);
    }

    /** The mean of {@code loss} over logits {@code [n][k]} against targets {@code [n][k]}, computed by the engine. */
    static double meanLoss(Loss loss, NDManager parent, float[][] logits, float[][] targets) {
        int n = logits.length;
        int k = logits[0].length;
        float[] x = new float[n * k];
        float[] y = new float[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(logits[i], 0, x, i * k, k);
            System.arraycopy(targets[i], 0, y, i * k, k);
        }
        try (NDManager m = parent.newSubManager()) {
            NDArray value = loss.evaluate(new NDList(m.create(y, new Shape(n, k))), new NDList(m.create(x, new Shape(n, k))));
            return value.getFloat();
        }
    }

    /** Values as a column {@code [n][1]}, the shape of a one-output model's logits and targets. */
    static float[][] column(float[] values) {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new float[] {values[i]};
        }
        return out;
    }

    /** Targets in {0, 1} as a column {@code [n][1]}. */
    static float[][] column(int[] values) {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new float[] {values[i]};
        }
        return out;
    }

    /** Seeded initialisation of the trainer's block for {@code (1, 12, 600)} input. */
    static void initialize(Trainer trainer, long seed) {
        // Seeding right before initialisation makes the weights a function of the seed alone; the engine takes
        // an int seed, so a long seed is folded by Long.hashCode (the identity for 0 <= seed <= Integer.MAX_VALUE).
        Engine.getInstance().setRandomSeed(Long.hashCode(seed));
        trainer.initialize(new Shape(1, EcgFormat.LEADS, EcgFormat.SAMPLES));
    }

    /** The steps of training {@code trainer}'s (initialised) block with this loop's learning rate and batch size. */
    TrainingSteps steps(Trainer trainer) {
        return new TrainingSteps(trainer, config);
    }

    /**
     * Adam with a fixed learning rate on the CPU. The steps ({@link TrainingSteps}) do not call the trainer's
     * optimiser; {@link AdamState} computes the same update.
     */
    DefaultTrainingConfig trainingConfig(Loss loss) {
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                .build();
        return new DefaultTrainingConfig(loss).optOptimizer(adam).optDevices(new Device[] {Device.cpu()});
    }

    /** Fisher–Yates shuffle in place. */
    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
