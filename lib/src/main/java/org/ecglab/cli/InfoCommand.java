package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecglab info}: what a dataset file holds. */
@Command(name = "info",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "Summarise a dataset file: its name, number of records per split, positives per class and "
                + "split, and whether ground-truth masks, labels before label noise, RR intervals and fiducial "
                + "points are present.",
        footerHeading = "%nExample:%n",
        footer = "  ecglab info data.npz")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", description = "A dataset .npz file (from 'ecglab generate' or "
            + "'ecglab import-ptbxl').")
    Path file;

    // Last, so the common options come after the command's own in --help.
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        EcgDataset data = DatasetIo.load(file);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("file:     %s%n", file);
        out.printf("name:     %s%n", data.name());
        int train = data.indices(Split.TRAIN).length;
        int val = data.indices(Split.VALIDATION).length;
        int test = data.indices(Split.TEST).length;
        out.printf("records:  %d (train %d, validation %d, test %d)%n", data.size(), train, val, test);
        out.printf("masks:    %s%n", masksLine(data));
        out.printf("timing:   %s%n", timingLine(data));
        out.printf("labels:   %s%n", data.hasTrueLabels() ? labelNoiseLine(data) : "as given (no noise-free labels)");
        out.println();
        out.printf("%-6s %7s %7s %7s %7s  %s%n", "class", "train", "val", "test", "total", "name");
        Map<Split, Map<DiagnosticClass, Integer>> counts = data.classCounts();
        for (DiagnosticClass c : DiagnosticClass.values()) {
            int tr = counts.get(Split.TRAIN).get(c);
            int va = counts.get(Split.VALIDATION).get(c);
            int te = counts.get(Split.TEST).get(c);
            out.printf("%-6s %7d %7d %7d %7d  %s%n", c.id(), tr, va, te, tr + va + te, c.displayName());
        }
        out.printf("%-6s %7d %7d %7d %7d%n", "all", train, val, test, data.size());
        out.printf("unlabelled records (no class): %d%n", unlabelled(data));
        out.flush();
        return ExitCodes.OK;
    }

    private static String masksLine(EcgDataset data) {
        if (!data.hasMasks()) {
            return "none";
        }
        int present = 0;
        for (int i = 0; i < data.size(); i++) {
            present += data.mask(i) != null ? 1 : 0;
        }
        return "present for " + present + " of " + data.size() + " records";
    }

    private static String timingLine(EcgDataset data) {
        if (!data.hasBeatFiducials()) {
            return "none";
        }
        int complete = 0;
        int rr = 0;
        for (int i = 0; i < data.size(); i++) {
            complete += data.beatFiducials(i).complete() ? 1 : 0;
            rr += Double.isNaN(data.beatFiducials(i).rrMs()) ? 0 : 1;
        }
        return "all four fiducial points for " + complete + " of " + data.size() + " records, RR for " + rr;
    }

    private static String labelNoiseLine(EcgDataset data) {
        int flipped = 0;
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < DiagnosticClass.ALL.size(); c++) {
                flipped += data.labels(i)[c] != data.trueLabels(i)[c] ? 1 : 0;
            }
        }
        return flipped + " of " + data.size() * DiagnosticClass.ALL.size() + " labels differ from the labels before "
                + "label noise";
    }

    private static int unlabelled(EcgDataset data) {
        int n = 0;
        for (int i = 0; i < data.size(); i++) {
            boolean any = false;
            for (boolean b : data.labels(i)) {
                any |= b;
            }
            n += any ? 0 : 1;
        }
        return n;
    }
}
