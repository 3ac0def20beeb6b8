r"""The information-theory vocabulary of notes, read on finite distributions.

In a note whose prose is about entropy, ``H(X)``, ``H(X, Y)``, ``H(Y \mid X)``, ``I(X, Y)``,
``D_{\mathrm{KL}}(P\|Q)``, ``\mathrm{CE}(P, Q)``, ``p(x)``, ``p(x, y)``, ``p(y \mid x)``,
``p_{X, Y}(x, y)``, ``q(x)``, ``p_i`` and ``E_{x \sim P}[\cdot]`` are the standard operators of
information theory (the reading is named on every verdict and in ``--explain``). A step written
only in this vocabulary is read by its own small grammar (:mod:`symderive.notes.info_grammar`;
nothing is evaluated) into a tree, and the tree is evaluated on finite distributions
(:mod:`symderive.notes.info_check`); this module says when, and with which conditions:

* **proved** when both sides agree, after SymPy's ``expand_log``/``expand``, on distributions
  whose probabilities are *symbols* (all but the last free, the last one minus the others), at
  the sizes listed: exactly zero;
* **checked** when they agree exactly on random distributions with distinct, strictly positive
  rational probabilities (equalities: the difference reduced over logarithms of primes is 0;
  inequalities: the certified sign of the difference, :mod:`symderive.check.certified`);
* **refuted** only at a distribution that satisfies the hypothesis the formula's clause states
  in an affirmative template (X, Y independent; X = Y; X an invertible function of Y; P = Q:
  :mod:`symderive.notes.hypotheses`) and only when the sentence mentions no condition it does
  not state so; otherwise **undecided**.

A claim is first checked with no condition (a claim true in general is true under any
condition), then under the conditions of its sentence. Sums and expectations run over the
support (0 log 0 = 0). ``\log`` is natural unless the note says its logarithms are base 2.
Definitions are definitions: a formula for an operator's form (``H(Y \mid X)``) after words
that define (*define, denote*, 정의) is not a claim; a note whose own definition disagrees with
the standard operator (or is not read) is not read with it anywhere, and its definition is
never judged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from symderive.errors import ParseError
from symderive.grammar.build import time_limit
from symderive.grammar.negation import NEGATED_OR_EXCEPTED
from symderive.notes.alphabets import stated_alphabet, states_value_set
from symderive.notes.chains import CHECKED_RELATIONS
from symderive.notes.info_check import HOLDS, Conditions, decide
from symderive.notes.log_base import section_says_base_two, statements
from symderive.notes.hypotheses import LAW_WORDS, MATH, hypothesis_of
from symderive.notes.info_grammar import InfoNote, NotRead
from symderive.notes.plan import PlannedStep
from symderive.notes.report import SkipReason
from symderive.report import Outcome

ABOUT = re.compile(r"entrop|엔트로피|mutual information|상호\s*정보|kullback|쿨백|"
                   r"cross-entropy|교차\s*엔트로피|information theory|정보\s*이론", re.I)
SELF_INFORMATION = re.compile(r"self-information|자기\s*정보|셀프\s*정보", re.I)
CROSS_ENTROPY_H = re.compile(
    r"(?:cross-entropy|교차\s*엔트로피)[^.\n]{0,80}\$H\s*\(\s*P\s*,\s*Q\s*\)|"
    r"\$H\s*\(\s*P\s*,\s*Q\s*\)\s*\$[^.\n]{0,40}(?:cross-entropy|교차\s*엔트로피)", re.I)
CLASSES_K = re.compile(r"\$k\$\s*-?\s*(?:class|클래스)|p_\{?k\}?|\bk classes\b|k outcomes", re.I)
DEFINE_WORDS = re.compile(r"\b(?:define[sd]?|denoted?|denotes|is called|we write)\b|"
                          r"정의(?:합니다|하려고|하면|한다|됩니다|할)|라고\s*합니다", re.I)
CONDITION_WORDS = re.compile(r"\b(?:if|when|unless|only|iff|provided|assum\w*|suppose|given)\b|"
                             r"경우|라면|이면|만약|가정|때\b", re.I)
INDEPENDENT = re.compile(r"independen|독립", re.I)
NEGATED = NEGATED_OR_EXCEPTED  # not, unless, except, fails, 아닐, 제외: grammar/negation.py
INVERTIBLE = re.compile(r"invertible|bijecti|one-to-one|반전\s*가능|가역|일대일", re.I)
OPERATOR_HEAD = re.compile(r"^\s*(?:H\s*[(\[]|I\s*\(|D_\{?\\mathrm\{KL\}\}?|D\s*\(|\\mathrm\{CE\}|"
                           r"\\operatorname\{CE\})")

WHERE = re.compile(r"\\text\{\s*,?\s*where\s*\}\s*(p_\{?[a-z]\}?)\s*$")
STRONG = re.compile(r"(?<![A-Za-z\\])(?:H|I)\s*[(\[]|D_\{?\\mathrm\{KL\}|\\mathrm\{CE\}|\\sim|"
                    r"(?<![A-Za-z\\])p(?:_\{?[A-Z, ]+\}?)?\s*\([^()]*\\mid")
HATTED = re.compile(r"^\s*\\hat\s*\{\s*(?:\\mathbf\s*\{\s*)?[a-z]\s*\}?\s*\}"
                    r"\s*_\s*\{?\s*[a-z]\s*\}?\s*$")
MODEL = re.compile(r"^\s*p_\s*\{?\s*\\theta\s*\}?\s*\([^()]*\\mid[^()]*\)\s*$")
UNIT = re.compile(r"^\s*\d+\s*\\text\{\s*bits?\s*\}\s*$")
CLASS_SUM = re.compile(  # -\sum_i p_i \log p_i in a note about k classes: an entropy bound
    r"\\sum_\{?\s*([ijk])\b.*p_\{?\s*\1\s*\}?\s*\\log\s*\(?\s*p_\{?\s*\1\b")
OPERATOR = re.compile(r"(?<![A-Za-z\\])(?:H|I)\s*[(\[]|D_\{?\\mathrm\{KL\}|\\mathrm\{CE\}")


def note_reading(text: str) -> InfoNote | None:
    """The reading of a note whose prose is about entropy, or None."""
    prose = re.sub(r"\$[^$]*\$", " ", text)
    if not ABOUT.search(prose):
        return None
    return InfoNote(
        log_base_two=any(s.base == 2 for s in statements(text.split("\n"))),
        self_information=bool(SELF_INFORMATION.search(text)),
        cross_entropy_h=bool(CROSS_ENTROPY_H.search(text)),
        classes_k=bool(CLASSES_K.search(text)),
    )


HEADING = re.compile(r"^\s{0,3}#{1,6}\s")


def section_readings(lines: list[str], line: int, note: InfoNote) -> list[InfoNote]:
    """The readings of the note at ``line``: the base of its logarithms and whether ``H(P, Q)``
    is the cross-entropy are what the step's own section says (a sentence saying otherwise, as
    *natural, not base 2*, wins); a section that says nothing, in a note where another section
    says so, has both readings (the step is decided only when they agree)."""
    start = max((k for k in range(min(line, len(lines))) if HEADING.match(lines[k])), default=0)
    end = next((k for k in range(line, len(lines)) if HEADING.match(lines[k])), len(lines))
    section = " ".join(lines[start:end])
    base = section_says_base_two(lines, line)  # symderive.notes.log_base: one reading
    cross = _said(section, CROSS_ENTROPY_H, None)
    bases = [base] if base is not None else sorted({False, note.log_base_two})
    crosses = [cross] if cross is not None else sorted({False, note.cross_entropy_h})
    return [replace(note, log_base_two=b, cross_entropy_h=c) for b in bases for c in crosses]


def _said(section: str, pattern: re.Pattern, otherwise: re.Pattern | None) -> bool | None:
    """True when a sentence of the section says it, False when one says otherwise (or says it
    negated), None when the section is silent."""
    found = None
    for sentence in _sentences(section):
        match = pattern.search(sentence)
        if match:  # the words near what it says (not a later clause of the sentence)
            words = MATH.sub(" ", sentence[max(0, match.start() - 40): match.end() + 20])
            if NEGATED.search(words) or otherwise is not None and otherwise.search(words):
                return False
            found = True
        elif otherwise is not None and otherwise.search(MATH.sub(" ", sentence)):
            return False
    return found


# -- the sentence of a step: conditions and definitions ------------------------------------------


def sentence_of(lines: list[str], line: int, latex: str, display: bool) -> str:
    """The sentence around an inline formula (both sides of it, up to the sentence ends), or
    the last sentence before a display; math kept as written."""
    if not 0 < line <= len(lines):
        return ""
    if display:
        parts = _sentences(" ".join(lines[max(0, line - 4): line - 1]))
        if not parts or [m for m in MATH.findall(parts[-1])
                         if OPERATOR.search(m) and RELATION.search(m)]:
            return ""  # the sentence before states its own claim: its conditions are its own
        return parts[-1]
    text = lines[line - 1]
    masked = _masked(text)
    at = text.find(latex.strip())
    if at < 0:
        return ""
    ends_before = [m.end() for m in SENTENCE_END.finditer(masked, 0, at)]
    start = ends_before[-1] if ends_before else 0
    after = SENTENCE_END.search(masked, at + len(latex.strip()))
    return text[start: after.end() if after else len(text)]


SENTENCE_END = re.compile(r"[.!?。]")
RELATION = re.compile(r"=|\\le|\\ge|<|>")


def _masked(text: str) -> str:
    """The text with every formula blanked (same length): its dots end no sentence."""
    return MATH.sub(lambda m: "M" * len(m.group()), text)


def _sentences(text: str) -> list[str]:
    masked = _masked(text)
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(masked):
        pieces.append(text[start: match.end()])
        start = match.end()
    pieces.append(text[start:])
    return [piece for piece in pieces if piece.strip()]


def conditions_in(sentence: str, step_latex: str) -> tuple[Conditions, str]:
    """The conditions a sentence states for its formula, and the words of any it mentions that
    this reading does not take as a hypothesis ('' when none): see
    :mod:`symderive.notes.hypotheses` (a condition is used only when its clause states it in an
    affirmative template, never because no negation word was found)."""
    found = hypothesis_of(sentence, step_latex)
    return found.conditions, found.unread


DISPLAY_TEXT = re.compile(r"\\text\s*\{([^{}]*)\}(.*)$", re.S)
DISPLAY_PERP = re.compile(r"\s*(?:X\s*\\perp\s*Y|Y\s*\\perp\s*X)\s*[.,]?\s*")


def display_condition(latex: str) -> tuple[Conditions, str] | None:
    r"""The condition a display writes after its formula (``\quad \text{if } X \perp Y``):
    independence when it is exactly *if/when/for* X ⊥ Y, otherwise no condition and its words
    (so a refutation is undecided); None when the display writes no such text."""
    found = DISPLAY_TEXT.search(latex)
    perp = "\\perp" in latex
    if found is None and not perp:
        return None
    words, rest = (found.group(1), found.group(2)) if found else ("", latex)
    if found and re.fullmatch(r"\s*(?:if|when|for)\s*", words, re.I) and DISPLAY_PERP.fullmatch(rest):
        return Conditions(independent=True), ""
    shown = " ".join(((words + " " + rest) if found else latex).split())[:80]
    if perp or CONDITION_WORDS.search(words) or INDEPENDENT.search(words + rest) \
            or re.search(r"\b(?:false|wrong|dependent|for|unless)\b", words, re.I):
        return Conditions(), shown
    return None


def _stated_before(lines: list[str], line: int, sentence: str) -> str:
    """A condition stated in the two sentences before the step's own (``Assume $X$ and $Y$ are
    independent. Then …``): that sentence as written ('' when none).  A display is a sentence
    of its own (the formula of an earlier step ends the sentence before it)."""
    if not 0 < line <= len(lines):
        return ""
    text = " ".join(lines[max(0, line - 4): line - 1] + [lines[line - 1]])
    at = text.rfind(sentence.strip()) if sentence.strip() else -1
    before = text[:at] if at >= 0 else " ".join(lines[max(0, line - 4): line - 1])
    prior = [piece for part in DISPLAY.split(before) if part.strip()
             for piece in ([part] if DISPLAY.fullmatch(part) else _sentences(part))]
    for earlier in prior[-2:]:
        if [m for m in MATH.findall(earlier) if OPERATOR.search(m) and RELATION.search(m)]:
            continue  # a sentence stating its own claim: its conditions are its own
        words = MATH.sub(" ", earlier)
        if CONDITION_WORDS.search(words) or INDEPENDENT.search(words) \
                or INVERTIBLE.search(words) or LAW_WORDS.search(words) \
                or states_value_set(earlier) or any(  # $X \in \{0, 1\}$ (round 7, R15)
                re.fullmatch(r"\s*[XYPQ]\s*(?:=|\\neq?|\\ne)\s*[XYPQ]\s*", m.strip("$ "))
                for m in MATH.findall(earlier)):
            return earlier
    return ""


def _alphabet_earlier_in_section(lines: list[str], line: int) -> str:
    """The last sentence of the section before ``line`` (not the step's own) that states an
    alphabet or a value set (*X takes at most two values*, ``$X \\in \\{0, 1\\}$``), as written,
    or ''.  It is read for the display right after it only; for a later display it is a
    condition not read, so a refutation on a larger law is not made (round 7, R15)."""
    if not 0 < line <= len(lines):
        return ""
    start = max((k for k in range(min(line, len(lines))) if HEADING.match(lines[k])), default=0)
    text = " ".join(lines[start: line - 1])
    pieces = [piece for part in DISPLAY.split(text) if part.strip() and not DISPLAY.fullmatch(part)
              for piece in _sentences(part)]
    for sentence in reversed(pieces):
        if stated_alphabet(sentence) is not None or states_value_set(sentence):
            return " ".join(sentence.split())[:80]
    return ""


def _words(sentence: str) -> str:
    return " ".join(MATH.sub(" ", sentence).split())[:80]


DISPLAY = re.compile(r"(\$\$.*?\$\$|\\\[.*?\\\])", re.S)


def operator_form(latex: str) -> str | None:
    """The form a left side gives an operator (``H(·|·)``, ``H(·,·)``, ``I(·,·)``, ``D_KL``,
    ``CE``), or None when it starts with none."""
    text = latex.strip()
    if not OPERATOR_HEAD.match(text):
        return None
    if text.startswith(("D", r"\mathrm{KL}")):
        return "D_KL"
    if "CE" in text[:16]:
        return "CE"
    head = text[0]
    inside = re.match(r"[HI]\s*[(\[]([^)\]]*)[)\]]", text)
    if not inside:
        return None
    arguments = inside.group(1)
    if "\\mid" in arguments or "|" in arguments:
        return f"{head}(·|·)"
    return f"{head}({','.join('·' for _ in arguments.split(','))})"


EMPHASIS = re.compile(r"(?<![*\\])\*[^*$\n]{2,40}\*|\\emph\{|\\textit\{")
TAKEN = {"parse-error", "undefined-derivative", "unknown-command", "prose"}
FORMS = {
    "H(·)": "entropy", "H(·,·)": "joint entropy (or, of two distributions the note calls so, "
    "the cross-entropy)", "H(·|·)": "conditional entropy", "I(·,·)": "mutual information",
    "D_KL": "Kullback–Leibler divergence", "CE": "cross-entropy",
}


def _defining(sentences: list[str]) -> bool:
    words = " ".join(MATH.sub(" ", s) for s in sentences)
    return bool(DEFINE_WORDS.search(words) or EMPHASIS.search(words))


def take_over(equations, lines: list[str], note: InfoNote, seed: int = 0) -> None:
    """Read the steps of an information-theory note that the general reading could not decide
    (not read, unknown functions, values of never-defined functions), and the first formula of
    each operator as its definition. Steps this vocabulary does not read are left as they are."""
    introduced: dict = {}
    nonstandard: set = set()
    ordered = sorted(equations, key=lambda e: (e.chain.line, e.located.order))
    definitions, standard, unread, seen = set(), set(), set(), set()
    for equation in ordered:  # the note's own definitions first: they hold for the whole note
        chain = equation.chain
        form = operator_form(chain.elements[0]) if chain.is_chain else None
        if form is None or chain.relations[0] != "=":
            if form is not None:
                seen.add(form)
            continue
        display = equation.block.kind != "inline"
        anchor = equation.block.line if display else chain.line  # a display: where it opens
        sentence = sentence_of(lines, anchor, equation.block.latex, display)
        before = _sentences(" ".join(lines[max(0, anchor - 4): anchor - 1]))[-2:]
        around = before + [sentence] if display else [sentence]
        first = form not in seen
        seen.add(form)
        if first and _defining(around) or DEFINE_WORDS.search(" ".join(
                MATH.sub(" ", part) for part in around)):  # a later one: said in words
            definitions.add(id(equation))
            _check_definition(equation, form, note, nonstandard, seed, standard, unread)
        elif first and SUM_SHAPE.search(chain.elements[1]) and _differs(chain, note, seed):
            # the note's first formula for the operator, written over outcomes, is not the
            # standard one: its own convention or an error; H is not read standard anywhere
            definitions.add(id(equation))
            nonstandard.add(form)
            equation.steps = [PlannedStep(1, "=", decided=Outcome(
                "undecided", method="information theory", reason=(
                    f"the note's first formula for {_shown(form)} differs from the standard "
                    f"{FORMS[form]}: the note's own convention or an error; the standard "
                    "meaning is not used in this note")))] + list(equation.steps)[1:]
            equation.skip = None
    nonstandard |= unread - standard  # only unread definitions of a form: not known standard
    for equation in ordered:
        chain = equation.chain
        if not chain.is_chain:
            continue
        display = equation.block.kind != "inline"
        anchor = equation.block.line if display else chain.line
        sentence = sentence_of(lines, anchor, equation.block.latex, display)
        form = operator_form(chain.elements[0])
        first = form is not None and form not in introduced and chain.relations[0] == "="
        if form is not None and form not in introduced:
            introduced[form] = chain.line
        if id(equation) in definitions:
            continue  # a formula for an operator after defining words: the note's definition
        if equation.skip is not None and not (
            equation.skip is SkipReason.DEFINITION and form is not None and not first
            and len(chain.elements) == 2
        ):
            continue
        conditions, unread = conditions_in(sentence, equation.block.latex)
        alphabet = None  # (name, k): the sentence states only that name takes at most k values
        if not unread and not conditions.any and states_value_set(sentence):
            unread = " ".join(sentence.split())[:80]  # $X \in \{…\}$: a condition (R15)
        if unread and not conditions.any:
            alphabet = stated_alphabet(sentence, equation.block.latex)
        elif not unread:
            earlier = _stated_before(lines, anchor, sentence)
            unread, alphabet = _words(earlier), stated_alphabet(earlier) if earlier else None
            if earlier and states_value_set(earlier) and alphabet is None:
                unread = " ".join(earlier.split())[:80]  # a value set not read: named as written
            if not unread and alphabet is None:  # "X takes at most two values." two displays
                unread = _alphabet_earlier_in_section(lines, anchor)  # before: not refuted
        if alphabet is not None:
            unread = ""
        said = display_condition(equation.block.latex)
        if said is not None:  # a condition written in the display itself is the claim's own
            conditions, unread = said
        steps = list(equation.steps) or [PlannedStep(1, chain.relations[0],
                                                     skip=SkipReason.DEFINITION)]
        changed = False
        for position, step in enumerate(steps):
            skip = step.skip.value if step.skip is not None else None
            lhs_latex, rhs_latex = chain.elements[step.index - 1], chain.elements[step.index]
            where = WHERE.search(lhs_latex)
            if where and skip in TAKEN:  # "…, where p_i = P(X_i)": p_i is being defined
                steps[position] = PlannedStep(step.index, step.relation, skip=SkipReason.DEFINITION,
                                              reason=f"defines {where.group(1)} (after 'where')")
                changed = True
                continue
            if skip in TAKEN and step.index == 1 and HATTED.match(lhs_latex) \
                    and MODEL.match(rhs_latex):  # ŷ_i = p_θ(y_i | x_i): the prediction named
                steps[position] = PlannedStep(step.index, step.relation, skip=SkipReason.DEFINITION,
                                              reason=f"defines {lhs_latex.strip()} as the model's "
                                              "probability (a parametrised p_θ(· | ·))")
                changed = True
                continue
            rhs_latex = WHERE.sub("", rhs_latex)  # the name defined after 'where' (read alike)
            class_bound = (note.classes_k and chain.relations[step.index - 1] != "="
                           and CLASS_SUM.search(lhs_latex + " " + rhs_latex))
            if not STRONG.search(lhs_latex + " " + rhs_latex) and not UNIT.search(rhs_latex) \
                    and not class_bound:
                continue  # plain p(x) alone: not enough to say it is a probability
            left_form = operator_form(lhs_latex)
            claim_about_known = (
                skip == "definition" and left_form is not None and left_form in introduced
                and introduced[left_form] < chain.line
            )
            if not (skip in TAKEN or claim_about_known or class_bound and skip is None
                    or skip is None and (step.opaque or step.unknown or OPERATOR.search(
                        lhs_latex + " " + rhs_latex))):
                continue
            if any(_uses(lhs_latex + " " + rhs_latex, form) for form in nonstandard):
                continue  # the note defines this operator otherwise
            inside = function_of_variables(lhs_latex + " " + rhs_latex)
            if inside:  # H(X + 1), H(e^X): never an unknown real function H applied to a number
                why = (f"{inside} is the entropy of a function of random variables, which is "
                       "not read (H is not an unknown function of a number here)")
                steps[position] = replace(step, doubt=why, unpinned=why + ": not checked")
                changed = True
                continue
            written = chain.relations[step.index - 1]
            relation = CHECKED_RELATIONS.get(written, written if written in HOLDS else None)
            if relation is None:
                continue
            try:
                outcome, reading = _decide_in_section(
                    lhs_latex, rhs_latex, relation, section_readings(lines, anchor, note),
                    conditions, unread, seed + step.index, alphabet)
            except NotRead as problem:
                if class_bound:  # p_1 … p_k are a law: never sampled as free numbers
                    steps[position] = PlannedStep(step.index, relation, decided=Outcome(
                        "undecided", method="k-class law", reason=(
                            "the probabilities p_1, …, p_k of the note's k-class law are a law "
                            f"(p_i ≥ 0, Σ p_i = 1), and this form is not read on one ({problem})"
                            ": not checked as free numbers")))
                    changed = True
                continue
            except ParseError:  # out of time: the general reading stands
                continue
            meanings = [f"{_shown(name)}: {what}" for name, what in FORMS.items()
                        if _uses(lhs_latex + " " + rhs_latex, name)]
            steps[position] = PlannedStep(step.index, relation, decided=outcome,
                                          decided_reading="; ".join(meanings + [reading]))
            changed = True
            for name, what in FORMS.items():
                if _uses(lhs_latex + " " + rhs_latex, name):
                    equation.readings[_shown(name)] = (
                        f"{what} (information theory: the note is about entropy)")
        if changed and all(step.decided is not None or step.skip is not None for step in steps):
            for name in GENERIC_NAMES:  # the general reading of these names is not the one used
                equation.readings.pop(name, None)
        if changed:
            equation.steps = steps
            equation.skip = None
            equation.reason = ""


PLAN_SECONDS = 6.0


def _decide_in_section(lhs_latex, rhs_latex, relation, readings, conditions, unread, seed,
                       alphabet=None):
    """The verdict under every reading the section allows: when they differ, undecided."""
    found = []
    with time_limit(PLAN_SECONDS, source="", what="information theory"):
        for reading_note in readings:
            found.append(decide(lhs_latex, rhs_latex, relation, reading_note, conditions, unread,
                                seed, alphabet))
    verdicts = {outcome.verdict for outcome, _ in found}
    if len(verdicts) == 1:
        return found[0]
    described = "; ".join(f"{outcome.verdict} with {_reading_words(note)}"
                          for (outcome, _), note in zip(found, readings))
    return Outcome("undecided", method=found[0][0].method, reason=(
        f"the note reads two ways here and they disagree ({described}): another section says "
        "so, this one does not")), found[0][1]


def _reading_words(note: InfoNote) -> str:
    base = "logarithms base 2" if note.log_base_two else "natural logarithms"
    cross = ", H(P, Q) the cross-entropy" if note.cross_entropy_h else ""
    return base + cross
GENERIC_NAMES = ("H", "I", "D", "p", "q", "P", "Q", "CE", r"\mathrm{CE}", "E")


APPLIED_OPERATOR = re.compile(r"(?<![A-Za-z\\])([HI])\s*\(")
VARIABLE = re.compile(
    r"^\s*(?:\\(?:mathbf|boldsymbol|bm|mathsf|mathcal)\s*\{\s*[A-Za-z]\s*\}|[A-Z])"
    r"(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*$")
CAPITAL = re.compile(r"(?<![A-Za-z\\])[A-Z](?![A-Za-z])")


def function_of_variables(latex: str) -> str:
    """``H(X + 1)``, ``H(-X)``, ``H(2X)``, ``H(e^X)``, ``H(X^3)``, ``H(X + Y)``, ``I(X^2; Y)``:
    the first H(…) or I(…) (as written) whose argument, between ``,``, ``;``, ``|``, ``\\mid``,
    is an expression in random variables (a capital letter) rather than one of them — the
    entropy of a function of random variables, not a value of a function H; "" when none."""
    for match in APPLIED_OPERATOR.finditer(latex):
        depth, end = 1, match.end()
        while end < len(latex) and depth:
            depth += {"(": 1, ")": -1}.get(latex[end], 0)
            end += 1
        argument = latex[match.end(): end - 1]
        parts = re.split(r",|;|\\mid|\\vert|\|", argument)
        if any(CAPITAL.search(part) and not VARIABLE.match(part) for part in parts):
            return latex[match.start(): end].strip()
        if CAPITAL.search(argument) and any(not part.strip() for part in parts):
            # H(|X|), H(\left| X \right|), H(\|X\|): a bar that opens or closes a part is an
            # absolute value or a norm, not the bar of a condition (round 7, R12)
            return latex[match.start(): end].strip()
    return ""


def _uses(latex: str, form: str) -> bool:
    applied = r"(?<![A-Za-z\\])[HI]\s*[(\[][^)\]]*[)\]]|D_\{?\\mathrm\{KL\}|\\mathrm\{CE\}"
    for match in re.finditer(applied, latex):
        if operator_form(match.group()) == form:
            return True
    return False


def _shown(form: str) -> str:
    return form.replace("D_KL", r"D_{\mathrm{KL}}(·\|·)").replace("CE", r"\mathrm{CE}(·,·)")


SUM_SHAPE = re.compile(r"\\sum|E_\s*\{?")


def _differs(chain, note, seed: int) -> bool:
    """Whether a formula ``operator = expression`` disagrees with the standard operator."""
    try:
        with time_limit(PLAN_SECONDS, source="", what="information theory"):
            outcome, _ = decide(chain.elements[0], chain.elements[1], "=", note, Conditions(),
                                "", seed)
    except (NotRead, ParseError):
        return False
    return outcome.verdict == "refuted"


def _check_definition(equation, form, note, nonstandard: set, seed: int,
                      standard: set = frozenset(), unread: set = frozenset()) -> None:
    """A note's own definition of an operator that disagrees with the standard one: the
    operator is not read with the standard meaning in this note."""
    chain = equation.chain
    try:
        with time_limit(PLAN_SECONDS, source="", what="information theory"):
            outcome, _ = decide(chain.elements[0], chain.elements[1], "=", note, Conditions(),
                                "", seed)
    except (NotRead, ParseError):  # a definition not read: standard only if another one is
        unread.add(form)
        return
    if outcome.holds:
        standard.add(form)
        equation.readings.setdefault(_shown(form), (
            f"{FORMS[form]}, defined at line {chain.line} as the standard operator "
            "(information theory)"))
        if equation.skip is None:
            steps = list(equation.steps)
            if steps and steps[0].skip is not None and steps[0].skip.value in TAKEN:
                steps[0] = PlannedStep(1, steps[0].relation, skip=SkipReason.DEFINITION,
                                       reason=f"defines the {FORMS[form]} {_shown(form)} (the "
                                       "first formula for it, after words that define it)")
                equation.steps = steps
    else:
        nonstandard.add(form)
