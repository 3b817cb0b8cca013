package org.ecglab.plot.experiment;

import java.util.List;
import org.ecglab.experiment.MethodSimilarityExperiment;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.plot.HeatmapFigure;
import tech.tablesaw.api.Table;

/** Experiment 1's figure: the method-by-method heatmap of mean similarity, clustered so agreeing methods sit together. */
public final class SimilarityFigures {
    private SimilarityFigures() {
    }

    /**
     * The heatmap of one task (or {@code "pooled"}) and measure, rows and columns in the average-linkage order of
     * {@link MethodSimilarityExperiment#clusteredOrder}, colour range [−1, 1] (correlations) or [0, 1] (top-k
     * overlap), mean values written in the cells.
     *
     * @param summary a {@link MethodSimilarityExperiment#summarize} table
     * @param methods the method labels to show
     */
    public static HeatmapFigure heatmap(Table summary, String task, MapMeasure measure, List<String> methods) {
        List<String> order = MethodSimilarityExperiment.clusteredOrder(summary, task, measure, methods);
        double[][] values = MethodSimilarityExperiment.matrix(summary, task, measure, order);
        String where = task.equals(MethodSimilarityExperiment.POOLED) ? "pooled over tasks" : task + " task model";
        HeatmapFigure figure = HeatmapFigure.of(values, order)
                .title("Inter-method similarity, " + where + " (" + measure.label().replace('_', ' ') + ")")
                .colorLabel("mean " + measure.name().replace('_', ' ') + " over ECGs");
        return measure.name().startsWith("top") ? figure.range(0, 1) : figure;
    }
}
