package org.ecglab.attribution.backprop;

/**
 * The composites the lab's methods use. Layer types are those of {@link org.ecglab.nn.LayerSpec}; a type not named
 * keeps its gradient ({@link Rules#GRADIENT}: max pooling routes the vector to the winning input, flatten and
 * dropout in inference pass it on).
 */
public final class Composites {
    private static final String[] WEIGHTED = {"conv1d", "linear"};
    private static final String[] AVERAGES = {"avgpool1d", "adaptive_avgpool1d"};

    private Composites() {
    }

    /** Guided backpropagation: the gradient with {@link Rules#GUIDED_RELU} at every ReLU. */
    public static Composite guidedBackprop() {
        return Composite.builder("guided backpropagation").type(Rules.GUIDED_RELU, "relu").build();
    }

    /** Deconvolution: the gradient with {@link Rules#DECONVOLUTION_RELU} at every ReLU. */
    public static Composite deconvolution() {
        return Composite.builder("deconvolution").type(Rules.DECONVOLUTION_RELU, "relu").build();
    }

    /** DeepLIFT as Captum: the rescale rule at ReLUs, Captum's max-pooling rule, gradients elsewhere. */
    public static Composite deepLift(double eps) {
        return Composite.builder("DeepLIFT rescale")
                .type(DeepLiftRules.rescale(eps), "relu")
                .type(DeepLiftRules.maxPool(eps), "maxpool1d")
                .build();
    }

    /**
     * Captum's LRP with {@code EpsilonRule(epsilon)} on every convolution, batch norm, pooling, flatten and linear
     * layer, relevance passed unchanged through ReLU and dropout, no canonizer.
     */
    public static Composite captumEpsilon(double epsilon) {
        return Composite.builder("Captum LRP epsilon")
                .type(LrpRule.epsilon(epsilon), "conv1d", "batchnorm1d", "maxpool1d", "avgpool1d",
                        "adaptive_avgpool1d", "flatten", "linear")
                .type(Rules.PASS, "relu", "dropout")
                .build();
    }

    /** One LRP rule on every convolution and linear layer, the rest as Zennit's base layer map. */
    public static Composite uniform(String name, Rule rule, double stabilizer) {
        return zennitBase(name, stabilizer).type(rule, WEIGHTED).build();
    }

    /**
     * Zennit's {@code EpsilonPlusFlat}: the flat rule for the first convolution, z-plus for the other convolutions,
     * epsilon for linear layers.
     */
    public static Composite epsilonPlusFlat(double epsilon, double stabilizer) {
        return zennitBase("epsilon-plus-flat", stabilizer)
                .firstWeighted(LrpRule.flat(stabilizer))
                .type(LrpRule.zPlus(stabilizer), "conv1d")
                .type(LrpRule.epsilon(epsilon), "linear")
                .build();
    }

    /**
     * Zennit's {@code EpsilonGammaBox} with the flat rule instead of z-box for the first convolution (an ECG has no
     * natural bounds for z-box): flat first, gamma for the other convolutions, epsilon for linear layers.
     */
    public static Composite epsilonGammaFlat(double epsilon, double gamma, double stabilizer) {
        return zennitBase("epsilon-gamma-flat", stabilizer)
                .firstWeighted(LrpRule.flat(stabilizer))
                .type(LrpRule.gamma(gamma, stabilizer), "conv1d")
                .type(LrpRule.epsilon(epsilon), "linear")
                .build();
    }

    /**
     * Zennit's {@code layer_map_base} with its batch-norm canonizer: relevance passes ReLUs (and any batch norm not
     * folded), average pooling gets {@link LrpRule#norm}, batch norms are folded into the convolution before them.
     */
    private static Composite.Builder zennitBase(String name, double stabilizer) {
        return Composite.builder(name)
                .type(Rules.PASS, "relu", "batchnorm1d")
                .type(LrpRule.norm(stabilizer), AVERAGES)
                .canonizer(BatchNormFolding.INSTANCE);
    }
}
