package org.ecglab.data.synthetic;

import java.util.Locale;
import org.ecglab.data.DiagnosticClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Synthetic beats per second (a benchmark, not part of the normal test run: wall time is not a unit test's
 * business). Run from the project root with
 *
 * <pre>mvn -q -B -o -pl lib test -Dtest=SyntheticGeneratorBenchmark -Decglab.benchmark=true</pre>
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class SyntheticGeneratorBenchmark {
    private static final int PATIENTS_PER_CLASS = 1000;

    @Test
    void beatsPerSecond() {
        SyntheticEcgGenerator generator = new SyntheticEcgGenerator(SyntheticConfig.defaults());
        generator.dataset(10, 0); // warm up the JIT
        long start = System.nanoTime();
        long checksum = 0;
        for (DiagnosticClass c : DiagnosticClass.values()) {
            for (long seed = 0; seed < PATIENTS_PER_CLASS; seed++) {
                checksum += Float.floatToIntBits(generator.beat(c, seed).signal()[0][300]);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int beats = PATIENTS_PER_CLASS * DiagnosticClass.values().length;
        System.out.printf(Locale.ROOT, "synthetic generator: %d beats with masks in %.2f s, %.0f beats/s "
                + "(checksum %d)%n", beats, seconds, beats / seconds, checksum);
    }
}
