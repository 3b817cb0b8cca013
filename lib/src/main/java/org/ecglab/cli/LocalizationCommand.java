package org.ecglab.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.experiment.LocalizationConfig;
import org.ecglab.experiment.LocalizationExperiment;
import org.ecglab.experiment.MethodComparisons;
import org.ecglab.experiment.MethodLists;
import org.ecglab.experiment.Summaries;
import org.ecglab.plot.experiment.LocalizationFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code ecglab experiment localization}: experiment 5, ground-truth localisation (synthetic data). */
@Command(name = "localization", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Experiment 5 (synthetic data only): each method's maps of the positives are scored against "
                + "the ground-truth pathology masks (relevance mass inside, AUROC as a mask detector, pointing game). "
                + "Writes localization-rows.csv, localization-summary.csv, localization-versus-chance.csv, "
                + "localization-comparisons.csv (paired tests on the mask AUROC) and a heatmap per score.")
final class LocalizationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentSetup setup;

    @Mixin
    SeedOption seed;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        LocalizationConfig config = new LocalizationConfig(setup.methodSpecs(), setup.split, setup.ecgs,
                setup.resamples, 1L, setup.cacheDir());
        return setup.execute(spec, common, List.of(seed.seed), "localization", " maps", (opened, bar, o) -> {
            LocalizationExperiment exp = new LocalizationExperiment(config, bar);
            Table rows = exp.run(opened.data(), opened.models());
            bar.close();
            setup.reportCache(exp.computedTasks(), "task table(s)", o);
            Table summary = exp.summarize(rows);
            List<String> methods = MethodLists.labels(config.methods());
            List<String> tasks = exp.scoredTasks(opened.data(), opened.models()).stream().map(DiagnosticClass::id)
                    .toList();
            ExperimentSetup.print(Summaries.select(summary, "task", Summaries.POOLED), o);
            setup.write(rows, "localization-rows", o);
            setup.write(summary, "localization-summary", o);
            setup.write(LocalizationExperiment.versusChance(rows, methods, MethodComparisons.ALPHA),
                    "localization-versus-chance", o);
            if (methods.size() > 1) {
                Table comparisons = MethodComparisons.pairwise(rows, List.of("task", "ecg_id"), "method",
                        "mask_auroc", methods, MethodComparisons.ALPHA);
                ExperimentSetup.print(comparisons, o);
                setup.write(comparisons, "localization-comparisons", o);
            }
            for (String score : LocalizationExperiment.SCORES) {
                setup.save(LocalizationFigures.heatmap(summary, score, methods, tasks), "localization-" + score, o);
            }
        });
    }
}
