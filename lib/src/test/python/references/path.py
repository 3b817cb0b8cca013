"""Path family: integrated gradients (Sundararajan et al. 2017), as Captum's IntegratedGradients."""

import numpy as np
import torch

from . import reference, input_gradients


def quadrature(method, n):
    """Nodes and weights on [0, 1], as Captum's approximation_parameters (step 1/n for every Riemann rule), and the
    lab's trapezoid (step 1/(n - 1))."""
    if method == "gausslegendre":
        x, w = np.polynomial.legendre.leggauss(n)
        return (x + 1) / 2, w / 2
    s = np.arange(n, dtype=np.float64)
    if method == "riemann_left":
        return s / n, np.full(n, 1.0 / n)
    if method == "riemann_right":
        return (s + 1) / n, np.full(n, 1.0 / n)
    if method == "riemann_middle":
        return (s + 0.5) / n, np.full(n, 1.0 / n)
    if method == "riemann_trapezoid":  # Captum keeps the step 1/n: the weights sum to (n - 1) / n
        w = np.full(n, 1.0 / n)
        w[0] /= 2
        w[-1] /= 2
        return np.linspace(0, 1, n), w
    if method == "trapezoid":  # the lab's corrected rule: step 1/(n - 1), weights sum to 1
        w = np.full(n, 1.0 / (n - 1))
        w[0] /= 2
        w[-1] /= 2
        return s / (n - 1), w
    raise ValueError(f"unknown integrated_gradients method {method!r}")


@reference("integrated_gradients")
def integrated_gradients(ctx):
    alphas, weights = quadrature(ctx.params.get("method", "gausslegendre"), int(ctx.params.get("n_steps", 50)))
    baseline = ctx.per_input_baselines()
    total = torch.zeros(ctx.inputs.shape, dtype=torch.float64)
    for alpha, weight in zip(alphas, weights):
        point = baseline + np.float32(alpha) * (ctx.inputs - baseline)
        total += weight * input_gradients(ctx.model, point, ctx.targets).double()
    return ((ctx.inputs - baseline).double() * total).float().numpy()
