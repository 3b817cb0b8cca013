package org.ecglab.data.synthetic;

import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;

/**
 * Projects the X, Y, Z dipole to the eight independent leads I, II, V1–V6 with the Dower matrix (Dower et al.,
 * J. Electrocardiol. 21 Suppl:S182, 1988), then derives the four remaining limb leads by Einthoven's and
 * Goldberger's laws: III = II − I, aVR = −(I + II)/2, aVL = I − II/2, aVF = II − I/2.
 */
public final class DowerProjection {
    /** The eight independent leads, in the row order of {@link #MATRIX}. */
    static final Lead[] INDEPENDENT = {Lead.I, Lead.II, Lead.V1, Lead.V2, Lead.V3, Lead.V4, Lead.V5, Lead.V6};

    /** Dower coefficients; rows = {@link #INDEPENDENT} leads, columns = X, Y, Z. */
    static final double[][] MATRIX = {
        {0.632, -0.235, 0.059},
        {0.235, 1.066, -0.132},
        {-0.515, 0.157, -0.917},
        {0.044, 0.164, -1.387},
        {0.882, 0.098, -1.277},
        {1.213, 0.127, -0.601},
        {1.125, 0.127, -0.086},
        {0.831, 0.076, 0.230},
    };

    private DowerProjection() {
    }

    /**
     * The 12-lead ECG of a dipole trace {@code xyz[3][600]}, leads in {@link Lead} order, in mV.
     * The derived leads are computed from the float values of I and II so that the limb-lead identities hold
     * exactly on the returned arrays.
     */
    public static float[][] project(double[][] xyz) {
        float[][] ecg = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int r = 0; r < INDEPENDENT.length; r++) {
            float[] lead = ecg[INDEPENDENT[r].index()];
            double[] m = MATRIX[r];
            for (int t = 0; t < lead.length; t++) {
                lead[t] = (float) (m[0] * xyz[0][t] + m[1] * xyz[1][t] + m[2] * xyz[2][t]);
            }
        }
        deriveLimbLeads(ecg);
        return ecg;
    }

    /** Projection of one dipole vector onto an independent lead (no time axis), used to aim pathology terms. */
    static double lead(Lead lead, double x, double y, double z) {
        double i = dot(0, x, y, z);
        double ii = dot(1, x, y, z);
        switch (lead) {
            case I: return i;
            case II: return ii;
            case III: return ii - i;
            case AVR: return -(i + ii) / 2;
            case AVL: return i - ii / 2;
            case AVF: return ii - i / 2;
            default:
                for (int r = 2; r < INDEPENDENT.length; r++) {
                    if (INDEPENDENT[r] == lead) {
                        return dot(r, x, y, z);
                    }
                }
                throw new AssertionError(lead);
        }
    }

    private static double dot(int row, double x, double y, double z) {
        return MATRIX[row][0] * x + MATRIX[row][1] * y + MATRIX[row][2] * z;
    }

    /**
     * Overwrites III, aVR, aVL and aVF of {@code ecg} from its I and II (in float arithmetic, so the identities
     * hold exactly). Call it after anything is added to I and II, e.g. noise.
     */
    public static void deriveLimbLeads(float[][] ecg) {
        float[] i = ecg[Lead.I.index()];
        float[] ii = ecg[Lead.II.index()];
        float[] iii = ecg[Lead.III.index()];
        float[] avr = ecg[Lead.AVR.index()];
        float[] avl = ecg[Lead.AVL.index()];
        float[] avf = ecg[Lead.AVF.index()];
        for (int t = 0; t < i.length; t++) {
            iii[t] = ii[t] - i[t];
            avr[t] = -(i[t] + ii[t]) / 2f;
            avl[t] = i[t] - ii[t] / 2f;
            avf[t] = ii[t] - i[t] / 2f;
        }
    }
}
