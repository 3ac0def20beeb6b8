r"""Check every equation chain of a set of notes and build a :class:`NotesReport`.

Five named stages, each a function over frozen values:

1. **read** (:func:`read_note`): UTF-8, at most :data:`MAX_FILE_BYTES`, nothing executed;
2. **locate** (:func:`symderive.notes.context.locate`): math blocks → chains, each with its
   section and the role of its first step (claim, definition, example value, condition, update
   rule — :mod:`symderive.notes.roles`);
3. **context** (:func:`symderive.notes.context.build_context`): directives, definitions and
   conditions with the lines where each holds (never backwards, only within its section);
4. **plan** (:func:`symderive.notes.plan.plan_steps`): parse, substitute, differentiate;
5. **check** (:func:`check_files`): every claim step goes to a worker process with a hard budget
   (:func:`symderive.check.budget.run_tasks`); unknown functions on instances, rounded decimals
   to the places written; only claims are refuted, the report shows what each verdict used.

The rules are documented for users in docs/notes.md.
"""

from __future__ import annotations

import re
import time
from fractions import Fraction
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import sympy as sp

from symderive.check.budget import Task, run_tasks
from symderive.errors import ParseError, UsageError
from symderive.grammar.build import time_limit
from symderive.grammar.negation import property_denied
from symderive.grammar.latex import OPAQUE_PROBABILITY, parse_latex_math
from symderive.notes.rounding_rules import interval_text
from symderive.notes.written_domain import outside_written_domain
from symderive.notes.kronecker import READING as KRONECKER_READING
from symderive.grammar.latex import DECORATION, MATRIX_SIZE, reads_as_function
from symderive.grammar.matrices import (
    shape_statements,
    is_symmetric_word,
    note_means_frobenius,
    stated_properties,
)
from symderive.grammar.operators import labelled_functions, names_not_operators
from symderive.grammar.matrix_literals import FACTORIAL_FRACTION, binomial_columns, two_row_column
from symderive.grammar.transpose import lower_t, t_as_number
from symderive.notes.chains import MAX_ROWS, split_chains
from symderive.notes.points import stated_values_used
from symderive.notes.geometric_words import geometric_doubt
from symderive.notes.integration_ranges import integrated_from_zero
from symderive.notes.entry_names import entries_apart
from symderive.notes.onehot import onehot_refutation, onehot_statements, simplex_refutation
from symderive.notes.scope_words import elsewhere_around
from symderive.notes.scoped import declared_at, onehot_at, scalars_at, simplex_at
from symderive.notes.spaced_names import without_spaces
from symderive.notes.word_names import with_word_names
from symderive.notes.energy_names import own_e
from symderive.notes.sections import (
    LATEX_HEADING,
    LATEX_LEVELS,
    Sections,
    as_sections,
    read_sections,
)
from symderive.notes.shadowed import shadowed_in, shadows
from symderive.notes.earlier_sections import earlier_formula_doubt
from symderive.notes.context import (
    FileContext, build_context, locate, parse, section_ends, section_start,
)
from symderive.notes.unicode_math import greek_in, with_greek_commands
from symderive.notes.macro_expansion import expand_macros, expanded_lines
from symderive.notes.macros import redefined_use, redefinitions
from symderive.notes.roles import (
    NORMALISED, Reading, Role, is_number, summed_to_one)
from symderive.notes.directives import SCALAR_DOMAINS, read_directives
from symderive.notes.condition_words import OPENER
from symderive.notes.display_quantifiers import (
    over_all_reals, prose_condition, rebound_letters, without_all_reals,
)
from symderive.notes.domain_clash import clash_at, find_clashes, outside_stated
from symderive.notes.existential import existential_doubt
from symderive.notes.matrix_words import described_matrices
from symderive.notes.operator_words import object_refutation, prose_objects
from symderive.notes.commuting import commuting_doubt, member_refutation, numeric_names
from symderive.notes.member_sets import memberships, unread_members
from symderive.notes.questions import as_asked
from symderive.notes.disowned import as_quoted, called_wrong_notices
from symderive.notes.case_claims import refuted_in_a_case
from symderive.notes.refutation_guard import guarded
from symderive.notes.laws import (
    about_a_law, law_shown, refuted_within_means, stated_law, stated_laws, stated_means,
)
from symderive.expectation import E, Var
from symderive.notes.kinks import at_a_switch
from symderive.notes.delimiters import one_spelling, unwrapped
from symderive.notes.emphasis import without_emphasis
from symderive.notes.extract import (
    FENCE, HTML_COMMENT, MAX_BLOCK, QUOTE_MARKS, TEX_COMMENT, MathBlock, _blank_matches,
    extract_math, math_comments_blanked,
    unsure_branches,
    without_code,
)
from symderive.notes.lists import failing_entry
from symderive.notes.log_base import bases_at, describe, uses_bare_log
from symderive.notes.log_base import statements as log_statements
from symderive.notes.sigmoid_doubt import doubt as sigmoid_doubt
from symderive.notes.stated_conventions import doubt as convention_doubt
from symderive.notes.stated_conventions import statements as convention_statements
from symderive.notes.files import MAX_FILE_BYTES, collect_paths, read_note  # noqa: F401 (public)
from symderive.notes.footnotes import footnote_of, footnoted, inline_footnotes, original_line
from symderive.notes.plan import (
    PLAN_SECONDS,
    PlannedEquation,
    PlannedStep,
    classify_chain,
    index_ambiguity,
    infer_random,
    plan_steps,
    text_before,
)
from symderive.notes.opaque import read_opaque
from symderive.notes.bare_intervals import bare_interval
from symderive.notes.convergence_words import convergence_restriction
from symderive.notes.named_functions import named_functions, named_properties, sigma_shadows
from symderive.notes.applied_names import applied_names
from symderive.notes.prime_labels import prime_label_used, prime_labels
from symderive.notes.described_names import described_doubt, described_names
from symderive.notes.replaced_names import (
    redefined_in_words, replaced_name_used, replaced_names)
from symderive.notes.unread_definitions import unread_definition_used, unread_definitions
from symderive.notes.restricted_definitions import restricted, restricted_symbol_used
from symderive.notes.piecewise_words import find_cases, mark_branches, read_cases, unread_cases_used
from symderive.notes.probability import note_reading, take_over
from symderive.notes.after_display import reaching_back, unread_after, with_after_displays
from symderive.notes.word_definitions import named_letter, named_letters, word_definitions
from symderive.notes.declared import (
    complex_definition, complex_names, imaginary_unit, prose_functions, shape_doubt, with_complex,
)
from symderive.notes.function_words import function_words
from symderive.notes.imaginary import imaginary_words, index_statements, with_imaginary_unit
from symderive.notes.inner_products import inner_product_doubt
from symderive.notes.random_names import called_random, said_random
from symderive.notes.rounded_operands import within_written_rounding
from symderive.notes.assumed_equations import assumed_functions
from symderive.notes.inequalities import (
    condition_read,
    display_symbols,
    displayed_bounds,
    display_used,
    read_conditions,
    unread_bound,
    with_inequalities,
)
from symderive.notes.stated import (
    affirmed_properties,
    lifted_doubt,
    properties_at,
    consequent,
    quantified,
    read_stated,
    sentences_of,
    stated_used,
    unread_property,
)
from symderive.notes.restated import (
    restated_equation,
    restatement,
    settle_disputes,
    with_first_readings,
)
from symderive.notes.relation_spellings import usual_relations
from symderive.notes.report import NoteEquation, NoteFile, NotesReport, NoteStep, SkipReason
from symderive.notes.scale_words import SCALE_WORDS, SIGMA_NAME
from symderive.notes.variants import (
    ALTERNATIVES,
    alternative_round,
    check_context,
    combined,
    simplex_directive,
    stated_vectors,
    variants_of,
)
from symderive.check import certified
from symderive.report import Counterexample, Outcome

MAX_CHAINS_PER_FILE = 400
MAX_FILE_SECONDS = 240.0  # worker time one file may claim (steps × budget); later steps skip
FILE_BUDGET = "file budget reached"
MAX_INSTANCE_SECONDS = 30.0  # main-process time one file may spend building unknown-function
INSTANCE_BUDGET = "instance budget reached"  # instances; later such steps are skipped
MAX_SUGGESTION_OPS = 80  # tidy a suggested derivative only when it is small (bounded time)
BOLD_CAPITAL = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*([A-Z])\s*\}")
TRANSPOSED = re.compile(r"(?<![A-Za-z\\])([A-Z])\s*\^\s*\{?\s*(?:T|\\top|\\intercal)(?![A-Za-z])")


@dataclass(frozen=True)
class NotesOptions:
    budget_seconds: float = 2.0
    jobs: int = 1
    seed: int = 0


@dataclass(frozen=True)
class FilePlan:
    """Stages 2–4 of one file: its chains planned, its context, what was noticed."""

    path: str
    equations: tuple[PlannedEquation, ...]
    context: FileContext
    notices: tuple[str, ...]
    seconds: float
    # (first line, last line, condition) of conditional branches TeX may or may not typeset
    unsure: tuple[tuple[int, int, str], ...] = ()
    moved: tuple = ()  # footnotes read at their reference (symderive.notes.footnotes.Moved)


# -- stages 2-4: locate, context, plan ----------------------------------------------------------
def heading_lines(text: str, markdown: bool) -> Sections:
    """Section headings with their levels (Markdown ``#`` and Setext ``Title`` over
    ``===``/``---``, HTML ``<h1>``…``<h6>``; LaTeX ``\\section``, ``\\subsection``): where
    statements hold is :class:`symderive.notes.sections.Sections`. A ``#`` line inside fenced
    code (a Python comment) is not a heading. One pass over the lines."""
    if not markdown:
        return read_sections(text, [(n, LATEX_LEVELS[m.group("command")])
                                    for n, line in enumerate(text.split("\n"), start=1)
                                    if (m := LATEX_HEADING.match(line))])
    working = _blank_matches(text, FENCE)
    found = []
    previous = ""
    for number, line in enumerate(working.split("\n"), start=1):
        if (hashes := re.match(r"^ {0,3}(#{1,6})(\s|$)", line)) or (
                html := re.match(r"^\s*<h([1-6])[\s>]", line, re.I)):
            found.append((number, len(hashes.group(1)) if hashes else int(html.group(1))))
        elif (
            re.match(r"^ {0,3}(=+|-+)[ \t]*$", line) and previous.strip()
            and not re.match(r"^ {0,3}(#|>|[-*+] |\d+[.)] |\$\$|\\\[)", previous)
            and (not found or found[-1][0] != number - 1)
        ):  # fmt: skip
            found.append((number - 1, 1 if line.strip().startswith("=") else 2))  # Setext
        previous = line
    return read_sections(text, found)


ARRAY_WORD = r"(?:matri(?:x|ces)|vectors?|tensors?|행렬|벡터)"
# one name: a letter with an optional subscript (``a_{1}``, ``a_1``), or such a letter inside
# one command (``\mathbf{W}``); each brace belongs to one construct, so a failing match backs
# off in linear time (an optional ``}`` both after the subscript and after the command made a
# list of 26 names take 2^26 attempts: review round 5, C0)
_LETTER = r"[A-Za-z](?:_(?:\{\w+\}|\w+))?"
_NAME = r"(?:\\[A-Za-z]+\s*\{\s*" + _LETTER + r"\s*\}|" + _LETTER + r")"
ONE_NAME = r"\$\s*(" + _NAME + r"(?:\s*,\s*" + _NAME + r")*)\s*\$"
NAMES = ONE_NAME + r"(?:\s*(?:,|and|과|와)\s*" + ONE_NAME.replace("(", "(?:", 1) + r"){0,12}"
ARRAY_WORD_RE = re.compile(ARRAY_WORD, re.I)
# "matrices $A$ and $B$", "a vector $v$"; "$A$ and $B$ be invertible $n \times n$ matrices"
ARRAY_BEFORE = re.compile(ARRAY_WORD + r"\s+" + NAMES, re.I)
ARRAY_AFTER = re.compile(
    NAMES + r"\s+(?:be|are|is|denote)\s+[^.$\n]{0,40}(?:\$[^$\n]{0,20}\$\s*)?[^.$\n]{0,20}?"
    + ARRAY_WORD, re.I,
)


def prose_arrays(text: str) -> set[str]:
    """Names the prose calls matrices or vectors right beside them (``Let $A$ and $B$ be n × n
    matrices``, ``the matrix $W$``): such a name may not be a commuting scalar, whatever the
    grammar reads."""
    found: set[str] = set()
    for pattern in (ARRAY_BEFORE, ARRAY_AFTER):
        for match in pattern.finditer(text):
            if property_denied(text, match, ARRAY_WORD_RE):
                continue  # "a scalar rather than a matrix", "is not a vector"
            for latex in re.findall(r"\$([^$]*)\$", match.group()):
                if re.fullmatch(ONE_NAME[2:-2].replace("(", "(?:", 1), latex.strip()) is None:
                    continue
                for name in latex.split(","):
                    name = re.sub(r"\\[A-Za-z]+\s*\{|[{}\s]", "", name)
                    # a lower-case name called a vector is usually also a scalar variable in
                    # notes (d2l's x): only capitals, and names called matrices, are kept
                    if name and (name[0].isupper() or re.search(r"matri|행렬", match.group(), re.I)):
                        found.add(name)
    return found


STATED_SIMPLEX = re.compile(
    r"\$\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*\$\s*"
    r"(?:is|are|은|는|이|가)\s+(?:a|an|the)?\s*(?:(?:[^.$\n]|\$[^$\n]{0,10}\$){0,30}?\s)?"
    r"(?:one-hot|원\s*-?\s*핫|probability vector|확률\s*벡터)",
    re.I,
)


# the word before the name: "For a probability vector $p$", "the one-hot vector $\mathbf{y}$"
# (round 11a F26)
STATED_SIMPLEX_BEFORE = re.compile(
    r"(?:one-hot|probability)\s+(?:[a-z-]+\s+){0,2}?vectors?\s+"
    r"\$\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*(?:\\in[^$]*)?\$",
    re.I,
)
SIMPLEX_WORD = re.compile(r"one-hot|원\s*-?\s*핫|probability vector|확률\s*벡터", re.I)


def stated_simplex(text: str) -> tuple[tuple[int, str], ...]:
    """Vectors the prose calls one-hot or probability vectors (``Since $\\mathbf{y}$ is a
    one-hot vector``, ``$\\mathbf{y}$은 … 원핫 벡터``): (line, name) for every sentence saying so
    (where each holds: :func:`symderive.notes.scoped.simplex_at`), except under a negation or
    contrast ("rather than a one-hot vector"), or placed elsewhere or only supposed ("in the
    next chapter", "later", "if … were": scope_words.elsewhere). A step refuted as read that
    holds with exactly these vectors summing to 1 is checked under it."""
    matches = sorted([*STATED_SIMPLEX.finditer(text), *STATED_SIMPLEX_BEFORE.finditer(text)],
                     key=lambda match: match.start())
    return tuple((text.count("\n", 0, match.start()) + 1, match.group(1))
                 for match in matches if not property_denied(text, match, SIMPLEX_WORD)
                 and not elsewhere_around(text, match.start(), match.end()))


# what may stand between a formula and the block continuing it: spaces, a blockquote's marks,
# the punctuation ending the formula's row (round 44 V05)
NOTHING_BETWEEN = re.compile(r"[\s>,.;:]*")
BLANK_LINE = re.compile(r"\n[ \t>]*\n")


def _follows_directly(text: str, before, block) -> bool:
    r"""Whether ``block`` is written right after ``before``: no words between them, and, when
    either is inline, in the same paragraph (no blank line). ``$\eta = 1$`` … a paragraph or a
    section later … ``($< 0.01$)`` is no continuation of it (round 44 V05)."""
    if before.end < 0 or block.start < before.end:
        return False  # where one of them is written is unknown: not joined
    between = text[before.end:block.start]
    if not NOTHING_BETWEEN.fullmatch(between):
        return False
    inline = "inline" in (before.kind, block.kind)
    return not (inline and BLANK_LINE.search(between))


def continue_chains(pairs: list, text: str) -> list:
    """A block that starts with a relation (``$$ = … $$``, a common Markdown style) continues
    the last chain of the block written directly before it (nothing but spaces between, round
    44 V05); one written after words is a fragment, read on its own."""
    merged: list = []
    last = None  # the block read last: the one a continuation must follow directly
    for block, chain in pairs:
        written_after, last = last, block
        if (
            merged and chain.relations and not chain.elements[0].strip()
            and merged[-1][0] is not block and merged[-1][1].elements[-1].strip()
            and _follows_directly(text, written_after, block)
        ):  # fmt: skip
            previous_block, previous = merged[-1]
            merged[-1] = (previous_block, replace(
                previous,
                latex=previous.latex + r" \\ " + chain.latex,
                elements=previous.elements + chain.elements[1:],
                relations=previous.relations + chain.relations,
                condition=", ".join(filter(None, (previous.condition, chain.condition))),
            ))  # fmt: skip
            continue
        merged.append((block, chain))
    return merged


def _matrix_shapes(text: str, base: tuple) -> tuple:
    """Capital letters the note transposes (``X^T``, ``W^\\top``) are matrices; undeclared
    ones get the symbolic square shape size × size (checked at instantiated sizes)."""
    declared = {name for name, _ in base} | set(BOLD_CAPITAL.findall(text))
    found = sorted({match.group(1) for match in TRANSPOSED.finditer(text)} - declared)
    return base + tuple((name, (MATRIX_SIZE, MATRIX_SIZE)) for name in found)


@dataclass
class _Read:
    """Stages 1–2 of one note: its text as read, its prose, its math and each chain located."""

    text: str
    prose: str
    directives: object
    extraction: object
    headings: list
    located: list
    notices: list
    sentences: list  # the sentences of its words (symderive.notes.sentences)
    # (line, formula as written, why it is not read): grown too long by macros (round 44 T)
    grown: tuple = ()


def _read_chains(text: str, markdown: bool) -> _Read:
    """Extract the chains of one note and locate each (its section and the role of its first
    step)."""
    text = unwrapped(one_spelling(text))  # \(…\) is $…$, a wrapped $…$ on one line (17 F29, F31)
    if greek_in(text):  # $σ(x)$ is $\sigma(x)$ for every reader (round 40 I03)
        text = with_greek_commands(text, [(block.start, block.end) for block in extract_math(
            text, markdown=markdown).blocks])
    text = without_emphasis(text, [(block.start, block.end) for block in extract_math(
        text, markdown=markdown).blocks])  # "for _positive_ $x$": no marks in the words (19 F10)
    # a directive shown inside fenced code or a code span is an example, not a comment
    prose = without_code(text, markdown)  # code, <pre>, verbatim, \iffalse: not the note's
    source = _blank_matches(prose, HTML_COMMENT if markdown else TEX_COMMENT)  # (41 P05)
    if markdown:  # a definition in a formula's % comment defines nothing (round 44 T10)
        source = math_comments_blanked(source)
    expanded = expand_macros(text, source, markdown)
    read_lines = expanded_lines(source, markdown)
    unexpanded = text
    if expanded != text:  # \newcommand{\R}{\mathbb{R}}: \R is read as \mathbb{R}
        text = expanded
        prose = without_code(text, markdown)
    if markdown:  # a blockquote's "> " marks are no words of its sentences (round 14a F22)
        prose = re.sub(QUOTE_MARKS.pattern, lambda m: " " * len(m.group()), prose, flags=re.M)
    directives = read_directives(prose)
    extraction = extract_math(text, markdown=markdown)
    grown_blocks, grown = _grown_formulas(unexpanded, text, extraction, source, markdown)
    notices = [f"line {notice.line}: {notice.message}" for notice in extraction.notices
               if notice.code != "macro-not-expanded" or notice.line not in read_lines
               if notice.code != "block-too-long" or notice.line not in {g[0] for g in grown}]
    notices += [f"line {line}: {', '.join(names)} (the note's own macros) expanded where used"
                for line, names in read_lines.items()]
    pairs = []
    for block in sorted(extraction.blocks + grown_blocks, key=lambda block: block.line):
        if block.latex.count("\\\\") >= MAX_ROWS:
            notices.append(f"line {block.line}: only the first {MAX_ROWS} rows of this block read")
        pairs.extend((block, chain) for chain in split_chains(block.latex, block.line,
                                                              block.environment))
    word_sentences = sentences_of(_blank_matches(prose, HTML_COMMENT))
    in_words = word_definitions(word_sentences)  # "The residual $e$ equals $y - wx$."
    for defined in in_words:  # read as the formula e = y - wx written on its line
        block = MathBlock(defined.latex, defined.line, "inline", lead=defined.words,
                          start=defined.offset)  # (where its value is written: round 19 F6)
        pairs.extend((block, chain) for chain in split_chains(block.latex, block.line, ""))
    if in_words:
        pairs.sort(key=lambda pair: (pair[1].line, pair[0].start))  # in reading order (19 F6)
    if len(pairs) > MAX_CHAINS_PER_FILE:
        notices.append(f"only the first {MAX_CHAINS_PER_FILE} of {len(pairs)} equations checked")
        pairs = pairs[:MAX_CHAINS_PER_FILE]
    headings = heading_lines(text, markdown)
    located = locate(continue_chains(pairs, text), headings, text.split("\n"))
    return _Read(text, prose, directives, extraction, headings, located, notices,
                 word_sentences, grown)


def _grown_formulas(unexpanded: str, expanded: str, extraction, source: str, markdown: bool
                    ) -> tuple[tuple[MathBlock, ...], tuple[tuple[int, str, str], ...]]:
    """The formulas the note's own macros make too long to read, as written (so that they are
    reported skipped, not lost: round 44 T, "2 equations found" for 3), each with its line and
    why it is not read."""
    if expanded == unexpanded or not any(notice.code == "block-too-long"
                                         for notice in extraction.notices):
        return (), ()
    too_long = {notice.line for notice in extraction.notices if notice.code == "block-too-long"}
    read = {(block.line, block.latex) for block in extraction.blocks}
    defined = redefinitions(source)
    blocks, grown = [], []
    for block in extract_math(unexpanded, markdown=markdown).blocks:
        if block.line not in too_long or (block.line, block.latex) in read:
            continue
        used = redefined_use(block.latex, block.line, defined)
        named = f", \\{used.name} (line {used.line})" if used is not None else ""
        blocks.append(block)
        grown.append((block.line, block.latex, (
            f"the note's own macros{named}, expanded, make this formula longer than "
            f"{MAX_BLOCK:,} characters, more than is read: it is not read")))
    return tuple(blocks), tuple(grown)


def _grown_reason(chain, grown: tuple[tuple[int, str, str], ...]) -> str | None:
    """Why ``chain`` is not read, if it is one of the formulas its macros grew too long."""
    return next((why for line, latex, why in grown
                 if line == chain.line and chain.latex in latex), None)


def _new_meaning_footnotes(text: str) -> set[str]:
    """The labels of the Markdown footnotes that give a name defined before their reference a
    new meaning, read where they are referenced: every formula of them giving a meaning
    gives a second one (round 26 R1: a footnote's formula for a name the note defines only
    after the reference is an aside about a definition still to come, and stays below)."""
    inlined, moved = inline_footnotes(text)
    if not moved:
        return set()
    giving: dict[str, bool] = {}  # label -> all its meanings are second ones
    for item in _read_chains(inlined, True).located:
        origin = footnote_of(moved, item.chain.line, item.chain.latex)
        if origin is None or item.reading.role not in (Role.DEFINITION, Role.EXAMPLE):
            continue
        giving[origin.label] = giving.get(origin.label, True) and (
            item.reading.role is Role.DEFINITION and bool(item.reading.second))
    return {label for label, second in giving.items() if second}


# words of binomial coefficients: a two-row pmatrix may then be n choose k (round 41 P06);
# Pascal's triangle too (round 44 U01; not Pascal's law nor the unit pascal)
BINOMIAL_WORDS = re.compile(r"\bbinomial|\bchoose\b|\bcombinations?\b|\\binom|\\choose|이항|조합"
                            r"|二项|組合|组合"
                            r"|\bPascal(?:'s|’s|s)?\s+(?:triangle|rule|identity|recurrence)"
                            r"|파스칼\s*(?:의\s*)?삼각형|帕斯卡三角|杨辉三角|楊輝三角|パスカルの三角形", re.I)


# words that define a count of choices — what n choose k counts (round 46 Z03): "the number
# of $k$-element subsets", "ways to pick $k$ of $n$", "subsets of size k", 부분집합의 개수,
# k개를 뽑는 경우의 수
COUNTING_WORDS = re.compile(
    r"-?\belement\s+subsets?\b|\bsubsets?\s+of\s+(?:size|cardinality)\b"
    r"|\bways?\s+(?:to|of)\s+(?:choose|choosing|pick|picking|select|selecting)\b"
    r"|부분\s*집합\s*의?\s*(?:개수|수)|뽑는\s*(?:경우의\s*수|방법의\s*수|방법)", re.I)


def speaks_of_binomials(text: str, blocks: list[str]) -> bool:
    """Whether a two-row column in parentheses may be n choose k in this note: its words say
    so, or one of its formulas writes such a column beside a factorial (round 44 U01, U02),
    or the note writes such a column and, anywhere, words of counting choices or the
    factorial fraction n!/(k!(n-k)!) (round 46 Z03)."""
    if BINOMIAL_WORDS.search(text) or any(binomial_columns(b) for b in blocks):
        return True
    return any(two_row_column(b) for b in blocks) and bool(
        COUNTING_WORDS.search(text) or any(FACTORIAL_FRACTION.search(b) for b in blocks))


def vectors_defined(definitions) -> frozenset[str]:
    """The names the note defines as a vector or matrix written out (u = (1; 2)): never the
    scalar entries of another matrix written out (round 44 U05)."""
    return frozenset(d.key[1].name for d in definitions if d.key[0] == "symbol"
                     and getattr(d.value, "is_Matrix", False))


def plan_file(text: str, source: str, markdown: bool) -> FilePlan:
    """Extract, locate, read the context of and plan every chain of one note (no checking)."""
    started = time.monotonic()
    text = usual_relations(text)  # \leqq is \leq (notes/relation_spellings.py)
    text = with_word_names(text, markdown)  # SE_{i} = …: the name SE (round 38 C03)
    moved: tuple = ()
    if markdown and "[^" in text:  # a footnote [^1] giving a name a new meaning is read
        # where it is referenced (notes/footnotes.py, round 25; only a new meaning: round 26)
        text, moved = inline_footnotes(text, _new_meaning_footnotes(text))
    read = _read_chains(text, markdown)
    text, prose, extraction, located = read.text, read.prose, read.extraction, read.located
    notices, directives, headings = read.notices, read.directives, read.headings
    word_sentences = read.sentences
    # a formula using a command the note (re)defines is not read: it defines nothing either
    own_macros = redefinitions(math_comments_blanked(prose) if markdown  # (round 44 T10)
                               else _blank_matches(prose, TEX_COMMENT))
    macro_uses = {}
    for position, item in enumerate(located):
        found = redefined_use(item.chain.latex, item.chain.line, own_macros)
        why = _grown_reason(item.chain, read.grown)  # expanded, too long to read (round 44 T)
        why = why or (found.explained() if found is not None else None)
        if why is not None:
            macro_uses[position] = why
            located[position] = replace(item, reading=Reading(
                Role.CLAIM, why=why, disowned=item.reading.disowned, asked=item.reading.asked))
    note_lines = text.split("\n")
    properties = affirmed_properties(prose, stated_properties(text)) + described_matrices(
        text)  # "A is symmetric", "P is a projection matrix"
    stated = with_after_displays(with_complex(with_inequalities(  # $x > 0$, z complex, and
        read_stated(_blank_matches(prose, HTML_COMMENT), headings, properties),  # after a display
        " ".join(block.latex for block in extraction.blocks)[:400_000])))
    located = [consequent(item, stated) for item in located]  # $x$가 양수이면 $…$ 이다
    cases = find_cases(located, note_lines)  # $r = s$ if $s > 0$ and $r = 0$ otherwise
    located = mark_branches(located, cases)
    context = build_context(located, directives, source,
                            [block.latex for block in extraction.blocks])
    if moved:  # "used: f(x) = x^3 (defined, line 3, in the footnote on line 5)" (round 26 M1)
        context.definitions = [footnoted(definition, moved) for definition in context.definitions]
    context.unread_definitions = unread_definitions(located, context.definitions)  # softmax
    for name, line in prose_functions(stated).items():  # "Let $u$ be any function.": u(a + b)
        context.latex = replace(context.latex, functions=context.latex.functions | {name})
        context.readings.setdefault(name, f"function (stated in the prose, line {line})")
    for name in assumed_functions(located):  # Assume $k(x + 1) = k(x)$: k is a function (X12)
        context.latex = replace(context.latex, functions=context.latex.functions | {name})
    end_of = section_ends(stated.ends)
    context.replaced_names = replaced_names(prose, end_of) + redefined_in_words(
        prose, end_of, context.definitions)  # replace $A$ by $AB$ (9b L6); let $g$ be … (15 F29)
    context.described_names = described_names(prose, end_of)  # the softmax of $z$ (9a L4)
    for said in function_words(stated):  # r \mapsto m(r); "Let $k$ be an increasing function."
        if said.function:
            context.latex = replace(context.latex, functions=context.latex.functions | {said.name})
            context.readings.setdefault(said.name, f"function (stated in the prose, line {said.line})")
        if said.properties:  # linear, convex, even, periodic …: the instances need not be
            context.properties.append((said.name, said.line, end_of(said.line),
                                       f"{', '.join(said.properties)} — '{said.words}'"))
    named = named_functions(stated.sentences, as_sections(stated.ends).reaches)  # σ the tanh
    context.properties += named_properties(named, end_of)  # g is the sigmoid: not an instance
    context.prose_arrays = prose_arrays(text)
    context.prose_objects = prose_objects(text)  # operators, permutations, rotations (8c X9)
    context.words = re.sub(r"\$[^$]*\$", " ", text)[:200_000]
    context.said_random = said_random(text, context.latex)  # $X$ and $y$ are random (57 AT03)
    context.math_text = " ".join(block.latex for block in extraction.blocks)[:400_000]
    for name in _decorated_functions(context.math_text, context.latex):  # ŷ(x), then ŷ(x + 1)
        context.latex = replace(context.latex, functions=context.latex.functions | {name})
    context.math_blocks = [(block.line, block.latex) for block in extraction.blocks]
    context.raw_text = text
    context.prose_text = _blank_matches(prose, HTML_COMMENT if markdown else TEX_COMMENT)
    context.shadows = shadows(context.math_blocks, text, context.latex, source) + sigma_shadows(
        named)  # σ = 2; σ the tanh activation (round 10, C6)
    context.prime_labels = prime_labels(  # g' is a layer (round 38 A08), two models (40 I12)
        stated.sentences, [latex for _, latex in context.math_blocks])
    context.lines = text.split("\n")
    context.log_statements = log_statements(context.lines)  # "All logarithms are base 2"
    context.conventions = convention_statements(context.lines)  # "Angles are in degrees"
    spaced = without_spaces(text)  # "Let $y \in \mathbb{R}^q$ be one-hot": y (round 10, H2)
    context.stated_onehot = onehot_statements(spaced)  # "let $y$ be a one-hot vector" (8a C10)
    context.stated_simplex = tuple(sorted(  # one-hot or probability vectors (scoped.simplex_at)
        {(line, name) for line, name, _ in onehot_statements(spaced, here=True)}
        | set(stated_simplex(spaced))))  # here: not "in the next chapter" (round 11 C13)
    context.summed_to_one = tuple(sorted(  # with $\sum_i t_i = 1$ (round 57)
        (item.chain.line, summed_to_one(*item.chain.elements[:2])) for item in located
        if item.reading.role is Role.CONDITION and len(item.chain.relations) == 1
        and item.reading.why == NORMALISED and summed_to_one(*item.chain.elements[:2])))
    context.matrix_properties = properties  # matrices: "A is symmetric" (and where lifted)
    context.headings = heading_lines(text, markdown)
    context.shape_statements = shape_statements(text)  # matrices: where each holds (scoped)
    context.stated = stated
    context.memberships = memberships(stated.sentences, context.math_blocks)  # a ∈ M_n(ℝ)
    context.named_letters = named_letters(word_sentences)  # "the residual $e$": not Euler's
    context.definitions = reaching_back(stated, context.definitions)  # "where $e = …$"
    find_clashes(context)  # Assume $x > 0$. with 'assume x negative'; Let $1 < x < 1$.
    context.assigned_constants = tuple(
        (item.chain.line, item.chain.elements[0].strip()) for item in located
        if len(item.chain.elements) >= 2 and item.chain.elements[0].strip() in ("\\pi", "e")
        and is_number(item.chain.elements[1])
    )  # fmt: skip (where each holds: the section tree)
    for item in located:
        if item.reading.role is Role.CONDITION or any(
            relation in (r"\in", "∈") for relation in item.chain.relations
        ):
            context.conditions_by_line.setdefault(item.chain.line, []).append(
                item.chain.latex.strip())
    context.stated = context.stated.with_displayed(displayed_bounds(  # $$x \le -1.$$ (round 11 H5)
        (item.chain.line, item.chain.latex) for item in located
        if item.block.kind != "inline" and item.reading.role is Role.CONDITION))
    context.stated = context.stated.with_rebound(rebound_letters(located))  # (round 14a F7)
    math_text = " ".join(block.latex for block in extraction.blocks)
    shapes = _matrix_shapes(math_text, context.latex.shapes)
    for name, shape in shapes[len(context.latex.shapes) :]:
        context.readings.setdefault(name, f"matrix {shape[0]}×{shape[1]} (transposed in the note)")
    bold = frozenset(BOLD_CAPITAL.findall(math_text))
    context.latex = replace(context.latex, frobenius_2=note_means_frobenius(math_text),
                            declared=(),  # prose shapes: per section (scoped.declared_at)
                            names=names_not_operators(  # D the degree matrix: no operator
                                text, [block.latex for block in extraction.blocks],
                                context.prose_arrays) | (  # T a horizon: x^T is a power
                                {"T"} if t_as_number([block.latex for block in
                                                      extraction.blocks]) else set()),
                            labelled=labelled_functions(  # f^{(1)}(x) = x: labels
                                [block.latex for block in extraction.blocks],
                                context.latex.functions))  # fmt: skip
    t_marks = lower_t([block.latex for block in extraction.blocks], text)  # w^t: R13
    context.latex = replace(context.latex, t_vectors=t_marks.vectors, t_unused=t_marks.unused,
                            trace_named=TRACE_WORDS.search(context.words) is not None)  # J09
    context.latex = replace(context.latex, binomial=speaks_of_binomials(
        text, [block.latex for block in extraction.blocks]),
        vectors_defined=vectors_defined(context.definitions))
    context.latex = replace(context.latex, functions=context.latex.functions | applied_names(
        text))  # Let $\sigma_1(A)$ denote …: a function, never σ_1 times A (round 44 T08)
    context.latex = replace(context.latex, shapes=shapes, bold=bold, scalars=context.latex.scalars | frozenset(
        d.key[1].name for d in context.definitions
        if d.key[0] == "symbol" and not reads_as_function(d.key[1].name)
    ))  # fmt: skip
    context.unread_cases = read_cases(located, cases, context, source)  # a Piecewise, or not
    restricted(context, source, parse)  # For $x \le 1$, $r(x) = x^2$: r(1.5) not given (14a F23)
    notices.extend(context.problems)
    settle_disputes(context, source)  # a second formula equal to the first: no dispute
    planned = []
    for position, item in enumerate(located):
        skip, reason = classify_chain(item)
        if position in macro_uses:
            planned.append(PlannedEquation(item, SkipReason.UNKNOWN_COMMAND, macro_uses[position]))
            continue
        equation = PlannedEquation(item, skip, reason)
        if skip in (SkipReason.DEFINITION, None) and (found := restatement(item, context, source)):
            equation = restated_equation(item, found)  # a formula given again: a claim
        elif skip is None:
            plan_steps(equation, context, source, notices)
            with_first_readings(equation, context, source)  # a disputed second formula used
        planned.append(equation)
    infer_random(planned, context)
    read_opaque(planned, context)  # Bias(x) and the data's σ: symderive.notes.opaque
    if (info := note_reading(text)) is not None:  # probability hook: H, I, D_KL, p(y | x)
        take_over(planned, context.lines, info)
        for position, why in macro_uses.items():  # no vocabulary reads the note's macros
            planned[position].skip, planned[position].reason = SkipReason.UNKNOWN_COMMAND, why
            planned[position].steps = []
    return FilePlan(source, tuple(planned), context, tuple(notices), time.monotonic() - started,
                    unsure_branches(text, markdown), moved)


# -- stage 5: check ---------------------------------------------------------------------------
FIRST_READING = "first-reading"  # the task of a step read with the first of two formulas


def _kind(outcome: Outcome | None) -> str:
    if outcome is None:
        return "open"
    return "holds" if outcome.holds else "refuted" if outcome.verdict == "refuted" else "open"


def both_readings(outcome: Outcome, first: Outcome | None, step: PlannedStep) -> Outcome:
    """A step that uses a second formula the text may mean as a new definition or as a claim
    about the first one: the verdict stands when both readings agree, else *undecided* naming
    both lines (a step is never proved, checked or refuted on one reading of a disputed
    formula)."""
    second_line, first_line, name = step.alternate_lines
    if step.alternate and _kind(outcome) == _kind(first) and _kind(outcome) != "open":
        return outcome
    if _kind(outcome) == "open" and (outcome is None or outcome.verdict != "undecided"):
        return outcome  # skipped already; an undecided step names the dispute (not silently
        # "used: line N's formula (defined)", as if the claim of line N were a definition)
    def said(kind: str) -> str:
        return {"holds": "holds", "refuted": "is refuted"}.get(kind, "is not decided")
    earlier = f"line {first_line}" if first_line else "an earlier one"  # (not read: no line)
    return Outcome("undecided", method=outcome.method, reason=(
        f"line {second_line} gives {name} a second formula after {earlier}, and the "
        f"text does not say whether it is a new definition or a claim about "
        f"{earlier}'s: with line {second_line}'s this step {said(_kind(outcome))}, with "
        f"{earlier}'s it {said(_kind(first)) if step.alternate else 'cannot be read'}"))


def _suggestion(lhs: sp.Basic, had_derivative: bool) -> str | None:
    """When a derivative step is refuted, the true derivative (the previous side evaluated)."""
    if not had_derivative:
        return None
    if sp.count_ops(lhs) <= MAX_SUGGESTION_OPS and not isinstance(lhs, sp.MatrixExpr):
        try:
            lhs = min((lhs, sp.factor(sp.cancel(lhs))), key=sp.count_ops)
        except (sp.PolynomialError, ValueError, TypeError, NotImplementedError):
            pass
    return sp.latex(lhs)


def check_files(paths: Sequence[Path], options: NotesOptions = NotesOptions()) -> NotesReport:
    """Check every chain of every named note; one worker process per step (and variant)."""
    started = time.monotonic()
    plans: list[FilePlan | NoteFile] = []
    tasks: list[Task] = []
    variants: dict = {}
    copies: dict = {}  # task key -> the key of an identical task checked once
    for file_index, path in enumerate(paths):
        seen: dict = {}  # (lhs, rhs, relation, context) -> task key, within this file
        file_seconds = 0.0
        capped = 0
        text, error = read_note(path)
        if text is None:
            plans.append(NoteFile(str(path), error=error))
            continue
        try:
            plan = plan_file(text, str(path), path.suffix.lower() != ".tex")
        except (ParseError, TimeoutError, RecursionError, MemoryError) as problem:
            plans.append(NoteFile(str(path), error=f"{path}: {problem}"))
            continue
        except Exception as problem:  # noqa: BLE001 - one file's bug never ends the run
            plans.append(NoteFile(str(path), error=(
                f"{path}: internal: a bug in symderive while reading this note "
                f"({type(problem).__name__}: {' '.join(str(problem).split())[:120]})")))
            continue
        plans.append(plan)
        file_seconds = plan.seconds  # reading and planning count against the file's budget
        instance_seconds = 0.0
        for equation_index, equation in enumerate(plan.equations):
            for step in equation.steps:
                if step.skip is not None or step.decided is not None:
                    continue
                key = (file_index, equation_index, step.index)
                if file_seconds >= MAX_FILE_SECONDS:
                    variants[key] = FILE_BUDGET
                    capped += 1
                    continue
                if step.unknown and instance_seconds >= MAX_INSTANCE_SECONDS:
                    variants[key] = INSTANCE_BUDGET
                    continue
                building = time.monotonic()
                try:
                    with time_limit(PLAN_SECONDS, source=plan.path, what=("building the instances" if step.unknown
                                                 else "preparing its values")):
                        chosen = variants_of(step, options.seed + step.index,
                                           plan.context.onehot, plan.context.simplex)  # fmt: skip
                except Exception as problem:  # noqa: BLE001 - an instance SymPy cannot build
                    variants[key] = problem
                    continue
                finally:  # main-process time: it counts against the file's budget too
                    spent = time.monotonic() - building
                    file_seconds += spent
                    if step.unknown:
                        instance_seconds += spent
                variants[key] = chosen
                for name, lhs, rhs, relation, _ in chosen:
                    context = check_context(
                        plan, equation, expressions=(lhs, rhs),
                        domain=step.domain if name == "plain" else tuple(
                            condition for condition in step.domain if condition[1] == "unread"),
                    )  # fmt: skip
                    try:
                        identity = (sp.srepr(lhs), sp.srepr(rhs), relation, repr(context))
                    except Exception:  # noqa: BLE001 - no identity: checked on its own
                        identity = None
                    if identity is not None and identity in seen:
                        copies[key + (name,)] = seen[identity]  # the same step, checked once
                        continue
                    if identity is not None:
                        seen[identity] = key + (name,)
                    file_seconds += options.budget_seconds
                    tasks.append(Task(key + (name,), lhs, rhs, relation, context,
                                      options.seed + step.index))  # fmt: skip
                if step.alternate:  # the step with the first of a disputed pair of formulas
                    lhs, rhs, relation = step.alternate
                    context = check_context(plan, equation, expressions=(lhs, rhs))
                    file_seconds += options.budget_seconds
                    tasks.append(Task(key + (FIRST_READING,), lhs, rhs, relation, context,
                                      options.seed + step.index))  # fmt: skip
        if capped:
            plan = replace(plan, notices=plan.notices + (
                f"the file's checking budget ({MAX_FILE_SECONDS:g} s of worker time) was "
                f"reached: {capped} later step(s) not checked",))  # fmt: skip
            plans[-1] = plan
    outcomes = run_tasks(tasks, options.budget_seconds, options.jobs) if tasks else {}
    for copy, original in copies.items():
        if original in outcomes:
            outcomes[copy] = outcomes[original]
    outcomes.update(alternative_round(plans, variants, outcomes, options))
    results = []
    for file_index, plan in enumerate(plans):
        if isinstance(plan, NoteFile):
            results.append(plan)
            continue
        equations = tuple(
            _equation_report(file_index, equation_index, equation, plan, variants, outcomes)
            for equation_index, equation in enumerate(plan.equations)
        )
        results.append(
            NoteFile(plan.path, equations, plan.notices + called_wrong_notices(equations),
                     readings=file_readings(plan),
                     seconds=plan.seconds)
        )  # fmt: skip
    return NotesReport(tuple(results), time.monotonic() - started)


# a reading that is a definition or an example value in force from its line (notes/context.py)
_BY_DEFINITION = re.compile(r"(?:scalar|function), (?:example value|defined) at line (\d+)"
                            r"(?:; again at line \d+)*")


def _step_readings(step_latex: str, readings: dict, used=()) -> tuple[str, ...]:
    """The readings of the names this step writes: a name with a command (``h_\\theta``) is
    found in the step as written; a plain one (``t``, ``f``) as a whole name outside commands
    (not the t of ``\\partial`` or the f of ``\\frac``). A name read by a definition or an
    example value only where this step used it (*Take $a = 1$*, then *for any $a$, $a^2 = a$*:
    the step is about every a, not the example)."""
    squeezed = re.sub(r"[\\{}\s]", "", step_latex)
    plain = re.sub(r"\\[A-Za-z]+|[{}\s]", " ", step_latex)
    plain = re.sub(r"(?<![A-Za-z])d(?=[A-Za-z](?![A-Za-z]))", "d ", plain)  # df/dx: d f, d x
    found = []
    for name, how in readings.items():
        bare = re.sub(r"[\\{}\s]", "", name)
        if not bare:
            continue
        if "\\" in name or not re.fullmatch(r"[A-Za-z0-9_]+", bare):
            hit = bare in squeezed
        else:
            hit = re.search(r"(?<![A-Za-z0-9_])" + re.escape(bare) + r"(?![A-Za-z0-9])", plain)
        by_definition = _BY_DEFINITION.fullmatch(how)
        if hit and by_definition and used:
            lines = {int(line) for line in re.findall(r"line (\d+)", how)}
            hit = any(int(line) in lines for entry in used
                      for line in re.findall(r", line (\d+)\)", entry))
        elif hit and by_definition:
            hit = False
        if hit:
            found.append(f"{name}: {how}")
    return tuple(found)


def _equation_report(file_index, equation_index, equation, plan, variants, outcomes):
    chain = equation.chain
    readings = {**plan.context.readings, **equation.readings}
    steps = []
    for step in equation.steps:
        lhs_latex, rhs_latex = chain.elements[step.index - 1], chain.elements[step.index]
        written = chain.relations[step.index - 1]
        if step.skip is not None:
            steps.append(NoteStep(step.index, lhs_latex, rhs_latex, written, "skipped",
                                  reason=step.reason, skip=step.skip))  # fmt: skip
            continue
        if step.decided is not None:  # read by the information-theory vocabulary
            hypothesis = _stated_hypothesis(equation, plan.context)
            if step.decided.verdict == "refuted" and hypothesis:  # the rule of other readings
                step = replace(step, decided=_not_refuted(step.decided, (
                    f"the note states a condition for it ({hypothesis}) that the "
                    "counterexample need not satisfy")))
            stated_value = stated_values_used(equation.view, f"{lhs_latex} {rhs_latex}")
            if step.decided.verdict == "refuted" and stated_value:  # H(X) = \log 2 stated (C9)
                step = replace(step, decided=_not_refuted(step.decided, (
                    f"the note states the value {stated_value}, which the law of the "
                    "counterexample need not have")))
            base = _log_base_doubt(plan, chain, lhs_latex, rhs_latex, (), tens_only=True)
            if base and step.decided.verdict in DECIDING:
                step = replace(step, decided=Outcome("undecided", method=step.decided.method,
                                                     reason=base))
            steps.append(_decided_step(step, lhs_latex, rhs_latex, written))
            continue
        key = (file_index, equation_index, step.index)
        chosen = variants.get(key)
        if chosen is FILE_BUDGET:
            steps.append(NoteStep(step.index, lhs_latex, rhs_latex, written, "skipped",
                                  reason=f"not checked: the file's checking budget "
                                  f"({MAX_FILE_SECONDS:g} s of worker time) was reached",
                                  skip=SkipReason.INPUT_LIMIT))  # fmt: skip
            continue
        if chosen is INSTANCE_BUDGET:
            steps.append(NoteStep(step.index, lhs_latex, rhs_latex, written, "skipped",
                                  reason="not checked: the file's time for building instances "
                                  f"of unknown functions ({MAX_INSTANCE_SECONDS:g} s) was "
                                  "reached", skip=SkipReason.INPUT_LIMIT))  # fmt: skip
            continue
        if not isinstance(chosen, list):
            steps.append(_unprepared(step, chosen, lhs_latex, rhs_latex, written))
            continue
        stated = ", ".join(
            f"{base} (line {simplex_at(plan.context, chain.line)[str(base)]})"
            for base in stated_vectors(plan, equation, step)
        )  # fmt: skip
        outcome, description = combined(key, chosen, outcomes, step.example_near, stated,
                                        step.example_changed)
        if chosen and chosen[0][0] == "decimal" and outcome.verdict == "refuted":
            outcome, description = _off_by_more(outcome, step, description) if not (
                step.rounded_entries) else (outcome, "an entry is not correct to the decimals "
                                            "written on it")  # the entry: failing_entry
        if equation.cases:  # "In both cases": refuted at a case, or not refuted (round 13 F5)
            outcome = refuted_in_a_case(outcome, step.lhs, step.rhs, step.relation,
                                        equation.cases, equation.cases_proved,
                                        equation.cases_paired)
        if step.alternate is not None:
            outcome = both_readings(outcome, outcomes.get(key + (FIRST_READING,)), step)
        shadow = shadowed_in((step.lhs, step.rhs), f"{lhs_latex} {rhs_latex}", chain.line,
                             plan.context.shadows,
                             lambda line: section_start(plan.context.headings, line))
        if shadow and outcome.verdict in DECIDING:  # Let σ(x) = x^2: not the sigmoid (C8)
            outcome = Outcome("undecided", method=outcome.method, reason=shadow)
        label = prime_label_used(f"{lhs_latex} {rhs_latex}", chain.line, plan.context.prime_labels,
                                 lambda line: section_start(plan.context.headings, line))
        if label and outcome.verdict in DECIDING:  # primes are not derivatives (round 38 A08)
            outcome = Outcome("undecided", method=outcome.method, reason=label)
        earlier = earlier_formula_doubt(
            plan.context, chain.line, equation.view, (step.lhs, step.rhs, *(
                equation.view.symbols.get(key[1]) for key in step.used
                if equation.view and key[0] == "symbol")),
            f"{lhs_latex} {rhs_latex}", outcome.verdict,
            outcome.counterexample.values if outcome.counterexample else (),
            equation.block.lead)
        if earlier and outcome.verdict in DECIDING:  # L of the previous section (12a F15, F16)
            outcome = Outcome("undecided", method=outcome.method, reason=earlier)
        under = restricted_symbol_used(step.used, equation.view, plan.context)
        if under and outcome.verdict in DECIDING:  # y = x^2 for x ≥ 0, then x = -2 (16 F20)
            outcome = Outcome("undecided", method=outcome.method, reason=under)
        by_cases = unread_cases_used(step.used, equation.view, plan.context.unread_cases)
        if by_cases and outcome.verdict in DECIDING:  # r = s if s > 0, … (round 9a, C3)
            outcome = Outcome("undecided", method=outcome.method, reason=by_cases)
        unread = unread_definition_used(f"{lhs_latex} {rhs_latex}", chain.line,
                                        plan.context.unread_definitions,
                                        equation.view.notes if equation.view else {})
        if unread and outcome.verdict in DECIDING:  # ŷ = softmax(o) not read (round 9a, H3)
            outcome = Outcome("undecided", method=outcome.method, reason=unread)
        replaced = replaced_name_used(
            f"{lhs_latex} {rhs_latex}", chain.line, plan.context.replaced_names,
            tuple(equation.view.notes[k] for k in step.used
                  if equation.view and k in equation.view.notes), equation.block.start)
        if replaced and outcome.verdict in DECIDING:  # replace $A$ by $AB$ (round 9b, L6)
            outcome = Outcome("undecided", method=outcome.method, reason=replaced)
        described = described_doubt(
            f"{lhs_latex} {rhs_latex}", chain.line, outcome.verdict,
            outcome.counterexample.values if outcome.counterexample else (),
            plan.context.described_names,
            tuple(equation.view.notes.values()) if equation.view else ())
        if described and outcome.verdict in DECIDING and not (
                outcome.verdict == "refuted" and step.solve_like):  # p the softmax of z (9a L4)
            outcome = Outcome("undecided", method=outcome.method, reason=described)
        if outcome.verdict == "undecided" and outcome.reason == ALTERNATIVES["simplex"]:
            outcome = replace(outcome, reason=simplex_directive(step))
        in_force = equation.view.notes if equation.view else {}
        examples = equation.view.examples if equation.view else {}
        general_judged = outcome is outcomes.get(key + ("general",)) and examples
        used = tuple(in_force[k] for k in sorted(step.used, key=str) if k in in_force and not (
            general_judged and k in examples))  # judged for all values: not used (round 44 U08)
        used += _symmetric_used(step, plan, equation)
        names = _step_names(step)
        lead = equation.block.lead
        used += stated_used(plan.context, chain.line, chain.latex, names, lead)
        used += display_used(plan.context, chain.row_latex, chain.line, names)  # its row's
        if outcome.verdict == "refuted" and "shapes differ" in outcome.reason:
            steps.append(_skipped(
                step, lhs_latex, rhs_latex, written, SkipReason.MATRIX,
                "the two sides have different shapes as read (which names are matrices "
                "is not known): declare them with 'assume NAME matrix R C'", used,
            ))  # fmt: skip
            continue
        if outcome.verdict == "refuted" and (rounded := within_written_rounding(
                (lhs_latex, rhs_latex), (step.lhs, step.rhs))):
            outcome = _not_refuted(outcome, rounded)  # σ'(1) = 0.731 · 0.269 (52 AK02)
        if (outcome.verdict in ("proved", "checked") or (
                outcome.verdict == "refuted" and RANDOM_WORDS.search(plan.context.words))) and (
                constant := _moment_of_constants(step, equation.random, plan.context)):
            # (a constant is a law too: without words of randomness it refutes, round 11a F20)
            outcome = Outcome("undecided", method=outcome.method, reason=constant)
        if outcome.verdict in ("proved", "checked", "refuted") and (
                number := _random_read_as_number(step, equation.random, plan.context)):
            outcome = Outcome("undecided", method=outcome.method, reason=number)  # 57 AT02/03
        clash = _shapes_clash(step)
        if clash:  # W (m × n) in the step, W (size × size) in a definition it uses (52 AK01)
            steps.append(_skipped(step, lhs_latex, rhs_latex, written, SkipReason.MATRIX,
                                  clash, used))
            continue
        ambiguity = ""
        if outcome.verdict == "refuted":
            try:
                with time_limit(PLAN_SECONDS, source=plan.path, what="reading indices"):
                    ambiguity = index_ambiguity(step.lhs, step.rhs, step.had_derivative)
            except ParseError:
                ambiguity = "indices could not be read in time"
        if ambiguity:
            outcome = _not_refuted(outcome, ambiguity)
        if outcome.verdict == "refuted" and any(
            "undefined" in value for value in (outcome.counterexample.lhs_value,
                                               outcome.counterexample.rhs_value)
        ):  # fmt: skip
            side = "left" if "undefined" in outcome.counterexample.lhs_value else "right"
            outcome = Outcome("undecided", method=outcome.method, reason=(
                f"refuted as read only where the {side} side is undefined "
                f"({outcome.counterexample.lhs_value} vs {outcome.counterexample.rhs_value}): "
                "a claim is meant where both sides are defined, so this is not a refutation; "
                "state the domain (e.g. 'assume x positive') to decide it"))  # fmt: skip
        if outcome.verdict == "refuted" and (outside := outside_written_domain(
                step.written_domain, outcome.counterexample)):  # |x| = (√x)² (17 F28)
            outcome = Outcome("undecided", method=outcome.method, reason=outside)
        if outcome.verdict == "refuted" and step.doubt:
            outcome = _not_refuted(outcome, step.doubt)
        clash = _contradicting_givens_about(step, plan.context)
        if outcome.verdict == "refuted" and clash:
            outcome = _not_refuted(outcome, clash)
        clash = clash_at(plan.context, chain.line, chain.latex, lead,  # example values too
                         names | {str(key[1]) for key in step.used}, equation.view, step.used)
        if outcome.verdict in DECIDING and clash:
            outcome = Outcome("undecided", method=outcome.method, reason=clash)
        if outcome.verdict == "refuted" and (outside := outside_stated(
            plan.context, chain.line, chain.latex, lead, outcome.counterexample.values
        )):  # fmt: skip
            outcome = _not_refuted(outcome, outside)
        if outcome.verdict in DECIDING and step.coinciding:  # ∂(x_j x_j)/∂x_i (11a F5)
            outcome = Outcome("undecided", method=outcome.method, reason=(
                f"{step.coinciding}: not decided"))
        if outcome.verdict in ("proved", "checked") and step.unpinned:
            outcome = Outcome("undecided", method=outcome.method, reason=step.unpinned)
        stated_property = _stated_property(step, chain.line, plan.context)
        if outcome.verdict == "refuted" and stated_property:
            outcome = _not_refuted(outcome, (
                f"the note states a property of {stated_property}, which the instances of the "
                "unknown function need not satisfy"))  # fmt: skip
        if outcome.verdict == "checked" and stated_property:  # round 8b K6: s(1) != s(0)
            outcome = Outcome("undecided", method=outcome.method, reason=(
                f"held on the instances of the unknown function, but the note states a property "
                f"of {stated_property}, which those instances need not satisfy: a check on them "
                "says nothing about the functions the note means"))  # fmt: skip
        if outcome.verdict == "refuted" and (negative := _negative_base(step, outcome)):
            # x^x > 0 at x = −17/3 (round 38 B04): refuted only at the positive bases
            outcome = _at_positive_bases(step, outcome) or _not_refuted(outcome, negative)
        if outcome.verdict == "refuted" and (applied := DECORATED_APPLIED.search(
                lhs_latex + " " + rhs_latex)):  # ŷ(x + 1)^2 read as ŷ·(x + 1)^2 (round 39 H02)
            outcome = _not_refuted(outcome, (
                f"'{applied.group().strip()}' may be a decorated function's value (a prediction "
                "ŷ(x)), which the checker read as a product"))
        if outcome.verdict == "refuted" and (unused := _defined_matrix_unused(step, plan)):
            outcome = _not_refuted(outcome, unused)  # A = pmatrix, then A^T (round 42 R04)
        if outcome.verdict == "refuted" and (special := _special_function(step)):
            outcome = _not_refuted(outcome, special)  # Γ(x + 1) = xΓ(x) (round 38 B02, B03)
        if outcome.verdict == "refuted" and (bare := _bare_function(outcome, equation.view)):
            outcome = _not_refuted(outcome, bare)  # 2l after l(y, ŷ) = …: l is no free number
        if outcome.verdict in ("proved", "checked") and (
                defined := _expectation_defined(lhs_latex + " " + rhs_latex, plan)):
            outcome = Outcome("undecided", method=outcome.method, reason=(
                f"{outcome.verdict} with E read as the expectation, but {defined}"))  # 32a F22
        if outcome.verdict == "refuted":
            doubt = _reading_doubt(step, lhs_latex, rhs_latex, chain, equation, plan, outcome) \
                or _law_given(step, lhs_latex, equation.readings)
            if doubt:
                outcome = _not_refuted(outcome, doubt)
        if outcome.verdict == "refuted" and (branch := _unsure_branch(plan, chain.line)):
            outcome = _not_refuted(outcome, branch)  # \ifdefined\foo … \fi (round 12a F8)
        if outcome.holds and outcome.sizes and set(outcome.sizes) == {1}:
            steps.append(_skipped(
                step, lhs_latex, rhs_latex, written, SkipReason.MATRIX,
                "as read it is defined only at size 1 (the other sizes do not fit "
                "together): not checked; declare the shapes with 'assume NAME matrix R C'", used,
            ))  # fmt: skip
            continue
        if outcome.verdict in ("checked", "proved") and step.unknown:
            fewer = _fewer_arguments(step, plan, equation, lhs_latex + rhs_latex)
            if fewer:
                outcome = Outcome("undecided", method=outcome.method, reason=(
                    f"holds on instances, but {fewer}: not checked"))
        if outcome.verdict == "checked":
            loose = _unbounded_indices(step, plan.context)
            if loose:
                outcome = Outcome("undecided", method=outcome.method, reason=(
                    f"agrees at the few values sampled for the index {loose}, which is not "
                    "bounded: not checked (bound it, e.g. 1 \\le m \\le n)"))
        hypothesis = _stated_hypothesis(equation, plan.context)
        if outcome.verdict == "refuted" and hypothesis and not _index_case_met(hypothesis, outcome):
            outcome = _not_refuted(outcome, (
                f"the note states a condition for it ({hypothesis}) that the counterexample "
                "need not satisfy"))  # fmt: skip
        if outcome.verdict == "refuted" and outcome.method == "exact-finite":
            law = _law_in_prose(step, chain, plan.context)
            moved = _within_stated_means(step, chain, plan.context, outcome) if law else None
            if moved is not None:  # Var(2w) = 2Var(w) after "with E[w] = 0" (round 11a L4)
                outcome = moved
            elif law:
                outcome = _not_refuted(outcome, (
                    f"the note states the law in words ('{law}'), which the finite law of the "
                    f"counterexample need not satisfy ({law_shown(outcome)})"))  # fmt: skip
        if outcome.verdict == "refuted" and (law := _law_of_summed_outcomes(step, equation,
                                                                            plan.context)):
            outcome = _not_refuted(outcome, (  # Σ_i x_i p_i = (a-2)p + … (round 52 AL03)
                f"it sums over the outcomes x_i, p_i of a law the note states in words "
                f"('{law}'), which the values of the counterexample need not satisfy"))
        if outcome.verdict == "refuted" and step.solve_like and about_a_law(step.lhs, step.rhs):
            outcome = _not_refuted(outcome, (
                "it compares moments with a number, which may be a hypothesis on the law (as in "
                "'let E[X] = 0') rather than a claim for every law; as a claim for every law it "
                f"fails on {law_shown(outcome)}"))  # fmt: skip
        if outcome.verdict == "checked" and step.solve_like and about_a_law(step.lhs, step.rhs) \
                and not outcome.laws_decide:  # no more confident than a refutation may be
            outcome = Outcome("undecided", method=outcome.method, reason=(
                "it compares moments with a number, which may be a hypothesis on the law (as in "
                "'let E[X] = 0') rather than a claim for every law; as a claim for every law it "
                "held on the finite laws tried, which do not decide it"
                + (f" ({outcome.reason})" if outcome.reason else "") + ": not checked"))
        if outcome.verdict == "refuted" and (geometric := geometric_doubt(  # legs, radius (C14)
                plan.context, chain.line, {n for n, _ in outcome.counterexample.values})):
            outcome = _not_refuted(outcome, geometric)
        if outcome.verdict == "refuted" and (ranged := integrated_from_zero(  # r of ∫_0^∞ … dr
                text_before(plan.context, equation.block.start, equation.chain.line),
                outcome.counterexample.values)):
            outcome = _not_refuted(outcome, ranged)  # the polar radius r < 0 (round 52 AL02)
        if outcome.verdict == "refuted" and step.relation in ("<", "<=", ">", ">="):
            # an inequality fails only outside a bound stated in words: not "it does not hold
            # for all values" (x^{1/3} ≥ -1 at -17/3, the note says x ≥ -1, round 9b L10); an
            # equation to solve stays one (A_M in 2 = e^{2 A_M})
            unread = unread_property(plan.context.stated, chain.line, chain.latex, names) or (
                unread_bound(plan.context, chain.line, chain.latex, names))
            if unread:
                outcome = _not_refuted(outcome, unread)
        unit_words = imaginary_words(plan.context, chain.line, chain.latex, step)
        other_complex = unit_words and (complex_definition(used) or complex_names(
            plan.context, chain.line, chain.latex, (names | {str(key[1]) for key in step.used})
            - {"i"}))  # z = x + iy used: z is sampled real, whatever i is (below)
        if unit_words and not other_complex and (
                outcome.verdict in DECIDING or IMAGINARY_DOUBT in outcome.reason):
            # (1 + i)^2 = 2i in a note about complex numbers (round 11a F4)
            outcome = with_imaginary_unit(step, outcome, unit_words, index_said="; ".join(
                index_statements(tuple(plan.context.lines))[:2]))
            description = ""  # what was sampled at real i does not describe this verdict
        if outcome.verdict in DECIDING and ("\\langle" in chain.latex or any(
                "\\langle" in str(note) for note in used)) and (
                doubt := inner_product_doubt(tuple(plan.context.lines))):
            outcome = Outcome("undecided", method=outcome.method, reason=(
                f"⟨u, v⟩ is read as the real inner product tr(uᵀv), but {doubt}: not decided"
            ))  # round 50 AG04, round 51 AI01–AI04
        if outcome.verdict == "refuted" and step.solution_of and not equation.said_identity:
            steps.append(_skipped(  # ln P = rt + C after integrating dP/dt = rP (round 57 AT04)
                step, lhs_latex, rhs_latex, written, SkipReason.CONDITION,
                f"{step.solution_of}: it does not hold for all values as read "
                f"({_values_text(outcome)}), which it need not, so it is not refuted", used))
            continue
        if outcome.verdict == "refuted" and step.solve_like and not unit_words and not (
            equation.said_identity  # "the identity $…$, valid for all $x$" (round 12a F4)
        ) and not quantified(
            plan.context, chain.line, chain.latex, names, lead=lead
        ) and not _declared_by_directive(plan.context, names) and not step.bound and not (
            _computed_at_the_example(step)  # Let $x = 2$. Then $x^2 = 5$: 4 ≠ 5, refuted
        ):
            # sin x + cos x ≤ 1 claimed as a bound: refuted (round 11a F12); its words decide
            # (round 13 F1: "a number with $x^2 \le 90$" claims nothing)
            steps.append(_skipped(
                step, lhs_latex, rhs_latex, written, SkipReason.CONDITION,
                (f"an inequality that holds at most values, but {step.unclaimed}: a condition, "
                 "not a bound claimed for every value" if step.unclaimed else
                 "an equation in unknowns (a condition or an equation to solve), not an "
                 "identity") + ": as read here (every name free, of its default kind) it does "
                f"not hold for all values ({_values_text(outcome)}), so it is not refuted", used,
            ))  # fmt: skip
            continue
        # "y is a one-hot vector": a refutation only at a one-hot y (review round 8a C10)
        outcome = onehot_refutation(step, outcome, onehot_at(plan.context, chain.line),
                                    chain.line)
        outcome = simplex_refutation(outcome, simplex_at(plan.context, chain.line))  # 11a F26
        if outcome.verdict == "refuted" and (apart := entries_apart(outcome.counterexample)):
            outcome = _not_refuted(outcome, apart)  # x_i beside \mathbf{x} (11a F25)
        if outcome.verdict == "refuted":  # "there is a $\xi$ … such that": ξ is not free
            bound = existential_doubt(plan.context, chain.line, chain.latex,
                                      outcome.counterexample)
            if bound:
                outcome = _not_refuted(outcome, bound)
        if outcome.verdict == "refuted":  # a hypothesis in words the templates did not read
            unread = unread_property(plan.context.stated, chain.line, chain.latex, names) or (
                unread_bound(plan.context, chain.line, chain.latex, names)) or (
                _symmetric_entries(plan.context, chain.line, chain.latex, lead, names))
            if unread:
                outcome = _not_refuted(outcome, unread)
        if outcome.verdict == "refuted":  # "On $[1, \infty)$ we have" (round 10 H5)
            interval = bare_interval(lead, plan.context.lines, equation.block.line,
                                     equation.block.latex)
            if interval:
                outcome = _not_refuted(outcome, interval)
        if outcome.verdict == "refuted":  # "whenever the integral converges" (round 10b H3)
            divergent = convergence_restriction(lead, plan.context.lines, equation.block.line,
                                                equation.block.latex, outcome.counterexample)
            if divergent:
                outcome = _not_refuted(outcome, divergent)
        if outcome.verdict == "refuted":  # a domain or property lifted by words read loosely
            doubt = lifted_doubt(plan.context, chain.line, chain.latex, lead,
                                 outcome.counterexample, _matrices_of(step))
            if doubt:
                outcome = _not_refuted(outcome, doubt)
        if outcome.verdict == "refuted":  # r^2 = x^2 + y^2 given before: r is not free
            undefined = _undefined_definition(plan.context, chain.line,
                                              dict(outcome.counterexample.values), plan.path)
            if undefined:
                outcome = _not_refuted(outcome, undefined)
        if outcome.verdict == "refuted":
            squared = _squared_definition(plan.context, chain.line,
                                          names | {name for name, _ in step.unknown})
            if squared:
                outcome = _not_refuted(outcome, squared)
        if outcome.verdict == "refuted" and step.opaque:
            outcome = Outcome("undecided", method=outcome.method, reason=(
                f"fails when {', '.join(step.opaque)} are arbitrary numbers, but they are values "
                "of functions the note never defines: the claim may hold by facts about them "
                "that are not written as mathematics (e.g. independence): not refuted"))
        if outcome.verdict == "refuted" and step.named_in_words and not quantified(
            plan.context, chain.line, chain.latex, {step.named_in_words}, statements=True,
            lead=lead,
        ):  # a domain stated for it in words declares it, as a directive does  # fmt: skip
            outcome = _not_refuted(outcome, (
                f"{step.named_in_words} is never defined in the note's mathematics (it is "
                "defined in the prose)"))  # fmt: skip
        if (
            step.relation == "!=" and outcome.verdict == "checked"
            and (step.lhs.free_symbols | step.rhs.free_symbols
                 or step.general and any(side.free_symbols for side in step.general))
        ):  # fmt: skip (z ≠ 0 at an example value z = 0: the general claim has unknowns)
            outcome = Outcome("undecided", method=outcome.method, reason=(
                "the sides differ somewhere, but ≠ claims they differ for every value: one "
                "differing point does not check it (only a proof or a refutation decides)"))
        base = _log_base_doubt(plan, chain, lhs_latex, rhs_latex, used) or convention_doubt(
            plan.context.lines, chain.line, plan.context.conventions,
            " ".join([lhs_latex, rhs_latex, *used])) or sigmoid_doubt(
            plan.context.raw_text, " ".join([lhs_latex, rhs_latex, *used])
        ) if outcome.verdict in DECIDING else ""  # (σ: round 41 Q01-Q04)
        if base and outcome.verdict in DECIDING:  # "All logarithms are base 2": not ln here
            outcome = Outcome("undecided", method=outcome.method, reason=base)
            description = ""  # what was checked with ln does not describe this verdict
        if outcome.verdict == "refuted" and step.rounded_entries:  # the entry that failed,
            failed = failing_entry(step.rounded_entries)  # not the largest scaled error
            if failed is not None:
                outcome = replace(outcome, counterexample=failed)
        shape = shape_doubt(step, outcome, plan.context, chain.line) if outcome.verdict in (
            "proved", "checked", "refuted") else ""
        if shape:  # "Let $\mathbf{A}$ be a $2 \times 2$ matrix." (round 6, N14)
            outcome = Outcome("undecided", method=outcome.method,
                              reason=f"{shape}: not decided at the stated shape")
        if outcome.verdict in DECIDING:  # W_1 W_2 = W_2 W_1 (review round 9b C2-C4, 11)
            doubt = _commuting_doubt(step, equation, plan, chain, lhs_latex, rhs_latex,
                                     outcome.verdict)
            # words calling them numbers do not lift it: a later or nested sentence may make
            # them matrices in a spelling no reader knows (M_n(R)) (review round 10b C5, C7)
            if doubt and outcome.verdict == "refuted":
                outcome = _not_refuted(outcome, doubt)
            elif doubt:
                outcome = Outcome("undecided", method=outcome.method, reason=doubt)
        withheld = object_refutation((step.lhs, step.rhs), plan.context.prose_objects,
                                     lambda: scalars_at(plan.context, chain.line))
        if withheld and outcome.verdict == "refuted":  # "Let $R$ be a rotation.": R = 2 is none
            outcome = Outcome("undecided", method=outcome.method, reason=withheld)
        letter = named_letter(plan.context, lhs_latex + " " + rhs_latex, chain.line)
        if letter and outcome.verdict in DECIDING:  # "the residual $e$", no formula for it
            outcome = Outcome("undecided", method=outcome.method, reason=letter)
        complex_name = complex_names(plan.context, chain.line, chain.latex, (names | {
            str(key[1]) for key in step.used} | {name for name, _ in step.unknown}) - (
            {"i"} if unit_words else set()))  # z = x + iy used; i the unit is read as such
        defined = complex_definition(used)
        if defined:  # $$ z = x + iy $$ with no words: z is complex all the same
            complex_name = f"{defined.split(' (', 1)[0].split('=')[0].strip()} ({defined})"
        unit = imaginary_unit(plan.context.raw_text, chain.latex)
        if unit and not complex_name and not unit_words:  # "$i$ denotes the imaginary unit"
            complex_name = f"{unit}, the imaginary unit,"
        if complex_name and outcome.verdict in ("proved", "checked", "refuted"):
            outcome = Outcome("undecided", method=outcome.method, reason=(
                f"the note states that {complex_name} is complex, and the checks sample real "
                "values only: not read"))  # fmt: skip
        explanation = outcome.reason
        extras = []
        if description:
            extras.append(description)
        if used:
            extras.append("used: " + "; ".join(used))
        if outcome.used_givens:
            extras.append("given used: " + "; ".join(outcome.used_givens))
        if outcome.sizes and "size tuples (" not in outcome.reason:  # tuples listed there
            extras.append("sizes checked: " + ", ".join(str(size) for size in outcome.sizes))
        explanation = "; ".join([explanation] + extras if explanation else extras)
        suggestion = None
        if outcome.verdict == "refuted":
            try:
                with time_limit(PLAN_SECONDS, source=plan.path, what="suggesting"):
                    suggestion = _suggestion(step.lhs, step.had_derivative)
            except ParseError:
                suggestion = None
        steps.append(NoteStep(
            step.index, lhs_latex, rhs_latex, written, outcome.verdict,
            lhs=sp.sstr(step.lhs), rhs=sp.sstr(step.rhs), outcome=outcome,
            suggestion=suggestion, reason=explanation,
            readings=_step_readings(lhs_latex + " " + rhs_latex, readings, used), used=used,
            instances=description if step.unknown else "",
        ))  # fmt: skip
    if equation.located.reading.disowned:
        steps = [as_quoted(step, equation.located.reading.disowned) for step in steps]
    elif equation.located.reading.asked:
        steps = [as_asked(step, equation.located.reading.asked) for step in steps]
    # the one place a step of a note becomes refuted: words around it that do not assert it
    # (a question, a wrong formula, an existential or naming sentence) withhold it (14a F2, F5)
    steps = [guarded(step, equation.block, plan.context) for step in steps]
    line = original_line(plan.moved, chain.line, chain.latex) or chain.line  # (a footnote)
    return NoteEquation(
        line, chain.latex.strip(), equation.block.kind, tuple(steps), equation.skip,
        equation.reason, parsed=equation.skip is None and equation.parsed,
    )  # fmt: skip


HYPOTHESIS_PHRASE = re.compile(  # the condition words: symderive.notes.condition_words (14a F3)
    rf"\\(?:text|textrm|mbox|textit|mathrm)\s*\{{\s*{OPENER}\b[^{{}}]*\}}[^\\]*?"
    r"(?:[<>=≤≥≠∈]|\\(?:le|ge|leq|geq|ne|neq|in|lt|gt)(?![A-Za-z]))"
    r"|(?:,|\\q?quad)\s*(?:\\q?quad\s*)?(?:\\[,;]\s*)?[A-Za-z](?:_\{?\w+\}?)?\s*"
    r"(?:[<>≤≥≠]|\\(?:le|ge|leq|geq|ne|neq|lt|gt|in)(?![A-Za-z]))[^=]*$"
    # \text{($x > 0$)}, \text{for positive } x, \text{valid for } …: words of a condition (R1)
    r"|\\(?:text|textrm|mbox|textit)\s*\{[^{}]*(?:\$[^{}$]*(?:[<>=≤≥≠∈]|\\(?:le|ge|leq|geq|ne|neq|in|"
    r"lt|gt)(?![A-Za-z]))[^{}$]*\$|\b(?:positive|negative|non-?negative|non-?zero|integers?|valid|"
    r"holds?|true|provided|whenever|as\s+long\s+as)\b)[^{}]*\}"
    # "…, \quad x = 1": a point written after the claim (round 5, C1)
    r"|(?:,|\\q?quad)\s*(?:\\q?quad\s*)?(?:\\[,;]\s*)?[A-Za-z](?:_\{?\w+\}?)?\s*=\s*[-+]?[\d.]+\s*$",
    re.M,
)


DECIDING = ("proved", "checked", "refuted")


def _commuting_doubt(step, equation, plan, chain, lhs_latex: str, rhs_latex: str,
                     verdict: str) -> str:
    r"""Why a verdict that read letters as commuting real numbers is withheld (''): a proof or
    check that needs capitals (or letters declared in a set not read as numbers, ``a, b \in
    M_n(\mathbb{R})``) to commute, or a refutation with real values of declared letters."""
    context = plan.context
    scalars = frozenset(  # a directive's real domain (scalar, positive, random, independent …)
        name for name, kind in context.directive_kinds.items()
        if kind in SCALAR_DOMAINS or kind == "independent") | numeric_names(context.definitions)
    scalars |= _counts(step)
    members = unread_members(context, chain.line)
    if verdict == "refuted":
        return member_refutation(step.lhs, step.rhs, members, scalars)
    latex = equation.latex

    def reread(names: frozenset) -> tuple:
        read = replace(latex, noncommuting=names)
        return tuple(parse_latex_math(text, context=read, source=plan.path, line=chain.line)
                     for text in (lhs_latex, rhs_latex))

    opaque = frozenset(str(key[1]) for key in step.used
                       if isinstance(key, tuple) and key and key[0] == "symbol")
    return commuting_doubt(step.lhs, step.rhs, context.raw_text, lhs_latex, rhs_latex,
                           scalars=scalars, reread=reread if latex is not None else None,
                           members=members, relation=step.relation, opaque=opaque)


def _counts(step) -> frozenset:
    r"""Names bounding a sum or product of the step (N of ``\frac{1}{N}\sum_{n=1}^{N}``): the
    number of its terms, an integer, which commutes with everything (round 57: the MSE
    gradient ∂L/∂y_m = (y_m − t_m)/N was withheld as if N might be a matrix)."""
    return frozenset(
        str(symbol) for side in (step.lhs, step.rhs) if isinstance(side, sp.Basic)
        for node in side.atoms(sp.Sum, sp.Product) for _, low, high in node.limits
        for symbol in (low.free_symbols | high.free_symbols))


# letters that name special functions by convention: a rule about one of them refuted on an
# invented instance refutes nothing the note means (Γ(x + 1) = xΓ(x), Φ(−x) = 1 − Φ(x):
# round 38 B02, B03)
SPECIAL_FUNCTIONS = {"Gamma": "gamma function", "psi": "digamma function",
                     "Phi": "standard normal distribution function",
                     "phi": "standard normal density", "varphi": "standard normal density",
                     "zeta": "Riemann zeta function", "B": "beta function",
                     "Beta": "beta function", "erf": "error function", "Li": "polylogarithm"}


# a decorated letter before an opening parenthesis: \hat{y}(, \bar g\left(
_DECORATED_OPENING = (r"\\(hat|tilde|bar|overline|widehat|widetilde)\s*(?:\{\s*([A-Za-z])\s*\}"
                      r"|\s([A-Za-z]))\s*(?:\\left\s*)?\(")
# … applied to one letter in parentheses: ŷ(x), \tilde{u}(t), \bar{y}(x_0)
DECORATED_AT_LETTER = re.compile(
    _DECORATED_OPENING + r"\s*[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?\s*(?:\\right\s*)?\)")


# a decorated letter before a parenthesis (any argument): ŷ(x + 1), \bar{g}(t + 1)
DECORATED_APPLIED = re.compile(_DECORATED_OPENING)


def _decorated_functions(math_text: str, latex) -> set[str]:
    """The decorated names the note applies to one letter somewhere (ŷ(x): the prediction at
    x, round 38 C07): a function of the note's wherever it is applied, so ŷ(x + 1) is its
    value at x + 1, never ŷ·(x + 1) (round 39 H02, H03); not a name declared or defined as a
    value."""
    found = set()
    for match in DECORATED_AT_LETTER.finditer(math_text or ""):
        name = f"{DECORATION[match[1]]}{{{match[2] or match[3]}}}"
        if name not in latex.scalars and name not in latex.defined:
            found.add(name)
    return found


def _plain_values(found: Counterexample) -> dict:
    """name → value for the counterexample's values that are plain integers or fractions (the
    checker's own output, read by a pattern, never evaluated)."""
    return {str(name): sp.Rational(str(value).strip()) for name, value in found.values
            if re.fullmatch(r"-?\d+(?:/\d+)?", str(value).strip())}


def _self_powers(step) -> list:
    """The powers of the step's sides whose exponent varies with their base (x^x, (1 + x)^{1/x}):
    ones defined as e^{exponent·ln base}, for positive bases ((x^a)^b = x^{ab} at x < 0 is no
    such power and stays refuted, round 11 F11)."""
    return [power for side in (step.lhs, step.rhs) if isinstance(side, sp.Basic)
            for power in side.atoms(sp.Pow)
            if power.args[1].free_symbols & power.args[0].free_symbols]


def _off_by_more(outcome: Outcome, step, description: str) -> tuple[Outcome, str]:
    """A decimal refuted to the places written, said as such: the two sides' values at the
    counterexample (not |difference| and the tolerance the variant compared), and what the
    tolerance was (round 38 B05: *left side = 0.5, right side = 0.05*, *checked to 1 decimals*
    on a refuted step)."""
    found = outcome.counterexample
    if found is None:
        return outcome, description
    tolerance = found.rhs_value
    written = (f"{step.precision} (stated in words)" if getattr(step, "precision", "")
               else "the decimals written")  # round 44 U12
    values = _plain_values(found)
    shown = []
    for side in (step.lhs, step.rhs):
        try:
            with time_limit(1.0, source="<report>", what="a side's value"):
                at = side.xreplace({symbol: values[str(symbol)] for symbol in side.free_symbols
                                    if str(symbol) in values})
                shown.append(str(sp.N(at.doit(), 15)) if not at.free_symbols else "")
        except Exception:  # noqa: BLE001 - the value is only shown, never relied on
            shown.append("")
    if not all(shown):
        return outcome, f"not correct to {written}: |difference| = {found.lhs_value} > {tolerance}"
    if getattr(step, "rounding_interval", ()):  # not symmetric (round 49 AD01)
        (low, high), _ = step.rounding_interval
        return replace(outcome, counterexample=replace(found, lhs_value=shown[0],
                                                       rhs_value=shown[1])), (
            f"not correct to {written}: left − right side must lie in {interval_text(low, high)} "
            "(counted from the true value's leading digit)")
    return replace(outcome, counterexample=replace(found, lhs_value=shown[0], rhs_value=shown[1])), (
        f"not correct to {written}: |difference| = {found.lhs_value} > {tolerance} "
        "(half a unit of the last decimal)")


def _at_positive_bases(step, outcome: Outcome) -> Outcome | None:
    """The refutation moved to the point with the letters of the self-powers' bases made
    positive (only those: a stated y < 0 elsewhere stays as it was, round 39 H01), where the
    certified balls still separate the sides (γ^t·γ = γ^t fails at γ = 17/3 too); None when
    they do not there (x^x > 0 holds for x > 0) or the point is not one of plain numbers."""
    sides = (step.lhs, step.rhs)
    bases = {str(symbol) for power in _self_powers(step) for symbol in power.args[0].free_symbols}
    values = _plain_values(outcome.counterexample)
    if len(values) != len(outcome.counterexample.values):
        return None
    values = {name: abs(number) if name in bases else number for name, number in values.items()}
    symbols = set().union(*(side.free_symbols for side in sides if isinstance(side, sp.Basic)))
    if not symbols or any(str(symbol) not in values for symbol in symbols):
        return None
    point = {symbol: values[str(symbol)] for symbol in symbols}
    if any(not power.args[0].xreplace(point).is_positive for power in _self_powers(step)):
        return None  # (1 - x)^x at x = 3 stays a negative base (round 40 I06)
    try:
        with time_limit(2.0, source="<report>", what="a refutation at positive bases"):
            found = certified.compare(step.lhs, step.rhs, step.relation, point)
    except Exception:  # noqa: BLE001 - not moved: withheld
        return None
    if found.status != "disagree":
        return None
    moved = Counterexample(tuple((name, str(values[name])) for name, _ in
                                 outcome.counterexample.values), found.lhs_value, found.rhs_value)
    return replace(outcome, counterexample=moved)


def _negative_base(step, outcome) -> str:
    """Why a counterexample that puts a negative number in the base of a power with a variable
    exponent that varies with the base (x^x at x = −17/3, read through a real cube root)
    refutes nothing an author of x^x means: such a power is e^{x ln x}, for positive bases (''
    otherwise)."""
    if outcome.counterexample is None:
        return ""
    values = _plain_values(outcome.counterexample)
    for power in _self_powers(step):
        base = power.args[0]
        at = base.xreplace({symbol: values[str(symbol)] for symbol in base.free_symbols
                            if str(symbol) in values})
        if at.is_number and at.is_negative:
            return (f"the counterexample puts the negative number {at} in the base of "
                    f"{sp.sstr(power)}, a power with a variable exponent, which is read for "
                    "positive bases (e^{exponent·ln base})")
    return ""


def _defined_matrix_unused(step, plan) -> str:
    r"""Why a refutation that reads a name as a matrix of unknown entries refutes nothing: the
    note defines that name (``A = \begin{pmatrix} a & b \\ c & d \end{pmatrix}``), and the
    counterexample gave its entries values of their own (round 42 R04); '' otherwise."""
    defined = {str(definition.key[1]): definition.start for definition in plan.context.definitions
               if definition.key[0] == "symbol"}
    for side in (step.lhs, step.rhs):
        for matrix in (side.atoms(sp.MatrixSymbol) if isinstance(side, sp.Basic) else ()):
            if matrix.name in defined:
                return (f"{matrix.name} is read as a matrix of unknown entries, but the note "
                        f"defines it (line {defined[matrix.name]}), and that definition was not "
                        "substituted here")
    return ""


def _special_function(step) -> str:
    """Why a refutation on instances of an unknown function is not one: its letter names a
    special function by convention ('' otherwise)."""
    for name, _ in getattr(step, "unknown", ()) or ():
        meaning = SPECIAL_FUNCTIONS.get(str(name).lstrip("\\"))  # Gamma or \\Gamma
        if meaning:
            return (f"it fails on invented instances of {name}, but {name} is by convention the "
                    f"{meaning}, which those instances are not")
    return ""


def _log_base_doubt(plan, chain, lhs_latex: str, rhs_latex: str, used, tens_only=False) -> str:
    """Why a step with a bare ``\\log`` is not decided with the natural logarithm: the note
    states another base for it (symderive.notes.log_base); "" when it does not (or only base 2
    and ``tens_only``: the information-theory reading uses base 2 itself)."""
    statements = plan.context.log_statements
    if not statements or not uses_bare_log(" ".join([lhs_latex, rhs_latex, *used])):
        return ""
    found = bases_at(plan.context.lines, chain.line, statements)
    if tens_only:
        found = [statement for statement in found if statement.base != 2]
    if not found:
        return ""
    return (f"{describe(found)}, and this step was read with the natural logarithm: not "
            "decided (write \\log_2 or \\ln to say which)")


def _values_text(outcome) -> str:
    """A refutation's point, shortly (the names and values of its counterexample)."""
    values = outcome.counterexample.values if outcome.counterexample else ()
    shown = ", ".join(f"{name} = {value}" for name, value in values[:4])
    return ("e.g. " + shown + (", …" if len(values) > 4 else "")) if shown else "as sampled"


def _bare_function(outcome: Outcome, view) -> str:
    """Why a counterexample that gives the bare name of a function the note defines a value
    (``l = 8/7`` after ``l(\\mathbf{y}, \\hat{\\mathbf{y}}) = …``) refutes nothing: the bare
    name stands for the function's value at its defined arguments, not a free number (a
    whole element ``l = …`` is expanded to the definition before: :func:`with_function_values`);
    '' when no value is such a name."""
    if view is None or outcome.counterexample is None:
        return ""
    for name, _value in outcome.counterexample.values:
        plain = str(name)
        if plain in view.functions and not any(str(key) == plain for key in view.symbols):
            note = view.notes.get(("function", plain), f"{plain} (defined)")
            return (f"{plain} is the function the note defines ({note}): its bare name stands "
                    "for its value at the defined arguments, not a free number")
    return ""


def _unsure_branch(plan: FilePlan, line: int) -> str:
    """Why a claim on ``line`` may not be typeset: it stands in a branch of a TeX conditional
    the text does not decide (:func:`symderive.notes.extract.unsure_branches`)."""
    for first, last, condition in plan.unsure:
        if first <= line <= last:
            return (f"it stands in a branch of '{condition}' (line {first}), which TeX may not "
                    "typeset (the condition depends on what is defined elsewhere)")
    return ""


RANDOM_WORDS = re.compile(r"\brandom\s+variables?\b|\bi\.\s?i\.\s?d\b|\bindependent\b|"
                          r"\bdistribut|확률\s*변수|독립|분포|随机变量|独立|分布", re.I)  # (zh: 57 AR02)


def _moment_of_constants(step, random: set, context) -> str:
    """Why the step's verdict may rest on a misreading: it takes a variance or an expectation
    of names none of which is read as random (``Var(\\frac{1}{N}\\sum X_i)`` with X a scalar by
    directive): as read those moments are constants (Var 0, E the value itself), while the
    note, writing Var or E of them, means them random (round 54 AN01: the missing 1/N was
    proved, 0 = 0)."""
    declared = {str(symbol) for symbol, domain in context.domains.items()
                if domain.kind == "random"}
    random_names = {str(symbol) for symbol in random} | declared
    # names a directive gives values are numbers (E[y] = y), unless the words say random
    numbers = (set() if RANDOM_WORDS.search(context.words)
               else {str(symbol) for symbol in context.domains})
    for node in _moments(step):
        names = _moment_names(node) - numbers
        if names and not names & random_names:
            return (f"it takes {type(node).__name__} of {', '.join(sorted(names))}, none of "
                    "which is read as random (as read the moment is a constant), while the "
                    "note writing it means them random: declare them with 'assume X random'"
                    " or write them plainly (X_1, X_2): not decided")
    return ""


def _random_read_as_number(step, random: set, context) -> str:
    r"""Why the step's verdict rests on a reading the note does not mean: a moment over a name
    the prose itself calls random (*Let $X$ and $y$ be random variables*, *$y \sim
    \mathcal{N}(0, 1)$*, *$y$는 확률변수*) while the step reads it as a plain number (a
    directive ``assume y real``, or y never alone inside E): E[Xy] = E[X]·y and E[y²] = E[y]²
    hold for the number, not for the random variable (round 57 AT02, AT03)."""
    said = getattr(context, "said_random", None) or {}
    if not said:
        return ""
    read_random = {str(symbol) for symbol in random} | {
        str(symbol) for symbol, domain in context.domains.items() if domain.kind == "random"}
    for node in _moments(step):
        for name in sorted(_moment_names(node) - read_random):
            if where := called_random(name, said):
                how = ("a number by its directive" if _directive_names(context) & {name}
                       else "a constant (never alone inside E or Var)")
                return (f"it takes {type(node).__name__} over {name}, which the note calls "
                        f"random (line {where[0]}: '{where[1]}') but which is read as {how}: "
                        "the moment would be decided for a number, not for the random variable"
                        f" (declare it with 'assume {name} random'): not decided")
    return ""


def _directive_names(context) -> set:
    return {str(symbol) for symbol in context.domains}


def _moments(step) -> list:
    """Every expectation and variance the step's two sides take."""
    return [node for side in (step.lhs, step.rhs) if isinstance(side, sp.Basic)
            for node in side.atoms(E, Var)]


def _moment_names(node) -> set:
    """The names a moment is taken over: its free symbols and indexed families, without the
    variables its sums bind."""
    argument = node.args[0]
    names = {str(symbol) for symbol in argument.free_symbols if isinstance(symbol, sp.Symbol)}
    names |= {str(entry.base) for entry in argument.atoms(sp.Indexed)}
    bound = {str(variable) for sum_ in argument.atoms(sp.Sum) for variable in sum_.variables}
    return names - bound


def _shapes_clash(step) -> str:
    """Why the step cannot be checked: one name read as matrices of two shapes (the step's own
    W is m × n as the prose declares it, the W of a definition it uses size × size), so the
    sides speak of different matrices and any verdict would be about something else."""
    shapes: dict[str, set] = {}
    for side in (step.lhs, step.rhs):
        if isinstance(side, sp.Basic):
            for symbol in side.atoms(sp.MatrixSymbol):
                shapes.setdefault(str(symbol.name), set()).add(tuple(symbol.shape))
    for name, found in sorted(shapes.items()):
        if len(found) > 1:
            shown = " and ".join(" × ".join(str(n) for n in shape) for shape in sorted(found, key=str))
            return (f"{name} is read as matrices of two shapes ({shown}): the step and a "
                    f"definition it uses were read with different shapes; declare them with "
                    f"'assume {name} matrix R C'")
    return ""


def _symmetric_entries(context, line: int, latex: str, lead: str, names: set[str]) -> str:
    """Why a refutation about entries ``w_{14}``, ``w_{41}`` may not stand: the note calls the
    matrix ``W`` symmetric (w_ij = w_ji) — read as a property, or in a sentence near the claim
    — and its entries written as names of their own are sampled apart (round 51 AJ03:
    가중치 행렬 $W$는 대칭행렬입니다)."""
    said = [(name, where) for name, word, where in properties_at(context, line, latex, lead)
            if is_symmetric_word(word)]
    stated = getattr(context, "stated", None)
    if stated is not None:
        for index in stated.nearby(line, latex):
            sentence = stated.sentences[index]
            if SYMMETRIC_WORD.search(re.sub(r"\$[^$]*\$", " ", sentence.text)):
                said += [(name, sentence.first)
                         for name in re.findall(r"\$\s*((?:\\mathbf\s*\{)?[A-Z]\}?)\s*\$",
                                                sentence.text)]
    for name, where in said:
        letter = re.sub(r"\\(?:mathbf|boldsymbol|bm)\s*\{?|[{}\s]", "", name).lower()
        entries = sorted(n for n in names
                         if re.fullmatch(rf"{re.escape(letter)}_\{{?\s*\w+\s*\}}?", n))
        if len(letter) == 1 and entries:
            return (f"the note calls {name} symmetric (line {where}), and its entries written "
                    f"as names ({', '.join(entries[:3])}) were sampled apart")
    return ""


SYMMETRIC_WORD = re.compile(r"\bsymmetric\b|대칭", re.I)


def _not_refuted(outcome: Outcome, doubt: str) -> Outcome:
    """A refutation that another plausible reading of the note would not stand: undecided."""
    return Outcome("undecided", method=outcome.method,
                   reason=f"refuted as read, but {doubt}: not refuted")  # fmt: skip


SQUARED_DEFINED = re.compile(
    r"\\?([A-Za-z]+)\s*\^\s*\{?\s*2\s*\}?\s*(?::=|=(?!=))")


BOUNDS = re.compile(r"[_^]\s*\{[^{}]*\}")  # \sum_{i=1}^{n}: an index's "=" is no relation
FORMULA_OF_NAME = re.compile(
    r"^\s*(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:\^\s*\{?\s*2\s*\}?)?\s*(?::=|=(?!=))(.+)$",
    re.S)


def _undefined_definition(context: FileContext, line: int, values: dict, source: str) -> str:
    """A formula ``name = …`` or ``name^2 = …`` written earlier in the step's section (read as a
    definition, a condition or a supposition) that is undefined at the counterexample (``Let
    $s^2 = \\frac{1}{n-1}\\sum …$`` at n = 1): the point does not satisfy what the note
    says there, so it refutes nothing (round 6, N16)."""
    numbers = {}
    for name, value in values.items():
        try:
            number = Fraction(str(value).strip())
        except (ValueError, ZeroDivisionError):
            continue
        numbers[str(name)] = sp.Rational(number.numerator, number.denominator)
    if not numbers:
        return ""
    lines = context.raw_text.splitlines()
    for number in as_sections(context.headings).before(min(line, len(lines) + 1)):
        for math in re.findall(r"\$+([^$]+)\$+", lines[number - 1])[:8]:
            match = FORMULA_OF_NAME.match(math.strip())
            if not match or len(re.findall(r"(?<![<>!:])=", BOUNDS.sub(" ", math))) != 1:
                continue
            try:
                with time_limit(PLAN_SECONDS, source=source, what="re-checking a definition"):
                    right = parse_latex_math(match.group(2).strip(" .,;"), context=context.latex,
                                             source=source, line=number)
                    mapping = {symbol: numbers[str(symbol)] for symbol in right.free_symbols
                               if str(symbol) in numbers}
                    if not mapping or right.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
                        continue  # (a sum to ∞ is not made undefined by the point)
                    undefined = right.subs(mapping).has(sp.zoo, sp.nan, sp.oo, -sp.oo)
            except Exception:  # noqa: BLE001 - a formula not read: nothing to say about it
                continue
            if undefined:
                shown = ", ".join(f"{name} = {value}" for name, value in mapping.items())
                return (f"line {number} gives {match.group(1)} the formula "
                        f"'{math.strip()[:60]}', which is undefined at {shown}: the "
                        "counterexample does not satisfy the note's definitions")
    return ""


def _squared_definition(context: FileContext, line: int, names: set[str]) -> str:
    """A formula for the square of one of the step's names earlier in its section (``Let
    $r^2 = x^2 + y^2$``, ``$\\sigma^2 = \\operatorname{Var}(X)$``): the reader does not read it
    as a definition of the name, so a counterexample giving the name a free value need not
    satisfy it (round 4, C29)."""
    plain = {name.lstrip("\\") for name in names}
    lines = context.raw_text.splitlines()
    for number in as_sections(context.headings).before(min(line, len(lines) + 1)):
        text = lines[number - 1]
        for math in re.findall(r"\$+([^$]+)\$+", text):
            # the whole formula is ``name^2 = …`` (one relation, the square alone on the left)
            match = SQUARED_DEFINED.match(math.strip())
            right = math.strip()[match.end():] if match else ""
            if match and len(re.findall(r"(?<![<>!:])=", BOUNDS.sub(" ", math))) == 1 and re.search(
                r"[A-Za-z]", right
            ):  # a formula in other names (ε² = 10⁻¹³ is an example value, not this)
                if re.search(rf"(?<![A-Za-z\\]){re.escape(match.group(1))}(?![A-Za-z])", right):
                    continue  # x^2 = 2x: an equation in x (to solve), no formula for x^2
                if match.group(1) in plain:
                    return (f"line {number} gives {match.group(1)}^2 a formula ('{math.strip()[:60]}'), "
                            f"which is not read as a definition of {match.group(1)}")
    return ""


def _step_names(step) -> set[str]:
    """The names of the step's variables as written (x, n, \\mathbf{A}; p of p_i)."""
    names = set()
    for side in (step.lhs, step.rhs):
        if not isinstance(side, sp.Basic):
            continue
        for atom in side.free_symbols | side.atoms(sp.Indexed, sp.MatrixSymbol):
            if isinstance(atom, sp.Indexed):
                atom = atom.base.label
            name = str(getattr(atom, "name", atom))
            names.add(name)
            names.add(name.split("_", 1)[0])
    return names


def _matrices_of(step) -> set[str]:
    return {m.name for side in (step.lhs, step.rhs) if isinstance(side, sp.Basic)
            for m in side.atoms(sp.MatrixSymbol)}  # fmt: skip


def _contradicting_givens_about(step, context) -> str:
    """The givens about the step's names (as written, or through the definitions it used)
    that contradict each other: no values satisfy them, so no point refutes a claim about
    those names under them (``given u = v + 1; given v = u + 1`` and ``u - v = -1``)."""
    names = _step_names(step) | {str(key[1]) for key in step.used}
    for symbols, where in context.contradictory:
        shared = sorted(symbols & names)
        if shared:
            return (f"the givens about {', '.join(sorted(symbols))} (line {where}) contradict "
                    "each other, so no values satisfy all of them; a claim about "
                    f"{', '.join(shared)} cannot be refuted by using only some of them")
    return ""


def _symmetric_used(step, plan, equation) -> tuple[str, ...]:
    """The matrices of the step checked as symmetric because the prose says so."""
    here = _matrices_of(step)
    chain = equation.chain
    return tuple(
        f"{name} symmetric (stated in the prose, line {line}; instantiated with equal "
        f"entries across the diagonal)"
        for name, word, line in properties_at(
            plan.context, chain.line, chain.latex, equation.block.lead)
        if name in here and is_symmetric_word(word)
    )  # fmt: skip


def _stated_property(step, line: int, context: FileContext) -> str:
    """A property the note states for an unknown function of the step (``f(x) = f(-x)`` on
    line 3): 'f (line 3: f(x) = f(-x))', or ''. A property of every function (name ``*``: "All
    functions here are periodic.") is one of each."""
    names = {name for name, _ in step.unknown}
    for name, start, end, latex in context.properties:
        if (name in names or name == "*" and names) and start <= line <= end:
            shown = name if name != "*" else ", ".join(sorted(names))
            return f"{shown} (line {start}: {latex})"
    return ""


# A point written with words inside the display, whatever the words (round 6, N6): a trailing
# ``name = value`` (or ``name = name = value``) next to prose — ``\text{evaluated at } x = 1``,
# ``\mathrm{at}\ x = 1``, ``\text{in } x = 1``, ``\text{at } x = x_0 = 1``, ``x = 1 \text{에서}``
# — or ``\text{for } x \text{ equal to } 1``: a condition of the display, not a claim's part.
_PROSE = (r"(?:\\(?:text\w*|mathrm|mbox|operatorname)\s*\{[^{}]*\}|[^\x00-\x7f]+|@)")
_SPACER = r"(?:\s|\\[,;:! ]|\\q?quad|[(),:])*"
_NAME = r"[A-Za-z](?:_\{?\w+\}?)?"
_POINT = rf"{_NAME}\s*=\s*(?:{_NAME}\s*=\s*)?[-+]?\d+(?:\.\d+)?"
POINT_IN_WORDS = re.compile(
    rf"{_PROSE}{_SPACER}{_POINT}|{_POINT}{_SPACER}{_PROSE}"
    rf"|{_PROSE}{_SPACER}{_NAME}{_SPACER}{_PROSE}{_SPACER}[-+]?\d")


def _stated_hypothesis(equation, context: FileContext) -> str:
    """A condition the note states for this chain: on its line (``If $x = 1$, then …``,
    ``For $x > 0$, …``, ``… for $y \\ge 0$``) or in its display (``\\quad \\text{if } x = 1``,
    an annotation column ``&& x > 0`` of its row)."""
    chain = equation.chain
    if chain.condition:
        return chain.condition
    read = read_conditions(context, chain.line, chain.latex, chain.row_latex)  # they hold
    stated = [c for c in context.conditions_by_line.get(chain.line, [])
              if c != chain.latex.strip() and not condition_read(c, read)
              and not over_all_reals(c)]  # \forall w \in \mathbb{R}: no restriction (14a F6)
    if stated:
        return ", ".join(stated[:3])
    phrase = HYPOTHESIS_PHRASE.search(without_all_reals(equation.block.latex))  # (not ∀x ∈ ℝ)
    if phrase and display_symbols(context, chain.row_latex, chain.line):
        phrase = None  # read as the domain of its name (notes/inequalities.py)
    match = phrase or POINT_IN_WORDS.search(without_all_reals(equation.block.latex))
    if match:
        return " ".join(match.group().split())[:80]
    if not display_symbols(context, equation.block.latex, chain.line):  # (a bound read: it holds)
        words = prose_condition(equation.block.latex, chain.latex)  # \text{only when } p \ge 0
        if words:  # unparsed words next to a bound on a letter of the claim: never refuted (F3)
            return f"\\text{{{words}}}"
    return unread_after(getattr(context, "stated", None), chain.line, chain.latex,
                        declared_at(context, chain.line))


INDEX_CASE = re.compile(r"([i-n]) = ([i-n])")


def _index_case_met(hypothesis: str, outcome: Outcome) -> bool:
    """Whether the condition is only index cases ``i = j`` that the counterexample meets: the
    planner set j to i (:func:`symderive.notes.plan._in_index_case`), so j is gone from it or
    equals i (``a_i, \\quad i = j`` for the softmax's diagonal: refuted there, round 38 C01)."""
    cases = [INDEX_CASE.fullmatch(part.strip()) for part in hypothesis.split(", ")]
    if not cases or None in cases or outcome.counterexample is None:
        return False
    values = {str(name): value for name, value in outcome.counterexample.values}
    for case in cases:
        first, second = case[1], case[2]
        if values.get(second, values.get(first)) != values.get(first):
            return False
        # an indexed name read as one symbol (x_i, x_j): the j-th one must be the i-th one
        # (Cov(x_i, x_j) = E[x_i^2] − E[x_i]^2, \quad i = j: round 39 G03, G04)
        for name, value in values.items():
            at = re.fullmatch(rf"(.+?)(_\{{?|\[){re.escape(second)}(\}}?|\])", name)
            if at and values.get(f"{at[1]}{at[2]}{first}{at[3]}", value) != value:
                return False
    return True


IMAGINARY_DOUBT = "i may be the imaginary unit here"
IMAGINARY = re.compile(r"(?:\be\s*\^\s*\{[^{}]*(?<![A-Za-z\\])i(?![A-Za-z])|\\exp\s*\\?\(?\s*-?i\b|"
                       r"(?<![A-Za-z\\])i\s*\\(?:sin|cos|theta|omega|pi))")
TRACE_WORDS = re.compile(r"\btraces?\b|迹|대각합|트레이스", re.I)  # bare tr is the trace
KRONECKER = re.compile(r"\\delta\s*_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}")
IDENTITY = re.compile(  # \mathbb{1}(x > 0), \mathbb{1}\{…\}: the indicator, no identity matrix
    r"\\(?:mathbf|mathbb|boldsymbol|bm)\s*\{\s*I\s*\}|(?<![A-Za-z\\])I_\{?[n0-9]"
    r"|\\(?:mathbf|mathbb|boldsymbol|bm)\s*\{\s*1\s*\}(?!\s*(?:\(|\\\{|\\left|\\[bB]igg?l?\b))"
)
GREEK_APPLIED = {"sigma", "phi", "psi", "ell", "varphi", "Phi", "Psi", "pi"}
SOLVE_WORDS = re.compile(r"\b(?:roots?|satisf(?:y|ies)|solv\w*|solutions?)\b|해는", re.I)
ALTERNATIVE_WORDS = re.compile(r"(?:\bor\b|또는|,\s*$|\band\b)", re.I)


def _holds_at_the_unit(step) -> bool:
    """Whether the step's two sides agree, symbolically, with every symbol named i set to
    √−1 (bounded: a few seconds of SymPy at most, False when undecided)."""
    sides = (getattr(step, "lhs", None), getattr(step, "rhs", None))
    if not all(isinstance(side, sp.Basic) and not isinstance(side, sp.MatrixBase)
               for side in sides):
        return False
    units = {symbol: sp.I for side in sides for symbol in side.free_symbols
             if getattr(symbol, "name", "") == "i"}
    if not units:
        return False
    try:
        with time_limit(2.0, source="<imaginary unit>", what="substituting i = √−1"):
            difference = sp.expand(sides[0].xreplace(units) - sides[1].xreplace(units),
                                   complex=True)
            return difference == 0 or sp.simplify(difference) == 0
    except Exception:  # noqa: BLE001 - any failure (time included) decides nothing
        return False


def _law_in_prose(step, chain, context: FileContext) -> str:
    """A sentence of the chain's section, before it, stating the law of one of its random
    variables (round-4 C25: 'Let $X$ be a Bernoulli random variable')."""
    names = sorted({str(symbol) for side in (step.lhs, step.rhs) if isinstance(side, sp.Basic)
                    for moment in side.atoms(E, Var) for symbol in moment.free_symbols})
    if not names:
        return ""
    lines = context.raw_text.splitlines()
    prose = "\n".join(lines[number - 1] for number in [
        *as_sections(context.headings).before(chain.line), chain.line] if number <= len(lines))
    prose = prose.replace(chain.latex.strip(), " ")
    return stated_law(prose, names)


def _law_of_summed_outcomes(step, equation, context: FileContext) -> str:
    """The law in words of a random variable of another step of the same chain, when this step
    sums over indexed names (``\\sum_i x_i p_i`` after ``E[X] = \\sum_i x_i p_i``): the x_i, p_i
    are that law's outcomes and probabilities, not free numbers (round 52 AL03)."""
    if not any(isinstance(side, sp.Basic) and side.atoms(sp.Sum) for side in (step.lhs, step.rhs)):
        return ""
    for other in equation.steps:
        if other is not step and other.skip is None and (
                law := _law_in_prose(other, equation.chain, context)):
            return law
    return ""


def _within_stated_means(step, chain, context: FileContext, outcome: Outcome) -> Outcome | None:
    """The refutation moved onto a law with the means the note states, when the prose before
    the claim says nothing else of the law (:func:`symderive.notes.laws.stated_means`)."""
    names = sorted({str(symbol) for side in (step.lhs, step.rhs) if isinstance(side, sp.Basic)
                    for moment in side.atoms(E, Var) for symbol in moment.free_symbols})
    lines = context.raw_text.splitlines()
    prose = "\n".join(lines[number - 1] for number in [
        *as_sections(context.headings).before(chain.line), chain.line] if number <= len(lines))
    means = stated_means(stated_laws(prose.replace(chain.latex.strip(), " "), names))
    if not means:
        return None
    return refuted_within_means(outcome, step.lhs, step.rhs, means,
                                _formulas_about(context, chain, names))


FORMULA = re.compile(r"\$\$(?P<display>.+?)\$\$|\\\[(?P<bracket>.+?)\\\]|\$(?P<inline>[^$]+)\$"
                     r"|\\begin\{(?P<env>[A-Za-z]+\*?)\}(?P<body>.+?)\\end\{(?P=env)\}", re.S)


def _formulas_about(context: FileContext, chain, names) -> list[str]:
    """Every formula in scope of the claim — its section before it, its line and the rest of
    its paragraph — that mentions one of ``names`` (a bare name aside), the claim itself
    excluded: what the note states of those variables, which a law it is refuted on must
    satisfy (*Assume $Var(w) = 0$.* after *with $E[w] = 0$*, round 13 F4)."""
    lines = context.raw_text.splitlines()
    numbers = [*as_sections(context.headings).before(chain.line), chain.line]
    for number in range(chain.line + 1, len(lines) + 1):  # the claim's paragraph goes on
        if not lines[number - 1].strip() or number in context.headings:
            break
        numbers.append(number)
    prose = "\n".join(lines[number - 1] for number in numbers if number <= len(lines))
    prose = prose.replace(chain.latex.strip(), " ")  # the claim, also inside a larger display
    claim = " ".join(chain.latex.split())
    mentions = re.compile(r"(?<![A-Za-z\\])(?:" + "|".join(map(re.escape, names))
                          + r")(?![A-Za-z])")
    found = []
    for match in FORMULA.finditer(prose):
        formula = next(match[group] for group in ("display", "bracket", "inline", "body")
                       if match[group] is not None)
        if " ".join(formula.split()) == claim or not mentions.search(formula) or (
                re.fullmatch(r"\s*[A-Za-z]\s*(?:,\s*[A-Za-z]\s*)*", formula)):
            continue
        found.append(formula)
    return found


def _function_only_later(name: str, applied: re.Pattern, line: int, context: FileContext
                         ) -> bool:
    """Every application of ``name`` comes after the claim's line, and the first one starts
    its life as a function there: in a later section, or in a definition of ``name`` as a
    function that holds from its line on (``Let $f(x) = x^2$`` after claims about scores f_k;
    not a forward one, "… where $f(x) = …$", which reaches back). Then the claim, earlier,
    uses the name as a value only: applying it later does not make its reading doubtful."""
    lines = sorted(block_line for block_line, latex in context.math_blocks
                   if any(not match.group(1) for match in applied.finditer(latex)))  # fmt: skip
    if not lines or lines[0] <= line:
        return False
    first = lines[0]
    if any(line < heading <= first for heading in context.headings):
        return True  # a later section: a new context
    return any(
        definition.key == ("function", name) and definition.start == first
        and definition.role is Role.DEFINITION and not definition.forward
        and not definition.disputed
        for definition in context.definitions
    )  # fmt: skip


def _expectation_defined(written: str, plan) -> str:
    """Why ``E(…)``/``E[…]`` in a step may not be the expectation: the note defines a
    function or a functional E (``E(x) = x^2 + 1``, the energy), or names E an energy, or ""."""
    # E[u] = \int u'(x)^2 dx, "the energy functional E[\psi]" too (round 38 A09)
    return own_e(written, plan.context.math_text, plan.context.raw_text)


def _law_given(step, lhs_latex: str, readings: dict) -> str:
    r"""Why a refutation does not stand: the first step of a chain gives a formula for a
    probability read as one unknown value (``P(X=x;\theta) = \theta^x(1-\theta)^{1-x}``,
    a likelihood ``P(\mathcal{D};\theta) = …``): the law the note sets down, a model, no
    claim that any value equals it (round 59 AZ02: refuted at θ = 8/7; saying less of a wrong
    law written later, P(X = 2) = θ², is allowed). A formula with other probabilities on its
    right (``P(A \cup B) = P(A) + P(B) - …``) stays a claim."""
    opaque = {name for name, reading in readings.items() if reading == OPAQUE_PROBABILITY}
    if step.index != 1 or not isinstance(step.lhs, sp.Symbol) or step.lhs.name not in opaque:
        return ""
    if any(getattr(symbol, "name", "") in opaque
           for symbol in getattr(step.rhs, "free_symbols", ())):
        return ""
    return (f"the step opens its chain with a formula for the probability {lhs_latex}, read "
            "as one unknown value: the law the note may be setting down (a model), no claim "
            "that every value equals it")


def _reading_doubt(step, lhs_latex, rhs_latex, chain, equation, plan, outcome) -> str:
    """A reading the note may not mean, under which the refutation may not stand (the step is
    then undecided, naming it): i the imaginary unit, σ a positive scale, a logarithm in
    another base, π or e given values, the identity matrix, the Kronecker delta, or one of
    several alternative values (``x = 0 or x = 1``)."""
    written = lhs_latex + " " + rhs_latex
    names = {getattr(symbol, "name", str(symbol)) for symbol in
             (step.lhs.free_symbols | step.rhs.free_symbols)}  # fmt: skip
    values = dict(outcome.counterexample.values) if outcome.counterexample else {}
    vectors = {name for name, _ in plan.context.onehot} | set(plan.context.simplex)
    for name, value in values.items():
        base = re.split(r"[\[_]", str(name).lstrip("\\"), maxsplit=1)[0]
        if base in vectors or str(name).split("[")[0] in vectors:
            try:
                number = Fraction(str(value).strip())
            except (ValueError, ZeroDivisionError):
                continue
            if not 0 <= number <= 1:
                return (f"the counterexample gives {name} = {value}, outside the declared "
                        f"simplex/one-hot vector {base}")
    for name in sorted(names):
        if not re.fullmatch(r"[A-Za-z]+", name) or (len(name) > 1 and name not in GREEK_APPLIED) or (
            len(name) == 1 and not reads_as_function(name)
        ):  # x(1 - x) is a product: only names read as functions by default
            continue
        command = ("\\" + name) if len(name) > 1 else name
        if len(name) == 1:  # mg(h_1 + h_2): g applied after other letters, not inside \log(
            applied = re.compile(r"(?<![A-Za-z\\])(\\?)[A-Za-z]*" + name + r"\s*(?:\\left\s*)?\(")
        else:
            applied = re.compile(r"(?<![A-Za-z\\])()" + re.escape(command) + r"\s*(?:\\left\s*)?\(")
        if any(not match.group(1) for match in applied.finditer(plan.context.math_text)) and (
            not _function_only_later(name, applied, chain.line, plan.context)
        ):  # fmt: skip
            return f"{command} is used both as a value and applied like a function in the note"
    outside = _outside_real_domain(step, values)
    if outside:
        return outside
    if at_a_switch((step.lhs, step.rhs), values):
        return ("the counterexample sits where the max/|·| switches (a tie or 0), where the "
                "derivative does not exist and its value is a convention")

    if defined := _expectation_defined(written, plan):
        return f"{defined}, not only the expectation"
    constants = set(re.findall(r"constants?\s+\$\s*([A-Za-z])\s*\$", plan.context.raw_text))
    if names & constants:
        return f"{', '.join(sorted(names & constants))} is called a constant in the note"
    if "i" in names and (imaginary := IMAGINARY.search(written)):
        return f"{IMAGINARY_DOUBT} (it writes '{' '.join(imaginary.group(0).split())}')"
    if "i" in names and _holds_at_the_unit(step):  # (1 + i)^2 = 2i alone (round 14a L1)
        return f"{IMAGINARY_DOUBT} (the claim holds with i = √−1)"
    if any(SIGMA_NAME.fullmatch(str(name)) and str(value).lstrip().startswith("-")
           for name, value in values.items()) and SCALE_WORDS.search(plan.context.words):
        return "σ is a standard deviation or scale in the note, so positive ('assume \\sigma positive')"
    try:
        left = float(outcome.counterexample.lhs_value)
        right = float(outcome.counterexample.rhs_value)
    except (TypeError, ValueError, AttributeError):
        left = right = None
    if left and right and re.search(r"\\log|\\ln|\\lg", written):
        import math

        for base in (2.0, 10.0):
            factor = math.log(base)
            if any(abs(a / b - factor) < 1e-9 * factor for a, b in ((left, right), (right, left))):
                return f"the sides differ by the factor ln {base:g}: the logarithm may be base {base:g}"
    for _line, constant in as_sections(plan.context.headings).in_force(
            plan.context.assigned_constants, chain.line):  # \pi = 3 in this section
        if re.search(r"(?<![A-Za-z\\])" + re.escape(constant) + r"(?![A-Za-z])", written):
            return f"the note assigns {constant} a value, so it may be a variable here"
    if IDENTITY.search(written):
        return "I may be the identity matrix"
    matrices_here = _matrices_of(step)
    for name, word, line in properties_at(
        plan.context, chain.line, chain.latex, equation.block.lead
    ):  # a property in words the check does not use (symmetry is instantiated)
        if name in matrices_here and not is_symmetric_word(word):
            return f"the note says {name} is {word} (line {line}), which is not read here"
    if KRONECKER.search(written) and KRONECKER_READING not in equation.readings.values():
        return "\\delta_{ij} may be the Kronecker delta"  # (read so, it is no doubt: L6)
    if SOLVE_WORDS.search(equation.block.lead or ""):
        return "the note solves it (its roots or solutions), it is not an identity"
    if (
        len(chain.elements) == 2 and is_number(chain.elements[1])
        and re.fullmatch(r"\s*\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*", chain.elements[0])
        and ALTERNATIVE_WORDS.search(equation.block.lead or "")
    ):  # fmt: skip
        return "it states one of several alternative values of the name (x = a or x = b)"
    return ""


def _outside_real_domain(step, values: dict) -> str:
    """A square root (or even root) of a negative number, or a logarithm of a non-positive one,
    at the counterexample: the written side is undefined there, so it refutes nothing."""
    symbols = {str(symbol): symbol for symbol in (step.lhs.free_symbols | step.rhs.free_symbols)}
    mapping = {}
    for name, value in values.items():
        try:
            number = Fraction(str(value).strip())
        except (ValueError, ZeroDivisionError):
            return ""  # a value that is not a plain fraction: no judgement
        if str(name) in symbols:
            mapping[symbols[str(name)]] = sp.Rational(number.numerator, number.denominator)
    if not mapping:
        return ""
    try:
        with time_limit(PLAN_SECONDS, source="", what="the natural domain"):
            for side in (step.lhs, step.rhs):
                for power in side.atoms(sp.Pow):
                    exponent = power.exp
                    if exponent.is_Rational and exponent.q % 2 == 0:
                        argument = power.base.xreplace(mapping)
                        if argument.is_number and argument.is_negative:
                            return f"the square root of {sp.sstr(power.base)} is undefined at the counterexample"
                for logarithm in side.atoms(sp.log):
                    argument = logarithm.args[0].xreplace(mapping)
                    if argument.is_number and argument.is_nonpositive:
                        return f"log({sp.sstr(logarithm.args[0])}) is undefined at the counterexample"
    except Exception:  # noqa: BLE001 - no judgement in time
        return ""
    return ""


def _fewer_arguments(step, plan, equation, written: str) -> str:
    """An unknown function whose section writes it with a defined intermediate (``L(p, q)``
    with ``p = xy``) that this step never mentions, though it depends on the step's variables:
    the step's instances cannot see the path through it (an incomplete chain rule)."""
    end = equation.located.section_end
    start = section_start(plan.context.headings, equation.chain.line)
    section_text = "\n".join(plan.context.raw_text.split("\n")[start - 1 : end])
    view = equation.view
    if view is None:
        return ""
    defined = {getattr(symbol, "name", str(symbol)): value for symbol, value in view.symbols.items()}
    variables = step.lhs.free_symbols | step.rhs.free_symbols
    plain = re.sub(r"\\[A-Za-z]+", " ", written)  # \partial is not p
    # a derivative by the intermediate (dy/du, \partial y/\partial u) is a path through it
    plain += " " + " ".join(
        re.findall(r"(?:\\partial|(?<![A-Za-z\\])d)\s*\{?\s*([A-Za-z])(?![A-Za-z])", written))
    for name, _ in step.unknown:
        pattern = r"(?<![A-Za-z\\])" + re.escape(name) + r"\s*\(([^()]{0,200})\)"
        for match in re.finditer(pattern, section_text):
            for argument in match.group(1).split(","):
                argument = argument.strip()
                value = defined.get(argument)
                if (
                    value is not None
                    and not re.search(r"(?<![A-Za-z])" + re.escape(argument) + r"(?![A-Za-z])", plain)
                    and getattr(value, "free_symbols", set()) & variables
                ):  # fmt: skip
                    return (f"the note writes {name}({match.group(1).strip()}) and this step has "
                            f"no path through {argument}")
    return ""


def _unbounded_indices(step, context: FileContext) -> str:
    """A symbol of the step declared an index without bounds (sampled at few values)."""
    names = {getattr(symbol, "name", "") for symbol in (step.lhs.free_symbols | step.rhs.free_symbols)}
    for symbol, domain in context.domains.items():
        name = getattr(symbol, "name", "")
        if name in names and domain.kind == "index" and domain.high is None:
            return name
    return ""


def file_readings(plan: FilePlan) -> tuple[tuple[str, str], ...]:
    """How every name of the file was read (``--explain``): first the readings that are not
    literal (definitions, directives, conditions, the grammar's readings, unknown functions,
    constants), each with where it came from; then every other name the checked steps use,
    by its kind (scalar variable, entry of a vector, matrix, unknown function)."""
    found = dict(plan.context.readings)
    for equation in plan.equations:
        for name, how in equation.readings.items():
            found.setdefault(name, f"{how} (first at line {equation.chain.line})")
    shown = {_squeezed(name) for name in found}

    def add(expr, where: str) -> None:
        for name, kind in _literal_kinds(expr) if isinstance(expr, sp.Basic) else ():
            if _squeezed(name) not in shown:
                shown.add(_squeezed(name))
                found[name] = f"{kind} ({where})"

    for equation in plan.equations:
        for step in equation.steps:
            for side in (step.lhs, step.rhs):
                add(side, f"as written, first at line {equation.chain.line}")
    for definition in plan.context.definitions:  # parameters and names inside definitions
        value = definition.value
        for part in (*value[0], value[1]) if isinstance(value, tuple) else (value,):
            add(part, f"in the definition at line {definition.start}")
    return tuple(sorted(found.items()))


def _squeezed(name: str) -> str:
    return re.sub(r"[\\{}\s]", "", name)


def _literal_kinds(expr: sp.Basic) -> list[tuple[str, str]]:
    """(name, kind) of the names in one read expression, by what the grammar made of them."""
    kinds = []
    for entry in expr.atoms(sp.Indexed):
        kinds.append((str(entry.base), f"vector with entries {entry.base}[…]"))
    for matrix in expr.atoms(sp.MatrixSymbol):
        rows, columns = matrix.shape
        kinds.append((str(matrix), f"matrix {rows}×{columns}"))
    for applied in expr.atoms(sp.core.function.AppliedUndef):
        kinds.append((applied.func.__name__, f"function of {len(applied.args)} argument(s)"))
    bases = {str(entry.base) for entry in expr.atoms(sp.Indexed)}
    for symbol in expr.free_symbols:
        if isinstance(symbol, sp.Symbol) and symbol.name not in bases:
            kind = "index (integer)" if symbol.is_integer else "scalar variable"
            kinds.append((symbol.name, kind))
    return sorted(kinds)


def check_notes(arguments: Sequence[str], options: NotesOptions = NotesOptions()) -> NotesReport:
    """``symderive notes PATH…``: the named files and note files under named folders."""
    paths = collect_paths(arguments)
    if not paths:
        raise UsageError("no note files (*.md, *.markdown, *.tex, *.txt) in the given paths")
    return check_files(paths, options)


def _decided_step(step, lhs_latex: str, rhs_latex: str, written) -> NoteStep:
    """A step whose verdict a reading of its own found (information theory)."""
    outcome = step.decided
    extras = [outcome.reason] if outcome.reason else []
    if outcome.method:
        extras.append(outcome.method)
    if outcome.sizes and "size tuples (" not in outcome.reason:  # tuples listed there
        extras.append("sizes checked: " + ", ".join(str(size) for size in outcome.sizes))
    return NoteStep(step.index, lhs_latex, rhs_latex, written, outcome.verdict, outcome=outcome,
                    reason="; ".join(extras), readings=tuple(step.decided_reading.split("; ")))


def _computed_at_the_example(step) -> bool:
    """Whether ``step`` is a value computed at the example values given just before, with no
    letter left once they are put in (*Let $x = 2$. Then $x^2 = 5$.*): false there, it is
    an error of arithmetic, not an equation to solve (notes.example_near says when the claim
    is about the example; plan._still_varying excludes a relation in an example letter; a
    goal, *We want $x^2 = 5$*, is no such value)."""
    return bool(step.example_near and step.general is not None and not step.goal
                and not step.loose
                and not (step.lhs.free_symbols | step.rhs.free_symbols))


def _declared_by_directive(context, names: set[str]) -> bool:
    """A claim's letter the note declares with an ``assume`` directive or ties by a ``given``
    (``<!-- symderive: assume t onehot 3 -->``): the note says the claim is about every value it
    allows, so a failing value refutes it; it is no equation in unknowns to solve."""
    declared = set(context.directive_kinds)
    for given in getattr(context, "givens", ()):
        declared |= {str(symbol) for symbol in getattr(given, "free_symbols", ())}
    return any(name == letter or name.startswith((letter + "_", letter + "["))
               for name in names for letter in declared)  # t_1 of a declared vector t


def _unprepared(step, problem: Exception, lhs_latex: str, rhs_latex: str, written: str):
    """The step skipped because what is checked could not be built from it: the instances of
    its unknown functions, or its values (SymPy's own failure is named, not its message)."""
    message = getattr(problem, "message", None)
    if message is None and isinstance(problem, (TimeoutError, MemoryError, RecursionError)):
        message = str(problem) or type(problem).__name__
    if message is None:
        message = f"SymPy failed while evaluating it ({type(problem).__name__})"
    what = ("cannot build the instances of its unknown functions" if step.unknown
            else "cannot prepare it for checking")
    code = SkipReason.INPUT_LIMIT if "longer than" in message else SkipReason.PARSE_ERROR
    return _skipped(step, lhs_latex, rhs_latex, written, code, f"{what}: {message}")


def _skipped(step, lhs_latex: str, rhs_latex: str, written, skip: SkipReason, reason: str,
             used: tuple = ()) -> NoteStep:
    """A step reported as skipped, with the reason a reader sees and what it relied on."""
    return NoteStep(step.index, lhs_latex, rhs_latex, written, "skipped", skip=skip,
                    reason=reason, used=used)
