"""A result cache, so that re-checking unchanged derivations and notes takes well under a second.

Where: ``$SYMDERIVE_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/symderive``, else
``~/.cache/symderive``. ``--no-cache`` bypasses it; deleting the folder empties it.

What a key covers (SHA-256 of a canonical text):

* a **step** (:func:`step_key`): both sides (``srepr``, so symbol assumptions count), the
  relation, the step's context (domains, givens, independence — the notes' definitions and
  directives are already substituted into the sides and the context), the seed, the time budget;
* a **note file** (:func:`note_key`): its path, its bytes, the budget and the seed;
* always: symderive's version and a fingerprint of its source code, so an upgrade or an edit of
  the checker never serves a stale verdict.

Entries are JSON files written atomically (a temporary file, then ``os.replace``). An entry
that cannot be read or decoded is ignored (and overwritten). Outcomes that reflect a failure of
the machinery rather than of the mathematics (a worker that died, a checker error) are not
stored. Values are rebuilt only from the report classes listed in :data:`_TYPES`; nothing in a
cache file is evaluated.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path

__all__ = [
    "ResultCache",
    "cache_directory",
    "cache_key",
    "catalog_key",
    "code_fingerprint",
    "decode",
    "encode",
    "note_key",
    "step_key",
]

FORMAT = "symderive-cache-1"
VERDICT_LIBRARIES = ("sympy", "mpmath", "numpy", "lark", "python_flint")
TRANSIENT_REASONS = (
    "the worker stopped without an outcome",
    "checker error",  # errors.CHECKER_ERROR begins so
    "a time limit inside the checker was reached",  # errors.TIME_LIMIT_REACHED
)


def cache_directory(environ: Mapping[str, str] = os.environ) -> Path:
    """``$SYMDERIVE_CACHE_DIR``, else ``$XDG_CACHE_HOME/symderive``, else ``~/.cache/symderive``."""
    explicit = environ.get("SYMDERIVE_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    xdg = environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "symderive"


@cache
def code_fingerprint() -> str:
    """symderive's version, a hash of every source file of the package (and the catalog), and
    the installed versions of the libraries that decide verdicts (their metadata folders'
    names, found without importing them)."""
    import symderive

    digest = hashlib.sha256()
    digest.update(symderive.__version__.encode())
    for entry in sys.path:
        folder = Path(entry or ".")
        for library in VERDICT_LIBRARIES:
            for metadata in sorted(folder.glob(f"{library}-*.dist-info")):
                digest.update(metadata.name.encode())
    roots = [Path(symderive.__file__).parent]
    catalog = importlib.util.find_spec("symderive.catalog")  # located, not imported (it is slow)
    if catalog is not None and catalog.origin:
        roots.append(Path(catalog.origin).parent)
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".lark") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


# -- canonical text of a key --------------------------------------------------------------
def _canonical(value) -> str:
    """A deterministic text for SymPy objects, dataclasses and containers."""
    import sympy as sp

    if isinstance(value, sp.Basic):
        return sp.srepr(value)
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = ",".join(
            f"{field.name}={_canonical(getattr(value, field.name))}"
            for field in dataclasses.fields(value)
        )
        return f"{type(value).__name__}({inner})"
    if isinstance(value, (tuple, list)):
        return "[" + ",".join(_canonical(item) for item in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(_canonical(item) for item in value)) + "}"
    if isinstance(value, dict):
        items = sorted((_canonical(k), _canonical(v)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    raise TypeError(f"no canonical form for {type(value).__name__}")


def cache_key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in (FORMAT, code_fingerprint(), *parts):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def step_key(task, budget_seconds: float) -> str | None:
    """The key of one checker task (``symderive.check.budget.Task``) under a budget; None when
    some part of the task has no canonical text (such a step is checked, never cached)."""
    try:
        parts = (
            _canonical(task.lhs),
            _canonical(task.rhs),
            str(task.relation),
            _canonical(task.context),
        )
    except TypeError:
        return None
    return cache_key(
        "step",
        *parts,
        str(int(task.seed)),
        repr(float(budget_seconds)),
    )


def catalog_key(selection: tuple[str, ...], budget_seconds: float, seed: int) -> str:
    """The key of a whole catalog run: the ids asked for (``("--all",)`` for all of them), the
    budget and the seed; the catalog's source is part of every key (:func:`code_fingerprint`)."""
    return cache_key("catalog", *selection, repr(float(budget_seconds)), str(int(seed)))


def note_key(path: str, content: bytes, budget_seconds: float, seed: int) -> str:
    """The key of one note file's report."""
    return cache_key(
        "note",
        path,
        hashlib.sha256(content).hexdigest(),
        repr(float(budget_seconds)),
        str(int(seed)),
    )


# -- values -------------------------------------------------------------------------------
def _types() -> dict[str, type]:
    from symderive.notes.report import NoteEquation, NoteFile, NoteStep, SkipReason
    from symderive.report import Counterexample, DerivationReport, Outcome, StepReport

    return {
        cls.__name__: cls
        for cls in (
            Outcome,
            Counterexample,
            StepReport,
            DerivationReport,
            NoteStep,
            NoteEquation,
            NoteFile,
            SkipReason,
        )
    }


def encode(value):
    """JSON-ready form of a report value (dataclasses, enums, tuples, primitives)."""
    if isinstance(value, enum.Enum):
        return {"__enum__": type(value).__name__, "value": value.value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "__type__": type(value).__name__,
            "fields": {
                field.name: encode(getattr(value, field.name))
                for field in dataclasses.fields(value)
                if field.init
            },
        }
    if isinstance(value, tuple):
        return {"__tuple__": [encode(item) for item in value]}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(data, types: Mapping[str, type] | None = None):
    """The inverse of :func:`encode`, building only the known report classes."""
    types = _types() if types is None else types
    if isinstance(data, list):
        return [decode(item, types) for item in data]
    if isinstance(data, dict):
        if "__tuple__" in data:
            return tuple(decode(item, types) for item in data["__tuple__"])
        if "__enum__" in data:
            return types[data["__enum__"]](data["value"])
        if "__type__" in data:
            cls = types[data["__type__"]]
            return cls(**{key: decode(item, types) for key, item in data["fields"].items()})
        return {key: decode(item, types) for key, item in data.items()}
    return data


def is_transient(outcome) -> bool:
    """An outcome caused by the machinery (a dead worker, a crash), not by the mathematics."""
    return outcome.verdict == "undecided" and outcome.reason.startswith(TRANSIENT_REASONS)


class ResultCache:
    """JSON entries under ``directory/<kind>/<first two hex digits>/<key>.json``."""

    def __init__(self, directory: Path | None = None, *, enabled: bool = True):
        self.directory = Path(directory) if directory is not None else cache_directory()
        self.enabled = enabled
        self.hits = 0
        self.misses = 0

    def _path(self, kind: str, key: str) -> Path:
        return self.directory / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str):
        """The stored value, or None (absent, unreadable or corrupt)."""
        if not self.enabled:
            return None
        try:
            with self._path(kind, key).open(encoding="utf-8") as handle:
                stored = json.load(handle)
            if stored.get("key") != key:
                raise ValueError("entry stored under the wrong key")
            value = decode(stored["value"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, kind: str, key: str, value) -> None:
        """Store atomically; a cache that cannot be written, or a value that cannot be
        encoded, is silently skipped."""
        if not self.enabled:
            return
        path = self._path(kind, key)
        try:
            text = json.dumps({"key": key, "value": encode(value)}, ensure_ascii=False)
        except (TypeError, ValueError):
            return  # a value the codec does not know is simply not cached
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(text)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return
