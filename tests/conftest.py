"""Test-session settings: symderive's result cache goes to a fresh folder for the session, so
tests neither read verdicts cached by earlier runs nor write into the user's cache."""

import os
import re
import tempfile

import pytest


@pytest.fixture(autouse=True, scope="session")
def _isolated_result_cache():
    with tempfile.TemporaryDirectory(prefix="symderive-test-cache-") as folder:
        previous = os.environ.get("SYMDERIVE_CACHE_DIR")
        os.environ["SYMDERIVE_CACHE_DIR"] = folder
        yield folder
        if previous is None:
            os.environ.pop("SYMDERIVE_CACHE_DIR", None)
        else:
            os.environ["SYMDERIVE_CACHE_DIR"] = previous


@pytest.fixture(autouse=True, scope="session")
def _room_for_certificates():
    """The exact-range certificates of inequalities have a fixed CPU limit each (0.8 s, 1.2 s)
    that a slow CI runner under two test processes missed now and then ("did not finish in
    time": undecided, never a false verdict). Tests that expect a certificate get three times
    the room; the checker's own limits are unchanged."""
    from symderive.check import box_certificates, inequality_certificates

    saved = inequality_certificates.CERTIFY_SECONDS, box_certificates.CERTIFY_SECONDS
    inequality_certificates.CERTIFY_SECONDS, box_certificates.CERTIFY_SECONDS = (
        3 * saved[0], 3 * saved[1])
    yield
    inequality_certificates.CERTIFY_SECONDS, box_certificates.CERTIFY_SECONDS = saved


# ---- slow tests: every case locally, a bounded sample in CI -------------------------------------
# A test marked `slow` and parametrized over many cases (hostile inputs in a subprocess each, claims
# that each take seconds of checking) runs every case by default. In CI (`CI=true`, or
# `--slow=sample`) it runs a fixed sample of SLOW_SAMPLE cases per test function, so the suite stays
# inside CI's time limit as cases are added, and a fixed share (REVIEW_SHARE) of the other tests of
# each review-findings file (tests/*/test_review_round*.py: one regression test per finding of an
# adversarial review, over half of the suite); `--slow=all` runs every case whatever the
# environment.
# The sample is chosen by a hash of the test id: the same cases every run, on every machine.

SLOW_SAMPLE = 2
# in CI: this share of the tests of each review-findings file (tests/*/test_review_round*.py)
REVIEW_SHARE = 0.15
REVIEW_FILES_ANYWHERE = re.compile(r"^tests/\w+/test_review_round[^/]*\.py::")


def pytest_addoption(parser):
    parser.addoption(
        "--slow",
        choices=("all", "sample"),
        default=None,
        help="cases of parametrized slow tests: all (default) or a fixed sample of "
        f"{SLOW_SAMPLE} per test (default when CI=true)",
    )


def _slow_mode(config) -> str:
    chosen = config.getoption("--slow")
    if chosen:
        return chosen
    return "sample" if os.environ.get("CI", "").strip().lower() == "true" else "all"


def _sample_order(item) -> str:
    import hashlib

    return hashlib.sha256(item.nodeid.encode("utf-8")).hexdigest()


def pytest_collection_modifyitems(config, items):
    if _slow_mode(config) != "sample":
        return
    families: dict[str, list] = {}
    for item in items:
        if item.get_closest_marker("slow") is not None and hasattr(item, "callspec"):
            families.setdefault(item.nodeid.split("[", 1)[0], []).append(item)
    left_out = []
    for cases in families.values():
        left_out += sorted(cases, key=_sample_order)[SLOW_SAMPLE:]
    # the adversarial reviews' regression files (one test per finding, each checking a note:
    # about half of the suite and most of its time): in CI a fixed share of each file's other
    # tests, REVIEW_SHARE of them (at least one), the same ones every run
    sampled = {id(item) for item in left_out}
    reviews: dict[str, list] = {}
    for item in items:
        if REVIEW_FILES_ANYWHERE.search(item.nodeid) and id(item) not in sampled:
            reviews.setdefault(item.nodeid.split("::", 1)[0], []).append(item)
    for tests in reviews.values():
        kept = max(1, round(len(tests) * REVIEW_SHARE))
        left_out += sorted(tests, key=_sample_order)[kept:]
    if not left_out:
        return
    dropped = {id(item) for item in left_out}
    config.hook.pytest_deselected(items=left_out)
    items[:] = [item for item in items if id(item) not in dropped]
    config._slow_sample_note = (
        f"slow tests: a sample of {SLOW_SAMPLE} cases per parametrized slow test and "
        f"{REVIEW_SHARE:.0%} of each review file's other tests ({len(left_out)} left out; "
        "`pytest --slow=all` runs them)"
    )


def pytest_report_header(config):
    if _slow_mode(config) == "sample":
        return (f"slow tests: sampled ({SLOW_SAMPLE} cases per parametrized slow test, "
                f"{REVIEW_SHARE:.0%} of each review file's other tests; `--slow=all` runs them all)")
    return None


def pytest_terminal_summary(terminalreporter, config):
    note = getattr(config, "_slow_sample_note", None)
    if note:
        terminalreporter.write_line(note)
