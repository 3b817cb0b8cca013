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
import org.ecglab.attribution.MaskedAttributionMethod;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.io.AtomicFiles;
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
                    + "as float32 .npy [N, 12, 600] with a .json sidecar next to it (method, parameters, baselines, "
                    + "model, dataset, ECG ids, convergence deltas); both files are replaced together or not at all. "
                    + "ECGs are explained and written --ecgs-per-call at a time, so memory stays small for any N.",
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
            "      --method saliency --out rbbb-multilabel.npy",
            "  ecglab explain --data data.npz --registry models --task LBBB --method integrated_gradients \\",
            "      --baseline mean-normal-beat.npy --out lbbb-ig-mean.npy"})
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

    @Mixin
    BaselineOptions baselineOptions;

    @Option(names = "--png-count", paramLabel = "N", defaultValue = "3", description = "How many PNGs --png draws.")
    int pngCount;

    // Last, so the common options come after the command's own in --help.
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        // Everything that can be checked without the data is checked first, so a typo or an unwritable path fails
        // at once, not after the maps are computed.
        AttributionMethod created = AttributionMethods.create(method, KeyValueParameters.parse(params));
        OptionChecks.atLeast("--limit", limit, 0);
        OptionChecks.atLeast("--ecgs-per-call", ecgsPerCall, 1);
        OptionChecks.atLeast("--png-count", pngCount, 0);
        AttributionFiles.checkWritable(out);
        if (pngDir != null) {
            AtomicFiles.checkWritableFolder(pngDir);
        }
        baselineOptions.read();
        try (ExplainedRecords.Opened opened = records.open(limit, spec.commandLine().getErr())) {
            SelectedModel selectedModel = opened.model();
            EcgDataset selected = opened.records();
            int n = selected.size();
            // A waves mask takes the points the records carry (designed or ECGdeli); only the others are delineated.
            AttributionMethod m = MaskedAttributionMethod.withFiducialsOf(created, selected);
            if (!baselineOptions.usedBy(m, selectedModel.classifier(), selected.signal(0), opened.targets()[0])) {
                throw new IllegalArgumentException("method " + m.id() + " does not use a baseline; leave out "
                        + "--baseline and --baseline-distribution");
            }
            Baselines baselines = baselineOptions.forInputs(n);
            List<Attribution> firstMaps = new ArrayList<>();
            Path sidecar;
            double[] delta;
            try (AttributionFiles files = AttributionFiles.open(out, n)) {
                AttributionProgress.stream(m, selectedModel.classifier(), n, selected::signals, opened.targets(),
                        baselines, ecgsPerCall, common.showProgress(), chunk -> {
                            files.append(chunk);
                            if (firstMaps.size() * ecgsPerCall < pngCount) {
                                firstMaps.add(chunk);
                            }
                        });
                Map<String, Object> context = provenance(selectedModel, selected);
                context.put("dataset_is_training_data", opened.sameData());
                context.put("baselines", baselineOptions.describe());
                if (m instanceof MaskedAttributionMethod masked && masked.featureMask().needsFiducials()) {
                    context.put("fiducials", masked.fiducials().describe());
                }
                sidecar = files.finish(context);
                delta = files.convergenceDelta();
            }
            report(firstMaps.get(0), n, selectedModel, sidecar, delta);
            if (pngDir != null) {
                String label = selectedModel.task().id() + (selectedModel.outputs().size() > 1 ? " output" : " task");
                List<Path> pngs = AttributionFigures.write(pngDir, selected, firstMaps, label, pngCount);
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

    private void report(Attribution first, int n, SelectedModel sm, Path sidecar, double[] delta) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf("explained %d ECG(s) of %s with %s %s, model %s logit %d (%s)%n", n, records.describe(sm),
                first.methodId(), first.parameters(), first.modelId(), sm.target(), sm.task().id());
        o.printf("wrote %s [%d, %d, 600] float32 and %s%n", out, n, first.hasLeadAxis() ? 12 : 1, sidecar);
        if (delta != null) {
            double max = 0;
            for (double d : delta) {
                max = Math.max(max, Math.abs(d));
            }
            o.printf(Locale.ROOT, "max |convergence delta| (sum of attributions - (f(x) - f(baseline))): %.3g%n", max);
        }
    }
}
