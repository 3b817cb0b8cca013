package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.AttributionRunner;
import org.ecglab.data.EcgDataset;
import org.ecglab.interop.BundleAttribution;
import org.ecglab.interop.InteropBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecglab export}: an {@link InteropBundle} (model, ECGs, logits, attribution maps) that PyTorch users load
 * with NumPy and {@code torch.nn}, for one model chosen as in {@code explain} ({@link ModelSelection}).
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        description = {
            "Write a Python interop bundle: model.json (layers with PyTorch's argument names), weights.npz "
                    + "(the state_dict of torch.nn.Sequential), inputs.npy, targets.npy, logits.npy and "
                    + "attributions/<method>.{npy,json} for each --method, computed with default parameters.",
            "Check it with PyTorch: python3 lib/src/test/python/check_bundle.py BUNDLE (rebuilds the network, "
                    + "compares logits, recomputes saliency and integrated gradients).",
            "The model is selected as in 'ecglab explain'."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ecglab export --data data.npz --registry models --task LBBB --seed 1 --out bundle",
            "  ecglab export --data data.npz --model models/LBBB/seed-1 --split validation \\",
            "      --positives-only --limit 8 --method saliency --out lbbb-bundle",
            "  python3 lib/src/test/python/check_bundle.py bundle"})
final class ExportCommand implements Callable<Integer> {
    /** What {@code check_bundle.py} recomputes with PyTorch, so the default bundle is fully checkable. */
    static final List<String> DEFAULT_METHODS = List.of("saliency", "integrated_gradients");
    private static final String CHECK_SCRIPT = "lib/src/test/python/check_bundle.py";

    @Spec
    CommandSpec spec;

    @Mixin
    ExplainedRecords records;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "32",
            description = "Export at most the first N selected records (0 = all). Every map is 28.8 kB per ECG.")
    int limit;

    @Option(names = "--method", paramLabel = "ID",
            description = "An attribution method to include; repeat for several. Default: saliency and "
                    + "integrated_gradients.")
    List<String> methods = new ArrayList<>();

    @Option(names = "--ecgs-per-call", paramLabel = "N", defaultValue = "" + AttributionRunner.DEFAULT_ECGS_PER_CHUNK,
            description = "ECGs per call of a method (the progress bar moves after each call).")
    int ecgsPerCall;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The bundle folder (an earlier bundle there is replaced; any other folder is refused).")
    Path out;

    // Last, so the common options come after the command's own in --help.
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        Map<String, AttributionMethod> byId = methods();
        if (ecgsPerCall < 1) {
            throw new IllegalArgumentException("--ecgs-per-call must be >= 1, got " + ecgsPerCall);
        }
        PrintWriter o = spec.commandLine().getOut();
        try (ExplainedRecords.Opened opened = records.open(limit, spec.commandLine().getErr())) {
            SelectedModel sm = opened.model();
            EcgDataset selected = opened.records();
            Map<String, BundleAttribution> maps = new LinkedHashMap<>();
            for (Map.Entry<String, AttributionMethod> e : byId.entrySet()) {
                Attribution a = AttributionProgress.run(e.getValue(), sm.classifier(), selected.signals(),
                        opened.targets(), Baselines.zero(), ecgsPerCall, common.showProgress());
                maps.put(e.getKey(), a.toBundle());
            }
            InteropBundle.write(out, sm.architecture(), sm.classifier(), sm.outputNames(), selected.signals(),
                    opened.targets(), maps);
            o.printf("wrote interop bundle %s: model %s (%d logit(s) %s), %d ECG(s) of %s, target logit %d (%s), "
                    + "attributions %s%n", out, sm.id(), sm.outputs().size(), sm.outputNames(), selected.size(),
                    records.describe(sm), sm.target(), sm.task().id(), maps.keySet());
        }
        o.printf("check it with PyTorch (from the repository root):%n  python3 %s %s%n", CHECK_SCRIPT, out);
        o.flush();
        return ExitCodes.OK;
    }

    /** The methods by id, in the order given; checked before any file is read, so a typo fails at once. */
    private Map<String, AttributionMethod> methods() {
        List<String> ids = methods.isEmpty() ? DEFAULT_METHODS : methods;
        Map<String, AttributionMethod> out = new LinkedHashMap<>();
        for (String id : ids) {
            AttributionMethod m = AttributionMethods.create(id);
            if (out.put(m.id(), m) != null) {
                throw new IllegalArgumentException("--method " + m.id() + " is given twice");
            }
        }
        return out;
    }
}
