r"""Partial derivatives of a defined name whose definition uses the variable both directly and
through another defined name: ``Let $z = x^2 y$ where $y = x^3$``, then ``\frac{\partial z}{\partial
x}`` (round 8a, C6).

Two readings differ there: the partial derivative of z's formula as written, y held fixed (2xy,
the multivariable chain rule's ∂z/∂x), and the derivative through y as well (5x⁴, the total
derivative dz/dx). The note's notation decides, element by element:

* ``\frac{dz}{dx}`` (and no ``\partial`` in the element): the total derivative, through y;
* ``\frac{\partial z}{\partial x}`` (and no ``\frac{dz}…`` in the element), in a note that tells
  the two apart — it writes the total ``\frac{dz}{dx}`` too: y held fixed, then y's definition
  substituted (a note writing ∂ for every derivative, ``y = x + h`` with ``h = σ(Wx)`` and
  ``\frac{\partial y}{\partial x} = 1 + \frac{\partial h}{\partial x}``, means the derivative
  through h);
* anything else (``\partial`` without those, operators, primes, both in one element): not read,
  with a reason naming both readings.

Where no other defined name in z's definition depends on the variable, both readings agree and
nothing changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

ORDER = r"(?:\^\s*\{?\s*\d+\s*\}?\s*)?"


class AmbiguousPartial(Exception):
    """``∂z/∂x`` where holding z's other variables fixed and going through them differ, and the
    note's notation does not say which is meant."""


def _name_pattern(name: str) -> str:
    """The LaTeX spellings of a symbol's name: z, z_1, z_{1}."""
    if "_" in name:
        head, tail = name.split("_", 1)
        tail = tail.strip("{}")
        return re.escape(head) + r"\s*_\s*(?:\{\s*" + re.escape(tail) + r"\s*\}|" + re.escape(
            tail) + ")"
    return re.escape(name)


def _written(kind: str, name: str, text: str) -> bool:
    marker = r"\\partial" if kind == "partial" else r"d"
    return bool(re.search(r"\\frac\s*\{\s*" + marker + r"\s*" + ORDER + _name_pattern(name)
                          + r"\s*\}", text))  # fmt: skip


@dataclass(frozen=True)
class Notation:
    """How one element writes derivatives, and the note's mathematics around it."""

    element: str
    math_text: str

    def held(self, node: sp.Derivative, values: dict, depends) -> tuple:
        """The defined names to hold fixed when evaluating ``node`` (a derivative of a defined
        symbol): () for the total derivative, or raise :class:`AmbiguousPartial`.
        ``values`` are the symbol definitions; ``depends(name, variables)`` says whether a
        defined name's expansion depends on the variables."""
        name = node.expr
        value = values.get(name)
        if value is None or not hasattr(value, "free_symbols"):
            return ()
        variables = set(node.variables)
        if not variables & value.free_symbols:
            return ()  # z = u^2, u = x + y: ∂z/∂x only through u, one reading
        dependents = tuple(sorted(
            (w for w in value.free_symbols
             if w in values and w not in variables and depends(w, variables)),
            key=str))  # fmt: skip
        if not dependents:
            return ()
        text, label = self.element, str(name)
        partial, total = _written("partial", label, text), _written("total", label, text)
        if total and not partial and r"\partial" not in text:
            return ()
        # the note writes the total dz/dx as well: it tells the two apart (a note that writes ∂
        # for every derivative, ∂y/∂h and ∂y/∂x of a residual y = x + h, does not)
        licensed = _written("total", label, self.math_text)
        if partial and not total and licensed:
            return dependents
        others = ", ".join(map(str, dependents))
        variable = ", ".join(sorted(map(str, variables)))
        raise AmbiguousPartial(
            f"the derivative of {label} by {variable}: {label} is defined through {others}, "
            f"which also depends on {variable}; with {others} held fixed (a partial derivative) "
            f"and through {others} (the total derivative) the values differ, and the notation "
            "here does not say which is meant")
