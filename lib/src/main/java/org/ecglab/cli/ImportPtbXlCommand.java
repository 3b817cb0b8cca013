package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecglab.data.ptbxl.BeatUnits;
import org.ecglab.data.ptbxl.PtbXlDatabase;
import org.ecglab.data.ptbxl.PtbXlPlusMedianBeats;
import org.ecglab.data.ptbxl.ScpMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code ecglab import-ptbxl}: PTB-XL+ median beats with PTB-XL labels and folds into one dataset file. */
@Command(name = "import-ptbxl",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        description = {
            "Import PTB-XL+ median beats (12 leads x 600 samples, in mV) labelled with the nine task classes from "
                    + "PTB-XL's scp_codes, split by strat_fold (1-8 train, 9 validation, 10 test).",
            "Units: 12SL values are read in their header's units (mV), Uni-G values as microvolts whatever the header "
                    + "says; every beat's largest peak-to-peak amplitude must then lie in 0.1-10 mV.",
            "Prints the load report: records per class and split, SCP statements no rule maps, and records whose "
                    + "beat files are missing (skipped)."},
        footerHeading = "%nExample:%n",
        footer = {
            "  ecglab import-ptbxl --ptbxl ~/data/ptb-xl-1.0.3 \\",
            "      --plus ~/data/ptb-xl-plus-1.0.1 --source 12sl --out ptbxl-12sl.npz",
            "",
            "The default mapping is data/scp_to_task.csv (see data/README.md for its rationale)."})
final class ImportPtbXlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--ptbxl", required = true, paramLabel = "DIR",
            description = "PTB-XL folder holding ptbxl_database.csv.")
    Path ptbxl;

    @Option(names = "--plus", required = true, paramLabel = "DIR",
            description = "PTB-XL+ folder holding median_beats/.")
    Path plus;

    @Option(names = "--source", paramLabel = "12sl|unig", defaultValue = "12sl", converter = SourceConverter.class,
            description = "Median beats of GE 12SL or of Uni-G.")
    PtbXlPlusMedianBeats.Source source;

    @Option(names = "--mapping", paramLabel = "CSV",
            description = "SCP-statement-to-task mapping (columns scp_code,task,min_likelihood,notes); default: the "
                    + "mapping shipped with the library.")
    Path mapping;

    @Option(names = "--on-unit-mismatch", paramLabel = "fail|rescale", defaultValue = "fail",
            converter = MismatchConverter.class,
            description = "A beat outside 0.1-10 mV peak-to-peak: fail the import, or rescale it by 1000 if that fits "
                    + "(logged, and listed in the report).")
    BeatUnits.OnMismatch onUnitMismatch;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Consider only the first N records of ptbxl_database.csv (0 = all).")
    int limit;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Dataset file to write (.npz).")
    Path out;

    // Last, so the common options come after the command's own in --help.
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
        }
        PtbXlDatabase db = PtbXlDatabase.load(ptbxl.resolve("ptbxl_database.csv"));
        PtbXlPlusMedianBeats loader = PtbXlPlusMedianBeats.from(plus, db).source(source).limit(limit)
                .onUnitMismatch(onUnitMismatch);
        if (mapping != null) {
            loader.mapping(ScpMapping.load(mapping));
        }
        PtbXlPlusMedianBeats.Result result = loader.load();
        if (result.dataset().size() == 0) {
            throw new IOException(plus + ": no median beats found for the " + result.report().recordsInTable()
                    + " records considered; is --source right and is this the PTB-XL+ folder?");
        }
        DatasetIo.save(result.dataset(), out);
        PrintWriter o = spec.commandLine().getOut();
        o.print(result.report());
        o.printf("wrote %s (%d records)%n", out, result.dataset().size());
        o.flush();
        return ExitCodes.OK;
    }

    /** {@code fail} or {@code rescale}. */
    static final class MismatchConverter implements ITypeConverter<BeatUnits.OnMismatch> {
        @Override
        public BeatUnits.OnMismatch convert(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "fail" -> BeatUnits.OnMismatch.FAIL;
                case "rescale" -> BeatUnits.OnMismatch.RESCALE;
                default -> throw new TypeConversionException("'" + value + "' is not fail or rescale");
            };
        }
    }

    /** Accepts the folder names users see on disk ({@code 12sl}, {@code unig}) as well as the enum names. */
    static final class SourceConverter implements ITypeConverter<PtbXlPlusMedianBeats.Source> {
        @Override
        public PtbXlPlusMedianBeats.Source convert(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "12sl", "twelve_sl" -> PtbXlPlusMedianBeats.Source.TWELVE_SL;
                case "unig" -> PtbXlPlusMedianBeats.Source.UNIG;
                default -> throw new TypeConversionException("'" + value + "' is not a median-beat source; use 12sl "
                        + "or unig");
            };
        }
    }
}
