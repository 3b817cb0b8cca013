package org.ecglab.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Split;

/**
 * Trains one binary task model per call: the network of an {@link Architecture} with a single logit, fitted on the
 * TRAIN split with Adam and binary cross entropy on logits, early-stopped on VALIDATION AUROC (the parameters of
 * the best epoch are kept, batch-norm running statistics included), and scored on the TEST split.
 *
 * <p>Reproducible: {@code Engine.setRandomSeed(seed)} before initialisation seeds the weights (He-normal, DJL's
 * default) and dropout, and the training records are shuffled each epoch by a {@link SplittableRandom} seeded with
 * the same seed. With one intra-op thread the same seed gives bit-identical weights; more threads may change the
 * order of floating-point sums. The engine's random seed is global, so do not train models concurrently in one JVM.
 */
public final class TaskModelTrainer {
    private final Architecture architecture;
    private final TrainingConfig config;

    /**
     * @param architecture a network with exactly one output (the task's logit)
     * @param config       training settings
     * @throws IllegalArgumentException if the architecture has more than one output
     */
    public TaskModelTrainer(Architecture architecture, TrainingConfig config) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.config = Objects.requireNonNull(config, "config");
        if (architecture.outputs() != 1) {
            throw new IllegalArgumentException("a task model needs 1 output, architecture " + architecture.name()
                    + " has " + architecture.outputs());
        }
    }

    /** The default CNN with one output. */
    public TaskModelTrainer(TrainingConfig config) {
        this(Architecture.defaultCnn(1), config);
    }

    /**
     * Trains a model detecting {@code task}.
     *
     * @throws IllegalArgumentException if a split has no positive or no negative record for the task
     */
    public TrainedTaskModel train(EcgDataset data, DiagnosticClass task) {
        int[] y = data.targets(task);
        int[] train = requireBothClasses(data, task, Split.TRAIN, y);
        int[] validation = requireBothClasses(data, task, Split.VALIDATION, y);
        int[] test = requireBothClasses(data, task, Split.TEST, y);
        String id = TrainedTaskModel.id(task, config.seed());
        Model model = Model.newInstance(id, Device.cpu());
        try {
            model.setBlock(architecture.toBlock());
            EcgClassifier classifier = EcgClassifier.of(model, List.of(task.id()));
            Fit fit = fit(model, classifier, data.signals(), y, train, validation, id);
            double testAuroc = BinaryMetrics.auroc(scores(classifier, data.signals(), test), select(y, test));
            double testAuprc = BinaryMetrics.auprc(scores(classifier, data.signals(), test), select(y, test));
            return new TrainedTaskModel(task, config.seed(), architecture, config, data.name(), classifier,
                    fit.stopping.epochs(), fit.stopping.bestEpoch(), fit.stopping.bestScore(), testAuroc, testAuprc,
                    fit.validationAuroc, fit.loss);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Outcome of the epoch loop. */
    private record Fit(EarlyStopping stopping, List<Double> validationAuroc, List<Double> loss) {
    }

    private Fit fit(Model model, EcgClassifier classifier, float[][][] signals, int[] y, int[] train,
            int[] validation, String id) {
        int[] validationLabels = select(y, validation);
        EarlyStopping stopping = new EarlyStopping(config.patience());
        List<Double> aurocs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        ParameterSnapshot best = null;
        SplittableRandom random = new SplittableRandom(config.seed());
        int[] order = train.clone();
        try (Trainer trainer = model.newTrainer(trainingConfig(y, train));
                TrainingProgress progress = new TrainingProgress(id, config.maxEpochs(), config.showProgress())) {
            // Seeding right before initialisation makes the weights a function of the seed alone; the engine takes
            // an int seed, so a long seed is folded by Long.hashCode (the identity for 0 <= seed <= Integer.MAX_VALUE).
            Engine.getInstance().setRandomSeed(Long.hashCode(config.seed()));
            trainer.initialize(new Shape(1, EcgFormat.LEADS, EcgFormat.SAMPLES));
            while (stopping.epochs() < config.maxEpochs() && !stopping.shouldStop()) {
                shuffle(order, random);
                double loss = epoch(trainer, signals, y, order);
                double auroc = BinaryMetrics.auroc(scores(classifier, signals, validation), validationLabels);
                if (stopping.record(auroc)) {
                    best = ParameterSnapshot.of(model.getBlock());
                }
                aurocs.add(auroc);
                losses.add(loss);
                progress.epochDone(loss, auroc, stopping.bestEpoch(), stopping.bestScore());
            }
            progress.stoppedAt(stopping.epochs());
        }
        Objects.requireNonNull(best, "no epoch was recorded").restoreInto(model.getBlock(), model.getNDManager());
        return new Fit(stopping, aurocs, losses);
    }

    /** One pass over the training records in {@code order}; returns the mean loss per record. */
    private double epoch(Trainer trainer, float[][][] signals, int[] y, int[] order) {
        double lossSum = 0;
        for (int from = 0; from < order.length; from += config.batchSize()) {
            int to = Math.min(order.length, from + config.batchSize());
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray x = Tensors.signals(batch, signals, order, from, to);
                float[] targets = new float[to - from];
                for (int k = from; k < to; k++) {
                    targets[k - from] = y[order[k]];
                }
                NDArray labels = batch.create(targets, new Shape(to - from, 1));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    // Trainer.forward runs the block in training mode: batch statistics, dropout on.
                    NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                    collector.backward(loss);
                    lossSum += loss.getFloat() * (to - from);
                }
                trainer.step();
            }
        }
        return lossSum / order.length;
    }

    private DefaultTrainingConfig trainingConfig(int[] y, int[] train) {
        Loss loss;
        if (config.balanceClasses()) {
            int positives = Arrays.stream(select(y, train)).sum(); // > 0, checked before
            loss = new WeightedBinaryCrossEntropy((train.length - positives) / (double) positives);
        } else {
            loss = new SigmoidBinaryCrossEntropyLoss("BCE", 1f, false);
        }
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                .build();
        return new DefaultTrainingConfig(loss).optOptimizer(adam).optDevices(new Device[] {Device.cpu()});
    }

    /** Inference-mode logits of the given records, as scores. */
    static float[] scores(EcgClassifier classifier, float[][][] signals, int[] indices) {
        float[][][] subset = new float[indices.length][][];
        for (int k = 0; k < indices.length; k++) {
            subset[k] = signals[indices[k]];
        }
        float[][] logits = classifier.predictLogits(subset, 256);
        float[] s = new float[logits.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = logits[k][0];
        }
        return s;
    }

    private static int[] requireBothClasses(EcgDataset data, DiagnosticClass task, Split split, int[] y) {
        int[] idx = data.indices(split);
        int positives = Arrays.stream(select(y, idx)).sum();
        if (positives == 0 || positives == idx.length) {
            throw new IllegalArgumentException(data.name() + ": the " + split + " split has " + positives
                    + " positive and " + (idx.length - positives) + " negative records for " + task.id()
                    + "; training and evaluation need both");
        }
        return idx;
    }

    private static int[] select(int[] values, int[] indices) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = values[indices[k]];
        }
        return out;
    }

    /** Fisher–Yates shuffle in place. */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public String toString() {
        return "TaskModelTrainer[" + architecture.name() + ", " + config + "]";
    }
}
