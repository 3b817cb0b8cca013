package org.ecglab.attribution;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.npy.NpyArray;

/**
 * The random draws of a sampling method (noise, path positions, baseline rows), from one seeded
 * {@link SplittableRandom} per {@code attribute} call, in a fixed order that does not depend on the internal batch
 * size. Methods record what they drew with the result ({@link Attribution.Builder#sample}), so that an independent
 * reference reproduces their maps exactly instead of statistically.
 *
 * <p>Normal draws use the Box–Muller transform written out here, {@code z = √(−2 ln(1 − u₁)) cos(2π u₂)} and, for the
 * next value, {@code √(−2 ln(1 − u₁)) sin(2π u₂)} (two independent normals per pair of uniforms), rather than
 * {@code RandomGenerator.nextGaussian()}, whose algorithm the Java specification does not fix: the same seed gives
 * the same noise on every Java version.
 */
public final class RandomDraws {
    /** Box–Muller pairs per parallel task: large enough that a task outweighs its scheduling. */
    private static final int PAIRS_PER_BLOCK = 8192;
    private final SplittableRandom random;

    /** Draws seeded with {@code seed}. */
    public RandomDraws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} float32 values from {@code N(0, sigma²)}; all zero (and no draws made) when {@code sigma == 0}. */
    public float[] gaussian(int count, double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("standard deviation must be finite and >= 0, got " + sigma);
        }
        float[] out = new float[count];
        if (sigma == 0) {
            return out;
        }
        // Both values of each transform are used: the logarithm, root and angle are most of the cost, and SmoothGrad
        // draws 36,000 values per ECG and sample. The uniforms are drawn in order (two per pair, the second one even
        // for an odd count's last pair); the transforms, each a function of its own pair, run on every core, which
        // gives the same bits as one loop.
        int pairs = (count + 1) / 2;
        double[] uniforms = new double[2 * pairs];
        for (int i = 0; i < uniforms.length; i++) {
            uniforms[i] = random.nextDouble();
        }
        int blocks = (pairs + PAIRS_PER_BLOCK - 1) / PAIRS_PER_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            for (int pair = b * PAIRS_PER_BLOCK; pair < Math.min(pairs, (b + 1) * PAIRS_PER_BLOCK); pair++) {
                double radius = sigma * Math.sqrt(-2 * Math.log(1 - uniforms[2 * pair]));
                double angle = 2 * Math.PI * uniforms[2 * pair + 1];
                out[2 * pair] = (float) (radius * Math.cos(angle));
                if (2 * pair + 1 < count) {
                    out[2 * pair + 1] = (float) (radius * Math.sin(angle));
                }
            }
        });
        return out;
    }

    /** {@code count} float32 values uniform in {@code [0, 1]} (a double in [0, 1) rounded to float32). */
    public float[] uniform(int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) random.nextDouble();
        }
        return out;
    }

    /** {@code count} indices uniform in {@code [0, bound)}. */
    public int[] indices(int count, int bound) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = random.nextInt(bound);
        }
        return out;
    }

    /**
     * Per-sample noise for {@code n} ECGs and {@code samples} draws each, as float32 {@code [n, samples, 12, 600]}:
     * the layout the bundle records ({@code noise[i, s]} is added to ECG {@code i} in its draw {@code s}).
     */
    public static NpyArray noiseArray(float[] noise, int n, int samples) {
        return NpyArray.ofFloats(noise, n, samples, EcgFormat.LEADS, EcgFormat.SAMPLES);
    }
}
