"""Verified functions vs the naive formulas (same shapes, float64), interleaved rounds, medians.

    .venv/bin/python benchmarks/bench_verified.py [--rounds 9]

The naive formulas overflow or lose accuracy on the inputs of the accuracy tests; here both run
on benign inputs so that the ratio measures only the price of stability.
"""

from __future__ import annotations

import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import interleaved_medians  # noqa: E402

from symderive import verified  # noqa: E402


def naive_sigmoid(x):
    return 1 / (1 + np.exp(-x))


def naive_softmax(x):
    e = np.exp(x)
    return e / e.sum(axis=-1, keepdims=True)


def naive_softmax_cross_entropy(logits, labels):
    p = naive_softmax(logits)
    rows = np.arange(len(labels))
    loss = -np.mean(np.log(p[rows, labels]))
    p[rows, labels] -= 1
    return loss, p / len(labels)


def naive_bce(p, t):
    return -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)), (p - t) / (p * (1 - p)) / p.size


def naive_bce_logits(z, t):
    s = naive_sigmoid(z)
    return -np.mean(t * np.log(s) + (1 - t) * np.log(1 - s)), (s - t) / z.size


def naive_mse(y, t):
    d = y - t
    return np.mean(d * d), 2 * d / d.size


def naive_kl(p, q):
    return np.mean(np.sum(p * np.log(p / q), axis=-1)), -p / q / p.shape[0]


def cases(rng):
    x = rng.standard_normal(1_000_000)
    logits = rng.standard_normal((10_000, 100))
    labels = rng.integers(0, 100, 10_000)
    p = rng.uniform(0.01, 0.99, 1_000_000)
    t = rng.uniform(0, 1, 1_000_000)
    pd = rng.dirichlet(np.ones(100), 10_000)
    qd = rng.dirichlet(np.ones(100), 10_000)
    return {
        "sigmoid": (lambda: verified.sigmoid(x), lambda: naive_sigmoid(x)),
        "sigmoid_grad": (
            lambda: verified.sigmoid_grad(x),
            lambda: (lambda s: s * (1 - s))(naive_sigmoid(x)),
        ),
        "tanh_grad": (lambda: verified.tanh_grad(x), lambda: 1 - np.tanh(x) ** 2),
        "relu_grad": (lambda: verified.relu_grad(x), lambda: (x > 0) * 1.0),
        "softmax": (lambda: verified.softmax(logits), lambda: naive_softmax(logits)),
        "log_softmax": (
            lambda: verified.log_softmax(logits),
            lambda: logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True)),
        ),
        "softmax_cross_entropy": (
            lambda: verified.softmax_cross_entropy(logits, labels),
            lambda: naive_softmax_cross_entropy(logits, labels),
        ),
        "binary_cross_entropy": (
            lambda: verified.binary_cross_entropy(p, t),
            lambda: naive_bce(p, t),
        ),
        "binary_cross_entropy_with_logits": (
            lambda: verified.binary_cross_entropy_with_logits(x, t),
            lambda: naive_bce_logits(x, t),
        ),
        "mse": (lambda: verified.mse(x, t), lambda: naive_mse(x, t)),
        "kl_divergence": (lambda: verified.kl_divergence(pd, qd), lambda: naive_kl(pd, qd)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    print(f"numpy {np.__version__}; 1e6 elements / 10000×100 logits; {args.rounds} rounds, medians")
    print(f"{'function':34s} {'naive':>10s} {'verified':>10s} {'ratio':>7s}")
    for name, (stable, naive) in cases(np.random.default_rng(0)).items():
        medians = interleaved_medians(
            {"verified": stable, "naive": naive}, rounds=args.rounds, repeat=3
        )
        print(
            f"{name:34s} {medians['naive'] * 1e3:8.2f}ms {medians['verified'] * 1e3:8.2f}ms "
            f"{medians['verified'] / medians['naive']:6.2f}×",
            flush=True,
        )


if __name__ == "__main__":
    main()
