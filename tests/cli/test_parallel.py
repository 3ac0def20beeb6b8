"""-j N: the same results as a serial run (timings aside).

Each step has its own seed and its own budget, so the number of workers changes nothing but
the wall time. The one thing a loaded machine can change is whether a step's *symbolic*
attempts finish within the budget after its numeric check succeeded (the reason then notes it,
the verdict stays *checked*); that note is set aside, every verdict and value must agree.
"""

import json
import re

import pytest

from tests.cli.run import symderive
from tests.cli.test_cache import without_timings

BUDGET_NOTE = re.compile(r"(; )?symbolic attempts did not finish within [0-9.]+ s(; )?")


def comparable(document):
    if isinstance(document, dict):
        return {
            key: BUDGET_NOTE.sub(lambda m: "; " if m.group(1) and m.group(2) else "", value)
            if key == "reason" and isinstance(value, str)
            else comparable(value)
            for key, value in without_timings(document).items()
        }
    if isinstance(document, list):
        return [comparable(item) for item in document]
    return document


def json_of(*argv: str) -> dict:
    result = symderive(*argv, "--no-cache")
    assert result.returncode in (0, 1), result.stderr
    return comparable(json.loads(result.stdout))


@pytest.mark.slow
def test_notes_serial_and_parallel_json_are_identical():
    serial = json_of("notes", "tests/notes/corpus", "--json", "-j", "1")
    parallel = json_of("notes", "tests/notes/corpus", "--json", "-j", "3")
    assert serial["summary"]["steps"] > 20 and serial["summary"]["refuted"] > 0
    assert serial == parallel


@pytest.mark.slow
def test_check_serial_and_parallel_json_are_identical():
    ids = ("sigmoid-derivative-erratum", "softmax-cross-entropy-gradient", "coin-entropy")
    # softmax-cross-entropy-gradient's numeric checks take most of the default 2 s budget; the
    # suite runs on two processes, so a budget with room keeps the comparison about -j alone
    serial = json_of("check", *ids, "--json", "-j", "1", "--timeout", "6")
    parallel = json_of("check", *ids, "--json", "-j", "3", "--timeout", "6")
    assert serial["summary"]["steps"] > 5
    assert serial == parallel


def test_the_budget_note_is_the_only_thing_set_aside():
    reason = "symbolic attempts did not finish within 2 s; sizes checked: 2, 3"
    assert comparable({"reason": reason}) == {"reason": "sizes checked: 2, 3"}
    assert comparable({"reason": "used: x; " + reason}) == {
        "reason": "used: x; sizes checked: 2, 3"
    }
    assert comparable({"verdict": "checked"}) != comparable({"verdict": "proved"})
