"""Interleaved timing: every implementation runs once per round, the median is reported.

Interleaving spreads a busy machine's noise evenly over the implementations instead of
penalising whichever ran during a burst; medians discard the bursts.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def interleaved_medians(
    candidates: dict[str, Callable[[], object]], *, rounds: int, repeat: int
) -> dict[str, float]:
    """Seconds per call (median over rounds of the mean over ``repeat`` calls) per candidate."""
    samples: dict[str, list[float]] = {name: [] for name in candidates}
    for function in candidates.values():  # warm-up: caches, lazily derived rules
        function()
    for _ in range(rounds):
        for name, function in candidates.items():
            start = time.perf_counter()
            for _ in range(repeat):
                function()
            samples[name].append((time.perf_counter() - start) / repeat)
    return {name: statistics.median(values) for name, values in samples.items()}
