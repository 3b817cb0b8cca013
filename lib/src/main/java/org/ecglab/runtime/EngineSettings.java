package org.ecglab.runtime;

import java.util.Map;
import java.util.Properties;

/**
 * What the lab asks of DJL's PyTorch engine for the whole JVM, and where each value came from.
 *
 * <p>PyTorch's results depend on its intra-op thread count: a reduction (a convolution's weight gradient, a sum)
 * split over more threads adds its terms in another order and rounds differently, and training amplifies those
 * last-bit differences into other models. PyTorch's own default is one thread per core, so the same notebook would
 * give other numbers on another machine or under a kernel that passes no JVM options. The lab therefore fixes the
 * counts itself; one thread is the default because it is what the published numbers were computed with and what
 * a small shared machine can afford. Sources, the first one set wins:
 *
 * <table>
 *   <caption>Sources of each setting</caption>
 *   <tr><th>setting</th><th>1st</th><th>2nd</th><th>default</th></tr>
 *   <tr><td>intra-op threads</td><td>{@code -Dai.djl.pytorch.num_threads}</td><td>{@code ECGLAB_THREADS}</td>
 *       <td>1</td></tr>
 *   <tr><td>inter-op threads</td><td>{@code -Dai.djl.pytorch.num_interop_threads}</td><td>-</td><td>1</td></tr>
 *   <tr><td>offline mode</td><td>{@code DJL_OFFLINE}</td><td>{@code -Dai.djl.offline}</td><td>true</td></tr>
 * </table>
 *
 * <p>Offline mode follows DJL's own order (its environment variable first), since DJL reads it again at every
 * download attempt; offline, a missing native library is an error instead of a download.
 *
 * @param intraOpThreads threads one PyTorch operator may use
 * @param interOpThreads threads for running independent operators in parallel
 * @param offline        whether DJL may download anything
 */
public record EngineSettings(Sourced<Integer> intraOpThreads, Sourced<Integer> interOpThreads,
        Sourced<Boolean> offline) {
    /** Environment variable with the intra-op thread count (also read by {@code notebooks/run.sh}). */
    public static final String THREADS_VARIABLE = "ECGLAB_THREADS";
    static final String INTRA_OP_PROPERTY = "ai.djl.pytorch.num_threads";
    static final String INTER_OP_PROPERTY = "ai.djl.pytorch.num_interop_threads";
    static final String OFFLINE_VARIABLE = "DJL_OFFLINE";
    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    private static final String DEFAULT = "default";

    /** Reads the settings from {@link System#getenv()} and {@link System#getProperties()}. */
    public static EngineSettings fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties());
    }

    /**
     * Reads the settings from the given environment variables and JVM properties (see the class comment).
     *
     * @throws IllegalArgumentException if a thread count is not a positive integer (the message names its source)
     */
    public static EngineSettings fromEnvironment(Map<String, String> env, Properties properties) {
        Sourced<Integer> intraOp;
        if (properties.getProperty(INTRA_OP_PROPERTY) != null) {
            intraOp = threads("-D" + INTRA_OP_PROPERTY, properties.getProperty(INTRA_OP_PROPERTY));
        } else if (env.get(THREADS_VARIABLE) != null) {
            intraOp = threads(THREADS_VARIABLE, env.get(THREADS_VARIABLE));
        } else {
            intraOp = new Sourced<>(1, DEFAULT);
        }
        Sourced<Integer> interOp = properties.getProperty(INTER_OP_PROPERTY) != null
                ? threads("-D" + INTER_OP_PROPERTY, properties.getProperty(INTER_OP_PROPERTY))
                : new Sourced<>(1, DEFAULT);
        Sourced<Boolean> offline;
        if (env.get(OFFLINE_VARIABLE) != null) {
            offline = new Sourced<>(Boolean.parseBoolean(env.get(OFFLINE_VARIABLE).trim()), OFFLINE_VARIABLE);
        } else if (properties.getProperty(OFFLINE_PROPERTY) != null) {
            offline = new Sourced<>(Boolean.parseBoolean(properties.getProperty(OFFLINE_PROPERTY).trim()),
                    "-D" + OFFLINE_PROPERTY);
        } else {
            offline = new Sourced<>(true, DEFAULT);
        }
        return new EngineSettings(intraOp, interOp, offline);
    }

    private static Sourced<Integer> threads(String source, String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return new Sourced<>(n, source);
            }
        } catch (NumberFormatException e) {
            // reported below, with the source's name
        }
        throw new IllegalArgumentException(source + " must be a positive integer (a thread count), got '" + text + "'");
    }
}
