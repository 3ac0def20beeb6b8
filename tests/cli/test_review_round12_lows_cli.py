"""Round 11b L3: ``symderive equal --json`` counts in its reason the points it reports in
``points_checked`` (a constant claim agreed at one point, not at ten copies of it)."""

import json
import re

import pytest

from tests.cli.run import symderive


@pytest.mark.parametrize(("lhs", "rhs"), [("relu(x) + relu(-x)", "abs(x)")])
def test_equal_json_counts_the_points_it_reports(lhs, rhs):
    result = symderive("equal", "--json", lhs, rhs)
    report = json.loads(result.stdout)
    assert report["verdict"] == "checked"
    agreed = re.match(r"(\d+) point\(s\) agreed", report["reason"])
    assert agreed is not None and int(agreed.group(1)) == report["points_checked"]
    assert len(report["points"]) <= report["points_checked"]


def test_a_refuted_constant_claim_reports_no_agreeing_points():
    report = json.loads(symderive("equal", "--json", "tanh(1000)", "1").stdout)
    assert report["verdict"] == "refuted"
    assert report["points"] == [] and report["points_checked"] == 0
