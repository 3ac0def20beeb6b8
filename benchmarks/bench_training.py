"""A training step of the lecture's 2-layer MLP: engine vs hand-written NumPy (PyTorch, autograd).

    OMP_NUM_THREADS etc. are pinned to 1 below, before NumPy loads.
    .venv/bin/python benchmarks/bench_training.py [--rounds 9] [--quick]

Step = forward (h = σ(x·w1), ŷ = h·w2, L = Σ(ŷ − y)²), backward, and w ← w − η·∇w with the
lecture's η = 1e-4 (scaled down at the large size so the weights stay finite). Ratios
are time / hand-written NumPy time (medians of interleaved rounds). PyTorch and HIPS autograd
are optional: skipped with a note when they are not installed.
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

from symderive.engine import Tensor, functional, optim  # noqa: E402

SIZES = {
    "tiny (N=1, D=3, H=4, C=2)": (1, 3, 4, 2),
    "lecture (N=64, D=1000, H=100, C=10)": (64, 1000, 100, 10),
    "large (N=256, D=3072, H=512, C=10)": (256, 3072, 512, 10),
}
LECTURE_LR = 1e-4


def learning_rate(n: int, d: int) -> float:
    """The lecture's 1e-4, scaled down for larger N·D so no contender diverges into inf/NaN."""
    return min(LECTURE_LR, LECTURE_LR * 64 * 1000 / (n * d))


def data(n, d, h, c):
    global LR
    LR = learning_rate(n, d)
    rng = np.random.default_rng(0)
    scale = 1 / np.sqrt(d)  # keeps σ out of saturation at every size (same for every contender)
    return (
        rng.standard_normal((n, d)),
        rng.standard_normal((n, c)),
        rng.standard_normal((d, h)) * scale,
        rng.standard_normal((h, c)),
    )


def numpy_step(x, y, w1, w2):
    def step():
        nonlocal w1, w2
        h = 1 / (1 + np.exp(-x.dot(w1)))
        y_pred = h.dot(w2)
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h.T.dot(grad_y_pred)
        grad_h = grad_y_pred.dot(w2.T)
        grad_w1 = x.T.dot(grad_h * h * (1 - h))
        w1 -= LR * grad_w1
        w2 -= LR * grad_w2
        return np.square(y_pred - y).sum()

    return step


def engine_step(x, y, w1, w2):
    inputs = Tensor(x)
    t1, t2 = Tensor(w1, requires_grad=True), Tensor(w2, requires_grad=True)
    optimizer = optim.SGD([t1, t2], lr=LR)

    def step():
        loss = functional.sum_squared_error((inputs @ t1).sigmoid() @ t2, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        return loss

    return step


def torch_step(x, y, w1, w2):
    import torch

    torch.set_num_threads(1)
    tx, ty = torch.from_numpy(x), torch.from_numpy(y)
    t1 = torch.from_numpy(w1).requires_grad_(True)
    t2 = torch.from_numpy(w2).requires_grad_(True)

    def step():
        loss = (torch.sigmoid(tx.mm(t1)).mm(t2) - ty).pow(2).sum()
        loss.backward()
        with torch.no_grad():
            t1.sub_(LR * t1.grad)
            t2.sub_(LR * t2.grad)
        t1.grad = None
        t2.grad = None
        return loss

    return step


def autograd_step(x, y, w1, w2):
    import autograd.numpy as anp
    from autograd import grad

    def loss(weights):
        a, b = weights
        h = 1 / (1 + anp.exp(-anp.dot(x, a)))
        return anp.sum((anp.dot(h, b) - y) ** 2)

    gradient = grad(loss)
    weights = [w1, w2]

    def step():
        g1, g2 = gradient(weights)
        weights[0] -= LR * g1
        weights[1] -= LR * g2

    return step


def available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    args = parser.parse_args()
    contenders = {"engine": engine_step}
    notes = []
    for name, module, factory in (
        ("pytorch", "torch", torch_step),
        ("autograd", "autograd", autograd_step),
    ):
        if available(module):
            contenders[name] = factory
        else:
            notes.append(f"{name}: skipped ({module} is not installed)")
    print(
        f"numpy {np.__version__}; BLAS threads pinned to 1; "
        f"{args.rounds} interleaved rounds, medians"
    )
    if "pytorch" in contenders:
        import torch

        print(f"torch {torch.__version__} (1 thread)")
    for note in notes:
        print(note)
    header = f"{'size':38s} {'numpy step':>12s}" + "".join(f" {name:>10s}" for name in contenders)
    print(header)
    for label, size in SIZES.items():
        repeat = {1: 2000, 64: 40, 256: 3}[size[0]]
        if args.quick:
            repeat = max(1, repeat // 10)
        candidates = {"numpy": numpy_step(*[a.copy() for a in data(*size)])}
        for name, factory in contenders.items():
            candidates[name] = factory(*[a.copy() for a in data(*size)])
        medians = interleaved_medians(candidates, rounds=args.rounds, repeat=repeat)
        base = medians["numpy"]
        ratios = "".join(f" {medians[name] / base:9.2f}×" for name in contenders)
        print(f"{label:38s} {base * 1e6:9.1f} µs{ratios}", flush=True)


if __name__ == "__main__":
    main()
