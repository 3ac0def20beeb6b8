"""Hostile input to ``symderive equal`` is refused quickly, in one line, and never executed.

The command-line cases run the real CLI in a subprocess; each must exit 2 with a single
``symderive: error:`` line on stderr, nothing on stdout, no traceback, within 3 s of CPU time
(Python start-up included; CPU rather than wall time, so a loaded machine cannot fail it), and leave no trace on disk.  Inputs that argv
cannot carry (NUL, more than 128 KiB in one argument) and a wider battery of strings are checked
in-process through the parsers themselves.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from symderive.errors import ParseError
from symderive.grammar.assumptions import parse_assumptions
from symderive.grammar.plain import MAX_PARSE_SECONDS, parse_expression

SENTINEL = "pwned"  # a file the injection strings try to create in the working directory


def injections(sentinel: Path) -> list[str]:
    return [
        f"__import__('os').system('touch {sentinel}')",
        "().__class__.__bases__[0].__subclasses__()",
        f"exec(\"open('{sentinel}', 'w')\")",
        f"eval(\"open('{sentinel}', 'w')\")",
        "lambda: 0",
        f"`touch {sentinel}`",
        f"$(touch {sentinel})",
        f"x; import os; os.system('touch {sentinel}')",
        f"open('{sentinel}', 'w')",
        "x.__class__",
        "globals()",
        "sympify('x')",
        "Symbol('x')",
        "{x: 1}",
        "[x for x in ()]",
        "x if x else y",
        "Integer(1)",
    ]


CLI_CASES = [
    pytest.param(lambda s: f"__import__('os').system('touch {s}')", id="dunder-import"),
    pytest.param(lambda s: "().__class__.__bases__[0].__subclasses__()", id="subclasses"),
    pytest.param(lambda s: f"exec(\"open('{s}', 'w')\")", id="exec"),
    pytest.param(lambda s: f"`touch {s}`", id="backticks"),
    pytest.param(lambda s: f"$(touch {s})", id="shell-substitution"),
    pytest.param(lambda s: "9**9**9**9", id="power-tower"),
    pytest.param(lambda s: "2^2^2^2^2^2", id="caret-tower"),
    # one argv string is limited to 128 KiB, so 60 000 pairs rather than 10^5 (tested in-process)
    pytest.param(lambda s: "(" * 60_000 + "x" + ")" * 60_000, id="nested-parentheses"),
    pytest.param(lambda s: "x+" * 60_000 + "x", id="long-input"),
    pytest.param(lambda s: "\u0430 + 1", id="cyrillic-a"),
    pytest.param(lambda s: "x\u00b2", id="superscript-two"),
    pytest.param(lambda s: "x\x1b[2J", id="escape-sequence"),
    pytest.param(lambda s: "1" * 1001, id="1001-digit-integer"),
    pytest.param(lambda s: "1e999999", id="huge-decimal-exponent"),
    pytest.param(lambda s: "relu(cos(exp(exp(exp(3)))))", id="ruinous-numbers"),
]


def run_cli(arguments: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Run the CLI; the time returned is its CPU time (user + system, children included),
    which does not depend on how many other processes share the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    completed = subprocess.run(
        [sys.executable, "-m", "symderive", "equal", *arguments],
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard only: the bound asserted is the CPU time below
        cwd=cwd,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return completed, cpu


def assert_refused_cleanly(completed: subprocess.CompletedProcess, seconds: float) -> None:
    assert completed.returncode == 2, completed.stderr
    assert completed.stdout == ""
    lines = completed.stderr.splitlines()
    assert len(lines) == 1, completed.stderr
    assert lines[0].startswith("symderive: error:")
    assert "Traceback" not in completed.stderr
    assert seconds < 5.0, f"{seconds:.2f} s CPU, Python start-up included (about 2.5 s of it)"


@pytest.mark.slow  # a subprocess each: Python + SymPy start-up dominates
@pytest.mark.parametrize("make_input", CLI_CASES)
def test_cli_refuses_hostile_input(make_input, tmp_path):
    sentinel = tmp_path / SENTINEL
    completed, seconds = run_cli([make_input(sentinel), "0"], tmp_path)
    assert_refused_cleanly(completed, seconds)
    assert not sentinel.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_cli_refuses_hostile_assumptions(tmp_path):
    sentinel = tmp_path / SENTINEL
    hostile = f"__import__('os').system('touch {sentinel}') positive"
    completed, seconds = run_cli(["x", "x", "--assume", hostile], tmp_path)
    assert_refused_cleanly(completed, seconds)
    assert not sentinel.exists()


def test_injection_strings_are_parse_errors_and_do_nothing(tmp_path):
    sentinel = tmp_path / SENTINEL
    for text in injections(sentinel):
        with pytest.raises(ParseError):
            parse_expression(text)
        with pytest.raises(ParseError):
            parse_assumptions(f"{text} positive")
    assert not sentinel.exists()


def test_nul_bytes_are_refused():
    """argv cannot carry NUL, so the parsers are called directly."""
    for text in ("x\x00", "\x00", "x + \x00__import__('os')"):
        with pytest.raises(ParseError, match="NUL"):
            parse_expression(text)
    with pytest.raises(ParseError, match="NUL"):
        parse_assumptions("x\x00 positive")


@pytest.mark.parametrize(
    "text",
    [
        "(" * 100_000 + "x" + ")" * 100_000,
        "x" * 1_000_000,
        "(" * 1_000_000,
        "-" * 9_999 + "x",
        "x^" * 4_999 + "x",
        "sqrt(" * 2_000 + "2" + ")" * 2_000,
        "9**9**9**9",
        "10^10^10",
        "(10^999)^(10^999)",
        "1e999999",
        "1" * 1001,
        "2^(1/3)^" * 1000 + "2",
        "exp(10^999*log(2))",
        "relu(cos(exp(exp(exp(3)))))",
        "max(1, sigmoid(10^999))",
    ],
    ids=[
        "nested-1e5",
        "one-megabyte",
        "unclosed-1e6",
        "unary-chain",
        "power-chain",
        "nested-sqrt",
        "tower-9",
        "tower-10",
        "huge-base-and-exponent",
        "decimal-exponent",
        "1001-digits",
        "root-chain",
        "exp-of-log-multiple",
        "cosine-of-a-huge-number",
        "near-cancellation",
    ],
)
def test_resource_exhaustion_is_refused_fast(text):
    started = time.process_time()  # the parse budget counts CPU time, which load does not stretch
    with pytest.raises(ParseError):
        parse_expression(text)
    assert time.process_time() - started < MAX_PARSE_SECONDS + 0.5
