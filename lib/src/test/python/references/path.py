"""Path family: integrated gradients (Sundararajan et al. 2017) and gradient SHAP (Lundberg & Lee 2017), as Captum's
IntegratedGradients and GradientShap."""

import numpy as np
import torch

from . import reference, input_gradients
from .gradient import recorded_noise


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


@reference("gradient_shap")
def gradient_shap(ctx):
    """Captum's GradientShap on the bundle's draws: for sample k of ECG i, baseline row baseline_index[i, k] (from the
    distribution, or zeros), alpha[i, k] and noise[i, k] (zeros when stdevs is 0); x~ = x + noise, the path point is
    alpha * x~ + (1 - alpha) * baseline as Captum's _scale_input forms it, the attribution the mean over k of
    (x~ - baseline) * gradient at the point."""
    k = int(ctx.params["n_samples"])
    rows = ctx.baselines if ctx.baselines is not None else torch.zeros((1,) + tuple(ctx.inputs.shape[1:]))
    index = torch.from_numpy(ctx.samples["baseline_index"]).long()
    alpha = torch.from_numpy(ctx.samples["alpha"])
    n = ctx.inputs.shape[0]
    if tuple(index.shape) != (n, k) or tuple(alpha.shape) != (n, k) or alpha.dtype != torch.float32:
        raise ValueError(f"expected baseline_index and float32 alpha of shape {(n, k)}, got {tuple(index.shape)}, "
                         f"{tuple(alpha.shape)} {alpha.dtype}")
    if index.min() < 0 or index.max() >= rows.shape[0] or alpha.min() < 0 or alpha.max() > 1:
        raise ValueError("baseline_index outside the baseline rows or alpha outside [0, 1]")
    noise = recorded_noise(ctx, k, float(ctx.params["stdevs"]))
    total = torch.zeros(ctx.inputs.shape, dtype=torch.float64)
    for s in range(k):
        noisy = ctx.inputs + noise[:, s]
        baseline = rows[index[:, s]]
        a = alpha[:, s].view(-1, 1, 1)
        point = a * noisy + (1 - a) * baseline
        total += ((noisy - baseline) * input_gradients(ctx.model, point, ctx.targets)).double()
    return (total / k).float().numpy()
