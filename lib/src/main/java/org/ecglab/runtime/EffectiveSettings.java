package org.ecglab.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the PyTorch engine runs with, read back from the engine after {@link EngineSetup#start}: one row per setting
 * (name, value, where the value came from) and the warnings of things that could not be set as asked. Printed in
 * a notebook's first cell, so every executed notebook says what its numbers were computed with.
 *
 * <p>The rows are an open list: a check of the running engine adds its own row with {@link #with(Entry)}.
 *
 * @param entries  the settings, in print order
 * @param warnings settings that differ from what was asked, each one sentence; empty when all is as asked
 */
public record EffectiveSettings(List<Entry> entries, List<String> warnings) {
    /**
     * One setting as the engine has it.
     *
     * @param name   short name, e.g. {@code "intra-op threads"}
     * @param value  the effective value
     * @param origin where the value came from, e.g. {@code "default"} or {@code "ECGLAB_THREADS"}
     */
    public record Entry(String name, String value, String origin) {
        /** Checks that all parts are present. */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** Copies the lists. */
    public EffectiveSettings {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** These settings with one more row at the end. */
    public EffectiveSettings with(Entry entry) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(entry);
        return new EffectiveSettings(more, warnings);
    }

    /**
     * The value of the row named {@code name}.
     *
     * @throws IllegalArgumentException if there is no such row
     */
    public String value(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().map(Entry::value)
                .orElseThrow(() -> new IllegalArgumentException("no setting named '" + name + "'"));
    }

    /** A small aligned table, one row per setting, then one {@code WARNING:} line per warning. */
    @Override
    public String toString() {
        int nameWidth = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        int valueWidth = entries.stream().mapToInt(e -> e.value().length()).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append(String.format("%-" + nameWidth + "s  %-" + valueWidth + "s  %s%n", e.name(), e.value(),
                    e.origin()));
        }
        for (String w : warnings) {
            sb.append("WARNING: ").append(w).append(System.lineSeparator());
        }
        return sb.toString().stripTrailing();
    }
}
