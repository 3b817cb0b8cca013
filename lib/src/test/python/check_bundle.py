#!/usr/bin/env python3
"""Cross-check an ECG Attribution Lab interop bundle with PyTorch.

Usage: check_bundle.py BUNDLE_FOLDER... [--logit-tol 1e-4] [--attr-rtol 1e-4]

1. Rebuilds torch.nn.Sequential from model.json, loads weights.npz with
   load_state_dict(strict=True) (so the key set must equal state_dict()'s),
   switches to eval() and compares its logits on inputs.npy with logits.npy
   (max absolute difference < --logit-tol).
2. For each attributions/<name>.json, recomputes the maps with the method's
   independent PyTorch reference (references/<family>.py, written from the
   paper and Captum's definition) under the parameters, baselines and random
   draws the bundle records, and compares them with <name>.npy. A method
   without a reference is a failure ("NOT CHECKED"), not a pass.

Attribution tolerance: maps are compared relative to their scale,
max|java - torch| <= attr_rtol * max|torch| per map (gradients have no natural
absolute scale, unlike logits). Both sides run the same float32 network, but
possibly on different libtorch builds (DJL bundles 2.7.1; Debian has 1.13)
and batch sizes, so summation order may differ: each gradient entry sums
thousands of float32 products, giving differences of a few float32 ulps
(1.2e-7) of the largest terms. The default 1e-4 leaves a margin of ~500 while
a real error (a sign, a missing abs, a wrong layer or quadrature node) shows
at 1e-2..1.

Piecewise-linear models (ReLU, max pooling) get a second chance: their
gradient jumps at a kink, and a pre-activation or pooling tie within float32
rounding of the kink is decided by summation order. Two correct
implementations then differ in whole gradient paths at such a point. Measured
on 20 default-CNN bundles (60 integrated-gradients maps): when both sides use
oneDNN's convolution the maps are identical; when Java uses PyTorch's im2col
convolutions (the lab's fallback on CPUs where oneDNN's gradients are wrong),
they differ by up to 3.2e-3 max-relative and 8e-4 in relative L2 norm, and
PyTorch's own two routes (batched oneDNN vs one ECG at a time with im2col)
disagree with each other just as much. Such a map passes if its relative L2
difference is <= 2e-3 and its max-relative difference <= 1e-2; the smallest
real errors above (e.g. a 2% quadrature scale) are 1e-2 or more in both.

Exit status: 0 all checks passed, 1 a mismatch, 2 a malformed bundle or usage,
3 numpy or torch cannot be imported (callers may skip the check).
"""

import argparse
import json
import os
import sys

try:
    import numpy as np
    import torch
except ImportError as missing:
    print(f"cannot import numpy and torch: {missing}", file=sys.stderr)
    sys.exit(3)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from references import Context, load_all  # noqa: E402

REFERENCES = load_all()

LAYERS = {
    "conv1d": torch.nn.Conv1d,
    "batchnorm1d": torch.nn.BatchNorm1d,
    "relu": torch.nn.ReLU,
    "maxpool1d": torch.nn.MaxPool1d,
    "avgpool1d": torch.nn.AvgPool1d,
    "adaptive_avgpool1d": torch.nn.AdaptiveAvgPool1d,
    "flatten": torch.nn.Flatten,
    "linear": torch.nn.Linear,
    "dropout": torch.nn.Dropout,
}
INPUT_SPEC = {"shape": [12, 600], "sampling_rate_hz": 500, "units": "mV"}
PIECEWISE_LINEAR = {"relu", "maxpool1d"}  # layers whose gradient jumps at a kink
KINK_L2_RTOL = 2e-3
KINK_MAX_RTOL = 1e-2


class BundleError(Exception):
    """The bundle is missing a part or a part is malformed."""


def load_npy(folder, name, dtype, ndim):
    path = os.path.join(folder, name)
    if not os.path.isfile(path):
        raise BundleError(f"{path}: missing")
    a = np.load(path, allow_pickle=False)
    if a.dtype != np.dtype(dtype) or a.ndim != ndim:
        raise BundleError(f"{path}: expected {np.dtype(dtype)} with {ndim} dims, got {a.dtype} {a.shape}")
    return a


def build_model(folder):
    path = os.path.join(folder, "model.json")
    try:
        with open(path, encoding="utf-8") as f:
            spec = json.load(f)
    except (OSError, ValueError) as e:
        raise BundleError(f"{path}: {e}") from e
    for key, value in INPUT_SPEC.items():
        if spec["input"].get(key) != value:
            raise BundleError(f"{path}: input.{key} is {spec['input'].get(key)}, expected {value}")
    layers = []
    for i, layer in enumerate(spec["layers"]):
        args = dict(layer)
        kind = args.pop("type")
        if kind not in LAYERS:
            raise BundleError(f"{path}: layer {i} has unknown type {kind!r}")
        layers.append(LAYERS[kind](**args))
    model = torch.nn.Sequential(*layers)
    with np.load(os.path.join(folder, "weights.npz"), allow_pickle=False) as npz:
        state = {k: torch.from_numpy(npz[k]) for k in npz.files}
    # strict=True still fills in a missing num_batches_tracked (pre-1.0 checkpoints lack it), so compare the key
    # sets first: the bundle promises exactly state_dict()'s keys.
    expected = list(model.state_dict().keys())
    missing = [k for k in expected if k not in state]
    unexpected = [k for k in state if k not in expected]
    if missing or unexpected:
        raise BundleError(f"weights.npz keys differ from state_dict(): missing {missing}, unexpected {unexpected}")
    model.load_state_dict(state, strict=True)  # raises on an ill-shaped array
    model.eval()
    return model, spec


def compare_maps(java_maps, torch_maps, attr_rtol, piecewise):
    """(ok, verdict): max-relative difference within attr_rtol, or, for a piecewise-linear
    model, within the kink tolerance (module docstring)."""
    worst = worst_l2 = 0.0
    for java_map, torch_map in zip(java_maps, torch_maps):
        scale = max(float(np.max(np.abs(torch_map))), np.finfo(np.float32).tiny)
        worst = max(worst, float(np.max(np.abs(java_map - torch_map))) / scale)
        norm = max(float(np.linalg.norm(torch_map)), np.finfo(np.float32).tiny)
        worst_l2 = max(worst_l2, float(np.linalg.norm(java_map - torch_map)) / norm)
    verdict = f"max abs diff / max |map| {worst:.3g} (tolerance {attr_rtol:g})"
    if worst <= attr_rtol:
        return True, verdict + " OK"
    if piecewise and worst <= KINK_MAX_RTOL and worst_l2 <= KINK_L2_RTOL:
        return True, (verdict + f"; piecewise-linear model: relative L2 diff {worst_l2:.3g} "
                      f"(kink tolerance {KINK_L2_RTOL:g}, max {KINK_MAX_RTOL:g}) OK")
    kink = f", relative L2 diff {worst_l2:.3g} (kink tolerance {KINK_L2_RTOL:g})" if piecewise else ""
    return False, verdict + kink + " MISMATCH"


def check(folder, logit_tol, attr_rtol):
    model, spec = build_model(folder)
    inputs = torch.from_numpy(load_npy(folder, "inputs.npy", np.float32, 3))
    targets = torch.from_numpy(load_npy(folder, "targets.npy", np.int64, 1))
    expected = load_npy(folder, "logits.npy", np.float32, 2)
    ok = True
    with torch.no_grad():
        logits = model(inputs).numpy()
    diff = float(np.max(np.abs(logits - expected)))
    good = diff < logit_tol
    ok &= good
    print(f"logits: {logits.shape[0]} inputs x {logits.shape[1]} outputs ({', '.join(spec['class_names'])}), "
          f"max abs diff {diff:.3g} (tolerance {logit_tol:g}) {'OK' if good else 'MISMATCH'}")

    folder_attr = os.path.join(folder, "attributions")
    names = sorted(f[:-5] for f in os.listdir(folder_attr) if f.endswith(".json")) if os.path.isdir(folder_attr) else []
    piecewise = any(layer["type"] in PIECEWISE_LINEAR for layer in spec["layers"])
    for name in names:
        with open(os.path.join(folder_attr, name + ".json"), encoding="utf-8") as f:
            meta = json.load(f)
        method, params = meta["method"], meta["parameters"]
        lead_axis = meta.get("lead_axis", True)
        stored = load_npy(folder_attr, name + ".npy", np.float32, 3)
        if stored.shape[1] != (12 if lead_axis else 1):
            raise BundleError(f"{name}.npy has {stored.shape[1]} rows per map but lead_axis is {lead_axis}")
        if method not in REFERENCES:
            print(f"{name}: method {method} has no PyTorch reference NOT CHECKED")
            ok = False
            continue
        kind = meta.get("baselines", "zero")
        rows = None if kind == "zero" else torch.from_numpy(load_npy(folder_attr, name + ".baselines.npy", np.float32, 3))
        samples = {}
        if meta.get("samples"):
            with np.load(os.path.join(folder_attr, name + ".samples.npz"), allow_pickle=False) as npz:
                samples = {k: npz[k] for k in npz.files}
        ctx = Context(model, spec, inputs, targets, params, kind, rows, samples, lead_axis)
        torch_maps = np.asarray(REFERENCES[method](ctx), dtype=np.float32)
        good, verdict = compare_maps(stored, torch_maps, attr_rtol, piecewise)
        ok &= good
        print(f"{name}: {method} {params}, {verdict}")
    return ok


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundles", nargs="+", metavar="bundle")
    parser.add_argument("--logit-tol", type=float, default=1e-4)
    parser.add_argument("--attr-rtol", type=float, default=1e-4)
    args = parser.parse_args(argv)
    torch.set_num_threads(1)  # small models; the machine is shared
    status = 0
    for bundle in args.bundles:
        print(f"bundle {bundle}")
        try:
            ok = check(bundle, args.logit_tol, args.attr_rtol)
        except (BundleError, RuntimeError, KeyError, OSError, ValueError) as e:
            # load_state_dict reports key and shape problems as RuntimeError
            print(f"bundle {bundle} is malformed: {type(e).__name__}: {e}", file=sys.stderr)
            status = 2
            continue
        if not ok:
            status = max(status, 1)
    print("all checks passed" if status == 0 else "check failed")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
