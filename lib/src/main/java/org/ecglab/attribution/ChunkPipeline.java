package org.ecglab.attribution;

import ai.djl.ndarray.NDManager;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Future;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.runtime.EngineWorkers;
import org.ecglab.runtime.GradientSelfCheck;

/**
 * Runs a gradient computation chunk by chunk, each chunk in a manager of its own that is closed once its results are
 * read: rows {@code [start, start + b)} are written, the chunk is computed (its passes through the network), and its
 * results are read, chunk after chunk in row order.
 *
 * <p>With one intra-op thread, all three happen one after the other on the calling thread. With more, chunks are
 * computed on {@link EngineWorkers}, one intra-op thread each, as many at a time as there are workers, while the
 * calling thread writes the next chunk and reads the finished ones in order: writers and readers need not be
 * thread-safe, and a chunk's numbers are those of one intra-op thread, so a call of several full chunks gives the
 * same bits with any thread count. A call of fewer chunks than workers is shared among them ({@link #chunkRows}),
 * unless it is too small, when it runs on the calling thread with all its threads. The {@link GradientSelfCheck} runs
 * before the first chunk, on the calling thread; it checks with one intra-op thread too, as the workers compute.
 *
 * @param <C> a written chunk
 * @param <R> a computed chunk's results
 */
public final class ChunkPipeline<C, R> {
    /** Fewest rows per chunk when a call's rows are shared among workers. */
    static final int MIN_SHARED_ROWS = 4;
    /** Writes a chunk's rows into new arrays of {@code manager}. */
    @FunctionalInterface
    public interface Writer<C> {
        /** The chunk of rows {@code [start, start + rows)}, in arrays of {@code manager}. */
        C write(NDManager manager, int start, int rows);
    }

    /**
     * Computes a written chunk, on whichever thread runs it; what it creates lives in the chunk's manager. It must
     * not open a DJL gradient collector (one at a time in a JVM) but record in its own thread's grad mode.
     */
    @FunctionalInterface
    public interface Pass<C, R> {
        /** The chunk's results. */
        R compute(C chunk);
    }

    /** Reads a computed chunk's results on the calling thread, while the chunk's manager is still open. */
    @FunctionalInterface
    public interface Reader<C, R> {
        /** Hands over the results of rows {@code [start, start + rows)}. */
        void read(int start, int rows, C chunk, R results);
    }

    private final Writer<C> writer;
    private final Pass<C, R> pass;
    private final Reader<C, R> reader;

    /** A pipeline of these three steps. */
    public ChunkPipeline(Writer<C> writer, Pass<C, R> pass, Reader<C, R> reader) {
        this.writer = writer;
        this.pass = pass;
        this.reader = reader;
    }

    /**
     * Runs {@code rows} rows through {@code model} in chunks of at most {@code maxChunkRows}, each chunk's manager a
     * sub-manager of {@code parent}; with workers, a call of fewer chunks than workers is split more finely
     * ({@link #chunkRows}).
     */
    public void run(EcgClassifier model, NDManager parent, int rows, int maxChunkRows) {
        GradientSelfCheck.ensure(model.block());
        EngineWorkers workers = rows > 1 ? EngineWorkers.forCallingThread() : null;
        int chunkRows = workers == null ? maxChunkRows : chunkRows(rows, maxChunkRows, workers.size());
        if (workers != null && chunkRows >= rows) {
            workers = null;
        }
        if (workers == null) {
            for (int start = 0; start < rows; start += chunkRows) {
                int b = Math.min(rows, start + chunkRows) - start;
                try (NDManager m = parent.newSubManager()) {
                    C chunk = writer.write(m, start, b);
                    reader.read(start, b, chunk, pass.compute(chunk));
                }
            }
            return;
        }
        // One more chunk than there are workers is in flight, so that a worker finding its next chunk waits for no
        // writing.
        Deque<InFlight> inFlight = new ArrayDeque<>();
        try {
            for (int start = 0; start < rows; start += chunkRows) {
                int b = Math.min(rows, start + chunkRows) - start;
                NDManager m = parent.newSubManager();
                C chunk;
                try {
                    chunk = writer.write(m, start, b);
                } catch (RuntimeException | Error e) {
                    m.close();
                    throw e;
                }
                inFlight.add(new InFlight(start, b, m, chunk, workers.submit(() -> pass.compute(chunk))));
                if (inFlight.size() > workers.size()) {
                    inFlight.removeFirst().finish();
                }
            }
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().finish();
            }
        } finally {
            // After a failure: chunks still computing use their memory until they end.
            for (InFlight f : inFlight) {
                f.abandon();
            }
        }
    }

    /**
     * Rows per chunk with {@code workers} workers: {@code maxChunkRows}, unless that leaves workers idle; then the rows
     * are shared evenly among as many workers as can each get {@value #MIN_SHARED_ROWS} rows or more. With two threads,
     * a saliency call of 16 ECGs took a median 8.0 ms as one pass, 5.3 ms as two passes of 8 side by side (the
     * pass-cost benchmark's 500 calls). Rows do not interact, so only float rounding can depend on the split, and
     * sharing never leaves one row a pass of its own (PyTorch computes a single row with other kernels).
     */
    static int chunkRows(int rows, int maxChunkRows, int workers) {
        int chunks = (rows + maxChunkRows - 1) / maxChunkRows;
        if (chunks >= workers) {
            return maxChunkRows;
        }
        int shares = Math.min(workers, rows / MIN_SHARED_ROWS);
        return shares <= 1 ? maxChunkRows : (rows + shares - 1) / shares;
    }

    /** A chunk handed to a worker, with the manager that holds its memory until its results are read. */
    private final class InFlight {
        private final int start;
        private final int rows;
        private final NDManager manager;
        private final C chunk;
        private final Future<R> results;

        InFlight(int start, int rows, NDManager manager, C chunk, Future<R> results) {
            this.start = start;
            this.rows = rows;
            this.manager = manager;
            this.chunk = chunk;
            this.results = results;
        }

        void finish() {
            try (manager) {
                reader.read(start, rows, chunk, EngineWorkers.await(results));
            }
        }

        void abandon() {
            try (manager) {
                EngineWorkers.await(results);
            } catch (RuntimeException e) {
                // the failure already on its way to the caller is the one to report
            }
        }
    }
}
