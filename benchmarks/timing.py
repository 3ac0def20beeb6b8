"""Interleaved timing: every implementation runs once per round, the median is reported.

Interleaving spreads a busy machine's noise evenly over the implementations instead of
penalising whichever ran during a burst; medians discard the bursts. Paired ratios divide each
contender's time by the baseline's time *in the same round*, so a slow round slows both.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


def interleaved_medians(
    candidates: dict[str, Callable[[], object]], *, rounds: int, repeat: int
) -> dict[str, float]:
    """Seconds per call (median over rounds of the mean over ``repeat`` calls) per candidate."""
    samples = interleaved_samples(candidates, rounds=rounds, repeat=repeat)
    return {name: statistics.median(values) for name, values in samples.items()}


def interleaved_samples(
    candidates: dict[str, Callable[[], object]],
    *,
    rounds: int,
    repeat: int,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, list[float]]:
    """Seconds per call in each round (the mean over ``repeat`` calls), per candidate.

    ``clock=time.process_time`` counts the CPU time of this process only (one BLAS thread):
    on a machine shared with other jobs it leaves out the time spent waiting for a core.
    """
    samples: dict[str, list[float]] = {name: [] for name in candidates}
    for function in candidates.values():  # warm-up: caches, lazily derived rules, recording
        function()
        function()
    for _ in range(rounds):
        for name, function in candidates.items():
            start = clock()
            for _ in range(repeat):
                function()
            samples[name].append((clock() - start) / repeat)
    return samples


@dataclass(frozen=True)
class PairedRatio:
    """time(contender)/time(baseline) per round: the median and the range over rounds."""

    median: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.median:.2f}× ({self.low:.2f}–{self.high:.2f})"


def paired_ratios(samples: dict[str, list[float]], baseline: str) -> dict[str, PairedRatio]:
    base = samples[baseline]
    ratios = {}
    for name, values in samples.items():
        if name == baseline:
            continue
        per_round = [value / reference for value, reference in zip(values, base)]
        ratios[name] = PairedRatio(statistics.median(per_round), min(per_round), max(per_round))
    return ratios
