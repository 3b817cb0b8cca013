package org.ecglab.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.pooling.Pool;
import java.util.Locale;
import java.util.Map;

/**
 * One layer of a sequential network, as data. Each spec has PyTorch semantics and PyTorch's parameter names
 * ({@link #parameters()}), so a list of specs is both a DJL {@link ai.djl.nn.SequentialBlock} ({@link #toBlock()})
 * and {@code torch.nn.Sequential(*layers)} (the interop bundle's {@code model.json}). Shapes exclude the batch
 * dimension: {@code (C, L)} for sequences, {@code (F)} for vectors.
 */
public sealed interface LayerSpec permits LayerSpec.Conv1d, LayerSpec.BatchNorm1d, LayerSpec.Relu,
        LayerSpec.MaxPool1d, LayerSpec.AvgPool1d, LayerSpec.AdaptiveAvgPool1d, LayerSpec.Flatten, LayerSpec.Linear,
        LayerSpec.Dropout {

    /** The layer type as written in {@code model.json}, e.g. {@code "conv1d"}. */
    String type();

    /** Constructor arguments under PyTorch's names (e.g. {@code in_channels}), in PyTorch's order. */
    Map<String, Object> parameters();

    /** A new, uninitialised DJL block computing this layer. */
    Block toBlock();

    /**
     * Output shape for an input shape (both without batch dimension).
     *
     * @throws IllegalArgumentException if the input does not fit this layer (wrong rank, channels, too short)
     */
    long[] outputShape(long[] input);

    /**
     * Number of trainable parameters (PyTorch's {@code sum(p.numel() for p in layer.parameters())}); none unless
     * the layer overrides this.
     */
    default long trainableParameters() {
        return 0;
    }

    /**
     * 1-D convolution {@code torch.nn.Conv1d}; {@code L_out = floor((L + 2p - d(k-1) - 1) / s) + 1}. Weight
     * {@code (out, in, k)}, initialised He-normal by DJL's default ({@code N(0, 2/(in*k))}).
     */
    record Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation,
            boolean bias) implements LayerSpec {
        public Conv1d {
            LayerChecks.positive("in_channels", inChannels);
            LayerChecks.positive("out_channels", outChannels);
            LayerChecks.positive("kernel_size", kernelSize);
            LayerChecks.positive("stride", stride);
            LayerChecks.nonNegative("padding", padding);
            LayerChecks.positive("dilation", dilation);
        }

        /** Stride 1, dilation 1, "same" padding {@code (k-1)/2} for odd {@code k}. */
        public static Conv1d same(int inChannels, int outChannels, int kernelSize, boolean bias) {
            return new Conv1d(inChannels, outChannels, kernelSize, 1, (kernelSize - 1) / 2, 1, bias);
        }

        @Override
        public String type() {
            return "conv1d";
        }

        @Override
        public Map<String, Object> parameters() {
            return LayerChecks.ordered("in_channels", inChannels, "out_channels", outChannels, "kernel_size", kernelSize,
                    "stride", stride, "padding", padding, "dilation", dilation, "bias", bias);
        }

        @Override
        public Block toBlock() {
            return ai.djl.nn.convolutional.Conv1d.builder().setFilters(outChannels).setKernelShape(new Shape(kernelSize))
                    .optStride(new Shape(stride)).optPadding(new Shape(padding)).optDilation(new Shape(dilation))
                    .optBias(bias).build();
        }

        @Override
        public long[] outputShape(long[] input) {
            LayerChecks.channels(this, input, inChannels);
            return new long[] {outChannels, LayerChecks.slidingLength(this, input[1], kernelSize, stride, padding, dilation)};
        }

        @Override
        public long trainableParameters() {
            return (long) outChannels * inChannels * kernelSize + (bias ? outChannels : 0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Conv1d(%d, %d, kernel_size=%d, stride=%d, padding=%d, dilation=%d, bias=%s)",
                    inChannels, outChannels, kernelSize, stride, padding, dilation, bias ? "True" : "False");
        }
    }

    /**
     * Batch normalisation {@code torch.nn.BatchNorm1d(num_features, eps, momentum=0.1)} over the channel axis:
     * {@code y = gamma (x - mean) / sqrt(var + eps) + beta}, batch statistics in training and running statistics
     * in inference. Running estimates follow PyTorch's {@code r <- (1 - 0.1) r + 0.1 batch}; DJL states the
     * momentum as the weight of the old value, so the block is built with DJL momentum 0.9 (the PyTorch engine
     * passes {@code 1 - 0.9 = 0.1} to {@code torch.batch_norm}).
     */
    record BatchNorm1d(int numFeatures, double eps) implements LayerSpec {
        /** PyTorch's default {@code eps}. */
        public static final double DEFAULT_EPS = 1e-5;
        /** DJL momentum (weight of the old running value) equal to PyTorch's momentum 0.1. */
        public static final float DJL_MOMENTUM = 0.9f;

        public BatchNorm1d {
            LayerChecks.positive("num_features", numFeatures);
            if (!(eps > 0) || !Double.isFinite(eps)) {
                throw new IllegalArgumentException("batchnorm1d eps must be positive and finite, got " + eps);
            }
        }

        /** With PyTorch's default {@code eps = 1e-5}. */
        public BatchNorm1d(int numFeatures) {
            this(numFeatures, DEFAULT_EPS);
        }

        @Override
        public String type() {
            return "batchnorm1d";
        }

        @Override
        public Map<String, Object> parameters() {
            return LayerChecks.ordered("num_features", numFeatures, "eps", eps);
        }

        @Override
        public Block toBlock() {
            return ai.djl.nn.norm.BatchNorm.builder().optAxis(1).optEpsilon((float) eps).optMomentum(DJL_MOMENTUM)
                    .build();
        }

        @Override
        public long[] outputShape(long[] input) {
            if (input.length < 1 || input[0] != numFeatures) {
                throw new IllegalArgumentException(this + " expects " + numFeatures + " channels, got input "
                        + LayerChecks.shape(input));
            }
            return input.clone();
        }

        @Override
        public long trainableParameters() {
            return 2L * numFeatures;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "BatchNorm1d(%d, eps=%s)", numFeatures, eps);
        }
    }

    /** Rectified linear unit {@code torch.nn.ReLU}: {@code max(0, x)}. */
    record Relu() implements LayerSpec {
        @Override
        public String type() {
            return "relu";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of();
        }

        @Override
        public Block toBlock() {
            return Activation.reluBlock();
        }

        @Override
        public long[] outputShape(long[] input) {
            return input.clone();
        }

        @Override
        public String toString() {
            return "ReLU()";
        }
    }

    /** Max pooling {@code torch.nn.MaxPool1d(kernel_size, stride, padding)}, floor mode. */
    record MaxPool1d(int kernelSize, int stride, int padding) implements LayerSpec {
        public MaxPool1d {
            LayerChecks.pool("maxpool1d", kernelSize, stride, padding);
        }

        /** Non-overlapping pooling by {@code k}: stride {@code k}, no padding. */
        public static MaxPool1d of(int kernelSize) {
            return new MaxPool1d(kernelSize, kernelSize, 0);
        }

        @Override
        public String type() {
            return "maxpool1d";
        }

        @Override
        public Map<String, Object> parameters() {
            return LayerChecks.poolParameters(kernelSize, stride, padding);
        }

        @Override
        public Block toBlock() {
            return LambdaBlock.singleton(x -> MaxPooling.pool(x, kernelSize, stride, padding), "maxPool1d");
        }

        @Override
        public long[] outputShape(long[] input) {
            return LayerChecks.poolShape(this, input, kernelSize, stride, padding);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "MaxPool1d(kernel_size=%d, stride=%d, padding=%d)", kernelSize, stride,
                    padding);
        }
    }

    /**
     * Average pooling {@code torch.nn.AvgPool1d(kernel_size, stride, padding)} with PyTorch's defaults
     * {@code ceil_mode=False, count_include_pad=True} (padded zeros count in the average).
     */
    record AvgPool1d(int kernelSize, int stride, int padding) implements LayerSpec {
        public AvgPool1d {
            LayerChecks.pool("avgpool1d", kernelSize, stride, padding);
        }

        @Override
        public String type() {
            return "avgpool1d";
        }

        @Override
        public Map<String, Object> parameters() {
            return LayerChecks.poolParameters(kernelSize, stride, padding);
        }

        @Override
        public Block toBlock() {
            return Pool.avgPool1dBlock(new Shape(kernelSize), new Shape(stride), new Shape(padding), false, true);
        }

        @Override
        public long[] outputShape(long[] input) {
            return LayerChecks.poolShape(this, input, kernelSize, stride, padding);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "AvgPool1d(kernel_size=%d, stride=%d, padding=%d)", kernelSize, stride,
                    padding);
        }
    }

    /**
     * Global average pooling {@code torch.nn.AdaptiveAvgPool1d(1)}: {@code (C, L) -> (C, 1)}, the mean over time.
     * Only output size 1 is supported. The DJL block keeps the length-1 axis as PyTorch does (DJL's
     * {@code Pool.globalAvgPool1d} drops it), so shapes agree layer by layer with the PyTorch model.
     */
    record AdaptiveAvgPool1d(int outputSize) implements LayerSpec {
        public AdaptiveAvgPool1d {
            if (outputSize != 1) {
                throw new IllegalArgumentException("adaptive_avgpool1d supports output_size 1 only, got " + outputSize);
            }
        }

        /** Global average pooling, output size 1. */
        public AdaptiveAvgPool1d() {
            this(1);
        }

        @Override
        public String type() {
            return "adaptive_avgpool1d";
        }

        @Override
        public Map<String, Object> parameters() {
            return LayerChecks.ordered("output_size", outputSize);
        }

        @Override
        public Block toBlock() {
            return new LambdaBlock(list -> new NDList(list.singletonOrThrow().mean(new int[] {2}, true)),
                    "adaptiveAvgPool1d");
        }

        @Override
        public long[] outputShape(long[] input) {
            LayerChecks.rank(this, input, 2);
            return new long[] {input[0], 1};
        }

        @Override
        public String toString() {
            return "AdaptiveAvgPool1d(output_size=1)";
        }
    }

    /** {@code torch.nn.Flatten()}: all non-batch axes into one. */
    record Flatten() implements LayerSpec {
        @Override
        public String type() {
            return "flatten";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of();
        }

        @Override
        public Block toBlock() {
            return Blocks.batchFlattenBlock();
        }

        @Override
        public long[] outputShape(long[] input) {
            long n = 1;
            for (long d : input) {
                n *= d;
            }
            return new long[] {n};
        }

        @Override
        public String toString() {
            return "Flatten()";
        }
    }

    /** Fully connected {@code torch.nn.Linear}: {@code y = W x + b}, {@code W} of shape {@code (out, in)}. */
    record Linear(int inFeatures, int outFeatures, boolean bias) implements LayerSpec {
        public Linear {
            LayerChecks.positive("in_features", inFeatures);
            LayerChecks.positive("out_features", outFeatures);
        }

        @Override
        public String type() {
            return "linear";
        }

        @Override
        public Map<String, Object> parameters() {
            return LayerChecks.ordered("in_features", inFeatures, "out_features", outFeatures, "bias", bias);
        }

        @Override
        public Block toBlock() {
            return ai.djl.nn.core.Linear.builder().setUnits(outFeatures).optBias(bias).build();
        }

        @Override
        public long[] outputShape(long[] input) {
            if (input.length != 1 || input[0] != inFeatures) {
                throw new IllegalArgumentException(this + " expects input (" + inFeatures + "), got "
                        + LayerChecks.shape(input) + "; add a Flatten before it");
            }
            return new long[] {outFeatures};
        }

        @Override
        public long trainableParameters() {
            return (long) outFeatures * inFeatures + (bias ? outFeatures : 0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Linear(in_features=%d, out_features=%d, bias=%s)", inFeatures,
                    outFeatures, bias ? "True" : "False");
        }
    }

    /** {@code torch.nn.Dropout(p)}: zeroes inputs with probability {@code p} in training, identity in inference. */
    record Dropout(double p) implements LayerSpec {
        public Dropout {
            if (!(p >= 0 && p < 1)) {
                throw new IllegalArgumentException("dropout p must be in [0, 1), got " + p);
            }
        }

        @Override
        public String type() {
            return "dropout";
        }

        @Override
        public Map<String, Object> parameters() {
            return LayerChecks.ordered("p", p);
        }

        @Override
        public Block toBlock() {
            return ai.djl.nn.norm.Dropout.builder().optRate((float) p).build();
        }

        @Override
        public long[] outputShape(long[] input) {
            return input.clone();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Dropout(p=%s)", p);
        }
    }
}
