"""The pre-commit hook, run in a throwaway git repository the way pre-commit runs it:
``entry`` + ``args`` + the changed files whose type the hook accepts, from the repository root."""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def read_hooks(text: str) -> list[dict]:
    """The subset of YAML the hooks file uses: a list of mappings of scalars and flow lists."""
    hooks: list[dict] = []
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("- "):
            hooks.append({})
            line = "  " + line[2:]
        key, _, value = line.strip().partition(":")
        value = value.strip()
        if value.startswith("["):
            items = [item.strip() for item in value.strip("[]").split(",") if item.strip()]
            hooks[-1][key] = [item.strip('"') for item in items]
        elif value in ("true", "false"):
            hooks[-1][key] = value == "true"
        else:
            hooks[-1][key] = value.strip('"')
    return hooks


IDENTIFY_TYPES = {"markdown": (".md", ".markdown"), "tex": (".tex",)}


def selected(hook: dict, files: list[str]) -> list[str]:
    """The files pre-commit hands to the hook (``types_or`` by extension, ``files`` regex)."""
    suffixes = tuple(s for kind in hook.get("types_or", []) for s in IDENTIFY_TYPES[kind])
    pattern = re.compile(hook.get("files", ""))
    return [f for f in files if (not suffixes or f.endswith(suffixes)) and pattern.search(f)]


def git(repo: Path, *args: str) -> str:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=environment
    ).stdout


def run_hook(hook: dict, repo: Path) -> subprocess.CompletedProcess:
    changed = git(repo, "diff", "--cached", "--name-only").split()
    files = selected(hook, changed)
    assert files, "pre-commit would not run the hook"
    entry = shlex.split(hook["entry"])
    executable = Path(sys.executable).parent / entry[0]
    command = [str(executable), *entry[1:], *hook.get("args", []), *files]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=300)


@pytest.fixture
def hook() -> dict:
    (found,) = [h for h in read_hooks(HOOKS.read_text()) if h["id"] == "symderive-notes"]
    assert found["language"] == "python" and found["require_serial"] is True
    return found


@pytest.fixture
def repo(tmp_path) -> Path:
    folder = tmp_path / "course"
    folder.mkdir()
    git(folder, "init", "-q")
    (folder / "README.txt").write_text("a course\n")
    git(folder, "add", ".")
    git(folder, "commit", "-qm", "start")
    return folder


def test_the_hook_passes_a_correct_note_and_ignores_other_files(hook, repo):
    (repo / "notes").mkdir()
    (repo / "notes" / "chain.md").write_text("$$\\frac{d}{dx} e^{2x} = 2e^{2x}$$\n")
    (repo / "script.py").write_text("x = 1\n")
    git(repo, "add", ".")
    assert selected(hook, ["notes/chain.md", "script.py", "a.tex"]) == ["notes/chain.md", "a.tex"]
    result = run_hook(hook, repo)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_hook_fails_a_commit_with_a_refuted_step_and_names_its_line(hook, repo):
    (repo / "notes").mkdir()
    text = "# Chain rule\n\nSome prose.\n\n$$\\frac{d}{dx} \\sin(x^2) = \\cos(x^2)$$\n"
    (repo / "notes" / "wrong.md").write_text(text)
    git(repo, "add", ".")
    result = run_hook(hook, repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "notes/wrong.md:5" in result.stdout
    assert "refuted" in result.stdout
