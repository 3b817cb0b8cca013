package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecglab.experiment.ConsoleProgressListener;
import org.ecglab.experiment.MethodLists;
import org.ecglab.experiment.MethodSimilarityConfig;
import org.ecglab.experiment.MethodSimilarityExperiment;
import org.ecglab.experiment.Summaries;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.plot.experiment.SimilarityFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Training seed of the models.")
    long seed;

    @Option(names = "--measures", paramLabel = "LIST", defaultValue = "spearman_absolute,spearman_signed",
            description = "Map measures: spearman_, pearson_, ssim_ or topN_overlap_ with absolute or signed.")
    String measures;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        List<MapMeasure> m = ExperimentSetup.measures(measures);
        MethodSimilarityConfig config = new MethodSimilarityConfig(setup.methodSpecs(), setup.split, setup.ecgs, m,
                setup.resamples, 1L, setup.cacheDir());
        try (ExperimentSetup.Opened opened = setup.open(List.of(seed), spec.commandLine().getErr());
                ConsoleProgressListener bar = new ConsoleProgressListener(common.showProgress(), "similarity",
                        " maps")) {
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
        }
        o.flush();
        return ExitCodes.OK;
    }
}
