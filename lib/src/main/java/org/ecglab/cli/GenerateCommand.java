package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.train.ConsoleProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ecglab generate}: the embedded synthetic dataset, deterministic from a seed. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        description = {
            "Generate a synthetic dataset: physiological median beats (cardiac dipole model projected with the Dower "
                    + "matrix) drawn for all nine classes, split 60/20/20 within each class. Per class a quarter are "
                    + "borderline cases just short of the criterion, a fifth of the positives carry a second "
                    + "finding; labels are multi-hot, with label noise at --label-noise. The file keeps the labels "
                    + "before noise, a ground-truth mask of where the findings changed each ECG, each beat's RR "
                    + "interval and its designed fiducial points (P onset, QRS onset and offset, T end).",
            "The same seed and size give the same file, byte for byte. Beats are written one at a time, so any "
                    + "size fits in memory (a million ECGs: --per-class 111112, about 36 GB on disk)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ecglab generate --per-class 100 --seed 1 --out data.npz",
            "  ecglab generate --per-class 20 --seed 7 --noise-free --out clean.npz"})
final class GenerateCommand implements Callable<Integer> {
    /** Smaller datasets are done in a moment: no bar. */
    private static final long PROGRESS_FROM = 10_000;
    private static final int PROGRESS_EVERY = 1_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--per-class", paramLabel = "N", defaultValue = "100", description = "ECGs per class.")
    int perClass;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of patients and noise.")
    long seed;

    @Option(names = "--noise-free", description = "No baseline wander and no muscle noise (the same patients).")
    boolean noiseFree;

    @Option(names = "--label-noise", paramLabel = "RATE", defaultValue = "0.02",
            description = "Share of each class's positive labels in each split flipped to negative, matched by as "
                    + "many negatives flipped to positive (0 to 0.2).")
    double labelNoise;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Dataset file to write (.npz).")
    Path out;

    // Last, so the common options come after the command's own in --help.
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        int classes = DiagnosticClass.ALL.size();
        OptionChecks.atLeast("--per-class", perClass, SyntheticEcgGenerator.MIN_PER_CLASS);
        OptionChecks.atMost("--per-class", perClass, SyntheticEcgGenerator.MAX_RECORDS / classes, "at most "
                + String.format(Locale.ROOT, "%,d", SyntheticEcgGenerator.MAX_RECORDS) + " records in all");
        if (!(labelNoise >= 0 && labelNoise <= SyntheticConfig.MAX_LABEL_NOISE)) {
            throw new ParameterException(spec.commandLine(), "--label-noise must be between 0 and "
                    + SyntheticConfig.MAX_LABEL_NOISE + ", got " + labelNoise);
        }
        DatasetIo.checkWritable(out);
        SyntheticConfig config = (noiseFree ? SyntheticConfig.noiseFree() : SyntheticConfig.defaults())
                .withLabelNoise(labelNoise);
        long n = (long) perClass * classes;
        // One beat at a time straight into the file: memory holds one beat and the plan (about 100 bytes a record).
        try (ConsoleProgress bar = ConsoleProgress.start(common.showProgress() && n >= PROGRESS_FROM, "generate", n,
                " ECGs")) {
            new SyntheticEcgGenerator(config).writeDataset(perClass, seed, out, done -> {
                if (done % PROGRESS_EVERY == 0 || done == n) {
                    bar.stepTo(done);
                }
            });
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s: synthetic(seed=%d, perClass=%d), %,d records (60/20/20 per class), with "
                + "label noise %s, labels before noise, ground-truth masks, RR and designed fiducials, %,d bytes%n", out,
                seed, perClass, n, labelNoise, Files.size(out));
        o.flush();
        return ExitCodes.OK;
    }
}
