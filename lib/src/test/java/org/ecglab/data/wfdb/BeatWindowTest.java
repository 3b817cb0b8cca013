package org.ecglab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.junit.jupiter.api.Test;

/** A 1.2 s beat cut from a raw 100 Hz recording: peak, window, interpolation and lead placement by hand. */
class BeatWindowTest {
    private static final double HZ = 100;

    /** Lead {@code l}'s signal is {@code l + t / 1000} mV, with a 3 mV peak in lead II at sample 437. */
    private static double[][] recording(List<Lead> order, int samples) {
        double[][] mv = new double[order.size()][samples];
        for (int s = 0; s < order.size(); s++) {
            for (int t = 0; t < samples; t++) {
                mv[s][t] = order.get(s).index() + t / 1000.0;
            }
        }
        mv[order.indexOf(Lead.II)][437] = 3 + Lead.II.index();
        return mv;
    }

    @Test
    void theWindowStartsBeforeThePeakAndInterpolatesLinearly() {
        BeatWindow w = BeatWindow.cut(recording(Lead.STANDARD_ORDER, 1000), Lead.STANDARD_ORDER, HZ, Lead.II, 400);
        assertEquals(437, w.peakSample());
        assertEquals(3.97, w.startSeconds(), 1e-12); // 40 samples (400 ms) before sample 437
        float[] v5 = w.signal()[Lead.V5.index()];
        // Output sample t lies at recording sample 397 + t / 5.
        assertEquals(Lead.V5.index() + 397 / 1000.0, v5[0], 1e-6);
        assertEquals(Lead.V5.index() + 398 / 1000.0, v5[5], 1e-6);
        assertEquals(Lead.V5.index() + (397 + 2 / 5.0) / 1000.0, v5[2], 1e-6);
        float[] ii = w.signal()[Lead.II.index()];
        assertEquals(3 + Lead.II.index(), ii[200], 1e-6); // the peak, 400 ms = 200 output samples in
        assertEquals(EcgFormat.SAMPLES, ii.length);
    }

    @Test
    void leadsArePlacedByNameWhateverTheirOrderInTheFile() {
        List<Lead> shuffled = new ArrayList<>(Lead.STANDARD_ORDER);
        Collections.reverse(shuffled);
        BeatWindow a = BeatWindow.cut(recording(Lead.STANDARD_ORDER, 1000), Lead.STANDARD_ORDER, HZ, Lead.II, 400);
        BeatWindow b = BeatWindow.cut(recording(shuffled, 1000), shuffled, HZ, Lead.II, 400);
        for (Lead l : Lead.STANDARD_ORDER) {
            assertEquals(a.signal()[l.index()][123], b.signal()[l.index()][123], 0, l.label());
        }
    }

    @Test
    void thePeakIsSearchedOnlyWhereAWholeWindowFits() {
        double[][] mv = recording(Lead.STANDARD_ORDER, 1000);
        mv[Lead.II.index()][10] = 50; // too close to the start for 400 ms before it
        mv[Lead.II.index()][990] = 50; // too close to the end for the 800 ms after it
        assertEquals(437, BeatWindow.cut(mv, Lead.STANDARD_ORDER, HZ, Lead.II, 400).peakSample());
        // The last peak that still fits: the window ends one sample before the record does, so interpolation
        // never reaches past it (sample 919 + 80 = 999).
        mv[Lead.II.index()][919] = 60;
        BeatWindow last = BeatWindow.cut(mv, Lead.STANDARD_ORDER, HZ, Lead.II, 400);
        assertEquals(919, last.peakSample());
        assertEquals(Lead.V5.index() + (879 + 599 / 5.0) / 1000.0, last.signal()[Lead.V5.index()][599], 1e-6);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, // 1 s of recording for a 1.2 s window
                () -> BeatWindow.cut(new double[12][100], Lead.STANDARD_ORDER, HZ, Lead.II, 400));
        assertThrows(IllegalArgumentException.class, // exactly one window: no sample to interpolate towards
                () -> BeatWindow.cut(new double[12][120], Lead.STANDARD_ORDER, HZ, Lead.II, 400));
        List<Lead> twice = new ArrayList<>(Lead.STANDARD_ORDER);
        twice.set(0, Lead.II);
        assertThrows(IllegalArgumentException.class,
                () -> BeatWindow.cut(recording(Lead.STANDARD_ORDER, 1000), twice, HZ, Lead.II, 400));
    }
}
