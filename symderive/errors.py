"""Typed errors that carry where (source, line, column) and why."""

from __future__ import annotations

import re


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


class NotReal(SymderiveError):
    """A derivative of a function with no real value where it is differentiated, or one whose
    value is not a real number (``d/dx (-1)^x = (-1)^x·iπ``): symderive works over the reals."""


class BudgetExceeded(SymderiveError):
    """A check ran past its time budget (the step is then *undecided*)."""


class TimeLimitExpired(BaseException):
    """Raised by the alarm of ``grammar.build.time_limit``; a BaseException so SymPy's
    ``except Exception`` cannot swallow it.

    ``time_limit`` turns it into a ParseError. An alarm that fires in the few bytecodes between
    the end of the body and the context manager's exit escapes as itself: callers at the top
    (the checker's worker, the CLI) treat it as a time limit reached (``TIME_LIMIT_REACHED``).
    """


TIME_LIMIT_REACHED = "a time limit inside the checker was reached"
# an exception inside the checker: a bug in symderive, never a judgement of the claim; the
# verdict is undecided (exit code 1, as any undecided step) and its reason says so in these
# words, with the exception and the line of symderive where it was raised
CHECKER_ERROR = "checker error (internal: a bug in symderive, not a judgement of the claim)"


_MATRIX_TYPES = r"'(?:Immutable|Mutable)?(?:Dense|Sparse)?Matrix'|'MatrixSymbol'|'MatMul'|'MatAdd'"


def sympy_refusal(error: BaseException) -> str:
    """What SymPy refused to build, in the words of the notes (``A + 1`` with A a matrix:
    *a matrix plus a number*), or its own message when it is none of these (round 44 U)."""
    message = " ".join(str(error).split())
    if re.search(rf"unsupported operand type\(s\) for [+-]: (?:{_MATRIX_TYPES}) and '"
                 rf"|unsupported operand type\(s\) for [+-]: '\w+' and (?:{_MATRIX_TYPES})",
                 message):
        return ("a matrix plus or minus a number (not defined; a multiple of the identity is "
                "written cI, with I declared a matrix)")
    sizes = re.search(r"size mismatch:? \((\d+), (\d+)\) ([*+]) \((\d+), (\d+)\)", message, re.I)
    if sizes:
        rows, columns, operation, rows_2, columns_2 = sizes.groups()
        joined = "times" if operation == "*" else "plus"
        hint = (" (an inner product is written u^T v or u \\cdot v with u, v declared vectors)"
                if operation == "*" else "")
        return (f"the shapes do not fit: a {rows}×{columns} matrix {joined} a {rows_2}×"
                f"{columns_2} one{hint}")
    return message[:160]
