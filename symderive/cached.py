"""The checker's public entry points with the result cache (:mod:`symderive.cache`) in front.

* :func:`run_tasks_cached` — :func:`symderive.check.budget.run_tasks` for the steps not in the
  cache; the known ones are answered at once;
* :func:`check_catalog_cached` / :func:`check_derivation_cached` — the catalog's reports, built
  by :mod:`symderive.check`'s own ``tasks_for`` and ``build_report``;
* :func:`check_notes_cached` — note files whose bytes are unchanged come from the cache whole;
  the others are checked together by :func:`symderive.notes.check_notes.check_files`.

Results are identical with or without the cache and for any number of jobs: each step's seed
depends only on the step, and its outcome only on the step, its context, the seed and the budget.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterable, Sequence

from symderive.cache import ResultCache, catalog_key, is_transient, note_key, step_key

__all__ = [
    "cached_catalog_run",
    "check_catalog_cached",
    "check_derivation_cached",
    "check_notes_cached",
    "run_tasks_cached",
]


def run_tasks_cached(
    tasks: Sequence,
    budget_seconds: float,
    jobs: int,
    on_done: Callable | None = None,
    *,
    results: ResultCache,
) -> dict[Hashable, object]:
    """:func:`symderive.check.budget.run_tasks` with a cache in front: known steps are answered
    from the cache (``on_done`` is still called for each), the rest run in ``jobs`` workers."""
    from symderive.check.budget import run_tasks

    outcomes: dict[Hashable, object] = {}
    keys: dict[Hashable, str | None] = {}
    missing = []
    for task in tasks:
        key = step_key(task, budget_seconds) if results.enabled else None
        keys[task.key] = key
        found = results.get("steps", key) if key is not None else None
        if found is not None:
            outcomes[task.key] = found
            if on_done:
                on_done(task, found)
        else:
            missing.append(task)
    if missing:
        fresh = run_tasks(missing, budget_seconds, jobs, on_done)
        for task in missing:
            outcome = fresh[task.key]
            outcomes[task.key] = outcome
            if keys[task.key] is not None and not is_transient(outcome):
                results.put("steps", keys[task.key], outcome)
    return outcomes


def cached_catalog_run(
    selection: tuple[str, ...], *, budget_seconds: float, seed: int, results: ResultCache
):
    """(reports, summary) of an earlier identical run — the same ids (``("--all",)``), budget,
    seed, catalog source and symderive — or None. Needs neither the catalog nor SymPy."""
    from symderive.report import CatalogSummary

    started = time.monotonic()
    stored = results.get("catalog", catalog_key(selection, budget_seconds, seed))
    if not isinstance(stored, list):
        return None
    reports = tuple(stored)
    return reports, CatalogSummary.of(reports, time.monotonic() - started)


def check_catalog_cached(
    derivations: Iterable,
    *,
    budget_seconds: float,
    jobs: int,
    seed: int = 0,
    results: ResultCache,
    on_step: Callable | None = None,
    selection: tuple[str, ...] | None = None,
):
    """``symderive.check.check_catalog`` with the cache: (reports in the given order, summary).
    With ``selection`` (the ids as asked for) the whole run is stored for
    :func:`cached_catalog_run` too."""
    from symderive.check import build_report, tasks_for
    from symderive.report import CatalogSummary

    started = time.monotonic()
    derivations = tuple(derivations)
    tasks = [task for derivation in derivations for task in tasks_for(derivation, seed)]
    outcomes = run_tasks_cached(tasks, budget_seconds, jobs, on_step, results=results)
    reports = tuple(build_report(derivation, outcomes) for derivation in derivations)
    if selection is not None and not any(is_transient(o) for o in outcomes.values()):
        results.put("catalog", catalog_key(selection, budget_seconds, seed), list(reports))
    return reports, CatalogSummary.of(reports, time.monotonic() - started)


def check_derivation_cached(
    derivation, *, budget_seconds: float, jobs: int, seed: int = 0, results: ResultCache
):
    """``symderive.check.check_derivation`` with the cache."""
    from symderive.check import build_report, tasks_for

    started = time.monotonic()
    outcomes = run_tasks_cached(
        tasks_for(derivation, seed), budget_seconds, jobs, results=results
    )
    return build_report(derivation, outcomes, time.monotonic() - started)


def check_notes_cached(
    arguments: Sequence[str],
    *,
    budget_seconds: float,
    jobs: int,
    seed: int = 0,
    results: ResultCache,
):
    """``symderive.notes.check_notes.check_notes`` with the cache, file by file: a file whose
    bytes (and the budget and seed) are unchanged is not read by the pipeline again; the others
    are checked together by ``check_files`` (one pool of ``jobs`` workers for all their steps).
    SymPy and the pipeline are imported only when some file must be checked."""
    from symderive.notes.files import collect_paths
    from symderive.notes.report import NotesReport

    started = time.monotonic()
    paths = collect_paths(arguments)
    keys: dict[int, str] = {}
    found: dict[int, object] = {}
    for index, path in enumerate(paths):
        try:
            content = path.read_bytes()
        except OSError:
            continue  # the pipeline reports why it cannot be read
        keys[index] = note_key(str(path), content, budget_seconds, seed)
        stored = results.get("notes", keys[index])
        if stored is not None and getattr(stored, "path", None) == str(path):
            found[index] = stored
    missing = [index for index in range(len(paths)) if index not in found]
    if missing or not paths:
        from symderive.notes.check_notes import NotesOptions, check_files, check_notes

        options = NotesOptions(budget_seconds=budget_seconds, jobs=jobs, seed=seed)
        if not paths:
            return check_notes(arguments, options)  # its own error for an empty selection
        report = check_files([paths[index] for index in missing], options)
        for index, file in zip(missing, report.files):
            found[index] = file
            if index in keys and not _has_transient(file):
                results.put("notes", keys[index], file)
    files = tuple(found[index] for index in range(len(paths)))
    return NotesReport(files, time.monotonic() - started)


def _has_transient(file) -> bool:
    """An unreadable file, or a step whose outcome reflects a failure of the machinery."""
    return file.error is not None or any(
        step.outcome is not None and is_transient(step.outcome)
        for equation in file.equations
        for step in equation.steps
    )
