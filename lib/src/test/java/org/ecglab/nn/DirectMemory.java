package org.ecglab.nn;

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
}
