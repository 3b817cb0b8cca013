package org.ecglab.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.train.TestEvaluation;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The tables of a {@link TaskModelSuite} run: one row per (model, task, seed), and means over seeds per task. */
final class SuiteTables {
    /** Columns of {@link #models}, in order. */
    static final List<String> COLUMNS = List.of("model", "task", "seed", "epochs", "best_epoch", "val_auroc",
            "test_auroc", "test_auroc_low", "test_auroc_high", "test_auprc", "test_auprc_low", "test_auprc_high",
            "n_test_pos", "n_test_neg", "loaded");
    /** The columns that identify a row: one output of one model. */
    static final List<String> KEY = List.of("model", "task", "seed");

    private SuiteTables() {
    }

    /**
     * One output of one model.
     *
     * @param model  {@code "binary"} or {@code "multilabel"}
     * @param loaded whether the model came from the registry rather than being trained in this run
     */
    record Row(String model, DiagnosticClass task, long seed, int epochs, int bestEpoch, double validationAuroc,
            TestEvaluation test, boolean loaded) {
    }

    /**
     * Columns: model, task, seed, epochs, best_epoch, val_auroc, test_auroc, test_auroc_low, test_auroc_high,
     * test_auprc, test_auprc_low, test_auprc_high, n_test_pos, n_test_neg, loaded.
     */
    static Table models(String name, List<Row> rows) {
        StringColumn model = StringColumn.create("model");
        StringColumn task = StringColumn.create("task");
        LongColumn seed = LongColumn.create("seed");
        IntColumn epochs = IntColumn.create("epochs");
        IntColumn best = IntColumn.create("best_epoch");
        DoubleColumn val = DoubleColumn.create("val_auroc");
        DoubleColumn auroc = DoubleColumn.create("test_auroc");
        DoubleColumn aurocLow = DoubleColumn.create("test_auroc_low");
        DoubleColumn aurocHigh = DoubleColumn.create("test_auroc_high");
        DoubleColumn auprc = DoubleColumn.create("test_auprc");
        DoubleColumn auprcLow = DoubleColumn.create("test_auprc_low");
        DoubleColumn auprcHigh = DoubleColumn.create("test_auprc_high");
        IntColumn pos = IntColumn.create("n_test_pos");
        IntColumn neg = IntColumn.create("n_test_neg");
        BooleanColumn loaded = BooleanColumn.create("loaded");
        for (Row r : rows) {
            model.append(r.model());
            task.append(r.task().id());
            seed.append(r.seed());
            epochs.append(r.epochs());
            best.append(r.bestEpoch());
            val.append(r.validationAuroc());
            auroc.append(r.test().auroc().estimate());
            aurocLow.append(r.test().auroc().lower());
            aurocHigh.append(r.test().auroc().upper());
            auprc.append(r.test().auprc().estimate());
            auprcLow.append(r.test().auprc().lower());
            auprcHigh.append(r.test().auprc().upper());
            pos.append(r.test().positives());
            neg.append(r.test().negatives());
            loaded.append(r.loaded());
        }
        return Table.create(name, model, task, seed, epochs, best, val, auroc, aurocLow, aurocHigh, auprc, auprcLow,
                auprcHigh, pos, neg, loaded);
    }

    /**
     * Per (model, task), in first-seen order: seeds, mean_val_auroc, mean_test_auroc, sd_test_auroc (sample SD over
     * seeds; NaN for one seed), min_test_auroc, max_test_auroc, mean_test_auprc, mean_epochs.
     */
    static Table summary(String name, List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.model() + "\u0000" + r.task().id(), k -> new ArrayList<>()).add(r);
        }
        StringColumn model = StringColumn.create("model");
        StringColumn task = StringColumn.create("task");
        IntColumn seeds = IntColumn.create("seeds");
        DoubleColumn val = DoubleColumn.create("mean_val_auroc");
        DoubleColumn auroc = DoubleColumn.create("mean_test_auroc");
        DoubleColumn sd = DoubleColumn.create("sd_test_auroc");
        DoubleColumn min = DoubleColumn.create("min_test_auroc");
        DoubleColumn max = DoubleColumn.create("max_test_auroc");
        DoubleColumn auprc = DoubleColumn.create("mean_test_auprc");
        DoubleColumn epochs = DoubleColumn.create("mean_epochs");
        for (List<Row> g : groups.values()) {
            SummaryStatistics v = new SummaryStatistics();
            SummaryStatistics a = new SummaryStatistics();
            SummaryStatistics p = new SummaryStatistics();
            SummaryStatistics e = new SummaryStatistics();
            for (Row r : g) {
                v.addValue(r.validationAuroc());
                a.addValue(r.test().auroc().estimate());
                p.addValue(r.test().auprc().estimate());
                e.addValue(r.epochs());
            }
            model.append(g.get(0).model());
            task.append(g.get(0).task().id());
            seeds.append(g.size());
            val.append(v.getMean());
            auroc.append(a.getMean());
            sd.append(g.size() > 1 ? a.getStandardDeviation() : Double.NaN);
            min.append(a.getMin());
            max.append(a.getMax());
            auprc.append(p.getMean());
            epochs.append(e.getMean());
        }
        return Table.create(name, model, task, seeds, val, auroc, sd, min, max, auprc, epochs);
    }
}
