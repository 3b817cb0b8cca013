package org.ecglab.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.train.TrainedMultiLabelModel;
import org.ecglab.train.TrainedTaskModel;
import tech.tablesaw.api.Table;

/**
 * What {@link TaskModelSuite} returns: the models (open; close the result when done), their provenance, a table
 * with one row per (model, task, seed) and a per-task summary over seeds. Models that came from the registry are
 * marked {@code loaded = true} in the table and counted in {@link #loadedCount()}.
 */
public final class SuiteResult implements AutoCloseable {
    private final List<TrainedTaskModel> models;
    private final List<TrainedMultiLabelModel> multiLabelModels;
    private final List<ModelProvenance> provenance;
    private final Table table;
    private final Table summary;
    private final int trained;

    SuiteResult(List<TrainedTaskModel> models, List<TrainedMultiLabelModel> multiLabelModels,
            List<ModelProvenance> provenance, Table table, Table summary, int trained) {
        this.models = List.copyOf(models);
        this.multiLabelModels = List.copyOf(multiLabelModels);
        this.provenance = List.copyOf(provenance);
        this.table = Objects.requireNonNull(table, "table");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.trained = trained;
    }

    /** Binary task models in (task, seed) order as requested; empty for a multi-label run. */
    public List<TrainedTaskModel> models() {
        return models;
    }

    /** The K seeds' models of one task, in seed order (e.g. for the self-consistency experiment). */
    public List<TrainedTaskModel> models(DiagnosticClass task) {
        return models.stream().filter(m -> m.task() == task).toList();
    }

    /**
     * The binary model of ({@code task}, {@code seed}).
     *
     * @throws IllegalArgumentException if this run has no such model
     */
    public TrainedTaskModel model(DiagnosticClass task, long seed) {
        return models.stream().filter(m -> m.task() == task && m.seed() == seed).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + TrainedTaskModel.id(task, seed)
                        + " in this result; it has " + models.stream().map(TrainedTaskModel::id).toList()));
    }

    /** Multi-label models in seed order; empty for a binary run. */
    public List<TrainedMultiLabelModel> multiLabelModels() {
        return multiLabelModels;
    }

    /** Provenance of every model, in model order. */
    public List<ModelProvenance> provenance() {
        return provenance;
    }

    /** One row per (model, task, seed); columns as {@link TaskModelSuite} documents. */
    public Table table() {
        return table;
    }

    /** Means over seeds per (model, task). */
    public Table summary() {
        return summary;
    }

    /** Models trained in this run. */
    public int trainedCount() {
        return trained;
    }

    /** Models loaded from the registry in this run. */
    public int loadedCount() {
        return models.size() + multiLabelModels.size() - trained;
    }

    /** Closes every model. */
    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(models);
        all.addAll(multiLabelModels);
        RuntimeException first = null;
        for (AutoCloseable m : all) {
            try {
                m.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing " + m + " failed", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "SuiteResult[" + (models.size() + multiLabelModels.size()) + " models, " + trained + " trained, "
                + loadedCount() + " loaded]";
    }
}
