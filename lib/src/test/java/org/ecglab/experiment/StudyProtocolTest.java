package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.ecglab.attribution.AttributionMethods;
import org.junit.jupiter.api.Test;

/** Every registered method is either one of the study's, run by the notebooks, or left out with a stated reason. */
class StudyProtocolTest {
    @Test
    void everyRegisteredMethodIsPlaced() {
        for (String id : AttributionMethods.ids()) {
            boolean study = StudyProtocol.STUDY_METHODS.contains(id);
            boolean leftOut = StudyProtocol.LEFT_OUT.containsKey(id);
            assertTrue(study != leftOut, id + " must be in exactly one of STUDY_METHODS and LEFT_OUT (with a reason)");
            if (leftOut) {
                assertTrue(StudyProtocol.LEFT_OUT.get(id).length() > 40, id + ": state the reason");
            }
        }
        Set<String> named = new HashSet<>(StudyProtocol.STUDY_METHODS);
        named.addAll(StudyProtocol.LEFT_OUT.keySet());
        assertEquals(new HashSet<>(AttributionMethods.ids()), named, "only registered methods are named");
    }

    @Test
    void theNotebooksRunTheStudysTwelve(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
        for (String size : java.util.List.of("smoke", "full")) {
            Lab lab = Lab.fromEnvironment(java.util.Map.of("ECGLAB_HOME", home.toString(), "ECGLAB_SIZE", size), home);
            assertEquals(StudyProtocol.STUDY_METHODS, MethodLists.labels(StudyProtocol.methods(lab)), size);
        }
    }
}
