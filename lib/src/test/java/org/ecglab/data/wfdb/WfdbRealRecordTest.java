package org.ecglab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.ecglab.data.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real PTB-XL record 00001 (100 Hz): header checksums and initial values must all verify. */
class WfdbRealRecordTest {
    private static final List<String> LEADS =
            List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6");

    @Test
    void readsTheRepositoryFixture() throws Exception {
        check(TestFiles.ptbxlFixture().resolve("00001_lr"));
    }

    @Test
    void readsTheSharedSampleWhenPresent() throws Exception {
        var shared = TestFiles.findUp("shared/data/ptbxl-sample");
        Assumptions.assumeTrue(shared.isPresent(),
                "shared/data/ptbxl-sample not found above the working directory; fixture test covers the same file");
        check(shared.get().resolve("00001_lr.hea"));
    }

    private static void check(Path record) throws WfdbException {
        WfdbRecord r = WfdbRecord.read(record); // throws on any checksum or initial-value mismatch
        assertEquals(12, r.numSignals());
        assertEquals(1000, r.numSamples());
        assertEquals(100.0, r.header().samplingFrequency());
        assertEquals(LEADS, r.signalNames());
        assertEquals("00001_lr", r.header().recordName());
        // first frame as dumped with `od -t d2`: -119 -55 64 86 -91 4 -69 -31 0 -26 -39 -79
        int[] firstFrame = {-119, -55, 64, 86, -91, 4, -69, -31, 0, -26, -39, -79};
        for (int s = 0; s < 12; s++) {
            assertEquals(firstFrame[s], r.digital(s)[0]);
            assertEquals(1000.0, r.header().signals().get(s).gain());
        }
        // second sample of lead II is -51 -> -0.051 mV at gain 1000/mV
        assertArrayEquals(new double[] {-0.055, -0.051}, java.util.Arrays.copyOf(r.millivolts(1), 2), 1e-12);
        // the header stores checksum 64758 (unsigned) for lead III; WFDB's signed form is 64758 - 65536
        assertEquals(64758 - 65536, WfdbSignalSpec.checksumOf(r.digital(2)));
    }
}
