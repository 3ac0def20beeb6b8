r"""Superscripts that count iterations or time steps: ``w^{k+1} = w^k - \eta g^k``.

Optimisation and recurrent-network notes write the iterate or the state at step k with a bare
superscript: ``w^{k+1} = w^k - \eta g^k`` (gradient descent), ``h^t = \tanh(a h^{t-1} + b
x^t)`` (a hidden state), ``v^t = \beta v^{t-1} + (1 - \beta) g^t`` (momentum). Read as powers
these are no identities, and a counterexample at k = 14/3 says nothing about the update the
note states (round 40 J05). The parenthesised label ``w^{(t)}`` is not read by the grammar
(:meth:`symderive.grammar.latex._Parser.parenthesised_superscript`); this is its bare form.

The sign: one name carries the same letter as its superscript shifted by constants —
``w^k`` beside ``w^{k+1}``, ``h^t`` beside ``h^{t-1}``. A refutation of a formula with that
sign is withheld (*undecided*): it is an update rule or a recurrence as much as a claim about
powers. This only ever says less: ``x^{n+1} = x \cdot x^n`` in a section about powers stays
proved, and a true identity is never touched.
"""

from __future__ import annotations

import re

# a name (a letter, a Greek letter, a bold letter) with a bare superscript: a letter, or a
# braced letter shifted by a whole number: w^k, w^{k}, w^{k+1}, h^{t-1}, \mathbf{w}^{t+1}
SUPERSCRIPTED = re.compile(
    r"(?P<name>\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+|(?<![\\A-Za-z])"
    r"[A-Za-z])(?P<sub>_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?\s*\^\s*"
    r"(?:(?P<bare>[A-Za-z])|\{\s*(?P<letter>[A-Za-z])\s*(?:(?P<sign>[+-])\s*(?P<shift>\d+)\s*)?\})"
)

# the relation after the formula's first name: =, :=, \leftarrow, \gets
RELATION = re.compile(r"\s*(?:=|:=|\\leftarrow(?![A-Za-z])|\\gets(?![A-Za-z]))")


def iteration_index(latex: str) -> str:
    """The letter of the superscript of the name that the formula ``latex`` starts with, when
    the rest of it carries that name at an earlier shift of the letter (``k`` of ``w^{k+1} =
    w^k - \\eta g^k``, ``t`` of ``h^t = \\tanh(a h^{t-1} + b x^t)``); '' otherwise. The
    number e is no iterate (``e^{x+1} = e^x + 1`` is about powers)."""
    head = SUPERSCRIPTED.match(latex.strip())
    if head is None or not RELATION.match(latex.strip()[head.end():]):
        return ""
    name, letter, shift = _parts(head)
    if name == "e" or letter == name:
        return ""
    rest = latex.strip()[head.end():]
    if _bare(name, rest):  # x^{n+1} = x^n + x: the bare x makes it a claim about powers
        return ""
    earlier = any(_parts(found)[:2] == (name, letter) and _parts(found)[2] < shift
                  for found in SUPERSCRIPTED.finditer(rest))
    return letter if earlier else ""


def _bare(name: str, latex: str) -> bool:
    """Whether the name stands in ``latex`` without a superscript or a subscript."""
    spelled = r"\s*".join(re.escape(character) for character in name)
    return bool(re.search(rf"(?<![\\A-Za-z]){spelled}(?![A-Za-z])(?!\s*[\^_'])", latex))


def _parts(found: re.Match) -> tuple[str, str, int]:
    """(name, letter, shift) of a superscripted name: ``h^{t-1}`` → ('h', 't', -1)."""
    letter = found.group("bare") or found.group("letter")
    shift = int(found.group("shift") or 0) * (-1 if found.group("sign") == "-" else 1)
    name = re.sub(r"\s+", "", found.group("name") + (found.group("sub") or ""))
    return name, letter, shift


def iteration_doubt(latex: str) -> str:
    """Why a refutation of ``latex`` is withheld because of an iteration index ('' when none)."""
    letter = iteration_index(latex)
    if not letter:
        return ""
    return (f"the superscript {letter} stands shifted on the same name ({letter} and "
            f"{letter}±1): an iteration or time index of an update rule or a recurrence, not a "
            "power — the formula is not an identity in powers")
