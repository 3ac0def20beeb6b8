"""Training runs with the engine: the lecture's 2-layer MLP and a small softmax classifier.

The MLP is the one of the notes (CS231n lecture 4): x, y, w1, w2 standard normal with N = 64,
D = 1000, H = 100, C = 10; h = σ(x·w1), ŷ = h·w2, L = Σ(ŷ − y)², w ← w − 1e-4·∇w, 2000 steps.
The classifier is a linear softmax model on three generated Gaussian blobs, trained with Adam.

Each run uses the captured step (:class:`symderive.engine.Replay`) unless ``replay=False``:
then every step builds its graph eagerly. ``on_step(loss)`` is called after every step (a
progress bar, for instance); nothing here prints.
"""

from __future__ import annotations

import ctypes
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from symderive.engine import Replay, Tensor, functional, nn, no_grad, optim

LECTURE_SIZE = (64, 1000, 100, 10)
"""N, D, H, C of the lecture's network."""


@dataclass(frozen=True)
class TrainingRun:
    """The losses of one run (every step) and what they mean."""

    name: str
    losses: tuple[float, ...]
    seconds: float
    accuracy: float | None = None
    engine: str = "replay"

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
            "engine": self.engine,
            "curve": list(curve_points(self.losses)),
        }


def curve_points(losses: tuple[float, ...], count: int = 8) -> list[tuple[int, float]]:
    """(step, loss) at ``count`` evenly spaced steps, first and last included."""
    indices = np.unique(np.linspace(0, len(losses) - 1, count).round().astype(int))
    return [(int(i) + 1, losses[i]) for i in indices]


def _steps(
    loss_fn: Callable[[], Tensor],
    optimizer: optim.Optimizer,
    steps: int,
    replay: bool,
    on_step: Callable[[float], None] | None,
) -> tuple[list[float], float]:
    """Run ``steps`` steps of loss → backward → update; the losses and the seconds taken."""
    losses: list[float] = []
    start = time.perf_counter()
    if replay:
        step = Replay(loss_fn, optimizer.parameters, optimizer=optimizer)
    for _ in range(steps):
        if replay:
            loss = step()
        else:
            loss = loss_fn()
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        losses.append(loss.item())
        if on_step is not None:
            on_step(losses[-1])
    return losses, time.perf_counter() - start


def train_lecture_mlp(
    steps: int,
    lr: float,
    seed: int,
    *,
    replay: bool = True,
    on_step: Callable[[float], None] | None = None,
) -> TrainingRun:
    """The notes' network: sigmoid hidden layer, squared loss, plain gradient descent."""
    rng = np.random.default_rng(seed)
    n, d, h, c = LECTURE_SIZE
    x = Tensor(rng.standard_normal((n, d)))
    y = rng.standard_normal((n, c))
    w1 = Tensor(rng.standard_normal((d, h)), requires_grad=True)
    w2 = Tensor(rng.standard_normal((h, c)), requires_grad=True)
    losses, seconds = _steps(
        lambda: functional.sum_squared_error((x @ w1).sigmoid() @ w2, y),
        optim.SGD([w1, w2], lr=lr),
        steps,
        replay,
        on_step,
    )
    return TrainingRun(
        "lecture 2-layer MLP", tuple(losses), seconds, engine="replay" if replay else "eager"
    )


def blobs(rng: np.random.Generator, per_class: int = 100, classes: int = 3):
    """Three Gaussian clouds in the plane with labels 0, 1, 2."""
    angles = 2 * np.pi * np.arange(classes) / classes
    centers = 3.0 * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    labels = np.repeat(np.arange(classes), per_class)
    points = centers[labels] + rng.standard_normal((labels.size, 2))
    return points, labels


def train_softmax_classifier(
    steps: int,
    seed: int,
    *,
    replay: bool = True,
    on_step: Callable[[float], None] | None = None,
) -> TrainingRun:
    """A linear softmax classifier on generated blobs, Adam, softmax cross-entropy."""
    rng = np.random.default_rng(seed)
    points, labels = blobs(rng)
    model = nn.Linear(2, 3, rng=rng)
    inputs = Tensor(points)
    losses, seconds = _steps(
        lambda: functional.softmax_cross_entropy(model(inputs), labels),
        optim.Adam(model.parameters(), lr=0.05),
        steps,
        replay,
        on_step,
    )
    with no_grad():
        accuracy = float(np.mean(np.argmax(model(inputs).data, axis=1) == labels))
    return TrainingRun(
        "softmax classifier",
        tuple(losses),
        seconds,
        accuracy,
        engine="replay" if replay else "eager",
    )


_BLAS_THREAD_FUNCTIONS = (
    ("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
    ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
    ("openblas_get_num_threads", "openblas_set_num_threads"),
)


@contextmanager
def single_blas_thread() -> Iterator[None]:
    """Run BLAS on one thread (best effort): these matrices are too small to gain from threads,
    and on a busy machine spinning BLAS threads make a step several times slower. NumPy is
    already imported, so environment variables would come too late: threadpoolctl when it is
    installed, else OpenBLAS's own setter found in the process's mapped libraries (Linux).
    SciPy's BLAS (which the replay's fused update calls) is loaded first so the limit covers it.
    """
    try:
        import scipy.linalg.blas  # noqa: F401 - optional; loaded now so its threads are limited
    except ImportError:
        pass
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        threadpool_limits = None
    if threadpool_limits is not None:
        with threadpool_limits(1):
            yield
        return
    get_threads = set_threads = None
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
        for path in sorted(paths):
            library = ctypes.CDLL(path)
            for get_name, set_name in _BLAS_THREAD_FUNCTIONS:
                if hasattr(library, get_name) and hasattr(library, set_name):
                    get_threads = getattr(library, get_name)
                    set_threads = getattr(library, set_name)
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
