"""A real time budget: each check runs in a forked worker process that is killed at its deadline.

SymPy cannot be interrupted inside a thread, so the only honest budget is a process.  The
worker streams every outcome it reaches (numeric verdict, quick proof, thorough proof); at the
deadline the parent keeps the best outcome so far — a *checked* verdict survives a proof that
ran out of time — and otherwise reports *undecided*.  Several workers may run at once.

The budget counts the worker's CPU time where the system reports it (Linux ``/proc``), so a
verdict does not depend on how busy the machine is; a wall-clock cap of
``WALL_FACTOR × budget + WALL_SLACK`` seconds still bounds every check, so nothing hangs.

The budget bounds the search for a *better* verdict, not the first one: a check that has
reached no verdict at all when its budget is spent may run on to ``FIRST_VERDICT_GRACE ×
budget`` for its first (the numeric check of a derivative of a sum written out at nine sizes
takes 1.2–1.9 s of a 2 s budget on one machine and more on a slower one: without the grace
the same claim was *checked* on one machine and *undecided* on the next).  The first outcome
that arrives after the budget ends the check.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import wait

import sympy as sp

from symderive.check.context import CheckContext
from symderive.check.decide import decide
from symderive.errors import CHECKER_ERROR, TIME_LIMIT_REACHED, TimeLimitExpired
from symderive.report import Outcome

WALL_FACTOR = 4.0
WALL_SLACK = 2.0
FIRST_VERDICT_GRACE = 3.0
POLL_SECONDS = 0.05
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process from /proc, or None where that is unavailable."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return None


def _allowed(budget_seconds: float, has_outcome: bool) -> float:
    """CPU seconds a check may use: its budget once it has a verdict, else the grace."""
    return budget_seconds if has_outcome else FIRST_VERDICT_GRACE * budget_seconds


def _over_budget(process, started: float, budget_seconds: float, now: float) -> bool:
    wall = now - started
    if wall >= WALL_FACTOR * budget_seconds + WALL_SLACK:
        return True
    used = cpu_seconds(process.pid)
    if used is None:
        return wall >= budget_seconds
    return used >= budget_seconds


@dataclass(frozen=True)
class Task:
    key: Hashable
    lhs: sp.Basic
    rhs: sp.Basic
    relation: str
    context: CheckContext
    seed: int = 0


PR_SET_PDEATHSIG = 1
WATCHDOG_SECONDS = 0.5


def die_with_parent(parent_pid: int) -> None:
    """Make this worker die when its parent does: the kernel's parent-death signal
    (``prctl(PR_SET_PDEATHSIG, SIGKILL)`` on Linux), and a watchdog thread that polls the
    parent pid where prctl is unavailable (or the parent died before prctl took effect)."""
    import ctypes
    import signal
    import threading

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:  # the parent died before prctl was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCHDOG_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


DEEP_STACK_BYTES = 256 << 20  # the main thread's stack may grow this far in a worker
DEEP_RECURSION = 20_000  # SymPy's assumptions recurse once per level of a nested expression


def deepen_recursion() -> None:
    """Let SymPy recurse through the deepest expression the grammar accepts (100 levels of
    sigmoid(sigmoid(…)) recursed past Python's 1000 frames in SymPy's assumptions: round 14b
    F8). The recursion limit is raised only as far as the stack may grow."""
    import resource

    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
        if soft != resource.RLIM_INFINITY and soft < DEEP_STACK_BYTES:
            wanted = DEEP_STACK_BYTES if hard == resource.RLIM_INFINITY else min(
                DEEP_STACK_BYTES, hard)
            resource.setrlimit(resource.RLIMIT_STACK, (wanted, hard))
            soft = wanted
    except (ValueError, OSError):
        return
    frames = DEEP_RECURSION if soft == resource.RLIM_INFINITY else min(
        DEEP_RECURSION, soft // 8192)  # (a frame of SymPy's recursion uses well under 8 kB)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), frames))


def _worker(connection, task: Task, parent_pid: int | None = None) -> None:
    if parent_pid is not None:
        die_with_parent(parent_pid)
    deepen_recursion()
    sent = False
    try:
        for outcome in decide(task.lhs, task.rhs, task.relation, task.context, task.seed):
            connection.send(outcome)
            sent = True
    except TimeLimitExpired:
        if not sent:
            connection.send(Outcome("undecided", reason=TIME_LIMIT_REACHED))
    except BaseException as error:  # noqa: BLE001 - any failure becomes an honest 'undecided'
        # a failure in a later phase (a proof attempt) must not overwrite a verdict already
        # reached (a numeric check): the parent keeps the last outcome it received
        if not sent:
            message = " ".join(str(error).split())[:200]
            connection.send(Outcome("undecided", reason=(
                f"{CHECKER_ERROR}: {type(error).__name__}: {message}{_raised_at(error)}")))
    finally:
        connection.close()


def _raised_at(error: BaseException) -> str:
    """`` (raised at symderive/check/sampling.py:255)``: the innermost line of symderive in the
    exception's traceback, so that a report of the bug can name it ('' when there is none)."""
    import traceback

    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if "symderive" in frame.filename.replace("\\", "/").split("/")]
    if not frames:
        return ""
    path = frames[-1].filename.replace("\\", "/")
    return f" (raised at {path[path.rindex('symderive/'):]}:{frames[-1].lineno})"


def _finalize(latest: Outcome | None, budget_seconds: float, timed_out: bool) -> Outcome:
    if latest is None:
        reason = (
            f"time budget of {budget_seconds:g} s (CPU) exceeded (no verdict within "
            f"{_allowed(budget_seconds, False):g} s)"
            if timed_out
            else "the worker stopped without an outcome"
        )
        spent = _allowed(budget_seconds, False) if timed_out else 0.0
        return Outcome("undecided", reason=reason, seconds=spent)
    if timed_out and latest.verdict == "checked":
        note = f"symbolic attempts did not finish within {budget_seconds:g} s"
        return replace(latest, reason=(latest.reason + "; " if latest.reason else "") + note)
    return latest


def _is_final(outcome: Outcome) -> bool:
    return outcome.verdict in ("proved", "refuted")


def run_tasks(
    tasks: Sequence[Task],
    budget_seconds: float = 2.0,
    jobs: int = 1,
    on_done: Callable[[Task, Outcome], None] | None = None,
) -> dict[Hashable, Outcome]:
    """Run every task under its own budget, ``jobs`` at a time; returns key → outcome."""
    if budget_seconds <= 0:
        raise ValueError("the time budget must be positive")
    results: dict[Hashable, Outcome] = {}
    if not hasattr(os, "fork"):
        return _run_in_process(tasks, on_done)
    context = multiprocessing.get_context("fork")
    pending = list(tasks)
    running: dict = {}  # connection -> [task, process, start time, latest outcome]
    while pending or running:
        while pending and len(running) < max(1, jobs):
            task = pending.pop(0)
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(
                target=_worker, args=(sender, task, os.getpid()), daemon=True
            )
            process.start()
            sender.close()
            running[receiver] = [task, process, time.monotonic(), None]
        ready = wait(list(running), timeout=POLL_SECONDS)
        finished: dict = {}  # connection -> timed out?
        for connection in ready:
            entry = running[connection]
            try:
                outcome = connection.recv()
                entry[3] = outcome
                if _is_final(outcome):
                    finished[connection] = False
            except (EOFError, OSError):
                finished[connection] = False
        now = time.monotonic()
        for connection, (_, process, started, latest) in running.items():
            allowed = _allowed(budget_seconds, latest is not None)
            if connection not in finished and _over_budget(process, started, allowed, now):
                finished[connection] = True
        for connection, timed_out in finished.items():
            task, process, _, latest = running.pop(connection)
            if process.is_alive():
                process.kill()
            process.join(timeout=5)
            connection.close()
            outcome = _finalize(latest, budget_seconds, timed_out)
            results[task.key] = outcome
            if on_done:
                on_done(task, outcome)
    return results


def _run_in_process(tasks, on_done) -> dict:
    """Fallback where fork is unavailable: no hard budget (documented limitation)."""
    results = {}
    for task in tasks:
        latest = None
        for outcome in decide(task.lhs, task.rhs, task.relation, task.context, task.seed):
            latest = outcome
        outcome = _finalize(latest, 0.0, False)
        results[task.key] = outcome
        if on_done:
            on_done(task, outcome)
    return results
