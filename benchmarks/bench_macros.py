"""The price of a note's own macros as the number of definitions grows (round 44 T12).

    .venv/bin/python benchmarks/bench_macros.py [--rounds 3]

One inline formula of ``copies`` definitions ``\\def\\a{}`` (then ``$$x + x = 2x$$``), expanded
by :func:`symderive.notes.macro_expansion.expand_macros`: the median time of ``rounds`` runs at
1000, 2000, 4000 and 8000 copies, and its ratio to the time at 1000. Linear work doubles the
time with the copies (ratios near 2, 4, 8); before round 44 each definition re-scanned the note
before it, so the ratios were near 4, 16, 64 (8000 copies: 73 s for the whole ``notes`` run).
"""

from __future__ import annotations

import argparse
import statistics
import time

from symderive.notes.macro_expansion import expand_macros, expanded_lines

COPIES = (1000, 2000, 4000, 8000)


def note_of(copies: int) -> str:
    return "# Defs\n\n$" + "\\def\\a{}" * copies + "$\n\n$$x + x = 2x$$\n"


def seconds(text: str, rounds: int) -> float:
    """The median time of expanding ``text``'s macros and listing the lines they were read on."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        expand_macros(text, text)
        expanded_lines(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    first = None
    for copies in COPIES:
        taken = seconds(note_of(copies), rounds)
        first = first or taken
        print(f"{copies:5d} definitions  {taken:8.3f} s  x{taken / first:5.1f}")


if __name__ == "__main__":
    main()
