r"""``\Delta f`` and ``\nabla^2 f``: the Laplacian of a function the note defines, or not read.

``\Delta f`` after ``Let $f(x, y) = x^2 - y^2$`` is ∂²f/∂x² + ∂²f/∂y² (round 8a, C7), but
``\Delta f`` is also the *change* of f (``\Delta f \approx f'(x)\Delta x``). Which one the note
means is decided here, per defined name, for the grammar
(:func:`symderive.grammar.operators.laplacian`):

* the Laplacian, in the function's own parameters, when f is defined with parameters, the
  note writes no increment ``\Delta p`` of one of them anywhere, and the note says *Laplacian*
  or *harmonic* (not only *graph Laplacian* or *Laplacian matrix*) and never *Hessian*, or f
  has two or more parameters and the note neither writes ``\nabla^2`` nor says *Hessian* (ML
  notes write the Hessian ∇²f: without the word Laplacian, neither is read; with both words,
  round 10 C10, neither is read either);
* not read (operator notation) when f is defined but that does not hold (increments of its
  parameters in the note; a function of one variable without those words), or f is defined without
  parameters (its variables are not written) in a note that speaks of Laplacians;
* otherwise ``\Delta f`` stays one name, an increment, as before.
"""

from __future__ import annotations

import re

import sympy as sp

WORDS = re.compile(r"laplac|harmonic|라플라시안|조화", re.I)
HESSIAN = re.compile(r"hessian|헤세|헤시안", re.I)
GRAPH_LAPLACIAN = re.compile(
    r"(?:graph|normali[sz]ed|combinatorial|random[- ]walk|signless)\s+laplacian|laplacian\s+matri(?:x|ces)|"
    r"그래프\s*라플라시안|라플라시안\s*행렬", re.I)


def laplacians(functions: dict, symbols: dict, words: str, math_text: str) -> tuple:
    """(name, parameters or None) for the grammar: None = ``\\Delta name`` is not read."""
    # a graph Laplacian (L = D − A) is no differential operator; a note that also speaks of the
    # Hessian may mean either by ∇²f (round 10, C10): the word then decides nothing
    said = bool(WORDS.search(GRAPH_LAPLACIAN.sub(" ", words))) and not HESSIAN.search(words)
    nabla_squared = bool(re.search(r"\\nabla\s*\^\s*\{?\s*2", math_text))
    if not said and (nabla_squared or HESSIAN.search(words)):
        # ML notes write the Hessian ∇²f (round 9b C6): without the word Laplacian, neither
        # ∇²f nor Δf is read as it
        return tuple((name, None) for name in functions if re.fullmatch(r"[A-Za-z]", name))
    found = []
    for name, (parameters, _body) in functions.items():
        if not re.fullmatch(r"[A-Za-z]", name):
            continue  # \Delta takes one letter (the grammar's increment rule)
        if not parameters or not all(isinstance(p, sp.Symbol) for p in parameters):
            found.append((name, None))  # f(\mathbf{x}) = …: its Laplacian is not built here
            continue
        increments = any(
            re.search(r"\\Delta\s*\{?\s*" + re.escape(p.name) + r"(?![A-Za-z])", math_text)
            for p in parameters
        )
        if not increments and (said or len(parameters) >= 2):
            found.append((name, tuple(parameters)))
        else:  # Δx written too: Δf may well be the change of f
            found.append((name, None))
    if said:
        for symbol in symbols:
            name = getattr(symbol, "name", "")
            if re.fullmatch(r"[A-Za-z]", name) and name not in dict(found):
                found.append((name, None))
    return tuple(found)
