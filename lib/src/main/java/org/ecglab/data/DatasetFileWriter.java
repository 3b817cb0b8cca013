package org.ecglab.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.ecglab.data.io.AtomicBatch;
import org.ecglab.data.io.AtomicFiles;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.data.npy.NpzWriter;

/**
 * Writes a dataset file record by record ({@link EcgDatasetFiles#write}): the signals go straight into their archive
 * entry, the masks into a scratch file beside the target (they follow the signals in the archive), so memory holds
 * one record at a time whatever the number of records. The archive is written to a temporary and renamed into place.
 */
final class DatasetFileWriter {
    private static final int RECORD = EcgFormat.LEADS * EcgFormat.SAMPLES;
    private static final int COPY_BLOCK = 1 << 20;

    private DatasetFileWriter() {
    }

    static void write(Path npz, String name, List<String> ids, boolean[][] labels, Split[] splits,
            EcgDatasetFiles.Masks masks, EcgDatasetFiles.Annotations annotations, EcgDatasetFiles.RecordSource records)
            throws IOException {
        int n = ids.size();
        if (labels.length != n || splits.length != n) {
            throw new IllegalArgumentException(name + ": " + n + " ids, " + labels.length + " label rows and "
                    + splits.length + " splits");
        }
        for (String id : ids) {
            if (id.contains("\n")) {
                throw new IllegalArgumentException("record id '" + id + "' contains a newline and cannot be saved");
            }
        }
        DatasetFileAnnotations extra = new DatasetFileAnnotations(name, n, annotations);
        try (AtomicBatch batch = AtomicFiles.batch(List.of(npz))) {
            Path spill = masks == EcgDatasetFiles.Masks.NONE ? null : batch.scratch();
            batch.writeChannel(npz, ch -> {
                NpzWriter w = new NpzWriter(ch);
                w.write("format_version", NpyArray.ofInts(new int[] {EcgDatasetFiles.FORMAT_VERSION}));
                w.write("name", text(name));
                w.write("class_names", text(String.join("\n",
                        DiagnosticClass.ALL.stream().map(DiagnosticClass::id).toList())));
                w.write("ids", text(String.join("\n", ids)));
                boolean[] present = writeSignals(w, name, ids, masks, records, spill, extra);
                int k = DiagnosticClass.ALL.size();
                boolean[] flat = new boolean[n * k];
                byte[] codes = new byte[n];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(labels[i], 0, flat, i * k, k);
                    codes[i] = (byte) splits[i].ordinal();
                }
                w.write("labels", NpyArray.ofBooleans(flat, n, k));
                w.write("splits", NpyArray.ofBytes(NpyDType.INT8, codes));
                if (spill != null) {
                    copyMasks(w, masks, n, spill);
                    w.write("mask_present", NpyArray.ofBooleans(present));
                }
                extra.writeTo(w);
                w.finish();
            });
            batch.commit();
        }
    }

    /**
     * Streams every signal into its entry, every mask into {@code spill} and every record's fiducials into
     * {@code extra}; returns which records have a mask.
     */
    private static boolean[] writeSignals(NpzWriter w, String name, List<String> ids, EcgDatasetFiles.Masks masks,
            EcgDatasetFiles.RecordSource records, Path spill, DatasetFileAnnotations extra) throws IOException {
        int n = ids.size();
        boolean[] present = new boolean[n];
        ByteBuffer signal = ByteBuffer.allocate(4 * RECORD).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer mask = ByteBuffer.allocate(masks.bytesPerValue() * RECORD).order(ByteOrder.LITTLE_ENDIAN);
        try (NpzWriter.EntryWriter out = w.begin("signals", NpyDType.FLOAT32, n, EcgFormat.LEADS, EcgFormat.SAMPLES);
                FileChannel maskOut = spill == null ? null : FileChannel.open(spill, StandardOpenOption.WRITE)) {
            for (int i = 0; i < n; i++) {
                EcgDatasetFiles.Record r = records.get(i);
                String source = name + " record " + ids.get(i);
                EcgDataset.validateRecord(r.signal(), r.mask(), source);
                extra.add(i, r.fiducials());
                signal.clear();
                for (float[] lead : r.signal()) {
                    for (float v : lead) {
                        signal.putFloat(v);
                    }
                }
                out.write(signal.flip());
                if (maskOut != null) {
                    present[i] = r.mask() != null;
                    mask.clear();
                    putMask(mask, r.mask(), masks, source);
                    mask.flip();
                    while (mask.hasRemaining()) {
                        maskOut.write(mask);
                    }
                }
            }
        }
        return present;
    }

    private static void putMask(ByteBuffer b, float[][] mask, EcgDatasetFiles.Masks kind, String source) {
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                float v = mask == null ? 0f : mask[l][t];
                if (kind == EcgDatasetFiles.Masks.BINARY) {
                    if (v != 0f && v != 1f) {
                        throw new IllegalArgumentException(source + " mask holds " + v + " at lead " + l + ", sample "
                                + t + "; a binary mask holds 0 or 1");
                    }
                    b.put((byte) (v == 1f ? 1 : 0));
                } else {
                    b.putFloat(v);
                }
            }
        }
    }

    private static void copyMasks(NpzWriter w, EcgDatasetFiles.Masks masks, int n, Path spill) throws IOException {
        NpyDType type = masks == EcgDatasetFiles.Masks.BINARY ? NpyDType.BOOL : NpyDType.FLOAT32;
        ByteBuffer block = ByteBuffer.allocate(COPY_BLOCK);
        try (NpzWriter.EntryWriter out = w.begin("masks", type, n, EcgFormat.LEADS, EcgFormat.SAMPLES);
                FileChannel in = FileChannel.open(spill, StandardOpenOption.READ)) {
            while (in.read(block.clear()) > 0) {
                out.write(block.flip());
            }
        }
    }

    /** UTF-8 text as a uint8 entry. */
    static NpyArray text(String s) {
        return NpyArray.ofBytes(NpyDType.UINT8, s.getBytes(StandardCharsets.UTF_8));
    }
}
