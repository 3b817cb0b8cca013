package org.ecglab.data.ptbxl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;

/**
 * Loads PTB-XL+ median beats (Strodthoff et al., Scientific Data 10:279, 2023) as an {@link EcgDataset}, labelled
 * from PTB-XL's {@code scp_codes} through an {@link ScpMapping} and split by {@code strat_fold}. Files are found in
 * the published layout under the PTB-XL+ folder:
 * {@code median_beats/12sl/NNNNN/EEEEE_medians.hea} (GE 12SL; five-digit ecg_id) and
 * {@code median_beats/unig/NNNNN/EEEEEE_medians.hea} (Uni-G; six-digit ecg_id), where {@code NNNNN} is the ecg_id
 * rounded down to a thousand. Each beat is read by {@link MedianBeatFile} (µV to mV, lead order, 500 Hz, 600
 * samples). Records without files are skipped and listed in the report, or fail the load if asked.
 *
 * <pre>{@code
 * var result = PtbXlPlusMedianBeats.from(plusRoot, PtbXlDatabase.load(csv)).source(Source.UNIG).load();
 * System.out.println(result.report());
 * }</pre>
 */
public final class PtbXlPlusMedianBeats {
    /** Which algorithm's median beats to load. */
    public enum Source {
        /** GE Marquette 12SL ({@code median_beats/12sl}, five-digit names). */
        TWELVE_SL("12sl", 5),
        /** Uni-G ({@code median_beats/unig}, six-digit names). */
        UNIG("unig", 6);

        private final String folder;
        private final int digits;

        Source(String folder, int digits) {
            this.folder = folder;
            this.digits = digits;
        }

        /** Header file of {@code ecgId} under the PTB-XL+ root. */
        public Path headerOf(Path plusRoot, int ecgId) {
            String group = String.format(Locale.ROOT, "%05d", ecgId / 1000 * 1000);
            String name = String.format(Locale.ROOT, "%0" + digits + "d_medians.hea", ecgId);
            return plusRoot.resolve("median_beats").resolve(folder).resolve(group).resolve(name);
        }
    }

    /** The loaded dataset and what happened while loading it. */
    public record Result(EcgDataset dataset, PtbXlLoadReport report) {
    }

    private final Path plusRoot;
    private final PtbXlDatabase database;
    private Source source = Source.TWELVE_SL;
    private ScpMapping mapping;
    private boolean failOnMissing;
    private int limit;

    private PtbXlPlusMedianBeats(Path plusRoot, PtbXlDatabase database) {
        this.plusRoot = Objects.requireNonNull(plusRoot, "plusRoot");
        this.database = Objects.requireNonNull(database, "database");
    }

    /** A loader for the PTB-XL+ folder (the one containing {@code median_beats/}) and PTB-XL's record table. */
    public static PtbXlPlusMedianBeats from(Path plusRoot, PtbXlDatabase database) {
        return new PtbXlPlusMedianBeats(plusRoot, database);
    }

    /** Median beats of 12SL (default) or Uni-G. */
    public PtbXlPlusMedianBeats source(Source s) {
        this.source = Objects.requireNonNull(s);
        return this;
    }

    /** The statement-to-task mapping (default {@link ScpMapping#defaults()}). */
    public PtbXlPlusMedianBeats mapping(ScpMapping m) {
        this.mapping = Objects.requireNonNull(m);
        return this;
    }

    /** Fail on the first record without median-beat files instead of skipping and reporting it (default false). */
    public PtbXlPlusMedianBeats failOnMissing(boolean fail) {
        this.failOnMissing = fail;
        return this;
    }

    /** Consider only the first {@code n} records of the table (0, the default, means all). */
    public PtbXlPlusMedianBeats limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + n);
        }
        this.limit = n;
        return this;
    }

    /**
     * Reads the beats and labels.
     *
     * @throws IOException naming the file for an unreadable or malformed beat, or a missing one when
     *                     {@link #failOnMissing(boolean)} is set, or if there is no {@code median_beats} folder
     */
    public Result load() throws IOException {
        Path beatsDir = plusRoot.resolve("median_beats");
        if (!Files.isDirectory(beatsDir)) {
            throw new IOException(plusRoot + ": no median_beats/ folder here; point to the PTB-XL+ root folder");
        }
        ScpMapping map = mapping != null ? mapping : ScpMapping.defaults();
        List<String> ids = new ArrayList<>();
        List<float[][]> signals = new ArrayList<>();
        List<boolean[]> labels = new ArrayList<>();
        List<Split> splits = new ArrayList<>();
        Map<String, Integer> unmapped = new TreeMap<>();
        Map<String, Integer> below = new TreeMap<>();
        List<Integer> missing = new ArrayList<>();
        int considered = 0;
        for (PtbXlRecord r : database.records().values()) {
            if (limit > 0 && considered == limit) {
                break;
            }
            considered++;
            Path hea = source.headerOf(plusRoot, r.ecgId());
            if (!Files.exists(hea)) {
                if (failOnMissing) {
                    throw new IOException(hea + ": median beat of ecg_id " + r.ecgId() + " does not exist");
                }
                missing.add(r.ecgId());
                continue;
            }
            ScpMapping.Labels l = map.labels(r.scpCodes());
            l.unmapped().forEach(c -> unmapped.merge(c, 1, Integer::sum));
            l.belowThreshold().forEach(c -> below.merge(c, 1, Integer::sum));
            signals.add(MedianBeatFile.readMillivolts(hea));
            ids.add(Integer.toString(r.ecgId()));
            labels.add(l.labels());
            splits.add(r.split());
        }
        String name = "PTB-XL+ " + source.folder + " median beats (" + plusRoot + ")";
        EcgDataset data = new EcgDataset(name, ids, signals.toArray(float[][][]::new),
                labels.toArray(boolean[][]::new), splits.toArray(Split[]::new), null);
        Map<Split, Integer> sizes = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            sizes.put(s, data.indices(s).length);
        }
        PtbXlLoadReport report = new PtbXlLoadReport(name + ", mapping: " + map.source(), considered, data.size(), sizes,
                data.classCounts(), unmapped, below, missing);
        return new Result(data, report);
    }
}
