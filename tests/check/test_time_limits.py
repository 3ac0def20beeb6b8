"""A time limit that expires as its block is ending must still read as a time limit: an honest
'undecided' that is never cached, and a one-line error from the CLI — never a traceback."""

from multiprocessing import Pipe

import sympy as sp

from symderive import cache, cli
from symderive.check import budget
from symderive.check.context import CheckContext
from symderive.errors import TIME_LIMIT_REACHED, TimeLimitExpired


def _expire(*args, **kwargs):
    raise TimeLimitExpired


def test_a_worker_whose_time_limit_escapes_reports_undecided_and_is_not_cached(monkeypatch):
    monkeypatch.setattr(budget, "decide", _expire)
    x = sp.Symbol("x")
    receiving, sending = Pipe(duplex=False)
    budget._worker(sending, budget.Task("step", x, x, "=", CheckContext()))
    outcome = receiving.recv()
    assert outcome.verdict == "undecided"
    assert outcome.reason == TIME_LIMIT_REACHED
    assert cache.is_transient(outcome)


def test_the_cli_turns_an_escaped_time_limit_into_one_line_and_exit_2(monkeypatch, capsys):
    from symderive.commands import equal

    monkeypatch.setattr(equal, "run", _expire)
    status = cli.main(["equal", "x", "x"])
    assert status == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "time limit" in error


def _burn(seconds):
    import time

    deadline = time.process_time() + seconds
    while time.process_time() < deadline:
        sum(range(1000))


def test_an_expiry_swallowed_where_python_ignores_exceptions_is_raised_again():
    # hypothesis's garbage-collector callback swallowed the one SIGPROF of a time limit in CI,
    # and the limited body ran on unbounded: the timer repeats until the block ends
    import pytest

    from symderive.errors import ParseError
    from symderive.grammar.build import time_limit

    swallowed = []
    with pytest.raises(ParseError):
        with time_limit(0.05, source="test", what="burning"):
            for _ in range(100):
                try:
                    _burn(0.05)
                except TimeLimitExpired:
                    swallowed.append(True)
                    if len(swallowed) > 1:
                        raise
    assert len(swallowed) == 2


def _late_verdict(lhs, rhs, relation, context, seed):
    from symderive.report import Outcome

    _burn(2 * BUDGET)  # past the budget, within the grace for a first verdict
    yield Outcome("checked", method="numeric (certified balls)", reason="late")
    _burn(100)


def _no_verdict(lhs, rhs, relation, context, seed):
    _burn(100)
    yield  # never reached


BUDGET = 0.3


def test_a_first_verdict_after_the_budget_and_within_the_grace_is_kept(monkeypatch):
    monkeypatch.setattr(budget, "decide", _late_verdict)
    x = sp.Symbol("x")
    outcome = budget.run_tasks([budget.Task("step", x, x, "=", CheckContext())], BUDGET)["step"]
    assert outcome.verdict == "checked"
    assert outcome.reason.startswith("late; symbolic attempts did not finish within 0.3 s")


def test_a_check_with_no_verdict_stops_at_the_grace(monkeypatch):
    import time

    monkeypatch.setattr(budget, "decide", _no_verdict)
    x = sp.Symbol("x")
    started = time.monotonic()
    outcome = budget.run_tasks([budget.Task("step", x, x, "=", CheckContext())], BUDGET)["step"]
    assert outcome.verdict == "undecided"
    assert outcome.reason == "time budget of 0.3 s (CPU) exceeded (no verdict within 0.9 s)"
    grace = budget.FIRST_VERDICT_GRACE * BUDGET
    assert time.monotonic() - started < budget.WALL_FACTOR * grace + budget.WALL_SLACK
