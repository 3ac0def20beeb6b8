r"""The base of a note's ``\log``, as its prose states it: read in one place, used by the
information-theory reading (entropies in bits) and by every other step (docs/notes.md,
"Logarithms").

* A **statement** is a sentence that names the logarithm (*log, logarithm*, ``\log``, 로그) and
  a base: base 2 (*base 2, base-2, base of 2, to base 2, binary logarithm*, 밑이 2,
  ``\log(.)`` for ``\log_2(.)``) or base 10 (*base 10, base-10, common logarithm*, 밑이 10) —
  unless the words just before the base negate or contrast it (*not, rather than, instead of*);
  also *$\log x$ always means $\log_2 x$*, *$\log = \log_2$*, *base $2$*, *base two*, 이진
  로그, and information measured *in bits* (base 2; *in nats* is natural) — round 11a F8.
  "A nat is a bit with base $e$ rather than base 2" names no logarithm: no statement.
* A section that says its logarithm is natural (*natural log, ln*, 자연 로그, 밑이 e) reads
  ``\log`` as ln whatever another section says.
* Everywhere else in a note with a statement, ``\log`` may be the stated base: a step with a
  bare ``\log`` that the general reading decides (with the natural logarithm) is *undecided*,
  naming the statement — never proved, checked or refuted with ln. (Re-proving it in the stated
  base is not sound on the parsed expression: SymPy has already simplified ``e^{\log x}`` to x.) (The information-theory reading decides
  its own steps in bits or nats by :func:`symderive.notes.probability.section_readings`.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symderive.grammar.negation import NEGATED_OR_CONTRASTED
from symderive.notes.sections import HEADING_LINE

# the phrases of each base (BASE_TWO is also what the information-theory reading looks for)
BASE_TWO = re.compile(
    r"밑\s*(?:을|은|는|이)?\s*2(?!\d|\.\d)|이진\s*로그|base[- ]2\b|base of 2\b"
    r"|(?:to|in|with|taken|using)\s+(?:the\s+)?base\s+(?:2|two)\b|base[- ]two\b|binary logarithm"
    r"|\bbinary\s+logs?\b|\blog(?:arithm)?s?\s+(?:are|is)\s+(?:\w+\s+)?binary\b|(?<![\\\w])log_?2\b|이진\s*로그"
    r"|\\log_2\s*\(\s*\.\s*\)", re.I)
BASE_TEN = re.compile(
    r"밑\s*(?:을|은|는|이)?\s*10(?!\d|\.\d)|base[- ]10\b|base of 10\b"
    r"|(?:to|in|with|taken|using)\s+(?:the\s+)?base\s+(?:10|ten)\b|base[- ]ten\b"
    r"|common\s*(?:\(\s*base[- ]10\s*\)\s*)?logarithms?|common\s+logs?\b|decimal\s+log(?:arithm)?s?"
    r"|(?<![\\\w])log_?10\b|상용\s*로그"
    r"|\\log_\{?10\}?\s*\(\s*\.\s*\)", re.I)
# round 11a F8: "$\log x$ always means $\log_2 x$", "Throughout, $\log = \log_2$", "we write
# $\log$ for $\log_2$": the bare \log said to be the one with a base
_BASED = r"\\log_\s*\{?\s*(?:2|10)(?!\d)\s*\}?"
LOG_MEANS = re.compile(
    r"\\log(?![_A-Za-z])[^$]{0,12}\$?\s*(?:(?:always|here|throughout|now|henceforth)\s+)*"
    r"(?:means|denotes|stands\s+for|refers\s+to|will\s+(?:mean|denote)|is\s+(?:short(?:hand)?\s+"
    r"for|read\s+as|taken\s+as|understood\s+as|to\s+be\s+read\s+as)|is|are|(?:은|는)(?:\s*(?:모두|항상|늘"
    r"|언제나))?)\s*(?:the\s+)?\$?[^$]{0,20}?\$?\s*" + _BASED
    # "We work with $\log_2$ and drop the subscript", "the base is omitted"
    + r"|" + _BASED + r"[^.]{0,60}?\b(?:drop|omit|suppress|leave\s+out|without)\w*\s+(?:the\s+)?"
    r"(?:subscript|base|index)"
    # "$\log = \log_2$", "$\log x = \log_2 x$" (the whole formula: not a conversion rule)
    + r"|\$\s*\\log(?![_A-Za-z])\s*(?:\(?\s*[A-Za-z]\s*\)?)?\s*=\s*" + _BASED
    + r"\s*(?:\(?\s*[A-Za-z]\s*\)?)?\s*\$"
    + r"|\b(?:write|use)\s+\$\s*\\log\s*\$\s+(?:for|to\s+mean)\s+\$[^$]{0,10}?" + _BASED,
    re.I)
# "We measure entropy in bits", "in units of bits", "비트 단위": information in base 2 (round 11a F8;
# "in nats" is among NATURAL_WORDS)
IN_BITS = re.compile(r"\bin\s+(?:units\s+of\s+)?bits\b|\bunits?\s+of\s+bits\b|\bin\s+shannons?\b"
                     r"|\bbits\s+(?:throughout|everywhere)\b"
                     r"|비트\s*(?:단위|로\s*(?:측정|나타|잰|재|표시))", re.I)
LOG_WORD = re.compile(r"\\log(?![_A-Za-z])|\blog(?:arithm)?s?\b|로그", re.I)
NATURAL_WORDS = re.compile(r"natural log|natural\b|\bln\b|자연\s*로그|밑이\s*e\b"
                           r"|\bin\s+(?:units\s+of\s+)?nats\b|\bunits?\s+of\s+nats\b|내트", re.I)
MATH = re.compile(r"\$[^$]*\$")
SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n\s*\n")
BARE_LOG = re.compile(r"\\log(?!\s*_)(?![A-Za-z])")  # \log _{ 2 }: a base (40 J)


@dataclass(frozen=True)
class Statement:
    line: int
    base: int  # 2 or 10
    text: str  # the sentence, shortened


_NUMBER_MATH = re.compile(r"\$\s*(\d+)\s*\$")  # "base $2$": the number written as math
_NUMBER_WORDS = ((re.compile(r"\bbase\s+two\b", re.I), "base 2"),
                 (re.compile(r"\bbase\s+ten\b", re.I), "base 10"))


def sentence_base(sentence: str) -> int | None:
    """2 or 10 when the sentence states that base for the logarithm (or says information is
    measured in bits: base 2), else None."""
    sentence = _NUMBER_MATH.sub(r"\1", sentence)
    for pattern, words in _NUMBER_WORDS:
        sentence = pattern.sub(words, sentence)
    means = LOG_MEANS.search(sentence)
    if means and not NEGATED_OR_CONTRASTED.search(MATH.sub(" ", sentence[:means.start()])[-30:]
                                                   + " " + sentence[means.start():means.end()]):
        return int(re.findall(r"\\log_\s*\{?\s*(\d+)", means.group())[-1])
    bits = IN_BITS.search(sentence)
    if bits and not NEGATED_OR_CONTRASTED.search(
            MATH.sub(" ", sentence[max(0, bits.start() - 30): bits.start()])):
        return 2
    if not LOG_WORD.search(sentence.replace("\\log_", " ")):
        return None
    for base, pattern in ((2, BASE_TWO), (10, BASE_TEN)):
        match = pattern.search(sentence)
        if match is None:
            continue
        near = MATH.sub(" ", sentence[max(0, match.start() - 30): match.start()])
        if NEGATED_OR_CONTRASTED.search(near):
            continue  # "not base 2", "rather than base 2"
        return base
    return None


def sentences(lines: list[str]):
    """(line, sentence) for every sentence of the note shorter than 2,000 characters: the
    sentences a statement of a convention is looked for in (also by
    :mod:`symderive.notes.stated_conventions`)."""
    text = "\n".join(lines)
    position = 0
    for sentence in SENTENCE.split(text):
        start = text.find(sentence, position)
        position = max(position, start + len(sentence)) if start >= 0 else position
        if len(sentence) < 2000:
            yield text.count("\n", 0, max(start, 0)) + 1, sentence


def statements(lines: list[str]) -> list[Statement]:
    """Every sentence of the note that states a base for its logarithm, with its line."""
    return [Statement(line, base, " ".join(sentence.split())[:80])
            for line, sentence in sentences(lines)
            if (base := sentence_base(sentence)) is not None]


def section_lines(lines: list[str], line: int) -> tuple[int, int]:
    """The 1-based first and last line of the section holding ``line``."""
    start = max((k + 1 for k in range(min(line, len(lines))) if HEADING_LINE.match(lines[k])),
                default=1)
    end = next((k for k in range(line, len(lines)) if HEADING_LINE.match(lines[k])), len(lines))
    return start, end


def says_natural(lines: list[str], line: int) -> bool:
    """The section of ``line`` says its logarithm is natural (and states no other base)."""
    start, end = section_lines(lines, line)
    section = [lines[k - 1] for k in range(start, end + 1)]
    text = MATH.sub(" ", " ".join(section))
    return bool(NATURAL_WORDS.search(text)) and not any(
        sentence_base(sentence) for sentence in SENTENCE.split(" ".join(section)))


def bases_at(lines: list[str], line: int, found: list[Statement] | None = None) -> list[Statement]:
    """The statements that may give ``\\log`` at ``line`` a base other than e: those of its
    own section when it has one; none when its section says natural; else every statement of
    the note (another section's, or one made for the whole note)."""
    found = statements(lines) if found is None else found
    if not found:
        return []
    start, end = section_lines(lines, line)
    own = [statement for statement in found if start <= statement.line <= end]
    if own:
        return own
    if says_natural(lines, line):
        return []
    return found


def uses_bare_log(latex: str) -> bool:
    """``\\log x`` written without a base (``\\log_2 x`` has its own)."""
    return bool(BARE_LOG.search(latex))


def describe(found: list[Statement]) -> str:
    said = "; ".join(dict.fromkeys(f"base {s.base} at line {s.line}" for s in found[:3]))
    return f"the note says its \\log is not the natural logarithm ({said})"


def section_says_base_two(lines: list[str], line: int) -> bool | None:
    """What the section of ``line`` says of the information-theory reading's base: True (a
    statement of base 2 in it), False (it says natural, or base 10 — not a base that reading
    uses, see :func:`bases_at`), None (silent)."""
    start, end = section_lines(lines, line)
    own = [s for s in statements(lines[start - 1:end])]
    if own:
        return all(statement.base == 2 for statement in own)
    return False if says_natural(lines, line) else None
