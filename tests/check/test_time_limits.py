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
