package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecglab generate}: the embedded synthetic dataset, deterministic from a seed. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        description = {
            "Generate a synthetic dataset: physiological median beats (cardiac dipole model projected with the Dower "
                    + "matrix) of all nine classes, one-hot labelled, split 60/20/20 within each class, with a "
                    + "ground-truth mask of where the pathology changed each ECG.",
            "The same seed and size give the same file."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ecglab generate --per-class 100 --seed 1 --out data.npz",
            "  ecglab generate --per-class 20 --seed 7 --noise-free --out clean.npz"})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--per-class", paramLabel = "N", defaultValue = "100", description = "ECGs per class.")
    int perClass;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of patients and noise.")
    long seed;

    @Option(names = "--noise-free", description = "No baseline wander and no muscle noise.")
    boolean noiseFree;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Dataset file to write (.npz).")
    Path out;

    // Last, so the common options come after the command's own in --help.
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        SyntheticConfig config = noiseFree ? SyntheticConfig.noiseFree() : SyntheticConfig.defaults();
        EcgDataset data = new SyntheticEcgGenerator(config).dataset(perClass, seed);
        DatasetIo.save(data, out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s: %s%n", out, data);
        o.flush();
        return ExitCodes.OK;
    }
}
