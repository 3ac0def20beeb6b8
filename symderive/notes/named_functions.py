r"""Letters the prose names as a particular known function (review round 10, C6 and H3).

*Let $\sigma$ denote the tanh activation.*, *The activation $g$ is the logistic sigmoid.*,
*Let $\phi$ be the hyperbolic tangent.*, *We use the ReLU $h$.*, ``$g$는 시그모이드 함수이다``:
the note says which function the letter is, in words; for σ also by a formula that is only a
function's name (*The activation function $\sigma$ is $\tanh$.*, *Below, $\sigma$ is
$\operatorname{ReLU}$.*: round 38 A05).

* The grammar reads ``\sigma(…)`` as the sigmoid. A sentence that names σ as another function
  (tanh, ReLU, softplus, …) gives σ the note's own meaning: a step applying σ is not decided
  with the built-in sigmoid (a :class:`~symderive.notes.shadowed.Shadow`).
* Any other letter is read as an unknown function, checked on invented instances. The note
  says it is one particular function, which the instances are not: a refutation on an
  instance is withheld, naming the sentence (a stated property, ``FileContext.properties``),
  as for the properties of :mod:`symderive.notes.function_words`. A proof (the claim holds for
  every function) stays.

A function word after a negation or a contrast (*rather than the tanh*, *not the ReLU*,
*instead of*, *unlike*) names what the letter is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symderive.grammar.negation import CONTRAST
from symderive.notes.shadowed import Shadow

# the known functions by the words that name them; "sigmoid" is σ's own built-in meaning
KNOWN = {
    "sigmoid": r"(?:logistic\s+)?sigmoid|logistic(?:\s+(?:function|curve|activation))?|시그모이드|로지스틱",
    "tanh": r"tanh|hyperbolic\s+tangent|쌍곡\s*탄젠트|하이퍼볼릭\s*탄젠트",
    "ReLU": r"(?:leaky\s+|parametric\s+)?relu|rectified\s+linear(?:\s+unit)?|rectifier|렐루",
    "softplus": r"soft-?plus",
    "softmax": r"soft-?max|소프트맥스",
    "ELU": r"[gs]?elu|exponential\s+linear(?:\s+unit)?",
    "swish": r"swish|silu|mish",
    "identity": r"identity(?:\s+(?:function|map|activation))?|항등\s*함수",
    "step": r"(?:heaviside|unit)\s+step|step\s+function|heaviside|threshold\s+function|계단\s*함수",
    "sign": r"sign(?:um)?\s+function|signum",
    "Gaussian": r"gaussian|normal\s+(?:density|pdf|cdf)|bell\s+curve|가우시안",
    "arctan": r"arc\s*tangent|arctan",
    "exponential": r"exponential\s+function|natural\s+exponential|지수\s*함수",
    "logarithm": r"(?:natural\s+)?logarithm|로그\s*함수",
    "sine": r"sine\s+function|cosine\s+function|사인\s*함수|코사인\s*함수",
    "absolute value": r"absolute\s+value(?:\s+function)?|절댓값\s*함수",
}
FUNCTION_WORD = re.compile(
    "|".join(rf"(?P<k{i}>(?<![A-Za-z])(?:{words})(?![A-Za-z]))" for i, words in enumerate(KNOWN.values())),
    re.I)
NAMES = tuple(KNOWN)
# σ said not to be something ("not the logistic sigmoid but the tanh", "no longer the sigmoid")
_DENIALS = "|".join(
    (r"\b" + r"\s+".join(word.split()) + r"\b") if word.isascii() else word
    for word in ("not", "no longer", "other than", "except", "아닌") + CONTRAST)
DENIED = re.compile(_DENIALS, re.I)
# σ named a sigmoid that is not the logistic one, or any function by a name not listed above
MODIFIED_SIGMOID = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:hard|bipolar|algebraic|scaled|shifted|"
    r"modified|generali[sz]ed|piecewise(?:[- ]linear)?|linear|approximate|fast|soft|symmetric|"
    r"steep|tempered)\s*-?\s*sigmoid", re.I)
ACTIVATION_NOUN = re.compile(
    r"\s*(?:(?:the|a|an|our)\s+)?(?:[\w-]+\s+){0,2}?(?:activation|function|nonlinearity|"
    r"squashing|transfer\s+function|link)\b", re.I)
NEGATED = re.compile(rf"(?:{_DENIALS})(?:\s+(?:the|a|an))?\s*$", re.I)
# a second function joined to the first: "the sigmoid or the tanh", "tanh/ReLU"
JOINED = re.compile(r"\s*(?:activation|function)?\s*(?:,|/|or|and|,\s*or|또는|혹은|이나)\s*(?:the|a|an)?\s*",
                    re.I)
_GREEK = (r"alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|"
          r"nu|xi|rho|varrho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Phi|Psi")
LETTER = rf"(?:\\(?:{_GREEK})(?![A-Za-z])|[A-Za-z](?![A-Za-z]))"
_MATH_LETTER = rf"\$\s*(?:\\(?:mathrm|operatorname)\s*\{{\s*)?(?P<name>{LETTER})\s*\}}?\s*(?:\(\s*\\?cdot\s*\)|\(\s*[a-z]\s*\))?\s*\$"
VERB = (r"(?:is|be|denotes?|stands?\s+for|represents?|is\s+(?:chosen|taken)\s+(?:as|to\s+be)|"
        r"will\s+be|here\s+is|=|은|는|이|가|를|을)")
# "$g$ is the logistic sigmoid", "Let $\sigma$ denote the tanh activation"
NAMED = re.compile(rf"{_MATH_LETTER}\s*,?\s*{VERB}\s*(?P<words>[^$.;:!?]{{0,80}})")
# "the tanh activation $\sigma$", "a sigmoid $g$", "we use the ReLU $h$"
NOUN_BEFORE_LETTER = re.compile(
    r"\s*(?:activation|nonlinearity|unit|map|function)?(?:\s+function)?\s*(?:함수|활성화\s*함수)?\s*")
BEFORE = re.compile(rf"(?P<words>[^$.;:!?]{{0,60}})\s*{_MATH_LETTER}")
# a formula that is only a function's name: "$\tanh$", "$\operatorname{ReLU}$", "$\sin(\cdot)$",
# "$\max(0, z)$" — the note names σ's function in math, not in words (round 38 A05)
_NAME_MACRO = (r"\\(?P<macro>mathrm|operatorname|text|textrm)\s*\{\s*"
               r"(?P<word>[A-Za-z][A-Za-z\s-]*?)\s*\}")
FUNCTION_MACROS = {"tanh": "tanh", "sin": "sine", "cos": "sine", "arctan": "arctan",
                   "exp": "exponential", "log": "logarithm", "ln": "logarithm"}
_ARGUMENT = r"(?:\s*(?:\\left\s*)?\(\s*(?:\\cdot|[a-z])?\s*(?:\\right\s*)?\))?"
MATH_FUNCTION = re.compile(
    rf"\s*(?:{_NAME_MACRO}|\\(?P<function>{'|'.join(FUNCTION_MACROS)})(?![A-Za-z])"
    rf"|(?P<max>\\max\s*(?:\\left\s*)?\(\s*0\s*,\s*[a-z]\s*(?:\\right\s*)?\))){_ARGUMENT}\s*")


@dataclass(frozen=True)
class NamedFunction:
    """The letter ``name`` is, by the sentence at ``line``, the known function ``function``."""

    name: str  # as written: "\\sigma", "g"
    function: str  # a key of KNOWN
    line: int
    words: str  # the sentence, for a reason


def _as_dollars(text: str) -> str:
    r"""``\(g\)`` and ``\\(g\\)`` (escaped in Markdown) as ``$g$``."""
    return re.sub(r"\\\\?[()]", "$", text)


def _named_in(words: str) -> list[str]:
    """The known functions ``words`` (the words after the letter and its verb) name: the first
    within its first few words (*the logistic sigmoid*, not *the input to the softmax*), and
    those joined to it (*the sigmoid or the tanh*); none after a negation or contrast."""
    named = []
    end = None
    for match in FUNCTION_WORD.finditer(words):
        before = words[:match.start()] if end is None else words[end:match.start()]
        if end is None and (len(before.split()) > 3 or NEGATED.search(before[-30:])):
            break
        if end is not None and not JOINED.fullmatch(before):
            break
        index = next(int(key[1:]) for key, value in match.groupdict().items() if value)
        named.append(NAMES[index])
        end = match.end()
    return list(dict.fromkeys(named))


def _functions_in_math(text: str) -> list[str]:
    r"""The known functions ``text`` names by a formula that is only a function's name:
    ``$\tanh$``, ``$\operatorname{ReLU}$``, ``$\mathrm{GELU}(\cdot)$``, ``$\max(0, z)$``; an
    ``\operatorname`` of a name not known is another function (round 38 A05)."""
    named = []
    for formula in re.findall(r"\$([^$]*)\$", text):
        match = MATH_FUNCTION.fullmatch(formula)
        if not match:
            continue
        if match.group("function"):
            named.append(FUNCTION_MACROS[match.group("function")])
        elif match.group("max"):
            named.append("ReLU")
        elif word := FUNCTION_WORD.fullmatch(match.group("word").strip()):
            named.append(NAMES[next(int(k[1:]) for k, v in word.groupdict().items() if v)])
        elif match.group("macro") == "operatorname":
            named.append("another function")
    return named


# σ in a formula, as a command or the letter itself (round 39 H04: *The activation $σ$ is …*)
SIGMA_IN_MATH = re.compile(r"\$[^$]*(?:\\sigma(?![A-Za-z])|σ)[^$]*\$")
POINTS_BACK = re.compile(r"\b(?:it|this|that|these)\b|이를|이것을|이것|이\s*함수를", re.I)
# the role a σ sentence may name σ by, which an earlier sentence names as a function (*The
# activation function is the hyperbolic tangent. We denote the activation by $\sigma$.*: round
# 40 I01, I02)
ROLE = re.compile(r"\b(?:activations?|non-?linearit(?:y|ies)|(?:transfer|squashing)\s+functions?)\b"
                  r"|활성화\s*함수|활성\s*함수|비선형\s*함수", re.I)
# σ itself called by that role: *We denote the activation by $\sigma$*, *Let $\sigma(z)$ denote
# the activation*, *활성화 함수를 $\sigma$로 표기한다* (not *Let $a = \sigma(z)$ be the activation*)
_SIGMA_ALONE = r"\$\s*(?:\\sigma(?![A-Za-z])|σ)\s*(?:\(\s*(?:\\cdot|[a-z])?\s*\))?\s*\$"
SIGMA_BY_ROLE = re.compile(rf"(?:{ROLE.pattern})[^$.;:!?]{{0,40}}{_SIGMA_ALONE}"
                           rf"|{_SIGMA_ALONE}[^$.;:!?]{{0,40}}(?:{ROLE.pattern})", re.I)
_POINTING_BACK_REACH = 3  # sentences a chain of *it* may reach back through (round 40 I01)


def _without_math(text: str) -> str:
    return re.sub(r"\$[^$]*\$", " ", text)


def _pointed_back_to(earlier: list, sentence, text: str) -> list[str]:
    r"""The sentences before ``sentence`` (in its paragraph) that ``text`` points back to: the
    one before when it says *it*/*this*/이를, and the one before that while each says it too
    (*The activation is $\tanh$. We use it in every layer. Below we write it as $\sigma$.*)."""
    found = []
    for before, before_text in reversed(earlier[-_POINTING_BACK_REACH:]):
        if before.paragraph != sentence.paragraph or not POINTS_BACK.search(_without_math(text)):
            break
        found.append(before_text)
        text = before_text
    return found[::-1]


def _role_named_before(earlier: list, sentence, text: str, reaches) -> list[str]:
    r"""The sentences before ``sentence`` that name σ's role as a function, when ``text`` (the σ
    sentence) calls σ by that role and names no function itself (*We denote the activation by
    $\sigma$.* after *The activation function is the hyperbolic tangent.*: round 40 I01): those
    in its paragraph, and those whose statement reaches it (``reaches(their line, its line)``)."""
    words = _without_math(text)
    if not SIGMA_BY_ROLE.search(text) or FUNCTION_WORD.search(words) or _functions_in_math(text):
        return []
    return [before_text for before, before_text in earlier
            if (before.paragraph == sentence.paragraph or reaches(before.first, sentence.first))
            and ROLE.search(_without_math(before_text))]


def _sigma_named_in(text: str) -> list[tuple[str, str]]:
    """(σ, function) for each function other than the sigmoid ``text`` (sentences
    about σ) names, in words or by a formula that is only its name."""
    pairs = []
    for match in FUNCTION_WORD.finditer(_without_math(text)):
        index = next(int(k[1:]) for k, v in match.groupdict().items() if v)
        if NAMES[index] != "sigmoid":
            pairs.append(("\\sigma", NAMES[index]))
    pairs += [("\\sigma", function) for function in _functions_in_math(text)
              if function != "sigmoid"]  # "$\sigma$ is $\tanh$" (round 38 A05)
    if re.search(r"sigmoid\s*-\s*\w", text, re.I):
        pairs.append(("\\sigma", "another function"))
    return pairs


def _shown(text: str) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= 100 else shown[:97] + "..."


def named_functions(sentences, reaches=None) -> list[NamedFunction]:
    """Every letter a sentence names as a known function (``sentences``: objects with
    ``text``, ``first`` and ``paragraph``, the sentences of the prose; ``reaches(line, other)``:
    whether a statement on ``line`` holds at ``other``, its section; by default its paragraph)."""
    reaches = reaches or (lambda line, other: False)
    found: list[NamedFunction] = []
    earlier: list = []  # (sentence, its text): those a σ sentence may point back to
    for sentence in sentences:
        text = _as_dollars(sentence.text)
        before, earlier = earlier, earlier + [(sentence, text)]
        if "$" not in text:
            continue
        shown = _shown(text)
        pairs = []
        for match in NAMED.finditer(text):
            words = match.group("words")
            named = _named_in(words)
            if match.group("name") == "\\sigma" and (MODIFIED_SIGMOID.match(words) or (
                    not named and ACTIVATION_NOUN.match(words)) or DENIED.search(words)
                    or re.match(r"\s*(?:the\s+)?derivative", words, re.I)):
                named = ["another function"]  # the hard sigmoid, the softsign activation
            pairs += [(match.group("name"), one) for one in named]
        for match in BEFORE.finditer(text):
            words = match.group("words")
            last = list(FUNCTION_WORD.finditer(words))[-1:]  # "the tanh activation $g$"
            if (last and NOUN_BEFORE_LETTER.fullmatch(words[last[0].end():])
                    and not NEGATED.search(words[:last[0].start()][-30:])):
                index = next(int(k[1:]) for k, v in last[0].groupdict().items() if v)
                pairs.append((match.group("name"), NAMES[index]))
        if SIGMA_IN_MATH.search(text):
            # any other function named in a sentence about σ may be σ ("where σ was the sigmoid,
            # here it is the tanh"), and "sigmoid-weighted" is no sigmoid: σ is not decided
            # with the built-in (review round 10b, C6, C10); so in the sentences before that
            # this one points back to (*The activation is $\tanh$. Below we write it as
            # $\sigma$.*, 이를 $\sigma$로 쓴다: round 39 H04; through *We use it in every
            # layer.* between: round 40 I01), and in an earlier one naming σ's role (*the
            # activation*) a function (round 40 I01, I02)
            read = " ".join(dict.fromkeys(_role_named_before(before, sentence, text, reaches)
                                          + _pointed_back_to(before, sentence, text) + [text]))
            pairs += _sigma_named_in(read)
            if read != text:  # the reason quotes the sentences σ was named in
                shown = _shown(read)
        for name, function in dict.fromkeys(pairs):
            found.append(NamedFunction(name, function, sentence.first, shown))
    return found


def sigma_shadows(found: list[NamedFunction]) -> list[Shadow]:
    """σ named as a function other than the sigmoid: the built-in σ is not the note's."""
    return [Shadow("σ", said.line, said.words) for said in found
            if said.name == "\\sigma" and said.function != "sigmoid"]


def named_properties(found: list[NamedFunction], end_of) -> list[tuple]:
    """(name, line, section end, what) for each other letter named as a known function: the
    instances of an unknown function are not that function. ``end_of(line)``: the section's end."""
    return [(said.name.lstrip("\\"), said.line, end_of(said.line),
             f"the {said.function} — '{said.words}'")
            for said in found if said.name != "\\sigma"]
