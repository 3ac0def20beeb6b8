"""A small reverse-mode engine whose rules are derived by SymPy (see :mod:`symderive.ops`).

Eager mode builds a graph per call (:class:`Tensor`); :class:`Replay` records a training step
once and replays it over fixed buffers.
"""

from symderive.engine import functional, nn, optim
from symderive.engine.checks import EngineInputError
from symderive.engine.replay import Replay, ReplayRecorded
from symderive.engine.tensor import Tensor, no_grad

__all__ = [
    "EngineInputError",
    "Replay",
    "ReplayRecorded",
    "Tensor",
    "functional",
    "nn",
    "no_grad",
    "optim",
]
