package org.ecglab.experiment;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;

/**
 * Which reference inputs each method gets in the experiments. Methods that explain against one baseline per input
 * (integrated gradients, DeepLIFT, ...) get zeros, Captum's default and the isoelectric line. Methods that draw their
 * baselines from a distribution ({@value #DRAWING} : gradient SHAP, DeepLIFT SHAP) get a background of
 * {@value #BACKGROUND_SIZE} training ECGs drawn at random (seeded) from the training split, the usual background of
 * SHAP-style methods: a distribution of zeros would reduce DeepLIFT SHAP to DeepLIFT. The study does not say what it
 * used; this is our choice, written here once and stated in the notebooks.
 *
 * @param background the distribution for drawing methods, {@code [n][12][600]}; empty when the data have too few
 *                   training ECGs, in which case a drawing method is refused when it asks for its baselines
 * @param source     where the background comes from, for messages
 */
public record BaselinePolicy(float[][][] background, String source) {
    /** Ids of the methods that draw baselines from a distribution. */
    public static final Set<String> DRAWING = Set.of("gradient_shap", "deeplift_shap");
    /** Training ECGs in the background. */
    public static final int BACKGROUND_SIZE = 16;

    /** Checks the parts. */
    public BaselinePolicy {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(source, "source");
    }

    /**
     * {@value #BACKGROUND_SIZE} ECGs of the training split of {@code data}, drawn without replacement with seed 1
     * (all of them if there are fewer; none if there is only one).
     */
    public static BaselinePolicy of(EcgDataset data) {
        int[] train = data.indices(Split.TRAIN);
        int[] shuffled = train.clone();
        SplittableRandom random = new SplittableRandom(1L);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        int[] chosen = shuffled.length < 2 ? new int[0]
                : Arrays.copyOf(shuffled, Math.min(BACKGROUND_SIZE, shuffled.length));
        float[][][] rows = new float[chosen.length][][];
        for (int i = 0; i < chosen.length; i++) {
            rows[i] = data.signal(chosen[i]);
        }
        return new BaselinePolicy(rows, data.name() + " (" + train.length + " training ECGs)");
    }

    /**
     * The baselines of {@code method}: the background for a drawing method, zeros otherwise.
     *
     * @throws IllegalArgumentException for a drawing method when there is no background
     */
    public Baselines forMethod(MethodSpec method) {
        if (!DRAWING.contains(method.id())) {
            return Baselines.zero();
        }
        if (background.length < 2) {
            throw new IllegalArgumentException("method " + method.label() + " draws its baselines from training ECGs, "
                    + "but " + source + " has too few (at least 2 are needed)");
        }
        return Baselines.distribution(background);
    }

    /** What identifies the whole policy in a cache key of results. */
    public String key() {
        return "baselines: zero; drawing methods from " + (background.length == 0 ? "none"
                : DatasetHash.ofSignals(background));
    }

    /** What identifies the baselines of {@code method} in a cache key. */
    public String key(MethodSpec method) {
        return DRAWING.contains(method.id()) ? "distribution " + (background.length == 0 ? "none"
                : DatasetHash.ofSignals(background)) : "zero";
    }

    @Override
    public String toString() {
        return "BaselinePolicy[zero; gradient_shap and deeplift_shap draw from " + background.length
                + " training ECGs]";
    }
}
