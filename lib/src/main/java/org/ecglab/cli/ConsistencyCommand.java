package org.ecglab.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecglab.experiment.SelfConsistencyConfig;
import org.ecglab.experiment.SelfConsistencyExperiment;
import org.ecglab.experiment.Summaries;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.plot.experiment.ConsistencyFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code ecglab experiment consistency}: experiment 2, self-consistency across training seeds. */
@Command(name = "consistency", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Experiment 2: the models of several training seeds per task explain the same positives with "
                + "each method; every pair of seeds' maps is compared. Writes consistency-rows.csv, "
                + "consistency-summary.csv and a box plot per measure with the study's 0.41-0.65 band.")
final class ConsistencyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentSetup setup;

    @Option(names = "--seeds", paramLabel = "SEEDS", defaultValue = "1-5",
            description = "Training seeds, at least two: '1-5', '1,3,7'.")
    String seeds;

    @Mixin
    MeasureOptions measures;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        List<Long> seedList = Seeds.parse(seeds);
        if (seedList.size() < 2) {
            throw new IllegalArgumentException("--seeds " + seeds + ": self-consistency compares models of at least "
                    + "two seeds, e.g. --seeds 1-5");
        }
        List<MapMeasure> m = measures.parsed();
        SelfConsistencyConfig config = new SelfConsistencyConfig(setup.methodSpecs(), setup.split, setup.ecgs, m,
                setup.resamples, 1L, setup.cacheDir());
        return setup.execute(spec, common, seedList, "consistency", " maps", (opened, bar, o) -> {
            SelfConsistencyExperiment exp = new SelfConsistencyExperiment(config, bar);
            Table rows = exp.run(opened.data(), opened.models());
            bar.close();
            setup.reportCache(exp.computedTasks(), "task table(s)", o);
            Table summary = exp.summarize(rows);
            ExperimentSetup.print(Summaries.select(summary, "task", Summaries.POOLED), o);
            setup.write(rows, "consistency-rows", o);
            setup.write(summary, "consistency-summary", o);
            for (MapMeasure measure : m) {
                setup.save(ConsistencyFigures.boxPlot(exp.distributions(rows, measure), measure, seedList.size()),
                        "consistency-" + measure.label(), o);
            }
        });
    }
}
