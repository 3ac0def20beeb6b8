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
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["CatalogRow", "catalog_rows", "catalog_source_digest", "entry_locations", "rows_of"]

CATALOG_PACKAGE = "derivations"


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
    from derivations import all_derivations

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


def entry_locations(derivations: Iterable) -> dict[str, tuple[str, int]]:
    """``id → (file, line)``: the module defining each (already loaded) entry and the first
    line that spells its id as a string literal; line 1 when it cannot be found."""
    wanted = {d.id for d in derivations}
    located: dict[str, tuple[str, int]] = {}
    modules = [
        module
        for name, module in sorted(sys.modules.items())
        if name.startswith(CATALOG_PACKAGE + ".") and getattr(module, "__file__", None)
    ]
    for module in modules:
        ids = [d.id for d in getattr(module, "DERIVATIONS", ()) if d.id in wanted]
        if not ids:
            continue
        path = Path(module.__file__)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            lines = []
        for entry_id in ids:
            line = next(
                (
                    number
                    for number, text in enumerate(lines, start=1)
                    if f'"{entry_id}"' in text or f"'{entry_id}'" in text
                ),
                1,
            )
            located[entry_id] = (_display_path(path), line)
    return located
