"""Run the real command line in a subprocess (what a user or a CI job does)."""

from __future__ import annotations

import os
import subprocess
import sys


def symderive(*args: str, env: dict | None = None, cwd=None, timeout: float = 300):
    environment = dict(os.environ)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "symderive", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        cwd=cwd,
    )
