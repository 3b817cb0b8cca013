package org.ecglab.plot.experiment;

import java.util.ArrayList;
import java.util.List;
import org.ecglab.experiment.Summaries;
import org.ecglab.plot.ColorMap;
import org.ecglab.plot.HeatmapFigure;
import tech.tablesaw.api.Table;

/** Experiment 5's figure: a method × class matrix of one localisation score. */
public final class LocalizationFigures {
    private LocalizationFigures() {
    }

    /**
     * Mean {@code score} ({@code mass_inside}, {@code mask_auroc} or {@code pointing_hit}) per method (rows) and task
     * (columns, then {@code pooled}), on a sequential colour scale over [0, 1]. Undefined cells show as n/a.
     *
     * @param summary a {@link org.ecglab.experiment.LocalizationExperiment#summarize} table
     */
    public static HeatmapFigure heatmap(Table summary, String score, List<String> methods, List<String> tasks) {
        List<String> columns = new ArrayList<>(tasks);
        columns.add(Summaries.POOLED);
        double[][] values = new double[methods.size()][columns.size()];
        for (int m = 0; m < methods.size(); m++) {
            for (int t = 0; t < columns.size(); t++) {
                Table row = Summaries.select(summary, "task", columns.get(t), "method", methods.get(m), "score",
                        score);
                values[m][t] = row.rowCount() == 1 ? row.doubleColumn("mean").getDouble(0) : Double.NaN;
            }
        }
        String title = switch (score) {
            case "mass_inside" -> "Relevance mass inside the ground-truth mask";
            case "mask_auroc" -> "AUROC of |attribution| as a detector of the ground-truth mask";
            case "pointing_hit" -> "Pointing game: largest |attribution| inside the mask";
            default -> throw new IllegalArgumentException("unknown localisation score " + score
                    + "; use mass_inside, mask_auroc or pointing_hit");
        };
        return HeatmapFigure.of(values, methods, columns).title(title).colorMap(ColorMap.SEQUENTIAL).range(0, 1)
                .colorLabel("mean over positive ECGs");
    }
}
