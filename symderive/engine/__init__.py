"""A small reverse-mode engine whose rules are derived by SymPy (see :mod:`symderive.ops`)."""

from symderive.engine import functional, nn, optim
from symderive.engine.tensor import Tensor, no_grad

__all__ = ["Tensor", "functional", "nn", "no_grad", "optim"]
