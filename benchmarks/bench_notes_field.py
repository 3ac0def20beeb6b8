"""Time and memory of `symderive notes` on a field corpus (tests/notes/field, or with
``--corpus field_holdout`` the held-out one), one file at a time.

For every file: wall time and CPU time (this process and its worker children) of
``check_files([file])``; then the median and maximum over files, the peak resident memory of
the parent and of the largest worker, and the corpus verdict figures.

    .venv/bin/python benchmarks/bench_notes_field.py [--jobs 2] [--timeout 2] [--corpus field]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from symderive.notes.check_notes import NotesOptions, check_files

NOTES = Path(__file__).resolve().parents[1] / "tests" / "notes"


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--corpus", choices=("field", "field_holdout"), default="field")
    arguments = parser.parse_args()
    options = NotesOptions(budget_seconds=arguments.timeout, jobs=arguments.jobs)
    paths = sorted(p for p in (NOTES / arguments.corpus).glob("*.md") if p.name != "SOURCES.md")
    rows = []
    totals: dict[str, int] = {}
    for path in paths:
        wall, cpu = time.perf_counter(), cpu_seconds()
        report = check_files([path], options)
        rows.append((path.name, time.perf_counter() - wall, cpu_seconds() - cpu))
        for key, value in report.summary().items():
            if isinstance(value, int):
                totals[key] = totals.get(key, 0) + value
    width = max(len(name) for name, _, _ in rows)
    for name, wall, cpu in rows:
        print(f"{name:<{width}}  wall {wall:6.2f} s  cpu {cpu:6.2f} s")
    walls = [wall for _, wall, _ in rows]
    cpus = [cpu for _, _, cpu in rows]
    print(f"\nfiles: {len(rows)}")
    print(f"wall per file: median {statistics.median(walls):.2f} s, max {max(walls):.2f} s")
    print(f"cpu per file:  median {statistics.median(cpus):.2f} s, max {max(cpus):.2f} s, "
          f"total {sum(cpus):.1f} s")  # fmt: skip
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: parent {parent:.0f} MB, largest worker {child:.0f} MB")
    print("totals:", {k: totals[k] for k in ("steps", "proved", "checked", "refuted", "undecided",
                                              "skipped") if k in totals})  # fmt: skip


if __name__ == "__main__":
    main()
