r"""Names the prose introduces as geometric quantities, which the description constrains
(review round 8a C14).

``In a right triangle with legs $a$, $b$ and hypotenuse $c$,`` then ``a^2 + b^2 = c^2``: a, b,
c are not three free numbers — they are the sides of one right triangle. Likewise the radius
of a circle and a point on it, the angle *between* two vectors, the polar coordinates of a
point, a distance, a norm, a length, an area. A counterexample that gives such names arbitrary
values (a negative leg, a point off the circle) refutes nothing the note says, so the step is
undecided, quoting the words. (Checking the claim on the figures themselves — right triangles,
points on the circle — is not attempted.)
"""

from __future__ import annotations

import re

_FIGURE = (r"(?:triangle|circle|square|rectangle|disc|disk|sphere|ellipse|polygon|segment|side|"
           r"arc|edge|vector|hypoten[uo]se|leg|curve|chord)s?")
GEOMETRIC_WORDS = re.compile(
    r"\b(?:legs?|hypoten[uo]se|sides?\s+(?:of|lengths?)|side\s+lengths?|(?:right\s+)?triangles?|"
    r"radi(?:us|i)|diameters?|circumferences?|perimeters?|circles?|ellipses?|spheres?|"
    r"parabolas?|hyperbolas?|distances?|norms?\s+of|"
    rf"(?:lengths?|areas?|volumes?)\s+of\s+(?:the|a|an|this|that|each)\s+{_FIGURE}|"
    r"angles?\s+(?:between|of|at|that)|(?:polar|spherical|cylindrical)\s+coordinates|"
    r"coordinates\s+of|arc\s+lengths?|points?\s+(?:on|of)\s+(?:the|a|an|this|that)\s+"
    r"(?:unit\s+)?(?:circle|sphere|ellipse|line|curve|plane|parabola|hyperbola|surface)|"
    r"cent(?:re|er)d?\s+at|tangent\s+to|perpendicular)\b"
    r"|빗변|직각\s*삼각형|반지름|지름|둘레|극\s*좌표|원\s*위의|사이의\s*각",
    re.I,
)
_MATH = re.compile(r"\$([^$]+)\$")
_LETTER = re.compile(r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?")
_COMMANDS = {"mathbf", "boldsymbol", "bm", "vec", "hat", "bar", "tilde", "left", "right"}


def _names(math: str) -> set:
    """The names a short formula writes: ``a``, ``a, b``, ``(x, y)``, ``\\mathbf{a}``; a longer
    formula (a relation) names nothing here."""
    if re.search(r"[=<>]|\\(?:le|ge|ne|neq|leq|geq|in)(?![A-Za-z])", math) or len(math) > 40:
        return set()
    found = set()
    for letter in _LETTER.findall(math):
        bare = letter.lstrip("\\")
        if bare not in _COMMANDS:
            found.add(bare)
    return found


def geometric_doubt(context, line: int, names: set) -> str:
    """The words that introduce one of ``names`` as a geometric quantity in a sentence that
    holds at ``line`` (before it, or the sentence the formula ends), quoted; '' if none."""
    stated = getattr(context, "stated", None)
    if stated is None or not names:
        return ""
    plain = {name.lstrip("\\").split("[")[0] for name in names}
    sections = stated.ends
    for sentence in stated.sentences:
        if sentence.first > line or not sections.reaches(sentence.first, line):
            continue
        words = _MATH.sub(" ", sentence.text)
        if not GEOMETRIC_WORDS.search(words) or re.search(r"\bnot\b|아니", words, re.I):
            continue
        described = set()
        for math in _MATH.findall(sentence.text):
            described |= _names(math)
        hit = sorted(described & plain)
        if hit:
            quoted = " ".join(sentence.text.split())[:100]
            what = "a geometric quantity" if len(hit) == 1 else "geometric quantities"
            return (f"the note introduces {', '.join(hit)} as {what} (line "
                    f"{sentence.first}: '{quoted}'), which the description constrains; the "
                    "counterexample gives them values that ignore it, so it refutes nothing "
                    "the note says")
    return ""
