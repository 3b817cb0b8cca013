package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.ecglab.data.BeatDelineator;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.WaveSegments;
import org.junit.jupiter.api.Test;

/**
 * Our delineation against the generator's designed fiducial points, on 60 noisy beats per class from seeds the
 * delineator's constants were not chosen on (5000–5059). The printed table is the README's.
 */
class BeatDelineatorAccuracyTest {
    private static final SyntheticEcgGenerator GENERATOR = new SyntheticEcgGenerator(SyntheticConfig.defaults());

    @Test
    void delineationFindsTheDesignedPoints() {
        DelineationAccuracy acc = DelineationAccuracy.measure(GENERATOR, DiagnosticClass.ALL, 5000, 60);
        StringBuilder table = new StringBuilder("| class | P onset | QRS onset | QRS offset | T end |\n|---|---|---|---|---|\n");
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            table.append(row(acc, c.id(), c));
        }
        table.append(row(acc, "all", null));
        System.out.println("Delineation error |found − designed|: median in ms, share within 20 ms\n" + table);
        assertTrue(acc.within(0, 20, null) >= 0.93 && acc.medianAbsMs(0, null) <= 8, "P onset\n" + table);
        assertTrue(acc.within(1, 20, null) >= 0.98 && acc.medianAbsMs(1, null) <= 3, "QRS onset\n" + table);
        assertTrue(acc.within(2, 20, null) >= 0.95 && acc.medianAbsMs(2, null) <= 3, "QRS offset\n" + table);
        // The slow terminal R' of RBBB, which has no pause before it, is part of the QRS (a second velocity burst).
        assertTrue(acc.within(2, 20, DiagnosticClass.RBBB) >= 0.95, "RBBB QRS offset\n" + table);
        // T end is the weak point on issue 12's data: noise levels vary x1/2..x2 per recording and borderline lateral
        // T-wave inversion makes T waves of about 0.1 mV, whose end the 10 % threshold finds late under noise; ST
        // elevation merging into T ends it about 20 ms early. Measured: 74 % within 20 ms (ASTE 50 %, LTWI 53 %).
        assertTrue(acc.within(3, 20, null) >= 0.7 && acc.medianAbsMs(3, null) <= 15, "T end\n" + table);
    }

    @Test
    void theWaveSplitRulePutsPOffsetNearTheDesignedOne() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            for (long seed = 5000; seed < 5020; seed++) {
                PatientParameters p = GENERATOR.beat(c, seed).patient();
                double pOnset = p.qrsOnsetMs() - p.prMs();
                BeatFiducials designed = new BeatFiducials(EcgFormat.msToSample(pOnset),
                        EcgFormat.msToSample(p.qrsOnsetMs()), EcgFormat.msToSample(p.qrsOnsetMs() + p.qrsMs()),
                        EcgFormat.msToSample(p.qrsOnsetMs() + p.qtMs()), Double.NaN);
                double error = WaveSegments.of(designed).pOffset() * EcgFormat.MS_PER_SAMPLE - (pOnset + p.pDurationMs());
                min = Math.min(min, error);
                max = Math.max(max, error);
            }
        }
        System.out.printf(Locale.ROOT, "P offset by the rule minus the designed P offset: %+.1f to %+.1f ms%n", min, max);
        assertTrue(min >= -10 && max <= 20, min + " .. " + max);
    }

    @Test
    void aFlatBeatHasNoQrs() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> BeatDelineator.delineate(new float[12][600])).getMessage();
        assertEquals("beat to delineate is flat: no QRS complex to find", m);
    }

    private static String row(DelineationAccuracy acc, String name, DiagnosticClass c) {
        StringBuilder sb = new StringBuilder("| " + name);
        for (int k = 0; k < DelineationAccuracy.POINTS.size(); k++) {
            sb.append(String.format(Locale.ROOT, " | %.1f ms, %.0f%%", acc.medianAbsMs(k, c), 100 * acc.within(k, 20, c)));
        }
        return sb.append(" |\n").toString();
    }
}
