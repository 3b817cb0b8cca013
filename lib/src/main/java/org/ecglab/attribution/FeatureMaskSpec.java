package org.ecglab.attribution;

import java.util.Locale;
import java.util.Objects;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.WaveSegments;

/**
 * A kind of {@link FeatureMask}, as the {@code feature_mask} parameter of the perturbation methods names it. The text
 * forms (what {@code --param feature_mask=...} takes):
 *
 * <ul>
 *   <li>{@code samples}: every sample of every lead its own feature (7200; Captum's default);</li>
 *   <li>{@code leads}: one feature per lead (12);</li>
 *   <li>{@code segments:W}: time segments of {@code W} samples ({@code W}·2 ms) across all leads;
 *       {@code segments:W:per_lead}: the same per lead;</li>
 *   <li>{@code waves}: P, PR, QRS, ST, T and the rest across all leads; {@code waves:per_lead}: per lead. The waves
 *       come from each ECG's fiducial points ({@link FiducialSource}) split by the {@link WaveSegments} rule.</li>
 * </ul>
 * Every kind but {@code waves} gives the same mask for every ECG.
 *
 * @param kind    what the features are
 * @param width   segment width in samples for {@link Kind#SEGMENTS}, else 0
 * @param perLead whether segments or waves are separate features in each lead
 */
public record FeatureMaskSpec(Kind kind, int width, boolean perLead) {
    /** The parameter name, Captum's. */
    public static final String PARAMETER = "feature_mask";
    private static final String PER_LEAD = "per_lead";
    private static final String FORMS = "samples, leads, segments:W, segments:W:per_lead (W in 1.." + EcgFormat.SAMPLES
            + " samples), waves or waves:per_lead";

    /** What the features are. */
    public enum Kind {
        /** Every sample its own feature. */
        SAMPLES,
        /** Whole leads. */
        LEADS,
        /** Fixed time segments. */
        SEGMENTS,
        /** Wave segments from fiducial points. */
        WAVES
    }

    /** Checks that the width fits the kind. */
    public FeatureMaskSpec {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SEGMENTS ? width < 1 || width > EcgFormat.SAMPLES : width != 0) {
            throw new IllegalArgumentException("feature mask " + kind + " with width " + width + "; segments take a "
                    + "width in 1.." + EcgFormat.SAMPLES + " samples, the other kinds none");
        }
        if (perLead && (kind == Kind.SAMPLES || kind == Kind.LEADS)) {
            throw new IllegalArgumentException("feature mask " + kind.name().toLowerCase(Locale.ROOT)
                    + " is per lead already");
        }
    }

    /**
     * Parses a text form (see the class comment).
     *
     * @throws IllegalArgumentException naming the text and the allowed forms
     */
    public static FeatureMaskSpec parse(String text) {
        Objects.requireNonNull(text, "feature mask");
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split(":", -1);
        try {
            switch (parts[0]) {
                case "samples", "leads" -> {
                    if (parts.length == 1) {
                        return new FeatureMaskSpec(parts[0].equals("samples") ? Kind.SAMPLES : Kind.LEADS, 0, false);
                    }
                }
                case "segments" -> {
                    if (parts.length == 2 || (parts.length == 3 && parts[2].equals(PER_LEAD))) {
                        return new FeatureMaskSpec(Kind.SEGMENTS, Integer.parseInt(parts[1]), parts.length == 3);
                    }
                }
                case "waves" -> {
                    if (parts.length == 1 || (parts.length == 2 && parts[1].equals(PER_LEAD))) {
                        return new FeatureMaskSpec(Kind.WAVES, 0, parts.length == 2);
                    }
                }
                default -> {
                    // falls through to the error below
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feature mask '" + text + "' is not one of " + FORMS, e);
        }
        throw new IllegalArgumentException("feature mask '" + text + "' is not one of " + FORMS);
    }

    /** The {@code feature_mask} parameter with a default kind; its value is the canonical text form. */
    public static Param<String> param(String defaultText) {
        return new Param<>(PARAMETER, String.class, defaultText,
                "features perturbed together: samples (Captum's default), leads, segments:W[:per_lead], "
                        + "waves[:per_lead]",
                raw -> parse(String.valueOf(raw)).toString(), "one of " + FORMS);
    }

    /**
     * The most features a mask of this kind has on any ECG (masks of the {@code waves} kind have fewer when a beat
     * lacks a P wave or a T end): the width of per-feature arrays that results record for every ECG alike.
     */
    public int maxFeatureCount() {
        return switch (kind) {
            case SAMPLES -> EcgFormat.LEADS * EcgFormat.SAMPLES;
            case LEADS -> EcgFormat.LEADS;
            case SEGMENTS -> (perLead ? EcgFormat.LEADS : 1) * ((EcgFormat.SAMPLES + width - 1) / width);
            case WAVES -> (perLead ? EcgFormat.LEADS : 1) * WaveSegments.Wave.values().length;
        };
    }

    /** Whether masks of this kind depend on the ECG's fiducial points. */
    public boolean needsFiducials() {
        return kind == Kind.WAVES;
    }

    /**
     * The mask for one ECG.
     *
     * @param ecg       the ECG ({@code [12][600]}), for kinds that depend on it
     * @param fiducials where its fiducial points come from (used by {@code waves} only)
     * @throws IllegalArgumentException if the ECG's fiducials are unknown or lack QRS onset or offset
     */
    public FeatureMask maskFor(float[][] ecg, FiducialSource fiducials) {
        return switch (kind) {
            case SAMPLES -> FeatureMask.samples();
            case LEADS -> FeatureMask.leads();
            case SEGMENTS -> FeatureMask.timeSegments(width, perLead);
            case WAVES -> FeatureMask.waves(WaveSegments.of(fiducials.fiducials(ecg)), perLead);
        };
    }

    @Override
    public String toString() {
        String base = kind.name().toLowerCase(Locale.ROOT);
        return base + (kind == Kind.SEGMENTS ? ":" + width : "") + (perLead ? ":" + PER_LEAD : "");
    }
}
