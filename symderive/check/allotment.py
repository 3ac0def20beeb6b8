"""The CPU time a checking worker was given, so that optional passes can share it.

:mod:`symderive.check.budget` runs each check in a forked worker and kills it at its budget;
a pass that only adds evidence (evaluating every combination of index values) must leave time
for the verdict it adds to, so it stops early and the verdict says so.  A forked process starts
with zero CPU time, so ``time.process_time()`` in the worker is what the budget counts.
"""

from __future__ import annotations

import time

CPU_SECONDS: float | None = None  # set in the worker; None: no budget known (no fork)


def spent_more_than(share: float) -> bool:
    """The worker has used more than ``share`` of its CPU budget (False with no budget)."""
    return CPU_SECONDS is not None and time.process_time() > share * CPU_SECONDS
