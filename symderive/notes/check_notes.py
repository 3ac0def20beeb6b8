r"""Check every equation chain of a set of notes and build a :class:`NotesReport`.

For each file: read it (UTF-8, at most :data:`MAX_FILE_BYTES`), read its directives, extract its
math, split it into chains, parse each element with the LaTeX grammar, then hand every step to
the checker (:func:`symderive.check.budget.run_tasks`, one worker process per step with a hard
time budget). Only the named files are read; nothing is executed.

Context rules:

* ``name := expr`` (also ``\coloneqq``, ``\triangleq``, ``\equiv``) defines ``name``; its
  definition is substituted wherever the name occurs in the file's chains.
* ``name = expr`` standing alone (two sides, the left a bare name such as ``y``, ``g(x)`` or
  ``H_p(q)``) is also a definition, from its line to the next section heading, when the name
  is defined only once there and the right side is not a plain number (``x = -2`` is an
  example value). It is skipped as a chain and substituted into the steps that use it, so
  ``\frac{\partial z}{\partial x}`` with ``z = t^2, t = x + y`` means d(x+y)²/dx; the report
  says which definitions a step used. The first step of ``H(x) = A = B`` defines H.
* A derivative of a name with no definition (``\frac{\partial L}{\partial x}`` with L never
  defined) is not checked: its value is unknown, and treating L as a constant would "prove"
  any chain rule as 0 = 0.
* A symbol that stands alone as the argument of ``E[…]`` or ``Var(…)`` somewhere in the file
  (``E[X]``, ``E[X^2]``, ``Var(X)``) is random in the chains that take expectations, unless a
  directive gives its domain; every other symbol is real.
* Symbols bounding a sum are sizes (positive integers); where ``o_k`` is summed over, a free
  ``o_j`` is the entry ``o[j]`` of the same vector (j an index in 1..n).
* ``minimize(…) = maximize(…)`` chains state equal optimisers, not equal values: skipped with
  reason *optimization*.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sympy as sp

from symderive.check.budget import Task, run_tasks
from symderive.check.context import CheckContext
from symderive.errors import ParseError, UsageError
from symderive.expectation import E, Var
from symderive.grammar.latex import LatexContext, parse_latex_math
from symderive.model import Domain
from symderive.notes.chains import CHECKED_RELATIONS, Chain, relation_kind, split_chains
from symderive.notes.directives import Directives, definition_head, read_directives
from symderive.notes.extract import MathBlock, extract_math
from symderive.notes.paths import NOTE_SUFFIXES, collect_paths  # noqa: F401 - re-exported
from symderive.notes.report import NoteEquation, NoteFile, NotesReport, NoteStep, SkipReason

MAX_FILE_BYTES = 1_000_000
MAX_CHAINS_PER_FILE = 400
EXPANSION_ROUNDS = 8
MAX_SUGGESTION_OPS = 80  # tidy a suggested derivative only when it is small (bounded time)
OPTIMIZATION = re.compile(r"minimi[sz]e|maximi[sz]e|\\arg\s*\\?m(in|ax)|\\operatorname\{arg")
TABLE = re.compile(r"\\begin\{(array|tabular)\}|\\hline")


@dataclass(frozen=True)
class NotesOptions:
    budget_seconds: float = 2.0
    jobs: int = 1
    seed: int = 0


def read_note(path: Path) -> tuple[str | None, str | None]:
    """(text, None) or (None, why it could not be read)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return (
                None,
                f"file larger than {MAX_FILE_BYTES // 1_000_000} MB ({size} bytes): not read",
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as problem:
        return None, f"cannot read: {problem.strerror or problem}"
    if len(raw) > MAX_FILE_BYTES:
        return None, f"file larger than {MAX_FILE_BYTES // 1_000_000} MB: not read"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        return None, (
            f"not UTF-8 (byte 0x{raw[problem.start]:02x} at offset {problem.start}): not read"
        )
    if "\x00" in text:
        return None, "binary file (NUL bytes): not read"
    return text, None


# -- the file's context ---------------------------------------------------------------------
@dataclass(frozen=True)
class Definition:
    """``name = value`` from the notes; explicit ones (:=) hold in the whole file, implicit ones
    (plain =) from their line to the next heading."""

    key: tuple  # ("symbol", Symbol) or ("function", name)
    value: object  # expr, or (parameters, body) for a function
    note: str  # as written, with its line
    start: int
    end: int  # last line where it applies


@dataclass(frozen=True)
class DefinitionView:
    """The definitions in force at one line."""

    symbols: dict
    functions: dict
    notes: dict  # key -> note


@dataclass
class FileContext:
    """What one note defines and assumes, built once and used by every chain."""

    latex: LatexContext
    domains: dict = field(default_factory=dict)
    givens: list = field(default_factory=list)
    independent: list = field(default_factory=list)
    definitions: list = field(default_factory=list)  # Definition
    problems: list = field(default_factory=list)

    def definitions_at(self, line: int) -> DefinitionView:
        active = [d for d in self.definitions if d.start <= line <= d.end]
        counts: dict = {}
        for definition in active:
            counts[definition.key] = counts.get(definition.key, 0) + 1
        symbols, functions, notes = {}, {}, {}
        for definition in active:
            if counts[definition.key] != 1:
                continue  # defined twice in scope: ambiguous, use neither
            if definition.key[0] == "symbol":
                symbols[definition.key[1]] = definition.value
            else:
                functions[definition.key[1]] = definition.value
            notes[definition.key] = definition.note
        return DefinitionView(symbols, functions, notes)


def _parse(latex: str, context: LatexContext, source: str, line: int) -> sp.Basic:
    return parse_latex_math(latex, context=context, source=source, line=line)


def build_context(
    chains: Sequence[tuple[MathBlock, Chain]],
    directives: Directives,
    source: str,
    headings: Sequence[int] = (),
) -> FileContext:
    function_names = set()
    for _, chain in chains:
        if len(chain.elements) >= 2:
            head = definition_head(chain.elements[0])
            if head and head[1] is not None and not head[0].startswith("\\"):
                function_names.add(head[0].replace("{", "").replace("}", ""))
    base = directives.latex_context()
    latex = LatexContext(shapes=base.shapes, functions=frozenset(function_names))
    context = FileContext(latex=latex)
    for line, message in directives.errors:
        context.problems.append(f"line {line}: directive not understood: {message}")
    for assumption in directives.assumptions:
        symbols = []
        for name in assumption.names:
            try:
                symbol = _parse(name, latex, source, 1)
            except ParseError as problem:
                context.problems.append(f"directive name {name!r}: {problem.message}")
                continue
            if not isinstance(symbol, (sp.Symbol, sp.MatrixSymbol)):
                context.problems.append(f"directive name {name!r} is not a name")
                continue
            symbols.append(symbol)
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
    for given in directives.givens:
        try:
            lhs = _parse(given.lhs, latex, source, given.line)
            rhs = _parse(given.rhs, latex, source, given.line)
        except ParseError as problem:
            context.problems.append(f"line {given.line}: given not understood: {problem.message}")
            continue
        context.givens.append(sp.Eq(lhs, rhs, evaluate=False))
    _collect_definitions(chains, context, source, headings)
    return context


def _collect_definitions(
    chains: Sequence[tuple[MathBlock, Chain]],
    context: FileContext,
    source: str,
    headings: Sequence[int],
) -> None:
    explicit_keys = set()
    for _, chain in chains:
        if len(chain.elements) < 2 or relation_kind(chain.relations[0]) == "unchecked":
            continue
        if chain.conditional:
            continue
        defining = relation_kind(chain.relations[0]) == "definition"
        head = definition_head(chain.elements[0])
        if head is None or (not defining and chain.relations[0] != "="):
            continue
        try:
            lhs = _parse(chain.elements[0], context.latex, source, chain.line)
            rhs = _parse(chain.elements[1], context.latex, source, chain.line)
        except ParseError:
            continue
        key, value = _definition_entry(lhs, rhs, head[1])
        if key is None:
            continue
        note = f"{chain.elements[0]} = {chain.elements[1]} (line {chain.line})"
        if defining:
            explicit_keys.add(key)
            context.definitions.append(Definition(key, value, note, 0, 10**9))
        elif rhs.free_symbols:  # x = -2 is an example value, not a definition
            end = next((line - 1 for line in headings if line > chain.line), 10**9)
            context.definitions.append(Definition(key, value, note, chain.line, end))
    # an explicit definition overrides the implicit ones of the same name
    context.definitions[:] = [
        d for d in context.definitions if d.key not in explicit_keys or d.start == 0
    ]


def _definition_entry(lhs: sp.Basic, rhs: sp.Basic, arguments: str | None) -> tuple:
    if isinstance(lhs, (sp.Symbol, sp.Indexed)) and arguments is None:
        if isinstance(lhs, sp.Indexed):
            return None, None
        return ("symbol", lhs), rhs
    if isinstance(lhs, sp.core.function.AppliedUndef):
        parameters = lhs.args
        if not all(isinstance(parameter, sp.Symbol) for parameter in parameters):
            return None, None
        return ("function", lhs.func.__name__), (parameters, rhs)
    return None, None


# -- preparing one expression -----------------------------------------------------------------
class UndefinedDerivative(Exception):
    """A derivative of a name the notes never define."""


def _outside_indexed(expr: sp.Basic) -> set:
    """Free symbols that are not only the label of an IndexedBase (``p`` of ``p[i]``)."""
    if isinstance(expr, sp.Indexed):
        return set().union(*(index.free_symbols for index in expr.indices))
    if isinstance(expr, sp.Symbol):
        return {expr}
    found: set = set()
    for argument in expr.args:
        found |= _outside_indexed(argument)
    return found


def _replace_outside_indexed(expr: sp.Basic, replacements: dict) -> sp.Basic:
    """xreplace that leaves ``p[i]`` alone when ``p`` itself is being replaced."""
    if isinstance(expr, (sp.Indexed, sp.IndexedBase)):
        return expr
    if expr in replacements:
        return replacements[expr]
    if not expr.args:
        return expr
    return expr.func(*(_replace_outside_indexed(argument, replacements) for argument in expr.args))


def _expand_definitions(expr: sp.Basic, view: DefinitionView, keep: Iterable = ()) -> sp.Basic:
    keep = set(keep)
    for _ in range(EXPANSION_ROUNDS):
        visible = _outside_indexed(expr)
        replacements = {
            symbol: value
            for symbol, value in view.symbols.items()
            if symbol in visible and symbol not in keep
        }
        for applied in expr.atoms(sp.core.function.AppliedUndef):
            definition = view.functions.get(applied.func.__name__)
            if definition and len(definition[0]) == len(applied.args):
                parameters, body = definition
                replacements[applied] = body.xreplace(dict(zip(parameters, applied.args)))
        if not replacements:
            return expr
        expr = _replace_outside_indexed(expr, replacements)
    return expr


def _used_definitions(expr: sp.Basic, view: DefinitionView) -> set:
    """Keys of the definitions an expression uses, directly or through other definitions."""
    used: set = set()
    frontier = [expr]
    for _ in range(EXPANSION_ROUNDS):
        found = set()
        for item in frontier:
            for symbol in view.symbols:
                if symbol in _outside_indexed(item):
                    found.add(("symbol", symbol))
            for applied in item.atoms(sp.core.function.AppliedUndef):
                if applied.func.__name__ in view.functions:
                    found.add(("function", applied.func.__name__))
        found -= used
        if not found:
            break
        used |= found
        frontier = [
            view.symbols[key[1]] if key[0] == "symbol" else view.functions[key[1]][1]
            for key in found
        ]
    return used


def prepare(expr: sp.Basic, view: DefinitionView) -> sp.Basic:
    """Definitions substituted; derivatives evaluated on the expanded differentiand."""

    def rewrite(node: sp.Basic) -> sp.Basic:
        if isinstance(node, sp.Derivative):
            variables = node.variables
            inner = _expand_definitions(rewrite(node.expr), view, keep=variables)
            if (
                isinstance(inner, (sp.Symbol, sp.Indexed)) and inner not in variables
            ) or isinstance(inner, sp.core.function.AppliedUndef):
                raise UndefinedDerivative(str(inner))
            return sp.diff(inner, *variables)
        if not node.args or isinstance(node, (sp.Indexed, sp.IndexedBase)):
            return node
        return node.func(*(rewrite(argument) for argument in node.args))

    return _expand_definitions(rewrite(expr), view)


# -- one file -------------------------------------------------------------------------------
@dataclass
class _PlannedEquation:
    block: MathBlock
    chain: Chain
    skip: SkipReason | None = None
    reason: str = ""
    # (index, relation, lhs expr | None, rhs expr | None, skip, reason, had_derivative, used)
    steps: list = field(default_factory=list)
    view: DefinitionView | None = None
    parsed: bool = True  # every element was read by the grammar
    random: set = field(default_factory=set)  # symbols inferred random in this chain


def _skip_code(problem: ParseError) -> SkipReason:
    message = problem.message
    if "unsupported command" in message or "unknown word" in message or "unknown" in message:
        if r"\begin" in message or "pmatrix" in message or r"\vdots" in message:
            return SkipReason.MATRIX
        return SkipReason.UNKNOWN_COMMAND
    if "prose" in message:
        return SkipReason.PROSE
    if "optimisation" in message:
        return SkipReason.OPTIMIZATION
    if "matri" in message or "transpose" in message:
        return SkipReason.MATRIX
    if "longer than" in message or "deeper than" in message or "larger than" in message:
        return SkipReason.INPUT_LIMIT
    return SkipReason.PARSE_ERROR


def _classify(chain: Chain, latex: LatexContext) -> tuple[SkipReason | None, str]:
    text = " ".join(chain.elements)
    if TABLE.search(chain.latex):
        return SkipReason.TABLE, "a table, not an equation"
    if not chain.is_chain:
        if re.search(r"\\text\{[^}]*[A-Za-z]{2}", text):
            return SkipReason.PROSE, "prose in \\text{}"
        return SkipReason.NOT_A_CHAIN, "a single expression, no relation"
    if OPTIMIZATION.search(text):
        return SkipReason.OPTIMIZATION, (
            "minimize/maximize state equal optimisers, not equal values"
        )
    kinds = {relation_kind(relation) for relation in chain.relations}
    if chain.conditional:
        return SkipReason.UNCHECKED_RELATION, "one case of a condition (':')"
    if "unchecked" in kinds:
        unchecked = [r for r in chain.relations if relation_kind(r) == "unchecked"]
        return SkipReason.UNCHECKED_RELATION, f"relation {unchecked[0]} is not checked"
    if kinds == {"definition"}:
        return SkipReason.DEFINITION, "a definition"
    if any(not element for element in chain.elements):
        return SkipReason.PARSE_ERROR, "an empty side"
    if len(chain.elements) == 2 and "definition" not in kinds:
        head = definition_head(chain.elements[0])
        if head is not None and _names_something(chain.elements[0], latex):
            return SkipReason.DEFINITION, "a definition of a name"
    return None, ""


def _names_something(latex: str, context: LatexContext) -> bool:
    """True when ``latex`` (already shaped like a name) is a user's name such as ``L``,
    ``f(x, y)`` or ``H_p(q)`` rather than a built-in (``\\sigma(x)``, ``D_{KL}(P\\|Q)``)."""
    try:
        value = parse_latex_math(latex, context=context)
    except ParseError:
        return False
    return isinstance(value, (sp.Symbol, sp.Indexed, sp.core.function.AppliedUndef))


def plan_file(
    text: str, source: str, markdown: bool
) -> tuple[list[_PlannedEquation], FileContext, list[str]]:
    """Extract, split, parse and prepare every chain of one note (no checking yet)."""
    directives = read_directives(text)
    extraction = extract_math(text, markdown=markdown)
    notices = [f"line {notice.line}: {notice.message}" for notice in extraction.notices]
    chains = [
        (block, chain)
        for block in extraction.blocks
        for chain in split_chains(block.latex, block.line)
    ]
    if len(chains) > MAX_CHAINS_PER_FILE:
        notices.append(f"only the first {MAX_CHAINS_PER_FILE} of {len(chains)} equations checked")
        chains = chains[:MAX_CHAINS_PER_FILE]
    context = build_context(chains, directives, source, heading_lines(text, markdown))
    notices.extend(context.problems)
    planned = []
    for block, chain in chains:
        skip, reason = _classify(chain, context.latex)
        equation = _PlannedEquation(block, chain, skip, reason)
        if skip is None:
            _plan_steps(equation, context, source)
        planned.append(equation)
    _infer_random(planned, context)
    return planned, context, notices


def heading_lines(text: str, markdown: bool) -> list[int]:
    """Lines of section headings (Markdown ``#``, LaTeX ``\\section``): implicit definitions
    hold until the next one."""
    pattern = r"^#{1,6}\s" if markdown else r"^\s*\\(?:sub)*section\*?\{"
    return [text.count("\n", 0, match.start()) + 1 for match in re.finditer(pattern, text, re.M)]


def _plan_steps(equation: _PlannedEquation, context: FileContext, source: str) -> None:
    chain = equation.chain
    view = context.definitions_at(chain.line)
    equation.view = view
    raws: list = []
    for element in chain.elements:
        try:
            raws.append(_parse(element, context.latex, source, chain.line))
        except ParseError as problem:
            raws.append(problem)
            equation.parsed = False
    raws = _normalise_indices(raws, context)
    parsed: list = []
    for raw in raws:
        if isinstance(raw, ParseError):
            parsed.append((None, _skip_code(raw), raw.message, False, set()))
            continue
        try:
            prepared = prepare(raw, view)
        except UndefinedDerivative as undefined:
            parsed.append(
                (None, SkipReason.UNDEFINED_DERIVATIVE,
                 f"derivative of {undefined}, which the notes never define", False, set())
            )  # fmt: skip
            continue
        except Exception as problem:  # noqa: BLE001 - SymPy failing on one element skips its steps
            parsed.append(
                (None, SkipReason.PARSE_ERROR, f"cannot evaluate: {problem}", False, set())
            )
            continue
        used = _used_definitions(raw, view)
        parsed.append((prepared, None, "", bool(raw.atoms(sp.Derivative)), used))
    head_defines = (
        len(chain.elements) >= 3
        and definition_head(chain.elements[0]) is not None
        and chain.relations[0] == "="
        and _names_something(chain.elements[0], context.latex)
    )
    for index in range(1, len(chain.elements)):
        relation = chain.relations[index - 1]
        left, right = parsed[index - 1], parsed[index]
        if index == 1 and head_defines:
            equation.steps.append((index, relation, None, None, SkipReason.DEFINITION,
                                   "defines the name on the left", False, set()))  # fmt: skip
            continue
        if relation_kind(relation) == "definition":
            equation.steps.append((index, relation, None, None, SkipReason.DEFINITION,
                                   "a definition", False, set()))  # fmt: skip
            continue
        problem = left if left[0] is None else right if right[0] is None else None
        if problem is not None:
            equation.steps.append(
                (index, relation, None, None, problem[1], problem[2], False, set())
            )
            continue
        equation.steps.append(
            (
                index,
                CHECKED_RELATIONS[relation],
                left[0],
                right[0],
                None,
                "",
                left[3],
                left[4] | right[4],
            )
        )


def _normalise_indices(raws: list, context: FileContext) -> list:
    """Make one chain's notation consistent before anything is evaluated.

    * Symbols bounding a sum (``n`` in ``\\sum_{i=1}^{n}``) become positive integers with the
      size domain, everywhere in the chain.
    * Where ``o`` is summed over as ``o_k``, a free ``o_j`` is the same vector's entry
      ``o[j]`` (j an integer index in 1..n), and ``o_2`` is ``o[2]``; otherwise
      ``\\frac{\\partial}{\\partial o_j} \\sum_k e^{o_k}`` would differentiate by an unrelated
      symbol and give 0.
    """
    expressions = [raw for raw in raws if not isinstance(raw, ParseError)]
    bound_names: set[str] = set()
    upper: dict[str, sp.Basic] = {}
    for expr in expressions:
        for node in expr.atoms(sp.Sum, sp.Product):
            for _index, low, high in node.limits:
                bound_names |= {
                    s.name
                    for s in (low.free_symbols | high.free_symbols)
                    if isinstance(s, sp.Symbol)
                }
            for indexed in node.function.atoms(sp.Indexed):
                upper.setdefault(str(indexed.base.label), node.limits[0][2])
    replacements: dict = {}
    for expr in expressions:
        for symbol in expr.free_symbols:
            if not isinstance(symbol, sp.Symbol):
                continue
            if symbol.name in bound_names and not symbol.is_integer:
                replacements[symbol] = sp.Symbol(symbol.name, integer=True, positive=True)
            base, _, subscript = symbol.name.rpartition("_")
            if base in upper and (
                subscript.isdigit() or (len(subscript) == 1 and subscript.isalpha())
            ):
                if subscript.isdigit():
                    index: sp.Basic = sp.Integer(subscript)
                else:
                    index = sp.Symbol(subscript, integer=True)
                    high = upper[base]
                    context.domains.setdefault(index, Domain("index", low=1, high=high))
                replacements[symbol] = sp.IndexedBase(base)[index]
    for name in bound_names:
        context.domains.setdefault(sp.Symbol(name, integer=True, positive=True), Domain("size"))
    if not replacements:
        return raws
    # the bound of an index domain may itself be renamed to the integer size symbol
    for key, domain in list(context.domains.items()):
        if domain.kind == "index" and isinstance(domain.high, sp.Basic):
            context.domains[key] = Domain("index", low=1, high=domain.high.xreplace(replacements))
    return [raw if isinstance(raw, ParseError) else raw.xreplace(replacements) for raw in raws]


def _infer_random(planned: list[_PlannedEquation], context: FileContext) -> None:
    """Random symbols of each chain that uses E[…] or Var(…), where no directive decides.

    A symbol is random when somewhere in the file it is the whole argument of an expectation or
    a variance (``E[X]``, ``E[X^2]``, ``Var(X)``): so in ``E[aX + b] = aE[X] + b`` X is random
    and a, b are constants, and in the seed's ``E[y_t \\hat y]`` both are random.
    """
    alone: set = set()
    for equation in planned:
        for step in equation.steps:
            for expr in step[2:4]:
                if expr is None:
                    continue
                for node in expr.atoms(E, Var):
                    argument = node.args[0]
                    if argument.is_Pow and argument.exp.is_Integer:
                        argument = argument.base
                    if isinstance(argument, sp.Symbol):
                        alone.add(argument)
    for equation in planned:
        expressions = [expr for step in equation.steps for expr in step[2:4] if expr is not None]
        if not any(expr.atoms(E, Var) for expr in expressions):
            continue
        symbols = set().union(*(expr.free_symbols for expr in expressions))
        equation.random = {symbol for symbol in symbols & alone if symbol not in context.domains}


def _suggestion(lhs: sp.Basic, had_derivative: bool) -> str | None:
    """When a derivative step is refuted, the true derivative (the previous side evaluated)."""
    if not had_derivative:
        return None
    if sp.count_ops(lhs) <= MAX_SUGGESTION_OPS:
        try:
            lhs = min((lhs, sp.factor(sp.cancel(lhs))), key=sp.count_ops)
        except (sp.PolynomialError, ValueError, TypeError):
            pass
    return sp.latex(lhs)


def check_files(paths: Sequence[Path], options: NotesOptions = NotesOptions()) -> NotesReport:
    """Check every chain of every named note; one worker process per step."""
    started = time.monotonic()
    files: list[NoteFile | None] = []
    plans: list = []
    tasks: list[Task] = []
    for file_index, path in enumerate(paths):
        text, error = read_note(path)
        if text is None:
            files.append(NoteFile(str(path), error=error))
            plans.append(None)
            continue
        markdown = path.suffix.lower() != ".tex"
        planned, context, notices = plan_file(text, str(path), markdown)
        file_context = CheckContext.build(context.domains, context.givens, context.independent)
        for equation_index, equation in enumerate(planned):
            for step in equation.steps:
                index, relation, lhs, rhs, skip = step[:5]
                if skip is None:
                    key = (file_index, equation_index, index)
                    check_context = file_context
                    if equation.random:
                        domains = dict(context.domains)
                        domains.update({symbol: Domain("random") for symbol in equation.random})
                        check_context = CheckContext.build(
                            domains, context.givens, context.independent
                        )
                    tasks.append(Task(key, lhs, rhs, relation, check_context, options.seed + index))
        files.append(None)
        plans.append((path, planned, context, notices))
    outcomes = run_tasks(tasks, options.budget_seconds, options.jobs) if tasks else {}
    results = []
    for file_index, (file, plan) in enumerate(zip(files, plans)):
        if file is not None:
            results.append(file)
            continue
        path, planned, context, notices = plan
        equations = [
            _equation_report(file_index, equation_index, equation, context, outcomes)
            for equation_index, equation in enumerate(planned)
        ]
        results.append(NoteFile(str(path), tuple(equations), tuple(notices)))
    return NotesReport(tuple(results), time.monotonic() - started)


def _equation_report(file_index, equation_index, equation, context, outcomes) -> NoteEquation:
    chain = equation.chain
    steps = []
    for index, _relation, lhs, rhs, skip, reason, had_derivative, used in equation.steps:
        lhs_latex, rhs_latex = chain.elements[index - 1], chain.elements[index]
        written = chain.relations[index - 1]
        if skip is not None:
            steps.append(NoteStep(index, lhs_latex, rhs_latex, written, "skipped",
                                  reason=reason, skip=skip))  # fmt: skip
            continue
        outcome = outcomes[(file_index, equation_index, index)]
        in_force = equation.view.notes if equation.view else {}
        notes = [in_force[key] for key in sorted(used, key=str) if key in in_force]
        explanation = outcome.reason
        if notes:
            explanation = (explanation + "; " if explanation else "") + "used: " + "; ".join(notes)
        used_givens = getattr(outcome, "used_givens", ())
        if used_givens:
            given_text = "; ".join(used_givens)
            explanation = (explanation + "; " if explanation else "") + f"given used: {given_text}"
        if outcome.sizes:
            sizes = ", ".join(str(size) for size in outcome.sizes)
            explanation = (explanation + "; " if explanation else "") + f"sizes checked: {sizes}"
        suggestion = _suggestion(lhs, had_derivative) if outcome.verdict == "refuted" else None
        steps.append(
            NoteStep(
                index,
                lhs_latex,
                rhs_latex,
                written,
                outcome.verdict,
                lhs=sp.sstr(lhs),
                rhs=sp.sstr(rhs),
                outcome=outcome,
                suggestion=suggestion,
                reason=explanation,
            )  # fmt: skip
        )
    return NoteEquation(
        chain.line, chain.latex.strip(), equation.block.kind, tuple(steps), equation.skip,
        equation.reason, parsed=equation.skip is None and equation.parsed,
    )  # fmt: skip


def check_notes(arguments: Sequence[str], options: NotesOptions = NotesOptions()) -> NotesReport:
    """``symderive notes PATH…``: the named files and note files under named folders."""
    paths = collect_paths(arguments)
    if not paths:
        raise UsageError("no note files (*.md, *.markdown, *.tex, *.txt) in the given paths")
    return check_files(paths, options)
