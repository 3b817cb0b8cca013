package org.ecglab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetHashTest {

    private static EcgDataset dataset(String name, String id0, float x, int label, Split split) {
        float[][][] s = new float[2][EcgFormat.LEADS][EcgFormat.SAMPLES];
        s[0][3][100] = x;
        s[1][0][0] = 0.25f;
        boolean[][] labels = new boolean[2][DiagnosticClass.ALL.size()];
        labels[0][label] = true;
        labels[1][0] = true;
        return new EcgDataset(name, List.of(id0, "b"), s, labels, new Split[] {split, Split.TEST}, null);
    }

    @Test
    void emptyDatasetMatchesAnIndependentDigest() throws Exception {
        EcgDataset empty = new EcgDataset("e", List.of(), new float[0][][], new boolean[0][], new Split[0], null);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update("ecglab-dataset-1".getBytes(StandardCharsets.US_ASCII));
        md.update(ByteBuffer.allocate(4).putInt(0).array());
        assertEquals(HexFormat.of().formatHex(md.digest()), DatasetHash.of(empty));
    }

    @Test
    void dependsOnContentNotName() {
        String h = DatasetHash.of(dataset("one", "a", 1f, 2, Split.TRAIN));
        assertTrue(h.matches("[0-9a-f]{64}"), h);
        assertEquals(h, DatasetHash.of(dataset("two", "a", 1f, 2, Split.TRAIN)));
        assertNotEquals(h, DatasetHash.of(dataset("one", "a", Math.nextUp(1f), 2, Split.TRAIN)));
        assertNotEquals(h, DatasetHash.of(dataset("one", "a", 1f, 3, Split.TRAIN)));
        assertNotEquals(h, DatasetHash.of(dataset("one", "a", 1f, 2, Split.VALIDATION)));
        assertNotEquals(h, DatasetHash.of(dataset("one", "a2", 1f, 2, Split.TRAIN)));
        assertEquals(h.substring(0, 12), DatasetHash.shortForm(h));
    }

    @Test
    void signalsHashIsMurmur3OfTheDocumentedByteStream() {
        float[][][] signals = new float[2][EcgFormat.LEADS][EcgFormat.SAMPLES];
        signals[0][3][100] = 1.5f;
        signals[1][11][599] = -0.0f;
        signals[1][0][0] = Float.MIN_VALUE;
        // The stream written out by hand: tag, count, then each ECG's MurmurHash3 of its values little-endian.
        ByteBuffer stream = ByteBuffer.allocate(16 + 4 + 2 * 16).order(ByteOrder.LITTLE_ENDIAN);
        stream.put("ecglab-signals-3".getBytes(StandardCharsets.US_ASCII)).putInt(2);
        for (float[][] ecg : signals) {
            ByteBuffer values = ByteBuffer.allocate(4 * EcgFormat.LEADS * EcgFormat.SAMPLES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (float[] lead : ecg) {
                for (float v : lead) {
                    values.putInt(Float.floatToRawIntBits(v));
                }
            }
            stream.put(Hashing.murmur3_128().hashBytes(values.array()).asBytes());
        }
        String expected = Hashing.murmur3_128().hashBytes(stream.array()).toString();
        String h = DatasetHash.ofSignals(signals);
        assertEquals(expected, h);
        assertTrue(h.matches("[0-9a-f]{32}"), h);

        signals[1][11][599] = 0.0f; // one bit: the sign of a zero
        assertNotEquals(h, DatasetHash.ofSignals(signals));
        assertNotEquals(DatasetHash.ofSignals(new float[0][][]), DatasetHash.ofSignals(new float[1][0][]));
    }

    @Test
    void signalsHashedInParallelEqualTheSequentialDefinition() {
        // Enough ECGs for the parallel path; each ECG's hash is the same whichever thread computes it, and the
        // combination is in ECG order, so the result is the one the definition gives.
        int n = DatasetHash.PARALLEL_FROM + 5;
        float[][][] signals = new float[n][EcgFormat.LEADS][EcgFormat.SAMPLES];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (float[][] ecg : signals) {
            for (float[] lead : ecg) {
                for (int t = 0; t < lead.length; t++) {
                    lead[t] = (float) random.nextGaussian();
                }
            }
        }
        var outer = Hashing.murmur3_128().newHasher().putBytes("ecglab-signals-3".getBytes(StandardCharsets.US_ASCII))
                .putInt(n);
        for (float[][] ecg : signals) {
            var inner = Hashing.murmur3_128().newHasher();
            for (float[] lead : ecg) {
                for (float v : lead) {
                    inner.putFloat(v); // Guava's Hasher writes primitives little-endian
                }
            }
            outer.putBytes(inner.hash().asBytes());
        }
        String h = DatasetHash.ofSignals(signals);
        assertEquals(outer.hash().toString(), h);
        assertEquals(h, DatasetHash.ofSignals(signals), "the same on a second run");
        float[][][] swapped = signals.clone();
        swapped[0] = signals[n - 1];
        swapped[n - 1] = signals[0];
        assertNotEquals(h, DatasetHash.ofSignals(swapped), "the order of the ECGs counts");
    }
}
