package org.ecglab.train;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.interop.InteropBundle;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;

/**
 * The training benchmarks' workload on disk, so that our child JVMs and PyTorch's script read the very same data:
 * an interop bundle of the default CNN initialised with seed 1 (its {@code inputs.npy} are all 1,278 ECGs, inferred
 * on) plus the training split ({@code train_indices.npy}, int64 rows of the inputs; {@code train_labels.npy}, float32
 * LBBB labels). Data: the synthetic generator's defaults, {@value #PER_CLASS} ECGs per class, seed 7, task LBBB.
 *
 * @param signals     all ECGs {@code [N][12][600]}
 * @param trainRows   rows of {@code signals} trained on
 * @param trainLabels one {@code {0}} or {@code {1}} per row of {@code signals} (only training rows are read)
 */
record BenchmarkWorkload(float[][][] signals, int[] trainRows, float[][] trainLabels) {
    /** Synthetic ECGs per class; nine classes, 60/20/20 split: 765 training records, 1,278 in all. */
    static final int PER_CLASS = 142;
    static final DiagnosticClass TASK = DiagnosticClass.LBBB;
    static final String TRAIN_INDICES = "train_indices.npy";
    static final String TRAIN_LABELS = "train_labels.npy";

    /** Generates the data, initialises the model with seed 1 and writes both to {@code folder} (replaced). */
    static void write(Path folder) throws IOException {
        EcgDataset data = new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(PER_CLASS, 7);
        Architecture architecture = Architecture.defaultCnn(1);
        Engine.getInstance().setRandomSeed(1);
        try (EcgClassifier model = EcgClassifier.of("benchmark", architecture, List.of(TASK.id()))) {
            InteropBundle.write(folder, architecture, model, List.of(TASK.id()), data.signals(),
                    new int[data.size()], Map.of());
        }
        int[] train = data.indices(Split.TRAIN);
        int[] y = data.targets(TASK);
        long[] rows = new long[train.length];
        float[] labels = new float[train.length];
        for (int i = 0; i < train.length; i++) {
            rows[i] = train[i];
            labels[i] = y[train[i]];
        }
        Npy.write(folder.resolve(TRAIN_INDICES), NpyArray.ofLongs(rows, rows.length));
        Npy.write(folder.resolve(TRAIN_LABELS), NpyArray.ofFloats(labels, labels.length));
    }

    /** Reads what {@link #write} wrote. */
    static BenchmarkWorkload read(Path folder) throws IOException {
        float[][][] signals = Npy.read(folder.resolve(InteropBundle.INPUTS)).toFloats3d();
        long[] rows = Npy.read(folder.resolve(TRAIN_INDICES)).toLongs();
        float[] labels = Npy.read(folder.resolve(TRAIN_LABELS)).toFloats();
        int[] train = new int[rows.length];
        float[][] targets = new float[signals.length][];
        for (int i = 0; i < rows.length; i++) {
            train[i] = Math.toIntExact(rows[i]);
            targets[train[i]] = new float[] {labels[i]};
        }
        return new BenchmarkWorkload(signals, train, targets);
    }

    /** Whether {@code folder} holds a workload. */
    static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(TRAIN_LABELS));
    }
}
