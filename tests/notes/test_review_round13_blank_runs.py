"""Round 13 F7: a long run of blanks after a sentence is read in linear time.

The sentence splitter asks, for every sentence, whether only blanks and at most two line
breaks separate it from the display that follows. Written as three adjacent ``[ \\t]*`` with
optional line breaks between them, the question backtracked over every split of a blank run
that is *not* followed by a display: 3,000 spaces took 21 s, 6,000 more than 100 s, and the
conditional evaluator produces such runs when it blanks 2,000 nested ``\\iftrue … \\fi``.
The tests run the reader in a child process with a generous deadline, so a regression fails
instead of hanging the suite.
"""

import json
import subprocess
import sys

import pytest

from symderive.notes.stated import sentences_of

DEADLINE_S = 90  # the fixed reader needs about a second; the old one needed hours


def notes_json(path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "symderive", "notes", str(path), "--format", "json",
         "--no-cache", "-j", "1", "--all-steps"],
        capture_output=True, text=True, timeout=DEADLINE_S, check=False)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("blanks", [" " * 20_000, "\t" * 20_000, " \n" * 2 + " " * 20_000])
def test_a_blank_run_not_followed_by_a_display_is_split_in_linear_time(blanks):
    text = "We have $x = x$." + blanks + "Next."
    sentences = sentences_of(text)
    assert [s.text for s in sentences] == ["We have $x = x$.", "Next."]
    assert not any(s.into_display for s in sentences)


def test_a_sentence_that_runs_into_a_display_still_says_so():
    sentences = sentences_of("Hence\n   \n$$ a = b $$\n")
    assert sentences and sentences[0].into_display


def test_six_thousand_spaces_after_a_sentence_do_not_hang_the_reader(tmp_path):
    note = tmp_path / "spaces.md"
    note.write_text("# A\n\nWe have $(a+b)^2 = a^2 + 2ab + b^2$." + " " * 6000 + "Next.\n")
    report = notes_json(note)
    verdicts = [step["verdict"] for f in report["files"] for e in f["equations"]
                for step in e.get("steps", [])]
    assert verdicts == ["proved"]


def test_two_thousand_nested_true_conditionals_do_not_hang_the_reader(tmp_path):
    depth = 2000
    note = tmp_path / "nested.tex"
    note.write_text("\\documentclass{article}\n\\begin{document}\n\\section{A}\n"
                    + "\\iftrue\n" * depth + "We have $(a+b)^2 = a^2 + 2ab + b^2$.\n"
                    + "\\fi\n" * depth + "\\end{document}\n")
    report = notes_json(note)
    verdicts = [step["verdict"] for f in report["files"] for e in f["equations"]
                for step in e.get("steps", [])]
    assert verdicts == ["proved"]
