package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ecglab.data.Lead;
import org.junit.jupiter.api.Test;

class WaveProbeTest {
    /** The probe of all waves equals the rendered, projected beat at every sample. */
    @Test
    void probeOfAllWavesIsTheProjectedBeat() {
        BeatModel beat = new PatientSampler(8).sample(new java.util.SplittableRandom(3));
        float[][] ecg = DowerProjection.project(beat.dipole().render());
        for (Lead lead : Lead.values()) {
            WaveProbe probe = WaveProbe.of(beat.dipole(), "", lead);
            for (int t = 0; t < 600; t += 7) {
                assertEquals(ecg[lead.index()][t], probe.at(2.0 * t), 1e-5, lead + " sample " + t);
            }
        }
    }

    @Test
    void extremesAndInitialNegativeDeflection() {
        // Lead I = 0.632 X: a Q of -0.632 mV centred at 20 ms (width 5), then an R of 1.264 mV at 50 ms.
        CardiacDipole d = new CardiacDipole(List.of(new GaussianWave("QRS_Q", -1, 0, 0, 20, 5),
                new GaussianWave("QRS_R", 2, 0, 0, 50, 5)));
        WaveProbe i = WaveProbe.of(d, "QRS_", Lead.I);
        assertEquals(1.264, i.max(0, 100), 1e-3);
        assertEquals(-0.632, i.min(0, 100), 1e-3);
        assertEquals(1.264, i.extreme(0, 100), 1e-3);
        // The Q ends where the two Gaussians cancel: exp(-(t-20)²/50) = 2 exp(-(t-50)²/50), t = 35 - 50 ln2 / 60 ms.
        assertEquals(35 - 50 * Math.log(2) / 60, i.initialNegativeMs(0, 100, 0.03), WaveProbe.STEP_MS);
        assertEquals(0, WaveProbe.of(d, "QRS_R", Lead.I).initialNegativeMs(0, 100, 0.03));
        // A lead that stays negative to the end: a QS complex lasts the whole window.
        assertEquals(100, WaveProbe.of(d, "QRS_Q", Lead.I).initialNegativeMs(0, 100, 0.03), WaveProbe.STEP_MS);
    }
}
