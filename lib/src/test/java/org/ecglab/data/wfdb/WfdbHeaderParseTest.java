package org.ecglab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Header lines that parse as numbers by pattern but are still invalid must give a WfdbException naming the line. */
class WfdbHeaderParseTest {
    private static final Path SOURCE = Path.of("dir", "rec.hea");

    private static String failure(String... lines) {
        WfdbException e = assertThrows(WfdbException.class, () -> WfdbHeader.parse(List.of(lines), SOURCE));
        return e.getMessage();
    }

    private static String malformed(int lineNo, String what, String line) {
        return SOURCE + ": malformed header line " + lineNo + ": " + what + " in \"" + line + "\"";
    }

    @Test
    void aValidSignalLineParses() throws WfdbException {
        WfdbHeader h = WfdbHeader.parse(List.of("rec 1 500 600", "rec.dat 16 1000(5)/uV 16 0 7 -3 0 I"), SOURCE);
        WfdbSignalSpec s = h.signals().get(0);
        assertEquals(1000.0, s.gain());
        assertEquals(5, s.baseline());
        assertEquals(-3, s.checksum());
    }

    @Test
    void negativeOrInfiniteGainNamesTheHeaderAndLine() {
        String line = "rec.dat 16 -200/mV 16 0 0 0 0 I";
        assertEquals(malformed(2, "gain must be positive and finite, got -200.0", line), failure("rec 1", line));
        String huge = "rec.dat 16 1e999/mV 16 0 0 0 0 I";
        assertEquals(malformed(2, "gain must be positive and finite, got Infinity", huge), failure("rec 1", huge));
    }

    @Test
    void aGainOfZeroOrNoGainIsAnUncalibratedSignalAndRefused() {
        // Issue 8: WFDB reads such a signal as 200 units per mV; the lab used to, silently.
        String zero = "rec.dat 16 0/mV 16 0 0 0 0 I";
        String m = failure("rec 1", zero);
        assertEquals(true, m.startsWith(SOURCE + ": malformed header line 2: ADC gain 0: WFDB marks such a signal as "
                + "uncalibrated"), m);
        String none = "rec.dat 16";
        m = failure("rec 1", none);
        assertEquals(true, m.contains("ADC gain missing: WFDB marks such a signal as uncalibrated"), m);
    }

    @Test
    void oversizedIntegersAreOutOfRangeNotNumberFormatExceptions() {
        String format = "rec.dat 99999999999 200/mV";
        assertEquals(malformed(2, "format '99999999999' is out of range", format), failure("rec 1", format));
        String spf = "rec.dat 16x99999999999";
        assertEquals(malformed(2, "samples per frame '99999999999' is out of range", spf), failure("rec 1", spf));
        String skew = "rec.dat 16:99999999999";
        assertEquals(malformed(2, "skew '99999999999' is out of range", skew), failure("rec 1", skew));
        String offset = "rec.dat 16+99999999999999999999";
        assertEquals(malformed(2, "byte offset '99999999999999999999' is out of range", offset),
                failure("rec 1", offset));
        String baseline = "rec.dat 16 200(-99999999999)/mV";
        assertEquals(malformed(2, "baseline '-99999999999' is out of range", baseline), failure("rec 1", baseline));
        String adc = "rec.dat 16 200/mV 99999999999";
        assertEquals(malformed(2, "ADC resolution '99999999999' is out of range", adc), failure("rec 1", adc));
        assertEquals(malformed(1, "number of signals '99999999999' is out of range", "rec 99999999999"),
                failure("rec 99999999999"));
        assertEquals(malformed(2, "ADC resolution 'x' is not an integer", "rec.dat 16 200 x"),
                failure("rec 1", "rec.dat 16 200 x"));
    }

    @Test
    void recordLineErrorsQuoteTheRecordLineNotALeadingComment() {
        assertEquals(malformed(3, "bad sampling frequency 'fast'", "rec 0 fast"),
                failure("# made by hand", "", "rec 0 fast"));
        assertEquals(malformed(2, "number of samples 'many' is not an integer", "rec 0 500 many"),
                failure("# made by hand", "rec 0 500 many"));
    }
}
