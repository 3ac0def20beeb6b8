"""symderive train: the lecture's 2-layer MLP and a small softmax classifier, with the engine.

The MLP is the one of the notes (CS231n lecture 4): x, y, w1, w2 standard normal with N = 64,
D = 1000, H = 100, C = 10; h = σ(x·w1), ŷ = h·w2, L = Σ(ŷ − y)², w ← w − 1e-4·∇w. The lecture
runs 2000 steps (the default: 5–15 s here, depending on load); ``--steps`` changes that.
The classifier is a linear softmax model on three generated Gaussian blobs, trained with Adam.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from symderive.engine import Tensor, functional, nn, no_grad, optim

SPARK = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class TrainingRun:
    """The losses of one run (every step) and what they mean."""

    name: str
    losses: tuple[float, ...]
    seconds: float
    accuracy: float | None = None

    @property
    def fell(self) -> bool:
        return self.losses[-1] < self.losses[0]

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "steps": len(self.losses),
            "first_loss": self.losses[0],
            "final_loss": self.losses[-1],
            "seconds": self.seconds,
            "accuracy": self.accuracy,
            "curve": list(curve_points(self.losses)),
        }


def curve_points(losses: tuple[float, ...], count: int = 8) -> list[tuple[int, float]]:
    """(step, loss) at ``count`` evenly spaced steps, first and last included."""
    indices = np.unique(np.linspace(0, len(losses) - 1, count).round().astype(int))
    return [(int(i) + 1, losses[i]) for i in indices]


def sparkline(losses: tuple[float, ...], width: int = 40) -> str:
    """The loss curve on a log scale, one block character per bucket of steps."""
    values = np.log10(np.maximum(np.asarray(losses), 1e-300))
    buckets = np.array_split(values, min(width, len(values)))
    means = np.array([bucket.mean() for bucket in buckets])
    low, high = means.min(), means.max()
    span = high - low or 1.0
    return "".join(SPARK[int((m - low) / span * (len(SPARK) - 1))] for m in means)


def train_lecture_mlp(steps: int, lr: float, seed: int, progress: Progress | None) -> TrainingRun:
    """The notes' network: sigmoid hidden layer, squared loss, plain gradient descent."""
    rng = np.random.default_rng(seed)
    n, d, h, c = 64, 1000, 100, 10
    x = Tensor(rng.standard_normal((n, d)))
    y = rng.standard_normal((n, c))
    w1 = Tensor(rng.standard_normal((d, h)), requires_grad=True)
    w2 = Tensor(rng.standard_normal((h, c)), requires_grad=True)
    optimizer = optim.SGD([w1, w2], lr=lr)
    task = (
        progress.add_task("2-layer MLP (N=64, D=1000, H=100, C=10)", total=steps, loss=math.nan)
        if progress
        else None
    )
    losses = []
    start = time.perf_counter()
    for _ in range(steps):
        loss = functional.sum_squared_error((x @ w1).sigmoid() @ w2, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
        if progress is not None:
            progress.update(task, advance=1, loss=losses[-1])
    return TrainingRun("lecture 2-layer MLP", tuple(losses), time.perf_counter() - start)


def blobs(rng: np.random.Generator, per_class: int = 100, classes: int = 3):
    """Three Gaussian clouds in the plane with labels 0, 1, 2."""
    centers = 3.0 * np.stack(
        [
            np.cos(2 * np.pi * np.arange(classes) / classes),
            np.sin(2 * np.pi * np.arange(classes) / classes),
        ],
        axis=1,
    )
    labels = np.repeat(np.arange(classes), per_class)
    points = centers[labels] + rng.standard_normal((labels.size, 2))
    return points, labels


def train_softmax_classifier(steps: int, seed: int, progress: Progress | None) -> TrainingRun:
    """A linear softmax classifier on generated blobs, Adam, softmax cross-entropy."""
    rng = np.random.default_rng(seed)
    points, labels = blobs(rng)
    model = nn.Linear(2, 3, rng=rng)
    optimizer = optim.Adam(model.parameters(), lr=0.05)
    inputs = Tensor(points)
    task = (
        progress.add_task("softmax classifier (3 blobs, Adam)", total=steps, loss=math.nan)
        if progress
        else None
    )
    losses = []
    start = time.perf_counter()
    for _ in range(steps):
        loss = functional.softmax_cross_entropy(model(inputs), labels)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
        if progress is not None:
            progress.update(task, advance=1, loss=losses[-1])
    with no_grad():
        accuracy = float(np.mean(np.argmax(model(inputs).data, axis=1) == labels))
    return TrainingRun("softmax classifier", tuple(losses), time.perf_counter() - start, accuracy)


_BLAS_THREAD_FUNCTIONS = (
    ("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
    ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
    ("openblas_get_num_threads", "openblas_set_num_threads"),
)


@contextmanager
def single_blas_thread() -> Iterator[None]:
    """Run OpenBLAS on one thread (best effort, Linux): these matrices are too small to gain
    from threads, and on a busy machine spinning BLAS threads make a step several times slower.
    NumPy is already imported, so the environment variables would come too late."""
    library = get_threads = set_threads = None
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
        for path in sorted(paths):
            library = ctypes.CDLL(path)
            for get_name, set_name in _BLAS_THREAD_FUNCTIONS:
                if hasattr(library, get_name) and hasattr(library, set_name):
                    get_threads, set_threads = (
                        getattr(library, get_name),
                        getattr(library, set_name),
                    )
                    break
            if set_threads is not None:
                break
    except OSError:
        set_threads = None
    if set_threads is None:
        yield
        return
    previous = get_threads()
    set_threads(1)
    try:
        yield
    finally:
        set_threads(previous)


def register(subparsers) -> None:
    from symderive.render.console import add_common_options

    parser = subparsers.add_parser(
        "train", help="train the lecture's 2-layer MLP and a softmax classifier with the engine"
    )
    parser.add_argument(
        "--steps", type=_positive, default=2000, help="MLP steps (the lecture: 2000)"
    )
    parser.add_argument("--lr", type=float, default=1e-4, help="MLP learning rate (lecture: 1e-4)")
    parser.add_argument(
        "--classifier-steps", type=_positive, default=200, help="softmax classifier steps"
    )
    parser.add_argument("--seed", type=int, default=0)
    add_common_options(parser)
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer, not {text!r}")
    return value


def run(args, console) -> int:
    show_progress = not args.json
    progress = (
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TextColumn("loss {task.fields[loss]:.4g}"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        if show_progress
        else None
    )
    if progress is not None:
        progress.start()
    try:
        with single_blas_thread():
            runs = [
                train_lecture_mlp(args.steps, args.lr, args.seed, progress),
                train_softmax_classifier(args.classifier_steps, args.seed, progress),
            ]
    finally:
        if progress is not None:
            progress.stop()
    fell = all(run.fell and math.isfinite(run.losses[-1]) for run in runs)
    if args.json:
        console.print_json(json.dumps({"loss_fell": fell, "runs": [r.as_dict() for r in runs]}))
        return 0 if fell else 1
    for run_ in runs:
        console.print(f"[bold]{run_.name}[/]: {len(run_.losses)} steps in {run_.seconds:.1f} s")
        console.print(
            f"  loss {run_.losses[0]:.6g} → {run_.losses[-1]:.6g}   {sparkline(run_.losses)}"
        )
        console.print(
            "  " + "  ".join(f"step {step}: {loss:.4g}" for step, loss in curve_points(run_.losses))
        )
        if run_.accuracy is not None:
            console.print(f"  training accuracy {run_.accuracy:.1%}")
    console.print("loss fell in both runs" if fell else "[red]the loss did not fall[/]")
    return 0 if fell else 1
