"""Every command with each bad option value: exit code 2, one line on stderr, no traceback."""

import subprocess

import pytest

from symderive.cli import main
from tests.cli.run import symderive

NOTE = "tests/notes/corpus/calculus.md"
ID = "sigmoid-derivative"

BAD_VALUES = {
    "--timeout": ["0", "-1", "nan", "inf", "-inf", "1e9", "two"],
    "--budget": ["0", "nan"],
    "--seed": ["-1", "1.5", "x"],
    "-j": ["0", "-2", "many"],
}

# each command with the arguments it needs and the options it takes
COMMANDS = {
    "list": (["--check"], ["--timeout", "--budget", "--seed", "-j"]),
    "show": ([ID], ["--timeout", "--budget", "--seed", "-j"]),
    "check": ([ID], ["--timeout", "--budget", "--seed", "-j"]),
    "equal": (["x", "x"], ["--timeout", "--budget", "--seed"]),
    "diff": (["x", "x"], ["--timeout", "--budget"]),
    "docs": (["--out", "/nonexistent/never-written"], ["--timeout", "--budget", "-j"]),
    "notes": ([NOTE], ["--timeout", "--budget", "--seed", "-j"]),
}

CASES = [
    (command, option, value)
    for command, (_, options) in COMMANDS.items()
    for option in options
    for value in BAD_VALUES[option]
]


def assert_one_line_usage_error(result):
    assert result.returncode == 2, (result.returncode, result.stdout[-500:], result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ""


def run_in_process(capsys, *argv: str) -> subprocess.CompletedProcess:
    """main(argv) here (fast); the same parser and messages as the installed command."""
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(argv, code, captured.out, captured.err)


@pytest.mark.parametrize(("command", "option", "value"), CASES)
def test_bad_option_value_is_one_line_and_exit_2(capsys, command, option, value):
    arguments, _ = COMMANDS[command]
    result = run_in_process(capsys, command, *arguments, option, value)
    assert_one_line_usage_error(result)
    assert option.lstrip("-") in result.stderr or "jobs" in result.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ("list", "--check", "--timeout", "0"),
        ("show", ID, "--timeout", "-1"),
        ("diff", "x", "x", "--budget", "0"),
        ("notes", NOTE, "--timeout", "nan"),
        ("train", "--steps", "0"),
    ],
)
def test_the_installed_command_reports_bad_values_in_one_line(argv):
    assert_one_line_usage_error(symderive(*argv, timeout=60))


@pytest.mark.parametrize(
    "argv",
    [
        ("verify", "--seed", "-1"),
        ("train", "--lr", "1"),
        ("train", "--lr", "nan"),
    ],
)
def test_training_and_verification_options_are_validated(argv):
    assert_one_line_usage_error(symderive(*argv, timeout=120))


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (("equal", "sigmod(x)", "x"), "did you mean sigmoid?"),
        (("diff", "sigmod(x)", "x"), "did you mean sigmoid?"),
        (("equal", r"\frac{1}{2}", "0.5"), "add --latex"),
        (("equal", "-x", "0"), "'--'"),
        (("show", "sigmoid-derivativ"), "did you mean sigmoid-derivative"),
        (("check", "sigmoid-derivativ"), "did you mean sigmoid-derivative"),
        (("notes", NOTE, "--json", "--format", "github"), "contradict"),
        (("check", "--all", "--format", "xml"), "invalid choice"),
    ],
)
def test_usage_errors_carry_a_hint(argv, hint):
    result = symderive(*argv, timeout=60)
    assert_one_line_usage_error(result)
    assert hint in result.stderr


def test_a_misspelling_drops_the_advice_about_products():
    result = symderive("equal", "sigmod(x)", "x", timeout=60)
    assert "for a product" not in result.stderr
