package org.ecglab.runtime;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps freed tensor memory in the process instead of handing it back to the kernel after every operation, by
 * setting glibc's {@code M_MMAP_THRESHOLD} and {@code M_TRIM_THRESHOLD} ({@code mallopt(3)}) to {@value #THRESHOLD_MB}
 * MB and {@code M_TOP_PAD} to {@value #TOP_PAD_MB} MB. Results do not change, only where PyTorch's buffers come from.
 *
 * <p>Why: PyTorch allocates every intermediate tensor with {@code malloc}. Java threads allocate from glibc's
 * per-thread arenas, whose freed memory is returned to the kernel above the trim threshold (128 kB by default, raised
 * only by freed {@code mmap} chunks), so each training step's activations of about 1 MB, and each inference batch's
 * of about 10 MB, were mapped again and touched page by page: measured on the default CNN, 1.0 million minor page
 * faults in a profiling run of 155 training steps and about 50 inference batches, against 0.31 million with these
 * thresholds; about 20 ms of CPU per training step at batch 32 against 15 to 16 ms, and about twice the inference
 * throughput (trim thresholds of 32 and 64 MB left most of the inference faults). Python's PyTorch allocates on
 * glibc's main arena, where the dynamic thresholds adapt. The cost: memory freed by PyTorch stays with the process
 * until it exits (its peak resident size moved by under 2% in that measurement).
 *
 * <p>The top pad: a per-thread arena grows in heaps of 64 MB, and glibc unmaps a heap as soon as it is entirely free,
 * whatever the trim threshold, unless the free space left would be under the pad (128 kB by default). A training step
 * that reaches into a second heap therefore mapped it afresh each time: 1,549 unmappings of 64 MB in 10 epochs of the
 * default CNN (strace), each a TLB shootdown across cores followed by page faults, against 8 with this pad. The pad
 * is address space, not memory: pages are only resident once touched.
 *
 * <p>Nothing is changed where the user set glibc's malloc variables ({@code MALLOC_MMAP_THRESHOLD_},
 * {@code MALLOC_TRIM_THRESHOLD_}, {@code MALLOC_TOP_PAD_} or a {@code glibc.malloc} tunable in
 * {@code GLIBC_TUNABLES}), nor on a C library other than glibc (macOS, musl, Windows).
 */
public final class NativeAllocator {
    /** The thresholds, in MB. */
    static final int THRESHOLD_MB = 128;
    /** The top pad, in MB: a whole heap. */
    static final int TOP_PAD_MB = 64;
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static String state;

    private NativeAllocator() {
    }

    /**
     * Sets the thresholds once per JVM (later calls only report).
     *
     * @return what was done, for {@link EffectiveSettings}
     */
    public static synchronized String tune() {
        if (state == null) {
            state = apply(System.getenv());
        }
        return state;
    }

    static String apply(Map<String, String> env) {
        for (String variable : new String[] {"MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_"}) {
            if (env.containsKey(variable)) {
                return "unchanged: " + variable + " is set";
            }
        }
        if (env.getOrDefault("GLIBC_TUNABLES", "").contains("glibc.malloc.")) {
            return "unchanged: GLIBC_TUNABLES sets glibc.malloc";
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "unchanged: not Linux";
        }
        Function mallopt;
        try {
            NativeLibrary c = NativeLibrary.getInstance("c");
            c.getFunction("gnu_get_libc_version"); // glibc only; UnsatisfiedLinkError elsewhere
            mallopt = c.getFunction("mallopt");
        } catch (UnsatisfiedLinkError e) {
            return "unchanged: not glibc";
        }
        int bytes = THRESHOLD_MB << 20;
        int mmap = (Integer) mallopt.invoke(Integer.class, new Object[] {M_MMAP_THRESHOLD, bytes});
        int trim = (Integer) mallopt.invoke(Integer.class, new Object[] {M_TRIM_THRESHOLD, bytes});
        int pad = (Integer) mallopt.invoke(Integer.class, new Object[] {M_TOP_PAD, TOP_PAD_MB << 20});
        if (mmap != 1 || trim != 1 || pad != 1) {
            return "glibc refused a setting (mallopt returned " + mmap + " for mmap, " + trim + " for trim, " + pad
                    + " for the top pad)";
        }
        return "glibc mmap and trim thresholds " + THRESHOLD_MB + " MB, top pad " + TOP_PAD_MB + " MB";
    }
}
