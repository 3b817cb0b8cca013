package org.ecglab.interop;

import java.util.List;
import java.util.Map;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;

/**
 * A bundle read back by {@link InteropBundle#read}. Owns the rebuilt model's native memory: close it.
 *
 * @param architecture the network from {@code model.json}
 * @param model        the network with the weights of {@code weights.npz}
 * @param classNames   one name per logit
 * @param inputs       {@code [N][12][600]}
 * @param targets      explained logit index per input
 * @param logits       {@code [N][outputs]} as written (by the model that wrote the bundle)
 * @param attributions maps by file name, sorted by name
 */
public record LoadedBundle(Architecture architecture, EcgClassifier model, List<String> classNames,
        float[][][] inputs, int[] targets, float[][] logits, Map<String, BundleAttribution> attributions)
        implements AutoCloseable {

    @Override
    public void close() {
        model.close();
    }
}
