package org.ecglab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.ecglab.data.ptbxl.FiducialSummary;
import org.ecglab.data.ptbxl.PtbXlLoadReport;
import org.ecglab.data.ptbxl.UnitCheckSummary;
import org.ecglab.data.ptbxl.PtbXlPlusMedianBeats;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.junit.jupiter.api.Test;

/**
 * Ids, file names and reports must not depend on the JVM's default locale: with Arabic-Indic digits as the default,
 * {@code String.format("%05d", 42)} gives "٠٠٠٤٢", which would rename every record and every PTB-XL+ path.
 */
class LocaleIndependenceTest {
    private static final Locale ARABIC_DIGITS = Locale.forLanguageTag("ar-EG");

    /** Runs {@code body} with {@link #ARABIC_DIGITS} as every default locale, restoring the defaults afterwards. */
    private static <T> T underArabicDigits(Supplier<T> body) {
        Locale all = Locale.getDefault();
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(ARABIC_DIGITS);
        try {
            return body.get();
        } finally {
            Locale.setDefault(all);
            Locale.setDefault(Locale.Category.FORMAT, format);
            Locale.setDefault(Locale.Category.DISPLAY, display);
        }
    }

    @Test
    void theTestLocaleReallyHasOtherDigits() {
        // Guards the tests below: if this JDK formatted ar-EG with ASCII digits they would prove nothing.
        assertEquals("\u0664\u0662", String.format(ARABIC_DIGITS, "%d", 42));
    }

    @Test
    void syntheticIdsUseAsciiDigits() {
        EcgDataset d = underArabicDigits(
                () -> new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(5, 1));
        assertEquals("syn-00001", d.ids().get(0));
        assertEquals("syn-00045", d.ids().get(d.size() - 1));
    }

    @Test
    void ptbXlPlusPathsUseAsciiDigits() {
        Path root = Path.of("plus");
        Path twelveSl = underArabicDigits(() -> PtbXlPlusMedianBeats.Source.TWELVE_SL.headerOf(root, 12345));
        Path unig = underArabicDigits(() -> PtbXlPlusMedianBeats.Source.UNIG.headerOf(root, 42));
        assertEquals(root.resolve("median_beats/12sl/12000/12345_medians.hea"), twelveSl);
        assertEquals(root.resolve("median_beats/unig/00000/000042_medians.hea"), unig);
    }

    @Test
    void loadReportUsesAsciiDigits() {
        Map<Split, Integer> sizes = new EnumMap<>(Split.class);
        Map<Split, Map<DiagnosticClass, Integer>> counts = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            sizes.put(s, 7);
            Map<DiagnosticClass, Integer> perClass = new EnumMap<>(DiagnosticClass.class);
            for (DiagnosticClass c : DiagnosticClass.values()) {
                perClass.put(c, 3);
            }
            counts.put(s, perClass);
        }
        PtbXlLoadReport report = new PtbXlLoadReport("test", 21, 21, sizes, counts, Map.of(), Map.of(), List.of(), 885,
                new UnitCheckSummary("12SL values read in the header's units", 21, Map.of(7, 0.001), 0.25, 1.5, "mV"),
                FiducialSummary.NOT_REQUESTED);
        String text = underArabicDigits(report::toString);
        assertTrue(text.contains("21 beats checked against 0.1-10.0 mV peak-to-peak: 20 in range, 1 rescaled; "
                + "largest-lead amplitude as read 0.250-1.50 mV"), text);
        assertTrue(text.contains("missing: 0 of 21 records considered (the PTB-XL+ 1.0.1 release is described as "
                + "lacking this source's beat for 885 of 21,799 ECGs)"), text);
        assertTrue(text.contains("records: 21 in table, 21 loaded, 0 missing on disk"), text);
        assertTrue(text.contains("NORM         3       3       3       9"), text);
        assertTrue(text.contains("all          7       7       7      21"), text);
    }
}
