r"""Words that describe a function, read against what the instances of an unknown function honour
(round 9b H3).

A claim about a function the note never defines is checked on instances
(:mod:`symderive.notes.instances`): polynomials, exponentials plus a linear part, sines and their
sums — smooth (analytic) real functions on the whole real line (or ℝⁿ), of any growth, neither
periodic nor even nor odd nor bounded nor positive nor monotone. A refutation on such an instance
refutes the claim *for every function*; it says nothing about a function the note describes as
*repeating every 2π*, *bounded*, *vanishing at infinity*, *harmonic*, *satisfying* some equation
…: the instance need not have the property, and the claim may hold for every function that has
it.  A property list (:data:`symderive.notes.function_words.PROPERTY`) cannot name every such
word, so this module reads the other way round: the words describing a letter are compared with
the words the instances honour (:data:`HONOURED`: *smooth*, *differentiable*, *continuous*,
*real-valued*, *of one variable*, *on $\mathbb{R}$*, role nouns such as *loss* or *activation*,
and the connectives *that*, *with*, *which* …); any other word — an adjective before *function*,
a word of the clause after it (*function that/which/with/satisfying/such that/whose/on …*), a
formula stating a relation (*with $g(0) = 1$*), a domain other than the reals (*on the circle
$\mathbb{R}/2\pi\mathbb{Z}$*, *on $[0, 1]$*) — is a property not read: the letter gets it, and
a refutation (or a check) on the instances of that letter is undecided, the sentence quoted.

The descriptions read (English and Korean):

* ``$g$ be / is / are / denotes / has / satisfies / repeats / vanishes / … <words>`` (the subject
  may carry arguments ``$g(x)$``, a signature ``$g: \mathbb{R} \to \mathbb{R}$``, or be a list
  ``$f$ and $g$``; *to be* after it too: *We take $g$ to be …*);
* ``a / an / any / the / every / some <words> function $g$ <words>``;
* ``$g$는 / 을 … 함수이다 / 라고 하자`` (Korean: what remains after the honoured words);
* *It / This function / The function / Such a function <verb> …* right after a sentence that
  describes a letter: the same letter.

The description ends at the end of the sentence or where another clause starts (``;``, *and let*,
*then*, *so that*, *and $x$ is …*).  Only letters the check treats as unknown functions are
affected: the property is consulted for the unknown functions of a step alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GREEK = (r"alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|"
          r"nu|xi|rho|varrho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|"
          r"Xi|Sigma|Upsilon|Phi|Psi|Omega")
LETTER = rf"(?<![_^A-Za-z\\])(?:\\(?:{_GREEK})(?![A-Za-z])|[A-Za-z](?![A-Za-z]))"
_NAME = LETTER
_SUB = r"(?:\s*_\s*(?:\{[^{}$]{0,12}\}|\\?\w+))?"
_ARGS = r"(?:\s*\((?:[^()$]|\([^()$]*\)){0,40}\))?"
_SIGNATURE = r"(?:\s*:[^$]{0,60})?"
# one letter in math, as the subject: $g$, $g(x)$, $h_\theta$, $g: \mathbb{R} \to \mathbb{R}$
_SUBJECT = rf"\$\s*{_NAME}{_SUB}{_ARGS}{_SIGNATURE}\s*\$"
_SUBJECTS = rf"(?P<subjects>{_SUBJECT}(?:\s*(?:,\s*(?:and\s+)?|and\s+){_SUBJECT}){{0,12}})"
# the nouns that name a function (one definition: function_words reads them too)
FUNCTION_NOUN = r"(?:functions?|maps?|mappings?|transformations?|operators?|functionals?)"
_VERB = (r"(?:(?:is|are|was|be|being)\s+(?:assumed|supposed|taken|known|given|chosen|required)"
         r"\s+to\s+(?:be|have|satisfy|obey)|to\s+be|be|is|are|denotes?|represents?|stands?\s+for|"
         r"ha[sv]e?|satisf(?:y|ies)|obeys?|fulfils?|fulfills?|repeats?|recurs?|vanish(?:es)?|"
         r"decays?|grows?|takes?|attains?|reaches|stays?|remains?|tends?|lies|lie|maps?|sends?|"
         r"changes?|preserves?|commutes?|equals?|agrees?|coincides?|solves?|admits?|"
         r"is\s+(?:defined|given)\s+on|increases?|decreases?)")
_CLAUSE_END = re.compile(
    r"[;:]|(?:,\s*|\s+)(?:and|but|while|whereas)\s+(?:let|we|consider|take|"
    r"define|write|\$[^$]*\$\s+(?:be|is|are|denotes?))\b|,?\s*\b(?:then|so\s+that|hence|thus|"
    r"therefore)\b|\.\s", re.I)
DESCRIBED = (
    re.compile(rf"{_SUBJECTS}\s+(?P<words>{_VERB}\b[^;]*)", re.I),
    re.compile(rf"\b(?:a|an|any|the|every|some|each|our)\s+(?P<before>[^$.;:]{{0,60}}?)"
               rf"{FUNCTION_NOUN}\s+{_SUBJECTS}(?P<words>[^;]*)", re.I),
    re.compile(rf"{_SUBJECTS}\s*(?:은|는|이|가|를|을)\s*(?P<words>[^.;]*)"),
)  # fmt: skip
_LEAD = (r"(?:(?:we\s+)?(?:also\s+)?(?:assume|suppose|require|ask|demand)\s+(?:that\s+)?|"
         r"(?:moreover|furthermore|also|in\s+addition|besides|here|throughout),?\s+)*")
PRONOUN = re.compile(rf"^\s*{_LEAD}(?:it|this\s+{FUNCTION_NOUN}|the\s+{FUNCTION_NOUN}|such\s+an?\s+"
                     rf"{FUNCTION_NOUN})\s+(?P<words>{_VERB}\b[^;]*)|^\s*(?:그|이)\s*함수\s*(?:는|가)"
                     rf"\s*(?P<korean>[^.;]*)", re.I)
ALL_FUNCTIONS = re.compile(
    rf"\b(?:all|every|each|any)\s+(?:(?:the|our|of\s+the|real|smooth|unknown|differentiable)\s+)*"
    rf"{FUNCTION_NOUN}\b(?:\s+(?:here|below|above|considered|we\s+consider|in\s+this\s+\w+|"
    rf"that\s+(?:appear|occur)\w*))*\s*,?\s+(?P<words>{_VERB}\b[^;]*)"
    rf"|(?:모든|각)\s*함수(?:는|가|들은)\s*(?P<korean>[^.;]*)", re.I)
HYPOTHESIS = re.compile(r"\b(?:assum\w*|suppos\w*|let|given|requir\w*|satisf\w*|obey\w*|such\s+that|"
                        r"whenever|provided|for\s+which|with)\b|가정|하자|만족", re.I)
_STATED_RELATION = re.compile(r"=|<|>|\\(?:le|ge|leq|geq|ne|neq|lt|gt)(?![A-Za-z])|[≤≥≠]")
_APPLIED_NAME = re.compile(rf"(?<![A-Za-z\\])(?P<name>{_NAME}){_SUB}\s*(?:\^\s*\{{?[^{{}}()]{{0,6}}\}}?\s*|'+\s*)?\(")
# name = …, name(x) := …: a definition of name (when name is not on the right)
_DEFINITION = re.compile(rf"^\s*(?P<name>{_NAME}){_SUB}{_ARGS}\s*(?::=|\\coloneqq|\\equiv|"
                         rf"\\triangleq|=)(?P<right>[^=<>]*)$")
_LETTER = re.compile(rf"\$\s*(?P<name>{_NAME})")
# a map of complex numbers (f: \mathbb{C} \to \mathbb{C}): the complex reader withholds the real
# instances, and names why
COMPLEX = re.compile(r"\\mathbb\s*\{?\s*C\s*\}?")

# words that describe nothing the instances lack: smoothness, the reals, variables, roles, and the
# connectives of a description (what follows them is judged word by word)
HONOURED = frozenset("""
a an the any every each some all our its it this that which who whose with where such so as
arbitrary given fixed unknown general generic certain particular
smooth differentiable continuous continuously infinitely analytic real-analytic twice once thrice
times k-times n-times everywhere nice well-behaved sufficiently regular
real real-valued valued scalar scalar-valued vector-valued univariate multivariate multivariable
nonlinear non-linear non-constant nonconstant
function functions map maps mapping mappings functional transformation operator
of on from to into in over for and or by be is are being been has have having denote denotes
represent represents stands stand defined define domain whole entire line real-line set reals
variable variables argument arguments input inputs output outputs single one two several many
derivative derivatives order orders all value values at
loss cost objective activation error score link hypothesis model target network neural
predictor prediction decoder encoder layer unit units nonlinearity
elementwise element-wise componentwise component-wise applied parameterized parametrized
parameters parameter weights weight
position location displacement trajectory path distance height altitude velocity speed time
temperature price signal response state quantity
call called name named let we us consider take write
""".split())
_KOREAN_HONOURED = re.compile(
    r"임의의|어떤|주어진|고정된|미분\s*가능한|미분가능한|매끄러운|연속(?:인|적인|이고)?|실수\s*값(?:을\s*갖는)?|"
    r"실수|스칼라|비선형|활성화|손실|목적|비용|함수|변수|하나의|입력|출력|이라고|라고|이다|입니다|하자|"
    r"합시다|한다|정의된|에서|위에서|의|인|한|된|이고|이며|로|으로|를|을|은|는|이|가|와|과|및|그리고")
_RELATION = re.compile(r"=|<|>|\\(?:le|ge|leq|geq|ne|neq|neg|approx|sim|equiv|in|subset\w*|mid|"
                       r"perp|parallel|propto)(?![A-Za-z])|[≤≥≠∈⊂|]")
_REALS = re.compile(r"\\mathbb\s*\{?\s*R\s*\}?(?:\s*_\s*(?:\{[^{}]*\}|\+|\w))?"
                    r"(?:\s*\^\s*(?:\{[^{}]*\}|\w))?"
                    # an interval of the reals: [0, 1], (a, b), [0, \infty), (-\infty, 0]
                    r"|(?:\\left)?[\[(][-+\s\w\\.{}]*,[-+\s\w\\.{}]*(?:\\right)?[\])]")
_SIGNATURE_MATH = re.compile(r"\\(?:to|rightarrow|longrightarrow|mapsto)(?![A-Za-z])|→|×|\\times")


@dataclass(frozen=True)
class Described:
    """A letter the sentence describes with words the instances need not honour."""

    name: str  # as the grammar spells it (``theta`` for ``\theta``)
    words: str  # the words not read, as written


def described(text: str, previous: str = "") -> list[Described]:
    """Each letter ``text`` describes with words the instances do not honour (every other word,
    formula or domain of its description); ``previous`` names the letter the sentence before
    described, for *It …* / *This function …*."""
    found: list[Described] = []
    for pattern in DESCRIBED:
        for match in pattern.finditer(text):
            words = _clause(match.group("words"))
            before = match.groupdict().get("before") or ""
            unread = _unread(before + " " + words)
            if unread and not COMPLEX.search(match.group("subjects")):  # (read as complex)
                found.extend(Described(name, unread) for name in _names(match.group("subjects")))
    found.extend(conditions(text))
    pronoun = PRONOUN.match(text)
    if previous and pronoun:
        words = pronoun.group("words") or pronoun.group("korean") or ""
        unread = _unread(_clause(words))
        if unread:
            found.append(Described(previous, unread))
    return found


def conditions(text: str) -> list[Described]:
    """A relation about a function's values in a hypothesis sentence (*Assume $g(x) > 0$ for all
    $x$*, *Suppose $|g(x)| \\le 1$*, *such that $g(0) = 1$*): each letter applied in it, with the
    formula — not a definition (*Let $f(x) = g(x)^2$* defines f; g is a letter of it)."""
    prose = re.sub(r"\$[^$]*\$", " ", text)
    if not HYPOTHESIS.search(prose):
        return []
    found = []
    for math in re.findall(r"\$([^$]+)\$", text):
        if not _STATED_RELATION.search(math):
            continue
        defined = _DEFINITION.match(math)
        if defined and not re.search(rf"(?<![A-Za-z\\]){re.escape(defined.group('name'))}(?![A-Za-z])",
                                     defined.group("right")):
            continue  # a definition states nothing about the functions it uses
        for match in _APPLIED_NAME.finditer(math):
            found.append(Described(match.group("name").lstrip("\\"), f"${math.strip()}$"))
    return found


def described_all(text: str) -> str:
    """The unread words of a sentence describing every function at once (*All functions here
    are $2\\pi$-periodic.*, *Throughout, every function vanishes at infinity.*, 모든 함수는 …),
    or ''."""
    match = ALL_FUNCTIONS.search(text)
    if not match:
        return ""
    return _unread(_clause(match.group("words") or match.group("korean") or ""))


def described_letters(text: str) -> list[str]:
    """The letters a sentence describes (any words): what *It …* in the next sentence means
    when there is exactly one."""
    names = []
    for pattern in DESCRIBED:
        for match in pattern.finditer(text):
            names.extend(_names(match.group("subjects")))
    return list(dict.fromkeys(names))


def _names(subjects: str) -> list[str]:
    return [match.group("name").lstrip("\\") for match in _LETTER.finditer(subjects)]


def _clause(words: str) -> str:
    """The description up to where another clause starts."""
    end = _CLAUSE_END.search(words)
    return words[: end.start()] if end else words


def _unread(words: str) -> str:
    """The words (and formulas) of a description the instances do not honour, joined; ''."""
    unread = []
    # "and constant $C$": a noun right before another bare letter describes that letter
    words = re.sub(r"[A-Za-z][A-Za-z'-]*\s*\$\s*\\?[A-Za-z]+\s*\$", " ", words)
    for math in re.findall(r"\$([^$]*)\$", words):
        if not _plain_math(math):
            unread.append(f"${math.strip()}$")
    prose = re.sub(r"\$[^$]*\$", " ", words)
    korean = _KOREAN_HONOURED.sub(" ", prose)
    for token in re.findall(r"[A-Za-z][A-Za-z'-]*|[\uac00-\ud7a3]+", korean):
        if token[0] >= "\uac00":
            unread.append(token)
        elif token.lower().strip("'-") not in HONOURED and len(token) > 1:
            unread.append(token)
    return " ".join(dict.fromkeys(unread))


def _plain_math(math: str) -> bool:
    """A formula that states nothing about the function: its variables (``x``, ``x, y``,
    ``x \\in \\mathbb{R}``), the reals, a signature ``\\mathbb{R}^n \\to \\mathbb{R}``."""
    body = _REALS.sub(" ", math)
    body = _SIGNATURE_MATH.sub(" ", body)
    body = re.sub(r"\\in(?![A-Za-z])|∈", " ", body) if _REALS.search(math) else body
    if _RELATION.search(body) or re.search(r"[/\[\]]|\\mathbb|\^", body):
        return False
    return bool(re.fullmatch(r"[\sA-Za-z0-9_{},()\\]*", body)) and len(body) <= 40
