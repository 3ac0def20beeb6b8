"""``symderive diff EXPR VAR [VAR ...] [--steps] [--latex] [--json]``: narrated derivatives.

Without ``--steps`` only the result is printed; ``--steps`` shows the rule tree, ``--latex``
writes the narration as a LaTeX fragment and ``--json`` the rule tree as JSON. Several
variables give one narration per partial derivative. Exit 0 when every narrated step and the
final result agree with ``sympy.diff``, 1 when anything disagrees or stays undecided, 2 when
the function has no real value where it is differentiated or its derivative is not real
(:mod:`symderive.steps.real_domain`).
"""

from __future__ import annotations

import json

import sympy as sp

from symderive.commands.options import add_common_options, add_timeout_option
from symderive.errors import ParseError, UsageError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="differentiate, step by step (every step checked against SymPy)",
        description=(
            "Differentiate EXPR with respect to VAR (several VARs: one partial derivative "
            "each). Every narrated step is checked; the result is compared with sympy.diff."
        ),
    )
    parser.add_argument("expression", metavar="EXPR", help='e.g. "1/(1+exp(-x))"')
    parser.add_argument("variables", metavar="VAR", nargs="+", help="variable(s), e.g. x")
    parser.add_argument("--steps", action="store_true", help="show every rule applied")
    parser.add_argument("--latex", action="store_true", help="write the narration as LaTeX")
    add_timeout_option(parser, what="time budget of the final comparison with sympy.diff")
    add_common_options(parser)
    parser.set_defaults(func=run)


def resolve_variable(expression: sp.Basic, name: str) -> sp.Symbol:
    """The symbol called ``name`` in the expression (or as the grammar would create it)."""
    from symderive.grammar.plain import parse_expression

    for symbol in expression.free_symbols:
        if str(symbol) == name:
            return symbol
    variable = parse_expression(name, source="<variable>")
    if not isinstance(variable, sp.Symbol):
        raise UsageError(f"{name!r} is not a variable name")
    return variable


def run(args, console) -> int:
    from symderive.grammar.plain import parse_side
    from symderive.render.narration import (
        narration_latex,
        narration_renderable,
        narration_summary,
        plain,
    )
    from symderive.steps import differentiate

    if args.json and args.latex:
        raise UsageError("choose one of --json and --latex")
    try:
        expression, conditions = parse_side(args.expression, source="<expression>")
    except ParseError as error:
        from symderive.commands.hints import explained

        raise explained(error, args.expression) from None
    variables = [resolve_variable(expression, name) for name in args.variables]
    if len(set(variables)) != len(variables):
        raise UsageError("a variable is named twice")
    narrations = [
        differentiate(expression, variable, budget_seconds=args.timeout, conditions=conditions)
        for variable in variables
    ]
    if args.json:
        documents = [narration.as_dict() for narration in narrations]
        if len(documents) == 1:
            output = documents[0]
        else:
            output = {
                "expression": plain(expression),
                "variables": [str(variable) for variable in variables],
                "partials": documents,
            }
        console.out(json.dumps(output, indent=2, ensure_ascii=False), highlight=False)
    elif args.latex:
        console.out(
            "\n".join(narration_latex(narration) for narration in narrations),
            end="",
            highlight=False,
        )
    else:
        for narration in narrations:
            if args.steps:
                console.print(narration_renderable(narration))
            else:
                console.print(narration_summary(narration))
    return 0 if all(narration.agrees for narration in narrations) else 1
