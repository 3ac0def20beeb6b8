"""Start-up: --help, --version and usage errors answer without importing SymPy; the help line
of every command is the one its module registers."""

import argparse
import importlib
import subprocess
import sys

import pytest

from symderive import cli


def modules_loaded_by(*argv: str) -> set[str]:
    """Run main(argv) in a fresh interpreter; the names of the modules it imported."""
    program = (
        "import sys\n"
        "from symderive.cli import main\n"
        "try:\n"
        f"    main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.__stderr__.write('\\n'.join(sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60
    )
    return set(result.stderr.splitlines())


@pytest.mark.parametrize(
    "argv", [("--help",), ("--version",), ("check", "--help"), ("notes", "--help"), ("chek",)]
)
def test_help_version_and_typos_do_not_import_sympy(argv):
    loaded = modules_loaded_by(*argv)
    assert "symderive.cli" in loaded
    assert not {name for name in loaded if name == "sympy" or name.startswith("sympy.")}


def test_version_is_the_installed_distributions():
    from importlib.metadata import version

    result = subprocess.run(
        [sys.executable, "-m", "symderive", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"symderive {version('symderive')}"


@pytest.mark.parametrize("name", list(cli.COMMANDS))
def test_each_command_registers_the_help_line_listed_in_the_cli(name):
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    importlib.import_module(f"symderive.commands.{name}").register(subparsers)
    help_lines = {action.dest: action.help for action in subparsers._choices_actions}
    assert help_lines[name] == cli.COMMANDS[name]


def test_a_misspelt_command_gets_a_suggestion(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["shwo", "x"])
    assert exit_.value.code == 2
    assert "did you mean show?" in capsys.readouterr().err
