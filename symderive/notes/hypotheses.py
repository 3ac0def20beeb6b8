r"""The hypotheses a sentence of an information-theory note states for its formulas.

A condition (X, Y independent; X = Y; X an invertible function of Y; P = Q) is a *given* of a
formula only when the formula's clause states it in one of a few affirmative templates
(*If $X$ and $Y$ are independent, …*, *For independent $X$ and $Y$, …*, *Let $X$ and $Y$ be
independent, …*, *When $X = Y$, …*, ``$X$와 $Y$가 독립이면 …``, *… when $X$ and $Y$ are
independent.*), and nothing else in the clause modifies it: any other wording (*conditionally
independent given Z*, *pairwise independent of Z*, *without assuming*, *had … been*, *X = Y in
distribution*, *independent only in the first experiment*, ``조건부 독립``, …) is not a
hypothesis this reader recognises. A sentence that mentions a condition but states it in no
template gives no condition and names its words (so a claim false without the condition is
undecided, never refuted on a dependent law, never proved).

Clauses are split at ``;`` and at *, and* / *but* / *while* / *moreover* (이고, 하지만, 그러나):
each formula takes the hypothesis of its own clause; a clause without one inherits the nearest
earlier clause's hypothesis unless it calls itself general (*for any*, *whatever*, 모든 … 에
대해) or sets itself apart (*here*, *in our case*, *in ours*, *still*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symderive.notes.info_check import Conditions

MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.S)
FORMULA = "⟨F⟩"

_PAIR = r"(?:(?i:two\s+|the\s+)?(?i:random\s+variables\s+)?(?:⟨X⟩\s+(?i:and)\s+⟨Y⟩|⟨Y⟩\s+(?i:and)\s+⟨X⟩|⟨X,Y⟩|⟨Y,X⟩))"
_KPAIR = r"(?:⟨X⟩\s*[와과]\s*⟨Y⟩|⟨Y⟩\s*[와과]\s*⟨X⟩|⟨X,Y⟩)\s*(?:[이가는]|의)?\s*"
_INDEPENDENT = r"(?i:(?:mutually\s+|statistically\s+)?independent)(?:\s+(?i:random\s+variables))?"
_THEN = r"(?=\s*(?:,|(?i:then)\b|(?i:we)\b|⟨F⟩|$))"
_IDENTICAL = r"(?:⟨X=Y⟩|⟨Y=X⟩)"
_SAME_LAW = r"(?:⟨P=Q⟩|⟨Q=P⟩)"
_KO_IF = r"\s*(?:이면|이라면|일\s*때|인\s*경우(?:에만)?|이라고\s*가정하면|이라고\s*하면)"

# each kind: templates that state it before the formula (at the clause start) or after it
_LEAD = {
    "independent": [
        rf"(?i:if|when|whenever|since)\s+{_PAIR}\s+(?i:are)\s+{_INDEPENDENT}{_THEN}",
        rf"(?i:for)\s+(?i:(?:any\s+)?two\s+)?{_INDEPENDENT}\s+{_PAIR}(?=\s*(?:,|⟨F⟩|$))",
        rf"(?i:let|assume|suppose|assuming)(?:\s+(?i:that))?\s+{_PAIR}\s+(?i:be|are)\s+"
        rf"{_INDEPENDENT}(?=\s*(?:[,:]|(?i:then)\b|⟨F⟩|$))",
        rf"{_PAIR}\s+(?i:are)\s+{_INDEPENDENT}\s*,?\s*(?i:so|hence|thus|then|therefore)\b",
        rf"{_KPAIR}(?:서로\s*)?독립(?:적)?{_KO_IF}",
    ],
    "identical": [
        rf"(?i:if|when|whenever|for)\s+{_IDENTICAL}(?:\s+(?i:are\s+the\s+same\s+(?:random\s+)?"
        rf"variable|are\s+identical))?{_THEN}",
        rf"{_IDENTICAL}\s*(?:이면|이라면|일\s*때|인\s*경우)",
        rf"{_IDENTICAL}\s*[이가]\s*(?:두\s*개의\s*)?동일한\s*(?:확률|랜덤)\s*변수(?:인\s*경우|이면|일\s*때)",
    ],
    "invertible": [
        rf"(?i:if|when|whenever)\s+⟨X⟩\s+(?i:is\s+an?\s+(?:invertible|bijective|one-to-one)\s+"
        rf"function\s+of)\s+⟨Y⟩{_THEN}",
        r"⟨X⟩\s*[가이]\s*⟨Y⟩\s*의\s*(?:반전\s*가능한|가역(?:적인)?|일대일)\s*함수"
        r"(?:인\s*경우|이면|일\s*때)",
    ],
    "same_law": [
        rf"(?i:if|when|whenever|for)\s+{_SAME_LAW}{_THEN}",
        rf"{_SAME_LAW}\s*(?:이면|이라면|일\s*때|인\s*경우)",
    ],
}
_TRAIL = {
    "independent": [
        rf"(?i:if|when|whenever)\s+{_PAIR}\s+(?i:are)\s+{_INDEPENDENT}\s*$",
        rf"(?i:for)\s+{_INDEPENDENT}\s+{_PAIR}\s*$",
        rf"{_KPAIR}(?:서로\s*)?독립(?:적)?\s*(?:인|일)\s*(?:경우|때)(?:에만|에)?\s*"
        r"(?:해당됩니다|성립합니다|성립한다|이다|입니다)?\s*$",
    ],
    "identical": [rf"(?i:if|when|whenever)\s+{_IDENTICAL}\s*$"],
    "invertible": [],
    "same_law": [rf"(?i:if|when|whenever)\s+{_SAME_LAW}\s*$"],
}
# what may stand before a hypothesis at the start of its clause (connectives only)
_PREFIX = re.compile(
    r"^\s*(?:[*+-]\s+)?(?:(?:(?i:then|also|moreover|and|so|thus|hence|now|similarly|likewise|furthermore|"
    r"conversely|in\s+particular)|또는|또한|특히|만약|만일|반대로|그리고|다른\s*극단에서|"
    r"극단\s*쌍으로서)\s*,?\s*)*")
_TRAIL_GLUE = re.compile(r"^\s*(?:,\s*)?(?:[은는이가를을]\s*)?")

CLAUSE_SPLIT = re.compile(
    r";|,\s*(?i:and|while|whereas|but|moreover|however)\b|\b(?i:but|however|whereas|while)\b|"
    r"이고\s*,|하지만|그러나|반면|,\s*그리고|이지만\s*,?|지만\s*,|"
    # the other case starts a clause of its own and keeps its word (APART sees it)
    r"(?=그렇지\s*않으면|아니면)|,\s*(?=(?i:and\s+)?(?i:else|otherwise)\b)")
GENERAL = re.compile(
    r"\b(?i:in\s+general|generally|for\s+(?:arbitrary|every|all|any)|arbitrary|always|"
    r"regardless|whatever|no\s+matter)\b|임의의|항상|일반적으로|언제나|모든\s*⟨[^⟩]*⟩(?:\s*[와과]\s*⟨[^⟩]*⟩)?\s*에\s*대(?:해|하여)")
APART = re.compile(r"\b(?i:here|in\s+our\s+case|in\s+ours|still|otherwise|else|in\s+this\s+case)\b|"
                   r"여기서|우리의|이\s*경우|그렇지\s*않|아니면|일반적으로")
# the words of any condition (in a clause's remaining text: the template is not all it says)
VOCABULARY = re.compile(
    r"(?i:independen|invertible|bijecti|one-to-one|\bif\b|\bwhen|\bunless\b|\bonly\b|"
    r"\bprovided\b|assum|suppos|\bgiven\b|condition|pairwise|without|\bdrop|\bhad\b|"
    r"although|rarely|\bfar\b|probabilit|wrong|example|previous|textbook|\bours\b|"
    r"our\s+case|\bwould\b|\bwere\b|\bnot\b|n't\b|\bnever\b|\bfail|except|dependen|"
    r"distribution|\bevent\b|restrict|subset|almost|\bsame\b|\bcopy\b|function\s+of|"
    r"\bfalse\b|incorrect|untrue|\bcannot\b|can't|\bneither\b|\bnor\b|\binstead\b|"
    r"\brather\b|opposite|\breverse|\bno\b|\bsuppose|\bimagine|\bpretend)|"
    r"독립|종속|조건|주어|가정|없이|않|아니|아닌|아닐|틀|거짓|반대|반전|가역|일대일|이면|라면|경우|"
    r"때\b|만약")
CONDITION_MATH = re.compile(r"^⟨[XYPQ](?:=|\\neq?|\\ne|\\perp|\\not\\perp)[XYPQ]⟩$")


@dataclass(frozen=True)
class Hypothesis:
    """The conditions a formula is given, and the words of a condition the sentence mentions
    but does not state as a hypothesis ('' when none)."""

    conditions: Conditions
    unread: str


def _token(math: str, formula: str) -> str:
    inner = math.strip("$").strip()
    if formula and inner.replace(" ", "") == formula.strip().strip("$").replace(" ", ""):
        return f" {FORMULA} "
    return " ⟨" + re.sub(r"\s+", "", inner).replace("\\mid", "|") + "⟩ "


def tokens(sentence: str, formula: str) -> str:
    """The sentence with each formula written ⟨…⟩ (spaces removed), the step's own as ⟨F⟩."""
    text = MATH.sub(lambda m: _token(m.group(), formula), sentence)
    return " ".join(text.split())


def _claims(text: str) -> bool:
    return any(re.search(r"=|\\le|\\ge|<|>", m) and re.search(r"[HID]\(|D_|\\mathrm\{CE", m)
               for m in re.findall(r"⟨([^⟩]*)⟩", text))


def _stated(clause: str) -> tuple[Conditions | None, bool]:
    """The condition a clause states in a template (None when none), and whether the clause
    says anything else about conditions (then the template is not all it says)."""
    found: list[tuple[str, tuple[int, int]]] = []
    at = clause.find(FORMULA)
    before = clause[:at] if at >= 0 else clause
    after = clause[at + len(FORMULA):] if at >= 0 else ""
    start = _PREFIX.match(before).end()
    for kind, patterns in _LEAD.items():
        for pattern in patterns:
            match = re.compile(pattern).match(before, start)
            if match:
                found.append((kind, (match.start(), match.end())))
                break
    if at >= 0:
        after = after.rstrip(" .。")
        glue = _TRAIL_GLUE.match(after).end()
        for kind, patterns in _TRAIL.items():
            for pattern in patterns:
                match = re.compile(pattern).match(after, glue)
                if match:
                    offset = at + len(FORMULA)
                    found.append((kind, (offset + match.start(), offset + match.end())))
                    break
    if not found:
        return None, bool(_mentions(clause))
    if len({kind for kind, _ in found}) > 1:
        return None, True  # two joint laws at once: not one reading
    kind, (lo, hi) = found[0]
    rest = clause[:lo] + " " + clause[hi:]
    other_math = [m for m in re.findall(r"⟨[^⟩]*⟩", rest) if m != FORMULA
                  and not _claims(m) and m not in ("⟨X⟩", "⟨Y⟩", "⟨P⟩", "⟨Q⟩")]
    extra = bool(VOCABULARY.search(re.sub(r"⟨[^⟩]*⟩", " ", rest))) or bool(other_math)
    if extra:
        return None, True
    return Conditions(**{kind: True}), False


# words stating the law or alphabet of a variable (binary, a fair coin, uniform on three
# outcomes): a law this reading does not impose, so a refutation on another law is undecided
LAW_WORDS = re.compile(r"(?i:\b(?:binary|ternary|quaternary|\w+-ary|coins?|uniform(?:ly)?|"
                       r"bernoulli|outcomes|values?|alphabet|two-valued|dice|die|at\s+most|"
                       r"support|categorical)\b)|이진|삼진|균등|동전|주사위|값을\s*가|가지\s*값|"
                       r"값(?:이|은|의\s*개수)|개의\s*값|(?:두|세|네)\s*값")
MENTION = re.compile(
    r"(?i:\b(?:if|when|whenever|unless|only|iff|provided|assum\w*|suppos\w*|given|without|had|"
    r"although|pairwise)\b|independen|invertible|bijecti|one-to-one|condition|dependen)|"
    r"경우|라면|이면|만약|가정|때\b|독립|종속|조건|없이|반전\s*가능|가역|일대일|" + LAW_WORDS.pattern)


def _mentions(text: str) -> str:
    words = re.sub(r"⟨[^⟩]*⟩", " ", text)
    if MENTION.search(words) or any(CONDITION_MATH.match(m)
                                       for m in re.findall(r"⟨[^⟩]*⟩", text)):
        return text
    return ""


def hypothesis_of(sentence: str, formula: str) -> Hypothesis:
    """The hypothesis ``sentence`` states for ``formula`` (the step's LaTeX; for a display
    after the sentence, the formula is taken to stand at the sentence's end)."""
    text = tokens(sentence, formula)
    if FORMULA not in text:
        text = text.rstrip(" .:") + " " + FORMULA
    shown = " ".join(sentence.split())
    shown = shown if len(shown) <= 120 else shown[:117] + "..."
    clauses = [c for c in CLAUSE_SPLIT.split(text)]
    own = next((k for k, c in enumerate(clauses) if FORMULA in c), len(clauses) - 1)
    clause = clauses[own]
    conditions, other = _stated(clause)
    if conditions is not None:
        return Hypothesis(conditions, "")
    if GENERAL.search(clause):
        return Hypothesis(Conditions(), shown if other else "")  # the clause calls it general
    if not other and not APART.search(clause):
        for earlier in reversed(clauses[:own]):
            inherited, said = _stated(earlier)
            if inherited is not None:
                return Hypothesis(inherited, "")
            if said:
                break
    mentioned = any(_mentions(c) for c in clauses)
    return Hypothesis(Conditions(), shown if mentioned or other else "")
