package org.ecglab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecglab.attribution.Attribution;
import org.ecglab.data.EcgDataset;
import org.ecglab.plot.EcgGridFigure;

/** PNG figures of the first few explained ECGs: the 12-lead grid with the attribution as colour overlay. */
final class AttributionFigures {
    private AttributionFigures() {
    }

    /**
     * Writes {@code <folder>/<k>-<ecg id>-<method>.png} for the first {@code count} ECGs.
     *
     * @param selected  the explained ECGs, in the order of the maps
     * @param chunks    the maps of the first chunks, in order (at least {@code count} maps, or all there are)
     * @param taskLabel shown in the title, e.g. "LBBB"
     * @return the files written
     * @throws IOException if the folder or a file cannot be written
     */
    static List<Path> write(Path folder, EcgDataset selected, List<Attribution> chunks, String taskLabel, int count)
            throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        int k = 0;
        for (Attribution a : chunks) {
            for (int j = 0; j < a.size() && k < count; j++, k++) {
                String id = selected.ids().get(k);
                float[][] map = a.map(j);
                EcgGridFigure fig = EcgGridFigure.of(selected.signal(k))
                        .attribution(map, hasNegative(map))
                        .title(a.methodId() + " — " + taskLabel + " task, model " + a.modelId() + ", ECG " + id);
                if (selected.mask(k) != null) {
                    fig = fig.mask(selected.mask(k));
                }
                Path png = folder.resolve(String.format(Locale.ROOT, "%03d-%s-%s.png", k, safe(id), a.methodId()));
                fig.save(png);
                files.add(png);
            }
        }
        return files;
    }

    /** Signed maps get the diverging colour map; non-negative ones (e.g. |gradient|) the sequential one. */
    private static boolean hasNegative(float[][] map) {
        for (float[] lead : map) {
            for (float v : lead) {
                if (v < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Record ids may contain path separators (PTB-XL paths); keep file names flat. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
