package org.ecglab.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecglab.data.DatasetHash;
import org.ecglab.nn.Architecture;
import org.ecglab.train.TrainingConfig;

/**
 * What determines a trained model apart from its task and seed: the architecture, the training settings and the
 * content of the data ({@link DatasetHash}). The {@link ModelRegistry} reuses a stored model only if its spec equals
 * the caller's. The config's seed and progress flag are not part of the spec (the seed is the registry key, the
 * progress bar does not change the weights).
 *
 * @param architecture the network
 * @param config       the training settings
 * @param datasetHash  {@link DatasetHash#of} of the training data
 */
public record TrainingSpec(Architecture architecture, TrainingConfig config, String datasetHash) {

    /** Normalises the config (seed 0, no progress bar) so that equal specs are equal records. */
    public TrainingSpec {
        Objects.requireNonNull(architecture, "architecture");
        config = Objects.requireNonNull(config, "config").withSeed(0).withShowProgress(false);
        Objects.requireNonNull(datasetHash, "datasetHash");
        if (!datasetHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("datasetHash must be 64 lower-case hex digits (SHA-256), got '"
                    + datasetHash + "'");
        }
    }

    /**
     * How a stored spec differs from this one, one phrase per difference, e.g. {@code "was trained on data hash
     * ab12cd34ef56.. but the current dataset is 0123456789ab.."}; empty if they are equal.
     */
    List<String> differencesFrom(TrainingSpec stored) {
        List<String> out = new ArrayList<>();
        if (!stored.datasetHash.equals(datasetHash)) {
            out.add("was trained on data hash " + DatasetHash.shortForm(stored.datasetHash)
                    + ".. but the current dataset is " + DatasetHash.shortForm(datasetHash) + "..");
        }
        if (!stored.architecture.equals(architecture)) {
            out.add("has architecture " + stored.architecture.name() + " " + stored.architecture.layers()
                    + " but " + architecture.name() + " " + architecture.layers() + " was requested");
        }
        if (!stored.config.equals(config)) {
            out.add("was trained with " + stored.config + " but " + config + " was requested");
        }
        return out;
    }
}
