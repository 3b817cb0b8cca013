package org.ecglab.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ecglab.data.EcgFormat;

/**
 * The heart's electrical activity during one beat as a time-varying dipole {@code d(t) = Σ_i a_i g_i(t)}, a sum
 * of {@link GaussianWave}s (Sameni et al. 2007). Immutable; the modifiers return a new dipole. Waves are found by
 * label, so several waves may share a label (e.g. both atrial components of the P wave are "P_*").
 */
public final class CardiacDipole {
    private final List<GaussianWave> waves;

    /** @param waves the Gaussian terms (copied) */
    public CardiacDipole(List<GaussianWave> waves) {
        this.waves = List.copyOf(waves);
    }

    /** The Gaussian terms in insertion order. */
    public List<GaussianWave> waves() {
        return waves;
    }

    /**
     * The wave with the given label.
     *
     * @throws IllegalArgumentException if there is no such wave
     */
    public GaussianWave wave(String label) {
        return waves.stream().filter(w -> w.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no wave labelled " + label + " in " + labels()));
    }

    /** Whether a wave with this label exists. */
    public boolean has(String label) {
        return waves.stream().anyMatch(w -> w.label().equals(label));
    }

    /** Labels of all waves, in order. */
    public List<String> labels() {
        return waves.stream().map(GaussianWave::label).toList();
    }

    /** A dipole with {@code op} applied to every wave whose label starts with {@code prefix}. */
    public CardiacDipole map(String prefix, UnaryOperator<GaussianWave> op) {
        List<GaussianWave> out = new ArrayList<>(waves.size());
        for (GaussianWave w : waves) {
            out.add(w.label().startsWith(prefix) ? op.apply(w) : w);
        }
        return new CardiacDipole(out);
    }

    /** A dipole with {@code op} applied to every wave. */
    public CardiacDipole mapAll(UnaryOperator<GaussianWave> op) {
        return new CardiacDipole(waves.stream().map(op).toList());
    }

    /** A dipole without the waves whose label starts with {@code prefix}. */
    public CardiacDipole without(String prefix) {
        return new CardiacDipole(waves.stream().filter(w -> !w.label().startsWith(prefix)).toList());
    }

    /** A dipole with extra waves appended. */
    public CardiacDipole with(GaussianWave... extra) {
        List<GaussianWave> out = new ArrayList<>(waves);
        out.addAll(List.of(extra));
        return new CardiacDipole(out);
    }

    /** Samples the dipole on the lab's grid: {@code [3][600]} (X, Y, Z) at 500 Hz from t = 0. */
    public double[][] render() {
        double[][] xyz = new double[3][EcgFormat.SAMPLES];
        for (GaussianWave w : waves) {
            w.addTo(xyz, EcgFormat.MS_PER_SAMPLE);
        }
        return xyz;
    }

    @Override
    public String toString() {
        return "CardiacDipole" + labels();
    }
}
