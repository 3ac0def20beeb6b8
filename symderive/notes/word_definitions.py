r"""The letters e and E defined or named in words (round 7, R8).

``$e$`` is Euler's number unless the note gives it a formula (``Let $e = y - wx$.``: see
:func:`symderive.notes.roles.letter_definition`). A definition written in words is the same
definition:

* ``The residual $e$ equals $y - w x$.``, ``$e$ is equal to $y - wx$``, ``Here $e$ stands for
  the prediction error $y - w x$.``, ``$e$ denotes $y - wx$``, ``Let $e$ denote $y - wx$.``,
  ``잔차 $e$는 $y - w x$와 같다.``, ``$e$는 $y - wx$이다.``, ``The energy $E$ equals $m c^2$.``:
  read as the formula ``e = y - w x`` written on that line (:func:`word_definitions`), so the
  letter is substituted as after ``Let $e = y - wx$.``

Any other sentence naming ``$e$`` as a quantity of the note (``the residual $e$``, ``the error
$e$``, ``잔차 $e$``) makes e a letter of the note with no formula read: a claim using e where
no definition of it is in force is not decided (:func:`named_letter`), never read with e =
2.718….
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from symderive.check.sampling import in_domain
from symderive.notes.inequalities import bound_of
from symderive.notes.sections import as_sections

_LETTER = r"\$\s*(?P<name>e|E)\s*\$"
_RHS = r"\$(?P<rhs>[^$]{1,120})\$"
_NOUN = r"(?:(?:the|a|an|our|its)\s+)?(?:[A-Za-z\-]+\s+){0,3}?"
_END = r"\s*[.;,]?\s*$"
DEFINED_IN_WORDS = (
    # The residual $e$ equals $y - w x$.  Here $e$ stands for the prediction error $y - w x$.
    re.compile(rf"^(?:(?:here|now|then|and|where)\s*,?\s+)?{_NOUN}{_LETTER}\s+(?:equals|is\s+equal\s+to|"
               rf"stands\s+for|denotes|represents|is\s+defined\s+(?:as|by)|is\s+given\s+by)\s+"
               rf"{_NOUN}{_RHS}{_END}", re.I),
    # Let $e$ denote $y - wx$.
    re.compile(rf"^(?:let|and\s+let)\s+{_LETTER}\s+(?:denote|stand\s+for|represent|be\s+defined\s+"
               rf"(?:as|by)|be\s+given\s+by)\s+{_NOUN}{_RHS}{_END}", re.I),
    # 잔차 $e$는 $y - w x$와 같다.  $e$는 $y - wx$이다.  $e$는 $y - wx$로 정의한다.
    re.compile(rf"^(?:[^$]{{0,20}}\s)?{_LETTER}\s*(?:은|는|이|가)\s*(?:[^$]{{0,20}}\s)?{_RHS}\s*"
               rf"(?:와\s*같다|과\s*같다|와\s*같습니다|과\s*같습니다|이다|입니다|(?:으로|로)\s*정의(?:한다|된다|하자))"
               rf"\s*[.]?\s*$"),
)  # fmt: skip
# a quantity named with the letter: the residual $e$, the error $e$, 잔차 $e$
QUANTITY = re.compile(
    r"\b(?:residuals?|errors?|energy|loss|noise|deviation|difference|signal|event|edge|element|"
    r"prediction\s+error|mistake|offset)\s+\$\s*(?P<name>e|E)\s*\$"
    r"|(?:잔차|오차|에너지|손실|잡음|노이즈)\s*\$\s*(?P<korean>e|E)\s*\$", re.I)
# e alone in the prose (``The eccentricity $e$``, ``$0 \le e < 1$``, ``$e$가``): a letter of the note,
# unless the sentence says it is Euler's number (``base $e$``, ``the number $e$``, ``$e \approx 2.718$``)
LONE_E = re.compile(
    r"\$\s*e\s*\$"
    r"|\$[^$]*(?<![A-Za-z\\])e\s*(?:<|>|\\le|\\ge|\\leq|\\geq|\\lt|\\gt|\\in|\\ne|\\neq)[^$]*\$"
    r"|\$[^$]*(?:<|>|\\le|\\ge|\\leq|\\geq|\\lt|\\gt)\s*e(?![A-Za-z])[^$]*\$")
EULER_WORDS = re.compile(
    r"euler'?s\s+(?:number|constant)|napier|base\s+of\s+(?:the\s+)?(?:natural|exponential)|"
    r"natural\s+base|(?:exponential|natural)\s+(?:function\s+)?\$\s*e|\bbase\s+\$\s*e|"
    r"number\s+\$\s*e\s*\$(?!\s*(?:of|for|counts?)\b)|2\.71|\\approx|자연\s*상수|오일러\s*(?:수|상수)|"
    r"로그의\s*밑|밑이\s*\$\s*e", re.I)  # (round 22 F11)  # (never "natural" or "base" alone: a natural number, base-10: round 21 F8)
# a sentence that calls e a number of a kind makes it a letter of the note, whatever else it says
E_KIND = re.compile(r"\$\s*e\s*\$[^.$]{0,40}?\b(?:natural\s+numbers?|integers?|counts?|exponent|"
                    r"whole\s+numbers?|index)\b|\b(?:natural\s+number|integer|count|exponent|index)"
                    r"\s+\$\s*e\s*\$", re.I)
# "e is the elementary charge, not Euler's number", "Unlike Euler's number, …" (round 8c X3)
DENIED_EULER = re.compile(r"\b(?:not|unlike|rather\s+than|instead\s+of|no\s+longer)\b[^.]{0,20}"
                          r"(?:euler|napier|natural)|오일러[^.]{0,12}(?:아니|아닌|와\s*달리)", re.I)
# π alone in the prose: ``$\pi$`` (a bound on it, ``$0 < \pi < 1$``, is read by :func:`_pi_bounds`)
LONE_PI = re.compile(r"\$\s*\\pi\s*\$")
# what π is said to be other than the constant: a policy, a probability, a permutation …
PI_QUANTITY = re.compile(
    r"\b(?:polic(?:y|ies)|probabilit(?:y|ies)|stationary|distribution|prior|mixing|mixture|"
    r"weights?|proportions?|permutations?|profits?|prices?|fractions?|shares?|parameters?|primes?)\b"
    r"|정책|확률|분포|비율|가중치|순열|치환", re.I)
PI_APPLIED = re.compile(r"\$\s*\\pi\s*(?:\\left\s*)?\(")  # $\pi(a \mid s)$
PI_CONSTANT = re.compile(r"archimedes|\bcircle|circumference|radians?|3\.14|\\approx|원주율|라디안",
                         re.I)
# a lone π defined as a quantity: the quantity is the head of the phrase, whatever follows it
PI_DEFINED = re.compile(
    r"(?:\blet\s+\$\s*\\pi\s*\$\s+(?:be|denote)|\$\s*\\pi\s*\$\s+(?:denotes|is|stands\s+for|will\s+be)"
    r"|\bwhere\s+\$\s*\\pi\s*\$\s+is)\s+(?:the\s+|an?\s+|our\s+)?(?:\w+\s+){0,2}?"
    r"(?:polic(?:y|ies)|probabilit(?:y|ies)|distribution|prior|proportion|permutation|profit|"
    r"price|fraction|share|parameter|weight|mixing)", re.I)
# a lone π that a defining word names — "Let $\pi$ be the angle of the wedge", "We denote by $\pi$
# …", "Here $\pi$ denotes …", "Set $\pi$ to be …", "Let now $\pi$, the angle, …", "$\pi$를 …이라
# 하자" — is a quantity of the note, unless the sentence speaks of the circle constant ("Let
# $\pi$ denote the ratio of a circle's circumference …": round 22 F11, round 23 R23-20 to R23-25)
PI_LET = re.compile(
    r"\b(?:let(?!\s*(?:us|me)\b|['’]s\b)|denote\s+by|denote|write|call|define|use|introduce|set)"
    r"\s+(?:now\s+)?\$\s*\\pi\s*\$"
    r"|\$\s*\\pi\s*\$\s*(?:,[^.$]{0,40},\s*)?(?:denotes|stands\s+for|represents|will\s+denote|"
    r"is\s+defined\s+as|is\s+used\s+for|be|is\s+now|is\s+(?:the|an?|our)\b)"
    r"|\$\s*\\pi\s*\$\s*(?:를|을|는|은|가|이)[^.$]{0,40}?(?:이?라\s*하자|이?라고\s*하자|으?로\s*두자|"
    r"으?로\s*놓자|으?로\s*정의|이?라\s*두자|을\s*나타낸다|를\s*나타낸다|로\s*나타내자)"
    r"|\$\s*\\pi\s*\$\s*(?:이?라고?|으?로)\s*(?:부르자|부른다|쓰자)", re.I)
# words of the circle constant in the sentence: it is the constant after all
PI_NAMED_CONSTANT = re.compile(
    r"circle|circumference|diameter|archimedes|3\.14|원주율|\b(?:the|a)\s+(?:usual|mathematical|"
    r"famous|well-known|familiar)\s+constant", re.I)
# "π is the policy here, not Archimedes' constant", "unlike the circle constant, …"
DENIED_PI = re.compile(r"\b(?:not|unlike|rather\s+than|instead\s+of|no\s+longer)\b[^.]{0,24}"
                       r"(?:archimedes|circle|constant|3\.14|ratio)|원주율[^.]{0,12}(?:아니|아닌|와\s*달리)",
                       re.I)


def _pi_bounds(text: str) -> list[bool]:
    """For each formula of ``text`` bounding π alone (``0 < \\pi < 1``, ``\\pi \\in (0, 1)``,
    ``\\pi > 3``; read by :func:`symderive.notes.inequalities.bound_of`, as any name's bound):
    whether π = 3.14159… satisfies it."""
    found = []
    for math in re.findall(r"\$([^$]+)\$", text):
        if not re.search(r"\\pi(?![A-Za-z_])", math):
            continue
        bound = bound_of(re.sub(r"\\pi(?![A-Za-z_])", r"\\varpi", math))  # π as a name
        if bound is not None and bound.name == "\\varpi":
            found.append(in_domain(sp.pi, bound.domain))
    return found


def names_pi(text: str) -> bool:
    r"""Whether a sentence makes π a letter of the note (round 8c, X3): it bounds π where the
    constant is not (``$0 < \pi < 1$``), denies it is the constant (``not Archimedes'
    constant``), or calls a lone ``$\pi$`` a policy, a probability … without words of the
    circle constant (``the angle is $\pi$ radians`` keeps it)."""
    bounds = _pi_bounds(text)
    if not all(bounds):
        return True
    if not bounds and not LONE_PI.search(text) and not PI_APPLIED.search(text):
        return False  # π only inside a larger formula (2\pi r, \pi_k): the constant or another name
    if DENIED_PI.search(text):
        return True
    if PI_DEFINED.search(text):  # "Let $\pi$ be the probability that … circle" (round 21 F9)
        return True
    if PI_LET.search(text) and not PI_NAMED_CONSTANT.search(text):  # (round 22 F11)
        return True
    return bool(PI_QUANTITY.search(text)) and not PI_CONSTANT.search(text)


# a definition read as a formula: the right side names something (not a number, not \exp(1))
HAS_NAME = re.compile(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])|\\(?!exp|pi|infty|lim|sum)[A-Za-z]+")


@dataclass(frozen=True)
class WordDefinition:
    """``name = rhs`` stated in words on ``line`` (the sentence, for the report)."""

    name: str
    rhs: str
    line: int
    words: str
    offset: int = -1  # where its right side is written in the note (at most: spaces collapsed)

    @property
    def latex(self) -> str:
        return f"{self.name} = {self.rhs.strip()}"


def word_definitions(sentences) -> list[WordDefinition]:
    """The definitions of e or E the sentences (symderive.notes.stated.Sentence) write in words."""
    found = []
    for sentence in sentences:
        for pattern in DEFINED_IN_WORDS:
            match = pattern.match(sentence.text)
            if match and HAS_NAME.search(match.group("rhs")) and not re.search(
                r"(?<![A-Za-z\\])" + match.group("name") + r"(?![A-Za-z])", match.group("rhs")
            ):  # fmt: skip (e equals e^{…}: not a definition of the letter)
                found.append(WordDefinition(match.group("name"), match.group("rhs"),
                                            sentence.first, sentence.text[:120],
                                            sentence.offset + match.start("rhs")))
                break
    return found


def named_letters(sentences) -> tuple[tuple[int, str, str], ...]:
    """e, E or π named as a quantity of the note (``the residual $e$``): (line, name, the
    sentence) for every sentence naming one; where each holds is the section tree's business
    (:func:`named_letter`)."""
    found: list = []
    for sentence in sentences:
        said = [match.group("name") or match.group("korean")
                for match in QUANTITY.finditer(sentence.text)]
        if LONE_E.search(sentence.text) and (not EULER_WORDS.search(sentence.text)
                                             or DENIED_EULER.search(sentence.text)
                                             or E_KIND.search(sentence.text)):
            said.append("e")  # round 8b K5
        if names_pi(sentence.text):  # "$\pi$ is the policy", "$0 < \pi < 1$" (round 8c X3)
            said.append("\\pi")
        found += [(sentence.first, name, sentence.text[:100]) for name in dict.fromkeys(said)]
    return tuple(found)


def named_letter(context, latex: str, line: int) -> str:
    """Why the chain ``latex`` is not decided: it uses e (or E) that the prose names as a
    quantity of the note, and no formula for it is in force at ``line`` ('' otherwise)."""
    named = getattr(context, "named_letters", ()) or ()
    if not named:
        return ""
    named = as_sections(context.headings).in_force(named, line)  # its section's words only
    view = context.definitions_at(line)
    defined = {getattr(key, "name", str(key)) for key in view.symbols}
    for where, name, words in named:
        plain = name.lstrip("\\")  # \pi: the symbol pi
        if plain in defined or not re.search(
                r"(?<![A-Za-z\\])" + re.escape(name) + r"(?![A-Za-z_])", latex):
            continue  # π_k: another name
        if name == "E" and re.search(r"(?<![A-Za-z\\])E\s*(?:\[|\\left\s*\[|_\s*\{?\s*[A-Za-z]+\s*\}?\s*\[)", latex):
            continue  # E[X]: the expectation
        constant = "the constant π" if name == "\\pi" else "Euler's number"
        return (f"the note names {name} as a quantity in words (line {where}: '{words}') and "
                f"no formula for it is read here: {name} is not {constant}, and its value "
                "is not known")
    return ""
