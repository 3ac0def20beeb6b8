"""The channels a claim can enter by, for the soundness tests: the library call
``check_relation`` (sides read by the plain or LaTeX grammar), ``symderive equal`` and
``symderive equal --latex`` (in process, JSON output).  Each returns the verdict (or
``"refused"`` when the input is rejected) and the JSON-like detail."""

from __future__ import annotations

import contextlib
import io
import json

import sympy as sp

from symderive.check import check_relation
from symderive.cli import main
from symderive.errors import ParseError
from symderive.grammar.assumptions import parse_assumptions, symbols_for
from symderive.grammar.latex import parse_latex_side
from symderive.grammar.plain import parse_side

BUDGET = 1.5


def via_relation(lhs: str, rhs: str, assume: str = "", latex: bool = False, relation="=",
                 budget: float = BUDGET):
    """Read both sides with a grammar, then ``check_relation``; 'refused' on a ParseError."""
    domains = parse_assumptions(assume) if assume.strip() else {}
    symbols = symbols_for(domains)
    try:
        if latex:
            (left, left_domain), (right, right_domain) = (
                parse_latex_side(lhs), parse_latex_side(rhs)
            )
            written = left.free_symbols | right.free_symbols | {  # (and names only a
                s for c in (*left_domain, *right_domain)  # domain still has: \binom{n}{n})
                for s in sp.Tuple(*(c.expr if isinstance(c.expr, tuple) else (c.expr,))
                                  ).free_symbols}
            by_name = {s: symbols[s.name] for s in written
                       if getattr(s, "name", None) in symbols}
            left, right = left.xreplace(by_name), right.xreplace(by_name)
            left_domain = tuple((c.kind, c.expr.xreplace(by_name), c.why) for c in left_domain)
            right_domain = tuple((c.kind, c.expr.xreplace(by_name), c.why) for c in right_domain)
        else:
            left, left_domain = parse_side(lhs, symbols=symbols, source="LHS")
            right, right_domain = parse_side(rhs, symbols=symbols, source="RHS")
    except ParseError as error:
        return "refused", {"reason": error.one_line()}
    outcome = check_relation(
        left,
        right,
        relation,
        domains={symbols[name]: domain for name, domain in domains.items()},
        budget_seconds=budget,
        lhs_domain=left_domain,
        rhs_domain=right_domain,
    )
    return outcome.verdict, outcome.as_dict()


def via_equal(lhs: str, rhs: str, assume: str = "", latex: bool = False,
              budget: float = BUDGET):
    """``symderive equal --json [--latex]`` in process; 'refused' for exit code 2."""
    arguments = ["equal", "--json", "--timeout", str(budget)]
    if latex:
        arguments.append("--latex")
    if assume:
        arguments += ["--assume", assume]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*arguments, "--", lhs, rhs])
    if code == 2:
        return "refused", {"reason": err.getvalue().strip()}
    result = json.loads(out.getvalue())
    assert code == (0 if result["verdict"] in ("proved", "checked") else 1)
    return result["verdict"], result
