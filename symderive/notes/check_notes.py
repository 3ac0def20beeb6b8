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

import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import sympy as sp

from symderive.check.budget import Task, run_tasks
from symderive.check.context import CheckContext
from symderive.errors import ParseError, UsageError
from symderive.grammar.build import time_limit
from symderive.grammar.latex import MATRIX_SIZE, reads_as_function
from symderive.model import Domain
from symderive.notes.chains import MAX_ROWS, split_chains
from symderive.notes.context import FileContext, build_context, locate
from symderive.notes.directives import read_directives
from symderive.notes.extract import extract_math
from symderive.notes.instances import instances
from symderive.notes.plan import (
    PLAN_SECONDS,
    PlannedEquation,
    PlannedStep,
    classify_chain,
    index_ambiguity,
    infer_random,
    plan_steps,
)
from symderive.notes.report import NoteEquation, NoteFile, NotesReport, NoteStep, SkipReason
from symderive.report import Outcome

MAX_FILE_BYTES = 1_000_000
MAX_CHAINS_PER_FILE = 400
NOTE_SUFFIXES = (".md", ".markdown", ".tex", ".txt")
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


# -- paths ----------------------------------------------------------------------------------
def collect_paths(arguments: Sequence[str]) -> list[Path]:
    """Named files, and every note file under named folders (no hidden folders, no symlinks
    leading out of the folder). A missing path is a usage error."""
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if not path.exists():
            raise UsageError(f"no such file or folder: {argument}")
        if path.is_dir():
            paths.extend(_notes_in_folder(path))
        elif path.is_file():
            paths.append(path)
        else:
            raise UsageError(f"not a regular file or folder: {argument}")
    return paths


def _notes_in_folder(folder: Path) -> list[Path]:
    root = folder.resolve()
    found = []
    for directory, subdirectories, files in os.walk(folder, followlinks=False):
        subdirectories[:] = sorted(name for name in subdirectories if not name.startswith("."))
        for name in sorted(files):
            candidate = Path(directory) / name
            if name.startswith(".") or candidate.suffix.lower() not in NOTE_SUFFIXES:
                continue
            resolved = candidate.resolve()
            if candidate.is_symlink() and root not in resolved.parents:
                continue
            if resolved.is_file():
                found.append(candidate)
    return found


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


# -- stages 2-4: locate, context, plan ----------------------------------------------------------
def heading_lines(text: str, markdown: bool) -> list[int]:
    """Lines of section headings (Markdown ``#``, LaTeX ``\\section``): definitions hold until
    the next one. One pass over the text (line numbers by counting forward, never from 0)."""
    pattern = r"^#{1,6}\s" if markdown else r"^\s*\\(?:sub)*section\*?\{"
    lines, line, counted = [], 1, 0
    for match in re.finditer(pattern, text, re.M):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        lines.append(line)
    return lines


def continue_chains(pairs: list) -> list:
    """A block that starts with a relation (``$$ = … $$``, a common Markdown style) continues
    the last chain of the block before it."""
    merged: list = []
    for block, chain in pairs:
        if (
            merged and chain.relations and not chain.elements[0].strip()
            and merged[-1][0] is not block and merged[-1][1].elements[-1].strip()
        ):  # fmt: skip
            previous_block, previous = merged[-1]
            merged[-1] = (previous_block, replace(
                previous,
                latex=previous.latex + r" \\ " + chain.latex,
                elements=previous.elements + chain.elements[1:],
                relations=previous.relations + chain.relations,
            ))  # fmt: skip
            continue
        merged.append((block, chain))
    return merged


def blank_lines(text: str) -> list[int]:
    """Lines that are empty (paragraph breaks), in one pass."""
    return [number for number, line in enumerate(text.split("\n"), start=1) if not line.strip()]


def _matrix_shapes(text: str, base: tuple) -> tuple:
    """Capital letters the note transposes (``X^T``, ``W^\\top``) are matrices; undeclared
    ones get the symbolic square shape size × size (checked at instantiated sizes)."""
    declared = {name for name, _ in base} | set(BOLD_CAPITAL.findall(text))
    found = sorted({match.group(1) for match in TRANSPOSED.finditer(text)} - declared)
    return base + tuple((name, (MATRIX_SIZE, MATRIX_SIZE)) for name in found)


def plan_file(text: str, source: str, markdown: bool) -> FilePlan:
    """Extract, locate, read the context of and plan every chain of one note (no checking)."""
    started = time.monotonic()
    directives = read_directives(text)
    extraction = extract_math(text, markdown=markdown)
    notices = [f"line {notice.line}: {notice.message}" for notice in extraction.notices]
    pairs = []
    for block in extraction.blocks:
        if block.latex.count("\\\\") >= MAX_ROWS:
            notices.append(f"line {block.line}: only the first {MAX_ROWS} rows of this block read")
        pairs.extend((block, chain) for chain in split_chains(block.latex, block.line))
    if len(pairs) > MAX_CHAINS_PER_FILE:
        notices.append(f"only the first {MAX_CHAINS_PER_FILE} of {len(pairs)} equations checked")
        pairs = pairs[:MAX_CHAINS_PER_FILE]
    located = locate(continue_chains(pairs), heading_lines(text, markdown), blank_lines(text))
    context = build_context(located, directives, source)
    math_text = " ".join(block.latex for block in extraction.blocks)
    shapes = _matrix_shapes(math_text, context.latex.shapes)
    for name, shape in shapes[len(context.latex.shapes) :]:
        context.readings.setdefault(name, f"matrix {shape[0]}×{shape[1]} (transposed in the note)")
    bold = frozenset(BOLD_CAPITAL.findall(math_text))
    context.latex = replace(context.latex, shapes=shapes, bold=bold, scalars=context.latex.scalars | frozenset(
        d.key[1].name for d in context.definitions
        if d.key[0] == "symbol" and not reads_as_function(d.key[1].name)
    ))  # fmt: skip
    notices.extend(context.problems)
    planned = []
    for item in located:
        skip, reason = classify_chain(item)
        equation = PlannedEquation(item, skip, reason)
        if skip is None:
            plan_steps(equation, context, source, notices)
        planned.append(equation)
    infer_random(planned, context)
    return FilePlan(source, tuple(planned), context, tuple(notices), time.monotonic() - started)


# -- stage 5: check ---------------------------------------------------------------------------
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


# readings the note may intend without saying so: a refutation that disappears under one of
# them is reported *undecided*, naming the hypothesis (and the directive that states it)
ALTERNATIVES = {
    "independent": "holds if the random symbols are independent, fails if they may be "
    "dependent: say which with '<!-- symderive: assume X, Y independent -->'",
    "identical": "holds if the indexed entries are identically distributed (x_i like x), "
    "fails otherwise: the note states this in words",
    "simplex": "holds if the indexed vectors sum to 1 (probability or one-hot), fails "
    "otherwise: say so with '<!-- symderive: assume NAME simplex N -->'",
}


def _check_context(
    plan: FilePlan, equation: PlannedEquation, alternative: str = "", step=None,
    expressions: tuple = (), domain: tuple = (),
) -> CheckContext:
    context = plan.context
    domains = dict(context.domains)
    domains.update({symbol: Domain("random") for symbol in equation.random})
    groups = list(context.independent)
    if alternative == "independent" and equation.random:
        groups.append(tuple(sorted(equation.random, key=str)))
    if alternative == "simplex" and step is not None:
        for base in _indexed_bases(step):
            domains[base] = Domain("simplex", group=str(base))
    if expressions or step is not None:
        _entry_domains(expressions or (step.lhs, step.rhs), domains)
    return CheckContext.build(domains, context.givens, groups, domain)


def _entry_domains(expressions: tuple, domains: dict) -> None:
    """``p_i`` takes the domain declared for ``p``; a simplex declared by directive is given
    either by its entries ``y_1 … y_N`` or by its indexed base ``y[j]``, as the step uses it."""
    symbols = set().union(*(expr.free_symbols for expr in expressions))
    indexed = {str(s.base) for s in symbols if isinstance(s, sp.Indexed)}
    for key, domain in list(domains.items()):
        if domain.kind == "simplex" and domain.group in indexed and isinstance(key, sp.Symbol):
            del domains[key]
        elif domain.kind == "simplex" and domain.group not in indexed and not isinstance(
            key, sp.Symbol
        ):
            del domains[key]
    by_name = {key.name: domain for key, domain in domains.items() if isinstance(key, sp.Symbol)}
    for symbol in symbols:
        if isinstance(symbol, sp.Symbol) and symbol not in domains and "_" in symbol.name:
            inherited = by_name.get(symbol.name.rpartition("_")[0])
            if inherited is not None and inherited.kind != "simplex":
                domains[symbol] = inherited


def _identical(step: PlannedStep) -> tuple | None:
    """The step with each entry ``x[i]`` read as ``x`` when the step also names ``x`` itself
    (``\\sum_i Var(x_i) = n Var(x)``: entries distributed like x); None when it does not."""
    names = {s for side in (step.lhs, step.rhs) for s in side.free_symbols
             if isinstance(s, sp.Symbol)}  # fmt: skip
    mapping = {
        entry: sp.Symbol(str(entry.base)) for side in (step.lhs, step.rhs)
        for entry in side.atoms(sp.Indexed) if sp.Symbol(str(entry.base)) in names
    }  # fmt: skip
    if not mapping:
        return None
    return step.lhs.xreplace(mapping).doit(), step.rhs.xreplace(mapping).doit()


def _indexed_bases(step: PlannedStep) -> list:
    found = set()
    for side in (step.lhs, step.rhs):
        found |= {indexed.base for indexed in side.atoms(sp.Indexed)}
    return sorted(found, key=str)


def _onehot_cases(step: PlannedStep, onehot: list) -> list[tuple[str, dict]]:
    """For ``assume t onehot N``: the N cases t = e_k, as substitutions of t_m and t[j]."""
    cases = []
    symbols = step.lhs.free_symbols | step.rhs.free_symbols
    for name, size in onehot:
        entries = {sp.Symbol(f"{name}_{m}"): m for m in range(1, size + 1)}
        present = [s for s in symbols if s in entries] + [
            s for s in symbols if isinstance(s, sp.Indexed) and str(s.base) == name
        ]
        if not present:
            continue
        for k in range(1, size + 1):
            mapping = {symbol: sp.Integer(int(m == k)) for symbol, m in entries.items()}
            mapping.update({s: sp.KroneckerDelta(s.indices[0], k)
                            for s in symbols if isinstance(s, sp.Indexed) and str(s.base) == name})
            cases.append((f"{name} = e_{k}", mapping))  # fmt: skip
    return cases


def _simplex_entries(expr: sp.Basic, names: set) -> sp.Basic:
    """Sums with numeric bounds over a declared probability vector written out, and its
    entries ``y[m]`` named ``y_m``, so that the checker sees the whole vector."""
    expr = expr.replace(
        lambda node: isinstance(node, sp.Sum)
        and all(low.is_Integer and high.is_Integer for _, low, high in node.limits)
        and any(str(i.base) in names for i in node.atoms(sp.Indexed)),
        lambda node: node.doit(),
    )
    return expr.xreplace({
        entry: sp.Symbol(f"{entry.base}_{entry.indices[0]}")
        for entry in expr.atoms(sp.Indexed)
        if str(entry.base) in names and len(entry.indices) == 1 and entry.indices[0].is_Integer
    })  # fmt: skip


def _variants(
    step: PlannedStep, seed: int, onehot: list = (), simplex: set = frozenset()
) -> list[tuple[str, sp.Basic, sp.Basic, str, str]]:
    """(variant, lhs, rhs, relation, description) to check for one step."""
    lhs, rhs, relation = step.lhs, step.rhs, step.relation
    cases = _onehot_cases(step, list(onehot))
    if simplex:
        lhs, rhs = (_simplex_entries(side, simplex) for side in (lhs, rhs))
    if cases:
        return [
            (f"onehot{k}", lhs.xreplace(mapping).doit(), rhs.xreplace(mapping).doit(), relation,
             f"one-hot case {description}")
            for k, (description, mapping) in enumerate(cases)
        ]  # fmt: skip
    if step.places is not None:
        tolerance = sp.Rational(1, 10**step.places)
        return [("decimal", sp.Abs(lhs - rhs), tolerance, "<=",
                 f"checked to {step.places} decimals (|difference| ≤ {tolerance})")]  # fmt: skip
    if step.unknown:
        return [
            (f"instance{k}", instance.apply(lhs), instance.apply(rhs), relation,
             instance.describe())
            for k, instance in enumerate(instances(dict(step.unknown), seed))
        ]  # fmt: skip
    plain = [("plain", lhs, rhs, relation, "")]
    if step.general is not None and step.general != (lhs, rhs):
        general_lhs, general_rhs = step.general
        plain.append(("general", general_lhs, general_rhs, relation, "without example values"))
    return plain


def check_files(paths: Sequence[Path], options: NotesOptions = NotesOptions()) -> NotesReport:
    """Check every chain of every named note; one worker process per step (and variant)."""
    started = time.monotonic()
    plans: list[FilePlan | NoteFile] = []
    tasks: list[Task] = []
    variants: dict = {}
    for file_index, path in enumerate(paths):
        text, error = read_note(path)
        if text is None:
            plans.append(NoteFile(str(path), error=error))
            continue
        plan = plan_file(text, str(path), path.suffix.lower() != ".tex")
        plans.append(plan)
        for equation_index, equation in enumerate(plan.equations):
            for step in equation.steps:
                if step.skip is not None:
                    continue
                key = (file_index, equation_index, step.index)
                try:
                    with time_limit(PLAN_SECONDS, source=plan.path, what="building the instances"):
                        chosen = _variants(step, options.seed + step.index,
                                           plan.context.onehot, plan.context.simplex)  # fmt: skip
                except Exception as problem:  # noqa: BLE001 - an instance SymPy cannot build
                    variants[key] = problem
                    continue
                variants[key] = chosen
                for name, lhs, rhs, relation, _ in chosen:
                    context = _check_context(
                        plan, equation, expressions=(lhs, rhs),
                        domain=step.domain if name == "plain" else (),
                    )  # fmt: skip
                    tasks.append(Task(key + (name,), lhs, rhs, relation, context,
                                      options.seed + step.index))  # fmt: skip
    outcomes = run_tasks(tasks, options.budget_seconds, options.jobs) if tasks else {}
    outcomes.update(_alternative_round(plans, variants, outcomes, options))
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
            NoteFile(plan.path, equations, plan.notices, readings=file_readings(plan),
                     seconds=plan.seconds)
        )  # fmt: skip
    return NotesReport(tuple(results), time.monotonic() - started)


def _alternative_round(plans, variants, outcomes, options) -> dict:
    """A refuted claim is checked again under the readings in :data:`ALTERNATIVES` that apply
    (random symbols independent; indexed vectors summing to 1): if it then holds, the verdict
    depends on a hypothesis the note states only in words, so it is *undecided*."""
    tasks = []
    for file_index, plan in enumerate(plans):
        if isinstance(plan, NoteFile):
            continue
        for equation_index, equation in enumerate(plan.equations):
            for step in equation.steps:
                key = (file_index, equation_index, step.index)
                chosen = variants.get(key)
                if not isinstance(chosen, list) or len(chosen) != 1 or chosen[0][0] != "plain":
                    continue
                if outcomes.get(key + ("plain",), Outcome("undecided")).verdict != "refuted":
                    continue
                applicable = []
                if len(equation.random) >= 2:
                    applicable.append("independent")
                if _indexed_bases(step):
                    applicable.append("simplex")
                if _identical(step) is not None:
                    applicable.append("identical")
                _, lhs, rhs, relation, _ = chosen[0]
                for alternative in applicable:
                    if alternative == "identical":
                        lhs, rhs = _identical(step)
                    context = _check_context(plan, equation, alternative, step)
                    tasks.append(Task(key + (alternative,), lhs, rhs, relation, context,
                                      options.seed + step.index))  # fmt: skip
    return run_tasks(tasks, options.budget_seconds, options.jobs) if tasks else {}


def _with_examples(key, outcomes, near: bool) -> tuple[Outcome, str]:
    """A claim after example values: true for all values → that verdict; refuted at the
    example → refuted; true only at the example → its verdict when the example was given just
    before (the claim is about it), else undecided (the note may mean the general claim)."""
    example, general = outcomes[key + ("plain",)], outcomes[key + ("general",)]
    if general.holds:
        return general, "holds for all values, not only the example values"
    if not near and not example.holds:
        return general, ""  # the note may mean the general claim: judge that one
    if example.verdict == "refuted" or not example.holds:
        return example, ""
    if near:
        return example, "for the example values given just before"
    return Outcome("undecided", method=example.method, reason=(
        "holds for the example values in force, but not for all values: say which is meant"
    )), ""  # fmt: skip


def _combined(key, chosen, outcomes, near: bool = False) -> tuple[Outcome, str]:
    """One outcome for a step from its variants; the description of what was checked."""
    if [name for name, *_ in chosen] == ["plain", "general"]:
        return _with_examples(key, outcomes, near)
    if len(chosen) == 1:
        name, _, _, _, description = chosen[0]
        outcome = outcomes[key + (name,)]
        for alternative, why in ALTERNATIVES.items():
            other = outcomes.get(key + (alternative,))
            if outcome.verdict == "refuted" and other is not None and other.holds:
                return Outcome("undecided", method=outcome.method, reason=why), description
        if name == "decimal" and outcome.verdict == "proved":
            outcome = replace(outcome, verdict="checked")  # a rounded value is not an identity
        return outcome, description
    results = [(outcomes[key + (name,)], description) for name, *_, description in chosen]
    onehot = chosen[0][0].startswith("onehot")
    for outcome, description in results:
        if outcome.verdict == "refuted":
            where = description if onehot else f"the instance {description}"
            return outcome, f"refuted in {where}"
    if all(outcome.holds for outcome, _ in results):
        first = results[0][0]
        names = "; ".join(description for _, description in results)
        if onehot:
            verdict = "proved" if all(o.verdict == "proved" for o, _ in results) else "checked"
            return replace(first, verdict=verdict, method="one-hot cases",
                           reason=f"holds in each of the {len(results)} one-hot cases"
                           ), names  # fmt: skip
        return replace(first, verdict="checked", method="instances",
                       reason=f"holds on {len(results)} instances of the unknown functions"
                       ), f"instances: {names}"  # fmt: skip
    undecided = next(outcome for outcome, _ in results if not outcome.holds)
    return undecided, "instances: " + "; ".join(description for _, description in results)


def _step_readings(step_latex: str, readings: dict) -> tuple[str, ...]:
    squeezed = re.sub(r"[\\{}\s]", "", step_latex)
    return tuple(
        f"{name}: {how}" for name, how in readings.items()
        if re.sub(r"[\\{}\s]", "", name) and re.sub(r"[\\{}\s]", "", name) in squeezed
    )  # fmt: skip


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
        key = (file_index, equation_index, step.index)
        chosen = variants.get(key)
        if not isinstance(chosen, list):
            steps.append(NoteStep(step.index, lhs_latex, rhs_latex, written, "skipped",
                                  reason=f"cannot build the instances: {chosen}",
                                  skip=SkipReason.PARSE_ERROR))  # fmt: skip
            continue
        outcome, description = _combined(key, chosen, outcomes, step.example_near)
        in_force = equation.view.notes if equation.view else {}
        used = tuple(in_force[k] for k in sorted(step.used, key=str) if k in in_force)
        if outcome.verdict == "refuted" and "shapes differ" in outcome.reason:
            steps.append(NoteStep(
                step.index, lhs_latex, rhs_latex, written, "skipped", skip=SkipReason.MATRIX,
                reason="the two sides have different shapes as read (which names are matrices "
                "is not known): declare them with 'assume NAME matrix R C'", used=used,
            ))  # fmt: skip
            continue
        ambiguity = ""
        if outcome.verdict == "refuted":
            try:
                with time_limit(PLAN_SECONDS, source=plan.path, what="reading indices"):
                    ambiguity = index_ambiguity(step.lhs, step.rhs, step.had_derivative)
            except ParseError:
                ambiguity = "indices could not be read in time"
        if ambiguity:
            outcome = Outcome("undecided", method=outcome.method, reason=(
                f"refuted as read, but {ambiguity}: not refuted"))  # fmt: skip
        if outcome.verdict == "refuted" and step.solve_like:
            steps.append(NoteStep(
                step.index, lhs_latex, rhs_latex, written, "skipped", skip=SkipReason.CONDITION,
                reason="an equation in unknowns (a condition or an equation to solve), not an "
                "identity: it does not hold for all values, so it is not refuted",
                used=used,
            ))  # fmt: skip
            continue
        if outcome.verdict == "refuted" and step.named_in_words:
            outcome = Outcome("undecided", method=outcome.method, reason=(
                f"refuted as read, but {step.named_in_words} is never defined in the note's "
                "mathematics (it is defined in the prose): not refuted"))  # fmt: skip
        explanation = outcome.reason
        extras = []
        if description:
            extras.append(description)
        if used:
            extras.append("used: " + "; ".join(used))
        if outcome.used_givens:
            extras.append("given used: " + "; ".join(outcome.used_givens))
        if outcome.sizes:
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
            readings=_step_readings(lhs_latex + rhs_latex, readings), used=used,
            instances=description if step.unknown else "",
        ))  # fmt: skip
    return NoteEquation(
        chain.line, chain.latex.strip(), equation.block.kind, tuple(steps), equation.skip,
        equation.reason, parsed=equation.skip is None and equation.parsed,
    )  # fmt: skip


def file_readings(plan: FilePlan) -> tuple[tuple[str, str], ...]:
    """How each name of the file was read where the reading is not literal (``--explain``)."""
    found = dict(plan.context.readings)
    for equation in plan.equations:
        for name, how in equation.readings.items():
            found.setdefault(name, f"{how} (first at line {equation.chain.line})")
    return tuple(sorted(found.items()))


def check_notes(arguments: Sequence[str], options: NotesOptions = NotesOptions()) -> NotesReport:
    """``symderive notes PATH…``: the named files and note files under named folders."""
    paths = collect_paths(arguments)
    if not paths:
        raise UsageError("no note files (*.md, *.markdown, *.tex, *.txt) in the given paths")
    return check_files(paths, options)
