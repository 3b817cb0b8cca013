"""Perturbation family, as Captum 0.8 defines it: Occlusion, FeatureAblation, Lime, KernelShap and
ShapleyValueSampling (captum/attr/_core/{occlusion,feature_ablation,lime,kernel_shap,shapley_value}.py).

The bundle records what a reference cannot draw itself: each ECG's feature mask (sample "feature_mask", int32
[N, 12, 600], ids 0..F_i-1), LIME's and KernelSHAP's binary coalitions ("coalitions", uint8 [N, n_samples, F_max],
columns beyond F_i unused) and Shapley sampling's permutations ("permutations", int32 [N, n_samples, F_max], padded
with -1). Everything else is recomputed here with PyTorch: the perturbed inputs, their target logits, LIME's kernel
weights and the surrogate fits.

Surrogates: Captum's Lime fits sklearn.linear_model.Lasso(alpha) and KernelShap fits LinearRegression(), both with
sample weights and an intercept. scikit-learn is used when it can be imported (in float64; Captum hands it float32);
otherwise the same estimators are computed with NumPy: the Lasso by scikit-learn's cyclic coordinate descent with its
duality-gap stopping rule (tol 1e-4, 1000 sweeps, weights rescaled to sum to n, data centred on weighted means and
scaled by sqrt(w)), least squares by numpy.linalg.lstsq (SVD, minimum norm) on the same centred, weighted data.
"""

import math

import numpy as np
import torch

from . import reference

EVAL_BATCH = 256


def target_logits(ctx, batch, target):
    """Logit `target` of each ECG in `batch` (float32 tensor [B, 12, 600]), in chunks, without gradients."""
    out = []
    with torch.no_grad():
        for start in range(0, batch.shape[0], EVAL_BATCH):
            out.append(ctx.model(batch[start:start + EVAL_BATCH])[:, target].double())
    return torch.cat(out).numpy()


def masks(ctx):
    return np.asarray(ctx.samples["feature_mask"], dtype=np.int64)


@reference("occlusion")
def occlusion(ctx):
    wl, wt = (int(v) for v in ctx.params["sliding_window_shapes"])
    sl, st = (int(v) for v in ctx.params["strides"])
    leads, samples = ctx.inputs.shape[1:]
    # Captum: ceil((size - window) / stride) + 1 positions per dimension; a window past the end is cut there
    positions = [(a * sl, b * st) for b in range(math.ceil((samples - wt) / st) + 1)
                 for a in range(math.ceil((leads - wl) / sl) + 1)]
    baseline = ctx.per_input_baselines()
    maps = []
    for i in range(ctx.inputs.shape[0]):
        x, b, target = ctx.inputs[i], baseline[i], int(ctx.targets[i])
        windows = torch.zeros((len(positions), leads, samples))
        for k, (l0, t0) in enumerate(positions):
            windows[k, l0:l0 + wl, t0:t0 + wt] = 1
        ablated = x * (1 - windows) + b * windows
        drops = target_logits(ctx, x[None], target)[0] - target_logits(ctx, ablated, target)
        total = np.einsum("k,klt->lt", drops, windows.double().numpy())
        maps.append(total / windows.sum(dim=0).double().numpy())
    return np.stack(maps)


@reference("feature_ablation")
def feature_ablation(ctx):
    baseline = ctx.per_input_baselines()
    maps = []
    for i, mask in enumerate(masks(ctx)):
        x, b, target = ctx.inputs[i], baseline[i], int(ctx.targets[i])
        features = int(mask.max()) + 1
        ablated = torch.stack([torch.where(torch.from_numpy(mask == j), b, x) for j in range(features)])
        drops = target_logits(ctx, x[None], target)[0] - target_logits(ctx, ablated, target)
        maps.append(drops[mask])
    return np.stack(maps)


@reference("shapley_sampling")
def shapley_sampling(ctx):
    baseline = ctx.per_input_baselines()
    permutations = np.asarray(ctx.samples["permutations"], dtype=np.int64)
    maps = []
    for i, mask in enumerate(masks(ctx)):
        x, b, target = ctx.inputs[i], baseline[i], int(ctx.targets[i])
        features = int(mask.max()) + 1
        total = np.zeros(features)
        previous = target_logits(ctx, b[None], target)[0]
        start = previous
        for order in permutations[i]:
            order = order[:features]
            assert sorted(order.tolist()) == list(range(features)), "a recorded permutation is not one"
            # the baseline with the first k features of the permutation switched to the ECG, k = 1..F
            switched = torch.stack([torch.from_numpy(np.isin(mask, order[:k + 1])) for k in range(features)])
            values = target_logits(ctx, torch.where(switched, x, b), target)
            total[order] += values - np.concatenate([[start], values[:-1]])
        maps.append((total / permutations.shape[1])[mask])
    return np.stack(maps)


def coalition_inputs(x, b, mask, z):
    """Captum's default_from_interp_rep_transform: the ECG where the coalition keeps a feature, the baseline elsewhere."""
    keep = torch.from_numpy(z.astype(bool)[:, mask])
    return torch.where(keep, x, b)


def lime_weight(x, perturbed, mode, width):
    """Captum's get_exp_kernel_similarity_function: exp(-d^2 / (2 width^2))."""
    a = x.double().flatten()
    p = perturbed.double().flatten()
    if mode == "cosine":
        norms = float(torch.linalg.norm(a) * torch.linalg.norm(p))
        d = 1 - (float(a @ p) / norms if norms > 0 else 0.0)
    else:
        d = float(torch.linalg.norm(a - p))
    return math.exp(-d * d / (2 * width * width))


@reference("lime")
def lime(ctx):
    p = ctx.params
    fit = lasso(float(p["alpha"])) if p["interpretable_model"] == "lasso" else least_squares
    baseline = ctx.per_input_baselines()
    coalitions = np.asarray(ctx.samples["coalitions"])
    maps = []
    for i, mask in enumerate(masks(ctx)):
        x, b, target = ctx.inputs[i], baseline[i], int(ctx.targets[i])
        z = coalitions[i][:, :int(mask.max()) + 1].astype(np.float64)
        perturbed = coalition_inputs(x, b, mask, z)
        y = target_logits(ctx, perturbed, target)
        w = np.array([lime_weight(x, q, p["distance_mode"], float(p["kernel_width"])) for q in perturbed])
        maps.append(fit(z, y, w)[mask])
    return np.stack(maps)


@reference("kernel_shap")
def kernel_shap(ctx):
    baseline = ctx.per_input_baselines()
    coalitions = np.asarray(ctx.samples["coalitions"])
    maps = []
    for i, mask in enumerate(masks(ctx)):
        x, b, target = ctx.inputs[i], baseline[i], int(ctx.targets[i])
        features = int(mask.max()) + 1
        z = coalitions[i][:, :features].astype(np.float64)
        y = target_logits(ctx, coalition_inputs(x, b, mask, z), target)
        # Captum's kernel_shap_similarity_kernel: 1e6 for the empty and the full coalition, 1 otherwise
        k = z.sum(axis=1)
        w = np.where((k == 0) | (k == features), 1e6, 1.0)
        maps.append(least_squares(z, y, w)[mask])
    return np.stack(maps)


def centred(z, y, w):
    """Centred on the weighted means and scaled by sqrt(w), as scikit-learn's _preprocess_data and _rescale_data."""
    zc = z - np.average(z, axis=0, weights=w)
    yc = y - np.average(y, weights=w)
    r = np.sqrt(w)
    return zc * r[:, None], yc * r


def least_squares(z, y, w):
    try:
        from sklearn.linear_model import LinearRegression
    except ImportError:
        xs, ys = centred(z, y, w)
        return np.linalg.lstsq(xs, ys, rcond=None)[0]
    return LinearRegression().fit(z, y, sample_weight=w).coef_


def lasso(alpha):
    def fit(z, y, w):
        try:
            from sklearn.linear_model import Lasso
        except ImportError:
            return coordinate_descent(z, y, w, alpha)
        return Lasso(alpha=alpha).fit(z, y, sample_weight=w).coef_
    return fit


def coordinate_descent(z, y, w, alpha, tol=1e-4, max_iter=1000):
    """scikit-learn's Lasso: min (1/2n)||y - Xb||^2 + alpha ||b||_1 on the weighted, centred data (weights summing
    to n), by cyclic coordinate descent from zero, stopping when the duality gap is below tol * ||y||^2."""
    n, f = z.shape
    x, target = centred(z, y, w * (n / w.sum()))
    l1 = alpha * n
    beta = np.zeros(f)
    r = target.copy()
    norms = (x * x).sum(axis=0)
    gap_tol = tol * (target @ target)
    for sweep in range(max_iter):
        max_change = max_coef = 0.0
        for j in range(f):
            if norms[j] == 0:
                continue
            old = beta[j]
            if old != 0:
                r += old * x[:, j]
            rho = x[:, j] @ r
            beta[j] = np.sign(rho) * max(abs(rho) - l1, 0.0) / norms[j]
            if beta[j] != 0:
                r -= beta[j] * x[:, j]
            max_change = max(max_change, abs(beta[j] - old))
            max_coef = max(max_coef, abs(beta[j]))
        if max_coef == 0 or max_change / max_coef < tol or sweep == max_iter - 1:
            dual_norm = np.max(np.abs(x.T @ r))
            r2 = r @ r
            scale = l1 / dual_norm if dual_norm > l1 else 1.0
            gap = 0.5 * (r2 + r2 * scale * scale) if dual_norm > l1 else r2
            gap += l1 * np.abs(beta).sum() - scale * (r @ target)
            if gap < gap_tol:
                break
    return beta
