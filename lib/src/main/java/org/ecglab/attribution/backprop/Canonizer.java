package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Rewrites the layers before a walk into an equivalent form the rules suit better (Zennit's canonizers), e.g.
 * {@link BatchNormFolding}. It works on the walk's copies: new arrays go to {@code manager}, which the walk closes
 * at its end, so the model itself is never changed.
 */
@FunctionalInterface
public interface Canonizer {
    /** Leaves the layers as they are. */
    Canonizer NONE = (layers, manager) -> layers;

    /**
     * @param layers  the layers in order
     * @param manager where new arrays go
     * @return the rewritten layers, computing the same function
     */
    List<PropagationLayer> apply(List<PropagationLayer> layers, NDManager manager);
}
