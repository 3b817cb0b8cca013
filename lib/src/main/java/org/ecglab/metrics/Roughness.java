package org.ecglab.metrics;

/**
 * How rough an attribution map is along time: the total absolute change between neighbouring samples relative to
 * the total absolute value,
 * <pre>
 *   R(a) = Σ_l Σ_{t=1}^{T−1} |a_l(t) − a_l(t−1)|  /  Σ_l Σ_{t=0}^{T−1} |a_l(t)|
 * </pre>
 * 0 for a map constant in time; about {@code √2 ≈ 1.41} for independent Gaussian values (the difference of two has
 * {@code √2} times their spread); 2 for values alternating in sign. Scale-free, so maps of different methods and
 * units compare. A measure of visual noise (SmoothGrad's reason to exist, Smilkov et al. 2017), not of correctness.
 */
public final class Roughness {
    private Roughness() {
    }

    /**
     * @return {@code R(a)}, NaN for a map that is zero everywhere
     * @throws IllegalArgumentException if leads differ in length or a lead has fewer than 2 samples
     */
    public static double of(float[][] map) {
        double change = 0;
        double mass = 0;
        for (float[] lead : map) {
            if (lead.length < 2 || lead.length != map[0].length) {
                throw new IllegalArgumentException("roughness needs leads of equal length >= 2; got " + lead.length
                        + " and " + map[0].length + " samples");
            }
            mass += Math.abs(lead[0]);
            for (int t = 1; t < lead.length; t++) {
                change += Math.abs((double) lead[t] - lead[t - 1]);
                mass += Math.abs(lead[t]);
            }
        }
        return mass == 0 ? Double.NaN : change / mass;
    }
}
