#!/usr/bin/env python3
"""PyTorch's side of PassCostBenchmark: the saliency pass (input gradient of one logit) on a bundle's model.

Usage: pass_benchmark.py BUNDLE_FOLDER --threads T [--batch 16]

Rebuilds the network from the bundle's model.json and weights.npz (check_bundle.build_model), then, for every line
read from standard input ("round" or "round B"), computes |d logit[target] / d x| for all of the bundle's inputs in
batches of B (default --batch; a fresh leaf per batch, the gradients copied out to one NumPy array, as the Java side
hands back Java arrays) and prints the round's wall time and the process's CPU time (all threads) in seconds. It
prints "ready" after one warm-up round. Exit status 3 when numpy or
torch cannot be imported (the caller reports PyTorch as unavailable).
"""

import argparse
import os
import sys
import time

try:
    import numpy as np
    import torch
except ImportError as missing:
    print(f"cannot import numpy and torch: {missing}", file=sys.stderr)
    sys.exit(3)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_bundle import build_model, load_npy  # noqa: E402


def saliency_round(model, inputs, targets, batch):
    out = np.empty_like(inputs)
    for start in range(0, len(inputs), batch):
        end = min(len(inputs), start + batch)
        x = torch.from_numpy(inputs[start:end]).requires_grad_(True)
        logits = model(x)
        selected = logits[torch.arange(end - start), torch.from_numpy(targets[start:end])]
        selected.sum().backward()
        out[start:end] = x.grad.abs().numpy()
    return out


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle")
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    model, _ = build_model(args.bundle)
    for p in model.parameters():
        p.requires_grad_(False)  # as the lab's explained models: gradients to the input only
    inputs = np.ascontiguousarray(load_npy(args.bundle, "inputs.npy", np.float32, 3))
    targets = load_npy(args.bundle, "targets.npy", np.int64, 1)
    saliency_round(model, inputs, targets, args.batch)
    print(f"ready torch {torch.__version__} threads {torch.get_num_threads()}", flush=True)
    for line in sys.stdin:
        words = line.split()
        batch = int(words[1]) if len(words) > 1 else args.batch
        start, cpu = time.perf_counter(), time.process_time()
        saliency_round(model, inputs, targets, batch)
        print(f"{time.perf_counter() - start:.6f} {time.process_time() - cpu:.6f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
