"""Test-session settings: symderive's result cache goes to a fresh folder for the session, so
tests neither read verdicts cached by earlier runs nor write into the user's cache."""

import os
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
