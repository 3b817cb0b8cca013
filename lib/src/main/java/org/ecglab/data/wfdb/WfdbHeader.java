package org.ecglab.data.wfdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed single-segment WFDB header ({@code .hea}). The record line is
 * {@code name[/segments] nsig [fs[/counterfreq[(basecounter)]] [nsamp [basetime [basedate]]]]}; one signal line per
 * signal follows ({@link WfdbSignalSpec}); lines starting with {@code #} are comments. A record name written with a
 * path prefix (PTB-XL+ 12SL headers say e.g. {@code ge_median_beats_wfdb/00001_medians}) is reduced to its last
 * component, which is what a {@code /} followed by a non-number means; {@code /} followed by a number is a segment
 * count, and multi-segment records are rejected as unsupported.
 *
 * @param recordName      the record name without any path prefix
 * @param samplingFrequency samples per second per signal (the spec's default 250 when absent)
 * @param numSamples      samples per signal (0 when the header does not say)
 * @param baseTime        base time as written, or empty
 * @param baseDate        base date as written, or empty
 * @param signals         one spec per signal, in header order
 * @param comments        comment lines without their leading {@code #}
 */
public record WfdbHeader(String recordName, double samplingFrequency, long numSamples, String baseTime,
        String baseDate, List<WfdbSignalSpec> signals, List<String> comments) {

    /** Sampling frequency the WFDB library assumes when a header gives none. */
    public static final double DEFAULT_FREQUENCY = 250.0;

    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:x(\\d+))?(?::(\\d+))?(?:\\+(\\d+))?");
    private static final Pattern GAIN =
            Pattern.compile("([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?\\d+)?)(?:\\((-?\\d+)\\))?(?:/(\\S+))?");
    private static final Pattern FREQUENCY =
            Pattern.compile("([0-9]*\\.?[0-9]+(?:[eE][-+]?\\d+)?)(?:/([0-9]*\\.?[0-9]+)(?:\\((-?[0-9.]+)\\))?)?");

    public WfdbHeader {
        signals = List.copyOf(signals);
        comments = List.copyOf(comments);
    }

    /** Number of signals. */
    public int numSignals() {
        return signals.size();
    }

    /** Signal descriptions (lead names for ECGs) in header order. */
    public List<String> signalNames() {
        return signals.stream().map(WfdbSignalSpec::description).toList();
    }

    /**
     * Reads and parses a header file.
     *
     * @throws WfdbException if the file is missing or unreadable, or a line is malformed (with its line number)
     */
    public static WfdbHeader read(Path heaFile) throws WfdbException {
        List<String> lines;
        try {
            lines = Files.readAllLines(heaFile, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new WfdbException(heaFile, "header file does not exist", e);
        } catch (IOException e) {
            throw new WfdbException(heaFile, "cannot read header: " + e.getMessage(), e);
        }
        return parse(lines, heaFile);
    }

    /**
     * Parses header lines.
     *
     * @param source the header file, named in error messages
     * @throws WfdbException naming the line number and what is wrong with it
     */
    public static WfdbHeader parse(List<String> lines, Path source) throws WfdbException {
        List<String> comments = new ArrayList<>();
        List<WfdbSignalSpec> specs = new ArrayList<>();
        String[] rec = null;
        String recordLine = null;
        int expectedSignals = 0;
        int recordLineNo = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNo = i + 1;
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (rec == null) {
                rec = line.split("\\s+");
                recordLine = line;
                recordLineNo = lineNo;
                if (rec.length < 2) {
                    throw malformed(source, lineNo, "record line needs at least a name and a signal count", line);
                }
                expectedSignals = parseInt(rec[1], source, lineNo, "number of signals", line);
                if (expectedSignals < 0) {
                    throw malformed(source, lineNo, "negative number of signals", line);
                }
            } else if (specs.size() < expectedSignals) {
                specs.add(parseSignal(line, source, lineNo));
            } else {
                throw malformed(source, lineNo, "more signal lines than the " + expectedSignals
                        + " announced on the record line", line);
            }
        }
        if (rec == null) {
            throw new WfdbException(source, "header has no record line (file is empty or only comments)");
        }
        if (specs.size() != expectedSignals) {
            throw new WfdbException(source, "wrong number of signals: record line (line " + recordLineNo
                    + ") announces " + expectedSignals + " but " + specs.size() + " signal lines follow");
        }
        String name = recordName(rec[0], source, recordLineNo);
        double fs = DEFAULT_FREQUENCY;
        if (rec.length > 2) {
            Matcher m = FREQUENCY.matcher(rec[2]);
            if (!m.matches()) {
                throw malformed(source, recordLineNo, "bad sampling frequency '" + rec[2] + "'", recordLine);
            }
            fs = Double.parseDouble(m.group(1));
        }
        long nsamp = rec.length > 3 ? parseLong(rec[3], source, recordLineNo, "number of samples", recordLine) : 0;
        return new WfdbHeader(name, fs, nsamp, rec.length > 4 ? rec[4] : "", rec.length > 5 ? rec[5] : "",
                specs, comments);
    }

    private static String recordName(String token, Path source, int lineNo) throws WfdbException {
        int slash = token.lastIndexOf('/');
        if (slash < 0) {
            return token;
        }
        String tail = token.substring(slash + 1);
        if (tail.matches("\\d+")) {
            throw new WfdbException(source, "line " + lineNo + ": multi-segment record ('" + token
                    + "') is not supported");
        }
        return tail;
    }

    private static WfdbSignalSpec parseSignal(String line, Path source, int lineNo) throws WfdbException {
        String[] f = line.split("\\s+", 9);
        if (f.length < 2) {
            throw malformed(source, lineNo, "signal line needs at least a file name and a format", line);
        }
        Matcher fm = FORMAT.matcher(f[1]);
        if (!fm.matches()) {
            throw malformed(source, lineNo, "bad format field '" + f[1] + "'", line);
        }
        // The patterns admit only digits, but any number of them: parse through the helpers so that an oversized
        // value is a malformed line rather than a NumberFormatException.
        int format = parseInt(fm.group(1), source, lineNo, "format", line);
        int spf = fm.group(2) == null ? 1 : parseInt(fm.group(2), source, lineNo, "samples per frame", line);
        int skew = fm.group(3) == null ? 0 : parseInt(fm.group(3), source, lineNo, "skew", line);
        long offset = fm.group(4) == null ? 0 : parseLong(fm.group(4), source, lineNo, "byte offset", line);
        double gain = 0;
        Integer baseline = null;
        String units = "mV";
        if (f.length > 2) {
            Matcher gm = GAIN.matcher(f[2]);
            if (!gm.matches()) {
                throw malformed(source, lineNo, "bad ADC gain field '" + f[2] + "'", line);
            }
            gain = Double.parseDouble(gm.group(1));
            baseline = gm.group(2) == null ? null : parseInt(gm.group(2), source, lineNo, "baseline", line);
            units = gm.group(3) == null ? "mV" : gm.group(3);
        }
        if (gain == 0) {
            // WFDB then assumes 200 units per physical unit and calls the signal uncalibrated: its scale is unknown,
            // and reading it as millivolts would be silently wrong by any factor.
            throw malformed(source, lineNo, "ADC gain " + (f.length > 2 ? "0" : "missing") + ": WFDB marks such a "
                    + "signal as uncalibrated (and would assume " + (int) WfdbSignalSpec.DEFAULT_GAIN + " units per "
                    + "mV), so its scale is unknown; the lab needs calibrated values. Give the signal's real gain", line);
        }
        int adcRes = f.length > 3 ? parseInt(f[3], source, lineNo, "ADC resolution", line) : 0;
        int adcZero = f.length > 4 ? parseInt(f[4], source, lineNo, "ADC zero", line) : 0;
        Integer init = f.length > 5 ? parseInt(f[5], source, lineNo, "initial value", line) : null;
        Integer checksum = f.length > 6 ? parseInt(f[6], source, lineNo, "checksum", line) : null;
        int blockSize = f.length > 7 ? parseInt(f[7], source, lineNo, "block size", line) : 0;
        String description = f.length > 8 ? f[8].strip() : "";
        try {
            return new WfdbSignalSpec(f[0], format, spf, skew, offset,
                    gain, baseline == null ? adcZero : baseline, units,
                    adcRes, adcZero, init, checksum, blockSize, description);
        } catch (IllegalArgumentException e) {
            // e.g. a negative gain, which the gain pattern lets through
            throw malformed(source, lineNo, e.getMessage(), line);
        }
    }

    private static int parseInt(String s, Path source, int lineNo, String what, String line) throws WfdbException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw notANumber(s, source, lineNo, what, line);
        }
    }

    private static long parseLong(String s, Path source, int lineNo, String what, String line)
            throws WfdbException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw notANumber(s, source, lineNo, what, line);
        }
    }

    private static WfdbException notANumber(String s, Path source, int lineNo, String what, String line) {
        boolean digits = s.matches("[-+]?\\d+");
        return malformed(source, lineNo, what + " '" + s + "' " + (digits ? "is out of range" : "is not an integer"),
                line);
    }

    private static WfdbException malformed(Path source, int lineNo, String what, String line) {
        return new WfdbException(source, "malformed header line " + lineNo + ": " + what + " in \"" + line + "\"");
    }

    /** The header as text in the WFDB layout, one line per record/signal, ending with a newline. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(recordName).append(' ').append(numSignals()).append(' ').append(number(samplingFrequency))
                .append(' ').append(numSamples);
        if (!baseTime.isEmpty()) {
            sb.append(' ').append(baseTime);
            if (!baseDate.isEmpty()) {
                sb.append(' ').append(baseDate);
            }
        }
        sb.append('\n');
        for (WfdbSignalSpec s : signals) {
            sb.append(s.fileName()).append(' ').append(s.format()).append(' ').append(number(s.gain()))
                    .append('(').append(s.baseline()).append(")/").append(s.units()).append(' ')
                    .append(s.adcResolution()).append(' ').append(s.adcZero()).append(' ')
                    .append(s.initialValue() == null ? 0 : s.initialValue()).append(' ')
                    .append(s.checksum() == null ? 0 : s.checksum()).append(' ').append(s.blockSize())
                    .append(' ').append(s.description()).append('\n');
        }
        for (String c : comments) {
            sb.append("# ").append(c).append('\n');
        }
        return sb.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
