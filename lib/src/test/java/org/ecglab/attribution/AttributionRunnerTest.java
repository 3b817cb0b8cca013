package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chunks in input order, progress in maps done, and joined results equal to one call over all ECGs. */
class AttributionRunnerTest {
    private static EcgClassifier model;
    private static final float[][][] ECGS = TinyModels.ecgs(7, 3);
    private static final int[] TARGETS = {0, 1, 0, 1, 1, 0, 1};

    @BeforeAll
    static void setUp() {
        model = TinyModels.cnn(4, true);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    @Test
    void joinedChunksEqualOneCallOverAllEcgs() {
        AttributionMethod ig = AttributionMethods.create("integrated_gradients", Map.of("n_steps", 6));
        Attribution whole = ig.attribute(model, ECGS, TARGETS);
        List<long[]> progress = new ArrayList<>();
        Attribution joined = new AttributionRunner(3, (done, total) -> progress.add(new long[] {done, total}))
                .run(ig, model, ECGS, TARGETS, Baselines.zero());
        // Chunks of 3, 3 and 1 ECG are explained separately; the method is deterministic and batch-size invariant.
        assertEquals(0, TinyModels.maxAbsDiff(whole.values(), joined.values()), 1e-6);
        assertArrayEquals(whole.convergenceDelta(), joined.convergenceDelta(), 1e-6);
        assertEquals(whole.methodId(), joined.methodId());
        assertEquals(whole.parameters(), joined.parameters());
        assertEquals(List.of(3L, 6L, 7L), progress.stream().map(p -> p[0]).toList());
        assertEquals(List.of(7L, 7L, 7L), progress.stream().map(p -> p[1]).toList());
    }

    @Test
    void aSamplingMethodsJoinedResultCarriesEveryChunksDraws() {
        AttributionMethod smoothGrad = AttributionMethods.create("smoothgrad", Map.of("nt_samples", 2, "stdevs", 0.2,
                "seed", 5));
        Attribution joined = new AttributionRunner(3, ProgressListener.NONE).run(smoothGrad, model, ECGS, TARGETS,
                Baselines.zero());
        assertArrayEquals(new int[] {7, 2, 12, 600}, joined.samples().get("noise").shape());
        float[] noise = joined.samples().get("noise").toFloats();
        // ECGs 3..5 are the second chunk: their draws and maps are those of a call on that chunk alone
        Attribution chunk = smoothGrad.attribute(model, java.util.Arrays.copyOfRange(ECGS, 3, 6),
                java.util.Arrays.copyOfRange(TARGETS, 3, 6));
        float[] chunkNoise = chunk.samples().get("noise").toFloats();
        int perEcg = 2 * 12 * 600;
        assertArrayEquals(chunkNoise, java.util.Arrays.copyOfRange(noise, 3 * perEcg, 6 * perEcg), 0f);
        assertEquals(0, TinyModels.maxAbsDiff(chunk.values(), java.util.Arrays.copyOfRange(joined.values(), 3, 6)), 0);
        assertEquals(5, joined.seed());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Attribution.of(smoothGrad, model, ECGS, joined.values()).sample("noise",
                        org.ecglab.data.npy.NpyArray.ofFloats(new float[4], 2, 2)).build());
        assertEquals("sample noise has shape [2, 2]; its first axis must be the 7 ECGs", e.getMessage());
    }

    @Test
    void everyChunkHasEveryMethodInOrderAndProgressCountsMaps() {
        List<AttributionMethod> methods = List.of(AttributionMethods.create("saliency"),
                AttributionMethods.create("saliency", Map.of("abs", false)));
        List<Integer> starts = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        new AttributionRunner(4, (d, total) -> {
            assertEquals(14, total); // 7 ECGs x 2 methods
            done.add(d);
        }).forEachChunk(methods, model, ECGS, TARGETS, Baselines.zero(), (from, maps) -> {
            starts.add(from);
            assertEquals(2, maps.size());
            int n = maps.get(0).size();
            for (int e = 0; e < n; e++) {
                float[][] abs = maps.get(0).map(e);
                float[][] signed = maps.get(1).map(e);
                assertEquals(Math.abs(signed[3][100]), abs[3][100], 0); // the method order is kept
            }
        });
        assertEquals(List.of(0, 4), starts);
        assertEquals(List.of(4L, 8L, 11L, 14L), done);
    }

    @Test
    void badRunsAreRefused() {
        AttributionMethod saliency = AttributionMethods.create("saliency");
        assertThrows(IllegalArgumentException.class, () -> new AttributionRunner(0, ProgressListener.NONE));
        AttributionRunner runner = new AttributionRunner(2, ProgressListener.NONE);
        assertThrows(IllegalArgumentException.class, () -> runner.run(saliency, model, new float[0][][], new int[0], Baselines.zero()));
        assertThrows(IllegalArgumentException.class, () -> runner.run(saliency, model, ECGS, new int[2], Baselines.zero()));
        assertThrows(IllegalArgumentException.class,
                () -> runner.forEachChunk(List.of(), model, ECGS, TARGETS, Baselines.zero(), (from, maps) -> { }));
    }
}
