"""Which files ``symderive notes PATH…`` reads: named files, and note files under named folders.

Kept apart from the checking pipeline so that finding the files (and answering from the result
cache) needs no SymPy.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from symderive.errors import UsageError

__all__ = ["NOTE_SUFFIXES", "collect_paths"]

NOTE_SUFFIXES = (".md", ".markdown", ".tex", ".txt")


def collect_paths(arguments: Sequence[str]) -> list[Path]:
    """Named files, and every note file under named folders (no hidden folders, no symlinks
    leading out of the folder). A missing path is a usage error."""
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if not path.exists():
            raise UsageError(f"no such file or folder: {argument}")
        if path.is_dir():
            paths.extend(_notes_in_folder(path))
        elif path.is_file():
            paths.append(path)
        else:
            raise UsageError(f"not a regular file or folder: {argument}")
    return paths


def _notes_in_folder(folder: Path) -> list[Path]:
    root = folder.resolve()
    found = []
    for directory, subdirectories, files in os.walk(folder, followlinks=False):
        subdirectories[:] = sorted(name for name in subdirectories if not name.startswith("."))
        for name in sorted(files):
            candidate = Path(directory) / name
            if name.startswith(".") or candidate.suffix.lower() not in NOTE_SUFFIXES:
                continue
            resolved = candidate.resolve()
            if candidate.is_symlink() and root not in resolved.parents:
                continue
            if resolved.is_file():
                found.append(candidate)
    return found
