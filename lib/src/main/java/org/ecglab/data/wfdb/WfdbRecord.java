package org.ecglab.data.wfdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WFDB record read into memory: its header and the digital samples of every signal. Reading verifies, per
 * signal, that the first sample equals the header's initial value and that the 16-bit sum of all samples equals
 * the header's checksum (compared modulo 65536, since WFDB writes it as a signed short and some writers as
 * unsigned). Signals may live in several signal files; each file holds its signals interleaved frame by frame.
 */
public final class WfdbRecord {
    private final Path headerFile;
    private final WfdbHeader header;
    private final int[][] digital;

    private WfdbRecord(Path headerFile, WfdbHeader header, int[][] digital) {
        this.headerFile = headerFile;
        this.header = header;
        this.digital = digital;
    }

    /**
     * Reads a record given its header file ({@code x.hea}) or its record path without extension ({@code x}).
     *
     * @throws WfdbException naming the file and what is wrong: missing header or signal file, truncated data,
     *                       unsupported format, initial-value or checksum mismatch, malformed header
     */
    public static WfdbRecord read(Path recordOrHeader) throws WfdbException {
        Path hea = recordOrHeader.getFileName().toString().endsWith(".hea") ? recordOrHeader
                : recordOrHeader.resolveSibling(recordOrHeader.getFileName() + ".hea");
        WfdbHeader header = WfdbHeader.read(hea);
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (int s = 0; s < header.numSignals(); s++) {
            byFile.computeIfAbsent(header.signals().get(s).fileName(), k -> new ArrayList<>()).add(s);
        }
        int[][] digital = new int[header.numSignals()][];
        for (Map.Entry<String, List<Integer>> e : byFile.entrySet()) {
            readFile(hea, header, e.getKey(), e.getValue(), digital);
        }
        WfdbRecord record = new WfdbRecord(hea, header, digital);
        record.verify();
        return record;
    }

    private static void readFile(Path hea, WfdbHeader header, String fileName, List<Integer> signals,
            int[][] digital) throws WfdbException {
        Path dat = signalFile(hea, fileName);
        WfdbSignalSpec first = header.signals().get(signals.get(0));
        for (int s : signals) {
            WfdbSignalSpec spec = header.signals().get(s);
            if (spec.format() != first.format() || spec.byteOffset() != first.byteOffset()) {
                throw new WfdbException(hea, "signals " + signals + " share " + fileName
                        + " but differ in format or byte offset");
            }
            if (spec.samplesPerFrame() != 1 || spec.skew() != 0) {
                throw new WfdbException(hea, "signal " + s + " (" + spec.description() + ") uses "
                        + spec.samplesPerFrame() + " samples per frame and skew " + spec.skew()
                        + "; only 1 sample per frame without skew is supported");
            }
        }
        WfdbFormat format;
        try {
            format = WfdbFormat.of(first.format());
        } catch (IllegalArgumentException e) {
            throw new WfdbException(hea, "signal file " + fileName + ": " + e.getMessage());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dat);
        } catch (NoSuchFileException e) {
            throw new WfdbException(dat, "signal file does not exist (named \"" + fileName + "\" in "
                    + hea.getFileName() + ")", e);
        } catch (IOException e) {
            throw new WfdbException(dat, "cannot read signal file: " + e.getMessage(), e);
        }
        long available = bytes.length - first.byteOffset();
        int k = signals.size();
        long nsamp = header.numSamples() > 0 ? header.numSamples() : format.samplesIn(Math.max(0, available)) / k;
        long needed = format.bytesFor(nsamp * k);
        if (available < needed) {
            throw new WfdbException(dat, "truncated signal file: " + nsamp + " samples of " + k + " signal(s) in format "
                    + format.code() + " need " + needed + " bytes after offset " + first.byteOffset()
                    + ", but the file has only " + Math.max(0, available));
        }
        int[] stream = format.decode(bytes, (int) first.byteOffset(), Math.toIntExact(nsamp * k));
        for (int j = 0; j < k; j++) {
            int[] x = new int[(int) nsamp];
            for (int t = 0; t < nsamp; t++) {
                x[t] = stream[t * k + j];
            }
            digital[signals.get(j)] = x;
        }
    }

    /**
     * The signal file named in a header, relative to the header's folder. A name with a folder prefix that does not
     * exist there falls back to the bare file name beside the header: PTB-XL+ 12SL headers name their signal file
     * {@code ge_median_beats_wfdb/NNNNN_medians.dat}, a folder of the producer's machine, while the file sits beside
     * the header (the same prefix as on their record line, see {@link WfdbHeader}).
     */
    static Path signalFile(Path hea, String fileName) {
        Path named = hea.resolveSibling(fileName);
        int slash = fileName.lastIndexOf('/');
        if (slash < 0 || Files.exists(named)) {
            return named;
        }
        return hea.resolveSibling(fileName.substring(slash + 1));
    }

    private void verify() throws WfdbException {
        for (int s = 0; s < digital.length; s++) {
            WfdbSignalSpec spec = header.signals().get(s);
            int[] x = digital[s];
            Path dat = signalFile(headerFile, spec.fileName());
            if (spec.initialValue() != null && x.length > 0 && x[0] != spec.initialValue()) {
                throw new WfdbException(dat, "initial value mismatch for signal " + s + " (" + spec.description()
                        + "): header says " + spec.initialValue() + ", first sample is " + x[0]);
            }
            if (spec.checksum() != null) {
                int actual = WfdbSignalSpec.checksumOf(x);
                if ((actual & 0xFFFF) != (spec.checksum() & 0xFFFF)) {
                    throw new WfdbException(dat, "checksum mismatch for signal " + s + " (" + spec.description()
                            + "): header says " + spec.checksum() + ", data sum to " + actual
                            + " (mod 65536); the file is damaged or does not belong to this header");
                }
            }
        }
    }

    /** The header file this record was read from. */
    public Path headerFile() {
        return headerFile;
    }

    /** The parsed header. */
    public WfdbHeader header() {
        return header;
    }

    /** Number of signals. */
    public int numSignals() {
        return digital.length;
    }

    /** Samples per signal. */
    public int numSamples() {
        return digital.length == 0 ? 0 : digital[0].length;
    }

    /** Digital samples of signal {@code s} (a copy). */
    public int[] digital(int s) {
        return digital[s].clone();
    }

    /** Physical values of signal {@code s} in the header's units: {@code (digital - baseline) / gain}. */
    public double[] physical(int s) {
        WfdbSignalSpec spec = header.signals().get(s);
        double[] y = new double[digital[s].length];
        for (int t = 0; t < y.length; t++) {
            y[t] = (digital[s][t] - (double) spec.baseline()) / spec.gain();
        }
        return y;
    }

    /**
     * Physical values of signal {@code s} converted to millivolts according to the header's units.
     *
     * @throws IllegalArgumentException if the signal's units are not a voltage
     */
    public double[] millivolts(int s) {
        double f = header.signals().get(s).toMillivolts();
        double[] y = physical(s);
        for (int t = 0; t < y.length; t++) {
            y[t] *= f;
        }
        return y;
    }

    /** Signal names (descriptions) in header order. */
    public List<String> signalNames() {
        return header.signalNames();
    }

    @Override
    public String toString() {
        return "WfdbRecord[" + header.recordName() + ", " + numSignals() + " signals " + signalNames() + ", "
                + numSamples() + " samples at " + header.samplingFrequency() + " Hz]";
    }
}
