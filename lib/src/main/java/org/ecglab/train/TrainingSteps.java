package org.ecglab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.ecglab.nn.GradRecording;
import org.ecglab.nn.Tensors;
import org.ecglab.runtime.EngineWorkers;
import org.ecglab.runtime.GradientSelfCheck;
import org.ecglab.runtime.OneThreadPhase;

/**
 * The mini-batch steps of training one block: for each batch, the forward pass in training mode, the loss, the
 * backward pass and an {@link AdamState Adam} update, the same operations as DJL's {@code Trainer.forward},
 * {@code GradientCollector.backward} and {@code Trainer.step}.
 *
 * <p>Every operation runs with one intra-op thread, whatever the calling thread's count, so the weights after training
 * are the same bits with one thread and with two ({@code TrainingStepsTest}). With more than one thread, the other
 * cores do the work that does not need the step before it, on {@link EngineWorkers}: writing the next batch into the
 * engine while this one is computed, and Adam's update of the parameters layer by layer while the next forward pass
 * already runs through the layers updated so far (it waits at a layer whose parameters are not yet updated), then
 * freeing the step's arrays.
 *
 * <p>Why: with {@code OMP_WAIT_POLICY=PASSIVE}, a training step of the default CNN at batch 32 gained nothing from a
 * second intra-op thread (its backward pass took 6.5 ms with one or two), because each of its hundreds of short
 * kernels wakes the second thread and waits for it; the forward pass and Adam lost time to it. With the side work
 * instead, steps took 12.3 to 13.8 ms at two threads, against 13.3 to 16.2 with only the backward pass on two (issue
 * 15's item 6 in the README).
 */
final class TrainingSteps implements AutoCloseable {
    private final Trainer trainer;
    private final int batchSize;
    private final List<Block> layers = new ArrayList<>();
    /** For each layer, the index of its last trainable parameter in {@link #adam}, or -1 for none. */
    private final int[] lastParameter;
    private final AdamState adam;
    private final ParameterStore parameterStore;

    /**
     * @param trainer an initialised trainer: its block, loss and manager are used, not its optimiser
     * @param config  the learning rate (Adam's η) and the batch size
     */
    TrainingSteps(Trainer trainer, TrainingConfig config) {
        this.trainer = trainer;
        this.batchSize = config.batchSize();
        Block block = trainer.getModel().getBlock();
        if (block instanceof SequentialBlock sequential) {
            sequential.getChildren().values().forEach(layers::add);
        } else {
            layers.add(block);
        }
        List<NDArray> weights = new ArrayList<>();
        lastParameter = new int[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            lastParameter[l] = -1;
            for (Parameter p : layers.get(l).getParameters().values()) {
                if (p.requiresGradient()) {
                    weights.add(p.getArray());
                    lastParameter[l] = weights.size() - 1;
                }
            }
        }
        adam = new AdamState(weights, (float) config.learningRate());
        // Without a copy and on the block's device, the store hands out each parameter's own array.
        parameterStore = new ParameterStore(trainer.getManager(), false);
    }

    /**
     * One pass over the records in {@code order}, in batches of the batch size, after the gradient self-check of the
     * block on this CPU (a lookup once it has passed).
     *
     * @param signals {@code [N][12][600]} ECGs
     * @param targets {@code [N][k]} targets, k = the block's outputs
     * @return the mean loss per record
     */
    double epoch(float[][][] signals, float[][] targets, int[] order) {
        // Backward-data of one layer feeds the weight gradients of the layers below it.
        GradientSelfCheck.ensure(trainer.getModel().getBlock());
        EngineWorkers workers = EngineWorkers.forCallingThread();
        return OneThreadPhase.run(() -> workers == null ? oneAfterAnother(signals, targets, order)
                : sideBySide(workers, signals, targets, order));
    }

    private double oneAfterAnother(float[][][] signals, float[][] targets, int[] order) {
        double lossSum = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            try (Batch batch = prepare(signals, targets, order, from)) {
                lossSum += forwardAndBackward(batch, null);
                float rate = adam.nextStep();
                for (int i = 0; i < adam.size(); i++) {
                    adam.update(i, rate);
                }
            }
        }
        return lossSum / order.length;
    }

    private double sideBySide(EngineWorkers workers, float[][][] signals, float[][] targets, int[] order) {
        double lossSum = 0;
        Thread caller = Thread.currentThread();
        Future<Batch> next = workers.submit(() -> prepare(signals, targets, order, 0));
        StepUpdate update = null;
        Batch batch = null;
        try {
            for (int from = 0; from < order.length; from += batchSize) {
                batch = EngineWorkers.await(next);
                next = null;
                int following = from + batchSize;
                if (following < order.length) {
                    next = workers.submit(() -> prepare(signals, targets, order, following));
                }
                lossSum += forwardAndBackward(batch, update);
                update = new StepUpdate(adam.nextStep());
                Batch done = batch;
                StepUpdate u = update;
                update.worker = workers.submit(() -> {
                    try (done) {
                        while (u.updateNext()) {
                            LockSupport.unpark(caller);
                        }
                    }
                    return null;
                });
                batch = null; // the worker frees it
            }
            update.awaitAll();
            update = null;
        } finally {
            // On failure: nothing may still run on this step's or the next batch's arrays when they are freed.
            if (update != null) {
                finish(update.worker);
            }
            Batch prepared = finish(next);
            if (prepared != null) {
                prepared.close();
            }
            if (batch != null) {
                batch.close();
            }
        }
        return lossSum / order.length;
    }

    /**
     * One step's Adam update, shared by the calling thread and a worker: each takes the next parameter not yet taken,
     * in layer order, so a forward pass that reaches a layer not yet updated updates it itself rather than wait for
     * a worker the JIT compiler or another process has delayed.
     */
    private final class StepUpdate {
        private final float rate;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicIntegerArray done = new AtomicIntegerArray(adam.size());
        private Future<?> worker;

        StepUpdate(float rate) {
            this.rate = rate;
        }

        /** Updates the next parameter not yet taken; false when none is left. */
        boolean updateNext() {
            int i = next.getAndIncrement();
            if (i >= adam.size()) {
                return false;
            }
            adam.update(i, rate);
            done.set(i, 1);
            return true;
        }

        /** Returns once parameters 0 to {@code last} are updated, updating those not yet taken itself. */
        void awaitUpTo(int last) {
            for (int i = 0; i <= last; i++) {
                while (done.get(i) == 0) {
                    if (next.get() <= last) {
                        updateNext();
                    } else if (worker.isDone()) {
                        EngineWorkers.await(worker); // the worker's failure; otherwise it finished meanwhile
                    } else {
                        LockSupport.parkNanos(this, 50_000);
                    }
                }
            }
        }

        /** Returns once every parameter is updated and the worker is done. */
        void awaitAll() {
            awaitUpTo(adam.size() - 1);
            EngineWorkers.await(worker);
        }
    }

    /** Waits for {@code task} if it is running, ignoring its failure; returns its value or null. */
    private static <T> T finish(Future<T> task) {
        if (task == null) {
            return null;
        }
        try {
            return EngineWorkers.await(task);
        } catch (RuntimeException | Error e) {
            return null;
        }
    }

    /**
     * The forward pass of {@code batch}, its loss and the backward pass; returns the loss times the batch's records.
     * With the previous step's {@code update} under way, each layer first waits for its parameters, and the backward
     * pass for all of them.
     */
    private double forwardAndBackward(Batch batch, StepUpdate update) {
        Loss loss = trainer.getLoss();
        try (GradRecording recording = GradRecording.start()) {
            NDList h = new NDList(batch.input());
            for (int l = 0; l < layers.size(); l++) {
                if (update != null && lastParameter[l] >= 0) {
                    update.awaitUpTo(lastParameter[l]);
                }
                // Training mode: batch statistics, dropout on (Trainer.forward's).
                h = layers.get(l).forward(parameterStore, h, true);
            }
            NDArray value = loss.evaluate(new NDList(batch.targets()), h);
            if (update != null) {
                update.awaitAll();
            }
            GradRecording.backward(value);
            return value.getFloat() * batch.targets().getShape().get(0);
        }
    }

    /** A batch's input and targets, in a manager of its own that frees them (and the step's arrays) on close. */
    private record Batch(NDManager manager, NDArray input, NDArray targets) implements AutoCloseable {
        @Override
        public void close() {
            manager.close();
        }
    }

    /** The batch of records {@code order[from..from + batch size)}. */
    private Batch prepare(float[][][] signals, float[][] targets, int[] order, int from) {
        int to = Math.min(order.length, from + batchSize);
        int k = targets[order[from]].length;
        NDManager manager = trainer.getManager().newSubManager();
        try {
            NDArray x = Tensors.signals(manager, signals, order, from, to);
            float[] flat = new float[(to - from) * k];
            for (int r = from; r < to; r++) {
                float[] row = targets[order[r]];
                if (row.length != k) {
                    throw new IllegalArgumentException("targets of record " + order[r] + " have " + row.length
                            + " values, those of record " + order[from] + " " + k);
                }
                System.arraycopy(row, 0, flat, (r - from) * k, k);
            }
            return new Batch(manager, x, manager.create(flat, new Shape(to - from, k)));
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public void close() {
        adam.close();
    }
}
