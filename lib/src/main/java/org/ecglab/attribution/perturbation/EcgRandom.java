package org.ecglab.attribution.perturbation;

import java.util.SplittableRandom;

/**
 * The random stream of one ECG: a {@link SplittableRandom} seeded from the method's seed and a 64-bit hash of the
 * ECG's values, so an ECG gets the same draws whichever ECGs it is explained with and in whatever chunks (the maps of
 * a sampling method do not depend on the batch), and different ECGs get independent draws.
 */
final class EcgRandom {
    private EcgRandom() {
    }

    /** The stream for the ECG {@code x} (lead-major) under {@code seed}. */
    static SplittableRandom of(long seed, float[] x) {
        long h = 0x9E3779B97F4A7C15L;
        for (float v : x) {
            h = mix(h ^ Float.floatToIntBits(v));
        }
        return new SplittableRandom(mix(seed) ^ h);
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as SplittableRandom mixes its own seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
