r"""What a chain says about Greek superscripts, for :meth:`_Parser.superscript_label`.

Each side of a chain is read alone, so the reader of ``V^\theta(s)`` learns here whether the
chain uses θ as a value elsewhere (``x^\alpha(1-x) = x^\alpha - x^{\alpha+1}``: α is an
exponent, so ``x^\alpha(1-x)`` is a power times a factor) and whether it applies the labelled
name to names somewhere (``d^\beta(s) + d^\beta(u) = d^\beta(s+u)``: d^β is a function, so
``d^\beta(s+u)`` is its value at s + u) — round 40 J03.
"""

from __future__ import annotations

import re

GREEK_NAMES = (
    "alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu"
    "|xi|pi|rho|varrho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi"
    "|Pi|Sigma|Upsilon|Phi|Psi|Omega|ell"
)
GREEK = re.compile(rf"\\(?:{GREEK_NAMES})(?![A-Za-z])")
# ^\theta or ^{\theta}: a whole superscript
WHOLE_SUPERSCRIPT = re.compile(
    rf"\^\s*(?:\\(?:{GREEK_NAMES})(?![A-Za-z])|\{{\s*\\(?:{GREEK_NAMES})\s*\}})")
# one name: s, s_t, s_{t+1}, s', \theta (one letter or one command: no backtracking)
NAME = r"(?:\\[A-Za-z]+|[A-Za-z])(?![A-Za-z])(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?'*"
# d^\beta(s), Q^{\pi}(s, a), V^\pi(s_{t+1}): a labelled name applied to names
APPLIED = re.compile(
    rf"(?<![\\A-Za-z])(?P<base>[A-Za-z]|\\(?:{GREEK_NAMES}))\s*\^\s*(?:\\(?P<bare>{GREEK_NAMES})"
    rf"(?![A-Za-z])|\{{\s*\\(?P<braced>{GREEK_NAMES})\s*\}})\s*(?:\\left\s*)?\(\s*"
    rf"{NAME}(?:\s*,\s*{NAME})*\s*(?:\\right\s*)?\)"
)


def greek_values(text: str) -> frozenset[str]:
    r"""The Greek letters (``\alpha``) ``text`` writes other than as a whole superscript."""
    masked = WHOLE_SUPERSCRIPT.sub(" ", text)
    return frozenset(found.group() for found in GREEK.finditer(masked))


def applied_labels(text: str) -> frozenset[str]:
    r"""The labelled names ``text`` applies to names, as the parser names them (``d^{\beta}``)."""
    return frozenset(_labelled(found) for found in APPLIED.finditer(text))


def _labelled(found: re.Match) -> str:
    """``d^{\\beta}`` of ``d^\\beta(s)``: the name the parser gives the labelled function."""
    label = found.group("bare") or found.group("braced")
    return f"{found.group('base').lstrip(chr(92))}^{{\\{label}}}"
