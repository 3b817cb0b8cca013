package org.ecglab.data.wfdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.data.io.AtomicFiles;

/**
 * Writes a single-file WFDB record ({@code name.hea} + {@code name.dat}, all signals interleaved) in format 16,
 * 32 or 212, with each signal's initial value and checksum in the header. Both files are written as one unit
 * ({@link AtomicFiles#writeAll}): if writing fails, an existing record of that name is left as it was, and no
 * half-written file or new signal file beside an old header remains.
 */
public final class WfdbWriter {
    private WfdbWriter() {
    }

    /**
     * Writes {@code digital[s][t]} as record {@code recordName} in {@code dir}.
     *
     * @param gain     ADC units per {@code units} (same for every signal), e.g. 1000 per mV
     * @param names    one description per signal, e.g. lead names
     * @param comments header comment lines (without {@code #}); may be empty
     * @return the header file written
     * @throws IllegalArgumentException if signals differ in length, a value does not fit the format, or names and
     *                                  signals disagree in number
     * @throws IOException              if writing fails (an existing record of that name is then unchanged)
     */
    public static Path write(Path dir, String recordName, WfdbFormat format, double samplingFrequency, double gain,
            String units, List<String> names, int[][] digital, List<String> comments) throws IOException {
        if (names.size() != digital.length) {
            throw new IllegalArgumentException(recordName + ": " + names.size() + " names for " + digital.length
                    + " signals");
        }
        int n = digital.length == 0 ? 0 : digital[0].length;
        int[] stream = new int[digital.length * n];
        List<WfdbSignalSpec> specs = new ArrayList<>();
        String datName = recordName + ".dat";
        for (int s = 0; s < digital.length; s++) {
            if (digital[s].length != n) {
                throw new IllegalArgumentException(recordName + ": signal " + s + " has " + digital[s].length
                        + " samples, signal 0 has " + n);
            }
            for (int t = 0; t < n; t++) {
                stream[t * digital.length + s] = digital[s][t];
            }
            int init = n == 0 ? 0 : digital[s][0];
            specs.add(WfdbSignalSpec.of(datName, format.code(), gain, 0, units,
                    format == WfdbFormat.F212 ? 12 : format.code(), init, WfdbSignalSpec.checksumOf(digital[s]),
                    names.get(s)));
        }
        byte[] data = format.encode(stream);
        WfdbHeader header = new WfdbHeader(recordName, samplingFrequency, n, "", "", specs, comments);
        Path hea = dir.resolve(recordName + ".hea");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(dir.resolve(datName), data);
        files.put(hea, header.format().getBytes(StandardCharsets.ISO_8859_1));
        AtomicFiles.writeAll(files);
        return hea;
    }
}
