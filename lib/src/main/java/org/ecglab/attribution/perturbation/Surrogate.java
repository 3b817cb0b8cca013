package org.ecglab.attribution.perturbation;

/**
 * A weighted linear model fitted to coalition samples: {@code y ≈ b + z·β} with sample weights {@code w}, where the
 * rows of {@code z} are binary interpretable samples (LIME, KernelSHAP). Both fits centre {@code z} and {@code y} on
 * their weighted means and fit the intercept from them, as scikit-learn does with {@code fit_intercept=True}.
 */
interface Surrogate {

    /**
     * @param z {@code [n][F]} interpretable samples (0/1)
     * @param y {@code n} model outputs
     * @param w {@code n} positive sample weights
     */
    Fit fit(double[][] z, double[] y, double[] w);

    /**
     * @param coefficients {@code β}, one per feature: the attribution
     * @param intercept    {@code b}
     * @param iterations   solver iterations (full coordinate sweeps; 0 for a direct solve)
     * @param converged    whether the solver's stopping criterion was met
     */
    record Fit(double[] coefficients, double intercept, int iterations, boolean converged) {
    }

    /** {@code z} and {@code y} centred on their weighted means and scaled by the square roots of the weights. */
    record Centred(double[][] x, double[] y, double[] xOffset, double yOffset) {

        /**
         * @param scaleWeightsToN rescale the weights to sum to {@code n} first (scikit-learn's Lasso does; plain
         *                        least squares does not depend on their scale)
         */
        static Centred of(double[][] z, double[] y, double[] w, boolean scaleWeightsToN) {
            int n = z.length;
            int f = z[0].length;
            double total = 0;
            for (double v : w) {
                if (!(v > 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("sample weights must be positive and finite, got " + v);
                }
                total += v;
            }
            double[] sw = new double[n];
            for (int i = 0; i < n; i++) {
                sw[i] = scaleWeightsToN ? w[i] * (n / total) : w[i];
            }
            double sum = scaleWeightsToN ? n : total;
            double[] xOffset = new double[f];
            double yOffset = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < f; j++) {
                    xOffset[j] += sw[i] * z[i][j];
                }
                yOffset += sw[i] * y[i];
            }
            for (int j = 0; j < f; j++) {
                xOffset[j] /= sum;
            }
            yOffset /= sum;
            double[][] x = new double[n][f];
            double[] yc = new double[n];
            for (int i = 0; i < n; i++) {
                double r = Math.sqrt(sw[i]);
                for (int j = 0; j < f; j++) {
                    x[i][j] = r * (z[i][j] - xOffset[j]);
                }
                yc[i] = r * (y[i] - yOffset);
            }
            return new Centred(x, yc, xOffset, yOffset);
        }

        /** The intercept that goes with coefficients {@code beta}: {@code ȳ − x̄·β}. */
        double intercept(double[] beta) {
            double b = yOffset;
            for (int j = 0; j < beta.length; j++) {
                b -= xOffset[j] * beta[j];
            }
            return b;
        }
    }
}
