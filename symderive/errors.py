"""Typed errors that carry where (source, line, column) and why."""

from __future__ import annotations


class SymderiveError(Exception):
    """Base class: every error the CLI turns into a one-line message and exit code 2."""

    def one_line(self) -> str:
        return " ".join(str(self).split())


class ParseError(SymderiveError):
    """Input text that the grammar rejects (or that exceeds an input limit)."""

    def __init__(self, message: str, *, source: str = "<input>", line: int = 1, column: int = 0):
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        where = f"{source}:{line}" + (f":{column}" if column else "")
        super().__init__(f"{where}: {message}")


class UsageError(SymderiveError):
    """A command line that names something unknown or combines options wrongly."""


class BudgetExceeded(SymderiveError):
    """A check ran past its time budget (the step is then *undecided*)."""
