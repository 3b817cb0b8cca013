package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.AttributionRunner;
import org.ecglab.data.EcgDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecglab explain}: attribution maps of one logit of a model (a binary task model, or one output of a
 * multi-label model; see {@link ModelSelection}) for the ECGs of one split.
 */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        description = {
            "Explain a model's logit with an attribution method for the ECGs of one split, and write the maps "
                    + "as float32 .npy [N, 12, 600] with a .json sidecar next to it (method, parameters, model, "
                    + "dataset, ECG ids, convergence deltas).",
            "Select the model by registry key (--registry DIR --task TASK [--seed S] [--multilabel]) or by folder "
                    + "(--model DIR, a binary entry of a registry such as models/LBBB/seed-1); both read what "
                    + "'ecglab train' wrote.",
            "Run 'ecglab methods' for the method ids and their parameters."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ecglab explain --data data.npz --registry models --task LBBB --seed 1 \\",
            "      --method integrated_gradients --param n_steps=32 --positives-only \\",
            "      --out lbbb-ig.npy --png figures",
            "  ecglab explain --data data.npz --model models/LBBB/seed-1 \\",
            "      --method saliency --param abs=false --split validation --limit 100 \\",
            "      --out lbbb-saliency.npy",
            "  ecglab explain --data data.npz --registry models --multilabel --seed 1 --task RBBB \\",
            "      --method saliency --out rbbb-multilabel.npy"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ExplainedRecords records;

    @Option(names = "--method", paramLabel = "ID", defaultValue = "integrated_gradients",
            description = "Attribution method id.")
    String method;

    @Option(names = "--param", paramLabel = "NAME=VALUE", showDefaultValue = Visibility.NEVER,
            description = "A method parameter; repeat for several. Unset parameters take their defaults.")
    List<String> params = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Explain at most the first N selected records (0 = all).")
    int limit;

    @Option(names = "--ecgs-per-call", paramLabel = "N", defaultValue = "" + AttributionRunner.DEFAULT_ECGS_PER_CHUNK,
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
        try (ExplainedRecords.Opened opened = records.open(limit, spec.commandLine().getErr())) {
            SelectedModel selectedModel = opened.model();
            EcgDataset selected = opened.records();
            Attribution a = AttributionProgress.run(m, selectedModel.classifier(), selected.signals(),
                    opened.targets(), Baselines.zero(), ecgsPerCall, common.showProgress());
            Map<String, Object> context = provenance(selectedModel, selected);
            context.put("dataset_is_training_data", opened.sameData());
            Path sidecar = AttributionFiles.write(out, a, context);
            report(a, selected, selectedModel, sidecar);
            if (pngDir != null) {
                String label = selectedModel.task().id() + (selectedModel.outputs().size() > 1 ? " output" : " task");
                List<Path> pngs = AttributionFigures.write(pngDir, selected, a, label, pngCount);
                spec.commandLine().getOut().printf("figures: %d PNG(s) in %s%n", pngs.size(), pngDir);
            }
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private Map<String, Object> provenance(SelectedModel sm, EcgDataset selected) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model_folder", sm.folder().toString());
        p.put("model_task", sm.task().id());
        p.put("model_seed", sm.seed());
        p.put("model_outputs", sm.outputNames());
        p.put("target_output", sm.target());
        p.put("model_dataset_sha256", sm.provenance().spec().datasetHash());
        p.put("dataset_file", records.data.toString());
        p.put("dataset_name", selected.name());
        p.put("split", RecordSelection.name(records.split));
        p.put("positives_only", records.positivesOnly);
        p.put("limit", limit);
        p.put("ecgs_per_call", ecgsPerCall);
        p.put("ecg_ids", selected.ids());
        boolean[] positive = new boolean[selected.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = selected.hasLabel(i, sm.task());
        }
        p.put("ecg_has_task_label", positive);
        return p;
    }

    private void report(Attribution a, EcgDataset selected, SelectedModel sm, Path sidecar) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf("explained %d ECG(s) of %s with %s %s, model %s logit %d (%s)%n", a.size(), records.describe(sm),
                a.methodId(), a.parameters(), a.modelId(), sm.target(), sm.task().id());
        o.printf("wrote %s [%d, 12, 600] float32 and %s%n", out, selected.size(), sidecar);
        if (a.convergenceDelta() != null) {
            o.printf(Locale.ROOT, "max |convergence delta| (sum of attributions - (f(x) - f(baseline))): %.3g%n",
                    a.maxAbsConvergenceDelta());
        }
    }
}
