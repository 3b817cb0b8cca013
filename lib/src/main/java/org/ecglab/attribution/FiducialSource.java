package org.ecglab.attribution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecglab.data.BeatDelineator;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.EcgDataset;

/**
 * Where the fiducial points of an ECG come from when a {@code waves} feature mask ({@link FeatureMaskSpec}) is built
 * for it: points given with the ECGs (the synthetic generator's designed points, PTB-XL+'s ECGdeli points), looked up
 * by the ECG's content so that any subset or chunk of the ECGs finds its own, or a delineation of the signal itself.
 */
public interface FiducialSource {

    /**
     * The fiducial points of {@code ecg}.
     *
     * @throws IllegalArgumentException if this source has none for it
     */
    BeatFiducials fiducials(float[][] ecg);

    /** One line for provenance and messages, e.g. "given for 270 ECGs". */
    String describe();

    /**
     * Points found in each ECG's own signal by {@link BeatDelineator} (the default for ECGs that come without
     * fiducial points).
     */
    static FiducialSource delineated() {
        return Delineated.INSTANCE;
    }

    /**
     * Points given per ECG: {@code fiducials.get(i)} belongs to {@code signals[i]}, found again by content (a
     * SHA-256 of the signal), so an ECG passed to a method later, alone or in another order, gets its own points.
     *
     * @throws IllegalArgumentException if the counts differ or two equal signals carry different points
     */
    static FiducialSource given(float[][][] signals, List<BeatFiducials> fiducials) {
        if (signals.length != fiducials.size()) {
            throw new IllegalArgumentException(fiducials.size() + " fiducial sets for " + signals.length + " ECGs");
        }
        Map<String, BeatFiducials> byContent = new HashMap<>();
        for (int i = 0; i < signals.length; i++) {
            BeatFiducials f = Objects.requireNonNull(fiducials.get(i), "fiducials of ECG " + i);
            BeatFiducials earlier = byContent.putIfAbsent(key(signals[i]), f);
            if (earlier != null && !earlier.equals(f)) {
                throw new IllegalArgumentException("ECG " + i + " has the same signal as an earlier one but other "
                        + "fiducial points: " + f + " vs " + earlier);
            }
        }
        int count = signals.length;
        return new FiducialSource() {
            @Override
            public BeatFiducials fiducials(float[][] ecg) {
                BeatFiducials f = byContent.get(key(ecg));
                if (f == null) {
                    throw new IllegalArgumentException("no fiducial points were given for this ECG (the source holds "
                            + count + " ECGs; an ECG is found by its exact values)");
                }
                return f;
            }

            @Override
            public String describe() {
                return "given for " + count + " ECGs";
            }

            @Override
            public String toString() {
                return "FiducialSource[" + describe() + "]";
            }
        };
    }

    /**
     * The points {@code data} carries ({@link EcgDataset#beatFiducials}: the generator's designed points, PTB-XL+'s
     * ECGdeli points) for each record that has its QRS onset and offset, which wave segments need; the other records,
     * and every record of a dataset without points, are delineated ({@link #delineated()}). Records are found by
     * content as in {@link #given}, one at a time, so a memory-mapped dataset is not read into memory.
     *
     * @throws IllegalArgumentException if two records with equal signals carry different points
     */
    static FiducialSource of(EcgDataset data) {
        Map<String, BeatFiducials> byContent = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            BeatFiducials f = data.beatFiducials(i);
            if (BeatFiducials.present(f.qrsOnset()) && BeatFiducials.present(f.qrsOffset())) {
                BeatFiducials earlier = byContent.putIfAbsent(key(data.signal(i)), f);
                if (earlier != null && !earlier.equals(f)) {
                    throw new IllegalArgumentException(data.name() + " record " + data.ids().get(i) + " has the same "
                            + "signal as an earlier one but other fiducial points: " + f + " vs " + earlier);
                }
            }
        }
        String description = "given for " + byContent.size() + " of " + data.size() + " ECGs ("
                + data.name() + "), delineated for the rest (BeatDelineator)";
        return new FiducialSource() {
            @Override
            public BeatFiducials fiducials(float[][] ecg) {
                BeatFiducials f = byContent.isEmpty() ? null : byContent.get(key(ecg));
                return f != null ? f : BeatDelineator.delineate(ecg);
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public String toString() {
                return "FiducialSource[" + description + "]";
            }
        };
    }

    private static String key(float[][] ecg) {
        return DatasetHash.ofSignals(new float[][][] {ecg});
    }

    /** {@link #delineated()}. */
    enum Delineated implements FiducialSource {
        INSTANCE;

        @Override
        public BeatFiducials fiducials(float[][] ecg) {
            return BeatDelineator.delineate(ecg);
        }

        @Override
        public String describe() {
            return "delineated from each ECG (BeatDelineator)";
        }
    }
}
