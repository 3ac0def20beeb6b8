r"""Stage 3 of checking a note: turn each located chain into planned steps (no checking yet).

Each element is parsed with the note's :class:`~symderive.grammar.latex.LatexContext`, its
indices made consistent with the chain (``z_k`` and ``z[k]`` the same entry), definitions in
force at its line substituted and derivatives evaluated (:mod:`symderive.notes.expand`). A step
is skipped with a countable reason when it is not a claim (definition, example value,
condition, update rule) or cannot be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import sympy as sp
from sympy.core.function import AppliedUndef

from symderive.errors import ParseError
from symderive.expectation import E, Var, symbols_read_as_random
from symderive.grammar.build import time_limit
from symderive.grammar import entries
from symderive.grammar.latex import MATRIX_SIZE, LatexContext, parse_latex_math
from symderive.notes.written_domain import definition_requirements, undefined_as_written
from symderive.grammar.matrices import (
    as_scalar,
    has_matrix_derivative,
    read_with_declared_shapes,
)
from symderive.grammar.negation import NEGATED_OR_SUPPOSED
from symderive.grammar.operators import chain_variable, differentiated
from symderive.grammar.superscript_labels import applied_labels, greek_values
from symderive.grammar.units import conversion
from symderive.notes.space_sides import membership
from symderive.notes.precision_words import StatedPrecision, precision_for
from symderive.notes.rounding_rules import rounding_interval, tie_verdict, written_side
from symderive.report import Counterexample, Outcome
from symderive.grammar.matrix_literals import larger_than
from symderive.notes.chains import CHECKED_RELATIONS, MAX_STEPS, relation_kind
from symderive.notes.directives import definition_head
from symderive.notes import matrix_definitions
from symderive.notes.eigen_equations import eigen_equation
from symderive.notes.extreme_words import extreme_at_point
from symderive.notes.vector_arguments import function_of_column
from symderive.notes.fresh_columns import fresh_column
from symderive.notes.laplacian import laplacians
from symderive.notes.alternatives import alternative_values
from symderive.notes.example_near import about_the_example, claim_sentence, example_doubt
from symderive.notes.example_words import goal_word
from symderive.notes.extract import LineIndex
from symderive.notes.display_quantifiers import (
    bound_names, continuation, general_words, prose_bound, row_of,
)
from symderive.notes.lifted import (
    ALL, GENERAL_HEADING, case_lift, case_values, claim_label, denied, lifted, said_after,
    said_identity,
)
from symderive.notes.ode_solutions import solution_of_an_integration
from symderive.notes.operator_words import object_symbols, object_words, written_objects
from symderive.notes.partials import AmbiguousPartial, Notation
from symderive.notes.shaped_definitions import with_declared_shapes
from symderive.notes.scoped import declared_at, scalars_at
from symderive.notes.sections import as_sections
from symderive.grammar.transpose import t_as_number
from symderive.notes.sized_examples import examples_in_sizes
from symderive.notes.context import (
    DefinitionView,
    FileContext,
    Located,
    latest_in_force,
    line_after,
    text_after,
    trailing_words,
)
from symderive.notes.indices import (
    defined_letters,
    described_letters,
    einstein_stated,
    entries_said_otherwise,
    entry_links,
    index_domain,
    normalise_indices,
    sizes_from_prose,
    section_bold,
    valued_entries,
)
from symderive.notes.bound_claims import bound_claimed, unclaimed
from symderive.notes.kronecker import kronecker_and_families
from symderive.notes.kinks import NotDifferentiableHere
from symderive.notes.indexed_families import clashing_instances, family_letter
from symderive.notes.restricted_definitions import Restricted
from symderive.notes.expand import (
    free_names,
    fresh_bound,
    Circular,
    HiddenPath,
    TooLarge,
    UndefinedDerivative,
    prepare,
    used_definitions,
    bare_names_inside,
    with_function_values,
    with_unknowns,
)
from symderive.notes.instances import bound_arguments, unknown_functions
from symderive.notes.lists import (
    list_entries, rounded_entries, rounded_list_claim, rounded_matrix_entries,
)
from symderive.notes.rewrites import softmax_entries
from symderive.notes.vectors import (
    derivative_entries,
    derivative_form,
    largest_difference,
    written_matrix,
)
from symderive.notes.report import SkipReason
from symderive.notes.roles import Role, is_number

# minimize, \arg\max, argmax, arg\,min, \operatorname*{argmax}, \mathrm{arg\,max}
OPTIMIZATION = re.compile(r"minimi[sz]e|maximi[sz]e"
                          r"|(?<![A-Za-z])arg\s*(?:\\[,;:! ]\s*|\\)?m(?:in|ax)(?![A-Za-z])"
                          r"|\\operatorname\*?\{arg")
TABLE = re.compile(r"\\begin\{(array|tabular)\}|\\hline")
DECIMAL = re.compile(r"^\s*[-+−]?\s*\d*\.(\d+)\s*$")
SCIENTIFIC = re.compile(
    r"^\s*[-+−]?\s*\d+\.(\d+)\s*\\(?:times|cdot)\s*10\s*\^\s*\{?\s*([-−]?\d{1,3})\s*\}?\s*$"
)
APPROXIMATE = {r"\approx", "≈", r"\simeq"}
# a power written on an entry (x_j^2, x_{j}^{2}): in Einstein notation not the product x_j x_j
ENTRY_POWER = re.compile(r"[A-Za-z}]\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*(?:\\right)?\s*\)?\s*\^")
PLAN_SECONDS = 3.0  # parent-side work on one element (substitution, differentiation)


@dataclass(frozen=True)
class PlannedStep:
    """Step ``index`` (1-based): element index-1 ``relation`` element index, ready to check."""

    index: int
    relation: str  # the checked relation ("=", "<=", …); as written when skipped
    lhs: sp.Basic | None = None
    rhs: sp.Basic | None = None
    skip: SkipReason | None = None
    reason: str = ""
    had_derivative: bool = False
    used: frozenset = frozenset()  # definition keys the step relied on
    unknown: tuple[tuple[str, int], ...] = ()  # unknown functions (name, arity): instances
    solve_like: bool = False  # expression = number: an equation in unknowns when false
    places: int | None = None  # decimals written: checked to this precision
    precision: str = ""  # the words that stated it ('two significant figures'), if any
    named_in_words: str = ""  # a first left side naming one quantity defined only in prose
    domain: tuple = ()  # natural domain of the written sides: ("lhs"|"rhs", kind, expr, why)
    # every requirement of it (even roots, logarithms too): a refutation must satisfy them
    written_domain: tuple = ()
    general: tuple | None = None  # (lhs, rhs) without example values, when the step used some
    example_near: bool = False  # the claim is about the example values (notes.example_near)
    example_changed: str = ""  # words after an example value that may change it (round 18 F8)
    goal: str = ""  # a word of its sentence that makes the claim a goal ("we want"): no error
    # why a value computed at the example is no error there even when false: a word around it
    # other than a tie word (example_words.STRICT); '' when none
    loose: str = ""
    opaque: tuple = ()  # values of never-defined functions read as arbitrary numbers ("P(j)")
    doubt: str = ""  # another plausible reading under which a refutation would not stand
    decided: object = None  # an Outcome already found by a reading of its own (probability)
    decided_reading: str = ""  # that reading, shown on the verdict
    # ((lo, hi), (unit lo, unit hi)) of lhs − rhs when a rounding is not symmetric (round 49
    # AD01: true value below a written power of ten) or no truncation is meant (AD06)
    rounding_interval: tuple = ()
    rounded_entries: tuple = ()  # a list of rounded values: each entry to its own decimals
    # (symderive.notes.lists.RoundedEntry)
    # the step read with the first definition of a name whose second formula is disputed
    # (lhs, rhs, relation), and (disputed line, first definition's line, name) to name them
    alternate: tuple | None = None
    alternate_lines: tuple = ()
    unpinned: str = ""  # why a proof would say nothing (entries chosen to fit): then undecided
    coinciding: str = ""  # ∂x_j/∂x_i read as 0 though j may be i (δ_ij): then undecided
    # expression ≤ number holding at most points, claimed as a bound by its words (bound_claims)
    bound: bool = False
    unclaimed: str = ""  # why its words leave such an inequality a condition (round 13 F1)
    # ln P = rt + C after integrating dP/dt = rP: an equation the ODE's solution satisfies
    # (symderive.notes.ode_solutions, round 57 AT04); why, or ''
    solution_of: str = ""


@dataclass
class PlannedEquation:
    located: Located
    skip: SkipReason | None = None
    reason: str = ""
    steps: list[PlannedStep] = field(default_factory=list)
    view: DefinitionView | None = None
    said_identity: str = ""  # the words call it an identity for every value: no equation to solve
    cases: tuple = ()  # "in both cases": ((name, (values …)), …) the cases vary (case_claims)
    cases_proved: bool = True  # a claim holding in each case is proved (case_claims)
    cases_paired: bool = False  # the cases pair values of several names (a = 1, b = 2 or …)
    parsed: bool = True  # every element was read by the grammar
    random: set = field(default_factory=set)  # symbols inferred random in this chain
    readings: dict = field(default_factory=dict)  # name -> how it was read (not literal)
    conditions: dict = field(default_factory=dict)  # element latex -> its natural domain
    latex: LatexContext | None = None  # how the chain was read (read again: notes.commuting)
    index_domains: dict = field(default_factory=dict)  # k in 1..K from this chain's own sums

    @property
    def chain(self):
        return self.located.chain

    @property
    def block(self):
        return self.located.block


def text_before(context, offset: int, line: int) -> str:
    """The note as written before the claim, which starts at ``offset`` (or on ``line`` when
    the offset is unknown): where the names it uses may have been introduced."""
    text = context.raw_text or ""
    if 0 <= offset <= len(text):
        return text[:offset]
    return "\n".join(text.splitlines()[:max(line - 1, 0)])


def _written_at(context: FileContext, offset: int, line: int) -> tuple[int, int]:
    """(line, column) where ``offset`` is in the note (a display's ``$$`` may stand on the
    line before its first formula line); ``(line, -1)`` when the offset is unknown."""
    text = context.raw_text or ""
    if not 0 <= offset < len(text):
        return line, -1
    lines = getattr(context, "_line_index", None)
    if lines is None:
        lines = context._line_index = LineIndex(text)
    number = lines.line_of(offset)
    return number, offset - lines.starts[number - 1]


def _general_heading(context: FileContext, line: int) -> int:
    """The line of the heading of ``line``'s innermost section when it calls the section general
    (*General case*, *Theorem*, 일반적인 경우: :data:`symderive.notes.lifted.GENERAL_HEADING`), or 0."""
    headings = getattr(context, "headings", None)
    if not headings or not context.lines:
        return 0
    start = headings.start_of(line)
    if start in headings and 0 < start <= len(context.lines) and start < line and (
            GENERAL_HEADING.search(context.lines[start - 1])):
        return start
    return 0


def without_examples_before(view: DefinitionView, line: int) -> DefinitionView:
    """The view without the example values given before ``line`` (a heading that generalises)."""
    dropped = {key for key, given in view.examples.items() if given < line}
    symbols = {s: v for s, v in view.symbols.items() if ("symbol", s) not in dropped}
    examples = {k: v for k, v in view.examples.items() if k not in dropped}
    return DefinitionView(symbols, view.functions, view.notes, examples, view.points,
                          domains=view.domains, definitions=view.definitions)


def without_examples_of(view: DefinitionView, names: set) -> DefinitionView:
    """The view with the example values of ``names`` not substituted (other examples stay)."""
    plain = {re.sub(r"[\\{}\s]", "", name) for name in names}  # w_{18}: the symbol w_18
    dropped = {key for key in view.examples if re.sub(r"[\\{}\s]", "", str(key[1])) in plain}
    symbols = {s: v for s, v in view.symbols.items() if ("symbol", s) not in dropped}
    examples = {k: v for k, v in view.examples.items() if k not in dropped}
    return DefinitionView(symbols, view.functions, view.notes, examples,
                          families=view.families, domains=view.domains,
                          definitions=view.definitions)


def skip_code(problem: ParseError) -> SkipReason:
    message = problem.message
    if (
        "operator" in message and "not read" in message or "derivative, not a power" in message
        or "bare \\partial" in message or "primes" in message
    ):  # fmt: skip
        return SkipReason.OPERATOR
    if "unsupported command" in message or "unknown word" in message or "unknown" in message:
        if r"\begin" in message or "pmatrix" in message or r"\vdots" in message:
            return SkipReason.MATRIX
        return SkipReason.UNKNOWN_COMMAND
    if "prose" in message:
        return SkipReason.PROSE
    if "optimisation" in message:
        return SkipReason.OPTIMIZATION
    if "matri" in message or "transpose" in message or "Mix of" in message:
        return SkipReason.MATRIX
    if (
        "longer than" in message or "deeper than" in message or "larger than" in message
        or "too long" in message or "too large" in message or "time" in message
    ):  # fmt: skip
        return SkipReason.INPUT_LIMIT
    return SkipReason.PARSE_ERROR


def classify_chain(located: Located) -> tuple[SkipReason | None, str]:
    """Why a whole chain is not checked, or (None, '')."""
    chain = located.chain
    text = " ".join(chain.elements)
    if TABLE.search(chain.latex):
        return SkipReason.TABLE, "a table, not an equation"
    if chain.is_chain and any(element.strip() == "?" for element in chain.elements):
        return SkipReason.NOT_A_CHAIN, "a question: a side written '?' is asked, not stated"
    if not chain.is_chain:
        if re.search(r"\\text\{[^}]*[A-Za-z]{2}", text):
            return SkipReason.PROSE, "prose in \\text{}"
        return SkipReason.NOT_A_CHAIN, "a single expression, no relation"
    if chain.relations and not chain.elements[0].strip():  # ($< 0.01$) after words (44 V05)
        return SkipReason.NOT_A_CHAIN, (
            f"a fragment starting with {chain.relations[0].strip()}: no formula directly "
            "before it (words or a paragraph between) to give its left side")
    if OPTIMIZATION.search(text):
        return SkipReason.OPTIMIZATION, "minimize/maximize state equal optimisers, not equal values"
    if chain.conditional:
        return SkipReason.CONDITION, "one case of a condition (':')"
    if chain.implication == "if":
        return SkipReason.CONDITION, "the hypothesis of an implication (\\implies): assumed, not stated"
    role = located.reading.role
    if role is Role.UPDATE:
        return SkipReason.UPDATE_RULE, located.reading.why
    if role is Role.CONDITION:
        return SkipReason.CONDITION, located.reading.why
    unchecked = [
        relation for relation in chain.relations
        if relation_kind(relation) == "unchecked" and not _approximation(chain, relation)
    ]  # fmt: skip
    if unchecked:
        return SkipReason.UNCHECKED_RELATION, f"relation {unchecked[0]} is not checked"
    if located.reading.not_in_force and len(chain.elements) == 2:
        return SkipReason.DEFINITION, f"not a definition in force ({located.reading.not_in_force})"
    if role in (Role.DEFINITION, Role.EXAMPLE) and len(chain.elements) == 2:
        what = "an example value" if role is Role.EXAMPLE else "a definition"
        return SkipReason.DEFINITION, f"{what} ({located.reading.why})"
    if any(not element for element in chain.elements):
        return SkipReason.PARSE_ERROR, "an empty side"
    return None, ""


def _approximation(chain, relation: str) -> bool:
    """``\\approx`` next to a written decimal is checked to the decimals written."""
    if relation not in APPROXIMATE:
        return False
    position = chain.relations.index(relation)
    return any(
        DECIMAL.match(chain.elements[k]) for k in (position, position + 1)
    )


def _exact_decimals(lhs, rhs, places: int) -> bool:
    """Both sides exact numbers with at most ``places`` decimals: nothing was rounded."""
    scale = sp.Integer(10) ** places
    return all(isinstance(side, sp.Rational) and (side * scale).is_integer for side in (lhs, rhs))


def precision_in_words(left: str, right: str, before: str, after: str, governing: str = ""
                       ) -> StatedPrecision | None:
    """The precision the words around the formula state for a bare number on one side (the
    other no number): *To three decimal places, 1/7 = 0.14* (round 44 U11, U12)."""
    def bare(latex: str) -> bool:  # 2.2 \times 10^{4} too (round 47 A07)
        return is_number(latex) or bool(SCIENTIFIC.match(latex))

    for mine, other in ((left, right), (right, left)):
        if bare(mine) and not bare(other):
            return precision_for(mine, before, after, governing)
    return None


def decimals_written(left: str, right: str) -> int | None:
    """Places of a rounded decimal on either side (``2.5849`` → 4), when that side is a bare
    number and the other is not: the claim is then 'equal to that many decimals'."""
    for mine, other in ((left, right), (right, left)):
        scientific = SCIENTIFIC.match(mine)
        if scientific and not SCIENTIFIC.match(other):
            # 3.33 \times 10^{2}: rounded to 2 - 2 = 0 decimals (the last written digit)
            return len(scientific.group(1)) - int(scientific.group(2).replace("−", "-"))
        match = DECIMAL.match(mine)
        if match and not is_number(other):
            return len(match.group(1))
        if match and is_number(other) and not DECIMAL.match(other):
            return len(match.group(1))
    return None


# words saying a value is rounded to a whole number (round 27a F12)
ROUNDED_WORDS = re.compile(
    r"\b(?:rounded|rounds?|rounding)\s+(?:off\s+)?to\s+(?:the\s+nearest\s+|an?\s+)?"
    r"(?:integer|whole\s+number)\b|\bto\s+the\s+nearest\s+(?:integer|whole\s+number)\b"
    r"|정수로\s*반올림|반올림하면|반올림한\s*값", re.I)
INTEGER_WRITTEN = re.compile(r"^\s*-?\s*\d+\s*$")


_TABLE_OR_LIST = re.compile(r"^\s*(?:\||[-*+]\s|\d+[.)]\s)")


def governing_words(lines, line: int, lead: str) -> str:
    """The words that may govern a value beyond its own sentence (round 49 AD05): its
    paragraph before it, and for a table row or list item the paragraph just above the table
    or list (its caption or lead-in)."""
    words = [re.sub(r"\$[^$]*\$", " ", lead or "")]
    at = line - 1  # 0-based index of the formula's line
    if 0 <= at < len(lines) and _TABLE_OR_LIST.match(lines[at]):
        while at > 0 and _TABLE_OR_LIST.match(lines[at - 1]):
            at -= 1
        while at > 0 and not lines[at - 1].strip():
            at -= 1
        paragraph = []
        while at > 0 and lines[at - 1].strip() and not lines[at - 1].lstrip().startswith("#"):
            paragraph.insert(0, lines[at - 1])
            at -= 1
        words.append(re.sub(r"\$[^$]*\$", " ", " ".join(paragraph)))
    return " ".join(words)


def sentence_before(lead: str) -> str:
    """The words of the formula's sentence before it (formulas blanked)."""
    words = re.sub(r"\$[^$]*\$", " ", lead or "")
    # a sentence ends at its stop even at the lead's end ("… here. $…$"), but not at the
    # abbreviations "3 d.p.", "2 s.f." (round 46 Y04, Y06)
    return re.split(r"(?<!\bd\.p)(?<!\bs\.f)[.!?。](?:\s|$)", words)[-1]


def _rounding_reading(lhs, rhs, left: str, right: str, places: int | None,
                      stated: StatedPrecision | None, words: str) -> tuple[str, str, tuple]:
    """(tie verdict, its words, interval of lhs − rhs) for a rounded decimal: the rule a tie
    is rounded by (round 49 AD02), the true value just below a written power of ten (AD01),
    "to the nearest hundred" (AD06)."""
    if places is None or is_number(left) == is_number(right):
        return "", "", ()
    number_left = is_number(left)
    true, written_value = written_side(lhs, rhs, number_left)
    verdict, why = tie_verdict(true, written_value, places, words,  # round 51 AH04
                               bool(stated and stated.power_of_ten))
    half = sp.Rational(1, 2) * sp.Integer(10) ** (-places)
    interval = rounding_interval(half, bool(stated and stated.power_of_ten),
                                 bool(stated and stated.nearest),
                                 not written_value.is_negative, number_left) if (
        isinstance(written_value, sp.Number)) else ()
    return verdict, why, interval


def _precision_said(stated: StatedPrecision | None, places: int | None, tie: str) -> str:
    """What a rounded value is checked to, in words, with what a tie's rule gives."""
    if places is None:
        return ""
    said = stated.text if stated else ""
    if tie:  # round 49 AD02
        said = f"{said or f'{places} decimals'}; {tie}"
    return said


def _tie_step(index: int, written: str, lhs, rhs, verdict: str, why: str, _) -> PlannedStep:
    """An exact tie the named rule rounds the other way (refuted), or whose rule is unclear."""
    if verdict == "unclear":
        return PlannedStep(index, written, skip=SkipReason.UNCHECKED_RELATION, reason=why)
    return PlannedStep(index, "=", lhs, rhs, places=0,
                       decided=Outcome("refuted", method="exact tie", reason=why,
                                       counterexample=Counterexample((), str(lhs), str(rhs))))


def rounded_to_integer(left: str, right: str, words: str) -> str:
    """Why a refutation of the exact value does not stand, when one side is a whole number as
    written, the other no number, and the words of the sentence say a value is rounded to a
    whole number (*to the nearest integer*, *rounded to an integer*, 정수로 반올림); else "".
    It is never checked to 0 decimals on the strength of the words: words that defer, deny or
    redirect the rounding have too many spellings to list (rounds 28-30: "prior to rounding",
    "to be rounded", "the score is rounded, but the ratio is …" were checked)."""
    found = ROUNDED_WORDS.search(words)
    if not found or not any(INTEGER_WRITTEN.match(mine) and not is_number(other)
                            for mine, other in ((left, right), (right, left))):
        return ""
    return (f"the words say a value is rounded to a whole number ('{found.group()}'): read "
            "exactly it fails, rounded it may hold")


def plan_steps(
    equation: PlannedEquation, context: FileContext, source: str, notices: list[str],
    first_readings: bool = False,
) -> None:
    """Plan the chain's steps; with ``first_readings`` a disputed second formula of a name is
    read as a claim, so the name keeps its first definition (the other reading, checked too)."""
    chain = equation.chain
    view = context.definitions_at(chain.line, equation.located.order, first_readings)
    trailing = trailing_words(context.lines, equation.block)
    row = row_of(equation.block.latex, chain.latex)  # its own words: \text{for all } w (14a F6)
    after = text_after(context.lines, equation.block)
    going_on = continuation(after) if equation.block.kind == "display" else ""
    if going_on and denied(going_on):
        going_on = ""  # "$$…$$ does not hold for every $w$": no generalising claim
    said = said_after(after, equation.block.kind == "display")
    general = lifted(equation.located.block.lead, " ".join((trailing, said, general_words(row),
                                                            general_words("", going_on))))
    if ((named := case_lift(equation.located.block.lead, trailing + " " + said)) is not None
            and (cases := case_values(context.definitions, chain.line))):
        # "In both cases": the names the cases vary, never a fixed one beside them (13 F5);
        # with no cases listed before it, "In all cases", 모든 경우에 is general (round 15 F43)
        equation.cases = cases
        general = named | {name for name, _ in equation.cases}
    elif general is not ALL and (alternatives := alternative_values(
            context.lines, context.definitions, chain.line, equation.located.order)):
        # "Take $b = 1$ or $b = 5$. Then …": the alternatives are cases too (round 17 F11);
        # a claim proved in each case only when it speaks of them (notes.example_near)
        equation.cases = tuple((name, values) for name, values, *_ in alternatives)
        equation.cases_proved = about_the_example(
            context.lines, chain.line, {name: line for name, _, line, _ in alternatives},
            claim_sentence(context.lines, equation.block), set(), "",
            _written_at(context, equation.block.start, chain.line))
        equation.cases_paired = any(paired for *_, paired in alternatives)
        general = set(general) | {name for name, _ in equation.cases}
    if general is not ALL and (bound := bound_names(row) | prose_bound(going_on)):
        general = set(general) | bound  # \forall w, \text{for every } w: w is bound here
    equation.said_identity = said_identity(  # "The identity $…$ always holds." (12a F4)
        equation.located.block.lead, line_after(context.lines, equation.block))
    if (heading := _general_heading(context, chain.line)) and general is not ALL:
        view = without_examples_before(view, heading)  # "## General case" (round 12a F4)
    if general is ALL:
        view = view.without_examples()  # "in general", "always": not at the example
    elif general:  # "let $d$ be arbitrary", "for every $x$": those letters only (8c X8)
        view = without_examples_of(view, general)
    generic = generic_functions(context.lines, equation.block.line)
    if generic:  # "rules … of any differentiable functions $f$ and $g$": not the earlier f
        view = view.without_names(generic)
        for name in generic:
            equation.readings[name] = "a generic function (the prose says 'any functions')"
    equation.view = view
    relations = list(chain.relations)
    elements = list(chain.elements)
    if len(relations) > MAX_STEPS:
        notices.append(
            f"line {chain.line}: only the first {MAX_STEPS} of {len(relations)} steps of this "
            "chain checked"
        )
        relations, elements = relations[:MAX_STEPS], elements[: MAX_STEPS + 1]
    elements, softmax = softmax_entries(elements)
    if softmax:
        equation.readings["softmax"] = softmax
    einstein = einstein_stated(context.lines, context.headings, chain.line)  # entries hook
    section = section_bold(context.lines, context.headings, chain.line)
    latex = chain_context(context.latex, elements, view, (  # the chain's operator variable
        einstein, section), defined_letters(view, context.lines, context.headings, chain.line),
        described_letters(view, context.lines, context.headings, chain.line))
    latex = replace(latex, declared=declared_at(context, chain.line))  # the section's shapes
    if "T" in latex.names and not _t_number_in_force(context, chain.line):
        latex = replace(latex, names=latex.names - {"T"})  # a horizon T elsewhere: x^T here (17 F23)
    if numbers := _numbers_not_functions(latex, view, context, chain.line):  # "Here $u$ is a
        latex = replace(latex, functions=latex.functions - numbers)  # real number.": u(2a) = u·2a
    equation.latex = latex
    if any(mark in element for element in elements for mark in ("\\Delta", "\\nabla", "Δ", "∇")):
        latex = replace(latex, laplacians=laplacians(  # \Delta f: the Laplacian or not read
            view.functions, view.symbols, context.words, context.math_text))
    said = entries_said_otherwise(  # entries hook (C10): the note says what u_{ik} is
        context.lines, entry_links(elements, context.latex.bold, einstein, section), chain.line)
    if _rounded_list(equation, elements, relations, latex, source):
        return  # [e^1, e^{-2}, e^0] = [2.71, 0.14, 1]: entry by entry, to the decimals written
    if _derivative_table(equation, elements, relations, latex, view, context, source):
        return  # \nabla f(0,0) = \begin{bmatrix}b_1 \\ b_2\end{bmatrix}: entry by entry
    def read(texts: list, extra: tuple = ()) -> list:  # matrix hook: the declared shapes
        return read_with_declared_shapes(
            texts, lambda element, latex: parse_reading(element, latex, source, chain.line,
                                                         equation),
            latex, latex.declared + extra,
        )  # fmt: skip

    raws: list = read(elements)
    raws = entries.sized_by_sums(  # Σ_{i=1}^{d} w_i x_i: \mathbf{w}, \mathbf{x} have d entries
        raws, MATRIX_SIZE, {str(name): value for name, value in view.symbols.items()},
        ParseError)
    matrices = latest_in_force(context.matrix_definitions, chain.line, equation.located.order,
                               first_readings, key=lambda definition: definition.name)
    if latex.declared:  # L = ‖Wx − y‖² read with W m × n as declared (round 52 AK01), and
        view = with_declared_shapes(  # the matrices defined before it with theirs (58 AX N1)
            view, context, latex.declared, set(matrices), lambda text: (
                matrix_definitions.substitute(read([text]), [text], read, matrices, {})[0]))
        equation.view = view
    # \mathbf{G} = \mathbf{X}^\top \mathbf{X}: G is that (C4)
    written = raws
    raws = matrix_definitions.substitute(raws, elements, read, matrices, equation.readings)
    matrix_used = matrix_definitions.used_keys(written, raws, matrices)  # shown as "used: …"
    if matrix_used:
        view = replace(view, notes={**view.notes, **{
            key: matrices[key[1]].note for keys in matrix_used for key in keys}})
        equation.view = view
    if said:  # the note says what u_{ik} is, otherwise than "the (i, k) entry of U": not read
        raws = [raw if isinstance(raw, ParseError) else ParseError(said) for raw in raws]
    if CONVOLUTION_WORDS.search(context.words) and any(map(STAR.search, elements)):
        raws = [raw if isinstance(raw, ParseError) else ParseError(CONVOLVED) for raw in raws]
    if any(isinstance(raw, ParseError) for raw in raws):
        equation.parsed = False
    values = tuple(view.symbols.values()) + tuple(body for _, body in view.functions.values())
    raws = normalise_indices(raws, context, values, einstein, local=equation.index_domains,
                             powers_written=bool(ENTRY_POWER.search(" ".join(elements))))
    raws = kronecker_and_families(  # δ_ij, s_j after s_i = …
        raws, view, equation.readings, {**context.domains, **equation.index_domains},
        lambda index, high: index_domain(context, equation.index_domains, index, high),
        context.raw_text, equation.index_domains)
    raws = examples_in_sizes(raws, view)  # Take $n = 3$: n in \sum_{k=1}^{n} too (17 F19)
    doubt = valued_entries(raws, view)  # y_c = 1 given, y_c read as y[c] of a summed y
    # a bound index named like a free index of the step (∂f/∂x_i = Σ_i β_i) is renamed apart,
    # so instantiating the free i never captures it
    avoid = set().union(*(free_names(raw) for raw in raws if not isinstance(raw, ParseError)))
    raws = [raw if isinstance(raw, ParseError) else fresh_bound(raw, avoid) for raw in raws]
    raws = sizes_from_prose(raws, view.symbols)  # entries hook: "Let r = 2", U n×r
    readable = [raw for raw in raws if not isinstance(raw, ParseError)]
    if view.families and (beside := _letters_beside_instances(readable, view)):
        view, doubt = beside[0], doubt or beside[1]  # U_2 with k beside it (round 13 F2)
        equation.view = view
    view, valued = with_function_values(readable, view)
    for name, note in valued.items():  # ∂f/∂x after f(x, y) = xy: that function's value
        equation.readings[name] = f"the defined function {note}"
    if valued:
        equation.view = view
    constants = prose_constants(context, equation, readable)
    for name in constants:
        equation.readings[name] = "a constant (so called in the prose)"
    spoken = (_spoken_functions(context) | _undefined_decorated(readable, context)) - constants
    doubt = doubt or _spoken_inside_doubt(readable, view, spoken)  # round 40 I11
    view = with_unknowns(readable, view, constants, spoken)
    parsed: list = []  # (expr | None, skip, reason, had_derivative, used, unknown names)
    requirements: dict = {}  # position -> the written domains of the definitions it uses
    varying = not_constants(as_sections(context.headings).text_at(context.lines, chain.line)) \
        | varying_in_section(context, chain.line)  # only where the words hold (8a H1)
    for position, raw in enumerate(raws):
        if isinstance(raw, ParseError):
            parsed.append((None, skip_code(raw), raw.message, False, frozenset()))
            continue
        notation = Notation(elements[position], context.math_text)  # ∂z/∂x or dz/dx (C6)
        named = sorted(varying & {  # also through a definition: dK/dt with K = ½mv², v(t)
            s.name for d in raw.atoms(sp.Derivative)
            for s in d.expr.free_symbols | _defined_through(d.expr, view)
            if s not in d.variables} | {  # d(cos θ)/dθ = −sin θ though θ = θ(t)
            s.name for d in raw.atoms(sp.Derivative)  # x_t, the state at time t: d/dt of it
            for s in d.expr.free_symbols | _defined_through(d.expr, view)
            if any(s.name.endswith(f"_{v}") or s.name.endswith(f"_{{{v}}}")
                   for v in d.variables if isinstance(v, sp.Symbol))})
        if named:
            parsed.append((None, SkipReason.UNDEFINED_DERIVATIVE, (
                f"the prose says {', '.join(named)} is not a constant (it may depend on the "
                "variable): its derivative is unknown"), False, frozenset()))
            continue
        unknown: set = set()
        try:
            with time_limit(PLAN_SECONDS, source=source, what="substituting and differentiating"):
                prepared = prepare(raw, view, unknown, constants, notation)
                undefined = undefined_as_written(  # w(0) of w(x) = x/x (round 17 F26, F28)
                    raw, equation.conditions.get(elements[position], ()), view)
                if undefined:
                    raise ParseError(undefined)
                requirements[position] = definition_requirements(raw, view)
        except (HiddenPath, NotDifferentiableHere, AmbiguousPartial) as hidden:
            parsed.append((None, SkipReason.UNDEFINED_DERIVATIVE, str(hidden), False, frozenset()))
            continue
        except UndefinedDerivative as undefined:
            parsed.append((None, SkipReason.UNDEFINED_DERIVATIVE,
                           f"derivative of {undefined}, which the notes never define",
                           False, frozenset()))  # fmt: skip
            continue
        except ParseError as problem:
            parsed.append((None, skip_code(problem), problem.message, False, frozenset()))
            continue
        except Circular as problem:  # x = r cos θ, then ∂r/∂x: not an input limit
            parsed.append((None, SkipReason.UNDEFINED_DERIVATIVE, str(problem), False,
                           frozenset()))  # fmt: skip
            continue
        except TooLarge as problem:
            parsed.append((None, SkipReason.INPUT_LIMIT, str(problem), False, frozenset()))
            continue
        except Exception as problem:  # noqa: BLE001 - SymPy failing on one element skips it
            message = " ".join(str(problem).split())[:160]
            parsed.append((None, SkipReason.PARSE_ERROR, f"cannot evaluate: {message}",
                           False, frozenset()))  # fmt: skip
            continue
        for name in unknown:
            equation.readings.setdefault(name, "unknown function (never defined): proved for "
                                         "every function or checked on instances")
        used = frozenset(used_definitions(raw, view)) | (
            matrix_used[position] if matrix_used else frozenset())
        general = None
        if any(key in view.examples for key in used):
            try:
                with time_limit(PLAN_SECONDS, source=source, what="the general reading"):
                    general = prepare(raw, view.without_examples(), None, constants,
                                      notation)  # fmt: skip
            except Exception:  # noqa: BLE001 - no general reading: the example one stands alone
                general = None
        # a side whose reading without the example values failed still varies with the example
        # letters it uses (round 21 F1: ∫_0^x r(t) dt of a restricted r)
        unread = frozenset(_key_name(key) for key in used if key in view.examples) if (
            general is None and any(key in view.examples for key in used)) else frozenset()
        parsed.append((prepared, None, "", bool(raw.atoms(sp.Derivative)), used, general, unread))
    defines_head = equation.located.reading.role in (Role.DEFINITION, Role.EXAMPLE)
    own_sentence = claim_sentence(context.lines, equation.block)
    differentiated = {  # d/dx of an expression in x, not at a point (round 17 F8)
        str(variable) for raw in raws if isinstance(raw, sp.Basic)
        for derivative in raw.atoms(sp.Derivative) for variable in derivative.variables
    } - {str(variable) for raw in raws if isinstance(raw, sp.Basic)
         for subs in raw.atoms(sp.Subs) for variable in subs.variables}
    quantities = {d.note.partition(" = ")[0].strip(): d.units for d in context.definitions
                  if d.units and view.notes.get(d.key) == d.note}  # L = 5 m: L is in metres
    for index in range(1, len(elements)):
        written = relations[index - 1]
        left, right = parsed[index - 1], parsed[index]
        applied = function_of_column(elements[0], raws[0], {
            str(name) for name in view.symbols} | set(view.functions)) if index == 1 else None
        if applied:  # T(x; y) = (x + y; x − y): defines the map T (round 44 U09)
            equation.steps.append(PlannedStep(index, written, skip=SkipReason.DEFINITION, reason=(
                f"defines {applied} as a function of the column written after it")))
            continue
        if index == 1 and equation.located.reading.role is Role.CLAIM and (
                extreme := extreme_at_point(elements, relations, equation.block.lead)):
            equation.steps.append(PlannedStep(index, written, skip=SkipReason.CONDITION,
                                              reason=extreme))  # σ'(z) = σ'(0) (round 46 Z02)
            continue
        if index == 1 and defines_head:
            equation.steps.append(PlannedStep(index, written, skip=SkipReason.DEFINITION,
                                              reason="defines the name on the left"))  # fmt: skip
            continue
        if (
            index > 1 and defines_head and written == "="
            and definition_head(elements[index - 1]) is not None
            and names_something(elements[index - 1], context.latex)
        ):  # y = f(x) = x^3 - 1/x: defines y and (again) f
            equation.steps.append(PlannedStep(index, written, skip=SkipReason.DEFINITION,
                                              reason="defines the name on the left"))  # fmt: skip
            continue
        if relation_kind(written) == "definition":
            equation.steps.append(PlannedStep(index, written, skip=SkipReason.DEFINITION,
                                              reason="a definition"))  # fmt: skip
            continue
        fresh = written == "=" and fresh_column(  # η = [η_1; η_2] = [μ/σ²; 1/(2σ²)] (52 AL01)
            elements[index - 1], elements[index],
            text_before(context, equation.block.start, chain.line))
        if fresh:  # names the entries of η, which the note gave no value before
            equation.steps.append(PlannedStep(index, written, skip=SkipReason.DEFINITION, reason=(
                f"defines the entries {fresh}, which the note gives no value before, by the "
                "column written after them")))
            continue
        space = membership(elements[index - 1], elements[index])
        if space:  # W^{[1]}x^{(i)} = R^{3\times 1}: it lies in ℝ^{3×1} (round 40 J11)
            equation.steps.append(PlannedStep(index, written, skip=SkipReason.CONDITION,
                                              reason=space))  # fmt: skip
            continue
        units = conversion(elements[index - 1], elements[index], quantities)
        if units:  # 1 km = 1000 m: km and m are units, not letters (round 15 F41)
            equation.steps.append(PlannedStep(index, written, skip=SkipReason.PARSE_ERROR,
                                              reason=units))  # fmt: skip
            continue
        problem = left if left[0] is None else right if right[0] is None else None
        example_lines = [view.examples[k] for k in (left[4] | right[4]) if k in view.examples]
        values_written = {_key_name(key): view.notes.get(key, "").split(" (")[0]
                          for key in left[4] | right[4] if key in view.examples}  # "x = 1"
        examples_used = {_key_name(key): view.examples[key] for key in left[4] | right[4]
                         if key in view.examples}
        written_at = _written_at(context, equation.block.start, chain.line)
        general = None
        if example_lines and problem is None:
            general = (
                left[5] if left[5] is not None else left[0],
                right[5] if right[5] is not None else right[0],
            )
        if problem is not None:
            equation.steps.append(PlannedStep(index, written, skip=problem[1], reason=problem[2]))
            continue
        still_varying = _still_varying(general, examples_used, (left[6], right[6]))
        lhs, rhs = _in_index_case(chain.condition, left[0], right[0])
        arities: dict = {}
        for applied in (lhs.atoms(sp.core.function.AppliedUndef)
                        | rhs.atoms(sp.core.function.AppliedUndef)):  # fmt: skip
            arities.setdefault(applied.func.__name__, set()).add(len(applied.args))
        mixed = sorted(name for name, counts in arities.items() if len(counts) > 1)
        opaque: tuple = ()
        if mixed and all(unknown_functions(side) for side in (lhs, rhs)) and not _structured(
            lhs, rhs, set(arities)
        ):  # H(X, Y) = H(X) + H(Y): the values H(X, Y), H(X), H(Y) are arbitrary numbers
            lhs, rhs, opaque = opaque_values(lhs, rhs)
            mixed = []
        if mixed:
            counts = " and ".join(str(n) for n in sorted(arities[mixed[0]]))
            equation.steps.append(PlannedStep(
                index, written, skip=SkipReason.UNDEFINED_DERIVATIVE,
                reason=f"{mixed[0]} is used with {counts} arguments: not one function",
            ))  # fmt: skip
            continue
        unknown = unknown_functions(lhs, rhs)
        if (
            unknown and all(set(unknown) <= set(unknown_functions(side)) for side in (lhs, rhs))
            and not _structured(lhs, rhs, set(unknown))
        ):  # log(1/P(j)) = -log P(j): the unknown values are arbitrary numbers
            lhs, rhs, opaque = opaque_values(lhs, rhs)
            for name in opaque:
                equation.readings.setdefault(
                    name, "the value of a function the note never defines: any number")
            unknown = {}
        if unknown and (
            not all(set(unknown) <= set(unknown_functions(side)) for side in (lhs, rhs))
            or not _structured(lhs, rhs, set(unknown))
        ):
            names = ", ".join(sorted(unknown))
            equation.steps.append(PlannedStep(
                index, written, skip=SkipReason.UNDEFINED_DERIVATIVE,
                reason=f"{names} never defined here, and only one side is about it: its value "
                "is unknown (a general rule about unknown functions is checked on instances)",
            ))  # fmt: skip
            continue
        array_reason = _array_in_words(lhs, rhs, elements[index - 1], elements[index], context,
                                       chain.line)
        if array_reason:
            equation.steps.append(PlannedStep(index, written, skip=SkipReason.MATRIX,
                                              reason=array_reason))  # fmt: skip
            continue
        if isinstance(lhs, sp.MatrixExpr) != isinstance(rhs, sp.MatrixExpr):
            lhs, rhs = as_scalar(lhs), as_scalar(rhs)  # matrix hook: a 1×1 matrix is a number
        if isinstance(lhs, sp.MatrixExpr) != isinstance(rhs, sp.MatrixExpr) and not (
            lhs == 0 or rhs == 0  # matrix hook: "= 0" is the zero matrix of that shape
        ):
            equation.steps.append(PlannedStep(
                index, written, skip=SkipReason.MATRIX,
                reason="one side is a matrix and the other a scalar as read (which names are "
                "matrices is not known): declare them with 'assume NAME matrix R C'",
            ))  # fmt: skip
            continue
        stated = precision_in_words(elements[index - 1], elements[index], sentence_before(
            equation.block.lead), trailing or after, governing_words(
            context.lines, chain.line, equation.block.lead))  # round 44 U12, round 49 AD05
        if stated and stated.mismatch:  # 첫째 자리에서 반올림하면 √2 = 1.4 (round 46 Y03)
            equation.steps.append(PlannedStep(index, written, skip=SkipReason.UNCHECKED_RELATION,
                                              reason=stated.mismatch))
            continue
        places = stated.places if stated else decimals_written(elements[index - 1],
                                                               elements[index])
        rounding = rounded_to_integer(elements[index - 1], elements[index], " ".join((
            sentence_before(equation.block.lead), trailing))) if places is None else ""
        if places is not None and _exact_decimals(lhs, rhs, places):
            places = None  # 0.1 + 0.2 = 0.4: exact decimal arithmetic, no rounding involved
        relation = CHECKED_RELATIONS.get(written, "=")
        tie = _rounding_reading(lhs, rhs, elements[index - 1], elements[index], places,
                                     stated, " ".join((equation.block.lead or "", trailing)))
        if places is not None and relation == "=" and tie[0] in ("wrong", "unclear"):
            equation.steps.append(_tie_step(index, written, lhs, rhs, *tie))  # 49 AD02
            continue
        matrix_entries = _rounded_matrix(lhs, rhs, elements[index - 1], elements[index],
                                         source) if relation == "=" else None
        if matrix_entries:  # [0 & -0.918]: each entry to the decimals written on it (44 V02)
            (lhs, rhs), places = rounded_list_claim(matrix_entries), 0
        solve_like = _solve_like(*(general or (lhs, rhs)), raws[index - 1], raws[index],
                                 len(elements), (elements[index - 1], elements[index])) or (
            eigen_equation(elements[index - 1], elements[index], lhs, rhs, " ".join((
                sentence_before(equation.block.lead), trailing)))  # A v = λ v (round 44 U07)
            or equation.chain.premise  # x + 3y = y, \quad 2x = x \\ ∴ x = -2y (51 AJ02)
            or (_differential_equation(lhs, rhs)  # g'(x) = 2g(x): an equation g solves (51 AJ)
                and _written_differential_equation(raws[index - 1], raws[index])
                and not _by_a_defined_name(raws[index - 1], raws[index], view)
                and not _said_arbitrary(lhs, rhs, context.lines, chain.line)))
        # no value solves it (sin²x + cos²x = 2): false whatever its unknowns mean
        false_everywhere = solve_like and _no_solution(*(general or (lhs, rhs)), source)
        spread = bound_claimed(lhs, rhs, relation)  # holds at most points: a bound if claimed
        unclaimed_words = unclaimed(equation.block.lead, trailing,
                                    equation.block.kind != "inline") if spread else ""
        defined = tuple((side, *requirement)  # the written domains of the definitions used
                        for side, position in (("lhs", index - 1), ("rhs", index))
                        for requirement in requirements.get(position, ()))
        equation.steps.append(
            PlannedStep(
                index, relation, lhs, rhs, had_derivative=left[3], used=left[4] | right[4],
                unknown=tuple(sorted(unknown.items())),
                solve_like=solve_like and not false_everywhere,
                places=places if relation == "=" else None,
                rounded_entries=matrix_entries or (),
                precision=_precision_said(stated, places, tie[1]) if not matrix_entries
                else "",
                rounding_interval=tie[2] if places is not None else (),
                named_in_words="" if false_everywhere or (spread and not unclaimed_words)
                else _named_in_words(  # sin x ≤ 0.99 bounds no quantity defined in words (F12)
                    index, raws[index - 1], (lhs, rhs, raws[index]), view, context),
                domain=_natural_domain(equation, elements[index - 1], elements[index],
                                       raws[index - 1], raws[index], view)  # fmt: skip
                + tuple(requirement for requirement in defined  # a defined integral's (31a F33)
                        if requirement[1] == "unread"),
                written_domain=_natural_domain(equation, elements[index - 1], elements[index],
                                               raws[index - 1], raws[index], view, ALL_KINDS)
                + defined,
                general=general,
                example_near=not claim_label(equation.located.block.lead)  # "Claim:" (14a F6)
                and not still_varying
                and about_the_example(context.lines, chain.line, examples_used, own_sentence,
                                      differentiated, equation.block.lead, written_at,
                                      values_written),
                example_changed=still_varying or example_doubt(
                    context.lines, chain.line, examples_used, own_sentence, written_at,
                    values_written),
                goal=goal_word(own_sentence),
                loose=example_doubt(context.lines, chain.line, examples_used, own_sentence,
                                    written_at, values_written, strict=True)
                if examples_used and not still_varying else "",
                opaque=opaque,
                doubt=doubt or rounding,  # "= 22026 to the nearest integer" (round 27a F12)
                coinciding=coinciding_indices(raws[index - 1], raws[index], view=view),
                bound=spread and not unclaimed_words,
                unclaimed=unclaimed_words,
                solution_of=solution_of_an_integration(
                    lhs, rhs, (raws[index - 1], raws[index]), context.lines,
                    as_sections(context.headings).start_of(chain.line), chain.line,
                    equation.block.lead or "") if relation == "=" else "",
            )
        )  # fmt: skip


def _t_number_in_force(context: FileContext, line: int) -> bool:
    """Whether a formula in force at ``line`` (its own line, or before it in its sections) uses
    T as a number (a horizon ``T = 10``, a bound ``t \\le T``): only then is ``x^T`` a power
    there; a T of another section or later in the note says nothing of it (round 17 F23)."""
    sections = as_sections(context.headings)
    before = set(sections.before(line))
    return t_as_number([latex for number, latex in context.math_blocks
                        if number == line or number in before])


INDEX_EQUALITY = re.compile(r"([i-n]) = ([i-n])")


def _in_index_case(condition: str, lhs: sp.Basic, rhs: sp.Basic) -> tuple[sp.Basic, sp.Basic]:
    """Both sides in the case ``i = j`` the display states beside them (``\\frac{\\partial
    a_j}{\\partial z_i} = a_i(1 - a_i), \\quad i = j``: round 38 C01): the second index set to
    the first, so the claim is checked where the note makes it."""
    for case in condition.split(", "):
        equal = INDEX_EQUALITY.fullmatch(case.strip())
        if equal is None:
            continue
        names = {symbol.name: symbol for side in (lhs, rhs) for symbol in side.free_symbols
                 if isinstance(symbol, sp.Symbol) and symbol.is_integer}
        if equal[1] in names and equal[2] in names:
            lhs, rhs = (side.xreplace({names[equal[2]]: names[equal[1]]}) for side in (lhs, rhs))
    return lhs, rhs


def _still_varying(general: tuple | None, examples: dict,
                   unread: tuple = (frozenset(), frozenset())) -> str:
    """Why a claim after example values is no value computed at them: an example letter
    stands on both of its sides as written (``sin 2x = 2 sin x`` after *Take $x = 0$*), so it
    is a relation in that letter and reads as a claim for every value of it, however the words
    around it run; '' when no letter is on both sides (``x^2 = 0``, ``wx + b = 7``, ``2a = b``
    after *Let $a = 1$, $b = 2$*). ``unread``: per side, the example letters of a side whose
    reading without them failed (it varies with them)."""
    if general is None or not examples or not all(isinstance(side, sp.Basic) for side in general):
        return ""
    left, right = ({str(symbol) for symbol in side.free_symbols} | set(letters)
                   for side, letters in zip(general, unread))
    both = sorted(set(examples) & left & right)
    if not both:
        return ""
    return (f"{', '.join(both)} stands on both sides, so it reads as a claim for every value "
            f"of {'it' if len(both) == 1 else 'them'}, not a value computed at the example")


def _key_name(key) -> str:
    """The name of an example value's key (("symbol", x) → "x")."""
    return str(key[1]) if isinstance(key, tuple) and len(key) > 1 else str(key)


def _spoken_functions(context) -> frozenset:
    r"""The functions the note speaks of without defining them anywhere ("Let $\hat{y}(x)$
    denote the prediction", "Let $f$ be any function"): their bare names inside a derivative
    are functions of its variable (round 40 I11). A name the note defines somewhere is left to
    the definitions in force: an earlier section's ``a(w, x, y, z) = …`` does not make a later
    scalar a in ``\frac{d}{dx}(ax^2)`` a function."""
    return frozenset(context.latex.functions) - _defined_names(context)


def _undefined_decorated(readable: list, context) -> frozenset:
    r"""Decorated names (ŷ, ỹ, ȳ) no formula of the note defines: a prediction or an estimate,
    which in a derivative may depend on what is differentiated by (*the linear model
    $f(x) = wx + b$ predicts $\hat{y}$*: ∂/∂w of (ŷ − y)² is not 0; round 41 Q05)."""
    defined = _defined_names(context)
    return frozenset(
        symbol.name for raw in readable for symbol in raw.free_symbols
        if isinstance(symbol, sp.Symbol) and symbol.name.startswith(("\\hat", "\\tilde", "\\bar"))
        and symbol.name not in defined)


def _defined_names(context) -> set:
    """The names some formula of the note defines (anywhere in it)."""
    return {str(definition.key[1]) for definition in context.definitions}


def _spoken_inside_doubt(readable: list, view: DefinitionView, spoken: frozenset) -> str:
    r"""Why a refutation is withheld when the bare name of a function the note only speaks of
    stands inside a derivative (``\frac{\partial}{\partial w}(\hat{y} - y)^2`` after "Let
    $\hat{y}(x)$ denote the prediction"): it is read as an unknown function of the variable
    differentiated by, and whether the note's function depends on that variable, and how, is not
    said (round 40 I11); '' when no such name is there."""
    names = sorted({
        str(name) for raw in readable for derivative in raw.atoms(sp.Derivative)
        for name in bare_names_inside(derivative, spoken) if name not in view.symbols})
    if not names:
        return ""
    return (f"{', '.join(names)} is a function the note speaks of without defining it, read "
            "inside the derivative as an unknown function of the variable differentiated by, "
            "and the note does not say how it depends on that variable")


def _letters_beside_instances(raws: list, view: DefinitionView) -> tuple | None:
    """(the view without those families, why) when the claim uses an instance ``U_2`` of a
    family ``U_k = \\frac12 k x^2`` and writes k itself (also through another definition it
    uses) but not ``U_k``: read as the instance, k would have two values in one claim. U_2
    stays a name of its own there — a claim true for every value of it holds, and one refuted
    so is not refuted (review round 13, F2)."""
    plain = replace(view, families={})
    names = set().union(*(raw.free_symbols | _defined_through(raw, plain) for raw in raws))
    clashing = clashing_instances(names, view.symbols, view.families)
    if not clashing:
        return None
    instance, family = sorted(clashing.items(), key=lambda pair: pair[0].name)[0]
    letter = family_letter(family)
    why = (f"{instance} may be {family} at one value of {letter} while {letter} stands on its "
           f"own in the same claim (the same letter with two values); {instance} is read as a "
           "name of its own")
    return replace(view, families={s: v for s, v in view.families.items()
                                   if s not in clashing.values()}), why


def _rounded_matrix(lhs, rhs, left: str, right: str, source: str) -> tuple | None:
    """The entries of a numeric matrix equality with a side written out in decimals, each read
    to the decimals written on it (symderive.notes.lists.rounded_matrix_entries, round 44
    V02); None when the step is not that (or its entries could not be compared in time)."""
    if not (isinstance(lhs, sp.MatrixBase) and isinstance(rhs, sp.MatrixBase)):
        return None
    tables = [written_matrix(side) for side in (left, right)]
    tables = [table[1] if table and not table[0] else None for table in tables]
    if tables == [None, None]:
        return None
    try:
        with time_limit(PLAN_SECONDS, source=source, what="reading a matrix of rounded values"):
            return rounded_matrix_entries(lhs, rhs, *tables)
    except Exception:  # noqa: BLE001 - entries not compared: the matrices are compared exactly
        return None


def _rounded_list(equation, elements: list, relations: list, latex, source: str) -> bool:
    """A list of numbers equal to a list of rounded values (symderive.notes.lists): one step,
    planned here; False when the chain is not that."""
    if len(elements) != 2 or relations[0] not in ("=", *APPROXIMATE):
        return False
    entries = [list_entries(element, least=1) for element in elements]  # [e] = [2.72] too
    if entries[0] is None or entries[1] is None or len(entries[0]) != len(entries[1]):
        return False
    try:
        with time_limit(PLAN_SECONDS, source=source, what="reading a list of values"):
            left, right = (
                [parse_latex_math(entry, context=latex, source=source, line=equation.chain.line)
                 for entry in side]
                for side in entries
            )  # fmt: skip
            pairs = rounded_entries(left, right, entries[0], entries[1])
    except Exception:  # noqa: BLE001 - an entry that cannot be read: the list is not read
        return False
    if pairs is None:
        return False
    claim = rounded_list_claim(pairs)
    equation.steps.append(PlannedStep(1, "=", claim[0], claim[1], places=0,
                                      rounded_entries=pairs))  # fmt: skip
    return True


def _derivative_table(equation, elements, relations, latex, view, context, source) -> bool:
    """A gradient or Hessian of a function defined here against a matrix written out
    (symderive.notes.vectors): one step, planned here; False when the chain is not that."""
    if len(elements) != 2 or relations[0] != "=":
        return False
    form = derivative_form(elements[0], context.raw_text)
    written = written_matrix(elements[1])
    if form is None or written is None or form[1] not in view.functions:
        return False
    kind, name, arguments = form
    if isinstance(view.functions[name], Restricted):
        return False  # a piece: its derivative table is read by the general path (round 15)
    parameters, body = view.functions[name]
    if len(parameters) != len(arguments) or not all(
        isinstance(parameter, sp.Symbol) for parameter in parameters
    ):
        return False
    prefix, table = written
    # the parameters are bound: "Let $x = 5$. Let $h(x, y) = xy$." — the body's x is not 5
    inside = view.without_names({parameter.name for parameter in parameters})

    def read(text: str) -> sp.Basic:
        raw = parse_latex_math(text, context=latex, source=source, line=equation.chain.line)
        return prepare(raw, view, None, frozenset())

    try:
        with time_limit(PLAN_SECONDS, source=source, what="reading a matrix entry by entry"):
            points = [read(argument) for argument in arguments]
            factor = read(prefix) if prefix else sp.Integer(1)
            right = [[factor * read(entry) for entry in row] for row in table]
            left = derivative_entries(kind, parameters, prepare(body, inside, None, frozenset()),
                                      points)  # fmt: skip
            lhs = largest_difference(left, right)
    except NotDifferentiableHere as kink:  # kinks hook: ∇ max(x_1, x_2) at a tie
        equation.steps.append(PlannedStep(1, "=", skip=SkipReason.UNDEFINED_DERIVATIVE,
                                          reason=str(kink)))  # fmt: skip
        return True
    except Exception:  # noqa: BLE001 - an entry that cannot be read: the step is not read here
        return False
    if lhs is None or any(isinstance(value, sp.MatrixBase) for value in (*points, factor)):
        return False
    what = "gradient (a column of ∂f/∂p_i)" if kind == "gradient" else "Hessian (∂²f/∂p_i∂p_j)"
    at = ", ".join(sp.sstr(point) for point in points)
    equation.readings[f"{name}"] = (
        f"the {what} of the defined function {name}({', '.join(map(str, parameters))}) "
        f"at ({at}), compared with the written matrix entry by entry")
    equation.steps.append(PlannedStep(
        1, "=", lhs, sp.Integer(0), had_derivative=True,
        used=frozenset(key for key in view.notes if key == ("function", name)),
    ))  # fmt: skip
    return True


GENERIC = re.compile(
    r"\b(?:any|arbitrary|every)\b[^.$]{0,40}?\bfunctions?\s*"
    r"((?:\$[^$\n]{1,30}\$\s*(?:,|and|or)?\s*)+)",
    re.I,
)
GENERIC_LINES = 4  # the prose just before a formula that may name its functions as generic


def generic_functions(lines: list, line: int) -> set:
    """Names the prose just before a formula introduces as arbitrary functions (``the
    following rules … of any differentiable functions $f$ and $g$``): in that formula they
    are generic, not the f defined earlier in the section."""
    before = " ".join(lines[max(0, line - 1 - GENERIC_LINES) : max(0, line - 1)])
    found: set = set()
    for match in GENERIC.finditer(before):
        for latex in re.findall(r"\$([^$]*)\$", match.group(1)):
            for name in latex.split(","):
                name = name.strip()
                if re.fullmatch(r"\\?[A-Za-z]+(?:_\{?\\?\w+\}?)?", name):
                    found.add(name.replace("{", "").replace("}", "").lstrip("\\"))
    return found


VECTOR_ARROW = re.compile(r"\\(?:vec|overrightarrow|overset\s*\{\s*\\rightarrow)\b")
BOLD_LOWER = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*[a-z]")


def _numbers_not_functions(latex, view, context: FileContext, line: int) -> frozenset:
    """The names the grammar would apply as functions that the chain's section says are
    numbers (:func:`symderive.notes.scoped.scalars_at`), where only another section's words
    made them functions (not a directive, not a definition in force here)."""
    candidates = {name for name in latex.functions if name not in view.functions
                  and context.directive_kinds.get(name) != "function"}
    if not candidates:
        return frozenset()
    return frozenset(candidates & scalars_at(context, line))


def _array_in_words(lhs, rhs, left: str, right: str, context: FileContext, line: int) -> str:
    """Why a step cannot be read with scalars: an arrow vector (``\\vec{a}``), ``\\times``
    between bold vectors (a cross product), or a name the prose calls a matrix or vector
    (``Let $A$ and $B$ be n × n matrices``) read here as a commuting scalar — unless the
    section says it is a number (*In this section $A$ and $B$ are real numbers.*:
    :func:`symderive.notes.scoped.scalars_at`)."""
    written = left + " " + right
    if VECTOR_ARROW.search(written):
        return ("\\vec{…} is a vector (and × between vectors a cross product): vectors "
                "written with arrows are not read")
    if re.search(r"\\times", written) and BOLD_LOWER.search(written):
        return "× between vectors may be the cross product: not read"
    named = sorted(
        symbol.name for symbol in (lhs.free_symbols | rhs.free_symbols)
        if isinstance(symbol, sp.Symbol) and symbol.name in context.prose_arrays
    )
    objects = context.prose_objects
    if named or object_symbols((lhs, rhs), objects) or written_objects(written, objects):
        numbers = scalars_at(context, line)  # a number in this section, whatever others say
        named = [name for name in named if name not in numbers]
        objects = {name: said for name, said in objects.items() if name not in numbers}
    if named:
        first = named[0]
        return (f"{', '.join(named)} called matrices or vectors in the prose, but read as "
                f"scalars here: declare them with 'assume {first} matrix R C' (or vector N)")
    return object_words(lhs, rhs, objects, written)


ALL_KINDS = frozenset({"nonzero", "positive", "nonnegative", "power", "counted"})


def _natural_domain(equation, left: str, right: str, raw_left, raw_right, view,
                    kinds: frozenset = frozenset({"nonzero", "counted"})) -> tuple:
    """The written sides' natural domains (denominators ≠ 0, log arguments > 0 …), kept where
    their symbols are still the step's own (a renamed or substituted symbol drops its
    condition rather than constrain an unrelated one). Only denominators (and binomial lower
    arguments ≥ 0, whose conventions differ below 0) by default: notes mean their claims on the
    common domain (d/dx log x = 1/x), which the checker samples."""
    found = []
    for side, latex, raw in (("lhs", left, raw_left), ("rhs", right, raw_right)):
        for condition in equation.conditions.get(latex, ()):
            if condition.kind == "unread":  # a body's requirement on free names not put at
                # points: the checker decides nothing, whatever was substituted (round 30 F15)
                found.append((side, condition.kind, condition.expr, condition.why))
                continue
            if condition.kind not in kinds:
                continue
            symbols = condition.expr.free_symbols
            renamed = {str(entry.base) for entry in raw.atoms(sp.Indexed)}
            if not symbols & set(view.symbols) and not any(
                str(symbol).rpartition("_")[0] in renamed for symbol in symbols
            ):
                found.append((side, condition.kind, condition.expr, condition.why))
    return tuple(found)


def _named_in_words(index: int, raw, sides: tuple, view: DefinitionView, context) -> str:
    """``Var(s) = Var(\\sum_i w_i x_i)`` with s never defined: s is defined in the prose (the
    first left side is about one undefined quantity that the right side never mentions).
    Not when the left side as read is a number and the right side as written is one: ``H(x) =
    \\log 3`` about the label ``H(x) = \\log 6`` is false whatever x is."""
    if index != 1 or isinstance(raw, (ParseError, sp.Symbol)) or raw.atoms(sp.Derivative):
        return ""
    lhs, rhs, raw_rhs = sides
    symbols = [s for s in raw.free_symbols if isinstance(s, sp.Symbol)]
    if len(symbols) != 1 or symbols[0] in view.symbols or symbols[0] in rhs.free_symbols:
        return ""
    if all(isinstance(side, sp.Basic) and not side.free_symbols
           and not side.atoms(sp.core.function.AppliedUndef) for side in (lhs, raw_rhs)):
        return ""  # fmt: skip
    if symbols[0] in context.domains or symbols[0].name.partition("_")[0] in context.readings:
        return ""  # declared by a directive: its meaning is known
    return str(symbols[0])


CONSTANT_NAMED = re.compile(
    r"\bconstants?\s+\$\s*\\?([A-Za-z])\s*\$|상수\s*\$\s*([A-Za-z])\s*\$"
    # "($C$ is a constant)", "($C$는 상수입니다)": the name first, then the word
    r"|\$\s*([A-Za-z])\s*\$\s*(?:is\s+(?:a\s+|any\s+)?constant\b|(?:는|은|이|가)\s*상수)"
)
CONSTANT_WORD = re.compile(r"\bconstants?\b|상수", re.I)
# "$C$ is not a constant", "Unless $C$ is a constant", "non-constant", "$C$는 상수가 아닙니다"
NEGATED = NEGATED_OR_SUPPOSED  # grammar/negation.py


# a single Latin letter or a Greek letter command (\theta): the names prose says vary
GREEK = (r"\\(?:alpha|beta|gamma|delta|(?:var)?epsilon|zeta|eta|(?:var)?theta|iota|kappa|lambda"
         r"|mu|nu|xi|(?:var)?pi|(?:var)?rho|(?:var)?sigma|tau|upsilon|(?:var)?phi|chi|psi|omega"
         r"|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega)(?![A-Za-z])")
LETTER = rf"(?:[A-Za-z]|{GREEK})"
NOT_CONSTANT = re.compile(
    rf"\$\s*({LETTER})\s*\$\s*(?:is\s+not\s+(?:a\s+)?constant|isn't\s+(?:a\s+)?constant"
    r"|depends\s+on|varies|changes\s+with|is\s+a\s+function\s+of"
    r"|is\s+(?![\w-]*independent)[\w-]*dependent\b"  # "time-dependent" (not "independent")
    r"|(?:는|은|이|가)\s*[^$.\n]{0,12}\$[^$]{1,20}\$\s*의\s*함수"  # $v$는 시간 $t$의 함수
    r"|(?:는|은|이|가)\s*상수(?:가|이)?\s*아[니닙님]"
    r"|(?:는|은|이|가)\s*(?:\$[^$]{1,20}\$\s*)?(?:에\s*의존|에\s*따라\s*(?:변|달라)))",
    re.I,
)


def _defined_through(expr: sp.Basic, view: DefinitionView) -> set:
    """The symbols the definitions in force give ``expr`` (K = ½mv²: m, v), transitively."""
    found: set = set()
    for key in used_definitions(expr, view):
        value = view.symbols.get(key[1]) if key[0] == "symbol" else None
        if isinstance(value, sp.Basic):
            found |= value.free_symbols
    return found


# ``$v = v(t)$``: the letter written as a function of another; "$a$ and $b$ are functions of"
WRITTEN_AS_FUNCTION = re.compile(r"\$\s*([A-Za-z])\s*=\s*\1\s*(?:\\left)?\(\s*[A-Za-z]\s*(?:\\right)?\)\s*\$")
# in the section, from its line on: ``$\theta = \theta(t)$``, ``$u = u(x, t)$`` (Greek letters
# and several arguments)
WRITTEN_AS_FUNCTION_WIDE = re.compile(
    rf"\$\s*({LETTER})\s*=\s*\1\s*(?:\\left)?\(\s*{LETTER}(?:\s*,\s*{LETTER})*\s*(?:\\right)?\)"
    r"\s*\$")
# "The angle $\theta(t)$ of the pendulum changes with time": the letter written applied, then a
# few words without a formula, then a word of change
APPLIED_VARIES = re.compile(
    rf"\$\s*({LETTER})\s*(?:\\left)?\(\s*{LETTER}(?:\s*,\s*{LETTER})*\s*(?:\\right)?\)\s*\$"
    r"[^$.;\n]{0,40}?\b(?:changes\s+with|varies|vary|depends\s+on|is\s+a\s+function\s+of)",
    re.I,
)
# round 8c X1: "$\theta$ evolves in time", "$q$ a function of time", "$u$ depend on $x$ and $t$",
# "$T$ changes over time", "각 $\phi$는 시간에 따라 변한다"
NAMED_VARIES = re.compile(
    rf"\$\s*({LETTER})\s*\$[^$.;\n]{{0,40}}?(?:\b(?:(?:evolves?|changes?|varies|vary|moves?)\s+"
    r"(?:in|with|over|along)|depends?\s+on|(?:is\s+)?a\s+function\s+of)\s+(?:the\s+)?(?:time\b|\$)"
    r"|시간에\s*따라|시간의\s*함수)",
    re.I,
)
SEVERAL_VARY = re.compile(
    rf"((?:\$\s*{LETTER}\s*\$\s*(?:,|and|과|와)\s*)+\$\s*{LETTER}\s*\$)\s*(?:are\s+(?:both\s+)?"
    r"(?:functions\s+of|(?![\w-]*independent)[\w-]*dependent\b)|depend\s+on|vary|change\s+with)",
    re.I,
)


def not_constants(text: str) -> set:
    """Letters the prose says are not constants (*$C$ is not a constant*, *$C$ depends on*,
    *time-dependent*, ``$v = v(t)$``, *$a$ and $b$ are functions of*, $C$는 상수가 아닙니다, 시간
    $t$의 함수): their derivative is unknown, never taken as 0."""
    found = set(NOT_CONSTANT.findall(text)) | set(WRITTEN_AS_FUNCTION.findall(text))
    for names in SEVERAL_VARY.findall(text):
        found |= set(re.findall(rf"\$\s*({LETTER})\s*\$", names))
    return {name.lstrip("\\") for name in found}  # \theta is the symbol theta


def varying_in_section(context: FileContext, line: int) -> set:
    """Letters written as functions of several or Greek letters (``$u = u(x, t)$``,
    ``$\theta = \theta(t)$``) or applied and said to change (*The angle $\theta(t)$ … changes
    with time*) in the section before ``line``: not constants there."""
    sections = as_sections(context.headings)
    text = "\n".join(context.lines[number - 1] for number in sections.before(line))
    found = (set(WRITTEN_AS_FUNCTION_WIDE.findall(text)) | set(APPLIED_VARIES.findall(text))
             | set(NAMED_VARIES.findall(text)))
    return {name.lstrip("\\") for name in found}


def _named_constants(text: str) -> set:
    """Letters the prose calls constants, except where the sentence negates or supposes it
    (*is not a constant*, *unless $C$ is a constant*, 상수가 아닙니다): those are not constants."""
    found = set()
    for match in CONSTANT_NAMED.finditer(text):
        start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        after = text[match.end() : match.end() + 12]
        if NEGATED.search(text[start : match.start()] + " " + match.group(0) + after):
            continue
        found.add("".join(group or "" for group in match.groups()))
    return found


def prose_constants(context: FileContext, equation: PlannedEquation, raws: list) -> frozenset:
    """Differentiated single letters the prose calls constants: ``for any constant $C$`` in
    the prose holding at the formula (its sections before it, its own paragraph; also inside
    ``\\textrm{…}`` of a display), and the one letter of
    ``\\frac{d}{dx} c`` after words about constants (*Derivative of constants.*)."""
    named = _named_constants(as_sections(context.headings).text_at(context.lines,
                                                                   equation.chain.line))
    differentiated = {
        derivative.expr.name for raw in raws for derivative in raw.atoms(sp.Derivative)
        if isinstance(derivative.expr, sp.Symbol) and len(derivative.expr.name) == 1
    }  # fmt: skip
    found = differentiated & named
    lead = equation.block.lead or ""
    if CONSTANT_WORD.search(lead) and not NEGATED.search(lead) and len(differentiated) == 1:
        found |= differentiated
    return frozenset(found)


def opaque_values(lhs: sp.Basic, rhs: sp.Basic) -> tuple:
    """Each value of a never-defined function applied to names only (``P(j)``, ``H(X, Y)``)
    replaced by one symbol of that name: a claim true for every value of them is true (proved
    or checked); one that fails for some values may still hold by facts about them the note
    does not write (``H(X, Y) = H(X) + H(Y)`` needs independence), so it is never refuted."""
    applied = sorted(
        lhs.atoms(sp.core.function.AppliedUndef) | rhs.atoms(sp.core.function.AppliedUndef),
        key=sp.default_sort_key,
    )
    mapping = {value: sp.Symbol(sp.sstr(value)) for value in applied}
    names = tuple(sp.sstr(value) for value in applied)
    return lhs.xreplace(mapping), rhs.xreplace(mapping), names


def _structured(lhs: sp.Basic, rhs: sp.Basic, names: set) -> bool:
    """A general rule about unknown functions differentiates them or applies them to
    something other than a bare name (``h(x_1 + x_2)``, ``g(h(x))``); ``H(Y) = H(X)`` is a
    statement about two unknown quantities, not a rule to check on instances."""
    for side in (lhs, rhs):
        if side.atoms(sp.Derivative, sp.Subs) or bound_arguments(side, names):
            return True
        for applied in side.atoms(sp.core.function.AppliedUndef):
            if applied.func.__name__ in names and not all(
                isinstance(argument, (sp.Symbol, sp.Indexed)) for argument in applied.args
            ):
                return True
    return False


def _entry_name(symbol) -> tuple[str, str] | None:
    """(base, index) of a name written as an entry with one index, a letter or a number
    (``x_j``, ``x_{j}``, ``\\theta_k``, ``x_1``), else None."""
    base, _, sub = getattr(symbol, "name", "").rpartition("_")
    sub = sub.strip("{}")
    if base and ((len(sub) == 1 and sub.isalpha()) or sub.isdigit()):
        return base, sub
    return None


def _differentiated_names(expr: sp.Basic) -> set:
    """The names ``expr`` depends on: its free symbols, but of an inner derivative only its
    differentiand's (``\\frac{d}{dx_i}\\frac{df}{dx_j}`` holds no x_j: a mixed partial)."""
    if isinstance(expr, sp.Derivative):
        return _differentiated_names(expr.expr)
    if isinstance(expr, sp.Symbol):
        return {expr}
    found: set = set()
    for argument in expr.args:
        if isinstance(argument, sp.Basic):
            found |= _differentiated_names(argument)
    return found


def coinciding_indices(*raws, view: DefinitionView | None = None) -> str:
    """Why a derivative by an entry ``x_i`` of an expression holding another entry ``x_j`` of
    the same name decides nothing as read: the grammar reads ``x_j`` and ``x_i`` as unrelated
    names (∂x_j/∂x_i = 0), but the indices may coincide (∂x_j/∂x_i = δ_ij) and, written twice,
    ``x_j x_j`` may be Einstein's sum Σ_j x_j² (round 11a F5: ∂(x_j x_j)/∂x_i = 2x_i); also
    through the definitions in force (∂f/∂x_i after f = x_1² + x_2²).  '' when no derivative is
    taken that way."""
    for raw in raws:
        if not isinstance(raw, sp.Basic):
            continue
        for derivative in raw.atoms(sp.Derivative):
            for variable in derivative.variables:
                by = _entry_name(variable)
                if by is None:
                    continue
                held = _differentiated_names(derivative.expr) | ((
                    _defined_through(derivative.expr, view) if view is not None else set())
                    - set(derivative.variables))  # f(x_i, x_j) built for d²f/dx_i dx_j
                for symbol in sorted(held, key=str):
                    entry = _entry_name(symbol)
                    if entry and entry[0] == by[0] and entry[1] != by[1] and not (
                            entry[1].isdigit() and by[1].isdigit()):  # x_1, x_2: distinct
                        return (f"the derivative by {variable} of an expression holding {symbol} "
                                f"reads {symbol} as another name (∂{symbol}/∂{variable} = 0), "
                                f"but the indices may coincide (∂{symbol}/∂{variable} = "
                                f"δ_{{{entry[1]}{by[1]}}}) or a repeated index may be summed "
                                "(Einstein's convention)")
    return ""


def index_ambiguity(lhs: sp.Basic, rhs: sp.Basic, had_derivative: bool) -> str:
    """Why indices may be meant otherwise than read: a letter index repeated in one product
    (Einstein summation, ``x_i a_{ij} x_j``) or two index letters on one base in a derivative
    (``dx_i/dx_k`` is δ_ik, not 0). Entries read as ``o[i]``, ``o[j]`` of one vector raise no
    such doubt by themselves: their derivative is the Kronecker delta, and every combination
    of the index values, equal ones too, is evaluated (round 11a L6)."""
    by_base: dict[str, set[str]] = {}
    named: set[str] = set()  # the bases written as names (x_i a Symbol): ∂x_j/∂x_i read as 0
    if not any(_letter_indexed(side) for side in (lhs, rhs)):
        return ""  # no index letter anywhere: nothing to expand ((x + 1)^900, round 49 AF01)
    family = _entry_of_a_family(lhs, rhs)
    if family:
        return family
    for side in (lhs, rhs):
        for term in sp.Add.make_args(sp.expand(side) if side.is_Mul or side.is_Add else side):
            letters: list[str] = []
            for symbol in term.free_symbols:
                base, _, sub = getattr(symbol, "name", "").rpartition("_")
                if base and sub.isalpha():
                    letters.extend(sub)
                    by_base.setdefault(base, set()).add(sub)
                    named.add(base)
            for entry in term.atoms(sp.Indexed):  # x_i of a declared vector x: x[i]
                sub = "".join(str(index) for index in entry.indices)
                free = all(index in term.free_symbols for index in entry.indices)
                if sub.isalpha() and free:  # a summed index (\sum_i x_i y_i) is not Einstein
                    letters.extend(sub)
                    by_base.setdefault(str(entry.base), set()).add(sub)
            if len(letters) != len(set(letters)):
                return "a repeated index may mean Einstein summation (x_i a_ij x_j)"
    if had_derivative and any(len(subs) > 1 and base in named for base, subs in by_base.items()):
        return "entries with different index letters may coincide (dx_i/dx_k = δ_ik)"
    return ""


def _entry_of_a_family(lhs, rhs) -> str:
    """Why a name such as ``z_{nk}`` may be an entry of the family ``z_n[j]`` the step sums
    over (k an index letter that may take j's values): read as a name of its own, a
    counterexample gives it a value the entry z_n[k] does not have (K = 1, z_nk ≠ z_n[1]: the
    softmax of mlbook's logistic regression, round 50)."""
    sides = [side for side in (lhs, rhs) if isinstance(side, sp.Basic)]
    families = {str(entry.base) for side in sides for entry in side.atoms(sp.Indexed)}
    for side in sides:
        for symbol in side.free_symbols:
            head, _, sub = getattr(symbol, "name", "").rpartition("_")
            if not head or not sub or not sub[-1].isalpha():
                continue
            family = f"{head}_{sub[:-1]}" if len(sub) > 1 else head
            if family in families:
                return (f"{symbol.name} may be the entry {sub[-1]} of {family}, whose entries "
                        f"the step also writes ({family}[…]): read as a name of its own, a "
                        "counterexample may give it a value that entry does not have")
    return ""


def _letter_indexed(side) -> bool:
    """Whether ``side`` holds a name with a letter subscript (x_i) or an indexed entry."""
    if not isinstance(side, sp.Basic):
        return False
    return bool(side.atoms(sp.Indexed)) or any(
        (sub := getattr(symbol, "name", "").rpartition("_"))[0] and sub[2].isalpha()
        for symbol in side.free_symbols)


NO_SOLUTION_NODES = 1000


def _no_solution(lhs, rhs, source: str) -> bool:
    """The difference of the sides simplifies to a nonzero constant (``\\sin^2 x + \\cos^2 x =
    2``): no value solves it, so it is not an equation to solve but a false claim.  A
    difference of more than :data:`NO_SOLUTION_NODES` nodes (the 120 terms of a written-out
    5×5 determinant) is not simplified: it overran its time limit severalfold (round 44 U13)."""
    if any(isinstance(side, sp.Basic) and larger_than(side, NO_SOLUTION_NODES)
           for side in (lhs, rhs)):
        return False  # kept solve-like: skipped, never refuted on this ground
    if _varies(lhs, rhs):
        return False  # two values differ: no constant (and no slow simplification, 49 AF01)
    try:
        with time_limit(PLAN_SECONDS, source=source, what="simplifying the difference"):
            difference = sp.simplify(lhs - rhs)
    except Exception:  # noqa: BLE001 - a slow or failing simplification keeps it solve-like
        return False
    return bool(difference.is_number and difference.is_zero is False)


VARIES_AT = (sp.Rational(3, 7), sp.Rational(11, 5))  # the value every free name takes


def _varies(lhs, rhs) -> bool:
    """Whether the difference of the sides takes two clearly different values at two rational
    points (every free name 3/7, then 11/5; 30 digits): then it is not a constant. Only ever a
    reason to keep an equation solve-like (skipped), so an evaluation that misleads costs a
    check, no more."""
    values = []
    try:
        with time_limit(0.5, source="<plan>", what="evaluating the difference"):
            difference = lhs - rhs
            if not isinstance(difference, sp.Expr) or isinstance(difference, sp.MatrixExpr) \
                    or not difference.free_symbols:
                return False
            for point in VARIES_AT:
                value = difference.xreplace(
                    dict.fromkeys(difference.free_symbols, point)).evalf(30)
                if not value.is_number or not value.is_real or not value.is_finite:
                    return False
                values.append(value)
    except Exception:  # noqa: BLE001 - not evaluated: not known to vary
        return False
    scale = 1 + abs(values[0]) + abs(values[1])
    differ = abs(values[0] - values[1]) > sp.Float(10) ** -10 * scale
    return differ is sp.true  # (a sum up to 3/7 stays unevaluated: not known, round 59)


def _solve_like(lhs, rhs, raw_left, raw_right, count: int, written: tuple = ("", "")) -> bool:
    """``expr = number``, with unknowns and no derivative written: if it is not an identity
    it is an equation to solve or a condition (``\\cos\\theta = -1``, ``0 = 780 + 2T``). Not
    when the number side is written with a letter of the other side that cancelled
    (``\\frac{x}{x} = 1 + \\max(0, |x| - 10^9)``: an identity in x, round 11a L2)."""
    if _square_matrices_only(lhs, rhs):
        return False  # MN - NM = 0 for the 3 × 3 matrices M and N: a claim (round 9b L12)
    for side, other, raw, raw_other, other_written in (
        (lhs, rhs, raw_left, raw_right, written[1]), (rhs, lhs, raw_right, raw_left, written[0])
    ):
        if isinstance(side, sp.Basic) and _writes_a_letter_of(other_written, side):
            continue
        if (
            isinstance(raw_other, sp.Basic) and raw_other == 0 and isinstance(raw, sp.Basic)
            and (isinstance(raw, (sp.Derivative, sp.Subs)) or has_matrix_derivative(raw))
        ):  # fmt: skip
            return True  # f'(x) = 0, ∂L/∂w = 0: a stationarity condition to solve
        if (
            isinstance(other, sp.Basic) and not other.free_symbols
            and not isinstance(raw_other, ParseError) and not raw_other.atoms(sp.Derivative)
            and isinstance(side, sp.Basic) and side.free_symbols
            and not isinstance(raw, ParseError) and not raw.atoms(sp.Derivative)
        ):  # fmt: skip
            return True
    return count == 2 and _relation_between_letters(lhs, rhs, raw_left, raw_right)


def _differential_equation(lhs, rhs) -> bool:
    """``g'(x) = 2g(x)``, ``y''(t) + y(t) = 0``, ``\\frac{dP}{dt} = kP`` of one function the note
    never defines: an equation its unknown function solves (an ODE, or an initial condition
    ``g'(0) = 1``), not an identity over every function; derivatives of a product or a
    composition (the product and chain rules, written right or wrong) stay claims. As read: one
    unknown function left (not a defined h), every derivative of it alone, no integral."""
    sides = _sides_without_integrals(lhs, rhs)  # ∫ f g' = f g − ∫ f' g is a claim
    if not sides:
        return False
    unknown = {node for side in sides for node in side.atoms(AppliedUndef)}
    derivatives = [node for side in sides for node in side.atoms(sp.Derivative)]
    if not unknown or not derivatives or len({node.func for node in unknown}) != 1:
        return False
    return all(isinstance(node.expr, AppliedUndef) for node in derivatives) and all(
        _at_names(node) for node in unknown)


def _sides_without_integrals(lhs, rhs) -> list:
    """Both sides, when both are SymPy expressions with no integral, sum or limit; else []."""
    sides = [side for side in (lhs, rhs) if isinstance(side, sp.Basic)]
    if len(sides) != 2 or any(side.has(sp.Integral, sp.Sum, sp.Limit) for side in sides):
        return []
    return sides


def _at_names(applied) -> bool:
    """Whether a function is applied at names only: g(x), f(x, y), not g(2x) or f(g(x))."""
    return all(isinstance(argument, sp.Symbol) for argument in applied.args)


# "Let $g$ be a smooth function", "for any differentiable $f$": the function is arbitrary, so
# an equation about it is a claim for every such function (round 10 named: g' = g(1 − g))
ARBITRARY = re.compile(
    r"(?:\b(?:let|suppose|assume)\s+\$\s*(?P<a>[A-Za-z])\s*\$\s+be\s+(?:an?\s+|any\s+)?"
    r"(?:arbitrary\s+|smooth\s+|differentiable\s+|continuous\s+|real\s+|given\s+)*function"
    r"|\b(?:any|every|arbitrary)\s+(?:smooth\s+|differentiable\s+|continuous\s+)*function\s+"
    r"\$\s*(?P<b>[A-Za-z])\s*\$)", re.I)


def _said_arbitrary(lhs, rhs, lines, line: int) -> bool:
    """Whether the note, before ``line``, calls the unknown function of the step arbitrary."""
    names = {node.func.__name__ for side in (lhs, rhs) if isinstance(side, sp.Basic)
             for node in side.atoms(AppliedUndef)}
    for text in lines[:line]:
        for match in ARBITRARY.finditer(text):
            if (match["a"] or match["b"]) in names:
                return True
    return False


def _written_differential_equation(lhs, rhs) -> bool:
    """As written: every derivative is of one name or one function at names (``dP/dt``,
    ``g'(x)``), none of a product or a composition, and no integral."""
    derivatives = [node for side in _sides_without_integrals(lhs, rhs)
                   for node in side.atoms(sp.Derivative)]
    return bool(derivatives) and all(
        isinstance(node.expr, sp.Symbol)
        or (isinstance(node.expr, AppliedUndef) and _at_names(node.expr))
        for node in derivatives)


# a note speaking of convolution writes it * (x[n] * h[n]): never a product there (round 60
# BC01: x[n] * h[n] = x[n]h[n] was proved)
CONVOLUTION_WORDS = re.compile(r"convol|컨볼루션|합성곱|콘볼루션|卷积|畳み込み", re.I)
STAR = re.compile(r"(?<![\^_{])\s*(?:\*|\\ast(?![A-Za-z]))(?!\s*[}$])")
CONVOLVED = ("* or \\ast in a note that speaks of convolution: a convolution or a product — "
             "two readings (not read)")


def _by_a_defined_name(lhs, rhs, view) -> bool:
    """Whether a derivative as written is taken by a name the note defines (``∂L/∂y`` after
    ``y = wx``): ∂L/∂w = ∂L/∂y · x is the chain rule through y, a claim, no equation L solves
    (round 44's test, lost to the Leibniz ODE rule of round 53)."""
    return any(variable in view.symbols
               for side in _sides_without_integrals(lhs, rhs)
               for node in side.atoms(sp.Derivative) for variable in node.variables)


def _writes_a_letter_of(latex: str, side: sp.Basic) -> bool:
    """Whether ``latex`` writes one of the plain letters (or Greek letters) free in ``side``."""
    for symbol in side.free_symbols:
        stem = getattr(symbol, "name", "").partition("_")[0]
        if re.fullmatch(r"[A-Za-z]", stem):
            pattern = rf"(?<![A-Za-z\\]){stem}(?![A-Za-z])"
        elif re.fullmatch(r"[A-Za-z]+", stem) and re.fullmatch(GREEK, "\\" + stem):
            pattern = rf"\\{stem}(?![A-Za-z])"
        else:
            continue
        if re.search(pattern, latex):
            return True
    return False


def _square_matrices_only(lhs, rhs) -> bool:
    """Whether every unknown of the step is a square matrix (no vector, no scalar) and there
    are at least two: ``M N - N M = 0`` states that two matrices commute, it is no system to
    solve (``A x - b = 0`` has vectors, ``X^2 = I`` one unknown matrix)."""
    symbols = set()
    for side in (lhs, rhs):
        if not isinstance(side, sp.Basic):
            return False
        symbols |= side.free_symbols
    matrices = {s for s in symbols if isinstance(s, sp.MatrixSymbol)}
    return len(matrices) >= 2 and matrices == symbols and all(
        m.shape[0] == m.shape[1] and m.shape[0] != 1 for m in matrices)


def _relation_between_letters(lhs, rhs, raw_left, raw_right) -> bool:
    """``a^2 + b^2 = c^2``, ``ax + by = c``, ``(x - h)^2 + (y - k)^2 = r^2``: a polynomial
    equation in plain letters whose two sides share no letter — a relation between quantities
    (as ``x^2 + y^2 = 1`` is), not an identity in them (``(a + b)^2 = a^2 + b^2``, ``y_1 + y_2 +
    y_3 = 1 - y_3`` share letters and stay claims). Review round 8a C14."""
    if not all(isinstance(side, sp.Expr) and not isinstance(side, sp.MatrixExpr)
               for side in (lhs, rhs, raw_left, raw_right)):
        return False
    for side in (raw_left, raw_right, lhs, rhs):
        if side.atoms(sp.Function, sp.Derivative, sp.Integral, sp.Sum, sp.Product, sp.Indexed,
                      sp.Limit) - side.atoms(sp.exp) or not all(
                isinstance(s, sp.Symbol) for s in side.free_symbols):
            return False
    letters = lhs.free_symbols | rhs.free_symbols
    if not letters or not all(_exp_polynomial(side, letters) for side in (lhs, rhs)):
        return False
    return bool(lhs.free_symbols) and bool(rhs.free_symbols) and not (
        lhs.free_symbols & rhs.free_symbols)


def _exp_polynomial(side, letters) -> bool:
    r"""Whether ``side`` is a polynomial in ``letters`` and in exponentials of polynomials in
    them (``\Delta e^{\delta h} S_0 u + B e^{rh}``, a portfolio's value: round 58 AW03)."""
    powers = {power: sp.Dummy() for power in side.atoms(sp.exp)
              if power.args[0].is_polynomial(*letters)}
    return side.xreplace(powers).is_polynomial(*letters, *powers.values())


def chain_context(latex: LatexContext, elements: list, view, einstein: tuple = (),
                  excluded: frozenset = frozenset(),
                  described: frozenset | None = None) -> LatexContext:
    """The note's context with what the chain's operators need (symderive.grammar.operators):
    the chain's one differentiation variable (f', D f) and the names defined so far (a D the
    notes define is a name, not the derivative operator)."""
    defined = {str(name) for name in view.symbols} | set(view.functions)
    if "e" not in {str(name) for name in view.symbols}:  # the function e(x) = -x: e^x and
        defined.discard("e")  # 2e stay Euler's number beside it (round 16 F15)
    variable = chain_variable(elements)
    primes, linked = prime_variables(view, variable)
    written = " = ".join(elements)
    return replace(latex, variable=variable, defined=frozenset(defined),
                   greek_values=greek_values(written), applied_labels=applied_labels(written),
                   differentiated=differentiated(elements), primes=primes,
                   variable_linked=linked,
                   entries=entry_links(elements, latex.bold, *einstein,
                                       excluded=excluded, described=described))  # fmt: skip


def prime_variables(view, variable: str) -> tuple[tuple, bool]:
    """What a bare prime of each defined name differentiates by (LatexContext.primes): a
    function of one parameter (f(x) = …) by its parameter; a name (y = x^3) by the chain's
    variable only when its definition is in that variable alone; anything else is unread.
    And whether the chain's variable is linked to another by a definition (x = t^2)."""
    key = "".join(ch for ch in variable if ch not in "{} ")
    primes = []
    for name, (parameters, _body) in view.functions.items():
        if len(parameters) == 1 and isinstance(parameters[0], sp.Symbol):
            primes.append((name, "function", parameters[0]))
        else:
            primes.append((name, "unread", None))
    linked = False
    for symbol, value in view.symbols.items():
        names = [s for s in getattr(value, "free_symbols", ()) if isinstance(s, sp.Symbol)]
        keys = {"".join(ch for ch in s.name if ch not in "{} ") for s in names}
        if key and ("".join(ch for ch in str(symbol) if ch not in "{} ") == key or key in keys):
            linked = True
        if key and keys == {key} and len(names) == 1:
            primes.append((str(symbol), "name", names[0]))
        else:
            primes.append((str(symbol), "unread", None))
    return tuple(primes), linked


def parse_reading(
    latex: str, context: LatexContext, source: str, line: int, equation: PlannedEquation
) -> sp.Basic:
    from symderive.grammar.latex import parse_latex_reading

    value, readings, conditions = parse_latex_reading(
        latex, context=context, source=source, line=line
    )
    for name, how in readings.items():
        equation.readings.setdefault(name, how)
    equation.conditions[latex] = conditions
    return value


def names_something(latex: str, context: LatexContext) -> bool:
    try:
        value = parse_latex_math(latex, context=context)
    except ParseError:
        return False
    return isinstance(value, (sp.Symbol, sp.Indexed, sp.core.function.AppliedUndef))


def _function_values_in_moments(expressions: list, readings: dict) -> set:
    r"""The values of never-defined functions inside an expectation or a variance
    (``E[(F^*(x_0) - \hat{F}(x_0))^2]``): any numbers, so possibly random ones, never constants
    taken out of E (round 38: with the prediction F̂(x_0) constant, E[(F^* - F̂)^2] =
    (F^* - F̂)^2 was proved)."""
    inside = set()
    for expr in expressions:
        for moment in expr.atoms(E, Var):
            inside |= moment.args[0].free_symbols
    return {symbol for symbol in inside if readings.get(str(symbol), "").startswith(
        "the value of a function the note never defines")}


def infer_random(planned: list[PlannedEquation], context: FileContext) -> None:
    """Random symbols of each chain that uses E[…] or Var(…), where no directive decides.

    A symbol is random when somewhere in the file it is the whole argument of an expectation or
    a variance (``E[X]``, ``E[X^2]``, ``Var(X)``): so in ``E[aX + b] = aE[X] + b`` X is random
    and a, b are constants.
    """
    alone = symbols_read_as_random(
        expr
        for equation in planned
        for step in equation.steps
        for expr in (step.lhs, step.rhs)
        if expr is not None
    )
    for equation in planned:
        expressions = [e for step in equation.steps for e in (step.lhs, step.rhs) if e is not None]
        if not any(expr.atoms(E, Var) for expr in expressions):
            continue
        symbols = set().union(*(expr.free_symbols for expr in expressions))
        random = (symbols & alone) | _function_values_in_moments(expressions, equation.readings)
        equation.random = {symbol for symbol in random if symbol not in context.domains}
        for symbol in equation.random:
            equation.readings.setdefault(str(symbol), "random variable (alone inside E[…]/Var)")
