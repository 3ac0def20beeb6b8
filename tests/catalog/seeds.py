"""The seed notes beside the checkout, and the text of one section of a note."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def heading_level(line: str) -> int:
    """1–6 for a Markdown heading line (``## …``), 0 for any other line."""
    stripped = line.lstrip()
    level = len(stripped) - len(stripped.lstrip("#"))
    return level if 0 < level <= 6 and stripped[level : level + 1] == " " else 0


def section_text(note_text: str, section: str) -> str:
    """The lines of the section whose heading contains ``section``, up to the next heading of
    the same or a higher level; a section named by a plain line runs to the next heading."""
    lines = note_text.splitlines()
    for start, line in enumerate(lines):
        if section in line and (heading_level(line) or line.strip() == section):
            level = heading_level(line) or 7
            end = start + 1
            while end < len(lines) and not (0 < heading_level(lines[end]) <= level):
                end += 1
            return "\n".join(lines[start:end])
    raise LookupError(f"no section {section!r}")
