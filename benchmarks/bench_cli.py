"""Start-up and cache timings of the command line (the numbers quoted for issue 13).

    .venv/bin/python benchmarks/bench_cli.py [--rounds 5] [--skip-catalog]

* ``--help``, ``--version`` and ``list`` (warm cache): median wall time of ``rounds`` runs;
* ``check --all``: cold (an empty cache) and warm, wall and CPU time (of the whole process
  tree: the command and its checker workers);
* ``notes`` on a folder of 20 note files (``tests/notes/corpus`` and ``../shared/seeds``,
  copied twice under different names when there are fewer), cold and warm.

Each measurement uses a fresh cache folder (``SYMDERIVE_CACHE_DIR``) so "cold" means cold.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [str(Path(sys.executable).parent / "symderive")]


def timed(args: list[str], env: dict) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the command and its children, exit code)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(COMMAND + args, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {result.stderr.strip()}")
    return wall, cpu, result.returncode


def note_folder(target: Path, wanted: int = 20) -> Path:
    sources = sorted((ROOT / "tests/notes/corpus").iterdir())
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        sources += sorted(seeds.glob("*.txt"))
    target.mkdir()
    copies = 0
    while len(list(target.iterdir())) < wanted:
        for source in sources:
            if len(list(target.iterdir())) >= wanted:
                break
            suffix = ".tex" if source.suffix == ".tex" else ".md"
            shutil.copy(source, target / f"{copies}-{source.stem}{suffix}")
        copies += 1
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-catalog", action="store_true", help="no check --all (slow)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        env = {**os.environ, "SYMDERIVE_CACHE_DIR": str(scratch_path / "start")}
        timed(["list"], env)  # fills the listing cache
        for args in (["--help"], ["--version"], ["list"]):
            samples = [timed(args, env)[:2] for _ in range(options.rounds)]
            walls = [wall for wall, _ in samples]
            cpu = statistics.median(cpu for _, cpu in samples)
            print(f"{' '.join(args):<12} median wall {statistics.median(walls):.3f} s, "
                  f"CPU {cpu:.3f} s (walls: {', '.join(f'{w:.3f}' for w in walls)})")  # fmt: skip
        print(f"cores available: {len(os.sched_getaffinity(0))}")
        runs = []
        if not options.skip_catalog:
            runs.append(("check --all", ["check", "--all", "--json"]))
        folder = note_folder(scratch_path / "notes")
        count = len(list(folder.iterdir()))
        runs.append((f"notes ({count} files)", ["notes", str(folder), "--json"]))
        for label, args in runs:
            env = {**os.environ, "SYMDERIVE_CACHE_DIR": str(scratch_path / label.split()[0])}
            for state in ("cold", "warm"):
                wall, cpu, code = timed(args, env)
                print(f"{label:<20} {state}: wall {wall:6.2f} s, CPU {cpu:6.2f} s, exit {code}")


if __name__ == "__main__":
    main()
