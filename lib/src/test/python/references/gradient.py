"""Gradient family: saliency (Simonyan et al. 2014), as Captum's Saliency."""

from . import reference, input_gradients


@reference("saliency")
def saliency(ctx):
    g = input_gradients(ctx.model, ctx.inputs, ctx.targets)
    return (g.abs() if ctx.params.get("abs", True) else g).numpy()
