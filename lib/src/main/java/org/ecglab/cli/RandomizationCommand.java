package org.ecglab.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecglab.experiment.MethodLists;
import org.ecglab.experiment.RandomizationConfig;
import org.ecglab.experiment.RandomizationExperiment;
import org.ecglab.experiment.RandomizationMode;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.plot.experiment.RandomizationFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code ecglab experiment randomization}: experiment 3, dependence on model weights. */
@Command(name = "randomization", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Experiment 3: each task's seed model is randomised layer by layer (cascading from the output "
                + "down, and/or one layer at a time) and each method's map after every step is compared with its "
                + "map of the trained model. Writes randomization-rows.csv, randomization-summary.csv, "
                + "randomization-residual.csv (full randomisation) and curves per mode and measure.")
final class RandomizationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentSetup setup;

    @Mixin
    SeedOption seed;

    @Option(names = "--modes", paramLabel = "LIST", defaultValue = "cascading,independent",
            description = "cascading and/or independent.")
    String modes;

    @Mixin
    MeasureOptions measures;

    @Option(names = "--random-seed", paramLabel = "S", defaultValue = "42", description = "Seed of the new weights.")
    long randomSeed;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        List<MapMeasure> m = measures.parsed();
        List<RandomizationMode> modeList = List.of(modes.split(",")).stream().map(String::strip)
                .map(RandomizationMode::parse).toList();
        RandomizationConfig config = new RandomizationConfig(setup.methodSpecs(), setup.split, setup.ecgs, modeList,
                m, randomSeed, setup.resamples, 1L, setup.cacheDir());
        return setup.execute(spec, common, List.of(seed.seed), "randomization", " maps", (opened, bar, o) -> {
            RandomizationExperiment exp = new RandomizationExperiment(config, bar);
            Table rows = exp.run(opened.data(), opened.models());
            bar.close();
            setup.reportCache(exp.computedSteps(), "randomisation step(s)", o);
            Table summary = exp.summarize(rows);
            setup.write(rows, "randomization-rows", o);
            setup.write(summary, "randomization-summary", o);
            if (modeList.contains(RandomizationMode.CASCADING)) {
                Table residual = RandomizationExperiment.residual(summary);
                ExperimentSetup.print(residual, o);
                setup.write(residual, "randomization-residual", o);
            }
            for (RandomizationMode mode : modeList) {
                for (MapMeasure measure : m) {
                    setup.save(RandomizationFigures.curves(summary, mode, measure, MethodLists.labels(
                            config.methods())), "randomization-" + mode.label() + "-" + measure.label(), o);
                }
            }
        });
    }
}
