package org.ecglab.experiment;

import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Split;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.ParameterLayout;

/** Models with known answers and small datasets for the experiment tests. */
final class ExperimentFixtures {
    static final Architecture LINEAR = new Architecture("linear", List.of(new LayerSpec.Flatten(),
            new LayerSpec.Linear(EcgFormat.LEADS * EcgFormat.SAMPLES, 1, true)));

    private ExperimentFixtures() {
    }

    /**
     * {@code f(x) = Σ w[l][t] x[l][t] + bias}, one logit, built from {@link #LINEAR} so it can be randomised. For it,
     * signed saliency is {@code w}, integrated gradients from a zero baseline is {@code w ⊙ x}.
     */
    static EcgClassifier linear(String id, float[][] w, float bias) {
        EcgClassifier model = EcgClassifier.of(id, LINEAR, List.of("pos"));
        float[] flat = new float[EcgFormat.LEADS * EcgFormat.SAMPLES];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            System.arraycopy(w[l], 0, flat, l * EcgFormat.SAMPLES, EcgFormat.SAMPLES);
        }
        Parameter weight = ParameterLayout.parameters(model.block().getChildren().get(1).getValue()).get("weight");
        weight.getArray().set(flat);
        ParameterLayout.parameters(model.block().getChildren().get(1).getValue()).get("bias").getArray()
                .set(new float[] {bias});
        return model;
    }

    /** The weights of a {@link #linear} model (or a randomised copy) as {@code [12][600]}. */
    static float[][] weights(EcgClassifier model) {
        float[] flat = ParameterLayout.parameters(model.block().getChildren().get(1).getValue()).get("weight")
                .getArray().toFloatArray();
        float[][] w = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            System.arraycopy(flat, l * EcgFormat.SAMPLES, w[l], 0, EcgFormat.SAMPLES);
        }
        return w;
    }

    /**
     * A test-split dataset: records {@code 0..positives-1} have the LBBB label, the rest have none; ids
     * {@code "r000", "r001", ...}.
     *
     * @param masks per record, or null
     */
    static EcgDataset dataset(float[][][] signals, int positives, float[][][] masks) {
        int n = signals.length;
        boolean[][] labels = new boolean[n][DiagnosticClass.ALL.size()];
        for (int i = 0; i < positives; i++) {
            labels[i][DiagnosticClass.LBBB.ordinal()] = true;
        }
        Split[] splits = new Split[n];
        Arrays.fill(splits, Split.TEST);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("r%03d", i));
        }
        return new EcgDataset("fixture", ids, signals, labels, splits, masks);
    }

    static float[][] constant(float v) {
        float[][] m = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (float[] lead : m) {
            Arrays.fill(lead, v);
        }
        return m;
    }
}
