package org.ecglab.runtime;

import ai.djl.pytorch.jni.JniUtils;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Java threads that each run engine work with one intra-op thread: as many as the calling thread has intra-op
 * threads, so that independent pieces of work (the chunks of a gradient computation) run side by side, one per core,
 * instead of one after the other with every thread inside each operation.
 *
 * <p>Why: an operation on a chunk splits poorly over two threads. A pass of the default CNN at batch 128 has hundreds
 * of short kernels, and under {@code OMP_WAIT_POLICY=PASSIVE} each one wakes the second thread and waits for it; the
 * Java work between them runs on one. Saliency's gradients at batch 128 took 126 to 133 µs per ECG with two chunks
 * at a time, each on one thread, where one chunk at a time on two threads took 171 to 172 (issue 10's pass-cost
 * benchmark).
 * Each chunk's numbers are those of one intra-op thread; they do not depend on which worker computed it.
 *
 * <p>PyTorch keeps the intra-op thread count per thread (OpenMP's), and a thread takes the process-wide default on
 * its first operation; a worker therefore starts its count before setting it to one, and the calling thread's count,
 * which {@code set_num_threads} also makes the process-wide default, is given back once the workers are ready.
 */
public final class EngineWorkers {
    private static final Map<Integer, EngineWorkers> BY_THREADS = new HashMap<>();
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final ThreadPoolExecutor executor;
    private final int size;

    private EngineWorkers(ThreadPoolExecutor executor, int size) {
        this.executor = executor;
        this.size = size;
    }

    /**
     * The workers for the calling thread's intra-op thread count, started on first use and shared by the JVM; null
     * when that count is one, where there is nothing to run side by side.
     */
    public static EngineWorkers forCallingThread() {
        int threads = JniUtils.getNumThreads();
        if (threads <= 1) {
            return null;
        }
        synchronized (BY_THREADS) {
            return BY_THREADS.computeIfAbsent(threads, EngineWorkers::start);
        }
    }

    private static EngineWorkers start(int threads) {
        CountDownLatch ready = new CountDownLatch(threads);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread t = new Thread(() -> {
                        JniUtils.getNumThreads(); // takes the default now, so that it cannot undo the line below later
                        JniUtils.setNumThreads(1);
                        ready.countDown();
                        task.run();
                    }, "ecglab-engine-worker-" + NEXT_ID.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.prestartAllCoreThreads();
        boolean interrupted = false;
        while (ready.getCount() > 0) {
            try {
                ready.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        JniUtils.setNumThreads(threads);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new EngineWorkers(executor, threads);
    }

    /** Workers, each with one intra-op thread. */
    public int size() {
        return size;
    }

    /** Runs {@code task} on a free worker, or on the next one to be free. */
    public <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    /**
     * The result of {@code future}, waiting without giving up on an interrupt (engine work cannot be stopped midway,
     * and its memory must not be freed under it); the interrupt is kept for the caller.
     *
     * @throws RuntimeException the task's own exception, unwrapped (a checked one wrapped)
     */
    public static <T> T await(Future<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
