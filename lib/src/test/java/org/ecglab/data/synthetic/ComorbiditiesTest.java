package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.junit.jupiter.api.Test;

class ComorbiditiesTest {
    @Test
    void partnersAreSymmetric() {
        assertEquals(List.of(DiagnosticClass.LBBB, DiagnosticClass.RBBB, DiagnosticClass.LVH, DiagnosticClass.IMI),
                Comorbidities.partners(DiagnosticClass.AVB1));
        assertEquals(List.of(DiagnosticClass.AVB1), Comorbidities.partners(DiagnosticClass.LBBB));
        assertEquals(List.of(), Comorbidities.partners(DiagnosticClass.ASTE));
        for (DiagnosticClass a : DiagnosticClass.ALL) {
            for (DiagnosticClass b : Comorbidities.partners(a)) {
                assertTrue(Comorbidities.partners(b).contains(a), a + "-" + b);
            }
        }
    }

    /** A pair is built into one beat and labelled with both classes; other combinations are refused. */
    @Test
    void pairsAreLabelledWithBothAndOthersAreRefused() {
        SyntheticEcgGenerator g = new SyntheticEcgGenerator(SyntheticConfig.noiseFree());
        SyntheticBeat b = g.beat(List.of(new Finding(DiagnosticClass.LVH, 4.2), new Finding(DiagnosticClass.LTWI, -0.3)), 5);
        boolean[] expected = new boolean[9];
        expected[DiagnosticClass.LVH.ordinal()] = true;
        expected[DiagnosticClass.LTWI.ordinal()] = true;
        assertArrayEquals(expected, b.labels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.beat(
                List.of(new Finding(DiagnosticClass.LBBB, 130), new Finding(DiagnosticClass.RBBB, 130)), 5));
        assertTrue(e.getMessage().contains("cannot be combined"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.beat(
                List.of(new Finding(DiagnosticClass.AVB1, 230), new Finding(DiagnosticClass.AVB1, 250)), 5));
        assertThrows(IllegalArgumentException.class, () -> new Finding(DiagnosticClass.NORM, 0));
    }

    /** A borderline finding labels nothing of its class; NORM only if it stays within NORM's own limits. */
    @Test
    void borderlineFindingsAreLabelledByTheirSeverity() {
        SyntheticEcgGenerator g = new SyntheticEcgGenerator(SyntheticConfig.noiseFree());
        SyntheticBeat pr195 = g.beat(List.of(new Finding(DiagnosticClass.AVB1, 195)), 2);
        assertTrue(pr195.hasLabel(DiagnosticClass.NORM) && !pr195.hasLabel(DiagnosticClass.AVB1));
        SyntheticBeat qrs115 = g.beat(List.of(new Finding(DiagnosticClass.RBBB, 115)), 2);
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            assertTrue(!qrs115.hasLabel(c), "incomplete RBBB carries no label, but has " + c);
        }
        SyntheticBeat qtc445 = g.beat(List.of(new Finding(DiagnosticClass.LQT, 445)), 2);
        SyntheticBeat qtc460 = g.beat(List.of(new Finding(DiagnosticClass.LQT, 460)), 2);
        assertTrue(qtc445.hasLabel(DiagnosticClass.NORM) && !qtc460.hasLabel(DiagnosticClass.NORM));
    }
}
