"""CI formats: GitHub workflow annotations and JUnit XML, for notes and for the catalog."""

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from symderive.catalog import get
from symderive.catalog_files import entry_locations
from symderive.check import check_derivation
from symderive.render.ci_cases import catalog_cases
from symderive.render.github import annotation, annotations, escape_data, escape_property
from symderive.render.junit import junit_xml
from tests.cli.run import symderive

NOTE = """# Two claims

A true one:

$$\\frac{d}{dx} x^2 = 2x$$

and a second one, with a comma, a colon and a percent sign in its neighbourhood (50%):

$$\\frac{d}{dx} x^3 = 2x^2$$
"""


def unescape_data(text: str) -> str:
    """GitHub's runner decoding of a message (the inverse of its escaping rules)."""
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def parse_annotation(line: str) -> tuple[str, dict, str]:
    """``::level key=value,key=value::message`` as GitHub's runner splits it."""
    match = re.fullmatch(r"::(\w+)(?: ([^:]*))?::(.*)", line)
    assert match, line
    level, properties, message = match.groups()
    fields = {}
    for pair in (properties or "").split(","):
        if pair:
            key, value = pair.split("=", 1)
            fields[key] = unescape_property(value)
    return level, fields, unescape_data(message)


@pytest.mark.parametrize(
    "text", ["plain", "50% of x", "a:b,c", "two\nlines\r\n", "%0A literally", "::error::"]
)
def test_escaping_round_trips_through_githubs_decoding(text):
    assert unescape_data(escape_data(text)) == text
    assert unescape_property(escape_property(text)) == text
    assert "\n" not in escape_data(text) and "\r" not in escape_data(text)
    assert not set(":,\n\r") & set(escape_property(text))


def test_an_annotation_keeps_file_line_title_and_message_apart():
    line = annotation(
        "error", "lhs: 1, rhs: 2\n100%", file="notes/a,b:c.md", line=7, title="step 1: refuted"
    )
    assert "\n" not in line
    level, fields, message = parse_annotation(line)
    assert level == "error"
    assert fields == {"file": "notes/a,b:c.md", "line": "7", "title": "step 1: refuted"}
    assert message == "lhs: 1, rhs: 2\n100%"


@pytest.fixture
def note(tmp_path) -> Path:
    path = tmp_path / "lecture.md"
    path.write_text(NOTE, encoding="utf-8")
    return path


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_github_format_annotates_the_refuted_step_on_its_line(note):
    result = symderive("notes", str(note), "--format", "github", "--no-cache")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    errors = [parse_annotation(line) for line in lines if line.startswith("::error")]
    assert len(errors) == 1
    _, fields, message = errors[0]
    assert fields["file"] == str(note)
    assert int(fields["line"]) == line_of(NOTE, "x^3 = 2x^2")
    assert "counterexample" in message
    level, _, summary = parse_annotation(lines[-1])
    assert level == "notice" and "1 refuted" in summary


def test_junit_format_parses_and_has_one_failure_per_refuted_step(note):
    as_json = json.loads(symderive("notes", str(note), "--json", "--no-cache").stdout)
    result = symderive("notes", str(note), "--format", "junit", "--no-cache")
    assert result.returncode == 1
    root = ET.fromstring(result.stdout)
    cases = root.findall("./testsuite/testcase")
    steps = [step for file in as_json["files"] for eq in file["equations"] for step in eq["steps"]]
    assert len(cases) == len(steps) == int(root.get("tests"))
    failures = [case for case in cases if case.find("failure") is not None]
    refuted = [step for step in steps if step["verdict"] == "refuted"]
    assert len(failures) == len(refuted) == int(root.get("failures")) == 1
    assert failures[0].get("file") == str(note)
    assert int(failures[0].get("line")) == line_of(NOTE, "x^3 = 2x^2")


def id_line(entry_id: str) -> tuple[str, int]:
    """The catalog module and the line that spells the id, found by reading the files."""
    for path in sorted(Path("derivations").glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if f'"{entry_id}"' in line:
                return str(path), number
    raise AssertionError(entry_id)


def test_catalog_cases_point_at_the_entrys_module_and_line():
    derivation = get("sigmoid-derivative-erratum")
    report = check_derivation(derivation)
    locations = entry_locations([derivation.id])
    assert locations[derivation.id] == id_line(derivation.id)
    cases = catalog_cases([report], locations)
    # an erratum's wrong step refuted is as expected: no failure
    assert all(case.status == "passed" for case in cases)
    # the same report, claiming instead that the wrong step holds, is a failure there
    wrong = next(i for i, step in enumerate(report.steps) if step.expect == "refuted")
    steps = list(report.steps)
    steps[wrong] = dataclasses.replace(steps[wrong], expect="holds")
    claimed = dataclasses.replace(report, steps=tuple(steps))
    cases = catalog_cases([claimed], locations)
    failed = [case for case in cases if case.status == "failed"]
    assert [case.name for case in failed] == [f"step {steps[wrong].index}"]
    lines = annotations(cases, "summary").splitlines()
    level, fields, message = parse_annotation(lines[0])
    assert level == "error"
    assert (fields["file"], int(fields["line"])) == id_line(derivation.id)
    assert "counterexample" in message
    root = ET.fromstring(junit_xml(cases))
    assert root.get("failures") == "1"


def test_check_junit_has_a_case_per_step_and_the_module_as_file():
    result = symderive("check", "sigmoid-derivative", "sigmoid-derivative-erratum",
                       "--format", "junit")  # fmt: skip
    assert result.returncode == 0, result.stderr
    root = ET.fromstring(result.stdout)
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    for entry_id in ("sigmoid-derivative", "sigmoid-derivative-erratum"):
        cases = suites[entry_id].findall("testcase")
        assert len(cases) == len(get(entry_id).steps) - 1
        file, line = id_line(entry_id)
        assert {(case.get("file"), int(case.get("line"))) for case in cases} == {(file, line)}
    assert root.get("failures") == "0"
