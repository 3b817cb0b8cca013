package org.ecglab.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecglab.experiment.MethodComparisons;
import org.ecglab.experiment.MethodLists;
import org.ecglab.experiment.PerturbationConfig;
import org.ecglab.experiment.PerturbationExperiment;
import org.ecglab.experiment.PerturbationSummary;
import org.ecglab.experiment.Summaries;
import org.ecglab.metrics.PerturbationOrder;
import org.ecglab.metrics.Replacement;
import org.ecglab.metrics.ValueMode;
import org.ecglab.plot.experiment.PerturbationFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code ecglab experiment perturbation}: experiment 4, input perturbation. */
@Command(name = "perturbation", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Experiment 4: the most (and least) relevant features of each method's map are replaced, "
                + "k%% at a time, and the task model is scored on the perturbed positives and as many negatives; a "
                + "random order is the reference. Writes perturbation-rows.csv, perturbation-curves.csv, "
                + "perturbation-aopc.csv, perturbation-vs-random.csv (paired tests) and the AUROC and logit curves.")
final class PerturbationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentSetup setup;

    @Mixin
    SeedOption seed;

    @Option(names = "--max-percent", paramLabel = "K", defaultValue = "50", description = "Largest percentage removed.")
    double maxPercent;

    @Option(names = "--step", paramLabel = "K", defaultValue = "10", description = "Step of the percentage grid.")
    double step;

    @Option(names = "--segment", paramLabel = "N", defaultValue = "1",
            description = "Feature length in samples (1 = sample by sample, 10 = 20 ms windows per lead).")
    int segment;

    @Option(names = "--replacement", paramLabel = "R", defaultValue = "linear_interpolation",
            description = "zero, lead_mean, linear_interpolation or noise.")
    String replacement;

    @Option(names = "--random-orders", paramLabel = "N", defaultValue = "3",
            description = "Random orders per ECG (the reference).")
    int randomOrders;

    @Option(names = "--no-lerf", description = "Skip least-relevant-first removal.")
    boolean noLerf;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        PerturbationConfig config = new PerturbationConfig(setup.methodSpecs(), setup.split, setup.ecgs,
                PerturbationConfig.grid(maxPercent, step), segment, Replacement.parse(replacement), ValueMode.SIGNED,
                randomOrders, !noLerf, setup.resamples, 1L, setup.cacheDir());
        return setup.execute(spec, common, List.of(seed.seed), "perturbation", " ECGs", (opened, bar, o) -> {
            PerturbationExperiment exp = new PerturbationExperiment(config, bar);
            Table rows = exp.run(opened.data(), opened.models());
            bar.close();
            setup.reportCache(exp.computedParts(), "task x method part(s)", o);
            Table curves = PerturbationSummary.curves(rows, setup.resamples, 1L);
            Table aopc = PerturbationSummary.aopc(rows, setup.resamples, 1L);
            List<String> methods = MethodLists.labels(config.methods());
            Table vsRandom = PerturbationSummary.versusRandom(rows, methods, MethodComparisons.ALPHA);
            ExperimentSetup.print(Summaries.select(aopc, "task", Summaries.POOLED), o);
            ExperimentSetup.print(vsRandom, o);
            setup.write(rows, "perturbation-rows", o);
            setup.write(curves, "perturbation-curves", o);
            setup.write(aopc, "perturbation-aopc", o);
            setup.write(vsRandom, "perturbation-vs-random", o);
            for (String score : List.of("auroc", "mean_logit")) {
                setup.save(PerturbationFigures.curves(curves, Summaries.POOLED, PerturbationOrder.MORF, score,
                        methods), "perturbation-morf-" + score, o);
            }
        });
    }
}
