#!/usr/bin/env python3
"""Writes scikit-learn's own fits of the surrogates LIME and KernelSHAP use, as a test fixture.

Usage: make_sklearn_fixture.py OUT.json

Captum's LIME fits sklearn.linear_model.Lasso(alpha=0.01) and KernelSHAP fits
sklearn.linear_model.LinearRegression(), both with sample weights and an intercept.
WeightedLassoTest and WeightedLeastSquaresTest compare the lab's Java fits with the
numbers this script records (coefficients, intercepts, and the Lasso's iteration count),
on weighted problems shaped like theirs: 0/1 coalitions, kernel-like weights (and
KernelSHAP's 1e6 end-point weights), more features than samples too.

The fixture in lib/src/test/resources was written with scikit-learn 1.2.1 and SciPy 1.10.1
(Debian 12's python3-sklearn), run in float64. It is not run by the build: scikit-learn is
not a dependency of the lab; rerun it by hand to refresh the fixture.
"""

import json
import sys

import numpy as np
from sklearn.linear_model import Lasso, LinearRegression
import sklearn


def problem(rng, n, f, ends):
    z = rng.integers(0, 2, size=(n, f)).astype(np.float64)
    if ends:
        z[0, :] = 1
        z[1, :] = 0
    c = rng.normal(0, 1, size=f) * (rng.random(f) < 0.6)
    y = 0.3 + z @ c + rng.normal(0, 0.2, size=n)
    if ends:
        w = np.ones(n)
        w[:2] = 1e6
    else:
        w = rng.uniform(0.4, 1.0, size=n)
    return z, y, w


def main(out):
    rng = np.random.default_rng(20240611)
    cases = []
    for name, n, f, alpha in [("lasso-12-features", 50, 12, 0.01), ("lasso-more-features-than-samples", 50, 72, 0.01),
                              ("lasso-sparse", 40, 20, 0.3), ("lasso-few-features", 30, 6, 0.01)]:
        z, y, w = problem(rng, n, f, False)
        m = Lasso(alpha=alpha).fit(z, y, sample_weight=w)
        cases.append({"name": name, "model": "lasso", "alpha": alpha, "z": z.tolist(), "y": y.tolist(),
                      "w": w.tolist(), "coef": m.coef_.tolist(), "intercept": float(m.intercept_),
                      "n_iter": int(m.n_iter_)})
    for name, n, f, ends in [("linear-more-features-than-samples", 25, 100, True), ("linear-overdetermined", 60, 10, False)]:
        z, y, w = problem(rng, n, f, ends)
        m = LinearRegression().fit(z, y, sample_weight=w)
        cases.append({"name": name, "model": "linear_regression", "z": z.tolist(), "y": y.tolist(), "w": w.tolist(),
                      "coef": m.coef_.tolist(), "intercept": float(m.intercept_)})
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"sklearn": sklearn.__version__, "cases": cases}, fh)
        fh.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
