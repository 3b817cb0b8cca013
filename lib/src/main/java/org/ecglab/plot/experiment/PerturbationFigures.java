package org.ecglab.plot.experiment;

import java.util.List;
import org.ecglab.experiment.PerturbationExperiment;
import org.ecglab.experiment.Summaries;
import org.ecglab.metrics.PerturbationOrder;
import org.ecglab.plot.CurveFigure;
import tech.tablesaw.api.Table;

/** Experiment 4's figure: the task model's score as more of the input is removed, per method and the random order. */
public final class PerturbationFigures {
    private PerturbationFigures() {
    }

    /**
     * One curve per method in {@code order} and one for the random reference, of the AUROC ({@code auroc}) or the
     * positives' mean logit ({@code mean_logit}) against the percentage removed, with 95% intervals as bands.
     *
     * @param curves a {@link org.ecglab.experiment.PerturbationSummary#curves} table
     * @param task   a class id or {@code "pooled"}
     * @param score  {@code auroc} or {@code mean_logit}
     * @throws IllegalArgumentException for another score, or a method without rows
     */
    public static CurveFigure curves(Table curves, String task, PerturbationOrder order, String score,
            List<String> methods) {
        if (!score.equals("auroc") && !score.equals("mean_logit")) {
            throw new IllegalArgumentException("score must be auroc or mean_logit, got " + score);
        }
        CurveFigure figure = CurveFigure.create();
        for (String method : methods) {
            figure = add(figure, curves, task, method, order.label(), score, method);
        }
        figure = add(figure, curves, task, PerturbationExperiment.RANDOM, PerturbationOrder.RANDOM.label(), score,
                "random order");
        String where = task.equals(Summaries.POOLED) ? "mean over tasks" : task + " task model";
        String label = order == PerturbationOrder.MORF ? "most relevant first" : "least relevant first";
        return figure.title("Perturbation, " + label + " (" + where + ")")
                .xAxisTitle("input features removed (%)")
                .yAxisTitle(score.equals("auroc") ? "task AUROC on perturbed ECGs (95% CI)"
                        : "mean target logit of positives (95% CI)");
    }

    private static CurveFigure add(CurveFigure figure, Table curves, String task, String method, String order,
            String score, String name) {
        Table rows = Summaries.select(curves, "task", task, "method", method, "order", order);
        if (rows.rowCount() == 0) {
            throw new IllegalArgumentException("no " + order + " curve for " + method + " (" + task + ")");
        }
        return figure.curve(name, rows.doubleColumn("percent").asDoubleArray(), rows.doubleColumn(score)
                .asDoubleArray(), rows.doubleColumn(score + "_low").asDoubleArray(), rows.doubleColumn(score
                + "_high").asDoubleArray());
    }
}
