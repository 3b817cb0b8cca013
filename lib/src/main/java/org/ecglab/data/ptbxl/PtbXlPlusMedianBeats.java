package org.ecglab.data.ptbxl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;

/**
 * Loads PTB-XL+ median beats (Strodthoff et al., Scientific Data 10:279, 2023) as an {@link EcgDataset}, labelled
 * from PTB-XL's {@code scp_codes} through an {@link ScpMapping} and split by {@code strat_fold}. Files are found in
 * the published layout under the PTB-XL+ folder:
 * {@code median_beats/12sl/NNNNN/EEEEE_medians.hea} (GE 12SL; five-digit ecg_id) and
 * {@code median_beats/unig/NNNNN/EEEEEE_medians.hea} (Uni-G; six-digit ecg_id), where {@code NNNNN} is the ecg_id
 * rounded down to a thousand. Each beat is read by {@link MedianBeatFile} (lead order, 500 Hz, 600 samples) under
 * the units rule of its {@link Source}, verified on every beat ({@link BeatUnits}). Records without files are skipped
 * and listed in the report, with the release's own missing count beside them, or fail the load if asked. With
 * {@link #fiducials(Path)}, ECGdeli's fiducial points are placed in each beat ({@link FiducialAligner}).
 *
 * <pre>{@code
 * var result = PtbXlPlusMedianBeats.from(plusRoot, PtbXlDatabase.load(csv)).source(Source.UNIG).load();
 * System.out.println(result.report());
 * }</pre>
 */
public final class PtbXlPlusMedianBeats {
    /** ECGs in PTB-XL 1.0.3 and hence in the PTB-XL+ 1.0.1 release. */
    public static final int RELEASE_RECORDS = 21_799;

    /**
     * Which algorithm's median beats to load, with the release's layout and the units rule for its values. What the
     * release holds is taken from public descriptions by people who read its files (we had none): see data/README.md.
     */
    public enum Source {
        /**
         * GE Marquette 12SL ({@code median_beats/12sl/NNNNN/EEEEE_medians}, five-digit names). Format 32, 600
         * samples x 12 leads at 500 Hz; record and signal-file names carry a {@code ge_median_beats_wfdb/} prefix.
         * Units: as the header says (mV), verified on every beat; nobody whose description we found has decoded a
         * 12SL value. The release is described as lacking 885 of the 21,799 beats.
         */
        TWELVE_SL("12sl", "12SL", 5, BeatUnits.ValueUnit.AS_HEADER, 885),
        /**
         * Uni-G ({@code median_beats/unig/NNNNN/EEEEEE_medians}, six-digit names in five-digit thousand folders).
         * Format 212 (a 10,800-byte file for 12 x 600 samples: 1.5 bytes per sample), per-lead gains such as
         * {@code 5.9756(-1557)/mV}. Units: microvolts whatever the header says (decoded values span about -1,361 to
         * +602). The release is described as lacking 5 of the 21,799 beats.
         */
        UNIG("unig", "Uni-G", 6, BeatUnits.ValueUnit.MICROVOLTS, 5);

        private final String folder;
        private final String displayName;
        private final int digits;
        private final BeatUnits.ValueUnit valueUnit;
        private final int releaseMissing;

        Source(String folder, String displayName, int digits, BeatUnits.ValueUnit valueUnit, int releaseMissing) {
            this.folder = folder;
            this.displayName = displayName;
            this.digits = digits;
            this.valueUnit = valueUnit;
            this.releaseMissing = releaseMissing;
        }

        /** Header file of {@code ecgId} under the PTB-XL+ root. */
        public Path headerOf(Path plusRoot, int ecgId) {
            String group = String.format(Locale.ROOT, "%05d", ecgId / 1000 * 1000);
            String name = String.format(Locale.ROOT, "%0" + digits + "d_medians.hea", ecgId);
            return plusRoot.resolve("median_beats").resolve(folder).resolve(group).resolve(name);
        }

        /** What this source's stored values are. */
        public BeatUnits.ValueUnit valueUnit() {
            return valueUnit;
        }

        /** ECGs of the release without a beat of this source, as the release is described. */
        public int releaseMissing() {
            return releaseMissing;
        }

        /** The units rule as a sentence, for reports. */
        public String unitsRule() {
            return displayName + " values read " + valueUnit.description();
        }
    }

    /**
     * The loaded dataset, what happened while loading it, and per beat its fiducial points (in dataset order;
     * {@link BeatFiducials#NONE} where none were placed or none were asked for).
     */
    public record Result(EcgDataset dataset, PtbXlLoadReport report, List<BeatFiducials> fiducials) {
        public Result {
            fiducials = List.copyOf(fiducials);
        }
    }

    private final Path plusRoot;
    private final PtbXlDatabase database;
    private Source source = Source.TWELVE_SL;
    private ScpMapping mapping;
    private boolean failOnMissing;
    private int limit;
    private BeatUnits.OnMismatch onUnitMismatch = BeatUnits.OnMismatch.FAIL;
    private Path ptbxlRoot;

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

    /**
     * What to do with a beat whose amplitude is not physiological after the source's units rule ({@link BeatUnits}):
     * fail the load (default) or rescale it by 1000 if that fits, logged and counted in the report.
     */
    public PtbXlPlusMedianBeats onUnitMismatch(BeatUnits.OnMismatch policy) {
        this.onUnitMismatch = Objects.requireNonNull(policy);
        return this;
    }

    /**
     * Also load ECGdeli fiducial points ({@code fiducial_points/ecgdeli/}) and place them in each beat
     * ({@link FiducialAligner}), which needs the raw 500 Hz records of PTB-XL ({@code records500/} under
     * {@code ptbxlRoot}) to align the points, measured in the raw recording, with the beat.
     */
    public PtbXlPlusMedianBeats fiducials(Path ptbxlRoot) {
        this.ptbxlRoot = Objects.requireNonNull(ptbxlRoot);
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
        List<BeatFiducials> fiducials = new ArrayList<>();
        Map<String, Integer> unmapped = new TreeMap<>();
        Map<String, Integer> below = new TreeMap<>();
        List<Integer> missing = new ArrayList<>();
        Map<Integer, Double> rescaled = new LinkedHashMap<>();
        Set<String> headerUnits = new TreeSet<>();
        double minPtp = Double.NaN;
        double maxPtp = Double.NaN;
        FiducialSummary.Builder points = new FiducialSummary.Builder();
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
            MedianBeatFile.Beat beat = MedianBeatFile.read(hea, source.valueUnit(), onUnitMismatch);
            if (beat.rescale() != 1) {
                rescaled.put(r.ecgId(), beat.rescale());
            }
            headerUnits.add(beat.headerUnits());
            double ptp = beat.asRead().millivolts();
            minPtp = Double.isNaN(minPtp) ? ptp : Math.min(minPtp, ptp);
            maxPtp = Double.isNaN(maxPtp) ? ptp : Math.max(maxPtp, ptp);
            signals.add(beat.signal());
            fiducials.add(ptbxlRoot == null ? BeatFiducials.NONE : BeatFiducialsLoader.load(plusRoot, ptbxlRoot, r,
                    beat.signal(), points));
            ids.add(Integer.toString(r.ecgId()));
            labels.add(l.labels());
            splits.add(r.split());
        }
        String name = "PTB-XL+ " + source.folder + " median beats (" + plusRoot + ")";
        EcgDataset data = new EcgDataset(name, ids, signals.toArray(float[][][]::new),
                labels.toArray(boolean[][]::new), splits.toArray(Split[]::new), null);
        if (ptbxlRoot != null) {
            // The dataset file then keeps the points (and marks the absent ones) beside the beats.
            data = data.withBeatFiducials(fiducials.toArray(BeatFiducials[]::new));
        }
        Map<Split, Integer> sizes = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            sizes.put(s, data.indices(s).length);
        }
        UnitCheckSummary units = new UnitCheckSummary(source.unitsRule(), signals.size(), rescaled, minPtp, maxPtp,
                String.join(", ", headerUnits));
        PtbXlLoadReport report = new PtbXlLoadReport(name + ", mapping: " + map.source(), considered, data.size(), sizes,
                data.classCounts(), unmapped, below, missing, source.releaseMissing(), units,
                ptbxlRoot == null ? FiducialSummary.NOT_REQUESTED : points.build());
        return new Result(data, report, fiducials);
    }
}
