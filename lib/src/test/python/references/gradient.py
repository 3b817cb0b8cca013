"""Gradient family: saliency (Simonyan et al. 2014), input x gradient (Shrikumar et al. 2016) and SmoothGrad with
its variants (Smilkov et al. 2017; Hooker et al. 2019; Adebayo et al. 2018), as Captum's Saliency, InputXGradient and
NoiseTunnel(Saliency)."""

import torch

from . import reference, input_gradients


@reference("saliency")
def saliency(ctx):
    g = input_gradients(ctx.model, ctx.inputs, ctx.targets)
    return (g.abs() if ctx.params.get("abs", True) else g).numpy()


@reference("input_x_gradient")
def input_x_gradient(ctx):
    return (ctx.inputs * input_gradients(ctx.model, ctx.inputs, ctx.targets)).numpy()


def recorded_noise(ctx, samples, stdevs):
    """The bundle's noise (N, samples, 12, 600), zeros when stdevs is 0; checked against what the parameters say."""
    noise = ctx.samples.get("noise")
    n = ctx.inputs.shape[0]
    if stdevs == 0:
        if noise is not None:
            raise ValueError("noise recorded although stdevs is 0")
        return torch.zeros((n, samples) + tuple(ctx.inputs.shape[1:]))
    if noise is None or noise.shape != (n, samples) + tuple(ctx.inputs.shape[1:]):
        raise ValueError(f"expected recorded noise of shape {(n, samples, 12, 600)}, got "
                         f"{None if noise is None else noise.shape}")
    sd = float(noise.std())
    if abs(sd - stdevs) > 0.05 * stdevs:  # >= 1e4 draws: the sample sd is within 2% of the true one
        raise ValueError(f"recorded noise has standard deviation {sd:.4g}, the parameters say {stdevs:g}")
    return torch.from_numpy(noise)


@reference("smoothgrad")
def smoothgrad(ctx):
    """Captum's NoiseTunnel around Saliency: the saliency of every noisy copy x + noise[:, k] (|gradient| unless abs
    is false), then their mean (smoothgrad), mean of squares (smoothgrad_sq) or population variance (vargrad)."""
    k = int(ctx.params["nt_samples"])
    noise = recorded_noise(ctx, k, float(ctx.params["stdevs"]))
    use_abs = ctx.params.get("abs", True)
    maps = []
    for s in range(k):
        g = input_gradients(ctx.model, ctx.inputs + noise[:, s], ctx.targets)
        maps.append((g.abs() if use_abs else g).double())
    stack = torch.stack(maps)
    nt_type = ctx.params["nt_type"]
    if nt_type == "smoothgrad":
        result = stack.mean(0)
    elif nt_type == "smoothgrad_sq":
        result = (stack ** 2).mean(0)
    elif nt_type == "vargrad":
        result = stack.var(0, unbiased=False)
    else:
        raise ValueError(f"unknown nt_type {nt_type!r}")
    return result.float().numpy()
