package org.ecglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecglab.ChildRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speed settings that must not change numbers do not: a task model trained with the lab's glibc thresholds
 * ({@link org.ecglab.runtime.NativeAllocator}) has bit-identical weights to one trained with glibc's defaults (the
 * lab leaves the allocator alone where {@code MALLOC_TRIM_THRESHOLD_} is set, here to glibc's default value).
 */
class TrainingIdentityTest {
    @TempDir
    Path tmp;

    @Test
    @EnabledOnOs(OS.LINUX)
    void theAllocatorThresholdsLeaveTrainedWeightsBitIdentical() throws Exception {
        ChildRun tuned = ChildRun.run(TrainingChild.class, List.of(), Map.of(), tmp);
        tuned.assertLine("native allocator +glibc mmap and trim thresholds 128 MB, top pad 64 MB .*");
        ChildRun defaults = ChildRun.run(TrainingChild.class, List.of(), Map.of("MALLOC_TRIM_THRESHOLD_", "131072"),
                tmp);
        defaults.assertLine("native allocator +unchanged: MALLOC_TRIM_THRESHOLD_ is set .*");
        assertEquals(defaults.result(), tuned.result(), "parameter fingerprints of the two trained models");
    }
}
