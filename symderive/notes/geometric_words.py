r"""Names the prose introduces as geometric quantities, which the description constrains
(review round 8a C14).

``In a right triangle with legs $a$, $b$ and hypotenuse $c$,`` then ``a^2 + b^2 = c^2``: a, b,
c are not three free numbers — they are the sides of one right triangle. Likewise the radius
of a circle and a point on it, the angle *between* two vectors, the polar coordinates of a
point, a distance, a norm, a length, an area. A counterexample that gives such names arbitrary
values (a negative leg, a point off the circle) refutes nothing the note says, so the step is
undecided, quoting the words. (Checking the claim on the figures themselves — right triangles,
points on the circle — is not attempted.)

Words naming a triangle or one of its laws — *triangle*, *law of cosines / sines*, 삼각형,
코사인 법칙, 사인 법칙, 余弦定理, 正弦定理 — in a heading of the formula's section or a sentence of
it say the same of its single letters even where no formula names them (round 58 AW04: under
``### 제 1, 2 코사인 법칙``, ``a = c\cos B + b\cos C`` and ``a^2 = b^2 + c^2 - 2bc\cos A``
speak of a triangle's sides a, b, c and its angles A, B, C, where A + B + C = π): a
counterexample giving those letters free values refutes nothing, and such a relation is a law
of the figure, not a definition of its first letter (:func:`law_of_the_figure`).
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
# a triangle or a law of one (round 58 AW04); not the triangle inequality, nor Pascal's triangle
FIGURE_LAWS = re.compile(
    r"\blaws?\s+of\s+(?:co)?sines?\b|\b(?:co)?sine\s+(?:rule|law|theorem)s?\b|"
    r"(?<!pascal's\s)(?<!pascal\s)\btriangles?\b(?!\s+inequalit)|"
    r"(?:코)?사인\s*(?:제\s*\d\s*)?법칙|삼각형(?!\s*부등식)|[余正]弦[定法][理律则]|三角形(?!不等式)",
    re.I,
)
# a letter of a figure: a side a, b, c or an angle A, B, C, α, β, γ (one letter, no subscript)
FIGURE_LETTER = re.compile(r"[A-Za-z]|alpha|beta|gamma|theta")
# words that define a letter even in a triangle's section ("Let $s = (a + b + c)/2$")
_DEFINING = re.compile(
    r"\b(?:let|define[sd]?|set|denote[sd]?|write|call(?:ed)?|put|where|with)\b|"
    r"이라\s*하|라\s*하|로\s*두|로\s*놓|정의|[设令记]", re.I)
# the trigonometric functions of its angles, which a law of a triangle relates to its sides
_TRIGONOMETRIC = re.compile(r"\\(?:sin|cos|tan|cot|sec|csc)(?![A-Za-z])")
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
        law = FIGURE_LAWS.search(words)
        if not (GEOMETRIC_WORDS.search(words) or law) or re.search(
                r"\bnot\b|아니", words, re.I):
            continue
        described = set()
        for math in _MATH.findall(sentence.text):
            described |= _names(math)
        hit = sorted(described & plain)
        if not hit and law and not any(map(FIGURE_LETTER.fullmatch, described)):
            # "In triangle $ABC$", "By the law of cosines": its letters (round 58 AW04)
            if doubt := _figure_doubt(sorted(filter(FIGURE_LETTER.fullmatch, plain)),
                                      law.group(), sentence.first, sentence.text):
                return doubt
        if hit:
            quoted = " ".join(sentence.text.split())[:100]
            what = "a geometric quantity" if len(hit) == 1 else "geometric quantities"
            return (f"the note introduces {', '.join(hit)} as {what} (line "
                    f"{sentence.first}: '{quoted}'), which the description constrains; the "
                    "counterexample gives them values that ignore it, so it refutes nothing "
                    "the note says")
    return _heading_doubt(context, sections, line, plain)


def _heading_doubt(context, sections, line: int, plain: set) -> str:
    """:func:`geometric_doubt` for a heading of a section holding ``line`` naming a triangle or
    its law (``### 제 1, 2 코사인 법칙``, round 58 AW04)."""
    lines = getattr(context, "lines", None) or []
    for heading in sections.enclosing(line):
        title = lines[heading - 1] if 0 < heading <= min(line, len(lines)) else ""
        if (law := FIGURE_LAWS.search(_MATH.sub(" ", title))) and (doubt := _figure_doubt(
                sorted(filter(FIGURE_LETTER.fullmatch, plain)), law.group(), heading, title)):
            return doubt
    return ""


def _figure_doubt(letters: list, words: str, line: int, text: str) -> str:
    """Why a counterexample giving ``letters`` free values refutes nothing under ``words``
    (on ``line``, in ``text``) naming a triangle or its law; '' if it gives no such letter."""
    if not letters:
        return ""
    quoted = " ".join(text.split())[:100]
    return (f"the note's words '{words}' (line {line}: '{quoted}') make "
            f"{', '.join(letters)} quantities of a triangle (its sides a, b, c and angles A, B, "
            "C, where A + B + C = π and a/sin A = b/sin B = c/sin C); the counterexample gives "
            "them values no triangle has, so it refutes nothing the note says")


def figure_words(prose: str) -> str:
    """The words of ``prose`` (the headings and sentences in force at a formula) naming a
    triangle or its law, or ''."""
    found = FIGURE_LAWS.search(_MATH.sub(" ", prose))
    return found.group() if found else ""


def law_of_the_figure(name: str | None, arguments: str | None, right: str, lead: str,
                      headings) -> str:
    """Why ``name = right`` is a law of a triangle rather than a definition of ``name``
    (round 58 AW04: ``a = c\\cos B + b\\cos C`` under *### 제 1, 2 코사인 법칙*), or '': the
    name is one of its letters, the right side relates it to the trigonometric functions of its
    angles, no word before it defines (*let*, *where*, 이라 하자), and words naming a triangle
    or its law stand in ``headings()`` (the titles of the sections holding it) or in the
    sentence leading to it, naming no letter themselves (*In triangle $ABC$,*) — where
    :func:`geometric_doubt` reads them too."""
    if name is None or arguments is not None or not FIGURE_LETTER.fullmatch(name.lstrip("\\")):
        return ""
    if not _TRIGONOMETRIC.search(right) or _DEFINING.search(_MATH.sub(" ", lead)[-60:]):
        return ""
    sentence = re.split(r"[.!?。](?:\s|$)|\n\s*\n", lead)[-1]
    named = set().union(*map(_names, _MATH.findall(sentence)))
    words = figure_words(headings()) or (
        "" if any(map(FIGURE_LETTER.fullmatch, named)) else figure_words(sentence))
    return (f"the note speaks of a triangle ('{words}'), whose sides and angles these letters are: "
            f"a law of the figure relating them, not a definition of {name}") if words else ""
