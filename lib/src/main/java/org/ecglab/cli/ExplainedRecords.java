package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options {@code explain} and {@code export} share (a picocli mixin): the dataset, the model
 * ({@link ModelSelection}), the split and whether only the task's positives are taken; and opening them: the model
 * loaded, the records selected, one target logit per record.
 */
final class ExplainedRecords {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Dataset .npz file.")
    Path data;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Model (by registry key or by folder):%n")
    ModelSelection model;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "Which records to use: ${COMPLETION-CANDIDATES}.")
    Split split;

    @Option(names = "--positives-only", description = "Only records that carry the explained task's class.")
    boolean positivesOnly;

    /**
     * The opened selection. Owns the model: close it.
     *
     * @param model    the model with the logit to explain
     * @param records  the selected records, in dataset order
     * @param targets  the explained logit of each record
     * @param sameData whether the dataset is the one the model was trained on (a warning went to stderr if not)
     */
    record Opened(SelectedModel model, EcgDataset records, int[] targets, boolean sameData) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    /**
     * Loads the dataset and the model and selects the records.
     *
     * @param limit at most this many records (the first ones), 0 = all
     * @param err   where the warning about other data goes
     * @throws IOException              naming the file if the dataset or the model cannot be read
     * @throws IllegalArgumentException if nothing is selected or the task is not one of the model's outputs
     */
    Opened open(int limit, PrintWriter err) throws IOException {
        EcgDataset dataset = DatasetIo.load(data);
        SelectedModel sm = model.load();
        try {
            boolean sameData = sm.checkTrainingData(dataset, data, err);
            EcgDataset selected = dataset.subset(RecordSelection.select(dataset, split, sm.task(), positivesOnly,
                    limit, data));
            int[] targets = new int[selected.size()];
            Arrays.fill(targets, sm.target());
            return new Opened(sm, selected, targets, sameData);
        } catch (RuntimeException e) {
            sm.close();
            throw e;
        }
    }

    /** "the test split" or "the test split (positives of LBBB)", for reports. */
    String describe(SelectedModel sm) {
        return "the " + RecordSelection.name(split) + " split" + (positivesOnly ? " (positives of " + sm.task().id()
                + ")" : "");
    }
}
