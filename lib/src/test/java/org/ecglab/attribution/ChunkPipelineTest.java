package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.ecglab.attribution.path.IntegratedGradients;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.runtime.EngineSetup;
import org.ecglab.runtime.EngineWorkers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With more than one intra-op thread, the chunks of a gradient computation or layer walk run side by side on
 * {@link EngineWorkers} with one thread each ({@link ChunkPipeline}): the maps and logits are those of one thread, bit
 * for bit, handed over in row order, for every method that runs in chunks; a call of fewer chunks than workers is
 * shared among them, with the same maps to float rounding; a failure in any chunk reaches the caller and leaves no
 * array behind; the thread counts stay as they were.
 */
class ChunkPipelineTest {
    /** Three chunks of 16 rows, the last one of 5. */
    private static final int ROWS = 37;
    private static final int BATCH = 16;
    private static EcgClassifier model;
    private static float[][][] x;
    private static int[] targets;
    private static int threadsBefore;

    @BeforeAll
    static void setUp() {
        EngineSetup.start();
        threadsBefore = JniUtils.getNumThreads();
        Engine.getInstance().setRandomSeed(3);
        // The default CNN, with batch norm and its running statistics: rows must not interact.
        model = EcgClassifier.of("workers", Architecture.defaultCnn(2), List.of("A", "B"));
        x = TinyModels.ecgs(ROWS, 5);
        targets = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            targets[i] = i % 3 == 0 ? 1 : 0;
        }
    }

    @AfterAll
    static void tearDown() {
        JniUtils.setNumThreads(threadsBefore);
        model.close();
    }

    /** What {@code compute} hands over, in the order it does. */
    private record Delivered(List<Integer> rows, List<Float> logits, float[][] gradients) {
    }

    private static Delivered compute(int threads) {
        JniUtils.setNumThreads(threads);
        List<Integer> rows = new ArrayList<>();
        List<Float> logits = new ArrayList<>();
        float[][] gradients = new float[ROWS][];
        new GradientComputer(BATCH).compute(model, ROWS, source(r -> x[r]), (row, g, offset, logit) -> {
            rows.add(row);
            logits.add(logit);
            gradients[row] = Arrays.copyOfRange(g, offset, offset + GradientComputer.ROW_SIZE);
        });
        return new Delivered(rows, logits, gradients);
    }

    private static GradientComputer.RowSource source(IntFunction<float[][]> rows) {
        return new GradientComputer.RowSource() {
            @Override
            public int target(int row) {
                return targets[row];
            }

            @Override
            public void fill(int row, float[] dest, int offset) {
                GradientComputer.copyIn(rows.apply(row), dest, offset);
            }
        };
    }

    @Test
    void twoThreadsGiveOneThreadsMapsBitForBitInRowOrder() {
        Delivered one = compute(1);
        Delivered two = compute(2);
        assertEquals(2, JniUtils.getNumThreads(), "the calling thread keeps its two intra-op threads");
        EngineWorkers workers = EngineWorkers.forCallingThread();
        assertNotNull(workers);
        assertEquals(2, workers.size());
        assertEquals(1, EngineWorkers.await(workers.submit(JniUtils::getNumThreads)), "a worker computes with one intra-op thread");
        List<Integer> inOrder = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            inOrder.add(r);
        }
        assertEquals(inOrder, two.rows(), "rows are handed over in order");
        assertEquals(one.logits(), two.logits());
        for (int r = 0; r < ROWS; r++) {
            assertArrayEquals(one.gradients()[r], two.gradients()[r], "row " + r);
        }
        assertTrue(TinyModels.sum(new float[][] {abs(one.gradients()[ROWS - 1])}) > 0, "non-trivial gradients");
    }

    @Test
    void mapsMadeByTheEngineAndPathMethodsAgreeBitForBit() {
        JniUtils.setNumThreads(1);
        float[][][] productOne = new GradientComputer(BATCH).gradients(model, x, targets, (g, in) -> g.mul(in));
        Attribution igOne = new IntegratedGradients().attribute(model, slice(5), slice(targets, 5));
        JniUtils.setNumThreads(2);
        Set<String> mappedOn = ConcurrentHashMap.newKeySet();
        float[][][] productTwo = new GradientComputer(BATCH).gradients(model, x, targets, (g, in) -> {
            mappedOn.add(Thread.currentThread().getName());
            return g.mul(in);
        });
        assertTrue(mappedOn.stream().allMatch(name -> name.startsWith("ecglab-engine-worker-")),
                "chunks were computed on " + mappedOn);
        // 5 ECGs × 50 steps: 2 chunks at the default internal batch.
        Attribution igTwo = new IntegratedGradients().attribute(model, slice(5), slice(targets, 5));
        for (int r = 0; r < ROWS; r++) {
            for (int l = 0; l < 12; l++) {
                assertArrayEquals(productOne[r][l], productTwo[r][l], "gradient × input, row " + r + " lead " + l);
            }
        }
        for (int r = 0; r < 5; r++) {
            for (int l = 0; l < 12; l++) {
                assertArrayEquals(igOne.map(r)[l], igTwo.map(r)[l], "integrated gradients, row " + r + " lead " + l);
            }
        }
    }

    @Test
    void aFailingChunkReachesTheCallerAndLeavesNoArrayBehind() {
        JniUtils.setNumThreads(2);
        int arrays = model.manager().getManagedArrays().size();
        GradientComputer g = new GradientComputer(BATCH);
        // A source that fails in the third chunk, while the first two may still be computing.
        IllegalArgumentException fill = assertThrows(IllegalArgumentException.class, () -> g.compute(model, ROWS,
                source(r -> {
                    if (r == 35) {
                        throw new IllegalArgumentException("row 35 is bad");
                    }
                    return x[r];
                }), (row, gradient, offset, logit) -> { }));
        assertEquals("row 35 is bad", fill.getMessage());
        assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays left after a failing source");
        // A reader that fails on the first chunk, while the others are computing.
        IllegalStateException read = assertThrows(IllegalStateException.class, () -> g.compute(model, ROWS,
                source(r -> x[r]), (row, gradient, offset, logit) -> {
                    throw new IllegalStateException("sink full");
                }));
        assertEquals("sink full", read.getMessage());
        assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays left after a failing reader");
        // A map that fails inside a worker's pass, on the last chunk, while the others may still be computing.
        IllegalStateException pass = assertThrows(IllegalStateException.class, () -> g.gradients(model, x, targets,
                (gradient, input) -> {
                    if (gradient.getShape().get(0) == ROWS % BATCH) {
                        throw new IllegalStateException("no map for the last chunk");
                    }
                    return gradient;
                }));
        assertEquals("no map for the last chunk", pass.getMessage());
        assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays left after a failing pass");
        Delivered after = compute(2);
        assertEquals(ROWS, after.rows().size(), "the next call works");
    }

    /** Every method that differentiates in chunks: all but the perturbation family. */
    static Stream<String> chunkedMethods() {
        return AttributionMethods.descriptors().stream().filter(d -> !d.family().equals("perturbation"))
                .map(MethodDescriptor::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunkedMethods")
    void everyChunkedMethodGivesOneThreadsMapsWithTwo(String id) {
        AttributionMethod method = AttributionMethods.create(id, Map.of("internal_batch_size", BATCH));
        Baselines baselines = TinyModels.baselinesFor(id);
        JniUtils.setNumThreads(1);
        Attribution one = method.attribute(model, x, targets, baselines);
        JniUtils.setNumThreads(2);
        Attribution two = method.attribute(model, x, targets, baselines);
        double size = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int l = 0; l < one.map(r).length; l++) {
                assertArrayEquals(one.map(r)[l], two.map(r)[l], id + ", ECG " + r + ", row " + l);
            }
            size += TinyModels.sum(new float[][] {abs(one.map(r)[0])});
        }
        assertTrue(size > 0, id + " gave all-zero maps");
    }

    @Test
    void aCallOfFewerChunksThanWorkersIsSharedAmongThem() {
        assertEquals(128, ChunkPipeline.chunkRows(300, 128, 2), "three chunks for two workers: as asked");
        assertEquals(128, ChunkPipeline.chunkRows(129, 128, 2), "two chunks for two workers: as asked");
        assertEquals(8, ChunkPipeline.chunkRows(16, 128, 2));
        assertEquals(5, ChunkPipeline.chunkRows(9, 128, 2), "shared as evenly as rows allow");
        assertEquals(128, ChunkPipeline.chunkRows(7, 128, 2), "too few rows to share: one chunk");
        assertEquals(25, ChunkPipeline.chunkRows(100, 128, 4));
        assertEquals(4, ChunkPipeline.chunkRows(12, 128, 4), "three workers of four get rows");
        assertEquals(64, ChunkPipeline.chunkRows(256, 64, 4), "four chunks for four workers: as asked");
    }

    /**
     * One chunk's worth of rows, shared between two workers: the same maps as one pass with one thread, to float
     * rounding (rows do not interact; as {@code WalkInvarianceTest} requires of an ECG alone and in a batch).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"saliency", "lrp_epsilon", "deeplift", "grad_cam"})
    void aSmallCallSharedBetweenWorkersGivesOneThreadsMaps(String id) {
        AttributionMethod method = AttributionMethods.create(id);
        float[][][] sixteen = slice(16);
        int[] sixteenTargets = slice(targets, 16);
        JniUtils.setNumThreads(1);
        Attribution one = method.attribute(model, sixteen, sixteenTargets, TinyModels.baselinesFor(id));
        JniUtils.setNumThreads(2);
        Attribution two = method.attribute(model, sixteen, sixteenTargets, TinyModels.baselinesFor(id));
        for (int r = 0; r < 16; r++) {
            double scale = 0;
            double diff = 0;
            for (int l = 0; l < one.map(r).length; l++) {
                for (int t = 0; t < one.map(r)[l].length; t++) {
                    scale = Math.max(scale, Math.abs(one.map(r)[l][t]));
                    diff = Math.max(diff, Math.abs(one.map(r)[l][t] - two.map(r)[l][t]));
                }
            }
            assertTrue(scale > 0 && diff <= 1e-5 * scale, id + ", ECG " + r + ": differ by " + diff + " of " + scale);
        }
    }

    @Test
    void aSmallCallIsComputedOnTheWorkers() {
        JniUtils.setNumThreads(2);
        List<String> mappedOn = java.util.Collections.synchronizedList(new ArrayList<>());
        new GradientComputer(GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE).gradients(model, slice(16),
                slice(targets, 16), (g, in) -> {
                    mappedOn.add(Thread.currentThread().getName() + " " + g.getShape().get(0));
                    return g;
                });
        assertEquals(2, mappedOn.size(), "two chunks of 8: " + mappedOn);
        assertTrue(mappedOn.stream().allMatch(s -> s.startsWith("ecglab-engine-worker-") && s.endsWith(" 8")),
                mappedOn.toString());
    }

    private static float[] abs(float[] values) {
        float[] a = new float[values.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.abs(values[i]);
        }
        return a;
    }

    private static float[][][] slice(int n) {
        return Arrays.copyOf(x, n);
    }

    private static int[] slice(int[] values, int n) {
        return Arrays.copyOf(values, n);
    }
}
