"""Optimizers; each update rule is the one derived in the catalog entry named in ``proven_by``.

Updates run in place on ``parameter.data`` (no graph is recorded). Per-parameter state
(velocity, squared-gradient caches) is kept in arrays allocated once. Everything that can
refuse a step is checked for every parameter before any is written (a step is applied whole or
not at all): a read-only array (whichever path, SciPy's BLAS or NumPy, the update would take),
a gradient of another shape than its weight, and state made for another shape than the weight
now has. Each is an :class:`EngineInputError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from symderive.engine import blas
from symderive.engine.checks import EngineInputError
from symderive.engine.tensor import Tensor


class Optimizer:
    proven_by: tuple[str, ...] = ()

    def __init__(self, parameters: Iterable[Tensor], lr: float) -> None:
        self.parameters = list(parameters)
        self.lr = lr

    def zero_grad(self) -> None:
        for parameter in self.parameters:
            parameter.grad = None

    def step(self) -> None:
        updates = [
            (index, parameter.data, parameter.grad)
            for index, parameter in enumerate(self.parameters)
            if parameter.grad is not None
        ]
        for index, weights, gradient in updates:  # refuse before writing anything
            self.refuse(index, weights, gradient)
        self.advance()
        for index, weights, gradient in updates:
            self.update(index, weights, gradient)

    def refuse(self, index: int, weights: np.ndarray, gradient: np.ndarray) -> None:
        """Raise :class:`EngineInputError` if this parameter's update cannot be applied."""
        name = type(self).__name__
        if not weights.flags.writeable:
            raise read_only_parameter(name, index, weights)
        if np.shape(gradient) != weights.shape:
            raise EngineInputError(
                name,
                f"parameter {index} has shape {weights.shape} but its gradient has shape "
                f"{np.shape(gradient)}",
            )
        for state in self.state(index):
            if state.shape != weights.shape:
                raise EngineInputError(
                    name,
                    f"parameter {index} has shape {weights.shape} but the optimizer's state "
                    f"for it was made for shape {state.shape} (the parameter changed shape "
                    "after the optimizer was made): make a new optimizer for the new shapes",
                )

    def state(self, index: int) -> tuple[np.ndarray, ...]:
        """The arrays kept for parameter ``index`` (velocity, caches, moments)."""
        return ()

    def advance(self) -> None:
        """Count a step, once every parameter was found updatable (Adam's t)."""

    def update(self, index: int, weights: np.ndarray, gradient: np.ndarray) -> None:
        raise NotImplementedError


def read_only_parameter(optimizer: str, index: int, weights: np.ndarray) -> EngineInputError:
    """The error for an update that would have to write into a read-only array.

    NumPy refuses such a write, but SciPy's BLAS copies a read-only operand, updates the copy
    and drops it: the weight would silently never change. Every optimizer checks the flag first,
    so both paths say the same thing.
    """
    return EngineInputError(
        optimizer,
        f"parameter {index} (shape {weights.shape}, {weights.dtype}) is a read-only array "
        "(its writeable flag is False, as for np.frombuffer of bytes); the update cannot write "
        "into it: give the Tensor a writeable copy (tensor.data = tensor.data.copy())",
    )


def blas_axpy(dtype: np.dtype) -> Callable | None:
    """SciPy's BLAS ``axpy`` (y ← a·x + y in one pass) for ``dtype``, or None without SciPy.

    SciPy is optional (not a dependency of symderive): without it the updates take two NumPy
    passes. With it the update is a fused multiply-add, so w − η·g is rounded once instead of
    twice (the two differ by at most one rounding of w).
    """
    return blas.routine("axpy", dtype)


class SGD(Optimizer):
    """w ← w − η·g ('sgd-update'): one BLAS axpy pass where SciPy is importable, else η·g into
    a buffer kept per parameter (no temporary) and a subtraction."""

    proven_by = ("sgd-update",)

    def __init__(self, parameters: Iterable[Tensor], lr: float) -> None:
        super().__init__(parameters, lr)
        self.scaled: list[np.ndarray | None] = [None] * len(self.parameters)
        self.axpy = {dtype: blas_axpy(dtype) for dtype in {p.data.dtype for p in self.parameters}}

    def update(self, index: int, weights: np.ndarray, gradient: np.ndarray) -> None:
        axpy = self.axpy.get(weights.dtype)
        if (
            axpy is not None
            and gradient.dtype == weights.dtype
            and gradient.shape == weights.shape
            and weights.flags.c_contiguous
            and gradient.flags.c_contiguous
        ):
            axpy(gradient.reshape(-1), weights.reshape(-1), gradient.size, -self.lr)  # x, y, n, a
            return
        scaled = self.scaled[index]
        if scaled is None or scaled.shape != gradient.shape or scaled.dtype != gradient.dtype:
            scaled = self.scaled[index] = np.empty_like(gradient)
        np.multiply(gradient, self.lr, out=scaled)
        weights -= scaled


class Momentum(Optimizer):
    """v ← μ·v − η·g; w ← w + v ('momentum-update')."""

    proven_by = ("momentum-update",)

    def __init__(self, parameters: Iterable[Tensor], lr: float, momentum: float = 0.9) -> None:
        super().__init__(parameters, lr)
        self.momentum = momentum
        self.velocity = [np.zeros_like(p.data) for p in self.parameters]

    def state(self, index: int) -> tuple[np.ndarray, ...]:
        return (self.velocity[index],)

    def update(self, index: int, weights: np.ndarray, gradient: np.ndarray) -> None:
        velocity = self.velocity[index]
        velocity *= self.momentum
        velocity -= self.lr * gradient
        weights += velocity


class AdaGrad(Optimizer):
    """c ← c + g²; w ← w − η·g/(√c + ε) ('adagrad-update')."""

    proven_by = ("adagrad-update",)

    def __init__(self, parameters: Iterable[Tensor], lr: float, eps: float = 1e-7) -> None:
        super().__init__(parameters, lr)
        self.eps = eps
        self.cache = [np.zeros_like(p.data) for p in self.parameters]

    def state(self, index: int) -> tuple[np.ndarray, ...]:
        return (self.cache[index],)

    def update(self, index: int, weights: np.ndarray, gradient: np.ndarray) -> None:
        cache = self.cache[index]
        cache += gradient * gradient
        weights -= self.lr * gradient / (np.sqrt(cache) + self.eps)


class RMSProp(Optimizer):
    """c ← ρ·c + (1 − ρ)·g²; w ← w − η·g/(√c + ε) ('rmsprop-update')."""

    proven_by = ("rmsprop-update",)

    def __init__(
        self, parameters: Iterable[Tensor], lr: float, decay: float = 0.99, eps: float = 1e-8
    ) -> None:
        super().__init__(parameters, lr)
        self.decay = decay
        self.eps = eps
        self.cache = [np.zeros_like(p.data) for p in self.parameters]

    def state(self, index: int) -> tuple[np.ndarray, ...]:
        return (self.cache[index],)

    def update(self, index: int, weights: np.ndarray, gradient: np.ndarray) -> None:
        cache = self.cache[index]
        cache *= self.decay
        cache += (1 - self.decay) * gradient * gradient
        weights -= self.lr * gradient / (np.sqrt(cache) + self.eps)


class Adam(Optimizer):
    """m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; w ← w − η·m̂/(√v̂ + ε) ('adam-update').

    m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ) are the bias-corrected moments at step t (from 1).
    """

    proven_by = ("adam-update",)

    def __init__(
        self,
        parameters: Iterable[Tensor],
        lr: float = 1e-3,
        beta1: float = 0.9,
        beta2: float = 0.999,
        eps: float = 1e-8,
    ) -> None:
        super().__init__(parameters, lr)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.first = [np.zeros_like(p.data) for p in self.parameters]
        self.second = [np.zeros_like(p.data) for p in self.parameters]
        self.steps = 0

    def state(self, index: int) -> tuple[np.ndarray, ...]:
        return self.first[index], self.second[index]

    def advance(self) -> None:
        self.steps += 1

    def update(self, index: int, weights: np.ndarray, gradient: np.ndarray) -> None:
        first, second = self.first[index], self.second[index]
        first *= self.beta1
        first += (1 - self.beta1) * gradient
        second *= self.beta2
        second += (1 - self.beta2) * gradient * gradient
        first_hat = first / (1 - self.beta1**self.steps)
        second_hat = second / (1 - self.beta2**self.steps)
        weights -= self.lr * first_hat / (np.sqrt(second_hat) + self.eps)


OPTIMIZERS = {cls.__name__: cls for cls in (SGD, Momentum, AdaGrad, RMSProp, Adam)}
