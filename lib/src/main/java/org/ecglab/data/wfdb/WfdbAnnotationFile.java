package org.ecglab.data.wfdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WFDB annotation file ({@code .atr} and other annotators) in the MIT format, implemented from the WFDB
 * specification (annot.5, https://wfdb.io/spec/annotation-files.html) and checked against wfdb-python's reader and
 * writer. The file is a sequence of 16-bit little-endian words; in each, the 6 high bits are a code {@code A} and the
 * 10 low bits a value {@code I}:
 * <ul>
 * <li>{@code A} = 1..58: an annotation of type {@code A}, {@code I} samples after the previous one;</li>
 * <li>{@code A} = 59 (SKIP): the next 4 bytes are a signed 32-bit interval added to the time, written as the high
 * 16-bit word first, each word little-endian;</li>
 * <li>{@code A} = 60 (NUM), 61 (SUB), 62 (CHN): {@code I} sets that field of the annotation just read (NUM and CHN
 * also of the following ones, until changed); NUM and SUB are signed bytes, CHN an unsigned byte, as in the WFDB
 * library;</li>
 * <li>{@code A} = 63 (AUX): {@code I} bytes of text for the annotation just read follow, plus one pad byte if
 * {@code I} is odd;</li>
 * <li>{@code A} = 0 with {@code I} &gt; 0 (NOTQRS): advances the time, no annotation (wfdb-python drops these);</li>
 * <li>the word 0 ends the file.</li>
 * </ul>
 * A NOTE (type 22) at sample 0 whose text starts with {@code "## "} is a definition, not an annotation: wfdb-python
 * writes the sampling frequency as {@code "## time resolution: 500"}, which becomes {@link #samplingFrequency()};
 * definitions are not returned as annotations.
 *
 * @param file              the file read
 * @param samplingFrequency the time resolution the file declares, or NaN if it declares none
 * @param annotations       the annotations in file order
 */
public record WfdbAnnotationFile(Path file, double samplingFrequency, List<WfdbAnnotation> annotations) {
    private static final int SKIP = 59;
    private static final int NUM = 60;
    private static final int SUB = 61;
    private static final int CHN = 62;
    private static final int AUX = 63;
    private static final int NOTE = 22;
    private static final Pattern TIME_RESOLUTION = Pattern.compile("## time resolution: (\\d+\\.?\\d*)");

    public WfdbAnnotationFile {
        annotations = List.copyOf(annotations);
    }

    /**
     * Reads and decodes an annotation file.
     *
     * @throws WfdbException naming the file: missing, unreadable, or malformed (with the byte offset and what is
     *                       wrong: a truncated SKIP or AUX, a field word before any annotation, a negative time, no
     *                       end-of-file word)
     */
    public static WfdbAnnotationFile read(Path file) throws WfdbException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WfdbException(file, "annotation file does not exist", e);
        } catch (IOException e) {
            throw new WfdbException(file, "cannot read annotation file: " + e.getMessage(), e);
        }
        return decode(bytes, file);
    }

    /**
     * Decodes the bytes of an annotation file.
     *
     * @param source named in error messages
     * @throws WfdbException if the bytes are not a well-formed MIT annotation file
     */
    public static WfdbAnnotationFile decode(byte[] b, Path source) throws WfdbException {
        List<Builder> read = new ArrayList<>();
        Builder current = null;
        long time = 0;
        int chan = 0;
        int num = 0;
        int p = 0;
        while (true) {
            if (p + 2 > b.length) {
                throw new WfdbException(source, "malformed annotation file: ends at byte " + b.length
                        + " without the end-of-file word (two zero bytes)");
            }
            int word = u16(b, p);
            int at = p;
            p += 2;
            if (word == 0) {
                break;
            }
            int a = word >>> 10;
            int i = word & 0x3FF;
            switch (a) {
                case SKIP -> {
                    if (p + 4 > b.length) {
                        throw malformed(source, at, "SKIP needs 4 more bytes, the file ends");
                    }
                    time += (u16(b, p) << 16) | u16(b, p + 2);
                    p += 4;
                }
                case NUM, SUB, CHN, AUX -> {
                    if (current == null) {
                        throw malformed(source, at, fieldName(a) + " field word before any annotation");
                    }
                    switch (a) {
                        case NUM -> {
                            current.num = (byte) i;
                            num = current.num;
                        }
                        case SUB -> current.subtype = (byte) i;
                        case CHN -> {
                            current.chan = i & 0xFF;
                            chan = current.chan;
                        }
                        default -> {
                            if (p + i > b.length) {
                                throw malformed(source, at, "AUX announces " + i + " bytes, only " + (b.length - p)
                                        + " follow");
                            }
                            current.aux = new String(b, p, i, StandardCharsets.ISO_8859_1);
                            p += i + (i & 1);
                        }
                    }
                }
                default -> {
                    time += i;
                    if (time < 0) {
                        throw malformed(source, at, "annotation at negative time " + time);
                    }
                    if (a == 0) {
                        current = null; // NOTQRS: moves the time only
                    } else {
                        current = new Builder(time, a, chan, num);
                        read.add(current);
                    }
                }
            }
        }
        double fs = Double.NaN;
        List<WfdbAnnotation> annotations = new ArrayList<>();
        for (Builder x : read) {
            if (x.type == NOTE && x.sample == 0 && x.aux.startsWith("## ")) {
                Matcher m = TIME_RESOLUTION.matcher(x.aux);
                if (m.lookingAt() && Double.isNaN(fs)) {
                    fs = Double.parseDouble(m.group(1));
                }
                continue;
            }
            annotations.add(new WfdbAnnotation(x.sample, x.type, x.subtype, x.chan, x.num, x.aux));
        }
        return new WfdbAnnotationFile(source, fs, annotations);
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static String fieldName(int a) {
        return switch (a) {
            case NUM -> "NUM";
            case SUB -> "SUB";
            case CHN -> "CHN";
            default -> "AUX";
        };
    }

    private static WfdbException malformed(Path source, int offset, String what) {
        return new WfdbException(source, "malformed annotation file at byte " + offset + ": " + what);
    }

    /** The annotations whose auxiliary text equals {@code aux} (ignoring case and surrounding blanks). */
    public List<WfdbAnnotation> withAux(String aux) {
        return annotations.stream().filter(x -> x.aux().strip().equalsIgnoreCase(aux)).toList();
    }

    /** Mutable while the fields that follow an annotation word are read. */
    private static final class Builder {
        final long sample;
        final int type;
        int subtype;
        int chan;
        int num;
        String aux = "";

        Builder(long sample, int type, int chan, int num) {
            this.sample = sample;
            this.type = type;
            this.chan = chan;
            this.num = num;
        }
    }
}
