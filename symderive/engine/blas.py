"""SciPy's BLAS routines where SciPy is importable (it is optional, not a dependency).

One place decides whether a routine is available for a dtype; the engine falls back to NumPy
when :func:`routine` returns None.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import numpy as np


@functools.cache
def routine(name: str, dtype: np.dtype) -> Callable | None:
    """SciPy's BLAS ``name`` (``"gemm"``, ``"axpy"``) for ``dtype``; None without SciPy or for
    a dtype other than float32/float64."""
    if np.dtype(dtype) not in (np.float32, np.float64):
        return None
    try:
        from scipy.linalg import blas
    except ImportError:
        return None
    return blas.get_blas_funcs(name, dtype=np.dtype(dtype))


def transposed_product(a: np.ndarray, g: np.ndarray, holder=None) -> np.ndarray:
    """Aᵀ·G, C-ordered — the weight gradient of A·W ('affine-backward': ∂L/∂W = Xᵀ·G).

    With SciPy, one ``gemm`` computing Gᵀ·A into the transposed result (the layout OpenBLAS
    runs fastest for a tall weight, measured in ``benchmarks/``); otherwise ``ndarray.dot``.
    ``holder`` (the weight's Tensor) keeps the array of the previous call in ``spare``: when
    nothing else refers to it any more (the optimizer dropped ``.grad``, no view of it is
    alive), the product is written into it instead of a fresh allocation.
    """
    gemm = routine("gemm", a.dtype) if a.dtype == g.dtype and a.ndim == 2 == g.ndim else None
    spare = _unshared(holder, (g.shape[1], a.shape[1]) if gemm else (a.shape[1], g.shape[1]))
    if gemm is None:
        product = a.T.dot(g) if spare is None else np.dot(a.T, g, spare)
        if holder is not None:
            holder.spare = product
        return product
    # positional arguments (alpha, a, b, beta, c, trans_a, trans_b, overwrite_c): f2py parses
    # them faster than keywords
    product = gemm(1.0, g.T, a.T, 0.0, spare, 0, 1, 1)
    if holder is not None:
        holder.spare = product
    return product.T


def _unshared(holder, shape: tuple[int, int]) -> np.ndarray | None:
    """The holder's spare array when it has ``shape`` and only the holder refers to it."""
    spare = None if holder is None else holder.spare
    if spare is None or spare.shape != shape or sys.getrefcount(spare) != _UNSHARED:
        return None
    return spare


class _Holder:
    __slots__ = ("spare",)


def _count_of_an_unshared_spare() -> int:
    """sys.getrefcount of a spare that only its holder refers to, as :func:`_unshared` sees it
    (measured, not assumed: the count includes the interpreter's own temporary references)."""
    holder = _Holder()
    holder.spare = np.empty((1, 1))
    spare = holder.spare
    return sys.getrefcount(spare)


_UNSHARED = _count_of_an_unshared_spare()
