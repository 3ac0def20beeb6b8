"""``symderive equal LHS RHS``: is LHS = RHS? proved, checked numerically, refuted, or undecided.

Both sides are read by the safe plain grammar (:mod:`symderive.grammar.plain`); ``--assume``
gives variables a domain (``"a,b positive; p probability"``).  Exit code 0 when the equality
holds (proved or checked), 1 when it is refuted or undecided, 2 for bad input.  Write
``symderive equal -- -x 0`` when a side starts with ``-``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

import sympy as sp
from rich.console import Console
from rich.text import Text
from sympy.printing.pretty.pretty import PrettyPrinter
from sympy.printing.pretty.stringpict import prettyForm, stringPict

from symderive.errors import ParseError
from symderive.grammar.assumptions import parse_assumptions, symbols_for
from symderive.commands.hints import explained
from symderive.commands.options import add_common_options, add_seed_option, add_timeout_option
from symderive.grammar.build import Condition
from symderive.grammar.plain import parse_side, time_limit, to_plain
from symderive.render.terminal import VERDICT_STYLE
from symderive.report import Outcome

PRINT_SECONDS = 1.0  # beyond this, print terms in SymPy's internal order (see `printed`)

JSON_KEYS = (
    "verdict",
    "counterexample",
    "lhs",
    "rhs",
    "method",
    "points",
    "digits",
    "reason",
    "excluded",
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "equal",
        help="check whether two expressions are equal",
        description=(
            "Check LHS = RHS: 'proved' (symbolic difference simplifies to 0), 'checked' "
            "(agrees numerically at sample points), 'refuted' (with a counterexample) or "
            "'undecided'. Syntax: + - * / ^ (or **), e, pi, exp log ln sqrt abs sign sin cos tan "
            "sinh cosh tanh sigmoid relu leaky_relu(x, a) max min heaviside logsumexp. "
            "Use -- before a side that starts with '-'."
        ),
    )
    parser.add_argument("lhs", metavar="LHS", help="left-hand side, e.g. 'log(a*b)'")
    parser.add_argument("rhs", metavar="RHS", help="right-hand side, e.g. 'log(a) + log(b)'")
    parser.add_argument(
        "--assume",
        metavar="TEXT",
        default="",
        help="domains of variables, e.g. 'a,b positive; p probability' "
        "(kinds: real positive negative nonnegative nonzero integer probability size)",
    )
    add_timeout_option(parser, what="time budget of the check")
    add_seed_option(parser)
    parser.add_argument(
        "--latex",
        action="store_true",
        help=r"read both sides as LaTeX (the grammar of 'symderive notes'), "
        r"e.g. '\frac{1}{1+e^{-x}}'",
    )
    add_common_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, console: Console) -> int:
    domains = parse_assumptions(args.assume) if args.assume.strip() else {}
    symbols = symbols_for(domains)
    if args.latex:
        (lhs, lhs_domain), (rhs, rhs_domain) = parse_latex_sides(args.lhs, args.rhs, symbols)
    else:
        lhs, lhs_domain = _parse_plain(args.lhs, symbols, "LHS")
        rhs, rhs_domain = _parse_plain(args.rhs, symbols, "RHS")

    from symderive.check import check_relation  # imported late: parsing errors stay fast

    outcome = check_relation(
        lhs,
        rhs,
        "=",
        domains=_domains_with_random(lhs, rhs, {symbols[n]: d for n, d in domains.items()}),
        budget_seconds=args.timeout,
        seed=args.seed,
        lhs_domain=lhs_domain,
        rhs_domain=rhs_domain,
    )
    if args.json:
        # console.out: no markup, emoji codes or wrapping inside the JSON text
        console.out(json.dumps(as_json(lhs, rhs, outcome), ensure_ascii=False), highlight=False)
    else:
        render(lhs, rhs, outcome, console)
    return 0 if outcome.holds else 1


def _domains_with_random(lhs: sp.Basic, rhs: sp.Basic, domains: dict) -> dict:
    """--assume's domains, plus the random variables read from E[X] / Var(X) as in notes."""
    from symderive.expectation import symbols_read_as_random
    from symderive.model import RANDOM

    random = symbols_read_as_random((lhs, rhs)) - set(domains)
    return {**domains, **dict.fromkeys(random, RANDOM)}


def _parse_plain(text: str, symbols: dict, source: str) -> tuple:
    """One side in the plain grammar with its natural domain; a parse error gets a hint
    (did you mean …, add --latex, use '--')."""
    try:
        return parse_side(text, symbols=symbols, source=source)
    except ParseError as error:
        raise explained(error, text) from None


def parse_latex_sides(lhs_text: str, rhs_text: str, symbols: dict) -> tuple:
    """Both sides read with the notes' LaTeX grammar; --assume names its symbols as written.
    Each side comes with its natural domain (the conditions its written form imposes)."""
    from symderive.grammar.latex import parse_latex_side

    sides = []
    for text, source in ((lhs_text, "LHS"), (rhs_text, "RHS")):
        try:
            side, domain = parse_latex_side(text, source="<command line>")
        except ParseError as error:
            raise ParseError(error.message, source=source, column=error.column) from None
        written = set(side.free_symbols).union(*(  # (a name only its domain still has:
            sp.Tuple(*c.expr).free_symbols if isinstance(c.expr, tuple)  # \binom{n}{n} = 1)
            else c.expr.free_symbols for c in domain))
        by_name = {
            symbol: symbols[symbol.name]
            for symbol in written
            if isinstance(symbol, sp.Symbol) and symbol.name in symbols
        }
        if by_name:
            side = side.xreplace(by_name)
            domain = tuple(
                Condition(c.kind, c.expr.xreplace(by_name), c.why) for c in domain
            )
            domain = tuple(c for c in domain if c.needed())
        sides.append((side, domain))
    return sides[0], sides[1]


def as_json(lhs: sp.Expr, rhs: sp.Expr, outcome: Outcome) -> dict:
    """The outcome's fields plus both sides in plain syntax; the keys of JSON_KEYS first."""
    detail = outcome.as_dict()
    result = {key: detail.get(key) for key in JSON_KEYS}
    result["lhs"] = printed(to_plain, lhs)
    result["rhs"] = printed(to_plain, rhs)
    result.update({key: value for key, value in detail.items() if key not in result})
    return result


def printed(printer: Callable[..., str], expr: sp.Basic) -> str:
    """Print with SymPy's usual order of terms if that is quick; otherwise in internal order
    (sorting terms evaluates numeric ones, which is ruinous for some inputs)."""
    try:
        with time_limit(PRINT_SECONDS, source="output", what="printing"):
            try:
                return printer(expr)
            except ValueError:
                return sp.sstr(expr)  # outside the plain syntax (e.g. read with --latex)
    except (ParseError, ValueError):
        pass
    try:
        with time_limit(PRINT_SECONDS, source="output", what="printing"):
            return printer(expr, order="none")
    except (ParseError, ValueError):  # too slow, or a number beyond Python's int→str limit
        return "<an expression too large to print>"


def render(lhs: sp.Expr, rhs: sp.Expr, outcome: Outcome, console: Console) -> None:
    """Both sides pretty-printed, then the verdict and what supports it."""
    for label, side in (("LHS", lhs), ("RHS", rhs)):
        console.print(Text(f"{label}:", style="bold"))
        lines = printed(pretty, side).splitlines()
        console.print(Text("\n".join("  " + line for line in lines)))
    line = Text("verdict: ")
    line.append(outcome.verdict, style=VERDICT_STYLE[outcome.verdict][1])
    if outcome.method:
        line.append(f" (method: {outcome.method})")
    console.print(line)
    if outcome.verdict == "checked":
        console.print(
            Text(
                f"agrees at {len(outcome.points)} sample point"
                f"{'s' if len(outcome.points) != 1 else ''} to {outcome.digits} digits"
            )
        )
        for point in outcome.points:
            console.print(Text("  " + _assignment(point)))
    if outcome.counterexample is not None:
        counterexample = outcome.counterexample
        console.print(Text("counterexample: " + _assignment(counterexample.values)))
        console.print(Text(f"  LHS = {counterexample.lhs_value}"))
        console.print(Text(f"  RHS = {counterexample.rhs_value}"))
    if outcome.excluded:
        console.print(Text("excluded (a side is undefined): " + "; ".join(outcome.excluded)))
    # the checker notes excluded points in `reason` too; say it once
    if outcome.reason and outcome.reason != (
        "holds except where undefined: " + ", ".join(outcome.excluded)
    ):
        label = "reason" if outcome.verdict == "undecided" else "note"
        console.print(Text(f"{label}: {outcome.reason}"))


class _PrettyPrinter(PrettyPrinter):
    """SymPy's pretty printer, except that ``leaky_relu`` keeps its name: the default would
    read the underscore as a subscript and print ``leakyᵣₑₗᵤ``."""

    def _print_leaky_relu(self, expr):
        name = prettyForm("leaky_relu")
        arguments = prettyForm(*self._print_seq(expr.args, delimiter=", ").parens())
        picture, baseline = stringPict.next(name, arguments)
        form = prettyForm(picture, baseline, binding=prettyForm.FUNC)
        form.prettyFunc, form.prettyArgs = name, arguments  # what powers of a call expect
        return form


def pretty(expr: sp.Basic, order: str | None = None) -> str:
    return _PrettyPrinter({"use_unicode": True, "order": order}).doprint(expr)


def _assignment(values: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{name} = {value}" for name, value in values) or "(no variables)"
