package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.model.TrainedTaskModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecglab explain}: attribution maps of a task model's logit for the ECGs of one split. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        description = {
            "Explain a task model's logit with an attribution method for the ECGs of one split, and write the maps "
                    + "as float32 .npy [N, 12, 600] with a .json sidecar next to it (method, parameters, model, "
                    + "dataset, ECG ids, convergence deltas).",
            "Run 'ecglab methods' for the method ids and their parameters."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ecglab explain --data data.npz --model models/LBBB-seed1 \\",
            "      --method integrated_gradients --param n_steps=32 --positives-only \\",
            "      --out lbbb-ig.npy --png figures",
            "  ecglab explain --data data.npz --model models/LBBB-seed1 \\",
            "      --method saliency --param abs=false --split validation --limit 100 \\",
            "      --out lbbb-saliency.npy"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Dataset .npz file.")
    Path data;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Task model folder written by 'ecglab train', e.g. models/LBBB-seed1.")
    Path model;

    @Option(names = "--method", paramLabel = "ID", defaultValue = "integrated_gradients",
            description = "Attribution method id.")
    String method;

    @Option(names = "--param", paramLabel = "NAME=VALUE", showDefaultValue = Visibility.NEVER,
            description = "A method parameter; repeat for several. Unset parameters take their defaults.")
    List<String> params = new ArrayList<>();

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "Which records to explain: ${COMPLETION-CANDIDATES}.")
    Split split;

    @Option(names = "--positives-only", description = "Only records that carry the model's task class.")
    boolean positivesOnly;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Explain at most the first N selected records (0 = all).")
    int limit;

    @Option(names = "--ecgs-per-call", paramLabel = "N", defaultValue = "16",
            description = "ECGs per call of the method (the progress bar moves after each call).")
    int ecgsPerCall;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Output .npy file; the sidecar gets the same name with .json.")
    Path out;

    @Option(names = "--png", paramLabel = "DIR", description = "Also draw the first ECGs with the overlay as PNGs.")
    Path pngDir;

    @Option(names = "--png-count", paramLabel = "N", defaultValue = "3", description = "How many PNGs --png draws.")
    int pngCount;

    // Last, so the common options come after the command's own in --help.
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        // Method and parameters are checked before any file is read, so a typo fails at once.
        AttributionMethod m = AttributionMethods.create(method, KeyValueParameters.parse(params));
        if (limit < 0 || ecgsPerCall < 1 || pngCount < 0) {
            throw new IllegalArgumentException("need --limit >= 0, --ecgs-per-call >= 1 and --png-count >= 0; got "
                    + limit + ", " + ecgsPerCall + ", " + pngCount);
        }
        EcgDataset dataset = DatasetIo.load(data);
        try (TrainedTaskModel taskModel = ModelFolders.load(model)) {
            EcgDataset selected = dataset.subset(select(dataset, taskModel));
            // A task model has a single logit (index 0): the evidence for its class.
            int[] targets = new int[selected.size()];
            Attribution a = BatchedAttribution.run(m, taskModel.classifier(), selected.signals(), targets,
                    ecgsPerCall, common.showProgress());
            Path sidecar = AttributionFiles.write(out, a, provenance(taskModel, selected));
            report(a, selected, taskModel, sidecar);
            if (pngDir != null) {
                List<Path> pngs = AttributionFigures.write(pngDir, selected, a, taskModel.task().id(), pngCount);
                spec.commandLine().getOut().printf("figures: %d PNG(s) in %s%n", pngs.size(), pngDir);
            }
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private int[] select(EcgDataset dataset, TrainedTaskModel taskModel) {
        int[] idx = positivesOnly ? dataset.positives(split, taskModel.task()) : dataset.indices(split);
        if (idx.length == 0) {
            throw new IllegalArgumentException(data + ": the " + split.name().toLowerCase(Locale.ROOT) + " split has "
                    + (positivesOnly ? "no positives for " + taskModel.task().id() : "no records")
                    + "; nothing to explain");
        }
        return limit > 0 && limit < idx.length ? Arrays.copyOf(idx, limit) : idx;
    }

    private Map<String, Object> provenance(TrainedTaskModel taskModel, EcgDataset selected) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model_folder", model.toString());
        p.put("model_task", taskModel.task().id());
        p.put("model_seed", taskModel.seed());
        p.put("target_output", 0);
        p.put("dataset_file", data.toString());
        p.put("dataset_name", selected.name());
        p.put("split", split.name().toLowerCase(Locale.ROOT));
        p.put("positives_only", positivesOnly);
        p.put("limit", limit);
        p.put("ecgs_per_call", ecgsPerCall);
        p.put("ecg_ids", selected.ids());
        boolean[] positive = new boolean[selected.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = selected.hasLabel(i, taskModel.task());
        }
        p.put("ecg_has_task_label", positive);
        return p;
    }

    private void report(Attribution a, EcgDataset selected, TrainedTaskModel taskModel, Path sidecar) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf("explained %d ECG(s) of the %s split%s with %s %s, model %s%n", a.size(),
                split.name().toLowerCase(Locale.ROOT), positivesOnly ? " (positives of " + taskModel.task().id() + ")"
                        : "", a.methodId(), a.parameters(), a.modelId());
        o.printf("wrote %s [%d, 12, 600] float32 and %s%n", out, selected.size(), sidecar);
        if (a.convergenceDelta() != null) {
            o.printf(Locale.ROOT, "max |convergence delta| (sum of attributions - (f(x) - f(baseline))): %.3g%n",
                    a.maxAbsConvergenceDelta());
        }
    }
}
