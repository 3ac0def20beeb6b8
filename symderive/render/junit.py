"""A JUnit XML report (the format CI servers render): a test suite per derivation or note file,
a test case per step; refuted (or unexpected) steps are failures, undecided and skipped steps
are ``<skipped>`` with their reason."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from symderive.render.ci_cases import Case

__all__ = ["junit_xml"]


def _clean(text: str) -> str:
    """XML 1.0 allows no control characters other than tab, LF and CR."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def junit_xml(cases: Iterable[Case], name: str = "symderive") -> str:
    cases = list(cases)
    root = ET.Element("testsuites", name=name)
    suites: dict[str, list[Case]] = {}
    for case in cases:
        suites.setdefault(case.suite, []).append(case)
    for suite_name, members in suites.items():
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_clean(suite_name),
            tests=str(len(members)),
            failures=str(sum(case.status == "failed" for case in members)),
            errors="0",
            skipped=str(sum(case.status in ("warning", "skipped") for case in members)),
            time=f"{sum(case.seconds for case in members):.3f}",
        )
        for case in members:
            element = ET.SubElement(
                suite,
                "testcase",
                classname=_clean(suite_name),
                name=_clean(case.name),
                file=_clean(case.file),
                line=str(case.line),
                time=f"{case.seconds:.3f}",
            )
            if case.status == "failed":
                failure = ET.SubElement(
                    element, "failure", message=_clean(case.title), type="symderive.step"
                )
                failure.text = _clean(case.message)
            elif case.status in ("warning", "skipped"):
                ET.SubElement(element, "skipped", message=_clean(case.message))
    root.set("tests", str(len(cases)))
    root.set("failures", str(sum(case.status == "failed" for case in cases)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
