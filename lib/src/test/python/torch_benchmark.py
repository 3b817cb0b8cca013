#!/usr/bin/env python3
"""PyTorch's side of the side-by-side benchmark (SideBySideBenchmark.java).

Usage: torch_benchmark.py FOLDER --threads N [--epochs 3] [--warmup-epochs 1] [--batch 32] [--inference-batch 256]
                          [--inference-repeats 3]

FOLDER holds an interop bundle (model.json, weights.npz, inputs.npy, ...) and the
training split the Java side trains on: train_indices.npy (int64, rows of
inputs.npy) and train_labels.npy (float32, one 0/1 label per training row).
The network is rebuilt from model.json with check_bundle.build_model (the same
code that cross-checks bundles), starting from the bundle's weights.

Training, as a PyTorch user writes it: the ECGs are one preloaded tensor, each
mini-batch is indexed out of it in a shuffled order (torch.randperm, seed 1),
Adam (lr 1e-3, PyTorch's default implementation for this version) on
BCEWithLogitsLoss, loss.item() read after each step (as the Java loop reads its
loss). WARMUP_EPOCHS warm-up epochs in the original order first (not timed, as the Java
side: its JIT compiler and gradient self-check need one), then EPOCHS timed
epochs. Inference, after one untimed pass:
eval mode under torch.no_grad(), INFERENCE_REPEATS passes over all ECGs at the
inference batch size, logits copied to NumPy.

Prints one line: RESULT threads train_per_s infer_per_s rss_peak_mb
(peak RSS from getrusage, which on Linux is VmHWM in kB).
Exit status 3 when numpy or torch cannot be imported.
"""

import argparse
import os
import resource
import sys
import time

try:
    import numpy as np
    import torch
except ImportError as missing:
    print(f"cannot import numpy and torch: {missing}", file=sys.stderr)
    sys.exit(3)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_bundle import build_model  # noqa: E402


def epoch(model, optimizer, loss_fn, x, y, order, batch):
    for start in range(0, len(order), batch):
        idx = order[start:start + batch]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
        loss.item()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--warmup-epochs", type=int, default=1)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--inference-batch", type=int, default=256)
    parser.add_argument("--inference-repeats", type=int, default=3)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)

    model, _ = build_model(args.folder)
    inputs = torch.from_numpy(np.load(os.path.join(args.folder, "inputs.npy")))
    train = torch.from_numpy(np.load(os.path.join(args.folder, "train_indices.npy")))
    x = inputs[train].contiguous()
    y = torch.from_numpy(np.load(os.path.join(args.folder, "train_labels.npy"))).reshape(-1, 1)
    if len(y) != len(x):
        raise SystemExit(f"{args.folder}: {len(y)} training labels for {len(x)} training rows")

    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    generator = torch.Generator().manual_seed(1)
    for _ in range(args.warmup_epochs):  # warm-up, as the Java side
        epoch(model, optimizer, loss_fn, x, y, torch.arange(len(x)), args.batch)
    start = time.perf_counter()
    for _ in range(args.epochs):
        epoch(model, optimizer, loss_fn, x, y, torch.randperm(len(x), generator=generator), args.batch)
    train_per_s = args.epochs * len(x) / (time.perf_counter() - start)

    model.eval()
    with torch.no_grad():
        for s in range(0, len(inputs), args.inference_batch):  # warm-up, as the Java side
            model(inputs[s:s + args.inference_batch]).numpy()
        start = time.perf_counter()
        for _ in range(args.inference_repeats):
            for s in range(0, len(inputs), args.inference_batch):
                model(inputs[s:s + args.inference_batch]).numpy()
        infer_per_s = args.inference_repeats * len(inputs) / (time.perf_counter() - start)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"RESULT {args.threads} {train_per_s:.3f} {infer_per_s:.3f} {rss_mb:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
