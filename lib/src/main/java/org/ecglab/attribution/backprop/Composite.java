package org.ecglab.attribution.backprop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which {@link Rule} each layer gets, as Zennit's layer-map composites: a rule per layer type ({@code "relu"},
 * {@code "conv1d"}, ...), optionally another one for the first layer with weights (the first convolution, where the
 * input is the raw ECG), and a default for the rest ({@link Rules#GRADIENT} unless set). A composite also names the
 * {@link Canonizer} applied before the walk.
 */
public final class Composite {
    private final String name;
    private final Rule fallback;
    private final Rule firstWeighted;
    private final Map<String, Rule> byType;
    private final Canonizer canonizer;

    private Composite(Builder b) {
        this.name = b.name;
        this.fallback = b.fallback;
        this.firstWeighted = b.firstWeighted;
        this.byType = Map.copyOf(b.byType);
        this.canonizer = b.canonizer;
    }

    /** A composite called {@code name} (for documentation and messages). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The canonizer applied before the walk. */
    public Canonizer canonizer() {
        return canonizer;
    }

    /** The rule of layer {@code i} of {@code layers} (the canonized list the walk runs). */
    public Rule ruleFor(List<PropagationLayer> layers, int i) {
        if (firstWeighted != null && layers.get(i).hasWeights()) {
            int first = 0;
            while (!layers.get(first).hasWeights()) {
                first++;
            }
            if (first == i) {
                return firstWeighted;
            }
        }
        return byType.getOrDefault(layers.get(i).type(), fallback);
    }

    /** One line per layer of {@code layers}: the layer and its rule, e.g. "0 Conv1d(...) with ... folded in: flat". */
    public List<String> plan(List<PropagationLayer> layers) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            out.add(layers.get(i) + ": " + ruleFor(layers, i));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('[');
        if (firstWeighted != null) {
            sb.append("first weighted layer: ").append(firstWeighted).append(", ");
        }
        byType.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append(": ").append(e.getValue()).append(", "));
        sb.append("others: ").append(fallback);
        if (canonizer != Canonizer.NONE) {
            sb.append("; ").append(canonizer);
        }
        return sb.append(']').toString();
    }

    /** Collects the mapping. */
    public static final class Builder {
        private final String name;
        private Rule fallback = Rules.GRADIENT;
        private Rule firstWeighted;
        private final Map<String, Rule> byType = new LinkedHashMap<>();
        private Canonizer canonizer = Canonizer.NONE;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** {@code rule} for every layer of these types (e.g. "conv1d"), unless a more specific entry applies. */
        public Builder type(Rule rule, String... types) {
            Objects.requireNonNull(rule, "rule");
            for (String t : types) {
                byType.put(t, rule);
            }
            return this;
        }

        /** {@code rule} for the first convolution or linear layer, whatever its type's rule. */
        public Builder firstWeighted(Rule rule) {
            this.firstWeighted = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** {@code rule} for layers no entry names (default {@link Rules#GRADIENT}). */
        public Builder otherwise(Rule rule) {
            this.fallback = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** The canonizer applied before the walk (default none). */
        public Builder canonizer(Canonizer c) {
            this.canonizer = Objects.requireNonNull(c, "canonizer");
            return this;
        }

        /** The composite. */
        public Composite build() {
            return new Composite(this);
        }
    }
}
