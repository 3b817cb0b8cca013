package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.ParameterList;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;

/**
 * {@link GradientPassMethod#passesPerEcg()} against a count: the default CNN's last layer (the linear read-out) is
 * wrapped in a block that counts the rows it sees while autograd records, i.e. the rows differentiated from the logits
 * back. Every gradient, path and CAM method of the registry, at its defaults and with other sample counts, must make
 * exactly {@code passesPerEcg × N} such rows for N ECGs.
 */
class PassCountTest {
    private static final Set<String> FAMILIES = Set.of("gradient", "path", "cam");
    /** Other sample counts than the defaults, with chunks that do not divide them. */
    private static final Map<String, Map<String, Object>> OTHER = Map.of(
            "smoothgrad", Map.of("nt_samples", 3, "nt_type", "vargrad"),
            "integrated_gradients", Map.of("n_steps", 7, "method", "riemann_trapezoid"),
            "gradient_shap", Map.of("n_samples", 4));

    /** Delegates to the wrapped layer (its parameters too, so the network still matches its architecture). */
    private static final class CountingLayer extends AbstractBlock {
        private final Block inner;
        final AtomicLong recordedRows = new AtomicLong();

        CountingLayer(Block inner) {
            this.inner = inner;
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            if (JniUtils.isGradMode()) {
                recordedRows.addAndGet(inputs.head().getShape().get(0));
            }
            return inner.forward(store, inputs, training, params);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inner.getOutputShapes(inputShapes);
        }

        @Override
        public ParameterList getDirectParameters() {
            return inner.getDirectParameters();
        }

        @Override
        public boolean isInitialized() {
            return inner.isInitialized();
        }

        @Override
        protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType,
                Shape... inputShapes) {
            // the wrapped layer is initialised already
        }
    }

    @Test
    void everyGradientPathAndCamMethodMakesTheStatedPasses() {
        Architecture arch = Architecture.defaultCnn(2);
        Engine.getInstance().setRandomSeed(3);
        float[][][] x = org.ecglab.nn.TestModels.inputs(5, 3);
        int[] targets = {0, 1, 0, 1, 1};
        try (EcgClassifier original = EcgClassifier.of("count", arch, List.of("a", "b"))) {
            SequentialBlock counted = new SequentialBlock();
            List<Block> layers = original.block().getChildren().values();
            CountingLayer last = new CountingLayer(layers.get(layers.size() - 1));
            counted.addAll(layers.subList(0, layers.size() - 1));
            counted.add(last);
            Model model = Model.newInstance("count");
            model.setBlock(counted);
            EcgClassifier classifier = EcgClassifier.of(model, arch, List.of("a", "b"));
            new org.ecglab.attribution.gradient.Saliency().attribute(classifier, x, targets); // the self-check's own
            int checked = 0;
            for (MethodDescriptor<?> d : AttributionMethods.descriptors()) {
                if (!FAMILIES.contains(d.family())) {
                    continue;
                }
                Map<String, Object> other = new java.util.HashMap<>(OTHER.getOrDefault(d.id(), Map.of()));
                other.put("internal_batch_size", 3);
                for (Map<String, ?> params : List.of(Map.<String, Object>of(), other)) {
                    AttributionMethod method = d.create(params);
                    GradientPassMethod stated = assertInstanceOf(GradientPassMethod.class, method, d.id());
                    long before = last.recordedRows.get();
                    method.attribute(classifier, x, targets);
                    assertEquals((long) stated.passesPerEcg() * x.length, last.recordedRows.get() - before,
                            method.toString());
                    checked++;
                }
            }
            assertTrue(checked >= 18, "checked " + checked);
            model.close();
        }
    }
}
