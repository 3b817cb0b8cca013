"""Independent PyTorch references for the lab's attribution methods, one module per family.

Each reference is written from the method's paper and Captum's definition (autograd and hooks), not from the
Java code, and registered under the method id with @reference("id"). check_bundle.py calls it with a Context
and compares the result with the map the bundle stores.
"""

import importlib
from dataclasses import dataclass, field

import numpy as np
import torch

REFERENCES = {}
FAMILIES = ("gradient", "path", "backprop", "propagation", "cam", "perturbation")


@dataclass
class Context:
    """What a reference needs from a bundle.

    model:          torch.nn.Sequential in eval() mode, rebuilt from model.json and weights.npz
    spec:           model.json as a dict (layers with their PyTorch arguments, class names)
    inputs:         float32 tensor (N, 12, 600)
    targets:        int64 tensor (N,)
    params:         the method's parameters as the bundle's json records them
    baselines_kind: "zero", "rows" or "distribution"
    baselines:      float32 tensor (M, 12, 600) of baseline rows, or None for "zero"
    samples:        the method's random draws by name (numpy arrays), from <name>.samples.npz
    lead_axis:      whether stored maps are (N, 12, 600) (True) or (N, 1, 600)
    """
    model: torch.nn.Module
    spec: dict
    inputs: torch.Tensor
    targets: torch.Tensor
    params: dict
    baselines_kind: str = "zero"
    baselines: torch.Tensor = None
    samples: dict = field(default_factory=dict)
    lead_axis: bool = True

    def per_input_baselines(self):
        """One baseline per input: zeros, the one row repeated, or the N rows."""
        if self.baselines is None:
            return torch.zeros_like(self.inputs)
        if self.baselines.shape[0] == 1:
            return self.baselines.expand_as(self.inputs).clone()
        return self.baselines


def reference(method_id):
    """Registers a function Context -> numpy maps as the reference of method_id."""
    def register(fn):
        if method_id in REFERENCES:
            raise ValueError(f"two references for {method_id}")
        REFERENCES[method_id] = fn
        return fn
    return register


def input_gradients(model, x, targets):
    """d logit[i, targets[i]] / d x[i] for a float32 batch x (N, 12, 600)."""
    x = x.clone().requires_grad_(True)
    logits = model(x)
    logits.gather(1, targets.view(-1, 1)).sum().backward()
    return x.grad.detach()


def load_all():
    """Imports every family module that exists, so their references register."""
    for family in FAMILIES:
        try:
            importlib.import_module(f"{__name__}.{family}")
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.{family}":
                raise
    return REFERENCES
