r"""What one note defines, assumes and supposes, with where each holds.

A definition, an example value or a condition holds from its line to the end of its section
(the next Markdown heading or ``\section``), never backwards; the most recent one of a name
wins. Directives hold in the whole file. See :mod:`symderive.notes.roles` for which relations
define, and docs/notes.md for the rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.build import time_limit
from symderive.grammar.latex import GREEK, LatexContext, parse_latex_math, parse_latex_side
from symderive.grammar.units import unit_terms
from symderive.model import Domain
from symderive.notes.differentials import d_marks_names
from symderive.notes.lone_increments import defined_increments, lone_signs
from symderive.notes.chains import Chain
from symderive.notes.condition_lists import listed_conditions
from symderive.notes.extreme_words import extreme_value
from symderive.notes.geometric_words import law_of_the_figure
from symderive.notes.directives import Directives, definition_head
from symderive.notes.iteration_indices import iterated_names, iteration_labels
from symderive.notes.example_arguments import evaluated_at_example, named_in_words
from symderive.notes.example_blocks import aside_offsets, block_ends
from symderive.notes.example_near import unabbreviated
from symderive.notes.example_ends import left_examples
from symderive.notes.earlier_sections import restated
from symderive.notes.extract import MathBlock
from symderive.notes.indices import normalise_indices
from symderive.notes.constant_letters import called_constant
from symderive.notes.indexed_families import (
    unread_index_domain,
    family_letter,
    family_stem,
    family_written,
    index_bounds,
    instance_of,
    shifted_head,
    letter_free,
)
from symderive.notes import matrix_definitions
from symderive.notes.sections import as_sections
from symderive.notes.reversed_definitions import reversed_definition
from symderive.notes.withheld import not_given, withheld_reading
from symderive.notes.wrapped_lines import wrapped_after
from symderive.notes.roles import (
    PROPERTY,
    Reading,
    Role,
    DERIVING,
    NEW_EXAMPLE,
    GENERAL_WORDS,
    case_in_words,
    classify_first_step,
    concluded_value,
    is_label,
    is_value,
    is_bare_name,
    is_parameter_list,
    mentions,
)


@dataclass(frozen=True)
class Located:
    """A chain with where it stands: its block, its section's last line, its first step's role."""

    block: MathBlock
    chain: Chain
    section_end: int
    reading: Reading
    row_local: bool = False  # a definition in a table of cases: it holds on its own row only
    row_end: int = 0  # the last line of that row (the line before the next case of the table)
    order: int = -1  # position in reading order (chains on one line are read left to right)
    # x_k = 2^k for k ≥ 1: the indices its instances x_3 take it at (indexed_families)
    index_range: tuple | None = None
    # an example value left on its last line (Now assume $x^2 > 9$, round 17 F14): the reading
    # order of the condition that leaves it, after which it is no longer in force; -1: none
    ends_before: int = -1


@dataclass(frozen=True)
class Definition:
    """``name = value`` from the note, in force on lines ``start``..``end``."""

    key: tuple  # ("symbol", Symbol) or ("function", name)
    value: object  # expr, or (parameters, body) for a function
    note: str  # as written, with its line
    start: int
    end: int
    role: Role = Role.DEFINITION  # DEFINITION or EXAMPLE
    order: int = -1  # reading order of its chain: on its own line it holds only after it
    forward: bool = False  # "… for $f(x) = x^2$": it holds on its whole line, also before it
    disputed: bool = False  # a second formula that may be a new definition or a claim (roles)
    index_range: tuple | None = None  # a family x_k = 2^k: (lowest, highest) index or None's
    units: tuple = ()  # L = 5 m: the units of a quantity (symderive.grammar.units)
    ends_before: int = -1  # on its last line in force only before this reading order (F14)
    # the value's natural domain as written (Condition s: x ≠ 0 of x/x, which SymPy cancels)
    domain: tuple = ()
    offset: int = -1  # where its formula is written in the note (MathBlock.start); -1: unknown
    # a symbol's formula as written (its right side), read again where the prose gives its
    # matrices shapes (symderive.notes.shaped_definitions)
    written: str = ""


FORWARD_WORDS = re.compile(r"(?:\b(?:for|where|with|given)\b|여기서|단)\s*[:,]?\s*$", re.I)


def defines_forward(item: Located) -> bool:
    """A definition of a formula the line states before it: after *for, where, with, given*
    (``Show that $f'(x) = 2x$ for $f(x) = x^2$``), or after a comma in the same formula
    (``\\frac{dy}{dx} = (1-g(x))g(x), g(x) = …``). Only a non-number definition: an example
    value never reaches back."""
    if item.reading.role is not Role.DEFINITION:
        return False
    lead = item.block.lead or ""
    words = re.sub(r"\$[^$]*\$", " ", lead)
    if "$" in lead and FORWARD_WORDS.search(words):
        return True
    position = item.block.latex.find(item.chain.latex.strip())
    before = item.block.latex[:position].rstrip() if position > 0 else ""
    return before.endswith(",")  # a derived value after → (A = …) is not a "where"


@dataclass(frozen=True)
class DefinitionView:
    """The definitions in force at one line."""

    symbols: dict
    functions: dict
    notes: dict  # key -> note
    examples: dict = field(default_factory=dict)  # key -> line of an example value in force
    # values of a function at given arguments (P(A) = 0.3): the application -> its value
    points: dict = field(default_factory=dict)
    # families x_k = 2^k whose instances x_3 take their value: symbol -> (lowest, highest) index
    families: dict = field(default_factory=dict)
    # key -> the natural domain of the value as written (symderive.notes.written_domain)
    domains: dict = field(default_factory=dict)
    # symbol -> its Definition (the formula as written and where), for a second reading
    definitions: dict = field(default_factory=dict)

    def without_names(self, names: set) -> DefinitionView:
        """The view with the functions and values of ``names`` forgotten (``any functions $f$
        and $g$``: generic functions, not the ones defined earlier)."""
        symbols = {s: v for s, v in self.symbols.items() if getattr(s, "name", "") not in names}
        functions = {n: v for n, v in self.functions.items() if n not in names}
        points = {a: v for a, v in self.points.items() if a.func.__name__ not in names}
        keep = {("symbol", s) for s in symbols} | {("function", n) for n in functions}
        keep |= {("point", a) for a in points}
        notes = {k: v for k, v in self.notes.items() if k in keep}
        examples = {k: v for k, v in self.examples.items() if k in keep}
        families = {s: v for s, v in self.families.items() if s in symbols}
        domains = {k: v for k, v in self.domains.items() if k in keep}
        return DefinitionView(symbols, functions, notes, examples, points, families, domains,
                              self.definitions)

    def disputed(self, context: FileContext, keys) -> list:
        """The disputed definitions in force in this view that ``keys`` use (a function is
        also used through its bare name, ``∂f/∂x``: the key ("symbol", f))."""
        names = {str(key[1]) for key in keys}
        return [d for d in context.definitions
                if d.disputed and str(d.key[1]) in names and self.notes.get(d.key) == d.note]

    def without_examples(self) -> DefinitionView:
        """The general reading: example values not substituted."""
        symbols = {s: v for s, v in self.symbols.items() if ("symbol", s) not in self.examples}
        # P(A) = 0.3 is the problem's datum at A, not an example standing for every A
        families = {s: v for s, v in self.families.items() if s in symbols}
        return DefinitionView(symbols, self.functions, self.notes, points=self.points,
                              families=families, domains=self.domains,
                              definitions=self.definitions)


@dataclass
class FileContext:
    """What one note defines and assumes, built once and used by every chain."""

    latex: LatexContext
    domains: dict = field(default_factory=dict)
    chain_index_keys: set = field(default_factory=set)  # index domains read off a chain's sums
    givens: list = field(default_factory=list)
    independent: list = field(default_factory=list)
    onehot: list = field(default_factory=list)  # (name, size) of one-hot vectors
    simplex: set = field(default_factory=set)  # names of declared probability vectors
    definitions: list = field(default_factory=list)  # Definition
    problems: list = field(default_factory=list)
    prose_arrays: set = field(default_factory=set)  # names the prose calls matrices/vectors
    prose_objects: dict = field(default_factory=dict)  # operators, permutations …: name → (word, line)
    conditions_by_line: dict = field(default_factory=dict)  # line -> conditions stated on it
    properties: list = field(default_factory=list)  # (name, line, section end, latex): f(x) = f(-x)
    words: str = ""  # the prose (math removed), for readings named in words
    math_text: str = ""  # every math block, for names read two ways
    math_blocks: list = field(default_factory=list)  # (line, latex) of every math block
    raw_text: str = ""  # the note as written (prose such as "for a constant $a$")
    prose_text: str = ""  # the note without code and comments (same lines): refutation_guard
    headings: list = field(default_factory=list)  # Sections: where statements hold
    assigned_constants: tuple = ()  # (line, \\pi or e) given a value in the note
    readings: dict = field(default_factory=dict)  # name -> how it was read (for --explain)
    lines: list = field(default_factory=list)  # the note's lines (prose read around a formula)
    stated_simplex: tuple = ()  # (line, name) where the prose calls it one-hot / a probability vector
    # (line, name) where a formula stated as a hypothesis sums it to one (Σ_i t_i = 1, beside
    # words of laws): scoped.simplex_at, which holds them to analytic equalities
    summed_to_one: tuple = ()
    stated_onehot: tuple = ()  # (line, name, words): "y is one-hot" (scoped.onehot_at)
    memberships: tuple = ()  # name ∈ set stated in the note (notes.member_sets.Membership)
    # matrix properties stated in words: (name as the grammar spells it, property, line)
    matrix_properties: list = field(default_factory=list)
    stated: object = None  # symderive.notes.stated.StatedDomains: domains stated in words
    # givens that contradict each other: (their symbols' names, "line 1, 3"); not used
    contradictory: list = field(default_factory=list)
    assumed_at: dict = field(default_factory=dict)  # symbol -> line of its 'assume' directive
    directive_kinds: dict = field(default_factory=dict)  # name -> kind its 'assume' gives
    # stated domains that contradict each other: symderive.notes.domain_clash.Clash
    domain_clashes: list = field(default_factory=list)
    log_statements: list = field(default_factory=list)  # symderive.notes.log_base.Statement
    # degrees, row vectors, indices from zero (symderive.notes.stated_conventions.Statement)
    conventions: list = field(default_factory=list)
    named_letters: tuple = ()  # (line, e/E/π, words) named in words (word_definitions)
    shadows: list = field(default_factory=list)  # symderive.notes.shadowed.Shadow: σ = 2
    prime_labels: list = field(default_factory=list)  # prime_labels.PrimeLabel: g' a layer
    # \mathbf{G} = \mathbf{X}^\top \mathbf{X}: symderive.notes.matrix_definitions
    matrix_definitions: list = field(default_factory=list)
    unread_cases: list = field(default_factory=list)  # piecewise_words.Cases not read
    unread_definitions: list = field(default_factory=list)  # unread_definitions: ŷ = softmax(o)
    # (line, name, shape) of every shape the prose states: symderive.notes.scoped.declared_at
    shape_statements: tuple = ()
    replaced_names: list = field(default_factory=list)  # replaced_names: replace $A$ by $AB$
    described_names: list = field(default_factory=list)  # described_names: the softmax of $z$
    said_random: dict = field(default_factory=dict)  # random_names: name → (line, words)

    def definitions_at(
        self, line: int, order: int | None = None, first_readings: bool = False
    ) -> DefinitionView:
        """The definitions in force at ``line`` (the latest of each name); with
        ``first_readings`` a disputed second formula is read as a claim, so the definition
        before it stays in force."""
        latest = latest_in_force(self.definitions, line, order, first_readings,
                                 key=lambda definition: definition.key)
        symbols, functions, notes, examples, points, families, domains = {}, {}, {}, {}, {}, {}, {}
        read_from: dict = {}
        for key, definition in latest.items():
            if key[0] == "point":
                later = latest.get(("function", key[1].func.__name__))
                if later is not None and later.start >= definition.start:
                    continue  # P(A) = 0.3, then P(x) = … for every x: the formula holds
                points[key[1]] = definition.value
            elif key[0] == "symbol":
                symbols[key[1]] = definition.value
                read_from[key[1]] = definition
                if definition.index_range is not None:
                    families[key[1]] = definition.index_range
            else:
                functions[key[1]] = definition.value
            notes[key] = definition.note
            if definition.domain:
                domains[key] = definition.domain
            if definition.role is Role.EXAMPLE and key[0] != "point":
                examples[key] = definition.start
        return DefinitionView(symbols, functions, notes, examples, points, families, domains,
                              read_from)


def latest_in_force(definitions, line: int, order: int | None, first_readings: bool,
                    key) -> dict:
    """key(definition) -> the latest of the definitions in force at ``line`` (of this
    module's Definition or symderive.notes.matrix_definitions' MatrixDefinition); with
    ``first_readings`` a disputed second formula is left out."""
    latest: dict = {}
    for definition in definitions:
        if first_readings and definition.disputed:
            continue
        if (
            definition.start == line and order is not None and definition.order > order
            and not definition.forward
        ):  # fmt: skip
            continue  # written later on the same line: never backwards (unless "for …")
        if definition.end == line and order is not None and 0 <= getattr(
                definition, "ends_before", -1) < order:
            continue  # left on this line by a condition it violates (round 17 F14)
        if definition.start <= line <= definition.end:
            current = latest.get(key(definition))
            if current is None or definition.start >= current.start:
                latest[key(definition)] = definition
    return latest


def parse(latex: str, context: LatexContext, source: str, line: int) -> sp.Basic:
    return parse_latex_math(latex, context=context, source=source, line=line)


def section_start(headings: Sequence[int], line: int) -> int:
    """The first line of the innermost section holding ``line`` (its heading's line, or 1)."""
    return as_sections(headings).start_of(line)


def section_ends(headings: Sequence[int]) -> callable:
    """line → the last line a statement on it holds at (:meth:`Sections.end_of`: sub-sections
    are inside their parent)."""
    return as_sections(headings).end_of


# words that keep a new meaning past the block it is given in (round 22 F5), or adopt it
# ("We now switch to the cubic\footnote{…}": round 24)
_PERSISTING = re.compile(r"\b(?:from\s+now\s+on|henceforth|hereafter|for\s+the\s+rest|"
                         r"from\s+here\s+on|in\s+what\s+follows|from\s+this\s+point|"
                         r"switch(?:es|ed)?\s+to|we\s+now\s+use|adopt(?:s|ed)?)\b"
                         r"|이제부터|앞으로|지금부터", re.I)


def locate(
    pairs: Sequence[tuple[MathBlock, Chain]],
    headings: Sequence[int],
    lines: Sequence[str] = (),
) -> list[Located]:
    """Give each chain its section and the role of its first step, reading in order: a name
    defined earlier in the section makes a later ``name = …`` a claim, unless the words
    redefine it (:func:`symderive.notes.roles.second_formula`)."""
    sections = as_sections(headings)
    defined: dict[int, dict[str, tuple[Role, int]]] = {}
    labels: dict[int, set[str]] = {}
    parameterised: dict[int, set[str]] = {}  # section start -> names defined as f(x, y) = …
    functions: dict[str, tuple[str, int, int]] = {}  # head -> (parameters, line, section start)
    families: dict[int, dict[str, tuple]] = {}  # section -> stem -> (x_k, its line, index range)
    located: list[Located] = []
    blocks = block_ends(lines)  # an example value ends with its example, proof, quote …
    full = "\n".join(lines)  # (the offsets of the blocks)
    starts = [0] + [found.end() for found in re.finditer("\n", full)]  # line -> its offset
    asides = _asides(full)  # inline footnotes: (opened, closed, what keeps them past it)
    formulas: dict[str, tuple[set, int, int]] = {}  # name -> (right sides, line, section start)
    constrained: dict[int, dict[str, tuple]] = {}  # section -> stem -> (line, what) (17 F12)
    for block, chain in pairs:
        end = sections.end_of(chain.line)  # where its statements hold (sub-sections too)
        own = sections.start_of(chain.line)  # its own section: what "earlier in it" means
        names = defined.setdefault(own, {})
        section_labels = labels.setdefault(own, set())
        family = _family_of_instance(chain, names, families.get(own, {}))
        index_range = None
        trailing = trailing_words(lines, block)
        concluded = len(chain.elements) >= 2 and is_value(chain.elements[1]) and concluded_value(
            block.lead, trailing, block.kind == "inline")

        def classified(chain: Chain) -> Reading:  # (the chain as written, or turned round)
            return (
                classify_first_step(
                    chain, block.lead, _redefinable(names, chain, concluded) | (
                        {family[2]} if family else set()),
                    block.kind == "inline", frozenset(section_labels),
                    frozenset(parameterised.get(own, ())), trailing,
                )
                if len(chain.elements) >= 2 and not chain.conditional and not chain.implication
                else Reading(Role.CLAIM)
            )

        reading = classified(chain)
        if len(chain.elements) == 2 and (flipped := reversed_definition(
                chain, block.lead, trailing, (item.chain.latex for item in located
                                              if sections.reaches(item.chain.line, chain.line)))):
            # "write $AB = C$": C = AB, never a claim about a free C (round 58 AV03)
            right = classified(flipped.chain)
            if right.role is Role.CONDITION and flipped.letting:  # $AB = C$라고 하면
                right = Reading(Role.DEFINITION, flipped.name, None, flipped.why)
            if right.role is not Role.CLAIM:
                chain, reading = flipped.chain, right
                if reading.role is Role.DEFINITION:
                    reading = replace(reading, why=flipped.why)
        if reading.role is Role.DEFINITION and (law := law_of_the_figure(
                reading.name, reading.arguments, chain.elements[1], block.lead,
                lambda: "\n".join(lines[heading - 1] for heading in sections.enclosing(
                    chain.line) if 0 < heading <= min(chain.line, len(lines))))):
            reading = Reading(Role.CLAIM, why=law)  # a = c cos B + b cos C (round 58 AW04)
        if reading.role is Role.DEFINITION and (at_example := evaluated_at_example(
                reading, block.lead, trailing, full[block.end:block.end + 160] if block.end >= 0
                else "", block.kind == "inline", _examples_in_force(located, chain.line),
                named_in_words(full[max(starts[own - 1], block.start - 3000):max(
                    0, block.start)], reading.name or ""))):
            reading = at_example  # Take $x = 2$: $f(x) = x$ (round 22 F9)
        if reading.role is Role.CLAIM and chain.relations and (
                listed := listed_conditions(block.latex, names)):  # (round 44 V06)
            reading = Reading(Role.CONDITION, why=(
                f"a list of bounds on {', '.join(listed)} (names with no value here): "
                "conditions it states, not a claim"))
        if reading.role is Role.CLAIM and chain.relations and (
                extreme := extreme_value(chain.elements, chain.relations, block.lead)):
            reading = Reading(Role.CONDITION, why=extreme)  # Maximum: σ'(z) = 0.25 (44 V07)
        if reading.role is Role.CLAIM and (case := _case_named(  # In the cubic case, $f(3) = 27$
                full, starts, lines, sections, chain.line, block))[0]:  # (round 27)
            reading = Reading(Role.CONDITION, why=(
                f"a claim about a case the note names in words ('{case[0]}', line {case[1]}), "
                "not by a formula: its names, its numbers may not have the meanings in force "
                "there (the cube, complex numbers, degrees …), so it is not checked"))
        if reading.role is Role.CLAIM and (updated := _updated_example(chain, names)):
            reading = Reading(Role.UPDATE, why=(  # Let $w = 2$. Then $w = w - \eta g = 0$
                f"{updated} has an example value (line {names[updated][1]}) and stands on both "
                "sides: an update of that value written with '=', not an equation"))
        constraints = constrained.setdefault(own, {})
        if (reading.role is Role.DEFINITION and not reading.second and not reading.not_in_force
                and (found := constraints.get(_stem(reading.name) if "_" in (reading.name or "")
                                              else reading.name))
                and CLOSED_FORM_WORDS.search(_sentence_before(block.lead))):
            # "Let $a_{n+1} = 2a_n$ … Unrolling, we find $a_n = …$", "The solution of $y' = y$
            # is $y(t) = 1 + t$": a closed form the note derives, no definition (round 17 F12);
            # not checked either: read alone its name is a free number (round 18 F4, F12)
            reading = Reading(Role.CONDITION, why=(
                f"{reading.name} is constrained at line {found[0]} by {found[1]} this reader does "
                "not solve: this formula is a closed form the note derives, not a definition, "
                "and it is not checked"))
        _record_constraints(constraints, chain, reading, names)
        if concluded and reading.role is Role.EXAMPLE and _shifted_stem(reading.name, names):
            # Let $b_{n+1} = n^2$. Then $b_3 = 9$: what follows, never a value set (17 F4)
            reading = Reading(Role.CLAIM, why=(
                f"{reading.name} is an instance of a family defined at a shifted index, and the "
                "words conclude it ('then', 'so', 'hence' …): a claim, not an example value"))
        if family and reading.second and _letter_beside(chain, family):
            reading = _instance_or_name(reading, family)  # U_2 = ¼ k x²: k beside U_2 (13 F2)
        elif family and reading.second:  # Then $x_3 = 9$: a claim about x_k (round 12a F2)
            reading = replace(reading, why=reading.why.replace(
                f"{family[2]} is already defined in this section",
                f"{family[2]} is an instance of {family[0]}, defined at line {family[1]} in this "
                "section", 1))
        reading = _derived_again(reading, chain, block.lead, functions, own)
        if chain.is_chain:  # disowned, asked, to solve: no claim, and no definition either
            reading = withheld_reading(reading, not_given(
                block, chain.line, words_after(lines, block), line_after(lines, block), lines,
                giving=reading.role in (Role.DEFINITION, Role.EXAMPLE)))
        reading = restated(reading, chain, block.lead, formulas, own)
        if reading.role is Role.DEFINITION and reading.name and len(chain.elements) >= 2:
            written = {"".join(chain.elements[1].split())}
            formulas[reading.name] = (formulas.get(reading.name, (set(),))[0] | written,
                                      chain.line, own)
        aside = _aside_of(asides, block.start) if (
            reading.role is Role.DEFINITION and reading.second) else None
        kept = aside is not None and aside[2]  # "from now on" in the footnote or its sentence
        if aside is not None and not kept:  # the rest of its line may read either (round 24)
            reading = replace(reading, disputed=True, why=(
                f"{reading.why}; given inside a footnote: after it, on the rest of its line, "
                "the earlier formula may be meant as well, and both readings are checked"))
        elif aside is not None and kept == "sentence" and not reading.disputed:
            # "From now on we keep the square.^[Another common choice is $f(x) = x^3$.]": the
            # words that keep a meaning are the sentence's, and the footnote's formula may be
            # the meaning kept or an aside beside it — both readings from here on (round 27)
            reading = replace(reading, disputed=True, why=(
                f"{reading.why}; given inside a footnote of a sentence that keeps a meaning "
                "from here on ('from now on' …): the footnote's formula may be that meaning or "
                "an aside beside it, and both readings are checked"))
        if (reading.role is Role.DEFINITION and reading.second and not reading.disputed
                and not kept and not _PERSISTING.search(block.lead + " " + trailing)
                and (case := _case_named(full, starts, lines, sections, chain.line, block))[0]):
            # "In the cubic case, let $f(x) = x^3$ instead." then "Back to the square: $f(-3) =
            # f(3)$": past the case the earlier formula may be meant again (round 31a F26)
            reading = replace(reading, disputed=True, why=(
                f"{reading.why}; given in a case the note names in words ('{case[0]}', line "
                f"{case[1]}): after it the earlier formula may be meant again, and both readings "
                "are checked"))
        if not kept and (reading.role is Role.EXAMPLE or (
                reading.role is Role.DEFINITION and reading.second
                and not _PERSISTING.search(block.lead + " " + trailing))):
            end = min(end, blocks.get(chain.line, end))  # (a new meaning too: round 21 F16)
        if reading.role is Role.CONDITION and reading.why.startswith("the prose assumes"):
            # "Assume that the equation $y = 2z$ holds": a later y = … is a claim under it,
            # and "Then $x = 2$" after x^2 = 4 is no example value
            for letter in re.findall(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])", chain.latex):
                names.setdefault(letter, (Role.CONDITION, chain.line))
        if reading.role in (Role.DEFINITION, Role.EXAMPLE) and reading.name:
            names[reading.name] = (reading.role, chain.line)
            if reading.arguments is None and (
                    family_of := family_stem(reading.name, chain.elements[1])):  # x_k = 2^k
                written = lines[chain.line - 1] if 0 < chain.line <= len(lines) else ""
                if not called_constant(_section_prose(lines, sections, chain.line), family_of[1]) \
                        and not unread_index_domain(written):
                    # "Here $k$ is the spring constant": U_k is a name, no family (round 13 F2)
                    index_range = index_bounds(written, family_of[1])
                    families.setdefault(own, {})[family_of[0]] = (
                        reading.name, chain.line, index_range)
            arguments = reading.arguments
            if arguments is not None and is_parameter_list(arguments) and not reading.point:
                if is_label(chain.elements[1], arguments):
                    section_labels.add(reading.name)
                else:  # a formula in its parameter: no longer a label from here on
                    section_labels.discard(reading.name)
                parameterised.setdefault(own, set()).add(reading.name)
                functions.setdefault(reading.name, (" ".join(arguments.split()), chain.line, own))
        located.append(Located(block, chain, end, reading, order=len(located),
                               index_range=index_range))
    # Now let $x$ be negative (15 F30)
    return _left_with_their_asides(left_examples(_tables_of_cases(located), lines), asides)


def _asides(text: str) -> list[tuple[int, int, bool]]:
    """(offset of the command, of its closing bracket, whether the footnote ("own") or only the
    sentence around it ("sentence") keeps its meanings: *from now on* …, else "") of each
    inline footnote of ``text``."""
    found = []
    for opened, closed in aside_offsets(text):
        start = max(0, opened - 2000)  # (a sentence is shorter: linear in the note)
        before = unabbreviated(text[start:opened])
        ends = [match.end() for match in re.finditer(r"[.!?。]\s|\n\s*\n", before)]
        after = unabbreviated(text[closed + 1:closed + 400])
        stop = re.search(r"[.!?。](?:\s|$)|\n\s*\n", after)
        sentence = (before[ends[-1] if ends else 0:] + text[opened:closed + 1]
                    + after[:stop.start() if stop else len(after)])
        own = _PERSISTING.search(text[opened:closed + 1])
        found.append((opened, closed, "own" if own else "sentence" if _PERSISTING.search(
            sentence) else ""))
    return found


def _aside_of(asides: list[tuple[int, int, str]], offset: int) -> tuple | None:
    """The innermost inline footnote holding ``offset``, or None."""
    holding = [aside for aside in asides if aside[0] < offset < aside[1]] if offset >= 0 else []
    return min(holding, key=lambda aside: aside[1] - aside[0]) if holding else None


def _left_with_their_asides(located: list[Located], asides: list[tuple]) -> list[Located]:
    """An example value given inside an inline footnote (``^[…]``, ``\\footnote{…}``) ends where
    the footnote closes: a formula after it on the same line reads the value in force before
    (round 22 F10), unless *from now on* … keeps it."""
    if not asides:
        return located
    result = list(located)
    for position, item in enumerate(result):
        if item.reading.role is not Role.EXAMPLE:
            continue
        aside = _aside_of(asides, item.block.start)
        if aside is None or aside[2]:
            continue
        closing = aside[1]
        after = next((later for later in result[position + 1:]
                      if later.block.start > closing), None)
        if after is None or after.chain.line > item.section_end:
            continue
        last_inside = after.order - 1  # (in force up to this reading order on its last line)
        ends_before = last_inside if item.ends_before < 0 else min(item.ends_before, last_inside)
        result[position] = replace(item, section_end=after.chain.line, ends_before=ends_before)
    return result


def _updated_example(chain: Chain, names: dict) -> str:
    """The name of ``w = w - \\eta g`` when ``w`` has an example value in the section: the first
    step of the chain moves that value (an update written with '='), or ''."""
    if len(chain.elements) < 2 or chain.relations[0] != "=":
        return ""
    name = " ".join(chain.elements[0].split())
    known = names.get(name)
    if known is None or known[0] is not Role.EXAMPLE or not is_bare_name(name):
        return ""
    second = chain.elements[1]
    if re.search(rf"(?<![A-Za-z\\]){re.escape(name)}\s*\(", second):
        return ""  # x = x(a, b): x as a function of a and b, no update
    return name if mentions(second, name) and "".join(second.split()) != "".join(
        name.split()) else ""


def _case_named(full: str, starts: list, lines: Sequence[str], sections, line: int,
                block) -> tuple[str, int]:
    """The words naming a case by a word around a claim on ``line`` and the line where that
    case begins (roles.case_in_words), or ("", 0): in its paragraph (and the lead-in before a
    display or list) or a heading of a section holding it (``## The cubic case``, ``###`` below
    ``## Case 2: the cubic map``, ``\\subsection{The cubic case}``)."""
    if block.start < 0:
        return case_in_words(block.lead)[0], line
    paragraph, first = _paragraph_before(full, block.start)
    words, at = case_in_words(paragraph)
    if words:
        return words, bisect.bisect_right(starts, first + at)
    after = re.split(r"[.!?;。](?=\s|$)|\n[ \t]*\n", full[block.end:block.end + 400])[0]
    if after.strip() and (words := case_in_words(re.sub(r"\$[^$]*\$", " ", after))[0]):
        return words, line  # "… holds as well in the matrix setting." (round 32a F14)
    own = re.split(r"[.!?;。](?=\s|$)", re.sub(r"\$[^$]*\$", " ", paragraph))[-1]
    if GENERAL_WORDS.search(own):  # "The general identity is" under "## The cubic case"
        return "", 0
    for heading in sections.enclosing(line):
        if 0 < heading <= len(lines) and heading < line:
            words, _ = case_in_words(_heading_title(lines[heading - 1]))
            if words:
                return words, heading
    return "", 0


def _heading_title(heading: str) -> str:
    """A heading line's own words: ``## The cubic case`` and ``\\subsection*{The cubic case}``
    give ``The cubic case``."""
    latex = re.match(r"\s*\\[a-z]+\*?\s*(?:\[[^\]]*\]\s*)?\{((?:[^{}]|\{[^{}]*\})*)\}", heading)
    title = latex.group(1) if latex else re.sub(r"^\s*#+\s*|\s*#+\s*$", "", heading)
    title = re.sub(r"\{#[^}]*\}|\\label\{[^}]*\}", "", title)  # {#sec:cubic}, \label{…}
    title = re.sub(r"^\s*(?:\d+\.)*\d+\.?\s+", "", title)  # "2.1 The cubic case"
    return re.sub(r"\s[—–-]+\s", ": ", title)  # "Case B — the cubic map"


def _paragraph_before(text: str, offset: int) -> tuple[str, int]:
    """The text of the paragraph holding ``offset``, up to it, and the offset where it starts;
    a display or a list item opening its paragraph reads the paragraph before it too (its
    lead-in: *In the cubic case the computation is different:*, *two variants:*; round 29)."""
    start = max(0, offset - 3000)
    breaks = [start] + [start + found.end()
                        for found in re.finditer(r"\n[ \t]*\n", text[start:offset])]
    opens = r"\s*(?:\$\$|\\\[|\\begin|\\item|\||[-*+]\s|\d+[.)]\s|$)"  # a display, an item, a row
    at = len(breaks) - 1
    # back over the displays and items after the lead-in (its second display: round 30 F18;
    # the 7th item, \item, a table's rows: round 31a F11-F13)
    while at > 0 and len(breaks) - at <= 40 and re.match(opens, text[breaks[at]:offset]):
        at -= 1
    first = breaks[at]
    return text[first:offset], first


def _examples_in_force(located: Sequence[Located], line: int) -> list[tuple[str, int]]:
    """(letter, line) of the example values read so far that are still in force at ``line``."""
    return [(item.reading.name, item.chain.line) for item in located
            if item.reading.role is Role.EXAMPLE and not item.reading.point
            and item.reading.name and item.section_end >= line]


def _section_prose(lines: Sequence[str], sections, line: int) -> str:
    """The prose in force at ``line`` and the rest of its section (``U_k = …, where $k$ is the
    spring constant`` says it after the formula)."""
    after = lines[line : min(sections.end_of(line), len(lines))] if lines else []
    return sections.text_at(list(lines), line) + "\n" + "\n".join(after)


def _letter_beside(chain: Chain, family: tuple) -> bool:
    """Whether the chain writes the index letter of the family ``family[0]`` on its own beside
    the instance (``U_2 = \\frac14 k x^2`` after ``U_k = …``) and not its own name ``U_k``."""
    letter = family_letter(family[0])
    return bool(letter) and any(letter_free(element, letter) for element in chain.elements) and (
        not any(family_written(element, family[0]) for element in chain.elements))


def _instance_or_name(reading: Reading, family: tuple) -> Reading:
    """The reading of ``U_2 = \\frac14 k x^2`` after ``U_k = \\frac12 k x^2``: as the instance
    at k = 2 the formula would give k two values at once, so it is a new definition of U_2 or a
    claim about U_k — both readings are checked (a redefinition the words announce stays one)."""
    if reading.role is Role.DEFINITION and not reading.disputed:
        return reading
    letter = family_letter(family[0])
    return Reading(Role.DEFINITION, reading.name, reading.arguments, (
        f"{family[2]} may be {family[0]} (line {family[1]}) at one value of {letter}, but "
        f"{letter} also stands on its own in this formula, where it would then have two values "
        f"at once: a new definition of {family[2]} or a claim about {family[0]}; both readings "
        "are checked"), disputed=True, second=True)


def _family_of_instance(chain: Chain, names: dict, families: dict) -> tuple | None:
    """(``x_k``, its line, ``x_3``) when the chain's first element is an instance ``x_3`` of a
    family ``x_k = 2^k`` defined in its section and not defined itself (round 12a F2)."""
    if len(chain.elements) < 2 or chain.relations[0] != "=":
        return None
    head = definition_head(chain.elements[0])
    if head is None or head[1] is not None or head[0] in names:
        return None
    instance = instance_of(head[0])
    if instance is None and (shifted := shifted_head(head[0])) is not None:
        # b_{n+1} = … after b_n = n^2: a claim about the family (round 15 F10)
        found = families.get(shifted[0])
        if found and family_letter(found[0]) == shifted[1]:
            return found[0], found[1], head[0]
        return None
    found = families.get(instance[0]) if instance else None
    if not found:
        return None
    low, high = found[2]  # a_0 = 0 after a_n = 1/n for n ≥ 1: a value of its own
    if (low is not None and instance[1] < low) or (high is not None and instance[1] > high):
        return None
    return found[0], found[1], head[0]


def _rest_of_line(lines: Sequence[str], block: MathBlock, wrapped: bool = True) -> str | None:
    """The rest of an inline formula's line after it (formulas kept), and of its sentence on
    the next lines when the paragraph is hard-wrapped (notes.wrapped_lines, round 18 F11;
    ``wrapped``); None for a display or a formula not found on its line."""
    if block.kind != "inline" or not 0 < block.line <= len(lines):
        return None
    text = lines[block.line - 1]
    position = text.find("$" + block.latex + "$")
    if position < 0:
        return None
    rest = text[position + len(block.latex) + 2 :]
    return wrapped_after(rest, list(lines[block.line : block.line + 2])) if wrapped else rest


def words_after(lines: Sequence[str], block: MathBlock) -> str:
    """The rest of an inline formula's line after it, up to the next formula; '' for a
    display."""
    rest = _rest_of_line(lines, block)
    return "" if rest is None else rest.split("$", 1)[0]


def text_after(lines: Sequence[str], block: MathBlock, limit: int = 400) -> str:
    """The text after a formula to the end of its paragraph (at most ``limit`` characters,
    formulas kept): the rest of an inline formula's line, or of a display's closing line, and
    the paragraph's next lines."""
    if not 0 < block.line <= len(lines):
        return ""
    if block.kind == "inline":
        rest, end = _rest_of_line(lines, block, wrapped=False), block.line - 1
        if rest is None:
            return ""
    elif block.kind == "display":
        end = block.line - 1
        while end < len(lines) and end < block.line + 200:
            closes = lines[end].count("$$") + lines[end].count("\\]")
            if closes >= (2 if end == block.line - 1 else 1):
                break
            end += 1
        if end >= len(lines):
            return ""
        rest = re.split(r"\$\$|\\\]", lines[end])[-1]
    else:
        return ""
    pieces = [rest]
    for following in lines[end + 1 :]:
        if not following.strip() or sum(map(len, pieces)) > limit:
            break
        pieces.append(following)
    return " ".join(" ".join(pieces).split())[:limit]


def line_after(lines: Sequence[str], block: MathBlock) -> str:
    """The rest of an inline formula's line after it, later formulas kept as ``$…$`` ("Is
    $F$ true for every $x$?" → " true for every $…$?"); '' for a display."""
    rest = _rest_of_line(lines, block)
    return "" if rest is None else re.sub(r"\$[^$]*\$", "$…$", rest)


def trailing_words(lines: Sequence[str], block: MathBlock) -> str:
    """The words after an inline formula up to the end of its sentence or the next formula
    ("$x \\cdot x = 3x$ holds for every $x$" → " holds for every "); '' for a display."""
    return re.split(r"[.;!?。]", words_after(lines, block), maxsplit=1)[0]


def _tables_of_cases(located: list[Located]) -> list[Located]:
    """A display block whose rows define the same letter again and again (``f(x) = 1/x →
    df/dx = …`` then ``f_c(x) = c + x → df/dx = …``) is a table of cases: each row's
    definitions hold on that row only, and a repeated one is a new case, not a claim."""
    by_block: dict[int, list[int]] = {}
    for position, item in enumerate(located):
        casting = item.reading.role in (Role.DEFINITION, Role.EXAMPLE, Role.CLAIM)
        if item.reading.name and casting and not item.reading.disowned and not item.reading.asked:
            # (a formula the note disowns or asks about is no case of a table)
            by_block.setdefault(id(item.block), []).append(position)
    for positions in by_block.values():
        letters = [_letter(located[p].reading.name) for p in positions]
        if len(positions) < 2 or len(set(letters)) == len(letters):
            continue
        block = located[positions[0]].block
        last = max(item.chain.line for item in located if item.block is block)
        for number, position in enumerate(positions):
            item = located[position]
            reading = item.reading
            if reading.role is Role.CLAIM or reading.disputed:  # a case, neither claim nor dispute
                reading = Reading(Role.DEFINITION, reading.name, reading.arguments,
                                  "a case in a table of definitions")  # fmt: skip
            following = [located[p].chain.line for p in positions[number + 1 :]
                         if located[p].chain.line > item.chain.line]  # fmt: skip
            row_end = following[0] - 1 if following else last
            located[position] = replace(item, reading=reading, row_local=True, row_end=row_end)
    return located


def _letter(name: str) -> str:
    """``f`` of ``f_c``, ``f``; ``\\sigma`` of ``\\sigma``."""
    return name.split("_", 1)[0]


def _derived_again(
    reading: Reading, chain: Chain, lead: str, functions: dict, section: int
) -> Reading:
    r"""``l(\mathbf{y}, \hat{\mathbf{y}}) = …`` in a later section, with the same parameters as
    the function ``l`` defined in an earlier one, after words of derivation (*plugging … into
    the definition of the loss … we obtain*, 얻습니다): the note derives a formula for that
    function, a claim — not a new definition (checked against the earlier definition when it
    holds here — a sub-section — and unread when it is out of scope). ``section``: the first
    line of the chain's own section."""
    if reading.role is not Role.DEFINITION or reading.arguments is None or not reading.name:
        return reading
    earlier = functions.get(reading.name)
    arguments = " ".join(reading.arguments.split())
    if earlier is None or earlier[2] == section or earlier[0] != arguments:
        return reading
    words = re.sub(r"\$[^$]*\$", " ", lead or "")
    if not DERIVING.search(words) or NEW_EXAMPLE.search(words):
        return reading  # "Suppose that we have a function …": a new example, a new f
    return Reading(Role.CLAIM, reading.name, reading.arguments,
                   f"{reading.name} is defined at line {earlier[1]} and derived again here "
                   "(the prose says so): a claim, not a new definition")


def _stem(name: str | None) -> str:
    """The letter a name is written with (``a_{n+1}`` → a, ``F_n`` → F, ``y`` → y,
    ``\\theta_k`` → \\theta)."""
    found = re.match(r"\s*(\\?[A-Za-z]+)", name or "")
    return found.group(1) if found else ""


# a name written with its derivative: y', \dot y, \frac{dy}{dt}, \frac{d y}{d t}
DERIVED_NAME = re.compile(
    r"(?<![A-Za-z\\])([A-Za-z])\s*(?:'|\^\s*\{?\s*\\prime)|\\dot\s*\{?\s*([A-Za-z])"
    r"|\\frac\s*\{\s*(?:d|\\partial)\s*([A-Za-z])\s*\}")


# words that derive the formula after them ("Unrolling, we find", "By induction,", "The
# solution … is", 따라서): a closed form of a name the note constrained before is derived
CLOSED_FORM_WORDS = re.compile(
    r"\b(?:then|so(?!\s+that)|thus|hence|therefore|we\s+(?:obtain|get|arrive\s+at|find|see|"
    r"conclude|deduce|have)|unroll\w*|induct\w*|solv\w*|solutions?|integrat\w*|it\s+follows|"
    r"one\s+(?:can\s+)?(?:shows?|checks?|verif\w*)|closed[\s-]+form|gives?|yields?|explicitly)\b"
    r"|따라서|그러므로|풀면|해는|얻", re.I)


def _sentence_before(lead: str) -> str:
    """The words of the formula's own sentence before it, formulas blanked."""
    return re.split(r"(?<=[.!?。])\s+", re.sub(r"\$[^$]*\$", " ", lead or ""))[-1]


def _record_constraints(constraints: dict, chain: Chain, reading: Reading, names) -> None:
    """Record the names ``chain`` constrains without defining them: a recurrence not in force
    (by its stem), a property (``f(x + 1) = f(x)``), an equation between a name not defined and
    its derivative (``y' = y``, ``\\dot x = -kx``)."""
    if reading.not_in_force:
        constraints.setdefault(_stem(reading.name), (chain.line, "a recurrence"))
    elif reading.role is Role.CONDITION and reading.why == PROPERTY and reading.name:
        constraints.setdefault(reading.name, (chain.line, "a property"))
    if reading.role is not Role.DEFINITION and "=" in chain.relations:
        for found in DERIVED_NAME.finditer(chain.latex):
            letter = next(group for group in found.groups() if group)
            bare = re.sub(r"\\frac\s*\{[^{}]*\}\s*\{[^{}]*\}|\\dot\s*\{?\s*[A-Za-z]|[A-Za-z]\s*'",
                          " ", chain.latex)
            if letter not in names and re.search(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", bare):
                constraints.setdefault(letter, (chain.line, "an equation with its derivative"))


def _shifted_stem(name: str | None, names: dict) -> bool:
    """Whether ``name`` is an instance ``b_3`` of a stem defined at a shifted index in the
    section (``b_{n+1} = n^2``)."""
    instance = instance_of(name or "")
    return instance is not None and any(
        (shifted := shifted_head(defined)) is not None and shifted[0] == instance[0]
        for defined in names)


def _redefinable(names: dict[str, tuple[Role, int]], chain: Chain,
                 concluded: bool = False) -> set[str]:
    """Names whose new ``=`` is a claim: every defined name, except that a new example value
    replaces an earlier example value (``x = 1`` … later ``x = 2``) — unless the words conclude
    it (*Let $p = 2$. Then $p = 3$*: what follows from the value in force, a claim, round 17
    F1)."""

    if len(chain.elements) >= 2 and is_value(chain.elements[1]) and not concluded:
        return {name for name, (role, _) in names.items() if role is not Role.EXAMPLE}
    return set(names)


def build_context(
    located: Sequence[Located], directives: Directives, source: str,
    math_blocks: Sequence[str] = (),
) -> FileContext:
    function_names = set(directives.latex_context().functions)
    for item in located:
        head = definition_head(item.chain.elements[0]) if item.chain.elements else None
        if head and head[0] == "e" and head[1] is not None:  # e(x) = -x, defining or not: the
            function_names.add("e")  # function e, never Euler's number times x (round 16 F15)
        if item.reading.point:  # P(A) = 0.3: P is a function (c(x) is not c times x)
            head = definition_head(item.chain.elements[0])
            if head and not head[0].startswith("\\"):
                function_names.add(head[0].replace("{", "").replace("}", ""))
        if item.reading.role is Role.DEFINITION and item.reading.arguments is not None:
            head = definition_head(item.chain.elements[0])
            if head and not head[0].startswith("\\"):
                function_names.add(head[0].replace("{", "").replace("}", ""))
            elif head and head[0].strip()[1:] in GREEK:  # \zeta(s) = 2s: ζ is a function (H3)
                function_names.add(head[0].strip()[1:])
            word = re.fullmatch(r"\\(?:text|textrm|mathrm|operatorname)\s*\{([A-Za-z]{2,})\}",
                                head[0].strip()) if head else None  # fmt: skip
            if word:  # \textrm{RealSoftMax}(a, b) = …: a word the note defines as a function
                function_names.add(word.group(1))
    base = directives.latex_context()
    latex = LatexContext(
        shapes=base.shapes, functions=frozenset(function_names), scalars=base.scalars,
        iterations=iteration_labels([item.chain.latex for item in located]),  # round 44 T09
        iterated=iterated_names([item.chain.latex for item in located]),
        d_marks_names=bool(math_blocks) and d_marks_names(math_blocks),  # dZ_2 (round 44 V03)
        lone_increments=lone_signs(math_blocks),  # (\delta + r) h: δh is δ·h (round 58 AW01)
        increments_defined=defined_increments(math_blocks),  # but \Delta t = t_2 - t_1 a name
    )
    context = FileContext(latex=latex)
    for line, message in directives.errors:
        context.problems.append(f"line {line}: directive not understood: {message}")
    _read_assumptions(directives, context, source)
    lines: list[int] = []  # the line of each given kept, in order
    for given in directives.givens:
        try:
            lhs = parse(given.lhs, latex, source, given.line)
            rhs = parse(given.rhs, latex, source, given.line)
        except ParseError as problem:
            context.problems.append(f"line {given.line}: given not understood: {problem.message}")
            continue
        try:
            evaluated = sp.Eq(lhs, rhs)
        except Exception:  # noqa: BLE001 - shapes SymPy cannot compare: kept unevaluated
            evaluated = None
        if evaluated is sp.false:
            context.problems.append(
                f"line {given.line}: given {given.lhs} = {given.rhs} is false: not used")
            continue
        if evaluated is sp.true:
            continue  # says nothing
        clash = _contradicts_domain(lhs, rhs, context.domains) or _false_in_domain(
            lhs, rhs, context.domains)
        if clash:
            context.problems.append(
                f"line {given.line}: given {given.lhs} = {given.rhs} contradicts {clash}: not used")
            continue
        context.givens.append(sp.Eq(lhs, rhs, evaluate=False))
        lines.append(given.line)
    _contradicting_givens(context, lines, source)
    values: dict = {}  # (section end, left side as written) -> (line, right side)
    math = " ".join(item.chain.latex for item in located)[:400_000]
    for item in located:
        if item.reading.not_in_force:
            continue  # y^{(3)} = 6y after y = e^{2x}, a recurrence: unread (derivative_names)
        if item.reading.role in (Role.DEFINITION, Role.EXAMPLE):
            _add_definition(item, context, source)
            _add_chained_definitions(item, context, source)
            _contradicting_values(item, values, context)
        elif item.reading.role is Role.CONDITION:
            _add_condition(item, context, source, math)
        elif item.reading.second:  # D(x^2 y) = x^2 then D(x^2 y) = 2xy: said, never silent
            _contradicting_values(item, values, context)
    return context


def _contradicting_values(item: Located, values: dict, context: FileContext) -> None:
    """``D(x^2 y) = x^2`` then ``D(x^2 y) = 2 x y`` in one section, each read as a new
    definition (so neither is checked): say so, rather than pass in silence."""
    arguments = item.reading.arguments
    if arguments is None or is_parameter_list(arguments) or len(item.chain.elements) < 2:
        return
    written = " ".join(item.chain.elements[0].split())
    right = " ".join(item.chain.elements[1].split())
    earlier = values.get((item.section_end, written))
    if earlier is not None and earlier[1] != right:
        context.problems.append(
            f"line {item.chain.line}: {written} is given two different values in one section "
            f"({earlier[1]} at line {earlier[0]}, {right} here), each read as a new "
            "definition: neither is checked")
    values[(item.section_end, written)] = (item.chain.line, right)


DOMAIN_TESTS = {
    "size": lambda v: v.is_integer and v.is_positive, "positive": lambda v: v.is_positive,
    "negative": lambda v: v.is_negative, "nonnegative": lambda v: v.is_nonnegative,
    "nonzero": lambda v: v.is_nonzero, "integer": lambda v: v.is_integer,
    "index": lambda v: v.is_integer, "probability": lambda v: 0 < v < 1,
}  # fmt: skip


def _contradicts_domain(lhs, rhs, domains: dict) -> str:
    """``given n = 0`` with ``assume n size``: the declared domain it contradicts, or ""."""
    if not (isinstance(lhs, sp.Symbol) and rhs.is_number and rhs.is_real):
        return ""
    for symbol, domain in domains.items():
        if getattr(symbol, "name", None) == lhs.name and domain.kind in DOMAIN_TESTS:
            if not DOMAIN_TESTS[domain.kind](rhs):
                return f"the declared domain of {lhs.name} ({domain.kind})"
    return ""


ASSUMED = {  # the SymPy assumptions a declared domain gives a symbol (all are real)
    "size": {"integer": True, "positive": True}, "positive": {"positive": True},
    "negative": {"negative": True}, "nonnegative": {"nonnegative": True},
    "nonzero": {"nonzero": True}, "integer": {"integer": True}, "index": {"integer": True},
    "probability": {"positive": True},
}  # fmt: skip
GIVEN_SECONDS = 1.0  # deciding whether givens contradict each other


def _as_checked(expressions, domains: dict) -> dict:
    """Each plain symbol of ``expressions`` → the symbol the checker uses for it: real (the
    project's default domain), with the assumptions of its declared domain."""
    declared = {getattr(s, "name", None): d for s, d in domains.items() if isinstance(s, sp.Symbol)}
    mapping = {}
    for expression in expressions:
        for symbol in expression.free_symbols:
            if not isinstance(symbol, sp.Symbol) or symbol.is_real is not None:
                continue
            domain = declared.get(symbol.name)
            if domain is not None and domain.kind not in ("real", *ASSUMED):
                continue  # random, matrix, simplex …: not a real number to test
            extra = ASSUMED.get(domain.kind, {}) if domain is not None else {}
            mapping[symbol] = sp.Symbol(symbol.name, real=True, **extra)
    return mapping


def _false_in_domain(lhs, rhs, domains: dict) -> str:
    """``given t^2 = -1``: false for every real t (or for every value of its declared domain),
    as the checker reads its symbols — the domain it contradicts, or ""."""
    mapping = _as_checked((lhs, rhs), domains)
    if not mapping:
        return ""
    try:
        evaluated = sp.Eq(lhs.xreplace(mapping), rhs.xreplace(mapping))
    except Exception:  # noqa: BLE001 - shapes SymPy cannot compare: not decided here
        return ""
    if evaluated is not sp.false:
        return ""
    declared = {getattr(s, "name", None): d.kind for s, d in domains.items()}
    names = ", ".join(
        f"{symbol.name} {declared.get(symbol.name, 'real')}"
        for symbol in sorted(mapping, key=lambda symbol: symbol.name)
    )
    return f"the domain of its symbols ({names}): no value satisfies it"


def _contradicting_givens(context: FileContext, lines: list[int], source: str) -> None:
    """Givens that no values satisfy together (``given u = v + 1; given v = u + 1``: 0 = 2)
    are reported and not used; givens about other symbols stay. Decided for each group of
    givens sharing symbols, only when they are polynomial, by a Gröbner basis equal to {1} (no
    common solution even over the complex numbers): a proof, not a guess."""
    differences = [sp.expand(given.lhs - given.rhs) for given in context.givens]
    groups: list[set[int]] = []
    for position, difference in enumerate(differences):
        joined = {position}
        for group in [g for g in groups if any(
            differences[k].free_symbols & difference.free_symbols for k in g
        )]:  # fmt: skip
            joined |= group
            groups.remove(group)
        groups.append(joined)
    dropped: set[int] = set()
    for group in groups:
        members = [differences[k] for k in sorted(group)]
        symbols = sorted(set().union(*(d.free_symbols for d in members)), key=sp.default_sort_key)
        if len(members) < 2 or not symbols or not all(
            isinstance(s, sp.Symbol) for s in symbols
        ) or not all(d.is_polynomial(*symbols) for d in members):
            continue
        try:
            with time_limit(GIVEN_SECONDS, source=source, what="comparing the givens"):
                basis = sp.groebner(members, *symbols)
        except Exception:  # noqa: BLE001 - not decided in time: the givens stay as written
            continue
        if list(basis.exprs) == [1]:
            where = ", ".join(str(line) for line in sorted({lines[k] for k in group}))
            context.problems.append(
                f"line {where}: the givens about {', '.join(map(str, symbols))} contradict each "
                "other (no values satisfy them all): not used")
            dropped |= group
            context.contradictory.append((frozenset(map(str, symbols)), where))
    if dropped:
        context.givens[:] = [g for k, g in enumerate(context.givens) if k not in dropped]


def _read_assumptions(directives: Directives, context: FileContext, source: str) -> None:
    latex = context.latex
    for assumption in directives.assumptions:
        if assumption.kind in ("simplex", "onehot"):
            size = assumption.shape[0] if assumption.shape else 0
            for name in assumption.names:
                entries = [sp.Symbol(f"{name}_{k}") for k in range(1, size + 1)]
                if assumption.kind == "simplex":
                    context.simplex.add(name)
                    for entry in (*entries, sp.IndexedBase(name)):
                        context.domains[entry] = Domain("simplex", group=name)
                else:
                    context.onehot.append((name, size))
                context.readings[name] = f"{assumption.kind} vector of {size} entries (directive)"
                context.directive_kinds[name] = assumption.kind
            continue
        if assumption.kind in ("function", "scalar"):
            for name in assumption.names:
                context.readings[name] = f"{assumption.kind} (directive)"
                context.directive_kinds[name] = assumption.kind
            continue
        symbols = []
        for name in assumption.names:
            try:
                symbol = parse(name, latex, source, 1)
            except ParseError as problem:
                context.problems.append(f"directive name {name!r}: {problem.message}")
                continue
            if not isinstance(symbol, (sp.Symbol, sp.MatrixSymbol)):
                context.problems.append(f"directive name {name!r} is not a name")
                continue
            symbols.append(symbol)
            context.readings[name] = f"{assumption.kind} (directive)"
            context.directive_kinds[name] = assumption.kind
        if assumption.kind == "independent":
            context.independent.append(tuple(symbols))
            for symbol in symbols:
                context.domains.setdefault(symbol, Domain("random"))
        elif assumption.kind in ("matrix", "vector"):
            for symbol in symbols:
                context.domains[symbol] = Domain("matrix")
        else:
            for symbol in symbols:
                context.domains[symbol] = Domain(assumption.kind)
                context.assumed_at[symbol] = assumption.line
                if isinstance(symbol, sp.Symbol):
                    context.domains.setdefault(sp.IndexedBase(symbol.name), Domain(assumption.kind))


def formula_definition(item: Located, context: FileContext, source: str) -> Definition | None:
    """The definition ``name = …`` of the item's first step would make (also for a second
    formula read as a claim, to compare it with the first), or None if it defines nothing."""
    chain = item.chain
    latex = context.latex
    if item.reading.name == "e":  # e = y - wx: the letter is the note's name (roles)
        latex = replace(latex, defined=latex.defined | {"e"})
    try:
        lhs = parse(chain.elements[0], latex, source, chain.line)
        rhs, domain = parse_latex_side(chain.elements[1], context=context.latex, source=source,
                                       line=chain.line)
    except ParseError:
        return None
    written = rhs
    lhs, rhs = normalise_indices([lhs, rhs], context)
    if rhs != written:
        domain = ()  # indices read otherwise: the conditions speak of the written names
    key, value = definition_entry(lhs, rhs, item.reading.arguments)
    if key is not None and key[0] == "function" and value[1] != rhs:
        domain = ()  # f(x + ε) = …: the parameters are renamed, the conditions are not
    if item.reading.point:  # the value at these arguments only (round 8, C2)
        key, value = (("point", lhs), rhs) if key is not None and key[0] == "function" else (
            None, None)
    if key is None or (key[0] == "symbol" and key[1] in getattr(value, "free_symbols", ())):
        return None  # x = x, x = 2x: the name on both sides defines nothing (H3)
    what = "example value" if item.reading.role is Role.EXAMPLE else "defined"
    if item.reading.point:
        what = f"its value at {' '.join(str(item.reading.arguments).split())}"
    note = f"{chain.elements[0]} = {chain.elements[1]} ({what}, line {chain.line})"
    end = max(item.row_end, chain.line) if item.row_local else item.section_end
    units = tuple(unit_terms(chain.elements[1]) or ()) if key[0] == "symbol" else ()
    return Definition(key, value, note, chain.line, end, item.reading.role, item.order,
                      defines_forward(item), item.reading.disputed,
                      item.index_range if key[0] == "symbol" else None, units=units,
                      ends_before=item.ends_before, domain=domain, offset=item.block.start,
                      written=chain.elements[1] if key[0] == "symbol" and not item.reading.point
                      else "")  # fmt: skip


def _add_definition(item: Located, context: FileContext, source: str) -> None:
    definition = formula_definition(item, context, source)
    if definition is None:
        matrix = matrix_definitions.record(item, context.latex, source, defines_forward(item))
        if matrix is not None:
            context.matrix_definitions.append(matrix)
            context.readings.setdefault(matrix.written, f"matrix, defined at line {matrix.start}")
        return
    context.definitions.append(definition)
    chain, key, value, note, end = (
        item.chain, definition.key, definition.value, definition.note, definition.end)
    letter = _letter(key[1]) if key[0] == "function" else ""
    if item.row_local and letter and letter != key[1]:
        # a table of cases (f(x) = 1/x → df/dx, then f_c(x) = c + x → df/dx): on its row the
        # bare letter f is the row's function f_c
        context.definitions.append(Definition(
            ("function", letter), value, f"{note[:-1]}; the row's {letter})", chain.line, end,
            item.reading.role, item.order, offset=item.block.start))  # fmt: skip
    name = item.reading.name or str(key[1])
    kind = "function" if key[0] == "function" else "scalar"
    what = "example value" if item.reading.role is Role.EXAMPLE else "defined"
    earlier = context.readings.get(name, "")
    if earlier.startswith(f"{kind}, "):  # defined again: each definition holds from its line
        context.readings[name] = f"{earlier}; again at line {chain.line}"
    else:
        context.readings.setdefault(name, f"{kind}, {what} at line {chain.line}")


def _add_chained_definitions(item: Located, context: FileContext, source: str) -> None:
    """``u = f(x) = 3x^2 - 4x`` and ``y = f(x) = x^3 - 1/x`` define f as well: a later element
    written as a function of distinct names (``f(x)``) followed by ``=`` defines that function
    (the planner skips that step as a definition too)."""
    chain = item.chain
    for index in range(1, len(chain.elements) - 1):
        if chain.relations[index] != "=":
            break
        head = definition_head(chain.elements[index])
        if head is None or head[1] is None or not is_parameter_list(head[1]):
            break
        try:
            lhs = parse(chain.elements[index], context.latex, source, chain.line)
            rhs = parse(chain.elements[index + 1], context.latex, source, chain.line)
        except ParseError:
            return
        key, value = definition_entry(lhs, rhs, head[1])
        if key is None or key[0] != "function":
            return
        note = (f"{chain.elements[index]} = {chain.elements[index + 1]} "
                f"(defined, line {chain.line})")  # fmt: skip
        end = max(item.row_end, chain.line) if item.row_local else item.section_end
        context.definitions.append(
            Definition(key, value, note, chain.line, end, item.reading.role, item.order,
                       offset=item.block.start))
        context.readings.setdefault(head[0], f"function, defined at line {chain.line}")


def _add_condition(item: Located, context: FileContext, source: str, math: str = "") -> None:
    """``1 \\le i \\le n`` gives i the index domain 1..n; other conditions only show."""
    chain = item.chain
    if item.reading.why == PROPERTY and item.reading.name:
        context.properties.append(
            (item.reading.name, chain.line, item.section_end, " ".join(chain.latex.split())))
        return
    if len(chain.elements) == 3 and all(r in (r"\le", r"\leq", "≤") for r in chain.relations):
        try:
            low, middle, high = (
                parse(element, context.latex, source, chain.line) for element in chain.elements
            )
        except ParseError:
            return
        from symderive.notes.inequalities import summed_over  # (it imports this module)

        if isinstance(middle, sp.Symbol) and low.is_Integer and (
            not high.is_number or summed_over(chain.elements[1].strip(), math)
        ):  # 1 \le i \le n, \sum_{k=0}^{1}; not 0 \le p \le 1 of a weight p, even if a
            # subscript elsewhere (w_p, y_t, L_\lambda) uses the name (round 7, R14)
            index = sp.Symbol(middle.name, integer=True)
            context.domains.setdefault(index, Domain("index", low=low, high=high))
            context.readings.setdefault(
                middle.name, f"index in {low}..{high} (condition at line {chain.line})"
            )


def definition_entry(lhs: sp.Basic, rhs: sp.Basic, arguments: str | None) -> tuple:
    if isinstance(lhs, sp.Symbol) and arguments is None:
        return ("symbol", lhs), rhs
    if isinstance(lhs, sp.core.function.AppliedUndef):
        parameters = lhs.args
        # f(\mathbf{x}) = \sum_i \beta_i x_i: a vector parameter is a name too
        if len(parameters) == 1 and _shifted(parameters[0], rhs):
            # f(x+ε) = g(x+ε) + h(x+ε) for all x, ε: f(x) = g(x) + h(x)
            shift = parameters[0]
            parameter = min(shift.free_symbols, key=lambda symbol: (len(symbol.name), symbol.name))
            return ("function", lhs.func.__name__), ((parameter,), rhs.xreplace({shift: parameter}))
        if not all(isinstance(parameter, (sp.Symbol, sp.MatrixSymbol)) for parameter in parameters):
            return None, None
        return ("function", lhs.func.__name__), (parameters, rhs)
    return None, None


def _shifted(argument: sp.Basic, rhs: sp.Basic) -> bool:
    """A sum of distinct symbols (x + ε) that the right side uses only as that whole argument."""
    if not isinstance(argument, sp.Add) or not all(
        isinstance(term, sp.Symbol) for term in argument.args
    ):
        return False
    rest = rhs.xreplace({argument: sp.Dummy()})
    return not (rest.free_symbols & argument.free_symbols)
