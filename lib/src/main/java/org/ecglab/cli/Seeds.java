package org.ecglab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the {@code --seeds} argument: comma-separated items, each a seed ({@code 3}) or an inclusive ascending range
 * ({@code 1-5}), e.g. {@code 1-5}, {@code 1,3,7} or {@code 1-3,10}. Seeds keep the order given.
 */
final class Seeds {
    /** More models than this from one argument is almost surely a typo ({@code 1-100000}). */
    static final int MAX_SEEDS = 1000;

    private Seeds() {
    }

    /**
     * @throws IllegalArgumentException naming the item that is not a non-negative seed or ascending range, a seed
     *                                  given twice, or a list longer than {@value #MAX_SEEDS}
     */
    static List<Long> parse(String spec) {
        List<Long> seeds = new ArrayList<>();
        for (String raw : spec.split(",", -1)) {
            String item = raw.strip();
            int dash = item.indexOf('-', 1); // from 1, so "-3" is read as a (rejected) negative seed, not a range
            long from = seed(dash < 0 ? item : item.substring(0, dash), spec);
            long to = dash < 0 ? from : seed(item.substring(dash + 1), spec);
            if (to < from) {
                throw new IllegalArgumentException("seed range '" + item + "' in '" + spec + "' is descending");
            }
            if (to - from >= MAX_SEEDS || seeds.size() + (to - from) >= MAX_SEEDS) {
                throw new IllegalArgumentException("'" + spec + "' asks for more than " + MAX_SEEDS + " seeds");
            }
            for (long s = from; s <= to; s++) {
                if (seeds.contains(s)) {
                    throw new IllegalArgumentException("seed " + s + " is given twice in '" + spec + "'");
                }
                seeds.add(s);
            }
        }
        return List.copyOf(seeds);
    }

    private static long seed(String text, String spec) {
        String t = text.strip();
        if (!t.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("'" + t + "' in --seeds '" + spec + "' is not a seed; use e.g. 1, "
                    + "1-5 or 1,3,7 (non-negative whole numbers)");
        }
        return Long.parseLong(t);
    }
}
