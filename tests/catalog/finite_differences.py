"""Finite differences: the catalog tests' independent reference for derivatives.

Plain floats and NumPy only — never symderive's own gradcheck, so that a bug there cannot hide
a bug in a derivation.  Every formula is the textbook one, with its truncation error:

    f′(a)     ≈ (f(a + h) − f(a − h)) / (2h)                  central, O(h²)
    f′(a⁻)    ≈ (f(a) − f(a − h)) / h                         backward (from the left), O(h)
    f″(a)     ≈ (f(a + h) − 2 f(a) + f(a − h)) / h²           O(h²)
    ∂²f/∂x∂y  ≈ (f(x+h, y+h) − f(x+h, y−h) − f(x−h, y+h) + f(x−h, y−h)) / (4h²)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def central_difference(function: Callable[[float], float], at: float, h: float = 1e-6) -> float:
    """f′(at) ≈ (f(at + h) − f(at − h)) / (2h)."""
    return (function(at + h) - function(at - h)) / (2 * h)


def backward_difference(function: Callable[[float], float], at: float, h: float = 1e-6) -> float:
    """The slope from the left, f′(at⁻) ≈ (f(at) − f(at − h)) / h."""
    return (function(at) - function(at - h)) / h


def _along(
    function: Callable[..., float], point: Sequence[float], position: int
) -> Callable[[float], float]:
    """t ↦ f(x₁, …, t, …, xₙ): ``function`` of n floats with only coordinate ``position`` free."""

    def moved(value: float) -> float:
        coordinates = list(point)
        coordinates[position] = value
        return function(*coordinates)

    return moved


def partial_differences(
    function: Callable[..., float], point: Sequence[float], h: float = 1e-6
) -> list[float]:
    """[∂f/∂x₁, …, ∂f/∂xₙ] at ``point`` by central differences; ``function`` takes n floats."""
    return [central_difference(_along(function, point, i), point[i], h) for i in range(len(point))]


def second_difference(function: Callable[[float], float], at: float, h: float = 1e-4) -> float:
    """f″(at) ≈ (f(at + h) − 2 f(at) + f(at − h)) / h²."""
    return (function(at + h) - 2 * function(at) + function(at - h)) / h**2


def second_partial_differences(
    function: Callable[..., float], point: Sequence[float], h: float = 1e-4
) -> list[float]:
    """The Hessian's diagonal [∂²f/∂x₁², …, ∂²f/∂xₙ²] at ``point``; ``function`` takes n floats."""
    return [second_difference(_along(function, point, i), point[i], h) for i in range(len(point))]


def mixed_second_difference(
    function: Callable[[float, float], float], at: tuple[float, float], h: float = 1e-4
) -> float:
    """∂²f/∂x∂y at (x, y) ≈ (f(x+h, y+h) − f(x+h, y−h) − f(x−h, y+h) + f(x−h, y−h)) / (4h²)."""
    x, y = at
    return (
        function(x + h, y + h)
        - function(x + h, y - h)
        - function(x - h, y + h)
        + function(x - h, y - h)
    ) / (4 * h**2)


def numeric_gradient(
    function: Callable[[], object], array: np.ndarray, h: float = 1e-6
) -> np.ndarray:
    """∂function()/∂array by central differences in every entry of ``array``.

    ``array`` is moved in place (and restored), so ``function`` takes no argument and reads it
    where it lives, e.g. ``numeric_gradient(lambda: loss(x, w), w)``.  ``function()`` may be a
    scalar or an array; the result has shape ``function().shape + array.shape`` — the gradient
    of a scalar has the shape of its variable, ∂q_k/∂W_ij of a vector q is indexed [k, i, j]."""
    columns = []
    for position in np.ndindex(array.shape):
        saved = array[position]
        array[position] = saved + h
        up = np.asarray(function(), dtype=float)
        array[position] = saved - h
        down = np.asarray(function(), dtype=float)
        array[position] = saved
        columns.append((up - down) / (2 * h))
    stacked = np.stack(columns, axis=-1)
    return stacked.reshape(stacked.shape[:-1] + array.shape)
