package org.ecglab.cli;

import java.util.List;
import org.ecglab.metrics.MapMeasure;
import picocli.CommandLine.Option;

/** {@code --measures}, the map measures of the experiments that compare maps (a picocli mixin). */
final class MeasureOptions {
    @Option(names = "--measures", paramLabel = "LIST", defaultValue = "spearman_absolute,spearman_signed",
            description = "Map measures: spearman_, pearson_, ssim_ or topN_overlap_ followed by absolute or signed; "
                    + "a signed one may end in _sign_agnostic.")
    String measures;

    /**
     * The measures.
     *
     * @throws IllegalArgumentException naming a bad label
     */
    List<MapMeasure> parsed() {
        return List.of(measures.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(MapMeasure::parse).toList();
    }
}
