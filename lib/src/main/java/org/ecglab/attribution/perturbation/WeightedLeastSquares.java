package org.ecglab.attribution.perturbation;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Weighted least squares with an intercept, as scikit-learn's {@code LinearRegression().fit(z, y, sample_weight=w)}
 * (Captum's {@code SkLearnLinearRegression}, the surrogate of KernelSHAP): centre on the weighted means, scale rows
 * by {@code √w}, and take the least-squares solution of minimum norm of {@code X β = y} (what LAPACK's {@code gelsd}
 * behind scikit-learn gives when there are fewer samples than features, or features that never vary):
 * <pre>
 *   β = Xᵀ (X Xᵀ)⁺ y   (n ≤ F)        β = (Xᵀ X)⁺ Xᵀ y   (n &gt; F)
 * </pre>
 * with the pseudo-inverse of the smaller Gram matrix from Commons Math's symmetric {@link EigenDecomposition}
 * (eigenvalues below {@code max(n, F) · 2⁻⁵² · λ_max} count as zero). Working on the {@code min(n, F)}-square Gram
 * matrix makes the default KernelSHAP fit (25 samples, 7200 features) take milliseconds instead of the tenth of a
 * second an SVD of the whole design takes; the price is precision in ill-conditioned problems (relative error about
 * {@code 2⁻⁵² κ²}), far below the float32 precision of the logits being fitted, and directions with singular values
 * below about {@code 10⁻⁶} of the largest are treated as absent. The tests compare it with scikit-learn's fits.
 */
final class WeightedLeastSquares implements Surrogate {

    @Override
    public Fit fit(double[][] z, double[] y, double[] w) {
        Centred c = Centred.of(z, y, w, false);
        RealMatrix x = new Array2DRowRealMatrix(c.x(), false);
        int n = x.getRowDimension();
        int f = x.getColumnDimension();
        double relativeTolerance = Math.max(n, f) * Math.ulp(1.0);
        double[] beta;
        if (n <= f) {
            beta = x.preMultiply(pseudoInverse(x.multiply(x.transpose()), relativeTolerance).operate(c.y()));
        } else {
            beta = pseudoInverse(x.transpose().multiply(x), relativeTolerance).operate(x.preMultiply(c.y()));
        }
        return new Fit(beta, c.intercept(beta), 0, true);
    }

    /** {@code V diag(1/λ) Vᵀ} over the eigenvalues above the tolerance, of a symmetric positive semi-definite matrix. */
    private static RealMatrix pseudoInverse(RealMatrix gram, double relativeTolerance) {
        EigenDecomposition eigen = new EigenDecomposition(gram);
        double[] lambda = eigen.getRealEigenvalues();
        double max = 0;
        for (double l : lambda) {
            max = Math.max(max, l);
        }
        double tol = relativeTolerance * max;
        RealMatrix v = eigen.getV();
        int k = lambda.length;
        double[][] out = new double[k][k];
        for (int e = 0; e < k; e++) {
            if (lambda[e] <= tol) {
                continue;
            }
            double inv = 1 / lambda[e];
            double[] col = v.getColumn(e);
            for (int i = 0; i < k; i++) {
                double a = col[i] * inv;
                for (int j = 0; j < k; j++) {
                    out[i][j] += a * col[j];
                }
            }
        }
        return new Array2DRowRealMatrix(out, false);
    }

    @Override
    public String toString() {
        return "weighted least squares (minimum norm, Gram eigendecomposition)";
    }
}
