r"""A first ``name = …`` that is no definition in force (review round 11a, F24 and F19).

The first ``name = …`` of a fresh name defines it — except where the name, or the words, say
the formula is *about* a name already defined in the section:

* **a derivative of a defined name**: ``y^{(3)} = 6 y``, ``y' = 2y``, ``y'' = …``,
  ``\dot{y} = …``, ``\ddot y = …`` after ``y = e^{2x}``; ``u_x = 3xt``, ``u_{xt} = …`` after
  ``u = x^2 t`` when the sentence speaks of derivatives (*partial derivatives, derivative,
  differentiating, gradient*, 편미분, 미분, 도함수). ``y^{(3)}`` is an n-th derivative or a label
  (two readings), ``u_x`` a partial or an entry: neither is the definition of a fresh name.
* **a name the words call the derivative** of something defined: *the gradient is $g = 2w$*,
  *the derivative of $L$ with respect to $w$ is $h = …$*, *the gradient: $g = …$* — the
  formula claims what the derivative of a defined name is (not a plain number: *the slope at 1
  is $m = 2$* is an example value; Korean topic words, *이 도함수는 $x = 1$일 때*, are no
  such naming); a right side that writes the
  derivative itself (``g = \frac{dL}{dw}``, ``\nabla L``) is a definition as before.
* **a recurrence**: ``m_t = \beta m_{t-1} + (1 - \beta) g_t``, ``x_{n+1} = x_n - …`` — the
  name appears on its right side at a shifted index, so it defines no closed form (m_{t-1} is
  not a free number: the note's ``m_0 = 0`` fixes it).

Such a formula is not substituted: a later step that uses the name is *undecided*, naming the
formula (``symderive.notes.unread_definitions``), never proved or refuted on a value the note
did not give it.
"""

from __future__ import annotations

import re

DERIVATIVE_WORDS = re.compile(
    r"\b(?:partials?|(?:partial\s+)?derivatives?|differentiat\w*|gradients?|jacobian|hessian"
    r"|slopes?)\b|편미분|미분|도함수|기울기|그래디언트|그라디언트",
    re.I,
)
# the words right before the formula name it: "the gradient is", "the derivative of $L$ is",
# "the gradient:" (English only: a Korean topic word, 도함수는 $x = 1$일 때, names nothing)
NAMED_DERIVATIVE = re.compile(
    r"(?:\b(?:partials?|(?:partial\s+)?derivatives?|gradients?|jacobian|hessian|slopes?)"
    r"(?:\s+(?:of|with\s+respect\s+to|w\.r\.t\.?|wrt|in)\s+(?:the\s+)?[\w\s]{0,30}?)?"
    r"(?:\s+(?:is|are|equals?|reads?|becomes?|gives?)(?:\s+(?:given\s+by|then|simply))?\s*[:,]?"
    r"|\s*:))"  # a verb or a colon: "a constant gradient $g_t = g$" only names it
    r"\s*$",
    re.I,
)
NUMBER = re.compile(r"^\s*[-+−]?\s*\d+(?:\.\d*)?\s*$")
WRITTEN_DERIVATIVE = re.compile(r"\\(?:partial|nabla|frac\s*\{\s*d|mathrm\s*\{\s*d\s*\}|dot|ddot)|'")
BASE = r"(?P<base>\\(?:hat|tilde|bar|mathbf|boldsymbol|bm)\s*\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z])"
ORDER = re.compile(r"^\s*" + BASE + r"\s*(?:\^\s*\{\s*\(\s*\d+\s*\)\s*\}|'+|\^\s*\{\s*\\prime+\s*\})\s*$")
DOTTED = re.compile(r"^\s*\\d?dot\s*(?:\{\s*" + BASE + r"\s*\}|" + BASE.replace("base", "plain")
                    + r")\s*$")
SUBSCRIPT = re.compile(r"^\s*" + BASE + r"\s*_\s*(?:\{\s*(?P<braced>[A-Za-z](?:\s*[A-Za-z]){0,2})\s*\}"
                       r"|(?P<letter>[A-Za-z]))\s*$")
INDEXED = re.compile(r"^\s*" + BASE + r"\s*_\s*(?P<index>\{[^{}]*\}|\\?[A-Za-z0-9]+)\s*$")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def derivative_of(name: str, body: str, sentence: str, words: str, defined: set) -> str:
    """The defined name whose derivative ``name = body`` states, '' when none (module doc);
    ``sentence`` holds the words of its sentence (formulas blanked), ``words`` the formula's own
    words right before it, ``defined`` the section's defined names."""
    known = {_squeezed(each) for each in defined}
    order = ORDER.match(name)
    if order and _squeezed(order.group("base")) in known:
        return order.group("base").strip()
    dotted = DOTTED.match(name)
    if dotted:
        base = dotted.group("base") or dotted.group("plain")
        if _squeezed(base) in known:
            return base.strip()
    partial = SUBSCRIPT.match(name)
    if partial and _squeezed(partial.group("base")) in known and DERIVATIVE_WORDS.search(sentence):
        return partial.group("base").strip()
    if known and NAMED_DERIVATIVE.search(words) and not WRITTEN_DERIVATIVE.search(body) and (
        not NUMBER.match(body)
    ):  # "the slope at 1 is $m = 2$": a value, substituted as an example
        return "a name defined before"
    return ""


def recurrence(name: str, body: str) -> bool:
    """``m_t = \\beta m_{t-1} + …``: the indexed name on its right side at another index that
    shares its letters (t-1, n+1, k-1) — a recurrence, not a closed form."""
    match = INDEXED.match(name)
    if not match:
        return False
    index = _squeezed(match.group("index")).strip("{}")
    letters = set(re.findall(r"[A-Za-z]", re.sub(r"\\[A-Za-z]+", " ", index)))
    if not letters:
        return False
    base = r"\s*".join(re.escape(character) for character in _squeezed(match.group("base")))
    for found in re.finditer(r"(?<![A-Za-z\\])" + base + r"\s*_\s*(\{[^{}]*\}|\\?[A-Za-z0-9]+)",
                             body):
        other = _squeezed(found.group(1)).strip("{}")
        if other != index and letters & set(re.findall(r"[A-Za-z]", other)):
            return True
    return False


def not_in_force(name: str, body: str, sentence: str, words: str, defined: set) -> str:
    """Why ``name = body`` (the first formula for ``name``) is no definition in force, or ''."""
    if recurrence(name, body):
        return (f"a recurrence: {name} appears on its right side at another index, so this is "
                "no closed form; a step that uses it is undecided")
    base = derivative_of(name, body, sentence, words, defined)
    if base:
        of = "a derivative of " + (base if base.startswith("a name") else f"{base}, defined before")
        return (f"{name} is {of} (the name or the words say so): a claim about that "
                "derivative, not a definition of a new name; a step that uses it is undecided")
    return ""
