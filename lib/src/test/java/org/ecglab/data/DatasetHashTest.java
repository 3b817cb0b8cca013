package org.ecglab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
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
}
