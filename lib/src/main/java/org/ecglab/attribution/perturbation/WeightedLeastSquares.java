package org.ecglab.attribution.perturbation;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Weighted least squares with an intercept, as scikit-learn's {@code LinearRegression().fit(z, y, sample_weight=w)}
 * (Captum's {@code SkLearnLinearRegression}, the surrogate of KernelSHAP): centre on the weighted means, scale rows
 * by {@code √w}, and solve {@code min ‖√w (y − ȳ − (z − z̄) β)‖²} by the singular value decomposition of Commons Math.
 * Its solver applies the pseudo-inverse (singular values below {@code max(n, F) · σ_max · 2⁻⁵²} count as zero), so
 * when there are fewer samples than features, or features that never vary, the fit is the least-squares solution of
 * minimum norm, as the LAPACK {@code gelsd} solver behind scikit-learn gives.
 */
final class WeightedLeastSquares implements Surrogate {

    @Override
    public Fit fit(double[][] z, double[] y, double[] w) {
        Centred c = Centred.of(z, y, w, false);
        double[] beta = new SingularValueDecomposition(new Array2DRowRealMatrix(c.x(), false)).getSolver()
                .solve(new ArrayRealVector(c.y(), false)).toArray();
        return new Fit(beta, c.intercept(beta), 0, true);
    }

    @Override
    public String toString() {
        return "weighted least squares (SVD pseudo-inverse)";
    }
}
