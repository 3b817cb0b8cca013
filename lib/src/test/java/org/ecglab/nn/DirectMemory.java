package org.ecglab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/** The JVM's own direct buffers ({@code ByteBuffer.allocateDirect}), which only a garbage collection frees. */
public final class DirectMemory {
    private DirectMemory() {
    }

    /** Bytes held by direct buffers the JVM allocated and has not freed yet. */
    public static long used() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    /**
     * Asserts that {@code work} leaves less than 1 MB of direct buffers behind. Arrays the engine allocates are not
     * counted (it frees them on close); a buffer of ours that an array was made on stays counted until a garbage
     * collection frees it.
     */
    public static void assertLeavesNoneBehind(Runnable work) {
        long before = used();
        work.run();
        long left = used() - before;
        assertTrue(left < (1 << 20), () -> left + " bytes of direct buffers left behind");
    }
}
