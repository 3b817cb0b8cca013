"""CAM family: Grad-CAM (Selvaraju et al. 2017), as Captum's LayerGradCam followed by LayerAttribution.interpolate
(F.interpolate), on the layer the bundle names by its index (-1: the last convolution); guided Grad-CAM as Captum's
GuidedGradCam (guided backpropagation times the rectified, upsampled Grad-CAM map)."""

import torch
import torch.nn.functional as F

from . import reference
from .backprop import guided_backprop


def explained_layer(spec, layer):
    if layer == -1:
        convolutions = [i for i, entry in enumerate(spec["layers"]) if entry["type"] == "conv1d"]
        if not convolutions:
            raise ValueError("layer -1 asks for the last convolution, but the model has none")
        return convolutions[-1]
    return layer


def layer_gradients_and_eval(model, layer, inputs, targets):
    """The output of model[layer] (a forward hook keeps it) and d logit[i, targets[i]] / d output[i]."""
    kept = {}
    handle = model[layer].register_forward_hook(lambda module, args, output: kept.__setitem__("a", output))
    try:
        logits = model(inputs)
    finally:
        handle.remove()
    grad, = torch.autograd.grad(logits.gather(1, targets.view(-1, 1)).sum(), kept["a"])
    return kept["a"].detach(), grad


def upsample(cam, length, mode):
    if mode == "linear":
        return F.interpolate(cam, size=length, mode="linear", align_corners=False)
    return F.interpolate(cam, size=length, mode=mode)


def grad_cam_at(ctx, relu):
    """Grad-CAM maps (N, 1, L) at the bundle's layer: channel weights are the time-averaged gradients."""
    layer = explained_layer(ctx.spec, int(ctx.params["layer"]))
    activation, grad = layer_gradients_and_eval(ctx.model, layer, ctx.inputs, ctx.targets)
    cam = (grad.mean(dim=2, keepdim=True) * activation).sum(dim=1, keepdim=True)
    return F.relu(cam) if relu else cam


@reference("grad_cam")
def grad_cam(ctx):
    if ctx.lead_axis:
        raise ValueError("grad_cam maps have no lead axis, but the bundle stores 12 rows")
    cam = grad_cam_at(ctx, bool(ctx.params["relu_attributions"]))
    return upsample(cam, ctx.inputs.shape[2], ctx.params["interpolate_mode"]).numpy()


@reference("guided_grad_cam")
def guided_grad_cam(ctx):
    """Captum's GuidedGradCam: F.relu(LayerGradCam) upsampled ("nearest" by default) times GuidedBackprop."""
    if not ctx.lead_axis:
        raise ValueError("guided_grad_cam maps keep the lead axis, but the bundle stores one row")
    cam = upsample(grad_cam_at(ctx, True), ctx.inputs.shape[2], ctx.params["interpolate_mode"])
    return guided_backprop(ctx) * cam.numpy()
