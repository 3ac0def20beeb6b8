"""GitHub Actions workflow commands: one annotation per doubtful step.

``::error file=F,line=L,title=T::MESSAGE`` for a refuted (or, in the catalog, unexpected)
step and ``::warning …`` for an undecided one, escaped as GitHub's workflow-command parser
expects: in the message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in a property
value ``:`` and ``,`` also become ``%3A`` and ``%2C``.
"""

from __future__ import annotations

from collections.abc import Iterable

from symderive.render.ci_cases import Case

__all__ = ["annotation", "annotations", "escape_data", "escape_property"]

LEVEL = {"failed": "error", "warning": "warning"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, *, file: str = "", line: int = 0, title: str = "") -> str:
    properties = []
    if file:
        properties.append(f"file={escape_property(file)}")
    if line:
        properties.append(f"line={line}")
    if title:
        properties.append(f"title={escape_property(title)}")
    head = f"::{level}" + (" " + ",".join(properties) if properties else "")
    return f"{head}::{escape_data(message)}"


def annotations(cases: Iterable[Case], summary: str) -> str:
    """The annotations of the failed and undecided cases, then the summary as a notice."""
    lines = [
        annotation(LEVEL[case.status], case.message, file=case.file, line=case.line,
                   title=case.title)
        for case in cases
        if case.status in LEVEL
    ]  # fmt: skip
    lines.append(annotation("notice", summary, title="symderive"))
    return "\n".join(lines) + "\n"
