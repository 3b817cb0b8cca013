package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
import org.ecglab.data.io.AtomicFiles;
import org.ecglab.interop.BundleAttribution;
import org.ecglab.interop.InteropBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
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
                    + "attributions/<method>.{npy,json} for each --method, computed with default parameters and the "
                    + "baselines given (recorded beside each method's maps).",
            "Check it with PyTorch: python3 lib/src/test/python/check_bundle.py BUNDLE (rebuilds the network, "
                    + "compares logits, recomputes saliency and integrated gradients).",
            "The model is selected as in 'ecglab explain'."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ecglab export --data data.npz --registry models --task LBBB --seed 1 --out bundle",
            "  ecglab export --data data.npz --model models/LBBB/seed-1 --split validation \\",
            "      --positives-only --limit 8 --method saliency --out lbbb-bundle",
            "  ecglab export --data data.npz --registry models --task LBBB --method all \\",
            "      --baseline-distribution train-sample.npy --out lbbb-all",
            "  python3 lib/src/test/python/check_bundle.py bundle"})
final class ExportCommand implements Callable<Integer> {
    /** What {@code check_bundle.py} recomputes with PyTorch, so the default bundle is fully checkable. */
    static final List<String> DEFAULT_METHODS = List.of("saliency", "integrated_gradients");
    /** The {@code --method} value that selects every registered method. */
    static final String ALL = "all";
    private static final String CHECK_SCRIPT = "lib/src/test/python/check_bundle.py";

    @Spec
    CommandSpec spec;

    @Mixin
    ExplainedRecords records;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "32",
            description = "Export at most the first N selected records (0 = all). Every map is 28.8 kB per ECG.")
    int limit;

    @Option(names = "--method", paramLabel = "ID", showDefaultValue = Visibility.NEVER,
            description = "An attribution method to include, with its default parameters; repeat for several, or "
                    + "'all' for every method of 'ecglab methods'. Default: saliency and integrated_gradients.")
    List<String> methods = new ArrayList<>();

    @Mixin
    BaselineOptions baselineOptions;

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
        OptionChecks.atLeast("--ecgs-per-call", ecgsPerCall, 1);
        OptionChecks.atLeast("--limit", limit, 0);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IOException("--out " + out + " is a file; give a folder for the bundle");
        }
        if (Files.isDirectory(out) && !Files.isRegularFile(out.resolve(InteropBundle.MODEL_JSON))
                && !AtomicFiles.isEmptyFolder(out)) {
            throw new IOException("--out " + out + " exists and is not an interop bundle (no "
                    + InteropBundle.MODEL_JSON + "); refusing to replace it. Give a new or empty folder.");
        }
        AtomicFiles.checkWritableFolder(out);
        baselineOptions.read();
        PrintWriter o = spec.commandLine().getOut();
        try (ExplainedRecords.Opened opened = records.open(limit, spec.commandLine().getErr())) {
            SelectedModel sm = opened.model();
            EcgDataset selected = opened.records();
            float[][][] inputs = selected.signals();
            if (baselineOptions.given() && byId.values().stream().noneMatch(m -> baselineOptions.usedBy(m,
                    sm.classifier(), inputs[0], opened.targets()[0]))) {
                throw new IllegalArgumentException("none of the methods " + byId.keySet() + " uses a baseline; leave "
                        + "out --baseline and --baseline-distribution");
            }
            Baselines baselines = baselineOptions.forInputs(inputs.length);
            Map<String, BundleAttribution> maps = new LinkedHashMap<>();
            for (Map.Entry<String, AttributionMethod> e : byId.entrySet()) {
                Attribution a = AttributionProgress.run(e.getValue(), sm.classifier(), inputs, opened.targets(),
                        baselines, ecgsPerCall, common.showProgress());
                maps.put(e.getKey(), a.toBundle());
            }
            InteropBundle.write(out, sm.architecture(), sm.classifier(), sm.outputNames(), inputs, opened.targets(),
                    maps);
            o.printf("wrote interop bundle %s: model %s (%d logit(s) %s), %d ECG(s) of %s, target logit %d (%s), "
                    + "attributions %s, baselines %s%n", out, sm.id(), sm.outputs().size(), sm.outputNames(),
                    selected.size(), records.describe(sm), sm.target(), sm.task().id(), maps.keySet(),
                    baselineOptions.describe().get("kind"));
        }
        o.printf("check it with PyTorch (from the repository root):%n  python3 %s %s%n", CHECK_SCRIPT, out);
        o.flush();
        return ExitCodes.OK;
    }

    /**
     * The methods by id, in the order given ({@value #ALL} adds every registered one); checked before any file is
     * read, so a typo fails at once.
     */
    private Map<String, AttributionMethod> methods() {
        List<String> ids = new ArrayList<>();
        for (String id : methods.isEmpty() ? DEFAULT_METHODS : methods) {
            ids.addAll(id.strip().equalsIgnoreCase(ALL) ? AttributionMethods.ids() : List.of(id));
        }
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
