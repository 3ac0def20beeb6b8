"""SciPy's BLAS routines where SciPy is importable (it is optional, not a dependency).

One place decides whether a routine is available for a dtype; the engine falls back to NumPy
when :func:`routine` returns None.
"""

from __future__ import annotations

import functools
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


def transposed_product(a: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Aᵀ·G, C-ordered — the weight gradient of A·W ('affine-backward': ∂L/∂W = Xᵀ·G).

    With SciPy, one ``gemm`` computing Gᵀ·A into the transposed result (the layout OpenBLAS
    runs fastest for a tall weight, measured in ``benchmarks/``); otherwise ``ndarray.dot``.
    """
    gemm = routine("gemm", a.dtype) if a.dtype == g.dtype and a.ndim == 2 == g.ndim else None
    if gemm is None:
        return a.T.dot(g)
    return gemm(1.0, g.T, a.T, trans_b=1).T
