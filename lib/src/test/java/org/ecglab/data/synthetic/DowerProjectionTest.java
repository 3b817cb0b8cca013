package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.junit.jupiter.api.Test;

class DowerProjectionTest {
    private static final double EPS = 1e-6;

    private static float[][] constantDipole(double x, double y, double z) {
        double[][] xyz = new double[3][EcgFormat.SAMPLES];
        java.util.Arrays.fill(xyz[0], x);
        java.util.Arrays.fill(xyz[1], y);
        java.util.Arrays.fill(xyz[2], z);
        return DowerProjection.project(xyz);
    }

    @Test
    void unitDipolesGiveTheDowerColumns() {
        float[][] ex = constantDipole(1, 0, 0);
        float[][] ey = constantDipole(0, 1, 0);
        float[][] ez = constantDipole(0, 0, 1);
        assertEquals(0.632, ex[Lead.I.index()][0], EPS);
        assertEquals(1.066, ey[Lead.II.index()][0], EPS);
        assertEquals(-0.917, ez[Lead.V1.index()][0], EPS);
        assertEquals(-1.387, ez[Lead.V2.index()][0], EPS);
        assertEquals(0.882, ex[Lead.V3.index()][0], EPS);
        assertEquals(0.127, ey[Lead.V4.index()][0], EPS);
        assertEquals(-0.086, ez[Lead.V5.index()][0], EPS);
        assertEquals(0.230, ez[Lead.V6.index()][0], EPS);
    }

    @Test
    void derivedLeadsFollowEinthovenAndGoldberger() {
        // Dipole (1, 0.5, -0.2): I = 0.632 - 0.1175 - 0.0118 = 0.5027; II = 0.235 + 0.533 + 0.0264 = 0.7944.
        float[][] e = constantDipole(1, 0.5, -0.2);
        double i = 0.5027;
        double ii = 0.7944;
        assertEquals(i, e[Lead.I.index()][7], EPS);
        assertEquals(ii, e[Lead.II.index()][7], EPS);
        assertEquals(ii - i, e[Lead.III.index()][7], EPS);
        assertEquals(-(i + ii) / 2, e[Lead.AVR.index()][7], EPS);
        assertEquals(i - ii / 2, e[Lead.AVL.index()][7], EPS);
        assertEquals(ii - i / 2, e[Lead.AVF.index()][7], EPS);
        // V1 = -0.515 + 0.0785 + 0.1834
        assertEquals(-0.2531, e[Lead.V1.index()][7], EPS);
    }

    @Test
    void vectorProjectionAgreesWithTheTraceProjection() {
        float[][] e = constantDipole(0.3, -0.4, 0.8);
        for (Lead l : Lead.values()) {
            assertEquals(DowerProjection.lead(l, 0.3, -0.4, 0.8), e[l.index()][0], EPS, l.label());
        }
    }

    @Test
    void deriveLimbLeadsOverwritesFromIAndII() {
        float[][] e = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        e[Lead.I.index()][3] = 0.25f;
        e[Lead.II.index()][3] = 1.0f;
        e[Lead.III.index()][3] = 99f;
        DowerProjection.deriveLimbLeads(e);
        assertEquals(0.75f, e[Lead.III.index()][3], 0f);
        assertEquals(-0.625f, e[Lead.AVR.index()][3], 0f);
        assertEquals(-0.25f, e[Lead.AVL.index()][3], 0f);
        assertEquals(0.875f, e[Lead.AVF.index()][3], 0f);
    }
}
