package org.ecglab.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecglab.experiment.MethodLists;
import org.ecglab.experiment.MethodSimilarityConfig;
import org.ecglab.experiment.MethodSimilarityExperiment;
import org.ecglab.experiment.Summaries;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.plot.experiment.SimilarityFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code ecglab experiment similarity}: experiment 1, inter-method similarity. */
@Command(name = "similarity", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Experiment 1: every method explains each task's seed model on its positives; every pair of "
                + "maps is compared. Writes similarity-rows.csv, similarity-summary.csv and a clustered heatmap per "
                + "measure (pooled over tasks).")
final class SimilarityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentSetup setup;

    @Mixin
    SeedOption seed;

    @Mixin
    MeasureOptions measures;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        List<MapMeasure> m = measures.parsed();
        MethodSimilarityConfig config = new MethodSimilarityConfig(setup.methodSpecs(), setup.split, setup.ecgs, m,
                setup.resamples, 1L, setup.cacheDir());
        return setup.execute(spec, common, List.of(seed.seed), "similarity", " maps", (opened, bar, o) -> {
            MethodSimilarityExperiment exp = new MethodSimilarityExperiment(config, bar);
            Table rows = exp.run(opened.data(), opened.models());
            bar.close();
            setup.reportCache(exp.computedTasks(), "task table(s)", o);
            Table summary = exp.summarize(rows);
            ExperimentSetup.print(Summaries.select(summary, "task", Summaries.POOLED), o);
            setup.write(rows, "similarity-rows", o);
            setup.write(summary, "similarity-summary", o);
            if (config.methods().size() > 1) {
                for (MapMeasure measure : m) {
                    setup.save(SimilarityFigures.heatmap(summary, Summaries.POOLED, measure,
                            MethodLists.labels(config.methods())), "similarity-pooled-" + measure.label(), o);
                }
            }
        });
    }
}
