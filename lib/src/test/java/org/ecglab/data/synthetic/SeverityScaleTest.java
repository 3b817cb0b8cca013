package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ecglab.data.DiagnosticClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SeverityScaleTest {
    /** The thresholds are those of the criteria written in DiagnosticClass, with their inclusive or strict sides. */
    @Test
    void thresholdsAreTheCriteria() {
        SeverityScale avb1 = SeverityScale.of(DiagnosticClass.AVB1);
        assertFalse(avb1.meetsCriterion(200));
        assertTrue(avb1.meetsCriterion(200.5));
        assertTrue(avb1.withinNormalLimits(200));
        SeverityScale lbbb = SeverityScale.of(DiagnosticClass.LBBB);
        assertTrue(lbbb.meetsCriterion(120));
        assertFalse(lbbb.meetsCriterion(119.9));
        assertFalse(lbbb.withinNormalLimits(110));
        assertTrue(lbbb.withinNormalLimits(109.9));
        SeverityScale ltwi = SeverityScale.of(DiagnosticClass.LTWI);
        assertTrue(ltwi.meetsCriterion(-0.1));
        assertFalse(ltwi.meetsCriterion(-0.09));
        assertFalse(ltwi.withinNormalLimits(-0.03));
        SeverityScale lqt = SeverityScale.of(DiagnosticClass.LQT);
        assertTrue(lqt.withinNormalLimits(449) && !lqt.withinNormalLimits(450) && !lqt.meetsCriterion(470));
        assertEquals("PR interval > 200 ms (positive 203 to 280, borderline 186 to 197)", avb1.toString());
    }

    @ParameterizedTest
    @EnumSource(value = DiagnosticClass.class, names = "NORM", mode = EnumSource.Mode.EXCLUDE)
    void drawsLieOnTheirSideOfTheThreshold(DiagnosticClass c) {
        SeverityScale s = SeverityScale.of(c);
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 1000; i++) {
            assertTrue(s.meetsCriterion(s.drawPositive(rng)), c.id());
            assertFalse(s.meetsCriterion(s.drawBorderline(rng)), c.id());
        }
    }

    @Test
    void normHasNoScaleAndRangesMustStraddleTheThreshold() {
        assertThrows(IllegalArgumentException.class, () -> SeverityScale.of(DiagnosticClass.NORM));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SeverityScale("PR", "ms",
                SeverityScale.Comparison.ABOVE, 200, SeverityScale.Comparison.AT_MOST, 200, 190, 250, 180, 195));
        assertTrue(e.getMessage().startsWith("PR: positive range 190.0..250.0 must meet"), e.getMessage());
    }
}
