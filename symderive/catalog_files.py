"""Where the catalog is written: each entry's module file and line, and a listing that can be
served without importing SymPy.

* :func:`entry_locations` — ``id → (path, line)`` of the line that names the entry's id in its
  module under ``derivations/`` (what CI annotations point at);
* :class:`CatalogRow` / :func:`catalog_rows` — the plain facts ``symderive list`` shows, cached
  by :mod:`symderive.cache` under a key made of the catalog's source files, so an unchanged
  catalog is listed without building it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["CatalogRow", "catalog_rows", "catalog_source_digest", "entry_locations", "rows_of"]

CATALOG_PACKAGE = "symderive.catalog"


@dataclass(frozen=True)
class CatalogRow:
    """One catalog entry as ``symderive list`` shows it."""

    id: str
    title: str
    note: str
    section: str
    steps: int
    erratum_of: str | None
    topic: str
    claim: str

    @property
    def source(self) -> str:
        return f"{self.note} § {self.section}"

    @property
    def is_erratum(self) -> bool:
        return self.erratum_of is not None

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "source": {"note": self.note, "section": self.section},
            "steps": self.steps,
            "erratum": self.is_erratum,
            "erratum_of": self.erratum_of,
            "topic": self.topic,
            "claim": self.claim,
        }


def rows_of(derivations: Iterable) -> tuple[CatalogRow, ...]:
    return tuple(
        CatalogRow(
            id=d.id,
            title=d.title,
            note=d.source.note,
            section=d.source.section,
            steps=len(d.steps) - 1,
            erratum_of=d.erratum_of,
            topic=d.topic,
            claim=d.claim,
        )
        for d in derivations
    )


def _catalog_folder() -> Path | None:
    spec = importlib.util.find_spec(CATALOG_PACKAGE)
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def catalog_source_digest() -> str:
    """A hash of every module of the catalog (located, not imported)."""
    digest = hashlib.sha256()
    folder = _catalog_folder()
    if folder is not None:
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def catalog_rows(results=None) -> tuple[CatalogRow, ...]:
    """The listing, from the cache when the catalog's files are unchanged."""
    from symderive.cache import cache_key

    key = cache_key("listing", catalog_source_digest())
    if results is not None:
        stored = results.get("listing", key)
        if isinstance(stored, list):
            try:
                return tuple(CatalogRow(**row) for row in stored)
            except TypeError:
                pass
    from symderive.catalog import all_derivations

    rows = rows_of(all_derivations())
    if results is not None:
        results.put("listing", key, [asdict(row) for row in rows])
    return rows


def _display_path(path: Path) -> str:
    """Relative to the working directory when inside it (as CI annotations expect)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def entry_locations(ids: Iterable[str]) -> dict[str, tuple[str, int]]:
    """``id → (file, line)``: the catalog module and line that define each entry — the line
    with ``id="<id>"`` (or, failing that, the first line that spells the id as a string). Read
    as text: the catalog is not imported. An id found nowhere is left out."""
    wanted = list(dict.fromkeys(ids))
    folder = _catalog_folder()
    texts = []
    if folder is not None:
        for path in sorted(folder.glob("*.py")):
            try:
                texts.append((path, path.read_text(encoding="utf-8").splitlines()))
            except (OSError, UnicodeDecodeError):
                continue
    located: dict[str, tuple[str, int]] = {}
    for entry_id in wanted:
        patterns = (
            (f'id="{entry_id}"', f"id='{entry_id}'"),
            (f'"{entry_id}"', f"'{entry_id}'"),
        )
        for pattern in patterns:
            found = next(
                (
                    (_display_path(path), number)
                    for path, lines in texts
                    for number, text in enumerate(lines, start=1)
                    if any(p in text for p in pattern)
                ),
                None,
            )
            if found is not None:
                located[entry_id] = found
                break
    return located
