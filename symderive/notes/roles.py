r"""What a written relation *is*: a claim to check, a definition, an example value, a condition,
an update rule — decided from its syntax and the words just before it (English and Korean).

Rules (documented in docs/notes.md, "How relations are classified"):

* ``name := …`` (``\coloneqq``, ``\triangleq``, ``\equiv``, ``=:``) defines ``name``; when the
  name also occurs on the right (``\theta := \theta - \alpha \nabla J``) it is an *update rule*,
  not a claim and not a definition.
* ``name = …`` with a bare name on the left (``y``, ``f(x, y)``, ``h_\theta(x)``) defines the
  name only when the name has not been defined before in the section; the first ``=`` of
  ``H(x) = A = B`` defines H and the rest is checked. A second definition of the same name, a
  value of a defined function (``f(2) = 5``) and any inequality or ``\ne`` are *claims*.
* Exception: ``H(x) = …`` whose right side does not mention the parameter x uses ``H(x)`` as a
  label (the entropy of this example); a later ``H(x) = …`` is a new value of the label.
* A definition whose right side is a plain number is an *example value* (``x = -2``,
  ``w_5 = 0.4``): substituted in what follows, within its section.
* A chain of inequalities bounding bare names (``1 \le i \le n``, ``0 < p < 1``) is a
  *condition*: it gives the names a domain and is not checked; so is ``z \ne 0``.
* ``x = 1`` with words that exclude or dismiss it (*not the case, fails at, except, other than,
  away from, unlike at, is excluded, already handled, the case … is trivial*, 아닌, 제외) or make
  it the end of a range or a boundary point (*from … to, between … and, the endpoint*, 부터 …
  까지, 경계점) is a condition of its sentence, never an example value
  (:mod:`symderive.notes.excluded_values`).
* A second definition is a claim only in the paragraph of the first, and not after words that
  introduce a new example (*function, consider, for, of, e.g., (ii)*, 예를, 함수): notes reuse
  ``L_i``, ``f(x)`` for each new example.
* ``f(x) = …`` whose right side applies f again (``f(x) = f(-x)``, ``g(x) = 2 g(x/2)``) is a
  *property* of f (a condition): claims about f are then never refuted by instances that
  need not satisfy it. ``v = \beta v + g`` (a bare name on both sides) is an update.
* A second ``name = …`` after words offering an alternative (*another, alternative, instead,
  "and the … is"*, 다른, 대신) is a new definition, never compared with the first.
* ``name = …`` after *if, when, unless* (만약, 일 때, 경우) is a condition, not a definition;
  so is one right before a Korean *if/when* ending (``$x = 3$일 때``, ``$x = 3$이면``, 라면, 인
  경우): Korean puts it after the hypothesis, and the formula after the ending is what the
  hypothesis implies — a claim, never the condition (round 12a F3).
* A formula the note disowns, asks about or sets to solve defines nothing
  (:mod:`symderive.notes.withheld`); an instance ``x_3`` of a family ``x_k = 2^k`` in force is a
  second formula for it (:mod:`symderive.notes.indexed_families`).
* A relation introduced by words of supposition — *if, when, suppose, assume, let, by making,
  such that*, or Korean 만약, 가정, 일 때, 라면, 이면, 조건 — and not shaped like a definition is a
  *condition* (a hypothesis the note makes, never refuted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from symderive.grammar.negation import NEGATED
from symderive.notes.chains import Chain, relation_kind
from symderive.notes.directives import definition_head, increment_letter
from symderive.notes.iteration_indices import iteration_index
from symderive.notes.assumed_equations import (
    FUNCTIONAL_HYPOTHESIS_LEAD, FUNCTIONAL_HYPOTHESIS_TRAIL, HYPOTHESIS_LEAD, applied_letters,
    functional_hypothesis)
from symderive.notes.constraint_words import constraint_words
from symderive.notes.excluded_values import why_not_an_example
from symderive.notes.expression_bounds import CONDITION_WORDS, stated_condition
from symderive.notes.row_items import opens_row_or_item
from symderive.notes.scope_words import (
    BELOW, hypothetical, mask_from_here_on, sentence_from_here_on)
from symderive.notes.sentence_definitions import defining_sentence
from symderive.notes.derivative_names import not_in_force
from symderive.notes.example_near import SETTING_BEFORE


class Role(str, Enum):
    CLAIM = "claim"
    DEFINITION = "definition"
    EXAMPLE = "example"
    CONDITION = "condition"
    UPDATE = "update"
    UNCHECKED = "unchecked"  # \approx, \sim, \to … (decided elsewhere)


CONDITIONAL = re.compile(
    r"(?:\b(?:if|when|whenever|unless|iff|only if|provided)\b|만약|일\s*때)(?:\s+the)?\s*$",
    re.I,
)
# round 11a F10: "Find all $x$ with", "for which values of $x$", "the roots of": the equation
# whose solutions are sought — it defines no name and gives no example value (round 12a F10)
TO_SOLVE = re.compile(
    r"\b(?:find|determine|give|list|describe|characteri[sz]e)\s+(?:all|every|each|those|the\s+"
    r"(?:values?|solutions?|roots?|zeros?|points?|numbers?|reals?|integers?))\b"
    r"[^.?!]{0,40}?\b(?:with|such\s+that|satisfying|for\s+which|where|so\s+that|obeying)\s*:?\s*$"
    r"|\bfor\s+which\s+(?:(?:real\s+)?values?\s+of\s+)?(?:\w+\s+){0,2}?(?:does|do|is|are|will|can)"
    r"?\s*$|\b(?:roots?|solutions?|zeros?)\s+(?:of|to)\s+(?:the\s+equation\s+)?$",
    re.I,
)
SOLVING = re.compile(
    r"(?:\bsolv(?:e|ing)\b|\bsetting\b|\bnormal equations?\b|\bto zero\b|\bequal to zero\b"
    r"|" + TO_SOLVE.pattern + r"|풀면|풀어|방정식)",
    re.I,
)
# Korean puts it after: "$x^2 = 2x$ 를 만족하는 $x$를 모두 구하라", "…의 해를 구하라"
SOLVING_AFTER = re.compile(r"^\s*(?:을|를|이|가)?\s*(?:만족하는|만족시키는|성립하게\s*하는|의\s*(?:해|근)를?)")
ASSUMED_EQUATION = re.compile(  # "let's assume that the equation $x^*(a) = f(a, x^*(a))$"
    r"\b(?:assume|suppose|assuming|supposing)\s+that\s+the\s+(?:equation|identity|relation)\s*$",
    re.I,
)
UNINDEXED_SUM = re.compile(  # \sum F_{x}, \sum{M_z}: no index, no bounds, one name summed
    r"^\s*\\sum\s*(?:\{\s*)?(?:[A-Za-z]|\\[A-Za-z]+)(?:_\{[^{}]*\}|_[A-Za-z0-9])?(?:\s*\})?\s*$"
)
# Korean puts *if/when* after its hypothesis (round 12a F3): "$x = 3$일 때 …", "$x = 3$이면 …",
# 라면, 인 경우, 일 경우, 이라고 하면, 로 두면 — a condition of its own sentence, never an example
# value (not "로 두면 안 된다", "must not set": symderive.notes.disowned)
HYPOTHESIS_AFTER_KOREAN = re.compile(
    r"^\s*(?:(?:이|가|은|는)\s*)?(?:일\s*때|이면|이라면|라면|인\s*경우|일\s*경우|이?라고\s*가정하면|을\s*때|되면|에서"
    r"|(?P<let>이?라(?:고)?\s*하면|으?로\s*(?:두|놓|잡)(?:으)?면))(?:에는|에|는)?(?!\s*안\s*(?:된|됩|돼))")


NAMED = re.compile(r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?")  # R, A_1, \Omega: a bare name


def inequality_hypothesis(lead: str, trail: str = "") -> str:
    """The words that state an inequality as a hypothesis, a condition or a constraint (round
    13 F1), or '': the words of a hypothesis ending just before it (*if, let, assume, with,
    where, such that, satisfying, subject to, find all … with*, 만족하는, 조건 — the lists of
    :data:`SUPPOSING`, :data:`CONDITIONAL`, :data:`TO_SOLVE`,
    :data:`~symderive.notes.expression_bounds.CONDITION_WORDS` and
    :mod:`symderive.notes.assumed_equations`), Korean *if/when/satisfying* after it, or a word
    naming it a constraint (:mod:`symderive.notes.constraint_words`)."""
    # the words since the previous formula; past formulas joined by "and", "or", "," only (*Let
    # $x > 0$ and $x^2 \le 90$*): the words before them state this one too
    chunks = re.sub(r"\$[^$]*\$", "\x00", lead or "").split("\x00")
    words = [chunks.pop()[-80:]]
    while chunks and FILLER.search(words[-1]) and not re.sub(r"[\s,]", "", FILLER.sub(
            " ", words[-1])):
        words.append(chunks.pop()[-80:])
    for own in words:
        for pattern in (SUPPOSING, CONDITIONAL, TO_SOLVE, CONDITION_WORDS, HYPOTHESIS_LEAD,
                        FUNCTIONAL_HYPOTHESIS_LEAD):
            if (match := pattern.search(own)) and "know" not in match.group().lower():
                # ("we know that $e^x \ge 1 + x$" recalls a fact: a hypothesis only of a function)
                return " ".join(match.group().split()) or own.strip()
    for pattern in (HYPOTHESIS_AFTER_KOREAN, FUNCTIONAL_HYPOTHESIS_TRAIL, SOLVING_AFTER):
        if match := pattern.match(trail or ""):
            return " ".join(match.group().split())
    return constraint_words(words[0], trail)


def korean_consequent(lead: str) -> bool:
    """The words between the previous formula of the sentence and this one are only a Korean
    *if/when* ending (``$x = 3$이면 $x^2 = 9$이다``): they make the previous formula the
    hypothesis, so this one is what it implies — a claim, not a condition (round 12a F3)."""
    if (lead or "").count("$") < 2:
        return False
    own = lead.rpartition("$")[2]
    return bool(HYPOTHESIS_AFTER_KOREAN.match(own)) and not re.sub(
        r"[\s,，]", "", HYPOTHESIS_AFTER_KOREAN.sub("", own, count=1))


SUPPOSING = re.compile(
    r"(?:\b(?:if|when|whenever|suppose|supposing|assume|assuming|let|by making|such that|"
    r"provided|given that|set|setting|take|taking|choose|choosing|pick|picking|fix|fixing|put)\b"
    r"|만약|가정|일\s*때|라면|이면|조건|하자)\s*[:,]?\s*$",  # (take: round 21 F7)
    re.I,
)
UNEQUAL = {r"\ne", r"\neq", "≠", "!="}
INEQUALITIES = {r"\le", r"\leq", r"\leqslant", r"\ge", r"\geq", r"\geqslant", "<", ">", "≤", "≥",
                r"\lt", r"\gt"}  # fmt: skip
NUMBER = re.compile(r"^\s*[-+−]?\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$")
BARE_NAME = re.compile(
    r"^\s*(?:\\(?:hat|tilde|bar)\s*\{\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*[A-Za-z]\s*\}\s*\}"
    r"|\\(?:hat|tilde|bar|mathbf|boldsymbol|bm|vec|mathsf|mathcal)\s*\{?\s*\\?[A-Za-z]+\s*\}?"
    r"|\\[A-Za-z]+|[A-Za-z])\s*(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?\s*$"
)
CONDITIONED_NAME = re.compile(r"^\s*(?:P|p|\\Pr|Pr)\s*\((?=[^()]*(?:\||\\mid))[^()]*\)\s*$")
BOUND = re.compile(r"^\s*(?:[-+−]?\s*\d+(?:\.\d*)?|\\infty|-\\infty|[A-Za-z]|\\[A-Za-z]+)\s*$")


PROPERTY = "a property of the function (it is applied on the right too), not a definition"


@dataclass(frozen=True)
class Reading:
    """The role of a chain's first step (the rest of a chain is always claims)."""

    role: Role
    name: str | None = None  # the defined name (its head), for definitions and examples
    arguments: str | None = None  # parameter text of a defined function
    why: str = ""
    # a second formula for a defined name after words that may start a new example: read both
    # as a new definition and as a claim about the first one (docs/notes.md, "Formulas given
    # again")
    disputed: bool = False
    second: bool = False  # a second formula for a name already defined in its section
    disowned: str = ""  # the words calling the formula wrong (symderive.notes.disowned)
    asked: str = ""  # the words asking whether it holds (symderive.notes.questions)
    # P(A) = 0.3: the value of P at the argument A only (name is the application as written),
    # never a definition of P for every argument (symderive.notes.points)
    point: bool = False
    # the first formula for a name that is no definition in force: a derivative of a defined
    # name or a recurrence (symderive.notes.derivative_names); steps using it are undecided
    not_in_force: str = ""


def is_number(latex: str) -> bool:
    return bool(NUMBER.match(latex.replace(r"\,", "")))


# the spellings of a closed constant expression (round 17 F13): numbers, π, Euler's e, roots,
# fractions, logarithms and elementary functions of them, powers, signs — no free letter
CONSTANT_COMMANDS = re.compile(
    r"\\(?:pi|sqrt|[dt]?frac|ln|log|exp|sin|cos|tan|cdot|times|left|right|big|Big|bigl|bigr|"
    r"Bigl|Bigr)(?![A-Za-z])|\\[,;:! ]|(?<![A-Za-z\\])e(?![A-Za-z])")


def is_constant(latex: str) -> bool:
    r"""Whether ``latex`` is a closed constant expression that is not a plain number (``\pi``,
    ``\sqrt{2}``, ``\pi/2``, ``e``, ``\frac{1}{2}``, ``\ln 2``, ``2 + 1``, ``2^{10}``): read
    syntactically (nothing is evaluated), no letter other than π and Euler's e."""
    text = latex.strip()
    if not text or is_number(text):
        return False
    rest = CONSTANT_COMMANDS.sub(" ", text)
    return (bool(re.fullmatch(r"[\d\s.+\-−*/^_(){}\[\]|]*", rest))
            and bool(re.search(r"\d|\\pi|(?<![A-Za-z\\])e(?![A-Za-z])", text)))


def is_value(latex: str) -> bool:
    """A plain number or a closed constant expression (round 17 F13)."""
    return is_number(latex) or is_constant(latex)


LETTER = re.compile(r"^\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*$")


def example_value(name: str, latex: str, lead: str) -> bool:
    """Whether ``name = latex`` gives an example value: a plain number, or a closed constant
    expression given to a letter (``x = \\pi``, ``y = \\sqrt{2}``) or after setting words (*Take
    $x_1 = \\pi$*) — not an indexed name written as a definition (``$$ x_1 = 3 - \\tan 3 $$``,
    the first of a sequence of iterates) (round 17 F13)."""
    if is_number(latex):
        return True
    if not is_constant(latex):
        return False
    clause = re.split(r"[.;!?。]\s", re.sub(r"\$[^$]*\$", " ", lead or ""))[-1]
    return bool(LETTER.match(name or "") or SETTING_BEFORE.search(clause))


def is_bare_name(latex: str) -> bool:
    return bool(BARE_NAME.match(latex))


def _words(lead: str) -> str:
    """The last words before a formula, with other formulas removed."""
    return re.sub(r"\$[^$]*\$", " ", lead)[-60:]


# a vector's entries summed to one: \sum_i t_i = 1, \sum_{k=1}^{K} \mathbf{t}_k = 1
SUM_TO_ONE = re.compile(
    r"^\s*\\sum_\{?\s*([a-z])\s*(?:=\s*[01]\s*)?\}?(?:\^\{?\s*[A-Za-z0-9]+\s*\}?)?\s*"
    r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*_\{?\s*\1\s*\}?\s*$")
# the words that state it as a hypothesis of what follows: *With … and $…$*, *where $…$*,
# *given $…$*, *since $…$*; Korean after it: *$…$이므로*, *$…$이고*, *$…$을 만족하는*
NORMALISING_LEAD = re.compile(
    r"(?:^|[.!?:]\s)\s*(?:with|given|assuming|since|as|for)\b[^.!?]*$"
    r"|\b(?:where|with|given|assuming|since|such\s+that|provided(?:\s+that)?)\s*[:,]?\s*$", re.I)
NORMALISING_AFTER = re.compile(r"^\s*(?:이므로|이니까|이고|이며|임을|을\s*만족|를\s*만족|인\s*경우)")
SUPPOSED = "introduced as a supposition"
NORMALISED_PLAIN = ("a vector's entries summing to 1, stated as a hypothesis (with, where, "
                    "given, since …): a condition, not a claim")
DISTRIBUTION_WORDS = re.compile(
    r"cross[- ]?entropy|probabilit|distribution|likelihood|one[- ]hot|label|target|softmax|"
    r"categorical|확률|분포|우도|원\s*-?\s*핫|레이블|라벨|정답|교차\s*엔트로피|소프트맥스", re.I)
NORMALISED = ("a vector's entries summing to 1, stated as a hypothesis (with, where, given, "
              "since …): the vector is read as a probability vector, not a claim")


def summed_to_one(first: str, second: str) -> str:
    r"""The vector ``first = second`` says sums to one (``\sum_i t_i = 1``: t), or ''."""
    match = SUM_TO_ONE.match(first)
    return match.group(2) if match and second.strip() == "1" else ""


def classify_first_step(
    chain: Chain, lead: str, defined: set[str], inline: bool = True,
    labels: frozenset = frozenset(), parameterised: frozenset = frozenset(), trail: str = "",
) -> Reading:
    """Role of ``chain``'s first relation; ``defined`` holds the names already defined in the
    section (head text such as ``y``, ``f``, ``h_\\theta``), ``lead`` the words before the math,
    ``trail`` the words after an inline formula up to the end of its sentence (Korean puts
    *let* there: ``$f(x) = x^3$ 이라 하자``), ``labels`` the defined functions whose parameter is
    a label (``H(x) = -(½ log ½ + …)``), ``parameterised`` the names defined with a parameter
    list (``f(x_1, x_2) = …``)."""
    if not chain.relations:
        return Reading(Role.CLAIM)
    relation = chain.relations[0]
    kind = relation_kind(relation)
    first, second = chain.elements[0], chain.elements[1]
    if kind == "unchecked" and relation not in (r"\gets", r"\leftarrow"):
        return Reading(Role.UNCHECKED)
    if relation in (r"\gets", r"\leftarrow") or (
        kind == "definition" and mentions(second, first)
    ):
        return Reading(Role.UPDATE, why="an update rule (the name is on both sides)")
    if all(r in INEQUALITIES for r in chain.relations) and _bounds_names(chain):
        return Reading(Role.CONDITION, why="bounds on names: a condition, not a claim")
    if relation == "=" and _names_a_condition(chain):
        # R = x_{nd} \le t: a name for a condition (a split rule, an event), no claim
        return Reading(Role.CONDITION, why="a name given to a condition (an event or a rule, "
                       "R = x ≤ t), not a claim (round 56 AQ01)")
    if len(chain.relations) == 1 and chain.relations[0] in INEQUALITIES and inline and (
        stated_condition(chain.latex, lead)
    ):  # For $|z| < 1$, (round 9a, H1)
        return Reading(Role.CONDITION, why="a bound on a name through an expression (the "
                       "interval it defines): a condition, not a claim")
    if set(chain.relations) <= UNEQUAL and _bounds_names(chain):
        return Reading(Role.CONDITION, why="a name excluded from a value (z ≠ 0): a condition")
    words = _words(lead)
    if relation == "=" and ASSUMED_EQUATION.search(words):
        return Reading(Role.CONDITION, why=(
            "the prose assumes this equation holds (a hypothesis, e.g. a fixed point "
            "x^*(a) = f(a, x^*(a))), not a claim"))
    if relation == "=" and len(chain.relations) == 1 and is_bare_name(first) and (
            excluded := why_not_an_example(lead, trail if inline else "", second, first)):
        return Reading(Role.CONDITION, why=excluded)  # round 15 F13, F21, F22
    if relation == "=" and len(chain.relations) == 1 and is_bare_name(first) and inline and (
            stated_at := claim_point(lead)):
        return Reading(Role.CONDITION, why=stated_at)  # $\sin x = x$ at $x = 0$ (round 17 F3)
    if relation == "=" and is_bare_name(first) and POINT_WORDS.match(second):
        return Reading(Role.CONDITION, why=(
            "a point written with words in the display (x = 1 \\text{에서}): a condition of "
            "the display, not a definition"))
    head = definition_head(first) if relation in ("=",) or kind == "definition" else None
    if head is None and (relation == "=" or kind == "definition"):
        head = letter_definition(first, second)  # e = y - wx, E = mc^2: e and E named
    if head is None and relation == "=" and iteration_index(f"{first} = {second}"):
        head = (first.strip(), None)  # w^{k+1} = w^k - \eta g^k: the next iterate (44 T09)
    if head is not None and _change_of_a_defined_name(head[0], defined):
        head = None  # \Delta f after f(x, y) = …: its Laplacian or its change, a claim either way
    if relation == "=" and head is not None and EVALUATED_OPERATOR.match(head[0]):
        head = None  # tr(I) = n, Var(Y) = Var(X): the checker's own operator, never a label
    if relation == "=" and CONDITIONED_NAME.match(first):
        head = (" ".join(first.split()), None)  # P(y = 1 | x) = …: defines that probability
    if relation == "=" and kind != "definition" and inline and (
        hypothesis := HYPOTHESIS_AFTER_KOREAN.match(trail)
    ) and not (hypothesis.group("let") and head is not None and head[0] in defined):
        # 일 때, 이면: a condition; 로 두면 (letting) of a defined name: read as its redefinition
        return Reading(Role.CONDITION, why="introduced by 'if'/'when': a condition")
    consequence = korean_consequent(lead)
    if relation == "=" and kind != "definition" and inline and CONDITIONAL.search(words) and not (
            consequence and head is None):
        if head is not None and head[0] in defined and (
            head[1] is None or is_parameter_list(head[1])
        ) and hypothetical(sentence_words(lead) + " " + trail):  # What if $q = r^2$ instead?
            return second_formula(head[0], head[1], "open", False)
        return Reading(Role.CONDITION, why="introduced by 'if'/'when': a condition")
    if relation == "=" and len(chain.relations) == 1 and (letters := [
        letter for letter in applied_letters(chain.latex) if letter not in defined
    ]) and functional_hypothesis(words, trail if inline else ""):
        # "a function with $u'(x) = u(x)$", "We only know that $w(x + 1) = w(x)$" (round 10, H1)
        return Reading(Role.CONDITION, letters[0], None, PROPERTY)
    if kind == "definition":
        if head is None:
            return Reading(Role.CLAIM)
        role = Role.EXAMPLE if example_value(head[0], second, lead) and head[1] is None else (
            Role.DEFINITION)
        return Reading(role, head[0], head[1], "written as a definition")
    if relation == "=" and head is not None:
        name, arguments = head
        if arguments is not None and _applies(second, name) and HYPOTHESIS_LEAD.search(
            words
        ):  # Assume $k(x + 1) = k(x)$; Let $g$ satisfy $g(-x) = -g(x)$: a hypothesis (X12)
            return Reading(Role.CONDITION, name, arguments, PROPERTY)
        concluded = concluding(lead, trail, inline)
        if concluded and arguments is not None and application(name, arguments) in defined and (
                point_value(arguments, second)):  # "Therefore H(x) = log 6": checked against it
            return Reading(Role.CLAIM)
        if name not in defined and not concluded and point_value(arguments, second):
            # P(A) = 0.3 and P(B) = 0.4, f(a) = 1: values at those arguments (round 8, C2)
            return Reading(Role.EXAMPLE, application(name, arguments), arguments,
                           POINT_WHY, point=True)
        if (
            name in defined and arguments is not None and is_parameter_list(arguments)
            and is_label(second, arguments) and (name in labels or not is_number(second))
            and not concluded
        ):  # fmt: skip
            # H(x) = −(½ log ½ + ½ log ½) then H(x) = −(6 × ⅙ log ⅙): the parameter is a label
            return Reading(Role.DEFINITION, name, arguments,
                           "a new value of a label (its parameter is not on the right)",
                           second=True)
        if arguments is not None and _applies(second, name) and (
            name in defined or _applied_to_names(second, name)
        ):  # H(X, Y) = H(X) + H(Y): the function on both sides relates its values
            return Reading(Role.CLAIM, name, arguments,
                           f"{name} is applied on both sides: a claim, not a definition")
        if arguments is not None and is_parameter_list(arguments) and _applies(second, name):
            # f(x) = f(-x), g(x) = 2 g(x/2): a property (functional equation), not a definition
            return Reading(Role.CONDITION, name, arguments, PROPERTY)
        if arguments is None and not is_number(second) and mentions(second, name) and (
            name not in defined and len(chain.relations) == 1 and second.strip() != first.strip()
        ):  # v = βv + g: the name on both sides is an update or a recursion, not a definition
            return Reading(Role.UPDATE, why="the name is on both sides: an update, not a "
                           "definition")
        introduced = introduced_as(lead, trail, inline)
        value = arguments is not None and (
            (not is_parameter_list(arguments) and not shifted_argument(arguments, second)
             and name in parameterised)
            or (name in defined and is_parameter_list(arguments) and is_number(second)
                and name not in labels)
        )  # fmt: skip
        if not value and introduced != "redefinition" and opens_row_or_item(lead):
            introduced = "open"  # | $f(x) = x^3$ | … : a table row, its own example or not
        if value and introduced not in ("redefinition", "open"):
            # f(0,0) = a after f(x_1, x_2) = …; l(y, ŷ) = 0 after l(y, ŷ) = -Σ y_j log ŷ_j
            return Reading(Role.CLAIM, name, arguments,
                           f"a value of the function {name} defined before: a claim")
        if name in defined:
            if introduced == "" and defining_sentence(lead, name, trail):
                introduced = "redefinition"  # Now let $a = wx$ and $L = a^4$ (round 9a, C4)
            if arguments is not None and shifted_argument(arguments, second) and (
                introduced in ("open", "words")
            ):  # "For the sum rule, consider $f(x+ε) = g(x+ε) + h(x+ε)$": f in other functions;
                # after "Then" or no words a claim about the f in force (round 11a, F27)
                introduced = "redefinition"
            if name in labels and arguments is not None and is_parameter_list(arguments) and (
                not concluded
            ):  # H(x) = 0.693 (a label), then H(x) = −Σ p(x_i) …: unless "Therefore H(x) = …"
                introduced = "redefinition"
            return second_formula(name, arguments, introduced, value)
        if arguments is None and (why := not_in_force(
                name, second, _whole_sentence(lead, trail if inline else ""),
                _whole_sentence(lead, ""), set(defined))):
            return Reading(Role.DEFINITION, name, None, why, not_in_force=why)
        if arguments is not None and shifted_argument(arguments, second):
            return Reading(Role.DEFINITION, name, arguments, SHIFTED)
        if arguments is not None and not is_parameter_list(arguments):
            return Reading(Role.CLAIM, why="a value of a function: a claim")
        if arguments is None and example_value(name, second, lead):
            return Reading(Role.EXAMPLE, name, None, "an example value")
        if arguments is not None and concluded:  # "Let $f$ be the ReLU. … Then $f(x) = x$."
            return Reading(Role.CLAIM, name, arguments, (  # (round 21 F12)
                f"stated as what follows ('then', 'so'): a claim about {name}, not its "
                f"definition"))
        return Reading(Role.DEFINITION, name, arguments, "the first '=' for this name")
    if relation == "=" and UNINDEXED_SUM.match(first) and is_number(second) and float(
        second.replace("−", "-").replace(" ", "")
    ) == 0:  # \sum F_x = 0: the forces of the system balance — an equation the note solves
        return Reading(Role.CONDITION, why=(
            "\\sum without an index over a single name (the sum of the system's forces or "
            "moments) set to 0: an equilibrium condition, an equation to solve, not an identity"))
    if relation == "=" and len(chain.relations) == 1 and summed_to_one(first, second) and (
            not consequence and (NORMALISING_LEAD.search(lead) or SUPPOSING.search(lead) or (
                inline and NORMALISING_AFTER.match(trail)))):  # with Σ_i t_i = 1 (round 57)
        # (a probability vector only where the words speak of laws: weights summing to 1 may
        # be negative, an affine combination, where a check on the simplex would say nothing)
        return Reading(Role.CONDITION, why=NORMALISED if DISTRIBUTION_WORDS.search(
            f"{lead} {trail}") else NORMALISED_PLAIN)
    inequality = all(r in INEQUALITIES for r in chain.relations)
    if (relation == "=" or inequality) and SUPPOSING.search(lead) and not consequence:
        return Reading(Role.CONDITION, why=SUPPOSED)
    if inequality and not consequence and (
            stated := inequality_hypothesis(lead, trail if inline else "")):
        # "a number with $x^2 \le 90$", "The constraint $x + y \le 15$" (round 13 F1)
        return Reading(Role.CONDITION, why=(
            f"an inequality the words state as a hypothesis or a constraint ('{stated}'), "
            "not a claim"))
    if relation == "=" and len(chain.relations) == 1 and (
            SOLVING.search(words) or inline and SOLVING_AFTER.match(trail)):
        return Reading(Role.CONDITION, why="an equation to solve (introduced as such)")
    return Reading(Role.CLAIM)


POINT_WORDS = re.compile(  # "1 \text{에서}", "1 \text{ (the point)}": a value, then prose
    r"^\s*[-+]?\d+(?:\.\d+)?\s*(?:\\[,;!]\s*|\\q?quad\s*)*"
    r"(?:\\(?:text\w*|mathrm|mbox)\s*\{|[^\x00-\x7f])")
RESERVED_LETTER = re.compile(  # E_\pi = E_V, e_a = e_b: any subscript too (round 40 J07)
    r"^\s*(?P<name>[eE](?:_\{[^{}]*\}|_[A-Za-z0-9]|_\\[A-Za-z]+)?)\s*$")
CONSTANT_FORMULA = re.compile(r"\\(?:lim|sum|prod|int|infty)\b|!")


def _change_of_a_defined_name(name: str, defined: set[str]) -> bool:
    r"""Whether ``name`` is an increment ``\Delta f`` of a name the section defines (f, its
    Laplacian perhaps), or its sign δ is defined (then δ multiplies): no new name then."""
    letter = increment_letter(name)
    return bool(letter) and (letter in defined or name.split()[0] in defined)


def letter_definition(first: str, second: str) -> tuple[str, None] | None:
    r"""``e = y - w x`` (the residual), ``E = m c^2`` (the energy): a note that gives the letter
    e or E a formula in other names defines it (docs/notes.md, "Names defined as
    expressions"); e is then that name, not Euler's number, where the definition is in force.
    Not a number (``e = 2.718``), and for e not a constant formula (``e = \lim_{n \to \infty}
    (1 + 1/n)^n``, ``e = \sum 1/n!``: Euler's number described)."""
    match = RESERVED_LETTER.match(first)
    if not match or is_number(second):
        return None
    if not re.search(r"[A-Za-z]", re.sub(r"\\[A-Za-z]+", " ", second)):
        return None  # \exp(1), \pi^2: no name on the right
    if match.group("name") == "e" and (
        CONSTANT_FORMULA.search(second) or not re.search(
            r"(?<![A-Za-z\\])(?!e(?![A-Za-z]))[A-Za-z]", re.sub(r"\\[A-Za-z]+", " ", second))
    ):
        return None
    return " ".join(match.group("name").split()), None


EVALUATED_OPERATOR = re.compile(  # operators the checker evaluates (round 8, H4)
    r"^\s*\\(?:(?:mathrm|operatorname|text|textrm)\s*\{\s*(?:tr|Tr|trace|Var|Cov)\s*\}|det)\s*$")
POINT_WHY = ("a value of the function at that argument only (a number), not a definition "
             "of the function for every argument")


def point_value(arguments: str | None, body: str) -> bool:
    r"""``P(A) = 0.3``, ``L(\theta_1) = 0.2``, ``H(X) = \log 2``: letters as arguments and a
    constant on the right (no name at all, so no parameter either) — the function's value at
    those arguments."""
    if arguments is None or not is_parameter_list(arguments):
        return False
    plain = re.sub(r"\\(?:text\w*|mathrm|operatorname)\s*\{[^{}]*\}|\\[A-Za-z]+", " ", body)
    return not re.search(r"[A-Za-z]", plain) and bool(re.search(r"\d", plain))


def application(name: str, arguments: str) -> str:
    """``P(A)``: the application as one name (spacing normalised)."""
    return f"{name}({' '.join(arguments.split())})"


SHIFTED = ("the function at a shifted argument, in terms of other functions at that same "
           "argument (f(x+ε) = g(x+ε) + h(x+ε) for all x, ε): a definition of f")
SUM_OF_NAMES = re.compile(r"^\s*[A-Za-z\\]+(?:\s*\+\s*[A-Za-z\\]+)+\s*$")


def shifted_argument(arguments: str, body: str) -> bool:
    r"""``f(x+\epsilon) = g(x+\epsilon) + h(x+\epsilon)``: the argument is a sum of distinct
    names and the right side uses them only inside that same argument, so for all x, ε it says
    f(t) = g(t) + h(t) — a definition of f, as much as ``f(t) = g(t) + h(t)`` is."""
    if not SUM_OF_NAMES.match(arguments):
        return False
    names = [part.strip() for part in arguments.split("+")]
    if len(set(names)) != len(names) or not all(is_bare_name(name) for name in names):
        return False
    squeezed = re.sub(r"\s+", "", arguments)
    if "(" + squeezed + ")" not in re.sub(r"\s+", "", body):
        return False
    # the argument removed with the spacing as written (squeezing "\epsilon h" would hide ε)
    spaced = r"\s*".join(re.escape(character) for character in "(" + squeezed + ")")
    rest = re.sub(spaced, "() ", body)
    return not any(mentions(rest, name) for name in names)


def is_label(body: str, arguments: str) -> bool:
    r"""``H(x) = -(½ log ½ + ½ log ½)``: the right side mentions none of the parameters (a bold
    parameter is mentioned by its entries: ``\mathbf{y}`` by ``y_j``, ``\hat{\mathbf{y}}`` by
    ``\hat{y}_j``)."""
    body = BOLD.sub(r"\1", body)
    return not any(
        mentions(body, BOLD.sub(r"\1", parameter.strip())) for parameter in arguments.split(",")
    )


BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*([A-Za-z])\s*\}")


DERIVING = re.compile(
    r"\b(?:we (?:obtain|get|arrive)|obtains?|plugging|substituting|using the definitions?)\b"
    r"|얻|대입|연결",
    re.I,
)


DERIVED = re.compile(
    r"\b(?:then|so(?!\s+that)|thus|hence|therefore|we (?:obtain|get|arrive at|find)|obtains?"
    r"|gives?|yields?|substituting|plugging)\b|따라서|그러므로|얻|대입",
    re.I,
)


def _whole_sentence(lead: str, trail: str) -> str:
    """The words of the formula's sentence, earlier formulas of it blanked, and the words after
    it (``The partial derivatives are $u_x = …$ and`` for ``u_t``)."""
    words = re.sub(r"\$[^$]*\$", " ", lead or "")
    return SENTENCE_END.split(words.rstrip(" \t.!?;。"))[-1] + " " + (trail or "")


def _own_words(lead: str) -> str:
    """The words between the previous formula on the line and this one (``Let $y = x^2$ and``
    gives `` and``): what introduces this formula, not the one before it."""
    return re.sub(r"\$[^$]*\$", " ", lead.rpartition("$")[2] if lead.count("$") >= 2 else lead)[-60:]


# round 26 (open since): a case named by a word, not by a formula — "In the cubic case, $f(3) =
# 27$", "In the binary case, $H(p) = …$" — speaks of a variant of the names in force that the
# note does not write down; "in the general case", "in this case" do not. (Korean 의 경우, 인
# 경우 are not read so: "편도함수 표기법의 경우" is "as for the notation", field corpus)
CONDITION_FORMULA = re.compile(r"\s*[A-Za-z](?:_\{?\w+\}?)?\s*(?:=|<|>|\\le|\\ge|\\leq|\\geq|\\in|"
                               r"\\ne|\\neq|\\to)(?![A-Za-z])")
GENERAL_WORDS = re.compile(r"\b(?:general(?:ly)?|identity|identities|theorem|for\s+(?:all|"
                           r"every|any)|in\s+all\s+cases)\b|일반|모든", re.I)  # ("As always,": 29 F27)
CASE_IN_WORDS = re.compile(
    r"\b(?:in|for|under|take|consider|treat|study|look\s+at|turn\s+to|now)\s+the\s+(?!(?:general|"
    r"same|present|above|current|previous|preceding|"
    r"following|usual|standard|stated|given|original|"
    # a sign, a side, the other case: the domains of its letters, read by the stated domains
    # (scope_words.OTHER_CASE ends them), not another meaning of its names
    r"other|opposite|remaining|complementary|second|latter|former|negative|positive|"
    r"non-?negative|non-?positive|zero|nonzero|non-zero)\b)(?:[A-Za-z][\w-]*\s+){1,2}?"
    r"(?:cases?|settings?|variants?|versions?|scenarios?|regimes?|situations?|setups?)\b"
    r"(?!\s*(?:,\s*)?(?:of\s+|where\s+|with\s+|when\s+|that\s+)?§)[^.!?]*$"
    # round 28 F07, F09: "When the map is cubic,", "Case 2 (cubic):"
    r"|\b(?:when|if|whenever|in\s+case|once)\s+(?:the|our|this)\s+[A-Za-z-]+\s+(?:is|are|were|was|"
    r"becomes?|equals?)\s+(?!(?:"
    r"positive|negative|zero|non-?negative|non-?positive|non-?zero|small|large|real|an?|the|not|"
    r"symmetric|orthogonal|invertible|diagonal|square|defined|given|known|fixed|differentiable|"
    r"continuous|convex|concave|linear|independent|bounded|finite|nonsingular|singular|"
    r"minimi[sz]ed|maximi[sz]ed|at|in|equal|less|greater|larger|smaller|0)\b)[A-Za-z0-9][\w-]*"
    r"\b[^.!?]*$"
    # round 29 F11, F12, F15: "**Cubic case.**" alone, "two variants" announced, "Switching to
    # cubes," (a change named by a word, no formula)
    r"|^\s*(?:the\s+)?(?!(?:general|same|this|that|base|other|negative|positive|"
    r"first|second|third|last|mirror|latter|former|remaining|opposite|complementary|symmetric|"
    r"zero|trivial|degenerate)\b)[A-Za-z][\w-]*\s+"
    r"(?:case|setting|variant|version)s?\s*:?\s*$"
    r"|\b(?:two|three|four|several|the\s+following)\s+(?:[A-Za-z-]+\s+)?"
    r"(?:variants|settings|versions|scenarios)\b"  # ("in both cases": cases its formulas name)
    r"|^\s*(?:switching|moving|changing|turning|passing)\s+to\s+(?:the\s+|a\s+)?[A-Za-z][\w-]*"
    r"\s*[,:][^.!?§]*$"
    r"|^\s*case\s+(?:\d+|[ivx]+|[a-z])\s*\(\s*[A-Za-z][\w -]*\)[^.!?]*$"
    # round 30 F03, F23: "## Case 2: the cubic map", "*Remark (cubic case).*"
    r"|^\s*case\s+(?:\d+|[ivx]+|[a-z])\s*[:.—–-]\s*(?:the\s+|an?\s+)?[A-Za-z][\w-]*[^.!?§]*$"
    r"|\b(?:remark|note|example|aside|comment)\s*\(\s*(?:the\s+|an?\s+)?(?!(?:general|same|"
    r"other|negative|positive|zero|trivial)\b)[A-Za-z][\w-]*\s+(?:case|setting|variant|version)s?"
    r"\s*\)"
    # round 31a F15, F16: a sentence or heading opening with a noun and 인/일 경우 (행렬인 경우에도,
    # ## 세제곱인 경우); not a sign (양수인 경우: a domain), not a formula's (…$인 경우: a condition),
    # not an adjective in -적 (일반적인 경우 "in general", 구체적인 경우: round 32a F05, F06)
    r"|^\s*(?!(?:양수|음수|양|음|영|0)(?:인|일|의))[가-힣]*[가-힣](?<!적)(?:인|일|의)\s*경우", re.I)


def case_in_words(paragraph: str) -> tuple[str, int]:
    """The words naming a case by a word (*in the cubic case*) in the paragraph before a
    formula (``paragraph``: its text up to the formula) and the offset in ``paragraph`` where
    they begin, or ("", -1): in the formula's own sentence, before it and its earlier formulas
    (*In the cubic case, $f(3) = 27$ and $f(-1) = -1$*), or in an earlier sentence of the
    paragraph, whose case may go on (*… $f(-2) = -8$ there as well*; round 28 F19, F20) unless
    the formula's own sentence speaks in general (*The general identity is*). A case named by a
    formula (*In the special case $x = 3$*) is not one."""
    base = max(0, len(paragraph) - 2000)
    words, origin = _mapped_sub(r"\$([^$]*)\$", lambda math: " § " if CONDITION_FORMULA.match(
        math.group(1)) else " ¤ ", paragraph[base:], list(range(base, len(paragraph))))
    # § a condition (x = 3, n > 1), ¤ another; **Label.**, __Label.__, a heading's marks end a
    # sentence; a dash after a run-in label ends it too ("Cubic case — $f(3) = 27$")
    # LaTeX run-in labels: \textbf{Cubic case.}, \item[Cubic case.], \paragraph{…} (round 31a F29)
    words, origin = _mapped_sub(r"\\(?:textbf|textit|emph|textsc|paragraph\*?)\s*\{([^{}]*)\}"
                                r"|\\item\s*\[([^\]]*)\]", lambda label: ". " + (
                                    label.group(1) or label.group(2) or "") + ". ", words, origin)
    words, origin = _mapped_sub(r"\*+|__+|(?<!\w)_(?=\w)|(?<=[\w.])_(?!\w)|^\s*#+|\n\s*#+"
                                r"|\n[ \t]*\n|\s[—–]\s|\s--?-?\s", ". ", words, origin)
    words, origin = _mapped_sub(r"\s+", " ", words, origin)
    ends = [0] + [found.end() for found in SENTENCE_END.finditer(words)] + [len(words)]
    sentences = [(ends[k], words[ends[k]:ends[k + 1]]) for k in range(len(ends) - 1)]
    if sentences and GENERAL_WORDS.search(sentences[-1][1]):
        sentences = sentences[-1:]
    for start, sentence in sentences:
        found = CASE_IN_WORDS.search(sentence.rstrip(" \t.!?;。"))
        if found:
            at = start + found.start()
            return (re.sub("[§¤]", "$…$", found.group()).strip(),
                    origin[at] if at < len(origin) else len(paragraph))
    return "", -1


def _mapped_sub(pattern: str, replace, text: str, origin: list) -> tuple[str, list]:
    """``re.sub`` that also carries, for each character of the result, the offset in the
    original text it comes from (``origin`` for ``text``; a replacement's characters come from
    the start of what it replaced)."""
    pieces, offsets, last = [], [], 0
    for found in re.finditer(pattern, text):
        pieces.append(text[last:found.start()])
        offsets.extend(origin[last:found.start()])
        put = replace(found) if callable(replace) else replace
        pieces.append(put)
        offsets.extend([origin[found.start()] if found.start() < len(origin) else (
            origin[-1] + 1 if origin else 0)] * len(put))
        last = found.end()
    pieces.append(text[last:])
    offsets.extend(origin[last:])
    return "".join(pieces), offsets


NEW_EXAMPLE = re.compile(r"\b(?:example|suppose|consider|let|another|instead)\b|예를|다른", re.I)


# -- a second formula for a name already defined in its section --------------------------------
# Read by the words of its own sentence before it (docs/notes.md, "Formulas given again"):
# * none (a bare display after a finished sentence), or words of derivation or restatement
#   (*then, so, hence, that is, equivalently, simplifying, rewriting*, 즉, 정리, 따라서 …): a claim
#   about the first formula, checked against it; a wrong one is refuted and never used;
# * a redefinition — narrow on purpose: *let* (not "let us/me", "let's"), *define*, *redefine*,
#   an enumeration mark (*(ii)*);
#   Korean 새로, 다시 정의, 정의하자, and after the formula 이라 하자 / 로
#   두자 (Korean puts "let" there): a new definition, used from its line on (a shifted-argument
#   ``f(x+ε) = g(x+ε) + h(x+ε)`` defines only an f not yet defined; about an f in force its
#   words decide like any other's — round 11a, F27);
# * any other words (*consider, for example, instead, another*, 대신, 예를 들어, "The addition
#   gate:"): the text does not
#   say — both readings are checked, and a verdict stands only where they agree.
REDEFINING = re.compile(
    r"\b(?:let(?!\s*(?:us|me)\b|\s*['’]s\b)|(?:re)?defines?|redefined)\b"
    r"|새로|다시\s*정의|정의하자",
    re.I,
)
REDEFINING_AFTER = re.compile(r"^\s*(?:이?라(?:고)?\s*(?:하자|두자|놓자)|로\s*(?:두자|놓자|정의하자))")
# words that may start a new example without saying so: the text does not decide, so both
# readings are checked (a refutation under either is undecided, naming both lines)
OPENING = re.compile(
    r"\b(?:consider(?:ing)?|take|for|e_g|of|form|model|functions?|suppose|assume"
    r"|another(?!\s+(?:way|form|expression|representation))|alternative(?:s|ly)?|next"
    # *example*, *instead* also open a new example, but as often refer back to one ("In this
    # example", "Returning to our example", "Instead of the half"): both readings (round 5, C2)
    r"|instead|examples?)\b|대신|예를\s*들|예시|예제"
    r"|\band\s+(?:the|a|an)\s+[\w\s-]{1,40}?\s+is\s*$"  # "…; and the derivative is $g = …$"
    r"|함수|다른|가정",
    re.I,
)
# an enumeration mark: inside a sentence listing cases ("for (i) $f(x) = c$, (ii) $f(x) = x^n$")
# each case is a new definition; opening its own line ("(ii) $l(y, ŷ) = (y - ŷ)^2$.") it may
# be the next case of an exercise or the next step of a derivation enumerated (i), (ii), (iii):
# both readings (round 6, N17)
ENUMERATION = re.compile(r"\([ivx]+\)", re.I)
LINE_MARK = re.compile(r"^\s*\([ivx]+\)", re.I)
# words of derivation or restatement: the formula is a claim about the name
CLAIMING = re.compile(
    DERIVED.pattern + r"|\b(?:i_e|that is|equivalently|in other words|rewrit\w*|simplif\w*"
    r"|expand\w*|another\s+(?:way|form|expression|representation)|shows?|follows?|we have"
    r"|which is|we (?:compute|calculate|derive|conclude|see)|computing|calculating)\b"
    r"|즉|정리|계산|전개|다시\s*쓰",
    re.I,
)
DISPLAY_ONLY = re.compile(r"^\s*(?:\$\$[^$]*\$\$|\\\[.*\\\]|\\end\{[a-z*]+\})\s*$")
ENUMERATED = re.compile(r"^\s*\d{1,3}[.)]\s")  # a numbered list item: its own exercise or case
# a numbered item that opens with an instruction ("2. Show that … for $f(x) = x^2$",
# "1. Differentiate $f(x) = x^3$"): an exercise of its own, so its formulas are new
EXERCISE_ITEM = re.compile(
    r"^\s*\d{1,3}[.)]\s+(?:show|prove|verify|differentiate|compute|calculate|find|derive"
    r"|evaluate|let|consider|suppose|assume|take|determine|check|give|write|use)\b",
    re.I,
)
FORMULA_ONLY = re.compile(r"^\s*\$[^$]+\$\s*[,.;:]?\s*$")  # "$y_i = \log(c),$" alone
FILLER = re.compile(r"\b(?:and|or|also|as well as|with)\b|그리고|및|이고|이며|또는", re.I)
SENTENCE_END = re.compile(r"[.!?;。](?=\s|$)")


def sentence_words(lead: str) -> str:
    """The words of this formula's own sentence before it: after the previous formula on the
    line and after the last sentence end (``Let $f(x) = x^2$. Now let`` → `` Now let``;
    ``$f(x) = x^2$ 이라 하자. 이를 정리하면`` → `` 이를 정리하면``: the 하자 is the previous
    formula's). ``e.g.`` and ``i.e.`` are kept as words (``e_g``, ``i_e``)."""
    own = _own_words(lead).replace("e.g.", "e_g").replace("i.e.", "i_e")
    # the sentence that ends where the formula starts (a display after "… compactly.") counts
    return SENTENCE_END.split(own.rstrip(" \t.!?;。"))[-1]


# a negation word in an idiom that denies nothing after it ("Never mind the square", "no matter
# which", "not only": round 22 i05); a colon or a dash after a negation may introduce what it
# denies ("We do not do the following: let …", round 23 R23-02), so only idioms are set aside
_IDIOM = re.compile(r"\b(?:never\s+mind|no\s+matter|not\s+only|not\s+just|no\s+doubt|"
                    r"(?:do\s+not|don['’]t|never)\s+(?:forget|hesitate)|not\s+to\s+forget|"
                    r"never\s+hurts|(?:does|do)\s+not\s+hurt|doesn['’]t\s+hurt)\b", re.I)  # (R24-12)


def _denial_of(words: str) -> re.Match | None:
    """The first negation word of ``words`` that is not part of an idiom (:data:`_IDIOM`)."""
    idioms = [found.span() for found in _IDIOM.finditer(words)]
    return next((denied for denied in NEGATED.finditer(words)
                 if not any(start <= denied.start() < end for start, end in idioms)), None)


def introduced_as(lead: str, trail: str = "", inline: bool = True) -> str:
    """How the words around a formula introduce it: "redefinition", "claim", "open" (words
    that may start a new example), "words" (other words), "listed" (right after a formula alone
    on its line, no words between) or "" (no words in its sentence). A redefining word decides
    unless words of derivation follow it ("For example, simplifying,"); otherwise the later of
    derivation and opening words; a Korean *let* after the formula (``이라 하자``) redefines."""
    if inline and REDEFINING_AFTER.match(trail or ""):
        return "redefinition"
    if lead and (DISPLAY_ONLY.match(lead) or FORMULA_ONLY.match(lead)):
        return "listed"  # right after a formula alone on its line, no words: restated or not
    words, from_here_on = mask_from_here_on(sentence_words(lead))  # "In what follows," (C5)
    last = {kind: max((m.start() for m in pattern.finditer(words)), default=-1) for kind, pattern
            in (("redefinition", REDEFINING), ("claim", CLAIMING), ("open", OPENING))}
    if from_here_on < 0 and last["claim"] < 0 and sentence_from_here_on(lead):
        from_here_on = 0  # "From here on, $L$ denotes the absolute loss $L = |wx - t|$"
    if from_here_on >= 0 and last["claim"] < from_here_on:  # "Hence, in what follows": both
        kind = "open" if last["claim"] >= 0 else "redefinition"
        last[kind] = max(last[kind], from_here_on)
    last["open"] = max([last["open"]] + [m.start() for m in BELOW.finditer(words)])
    marks = list(ENUMERATION.finditer(words))
    if marks:
        kind = "open" if LINE_MARK.match(lead or "") and "$" not in (lead or "") else "redefinition"
        last[kind] = max(last[kind], marks[-1].start())
    denied = _denial_of(words)
    if denied and last["redefinition"] >= 0 and denied.start() < last["redefinition"] + 40:
        # "We define nothing new here:", "we do not redefine l": the same l, a claim about it
        last["redefinition"] = -1
        last["claim"] = max(last["claim"], denied.start())
    if ENUMERATED.match(lead or ""):
        item = re.sub(r"\$[^$]*\$", " ", lead)  # the item's words before the formula
        if EXERCISE_ITEM.match(lead):  # "2. Show that … for $f(x) = x^2$": a new exercise item
            last["redefinition"] = max(last["redefinition"], -0.5)
        elif CLAIMING.search(item):  # "2. Hence $f'(x) = 2x$ and $f(1) = 1$": a derivation step
            last["claim"] = max(last["claim"], 0)
        else:  # "1. $l(y, ŷ) = (y - ŷ)^2$": the next step or a new case: both readings
            last["open"] = max(last["open"], 0)
    if last["redefinition"] < last["claim"] and _restates_after_a_change(
            words, 0 if from_here_on < 0 and sentence_from_here_on(lead) else from_here_on,
            last["claim"]):
        return "open"  # "From now on we use the cube, that is, …": the new meaning or the old
    if last["redefinition"] > last["claim"]:
        return "redefinition"  # "To give an example, let's plot the function": not undone
    if last["claim"] >= 0 and last["claim"] > last["open"]:
        return "claim"
    if last["open"] >= 0:
        return "open"  # "Then consider": a new example may start after the derivation words
    rest = FILLER.sub(" ", words)  # "Let $y = x^2$ and $y = x^3$": the "and" says nothing
    return "words" if re.search(r"[^\W\d_]", rest) else ""


CONCLUDING = re.compile(
    r"^\s*(?:(?:therefore|hence|thus|so|consequently|then)\b(?!\s+that\b)|따라서|그러므로)", re.I)

# words that restate what was just named: after a change in the same sentence they may spell out
# the new meaning ("From now on we use the cube, that is, $f(x) = x^3$", "We switch to the cube,
# i.e. …", "다음으로 세제곱 함수, 즉 …": round 25) or the old one ("From now on we keep this loss,
# that is, …": round 26)
RESTATING = re.compile(r"\b(?:i_e|that is|in other words|namely)\b|즉|다시 말해", re.I)
# words of a change of what a name stands for (without 'from now on', whose scope is explicit)
CHANGING = re.compile(
    r"\b(?:switch\w*|(?:we|now)\s+(?:use|take|turn|consider|move)|now|instead|next|chang\w*|"
    r"replac\w*|new|another|different|other)\b|다음으로|이제|대신|바꾸|바꿔|새로운|새|다른", re.I)


def _restates_after_a_change(words: str, from_here_on: int, last_claim: int) -> bool:
    """Whether the last claiming word restates (:data:`RESTATING`) after a *from here on*
    phrase or a word of change (:data:`CHANGING`): *From now on we use the cube, that is, …*
    restates the new meaning, *From now on we keep this loss, that is, …* the old one (round
    26), and the words do not say which."""
    restating = [found.start() for found in RESTATING.finditer(words)]
    if not restating or restating[-1] != last_claim:
        return False
    return 0 <= from_here_on < last_claim or bool(CHANGING.search(words[:last_claim]))


def concluding(lead: str, trail: str = "", inline: bool = True) -> bool:
    r"""The formula's sentence starts with a word of conclusion (*Therefore, Hence, Thus, So,
    Then*, 따라서, 그러므로) and no later words open a new example: it states what follows,
    a claim — never a new value of a label (``Therefore $H(x) = -t\log t$`` after values of
    q and p is checked against them)."""
    return bool(CONCLUDING.match(sentence_words(lead or ""))) and (
        introduced_as(lead, trail, inline) == "claim")


# the words right before a value that draw it from what precedes (", so", "hence", "it follows
# that", "we get", 따라서): a conclusion about the value in force, never a value set (17 F1)
CONCLUDED_BEFORE = re.compile(
    r"^[\s,;:]*(?:(?:and\s+)?(?:therefore|hence|thus|so|consequently|then)\b(?!\s+that\b)"
    r"|it\s+follows\s+that|we\s+(?:get|obtain|find|conclude(?:\s+that)?|deduce(?:\s+that)?)"
    r"|(?:this|which)\s+(?:gives|yields|implies|means(?:\s+that)?)|giving|yielding"
    r"|따라서|그러므로|그러면|즉)[\s,]*$", re.I)


def concluded_value(lead: str, trail: str = "", inline: bool = True) -> bool:
    """Whether a ``name = number`` is drawn from what precedes it (:func:`concluding`, or
    :data:`CONCLUDED_BEFORE` right before it: *Let $x = 2$. Then $2x = 6$, so $x = 3$*)."""
    sentence = re.split(r"(?<=[.!?。])\s+", re.sub(r"\$[^$]*\$", " $ ", lead or ""))[-1]
    return concluding(lead, trail, inline) or (
        bool(CONCLUDED_BEFORE.match(sentence_words(lead or "")) or CONCLUDING.match(sentence))
        and introduced_as(lead, trail, inline) in ("claim", "", "words"))


# the words between a claim and the point it is stated at, in one sentence ("$\sin x = x$ at
# $x = 0$", "holds for $x = 1$", "at the point $u = 0$", "$w^3 = w$, 단 $w = 1$"), or a Korean
# 단, opening the next sentence after a claim ("$\sin x = x$이다. 단, $x = 0$이다.")
POINT_AFTER_CLAIM = re.compile(
    r"\$[^$]*(?:=|\\ne|<|>|\\le|\\ge)[^$]*\$\s*(?:[이가은는]\s*)?(?:,\s*)?(?:(?:which\s+)?(?:only\s+)?"
    r"(?:holds?|is\s+true|is\s+valid|works?)\s+)?(?:only\s+)?(?:at|for|when|if|at\s+the\s+point|"
    r"in\s+the\s+case)\s*$|\$[^$]*=[^$]*\$\s*(?:이다|입니다)?\s*[,.]?\s*단\s*,?\s*$", re.I)


def claim_point(lead: str) -> str:
    """Why ``name = value`` after ``lead`` is the point the claim just before it is stated at
    (:data:`POINT_AFTER_CLAIM`), or ''."""
    if POINT_AFTER_CLAIM.search(lead or ""):
        return ("the point the claim just before it is stated at ('at', 'for', 단): a condition "
                "of that claim, not an example value")
    return ""


def second_formula(name: str, arguments: str | None, introduced: str, value: bool) -> Reading:
    """The role of a second ``name = …`` for a name already defined in its section."""
    if value:  # f(1, 0) = 3 after "For example,": a value in a new example, not compared
        return Reading(Role.DEFINITION, name, arguments, (
            "a value of the function after words introducing a new example: not compared"))
    if introduced == "redefinition":
        return Reading(Role.DEFINITION, name, arguments, (
            f"a new definition of {name}: the prose redefines it ('let', 'define', 'instead', "
            "'in what follows', 'example', a numbered item, 새로, 다시 정의), or it follows values of a label"),
            second=True)
    if introduced in ("open", "words"):
        return Reading(Role.DEFINITION, name, arguments, (
            f"{name} is already defined in this section, and the words before this formula "
            "neither derive it ('then', 'so', 'that is' …) nor redefine it ('let', 'define' …): "
            "a new definition or a claim about the first; both readings are checked"),
            disputed=True, second=True)
    if introduced == "listed":
        return Reading(Role.DEFINITION, name, arguments, (
            f"{name} written again right after its formula, with no words: a restatement or "
            "an alternative formula listed after it; both readings are checked"),
            disputed=True, second=True)
    return Reading(Role.CLAIM, name, arguments, (
        f"{name} is already defined in this section and no words redefine it ('let', "
        "'define', 'now', 'instead'): a claim about it, checked against the first formula"),
        second=True)


def mentions(expression: str, name: str) -> bool:
    """Whether the LaTeX name occurs in the expression as a whole token."""
    name = name.strip()
    if not name:
        return False
    pattern = re.escape(name) + (r"(?![A-Za-z])" if name[-1].isalpha() else "")
    return re.search(r"(?<![A-Za-z\\])" + pattern, expression) is not None


def _applies(expression: str, name: str) -> bool:
    """Whether ``name(…)`` is applied in the expression (``H(X)`` in ``H(X) + H(Y)``)."""
    return re.search(r"(?<![A-Za-z\\])" + re.escape(name) + r"\s*\(", expression) is not None


def _applied_to_names(expression: str, name: str) -> bool:
    """Every ``name(…)`` in the expression applied to bare names only (``H(X)``, not the
    ``f(x - 1)`` of a recursive definition)."""
    pattern = r"(?<![A-Za-z\\])" + re.escape(name) + r"\s*\(([^()]*)\)"
    found = re.findall(pattern, expression)
    return bool(found) and all(is_parameter_list(arguments) for arguments in found)


def is_parameter_list(arguments: str) -> bool:
    """``x, y`` (distinct names) — not ``2`` or ``x+1``: a function's parameter list."""
    parts = [part.strip() for part in arguments.split(",")]
    return all(part and is_bare_name(part) for part in parts) and len(set(parts)) == len(parts)


def _names_a_condition(chain: Chain) -> bool:
    """``R = x_{nd} \\le t``: a name (not a constant such as π or e) given to a condition on
    names (round 56 AQ01); the condition may also give a value to one of its names (``R = x_1
    \\le t = 3``, the threshold t = 3: round 57 AT01). Every relation after the first is an
    inequality or such an ``=`` with a name on one side, and at least one is an inequality."""
    first, rest = chain.elements[0].strip(), replace(
        chain, elements=chain.elements[1:], relations=chain.relations[1:])
    if not rest.relations or not NAMED.fullmatch(first) or is_constant(first):
        return False  # \pi = e \le 2 is a claim about two numbers (round 57 AT01 notes)
    if not any(r in INEQUALITIES for r in rest.relations) or not _bounds_names(rest):
        return False
    return all(r in INEQUALITIES or (r == "=" and _a_name_given_a_value(left, right))
               for left, r, right in zip(rest.elements, rest.relations, rest.elements[1:]))


def _a_name_given_a_value(left: str, right: str) -> bool:
    """``t = 3`` (or ``3 = t``) inside a condition: a value given to a name, not a constant."""
    return any(is_bare_name(name) and not is_constant(name) and not is_number(name)
               for name in (left, right))


def _bounds_names(chain: Chain) -> bool:
    """``1 \\le i \\le n``, ``0 < p < 1``, ``x > 0``: every element a name or a number, at least
    one a name."""
    elements = [element.strip() for element in chain.elements]
    if not all(BOUND.match(element) or _bare_names(element) for element in elements):
        return False
    return any(_bare_names(element) and not is_number(element) for element in elements)


def _bare_names(element: str) -> bool:
    """A name, or a list of them (``m, n ≥ 1``: each is bounded; round 9a L6)."""
    return all(is_bare_name(part) for part in element.split(","))
