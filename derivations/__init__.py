"""The derivation catalog: one readable module per topic, each defining ``DERIVATIONS``.

Modules are discovered automatically. They are read in the order of the course — ``READING_ORDER``
(information theory, then the chain rule and computational graphs, activations, vectorised
backprop, losses, training) — and any module not named there after them, alphabetically;
within a module the order is the module's own.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from functools import cache

from symderive.errors import UsageError
from symderive.model import Derivation, derivation_index

TIE_RULE = (
    "At a kink the catalog, the engine, the narrator and the verified functions use one "
    "convention: relu'(0) = 0 (Heaviside(x, 0)), leaky_relu'(0) = α, and a tie of max(x, y) "
    "routes the whole upstream gradient to the first argument (∂max/∂x = Heaviside(x − y, 1), "
    "∂max/∂y = Heaviside(y − x, 0))."
)
"""The one tie rule, stated once: every Heaviside in the catalog spells out its value at 0."""

READING_ORDER = (
    "entropy",
    "chain_rule",
    "gates",
    "worked_examples",
    "sigmoid",
    "activations",
    "affine",
    "jacobians",
    "mlp",
    "softmax",
    "binary_cross_entropy",
    "kl_divergence",
    "output_distributions",
    "bias_variance",
    "initialization",
    "tensors",
    "optimizers",
)


def _reading_position(name: str) -> tuple[int, str]:
    if name in READING_ORDER:
        return READING_ORDER.index(name), name
    return len(READING_ORDER), name


@cache
def all_derivations() -> tuple[Derivation, ...]:
    """Every catalog entry (a cached, immutable tuple)."""
    found: list[Derivation] = []
    modules = sorted(pkgutil.iter_modules(__path__), key=lambda m: _reading_position(m.name))
    for module_info in modules:
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        found.extend(getattr(module, "DERIVATIONS", ()))
    by_id = derivation_index(found)
    for derivation in found:
        if derivation.erratum_of and derivation.erratum_of not in by_id:
            raise ValueError(
                f"{derivation.id}: erratum_of names unknown derivation {derivation.erratum_of!r}"
            )
    return tuple(found)


def catalog() -> Mapping[str, Derivation]:
    return derivation_index(all_derivations())


def get(derivation_id: str) -> Derivation:
    """The derivation with this id, or a UsageError naming close matches."""
    entries = catalog()
    if derivation_id in entries:
        return entries[derivation_id]
    import difflib

    close = difflib.get_close_matches(derivation_id, list(entries), n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise UsageError(f"no derivation with id {derivation_id!r}{hint}; see 'symderive list'")
