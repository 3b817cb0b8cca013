package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ecglab.attribution.gradient.Saliency;
import org.ecglab.data.DatasetHash;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;

/** What a result records: signedness, the weights and inputs that made it, maps with or without a lead axis. */
class AttributionResultTest {
    @Test
    void provenanceNamesWeightsInputsAndSign() {
        float[][][] x = TinyModels.ecgs(2, 3);
        try (EcgClassifier model = TinyModels.cnn(3, true)) {
            Attribution abs = new Saliency().attribute(model, x, new int[] {0, 1});
            Attribution signed = AttributionMethods.create("saliency", Map.of("abs", false))
                    .attribute(model, x, new int[] {0, 1});
            assertFalse(abs.signed());
            assertTrue(signed.signed());
            assertEquals(model.parameterFingerprint(), abs.modelFingerprint());
            assertEquals(DatasetHash.ofSignals(x), abs.inputHash());
            assertNotEquals(DatasetHash.ofSignals(x), DatasetHash.ofSignals(TinyModels.ecgs(2, 4)));
            assertTrue(abs.hasLeadAxis());
            assertEquals("zero", abs.baselines().kind());
            assertTrue(abs.samples().isEmpty());
            assertTrue(abs.toString().contains("unsigned"), abs.toString());
        }
    }

    @Test
    void mapsHaveTwelveLeadsOrNoLeadAxis() {
        float[][][] x = TinyModels.ecgs(2, 3);
        try (EcgClassifier model = TinyModels.cnn(3, true)) {
            Saliency s = new Saliency();
            Attribution cam = Attribution.of(s, model, x, new float[2][1][600]).build();
            assertFalse(cam.hasLeadAxis());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Attribution.of(s, model, x, new float[2][5][600]).build());
            assertEquals("maps have 5 rows; expected 12 (one per lead) or 1 (no lead axis)", e.getMessage());
            float[][][] mixed = {new float[12][600], new float[1][600]};
            assertThrows(IllegalArgumentException.class, () -> Attribution.of(s, model, x, mixed).build());
        }
    }
}
