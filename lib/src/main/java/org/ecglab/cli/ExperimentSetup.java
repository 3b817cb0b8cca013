package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.data.io.AtomicFiles;
import org.ecglab.experiment.ConsoleProgressListener;
import org.ecglab.experiment.MethodLists;
import org.ecglab.experiment.TaskModel;
import org.ecglab.experiment.Tables;
import org.ecglab.plot.Figure;
import org.ecglab.registry.ModelRegistry;
import org.ecglab.train.TrainedTaskModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * The options every {@code ecglab experiment} subcommand shares (a picocli mixin), and what they all do with them:
 * load the dataset and the registry's task models, build the method list, and write tables and figures to the
 * output folder.
 */
final class ExperimentSetup {
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Dataset .npz file the models were trained on.")
    Path data;

    @Option(names = "--registry", required = true, paramLabel = "DIR",
            description = "Model registry folder written by 'ecglab train'.")
    Path registry;

    @Option(names = "--tasks", paramLabel = "TASKS", defaultValue = Tasks.ALL,
            description = "Task models to use: 'all' or a comma-separated list of class ids.")
    String tasks;

    @Option(names = "--methods", paramLabel = "IDS", defaultValue = "all",
            description = "Attribution methods: 'all' (every registered method) or a comma-separated list of ids.")
    String methods;

    @Option(names = "--param", paramLabel = "METHOD.NAME=VALUE",
            description = "A method parameter, e.g. integrated_gradients.n_steps=16; repeat for several.")
    List<String> params = new ArrayList<>();

    @Option(names = "--ecgs", paramLabel = "N", defaultValue = "16",
            description = "At most N positives per task (the first in dataset order).")
    int ecgs;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "Which records: ${COMPLETION-CANDIDATES}.")
    Split split;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples of the 95% intervals.")
    int resamples;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the result tables (.csv) and figures (.png); created if missing.")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Folder of cached results and maps (default: OUT/cache); a rerun loads what is there.")
    Path cache;

    /** The registry's models of the chosen tasks and seeds, and their data. Closes the models. */
    record Opened(EcgDataset data, List<TrainedTaskModel> trained, List<TaskModel> models) implements AutoCloseable {
        @Override
        public void close() {
            trained.forEach(TrainedTaskModel::close);
        }
    }

    /**
     * Checks the options, then loads the dataset and the models of every task and seed.
     *
     * @throws IOException              naming the file or registry entry that is missing or corrupt
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    Opened open(List<Long> seeds, PrintWriter err) throws IOException {
        List<DiagnosticClass> classes = Tasks.parse(tasks);
        EcgDataset dataset = DatasetIo.load(data);
        ModelRegistry models = new ModelRegistry(registry);
        if (!Files.isDirectory(models.root())) {
            throw new NoSuchFileException(models.root().toString(), null, "no model registry folder");
        }
        List<TrainedTaskModel> loaded = new ArrayList<>();
        try {
            String given = DatasetHash.of(dataset);
            for (DiagnosticClass task : classes) {
                for (long seed : seeds) {
                    TrainedTaskModel m = models.load(task, seed);
                    loaded.add(m);
                    String trainedOn = models.provenance(task, seed).spec().datasetHash();
                    if (!trainedOn.equals(given)) {
                        err.printf("warning: model %s was trained on data %s.. but %s is %s..; its %s split may "
                                + "hold ECGs it was trained on%n", m.id(), DatasetHash.shortForm(trainedOn), data,
                                DatasetHash.shortForm(given), split.name().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            loaded.forEach(TrainedTaskModel::close);
            throw e;
        }
        err.flush();
        return new Opened(dataset, loaded, loaded.stream().map(m -> new TaskModel(m.task(), m.classifier(), 0))
                .toList());
    }

    /**
     * The methods with their parameters. Every subcommand builds its config from this first, so the shared options
     * and output folders are checked here ({@link #checkBeforeWork}), before any config, file or model.
     *
     * @throws IllegalArgumentException for an unknown id, a parameter of a method not chosen, a bad value, or a shared
     *                                  option out of range
     * @throws IOException              naming an output folder that cannot be written
     */
    List<MethodSpec> methodSpecs() throws IOException {
        checkBeforeWork();
        List<String> ids = methods.strip().equalsIgnoreCase("all") ? AttributionMethods.ids()
                : List.of(methods.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        Map<String, Map<String, String>> byMethod = new LinkedHashMap<>();
        for (String p : params) {
            int dot = p.indexOf('.');
            int eq = p.indexOf('=');
            if (dot < 1 || eq < dot) {
                throw new IllegalArgumentException("--param '" + p + "' is not of the form method.name=value, e.g. "
                        + "integrated_gradients.n_steps=16");
            }
            String method = p.substring(0, dot).strip();
            if (!ids.contains(method)) {
                throw new IllegalArgumentException("--param '" + p + "' is for method " + method
                        + ", which is not among --methods " + ids);
            }
            byMethod.computeIfAbsent(method, k -> new LinkedHashMap<>())
                    .putAll(KeyValueParameters.parse(List.of(p.substring(dot + 1))));
        }
        List<MethodSpec> specs = new ArrayList<>();
        for (String id : ids) {
            specs.add(MethodSpec.of(id, byMethod.getOrDefault(id, Map.of())));
        }
        return MethodLists.checked(specs, 1);
    }

    /**
     * Checks option values and output folders before the dataset is read or a map computed, as every command does,
     * so a typo or an unwritable path fails at once: {@code --out} and the cache folder must be folders (or creatable
     * ones) in which files can be created; a file, a device or an unwritable folder in their place is an error naming
     * it. {@code --out} must moreover be new, empty or an earlier run's ({@link ExperimentFolder}).
     *
     * @throws IllegalArgumentException naming the option whose value is out of range
     * @throws IOException              naming the output folder that cannot be written
     */
    void checkBeforeWork() throws IOException {
        OptionChecks.atLeast("--ecgs", ecgs, 1);
        OptionChecks.atLeast("--resamples", resamples, 1);
        AtomicFiles.checkWritableFolder(out);
        AtomicFiles.checkWritableFolder(cacheDir());
        ExperimentFolder.claim(out);
    }

    /** The cache folder: {@code --cache}, or {@code OUT/cache}. */
    Path cacheDir() {
        return cache != null ? cache : out.resolve("cache");
    }

    /** Writes {@code table} to {@code OUT/<name>.csv} at full precision and reports it. */
    void write(Table table, String name, PrintWriter o) throws IOException {
        Files.createDirectories(out);
        Path file = out.resolve(name + ".csv");
        Tables.writeCsv(table, file);
        o.printf("wrote %s (%d rows)%n", file, table.rowCount());
    }

    /** Saves {@code figure} to {@code OUT/<name>.png} and reports it. */
    void save(Figure figure, String name, PrintWriter o) throws IOException {
        Files.createDirectories(out);
        Path file = out.resolve(name + ".png");
        figure.save(file);
        o.printf("wrote %s%n", file);
    }

    /** What a subcommand does with the opened models: run, report, write. */
    @FunctionalInterface
    interface Body {
        void run(Opened opened, ConsoleProgressListener bar, PrintWriter out) throws IOException;
    }

    /**
     * Opens the models of {@code seeds}, runs {@code body} with a progress bar named {@code name} counting
     * {@code unit}, and closes everything.
     */
    int execute(CommandSpec spec, CommonOptions common, List<Long> seeds, String name, String unit, Body body)
            throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        try (Opened opened = open(seeds, spec.commandLine().getErr());
                ConsoleProgressListener bar = new ConsoleProgressListener(common.showProgress(), name, unit)) {
            body.run(opened, bar, o);
        }
        o.flush();
        return ExitCodes.OK;
    }

    /** Reports how many result parts were computed rather than loaded from the cache. */
    void reportCache(int computed, String parts, PrintWriter o) {
        o.printf("%d %s computed, the others loaded from %s%n", computed, parts, cacheDir());
    }

    /** Prints a summary table rounded to 3 decimals. */
    static void print(Table table, PrintWriter o) {
        o.println(Tables.rounded(table, 3).printAll());
    }
}
