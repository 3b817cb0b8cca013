package org.ecglab.data.wfdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Test-side encoder of MIT annotation files, written to produce the bytes wfdb-python's {@code wrann} writes (its
 * {@code calc_fs_bytes}, {@code field2bytes} and the end-of-definitions filler), so that files our tests and fixtures
 * write look like files a Python producer writes: the time-resolution NOTE, then {@code SKIP -1} and a NOTQRS word
 * of interval 1, then per annotation a SKIP if the interval exceeds 1023, the type/interval word, NUM/SUB/CHN only
 * when they change (SUB when non-zero), AUX when non-empty, and the end word.
 */
public final class MitAnnotationWriter {
    private MitAnnotationWriter() {
    }

    /** Encodes annotations (in time order); {@code fs} &gt; 0 writes the time-resolution definition. */
    public static byte[] encode(List<WfdbAnnotation> annotations, int fs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (fs > 0) {
            aux(out, "## time resolution: " + fs, 22, 0);
            out.writeBytes(new byte[] {0, (byte) 236, (byte) 255, (byte) 255, (byte) 255, (byte) 255, 1, 0});
        }
        long time = 0;
        int chan = 0;
        int num = 0;
        for (WfdbAnnotation a : annotations) {
            long d = a.sample() - time;
            while (d > 1023) {
                long n = Math.min(d, 0x7FFFFFFFL);
                out.writeBytes(new byte[] {0, (byte) (59 << 2), (byte) (n >> 16), (byte) (n >> 24), (byte) n,
                    (byte) (n >> 8)});
                d -= n;
            }
            word(out, a.type(), (int) d);
            time = a.sample();
            if (a.num() != num) {
                word(out, 60, a.num() & 0xFF);
                num = a.num();
            }
            if (a.subtype() != 0) {
                word(out, 61, a.subtype() & 0xFF);
            }
            if (a.chan() != chan) {
                word(out, 62, a.chan() & 0xFF);
                chan = a.chan();
            }
            if (!a.aux().isEmpty()) {
                byte[] text = a.aux().getBytes(StandardCharsets.ISO_8859_1);
                word(out, 63, text.length);
                out.writeBytes(text);
                if (text.length % 2 == 1) {
                    out.write(0);
                }
            }
        }
        out.writeBytes(new byte[] {0, 0});
        return out.toByteArray();
    }

    private static void aux(ByteArrayOutputStream out, String text, int type, int interval) {
        word(out, type, interval);
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        word(out, 63, b.length);
        out.writeBytes(b);
        if (b.length % 2 == 1) {
            out.write(0);
        }
    }

    private static void word(ByteArrayOutputStream out, int code, int value) {
        int w = code << 10 | (value & 0x3FF);
        out.write(w & 0xFF);
        out.write(w >> 8);
    }
}
