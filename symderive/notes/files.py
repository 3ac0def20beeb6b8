"""Stage 1 of checking notes: which files, and their text (UTF-8, bounded, never executed)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from symderive.errors import UsageError

MAX_FILE_BYTES = 1_000_000
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
            try:
                resolved = candidate.resolve()
                if candidate.is_symlink() and root not in resolved.parents:
                    continue
                regular = resolved.is_file()
            except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
                continue
            if regular:
                found.append(candidate)
    return found


def read_note(path: Path) -> tuple[str | None, str | None]:
    """(text, None) or (None, why it could not be read)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return (
                None,
                f"file larger than {MAX_FILE_BYTES // 1_000_000} MB ({size} bytes): not read",
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as problem:
        return None, f"cannot read: {problem.strerror or problem}"
    if len(raw) > MAX_FILE_BYTES:
        return None, f"file larger than {MAX_FILE_BYTES // 1_000_000} MB: not read"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        return None, (
            f"not UTF-8 (byte 0x{raw[problem.start]:02x} at offset {problem.start}): not read"
        )
    if "\x00" in text:
        return None, "binary file (NUL bytes): not read"
    # CRLF (Windows) and lone CR (classic Mac) end lines as LF does: one line each, so line
    # numbers and table rows are the editor's (round 15 F36)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None
