package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class LabDefaultsTest {
    private static Lab lab(String size) {
        return Lab.fromEnvironment(Map.of("ECGLAB_SIZE", size, "ECGLAB_HOME", "/tmp/ecglab-unused"),
                Path.of("/tmp"));
    }

    @Test
    void sizesFollowTheLab() {
        Lab smoke = lab("smoke");
        Lab full = lab("full");
        assertEquals(80, LabDefaults.perClass(smoke));
        assertEquals(300, LabDefaults.perClass(full));
        assertEquals(List.of(1L, 2L), LabDefaults.seeds(smoke));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), LabDefaults.seeds(full));
        assertEquals(0.75, LabDefaults.minimumTestAuroc(smoke), 0);
        assertEquals(0.95, LabDefaults.minimumTestAuroc(full), 0);
    }

    @Test
    void trainingIsTheDefaultsWithTheLabsEpochLimit() {
        assertEquals(TrainingConfig.defaults().withMaxEpochs(8), LabDefaults.training(lab("smoke")));
        assertEquals(TrainingConfig.defaults().withMaxEpochs(30), LabDefaults.training(lab("full")));
    }

    @Test
    void syntheticDataIsTheGeneratorsDataSetAtTheLabsSize() {
        EcgDataset data = LabDefaults.syntheticData(lab("smoke"));
        EcgDataset explicit = new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(80, 1L);
        assertEquals(9 * 80, data.size());
        assertEquals(DatasetHash.of(explicit), DatasetHash.of(data), "same data, so the same registry entries");
        assertEquals(9 * 16, data.indices(Split.TEST).length);
    }
}
