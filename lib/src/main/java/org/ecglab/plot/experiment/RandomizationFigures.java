package org.ecglab.plot.experiment;

import java.util.ArrayList;
import java.util.List;
import org.ecglab.experiment.RandomizationMode;
import org.ecglab.experiment.Summaries;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.plot.CurveFigure;
import tech.tablesaw.api.Table;

/** Experiment 3's figure: similarity to the trained model's map after each randomisation step, per method. */
public final class RandomizationFigures {
    private RandomizationFigures() {
    }

    /**
     * One curve per method: the mean similarity (pooled over tasks) after each step, with its 95% interval as a band.
     *
     * @param summary a {@link org.ecglab.experiment.RandomizationExperiment#summarize} table
     * @throws IllegalArgumentException if a method has no rows for the mode and measure
     */
    public static CurveFigure curves(Table summary, RandomizationMode mode, MapMeasure measure,
            List<String> methods) {
        CurveFigure figure = CurveFigure.create();
        List<String> undefined = new ArrayList<>();
        for (String method : methods) {
            Table rows = Summaries.select(summary, "task", Summaries.POOLED, "mode", mode.label(), "method", method,
                    "measure", measure.label());
            if (rows.rowCount() == 0) {
                throw new IllegalArgumentException("no pooled " + mode.label() + " rows for " + method + " and "
                        + measure.label());
            }
            // A step whose every score is undefined (constant maps, e.g. a method that returns zeros for a
            // randomised model) has no point; a method without any defined step has no curve and is named instead.
            Table defined = rows.where(rows.doubleColumn("mean").isNotMissing()
                    .and(rows.doubleColumn("ci_low").isNotMissing()).and(rows.doubleColumn("ci_high").isNotMissing()));
            if (defined.rowCount() == 0) {
                undefined.add(method);
                continue;
            }
            double[] x = defined.stringColumn("step").asList().stream().mapToDouble(Double::parseDouble).toArray();
            figure = figure.curve(method, x, defined.doubleColumn("mean").asDoubleArray(),
                    defined.doubleColumn("ci_low").asDoubleArray(), defined.doubleColumn("ci_high").asDoubleArray());
        }
        String steps = mode == RandomizationMode.CASCADING
                ? "layers re-initialised, from the output layer down" : "the one layer re-initialised (1 = output)";
        return figure.title((mode == RandomizationMode.CASCADING ? "Cascading" : "Independent")
                        + " randomisation: similarity to the trained model's map" + (undefined.isEmpty() ? ""
                        : "; undefined (constant maps): " + String.join(", ", undefined)))
                .xAxisTitle(steps)
                .yAxisTitle("mean " + measure.label().replace('_', ' ') + " (95% CI)");
    }
}
