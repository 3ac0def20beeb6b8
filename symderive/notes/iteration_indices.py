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


def iteration_labels(formulas: list[str]) -> frozenset[tuple[str, str]]:
    r"""(name, letter) of every name that an update rule of the note carries with its iteration
    superscript: ``{('w', 'k'), ('g', 'k')}`` for ``w^{k+1} = w^k - \eta g^k``. Once a note
    states such a rule, ``w^{k+1}`` and ``w^k`` are the iterates w^{(k+1)}, w^{(k)} in every
    formula of it, so ``w^{k+1} - w^k = -\eta g^k`` follows from the rule instead of being
    refuted as powers (round 44 T09). Names are spelled plainly (``\theta`` → ``theta``,
    ``\mathbf{w}`` → ``w``), as :func:`plain_name` spells the parser's names."""
    found: set[tuple[str, str]] = set()
    for formula in formulas:
        for line in re.split(r"\\\\|&", formula):
            letter = iteration_index(line)
            if not letter:
                continue
            found |= {(plain_name(_parts(match)[0]), letter)
                      for match in SUPERSCRIPTED.finditer(line)
                      if _parts(match)[1] == letter and _parts(match)[0] != "e"}  # fmt: skip
    return frozenset(found)


def iterated_names(formulas: list[str]) -> frozenset[str]:
    r"""The names the note's update rules iterate (``w`` of ``w^{k+1} = w^k - \eta g^k``),
    spelled as :func:`plain_name` spells them."""
    return frozenset(plain_name(_parts(SUPERSCRIPTED.match(line.strip()))[0])
                     for formula in formulas for line in re.split(r"\\\\|&", formula)
                     if iteration_index(line))  # fmt: skip


def free_iterate_doubt(counterexample, iterated: frozenset[str]) -> str:
    r"""Why a refutation is withheld when its counterexample gives an iterate of an update rule
    (``w^{(k)} = 13``, ``w^{(0)} = 2/7``) a free value: the rule ties the iterates together
    and only one step of it is used, so a claim true by induction (``w^{k} = w^0 - k\eta g``)
    would be refuted (round 44 T09). '' when there is none."""
    if counterexample is None or not iterated:
        return ""
    free = [name for name, _ in counterexample.values
            if "^{(" in name and plain_name(name.split("^{(")[0]) in iterated]  # fmt: skip
    if not free:
        return ""
    return (f"the counterexample gives the iterate {free[0]} a value of its own, but the "
            "update rule of the note ties the iterates together (only one step of it is "
            "used here)")


def plain_name(name: str) -> str:
    """``\\mathbf{w}`` → ``w``, ``\\theta`` → ``theta``: a name as an update rule and the parser
    both spell it, without bold and backslash."""
    unbold = re.sub(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*\\?([A-Za-z]+)\s*\}", r"\1", name)
    return unbold.replace("\\", "")


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
