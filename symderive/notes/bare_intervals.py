r"""An interval written alone next to a display: *On $[1, \infty)$ we have*, *which holds on
$[1, \infty)$.*, *Over $(0, 1)$,* (review round 10, H5).

The formula names no letter, so no domain reader binds it to a variable; yet it is where the
note says the display holds, and a counterexample outside it refutes nothing the note claims.
Until it is read as the domain of the display's one variable, a refutation of such a display
is *undecided*, naming the interval. A proof or a check (on the whole real line) stays: it
covers the interval too.
"""

from __future__ import annotations

import re

# $[a, b]$, $(0, 1)$, $[1, \infty)$, $]0, 1[$, with \left / \right: the whole formula one interval
INTERVAL = re.compile(
    r"\$\s*(?:\\left\s*)?[\[(\]]\s*[^$,\[\]()]+,\s*[^$,\[\]()]+?\s*(?:\\right\s*)?[\])\[]\s*\$")
SENTENCE_END = re.compile(r"[.;!?。]\s")
# a paragraph that goes on with the sentence before it: a lower-case word, 여기서, 단
CONTINUATION = re.compile(r"\s*(?:[a-z(]|여기서|단[,\s])")


def lead_sentence(lead: str) -> str:
    parts = SENTENCE_END.split(lead or "")
    return parts[-1] if parts else ""


def after_sentence(lines, line: int, latex: str) -> str:
    """The words after a display up to the end of their sentence (two lines at most)."""
    last = line - 1 + latex.count("\n")
    if not 0 <= last < len(lines):
        return ""
    text = lines[last]
    for closing in ("$$", r"\]", r"\end{"):
        position = text.rfind(closing)
        if position >= 0:
            text = text[position + len(closing):].split("}", 1)[-1] if closing == r"\end{" \
                else text[position + len(closing):]
            break
    following = list(lines[last + 1:last + 3])
    if following and not following[0].strip() and not text.strip():
        following = following[1:]  # the next paragraph continues only a sentence in lower case
        if following and not CONTINUATION.match(following[0]):
            following = []
    if "" in [part.strip() for part in following]:
        following = following[:[part.strip() for part in following].index("")]
    text = " ".join([text] + following)
    return SENTENCE_END.split(text, maxsplit=1)[0]


def bare_interval(lead: str, lines, line: int, latex: str) -> str:
    """The reason a refutation is withheld, or "": an interval alone in the sentence that leads
    into the display or in the one after it."""
    for where, words in (("before", lead_sentence(lead)),
                         ("after", after_sentence(lines, line, latex))):
        match = INTERVAL.search(words)
        # the sentence's only formula: "a function on $[0, 1]$" gives the interval to $f$
        if match and len(re.findall(r"\$[^$]+\$", words)) == 1:
            return (f"the note states the interval {match.group(0)} {where} the display "
                    f"('{' '.join(words.split())[:80]}'), which this reader does not read as "
                    "the domain of a variable")
    return ""
