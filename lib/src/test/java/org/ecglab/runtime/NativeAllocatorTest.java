package org.ecglab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The allocator thresholds are left alone where the user chose glibc's malloc settings, and set on Linux otherwise
 * (that they change no number is {@code TrainingIdentityTest}'s job).
 */
class NativeAllocatorTest {
    @Test
    void theUsersMallocVariablesWin() {
        assertEquals("unchanged: MALLOC_MMAP_THRESHOLD_ is set", NativeAllocator.apply(Map.of(
                "MALLOC_MMAP_THRESHOLD_", "65536")));
        assertEquals("unchanged: MALLOC_TRIM_THRESHOLD_ is set", NativeAllocator.apply(Map.of(
                "MALLOC_TRIM_THRESHOLD_", "131072")));
        assertEquals("unchanged: MALLOC_TOP_PAD_ is set", NativeAllocator.apply(Map.of("MALLOC_TOP_PAD_", "0")));
        assertEquals("unchanged: GLIBC_TUNABLES sets glibc.malloc", NativeAllocator.apply(Map.of(
                "GLIBC_TUNABLES", "glibc.malloc.trim_threshold=131072")));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void glibcTakesTheThresholds() {
        // Another GLIBC_TUNABLES setting is not the user's choice of malloc thresholds.
        String outcome = NativeAllocator.apply(Map.of("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX512F"));
        Assumptions.assumeFalse(outcome.equals("unchanged: not glibc"), "a Linux with another C library (musl)");
        assertEquals("glibc mmap and trim thresholds 128 MB, top pad 64 MB", outcome);
    }
}
