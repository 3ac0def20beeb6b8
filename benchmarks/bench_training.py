"""A training step of the lecture's 2-layer MLP: engine (eager, replay) vs hand-written NumPy.

    .venv/bin/python benchmarks/bench_training.py [--rounds 15] [--clock cpu] [--sizes tiny]

One BLAS thread: OMP/OPENBLAS/MKL_NUM_THREADS are set to 1 below, before NumPy loads, and
threadpoolctl (when installed) limits every loaded BLAS to one thread and names its kernel.

Step = forward (h = σ(x·w1), ŷ = h·w2, L = Σ(ŷ − y)²), backward, and w ← w − η·∇w with the
lecture's η = 1e-4 (scaled down at the large size so the weights stay finite). Contenders:

* ``numpy``: the lecture's hand-written step, as the notes write it (the baseline);
* ``eager``: the engine, a graph built per step, ``backward()``, ``optim.SGD``;
* ``replay``: ``engine.Replay`` with ``optim.SGD`` (the update folded into the weight-gradient
  GEMM where SciPy is importable);
* ``jax-jit`` and ``pytorch`` (eager, 1 thread) when installed — neither is a dependency.

Every round runs each contender in turn (interleaved); a contender's ratio in a round is its
time over NumPy's time in the same round. Printed: the median ratio and its min–max over rounds.
"""

from __future__ import annotations

import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"
os.environ.setdefault(
    "XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
)

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import interleaved_samples, paired_ratios  # noqa: E402

from symderive.engine import Replay, Tensor, functional, optim  # noqa: E402

SIZES = {
    "tiny (N=1, D=3, H=4, C=2)": ((1, 3, 4, 2), np.float64, 2000),
    "lecture (N=64, D=1000, H=100, C=10)": ((64, 1000, 100, 10), np.float64, 40),
    "large (N=256, D=3072, H=512, C=10)": ((256, 3072, 512, 10), np.float64, 3),
    "lecture, float32": ((64, 1000, 100, 10), np.float32, 60),
}
LECTURE_LR = 1e-4


def learning_rate(n: int, d: int) -> float:
    """The lecture's 1e-4, scaled down for larger N·D so no contender diverges into inf/NaN."""
    return min(LECTURE_LR, LECTURE_LR * 64 * 1000 / (n * d))


def data(n, d, h, c, dtype=np.float64):
    global LR
    LR = learning_rate(n, d)
    rng = np.random.default_rng(0)
    scale = 1 / np.sqrt(d)  # keeps σ out of saturation at every size (same for every contender)
    arrays = (
        rng.standard_normal((n, d)),
        rng.standard_normal((n, c)),
        rng.standard_normal((d, h)) * scale,
        rng.standard_normal((h, c)),
    )
    return [a.astype(dtype) for a in arrays]


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


def replay_step(x, y, w1, w2):
    inputs = Tensor(x)
    t1, t2 = Tensor(w1, requires_grad=True), Tensor(w2, requires_grad=True)
    return Replay(
        lambda: functional.sum_squared_error((inputs @ t1).sigmoid() @ t2, y),
        [t1, t2],
        optimizer=optim.SGD([t1, t2], lr=LR),
    )


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


def jax_step(x, y, w1, w2):
    import jax
    import jax.numpy as jnp

    jax.config.update("jax_enable_x64", True)
    lr = LR

    def loss(weights, inputs, targets):
        a, b = weights
        h = jax.nn.sigmoid(inputs @ a)
        return jnp.sum((h @ b - targets) ** 2)

    @jax.jit
    def update(weights, inputs, targets):
        value, (g1, g2) = jax.value_and_grad(loss)(weights, inputs, targets)
        return (weights[0] - lr * g1, weights[1] - lr * g2), value

    state = {"weights": (jnp.asarray(w1), jnp.asarray(w2))}
    jx, jy = jnp.asarray(x), jnp.asarray(y)

    def step():
        state["weights"], value = update(state["weights"], jx, jy)
        return value.block_until_ready()

    return step


def available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def blas_description() -> str:
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError:
        return "threadpoolctl not installed: BLAS threads pinned by environment variables only"
    threadpool_limits(1)
    pools = [
        f"{pool['internal_api']} {pool.get('version', '')} {pool.get('architecture', '')} "
        f"({pool['num_threads']} thread)"
        for pool in threadpool_info()
    ]
    return "BLAS: " + "; ".join(pools)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    parser.add_argument("--sizes", nargs="*", help="only the sizes whose label starts so")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall time (default) or this process's CPU time (less sensitive to other jobs)",
    )
    args = parser.parse_args()
    contenders = {"eager": engine_step, "replay": replay_step}
    notes = []
    for name, module, factory in (("jax-jit", "jax", jax_step), ("pytorch", "torch", torch_step)):
        if available(module):
            contenders[name] = factory
        else:
            notes.append(f"{name}: skipped ({module} is not installed)")
    try:
        import scipy

        notes.append(f"scipy {scipy.__version__}: replay folds SGD into the gemm")
    except ImportError:
        notes.append("scipy not installed: replay updates with NumPy after the gradient")
    print(f"numpy {np.__version__}; {blas_description()}")
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (2 cores)")
    print(
        f"{args.rounds} interleaved rounds, {args.clock} clock; ratio = time / numpy time in "
        "the same round, median (min–max)"
    )
    for note in notes:
        print(note)
    print(f"{'size':38s} {'numpy step':>11s}" + "".join(f" {name:>22s}" for name in contenders))
    for label, (size, dtype, repeat) in SIZES.items():
        if args.sizes and not any(label.startswith(prefix) for prefix in args.sizes):
            continue
        if args.quick:
            repeat = max(1, repeat // 10)
        candidates = {"numpy": numpy_step(*data(*size, dtype))}
        for name, factory in contenders.items():
            candidates[name] = factory(*data(*size, dtype))
        clock = time.perf_counter if args.clock == "wall" else time.process_time
        samples = interleaved_samples(candidates, rounds=args.rounds, repeat=repeat, clock=clock)
        base = sorted(samples["numpy"])[len(samples["numpy"]) // 2]
        ratios = paired_ratios(samples, "numpy")
        cells = "".join(f" {str(ratios[name]):>22s}" for name in contenders)
        print(f"{label:38s} {base * 1e6:8.1f} µs{cells}", flush=True)
    print(f"load average after {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
