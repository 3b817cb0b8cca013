package org.ecglab.plot.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.experiment.SelfConsistencyConfig;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.plot.BoxPlotFigure;

/** Experiment 2's figure: per method, the distribution of per-ECG consistency across seeds, with the study's band. */
public final class ConsistencyFigures {
    private ConsistencyFigures() {
    }

    /**
     * Box plots per method of the per-ECG mean consistency between seeds, with the band of mean correlations
     * (0.41–0.65) that Arends et al. (2026) report for most methods drawn behind them.
     *
     * @param distributions per method, the per-ECG values
     *                      ({@link org.ecglab.experiment.SelfConsistencyExperiment#distributions})
     * @param seeds         models per task, for the title
     */
    public static BoxPlotFigure boxPlot(Map<String, double[]> distributions, MapMeasure measure, int seeds) {
        // A method whose every score is undefined (its maps were constant) has no box; the title names it instead.
        Map<String, double[]> defined = new LinkedHashMap<>();
        List<String> undefined = new ArrayList<>();
        distributions.forEach((method, values) -> {
            if (values.length == 0) {
                undefined.add(method);
            } else {
                defined.put(method, values);
            }
        });
        if (defined.isEmpty()) {
            throw new IllegalArgumentException("no method has a defined self-consistency score (constant maps): "
                    + undefined);
        }
        return BoxPlotFigure.of(defined)
                .title("Self-consistency across " + seeds + " training seeds (" + measure.label().replace('_', ' ')
                        + ")" + (undefined.isEmpty() ? "" : "; undefined (constant maps): "
                        + String.join(", ", undefined)))
                .xAxisTitle("attribution method")
                .yAxisTitle("mean " + measure.name() + " between seeds' maps, per ECG")
                .band(SelfConsistencyConfig.STUDY_LOW, SelfConsistencyConfig.STUDY_HIGH,
                        "Arends et al. 2026, most methods: mean 0.41-0.65");
    }
}
