package org.ecglab.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How much of an ECG the ground truth covers, per diagnostic class: for every record of a class, the fraction of
 * its 12 × 600 samples inside the mask (mask value at least 0.5) and, per lead, the fraction of that lead's 600
 * samples; then the mean, minimum and maximum of the first over the class's records and the mean of the second.
 * A record with several labels counts for each of its classes. Membership is by the labels before label noise
 * where the dataset knows them ({@link EcgDataset#trueLabels}): a record whose label noise added a class has no mask
 * of it.
 */
public final class MaskStatistics {
    /** Per class: records, mean, min and max fraction in the mask, and the mean fraction of each lead. */
    private record ClassMasks(int records, double mean, double min, double max, double[] byLead) {
    }

    private final Map<DiagnosticClass, ClassMasks> byClass;

    private MaskStatistics(Map<DiagnosticClass, ClassMasks> byClass) {
        this.byClass = byClass;
    }

    /**
     * The statistics of every class that has at least one record in {@code data}.
     *
     * @throws IllegalArgumentException if the dataset has no masks
     */
    public static MaskStatistics of(EcgDataset data) {
        if (!data.hasMasks()) {
            throw new IllegalArgumentException(data.name() + " has no ground-truth masks");
        }
        Map<DiagnosticClass, ClassMasks> out = new EnumMap<>(DiagnosticClass.class);
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double[] byLead = new double[EcgFormat.LEADS];
            int records = 0;
            for (int i = 0; i < data.size(); i++) {
                boolean member = data.hasTrueLabels() ? data.trueLabels(i)[c.ordinal()] : data.hasLabel(i, c);
                if (!member) {
                    continue;
                }
                records++;
                int inside = 0;
                float[][] mask = data.mask(i);
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    int inLead = 0;
                    for (float v : mask[l]) {
                        inLead += v >= 0.5f ? 1 : 0;
                    }
                    byLead[l] += inLead / (double) EcgFormat.SAMPLES;
                    inside += inLead;
                }
                double fraction = inside / (double) (EcgFormat.LEADS * EcgFormat.SAMPLES);
                sum += fraction;
                min = Math.min(min, fraction);
                max = Math.max(max, fraction);
            }
            if (records > 0) {
                for (int l = 0; l < byLead.length; l++) {
                    byLead[l] /= records;
                }
                out.put(c, new ClassMasks(records, sum / records, min, max, byLead));
            }
        }
        return new MaskStatistics(out);
    }

    /** The classes with records, in declaration order. */
    public List<DiagnosticClass> classes() {
        return List.copyOf(byClass.keySet());
    }

    /** Records of class {@code c}. */
    public int records(DiagnosticClass c) {
        return get(c).records();
    }

    /** Mean over the class's records of the fraction of all samples in the mask, in [0, 1]. */
    public double meanFraction(DiagnosticClass c) {
        return get(c).mean();
    }

    /** Smallest fraction of a record of the class. */
    public double minFraction(DiagnosticClass c) {
        return get(c).min();
    }

    /** Largest fraction of a record of the class. */
    public double maxFraction(DiagnosticClass c) {
        return get(c).max();
    }

    /** Mean over the class's records of the fraction of lead {@code lead}'s samples in the mask. */
    public double leadFraction(DiagnosticClass c, Lead lead) {
        return get(c).byLead()[lead.index()];
    }

    /** The {@code k} leads with the largest {@link #leadFraction}, largest first (ties in lead order). */
    public List<Lead> topLeads(DiagnosticClass c, int k) {
        return Lead.STANDARD_ORDER.stream().sorted(Comparator.comparingDouble((Lead l) -> -leadFraction(c, l)))
                .limit(k).toList();
    }

    /** {@link #leadFraction} in percent, {@code [classes()][12]}, e.g. for a heatmap. */
    public double[][] leadPercentages() {
        List<DiagnosticClass> classes = classes();
        double[][] out = new double[classes.size()][EcgFormat.LEADS];
        for (int c = 0; c < out.length; c++) {
            for (Lead l : Lead.STANDARD_ORDER) {
                out[c][l.index()] = 100 * leadFraction(classes.get(c), l);
            }
        }
        return out;
    }

    /**
     * One row per class: {@code class}, {@code records}, {@code mean %}, {@code min %}, {@code max %} of the samples
     * in the mask, and the three leads with the most mask with their mean percentage (or "(empty mask)").
     */
    public Table table(String name) {
        List<String> top = new ArrayList<>();
        for (DiagnosticClass c : classes()) {
            top.add(meanFraction(c) == 0 ? "(empty mask)" : topLeads(c, 3).stream()
                    .map(l -> String.format(Locale.ROOT, "%s %.0f%%", l.label(), 100 * leadFraction(c, l)))
                    .collect(Collectors.joining(", ")));
        }
        return Table.create(name,
                StringColumn.create("class", classes().stream().map(DiagnosticClass::id).toList()),
                IntColumn.create("records", classes().stream().mapToInt(this::records).toArray()),
                DoubleColumn.create("mean % of samples in mask", classes().stream()
                        .mapToDouble(c -> 100 * meanFraction(c)).toArray()),
                DoubleColumn.create("min %", classes().stream().mapToDouble(c -> 100 * minFraction(c)).toArray()),
                DoubleColumn.create("max %", classes().stream().mapToDouble(c -> 100 * maxFraction(c)).toArray()),
                StringColumn.create("leads with most mask (mean % of the lead)", top));
    }

    private ClassMasks get(DiagnosticClass c) {
        ClassMasks m = byClass.get(c);
        if (m == null) {
            throw new IllegalArgumentException("no record of class " + c.id() + "; classes with records: "
                    + classes());
        }
        return m;
    }

    @Override
    public String toString() {
        return "MaskStatistics[" + classes().size() + " classes]";
    }
}
