r"""Whether a claim true only at the example values in force is *about* them.

A claim that holds at the example values but not for every value (``sin 2x = 2 sin x`` after
``Take $x = 0$``) is *proved for the example values given just before* only when the note
plainly speaks of the example; otherwise it is *undecided* ("say which is meant"), never proved
(:func:`symderive.notes.variants._with_examples`). It speaks of the example when all hold:

* the value was set on purpose, by words right before its own formula (*Take, Let, For
  example, Case, with, given*, a table row, Korean *이라 하자*), not anywhere on its line
  (*Let $x = 2$. Then … so $x = 3$*: the second value is concluded), and not as a feature of
  something else (*The only real root … is $x = 0$*, *has its vertex where $x = 0$*, *the
  inflection point is $z = 0$*: round 15 F35, round 17 F6);
* no new unit of the note starts between the value and the claim: a thematic break (``---``),
  a bold run-in title (``**Derivatives.**``, ``\textbf{…}``, ``\paragraph``) or an exercise
  label (*Exercise 3.*, 연습문제) (round 17 F8);
* the claim's own sentence does not range over the name (*for $x \in \mathbb{R}$*, *for real
  $x$*, *for $t > 0$*, *everywhere*, *globally*, *on all of*, 실수 $x$에 대하여: round 17 F5);
* the claim does not differentiate with respect to a name that has the example value (*The
  derivative of the sine is $\frac{d}{dx}\sin x = 1$* names the derivative function; at a point
  the note writes ``\big|_{x=0}``: round 17 F8);
* the claim's sentence ties it to the example (*Then, so, here, for this choice*, 그러면 …), or
  it stands alone right after the value (round 18);
* the words between the value and the claim do not speak of the name alone (``$x$``) or move
  a value into it (``$x \gets 2$``): *Now change $x$ to $2$*, *Let $x$ now be $2$*, *Now double
  $x$* may change the value in words this reader does not carry out (round 18 F8). *for this
  $x$* points back at the value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from symderive.notes.bare_intervals import after_sentence
from symderive.notes.example_words import INSTANCE_WORDS, TEXT_IN_MATH, unread_word
from symderive.notes.names import plain_name
from symderive.notes.wrapped_lines import STRUCTURE

NEAR = 5  # lines: an example value given this close before a claim is what the claim is about

# words that set a value on purpose (Take $x = 0$, For example $x = 2$, $x = 1$이라 하자), read
# in the clause right before the value's own formula
SETTING_BEFORE = re.compile(
    r"(?:\b(?:take|taking|let|set|setting|suppose|assume|choose|pick|put|say|consider|"
    r"for\s+(?:example|instance)|e\.\s*g\.|plug\w*|substitut\w*|with|when|if|where|given|using|"
    r"evaluat\w*|at\s+the\s+(?:point|value)|case|from|starting)\b[^$.;!?]{0,30}"
    r"|\b(?:is|are|be|becomes|equals)\s+"  # The first label is $y^{(1)} = 3$ (a datum)
    r"|예를\s*들어[^$.;!?]{0,20})$", re.I)
# ... or a setting word earlier in the same sentence that governs a list of values (*Let $c =
# 5$ and $d = 1$*, *Let $a^{[0]} = 2$ be the input and $W^{[1]} = 3$ the first weight*), when no
# word of conclusion stands between (*Let $x = 2$, so $x = 3$*: round 17 F1)
SETTING_WORD = re.compile(
    r"\b(?:take|taking|let|set|setting|suppose|assume|choose|pick|put|consider|for\s+(?:example|"
    r"instance)|e\.\s*g\.|plug\w*|substitut\w*|given)\b|예를\s*들어", re.I)
CONCLUSION_WORD = re.compile(
    r"\b(?:then|so|hence|thus|therefore|consequently|follows?|gives?|yields?|implies|get|obtain|"
    r"find|means?)\b|따라서|그러므로|그러면|즉", re.I)
SETTING_AFTER = re.compile(
    r"^\s*(?:[이가을를로으은는]\s*)?(?:라\s*하|이라\s*하|라고\s*하|로\s*두|로\s*놓|이면|면|일\s*때|인\s*경우|"
    r"을\s*대입|를\s*대입|대입)")
# ... but not a feature of a function or a curve located at the value (round 15 F35, 17 F6)
FEATURE = re.compile(
    r"\b(?:roots?|zeros?|zeroes|solutions?|vert(?:ex|ices)|extrem(?:um|a)|maxim(?:um|a)|minim(?:um|a)|"
    r"(?:critical|inflection|inflexion|fixed|stationary|turning|saddle|equilibrium|boundary|end)"
    r"\s*-?\s*points?|intercepts?|tangents?|horizontal|vertical|asymptotes?|cross(?:es|ing)?|"
    r"meets?|intersect\w*|vanish\w*|discontinu\w*|singular\w*|poles?|peaks?|troughs?|kinks?|"
    r"jumps?|axis|line|plane|attained|achieved|reached|occurs?|located|lies|sits)\b"
    r"|근|해는|꼭짓점|극값|극대|극소|최댓값|최솟값|최대|최소|변곡점|고정점|임계점|점근선|교점|절편",
    re.I)
# a Markdown table row: its value is its own
TABLE_ROW = re.compile(r"^\s*\|")
# a new unit of the note: a thematic break, a bold run-in title, an exercise label
NEW_UNIT = re.compile(
    r"^\s{0,3}(?:(?:[-*_]\s*){3,}$|(?:\*\*|__)[^*_]{1,60}?[.:]?(?:\*\*|__)\s*[.:]?(?:\s|$)"
    r"|\\(?:noindent\s*\\)?(?:textbf|paragraph|subparagraph)\s*\{"
    r"|(?:exercise|problem|question|homework|연습\s*문제|문제)\s*[\dA-Z]*\s*[.:)])", re.I)
# ... unless the title introduces the example itself (**Example.**, **Case 1:**, **예**)
EXAMPLE_TITLE = re.compile(r"^\s*(?:\*\*|__|\\textbf\s*\{)\s*(?:for\s+)?(?:example|instance|case|"
                           r"illustration|worked|예|예시|예제|경우)(?!\s*[\dA-Z]\b|\s+\d)", re.I)
# words in the claim's own sentence that range over a name: "for $x \in \mathbb{R}$", "for real
# $x$", "for $t > 0$", "everywhere", "globally", "on all of", 실수 $x$에 대하여 (round 17 F5)
RANGING = re.compile(
    r"\bfor\s+(?:(?:all|every|each|any)\s+)?(?:real|positive|negative|non-?negative|complex|"
    r"natural|integer|rational)\s+(?:numbers?\s+)?\$|\bfor\s+\$[^$]*(?:\\in|\\geq?|\\leq?|\\neq?|"
    r"\\gt|\\lt|[<>]|∈)[^$]*\$|\beverywhere\b|\bglobally\b|\bon\s+(?:all\s+of|the\s+whole|the\s+entire)"
    r"\b|\bthroughout\b|\bover\s+(?:all\s+of\s+)?(?:the\s+)?(?:reals|real\s+line|\$\\mathbb)"
    r"|실수\s*\$[^$]*\$\s*에\s*대(?:하여|해)|전체에서|어디서나|모든\s*실수",
    re.I)
_VALUED = re.compile(r"\$([^$]*)=([^$]*)\$")


def set_on_purpose(lines: Sequence[str], line: int, name: str = "") -> bool:
    """Whether ``line`` sets the value of ``name`` on purpose (see the module): a table row, or
    setting words right before its own formula ``$name = …$`` (or 이라 하자 after it), with no
    feature word in that clause. Without the formula found, the line's first valued formula."""
    if not 0 < line <= len(lines):
        return False
    text = lines[line - 1]
    if TABLE_ROW.match(text):
        return True
    formulas = list(_VALUED.finditer(text))
    own = [found for found in formulas if plain_name(found.group(1)) == plain_name(name)] if name else []
    for found in own or formulas:
        before = text[:found.start()]
        clause = re.split(r"[.;!?。]\s", before)[-1]
        if FEATURE.search(re.sub(r"\$[^$]*\$", " ", clause)):
            continue  # "The only real root of $x^3 + x$ is $x = 0$" (17 F6)
        if SETTING_BEFORE.search(clause) or SETTING_AFTER.match(text[found.end():]):
            return True
        words = re.sub(r"\$[^$]*\$", " ", clause)
        setting = list(SETTING_WORD.finditer(words))
        if setting and not CONCLUSION_WORD.search(words[setting[-1].end():]):
            return True
    return False


def new_unit_between(lines: Sequence[str], start: int, end: int) -> str:
    """The line after ``start`` and up to ``end`` (the claim's line) that opens a new unit of
    the note (a thematic break, a bold run-in title, an exercise label), or ''."""
    for number in range(start + 1, min(end, len(lines)) + 1):
        text = lines[number - 1]
        if NEW_UNIT.match(text) and not EXAMPLE_TITLE.match(text):
            return text.strip()[:40]
    return ""


_ABBREVIATED = re.compile(r"\b(?:i\.\s?e|e\.\s?g|cf|resp|viz|etc)\.", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s")
# a new step: a setting verb right before a formula ("Now set $x$ to $2$", "Now assume $x^2 >
# 9$", "Take $b = 5$"), or a Korean setting ending right after one ("$b = 5$로 두자")
_NEXT_STEP = re.compile(r"\b(?:let|take|set|assume|suppose|choose|pick|put|change|replace|"
                        r"consider)\s+(?!(?:\w+\s+){0,2}?(?:any|every|all|arbitrary)\b)"
                        r"(?:\w+\s+){0,2}\$(?![^$]*\$\s+(?:\w+\s+){0,3}?(?:any|every|all|"
                        r"arbitrar\w*|anything|range\w*)\b)|\$[^$]*\$\s*(?:을|를|로|으로|이라|라)?\s*"
                        r"(?:두자|하자|놓자|두면|가정)", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
# a quoted line's marks ("> "): a quote's next lines go on with its sentence (round 21 F13)
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
# a comment line between paragraphs
_COMMENT_LINE = re.compile(r"^\s*(?:<!--.*-->|%.*)\s*$")
# a formula with "=" of its own: a next paragraph with one takes a new step
_NEW_FORMULA = re.compile(r"\$[^$]*=[^$]*\$")
# a next paragraph that opens by speaking of the claim: "This identity holds for every $x$."
_BACK = re.compile(r"^\s*(?:(?:in\s+fact|indeed|actually|note\s+that|of\s+course|moreover|more\s+"
                   r"generally|in\s+general|generally)\s*,?\s*)?"  # (round 22 q08)
                   r"(?:this|that|it|these|such|the\s+(?:same|above|last)|이|그)\b", re.I)


def unabbreviated(words: str) -> str:
    """``i.e.``, ``e.g.`` … without their periods, which end no sentence (round 19 F25)."""
    return _ABBREVIATED.sub(lambda found: found.group().replace(".", " "), words)


def claim_sentence(lines: Sequence[str], block) -> str:
    r"""The claim's own sentence with its formulas, the claim as ``$…$``: the lead's last
    sentence and, after an inline formula, the rest of its sentence (after a display, the words
    that go on lower-case or in parentheses: *$$…$$ (for every real $x$).*), the words inside
    a display (``\quad \text{everywhere}``), and the next sentence when it speaks of the claim
    (*This identity holds everywhere.*)."""
    before = _SENTENCE_END.split(unabbreviated(block.lead or ""))[-1]
    after = ""
    if block.kind == "inline" and 0 < block.line <= len(lines):
        text = lines[block.line - 1]
        position = text.find("$" + block.latex + "$")
        after = " ".join([text[position + len(block.latex) + 2:]] + _paragraph_after(
            lines, block.line)) if position >= 0 else ""
    elif block.kind != "inline":
        following = after_sentence(lines, block.line, block.latex).strip()
        later = " ".join(_paragraph_after(lines, block.line + block.latex.count("\n")))
        opened = following.lstrip("([*_ \t")[:1]
        after = f"{following} {later}" if opened.islower() or following[:1] in "([" else ""
        after = " ".join(TEXT_IN_MATH.findall(block.latex) + [after])  # \text{everywhere}
    sentences = _SENTENCE_END.split(unabbreviated(after))
    after = sentences[0]
    for position, following in enumerate(sentences[1:9], 1):  # the next sentences (round 20 F1,
        ends = position < len(sentences) - 1 or bool(re.search(r"[.!?。]\s*$", following))  # F5)
        if not ends or _NEXT_STEP.search(following):
            break  # the lead of the next formula, or a new step: about the next claim
        after += " " + following
    return f"{before} $…$ {after}"


def _paragraph_after(lines: Sequence[str], line: int, most: int = 6) -> list[str]:
    """The lines after ``line`` in its paragraph (up to ``most``), stripped, and the next
    paragraph's first line when it opens by speaking of the claim (*This identity …*)."""
    found = []
    quoted = bool(_QUOTE.match(lines[line - 1])) if 0 < line <= len(lines) else False
    for number in range(line, min(line + most, len(lines))):
        text = _QUOTE.sub("", lines[number]) if quoted else lines[number]  # (round 21 F13)
        if not text.strip():
            ahead = number + 1  # (blank lines and comments before it: round 22 F7)
            while ahead < len(lines) and (not lines[ahead].strip()
                                          or _COMMENT_LINE.match(lines[ahead])):
                ahead += 1
            following = lines[ahead] if ahead < len(lines) else ""
            if _BACK.match(following) or (following.strip() and not STRUCTURE.match(following)
                                          and not _NEW_FORMULA.search(following)):
                found += [".", following.strip()]  # (round 20 F5, round 21 F4)
            break
        if STRUCTURE.match(text):
            if not _LIST_ITEM.match(text):
                break
            text = _LIST_ITEM.sub("", text)  # a list item may go on with the sentence (20 F5)
        found.append(text.strip())
    return found


def ranging_words(sentence: str, names=()) -> str:
    """Words of the claim's own sentence that range over one of ``names`` (:data:`RANGING`;
    words that name no letter, *everywhere*, range over all), or ''. *For every real $d$* does
    not range over c."""
    plain = {plain_name(name) for name in names}
    for found in RANGING.finditer(sentence or ""):
        rest = sentence[found.start():]
        formula = re.search(r"\$([^$]*)\$", rest[:len(found.group()) + 40])
        if formula is None or not plain or re.search(r"\\mathbb|\\R\b|ℝ", formula.group(1)):
            return found.group()
        letters = {plain_name(letter) for letter in re.findall(
            r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?(?:\^\{[^{}]*\})?", formula.group(1))}
        if letters & plain:
            return found.group()
    return ""


# words that tie the claim to the example just set (round 18: a claim false in general is about
# the example only when the note says so — a general phrase missing from a list is no tie):
# "Then", "so", "hence", "we get", "since", "here", "at this $x$", "for this choice", "in our
# example", "in both cases", 그러면, 따라서, 이때, 즉, 이므로, 이 경우
TIE = re.compile(
    r"\b(?:then|so(?!\s+that)|hence|thus|therefore|consequently|we\s+(?:get|obtain|find)|"
    r"plugging|substituting|evaluating|i\.\s*e\.|here|"
    r"since|because|as\s+\$|(?:at|for|with)\s+(?:this|these|that|those|our)\b|"
    r"in\s+(?:this|that|our)\s+(?:case|example|setting)|in\s+(?:both|each|every|all|either)\s+"
    r"cases?|either\s+way)\b"
    r"|그러면|따라서|그러므로|이때|즉|이\s*경우|대입하면|넣으면|이므로|므로|두\s*경우|각\s*경우", re.I)


# words before a tie that put the claim away from the example ("Not only in our example",
# "Even outside of this example", "Beyond our example"): no tie (round 18 F6)
AWAY = re.compile(r"\b(?:not\s+(?:only|just)|outside(?:\s+of)?|beyond|apart\s+from|besides|"
                  r"other\s+than|unlike|except|even)\s*(?:\w+\s+)?$", re.I)


def tied(sentence: str, lead: str) -> bool:
    """Whether the claim's own sentence ties it to the example (:data:`TIE`, before or after
    it), or has no words before it (*Let $c = 2$.* then a display ``c^2 = 4``), or continues
    the sentence that sets the value (*Take $x = 0$: $\\sin x = 0$*)."""
    words = re.sub(r"\$[^$]*\$", " § ", sentence.replace("$…$", " § "))
    if any(not AWAY.search(words[max(0, found.start() - 25):found.start()])
           for found in TIE.finditer(words)):
        return True
    before = re.sub(r"\$[^$]*\$", " ", sentence.split("$…$", 1)[0])
    if not re.search(r"\w", before) or re.search(r"[.!?。]\s*$", lead or ""):
        return True
    last = re.split(r"(?<=[.!?。])\s+", lead or "")[-1]
    return bool(re.search(r"\$[^$]*=[^$]*\$\s*[:,;]?\s*(?:and\s+)?$", last))


def _names(formula: str, name: str) -> bool:
    """Whether ``formula`` writes the letter ``name`` (not inside a longer word or command)."""
    return bool(re.search(rf"(?<![A-Za-z\\]){re.escape(name.lstrip(chr(92)))}(?![A-Za-z])",
                          formula))


def words_between(lines: Sequence[str], line: int, name: str, claim_line: int,
                  claim_column: int, in_force: frozenset = frozenset()) -> str:
    r"""The text between the formula that gives ``name`` its value on ``line`` and the claim
    (on ``claim_line`` at ``claim_column``; -1: its line's end), formulas kept.  The formula is
    the last of ``in_force`` (the formulas giving the values in force, as written) on the line,
    else the last formula of the name there: *Take $x = 0$. Let $\mathrm{x} = 1$.* keeps the
    second value in the words after the first."""
    if not (0 < line <= claim_line <= len(lines)):
        return ""
    first = lines[line - 1]
    stop = claim_column if claim_column >= 0 and claim_line == line else len(first)
    own = [found for found in _VALUED.finditer(first[:stop])
           if plain_name(found.group(1)) == plain_name(name) and not _names(found.group(2), name)]
    # (w = w - ηg names w on its right: an update after the value, no value: round 22 F6)
    own = [found for found in own if found.group() in in_force] or own
    pieces = [first[own[-1].end() if own else 0:stop]]
    for number in range(line + 1, claim_line + 1):
        text = lines[number - 1]
        pieces.append(text[:claim_column] if number == claim_line and claim_column >= 0 else text)
    return "\n".join(pieces)


def _own_formulas(lines: Sequence[str], examples: dict, claim_line: int, column: int,
                  written: dict | None) -> list:
    """The formulas (``$x = 1$``, as written) that give the values in force: on each value's
    line, the ones written as its definition (``written``: name → ``x = 1``; without it the
    last one before the claim)."""
    found = []
    for name, line in examples.items():
        if 0 < line <= len(lines):
            text = lines[line - 1]
            text = text[:column] if line == claim_line and column >= 0 else text
            own = [match.group() for match in _VALUED.finditer(text)
                   if plain_name(match.group(1)) == plain_name(name)]
            if written is not None:
                value = re.sub(r"\s", "", written.get(name, ""))
                found += [formula for formula in own if re.sub(r"\s", "", formula[1:-1]) == value]
            else:
                found += own[-1:]
    return found


_ORDINAL = re.compile(r"\b(?:" + "|".join(sorted(INSTANCE_WORDS)) + r")\b", re.I)


def _ordinals_of_the_value(between: str) -> str:
    """The words between a value and the claim, without the ordinals of the value's own
    sentence (*Let $W = 3$ be the first weight.* names the value's instance); an ordinal after
    it may name another instance (*The second weight gives …*: round 21 F10)."""
    head, end, tail = (parts := re.split(r"([.!?。](?:\s|$))", between, maxsplit=1)) + [""] * (
        3 - len(parts))
    return _ORDINAL.sub(" ", head) + end + tail if end else between


# a noun phrase naming an example ("in our example", "the running example", "this case",
# 우리 예에서): with two values of one letter given in its section it may mean either (round 22
# F13: "In our example, $x^3 = 8$" after a side example's $x = 2$ meant the running $x = 3$)
_NAMED_EXAMPLE = re.compile(
    r"\b(?:our|the|this|that|running|main|original|first|earlier|previous|above)\s+(?:\w+\s+)?"
    r"(?:example|case|setting|instance|illustration)s?\b|(?:우리|앞의|위의|이|그)\s*(?:예|예시|예제|경우)",
    re.I)


_MATH = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\begin\{(?:equation|align|gather)\*?\}(.+?)"
                   r"\\end\{(?:equation|align|gather)\*?\}|(?<!\\)\$([^$]+?)(?<!\\)\$", re.S)
_SAID_VALUE = re.compile(r"\$([^$=]{1,30})\$\s+(?:equals|is|was|be|becomes|takes\s+the\s+value)\s+"
                         r"\$([^$=]{1,30})\$")
_PIECE = re.compile(r",|;|\\q?quad|\\text\s*\{[^{}]*\}|\\\\")


def _values_of(text: str, name: str) -> set[str]:
    """The values ``text`` gives ``name`` in its formulas, as written without spaces: every
    piece ``name = value`` of a formula (``$x = 3, y = 1$``, a display over lines)."""
    found = set()
    for math in _MATH.finditer(text):
        body = next(group for group in math.groups() if group is not None)
        body = re.sub(r"\\coloneqq|\\coloneq|:=|&|\\(?:begin|end)\s*\{[^{}]*\}",
                      lambda found: "=" if "=" in found.group() or "coloneq" in found.group()
                      else " ", body)  # (x &= 3 in an align, x := 3: round 24)
        for piece in _PIECE.split(body):
            left, equals, right = piece.partition("=")
            if equals and plain_name(left) == plain_name(name) and right.strip(" .\n"):
                found.add(re.sub(r"\s", "", right).rstrip("."))
    for said in _SAID_VALUE.finditer(text):  # "the input $x$ equals $3$" (round 24)
        if plain_name(said.group(1)) == plain_name(name):
            found.add(re.sub(r"\s", "", said.group(2)).rstrip("."))
    return found


def _other_values(lines: Sequence[str], name: str, line: int) -> list[int]:
    """Whether ``name`` has had another value than its value on ``line``, before it in the note
    or on that line itself (*take $x = 2$ instead of $x = 3$*): [a line of it] or []. Earlier
    sections count too: a sub-section reads its parent's values (round 23 R23-16 to R23-19)."""
    if not 0 < line <= len(lines):
        return []
    current = _values_of(lines[line - 1], name)
    if len(current) > 1:
        return [line]
    before = "\n".join(lines[:line - 1])
    for found in [*_MATH.finditer(before), *_SAID_VALUE.finditer(before)]:
        if _values_of(found.group(), name) - current:
            return [before.count("\n", 0, found.start()) + 1]
    return []


def example_doubt(lines: Sequence[str], claim_line: int, examples: dict, sentence: str,
                  written_at: tuple = (), written: dict | None = None,
                  strict: bool = False) -> str:
    r"""Why a claim true only at the example values ``examples`` (name → line) is not read as
    about them: the first word of its own ``sentence``, or of the text between a value and the
    claim, that is not plain (:mod:`symderive.notes.example_words`: *every*, *identity*, *Now
    change $x$ to $2$*, *Let $x \in \mathbb{R}$*); '' when there is none."""
    before, mark, after = (sentence or "").partition("$…$")
    own = frozenset(_own_formulas(lines, examples, claim_line, (written_at or (0, -1))[1],
                                  written))
    values = [found for found in _VALUED.finditer(before) if found.group() in own]
    if values:  # "The first label is $y = 3$, so $…$": the words after the value in it
        before = before[values[-1].end():]
    word = unread_word(before + mark + after, examples, own, strict)
    if word:
        return f"its sentence says '{word}', which this reader does not take as about the example"
    start_line, column = written_at or (claim_line, -1)  # where the claim's formula opens
    for name, line in examples.items():  # (every value in force, near or not: round 20 F15)
        between = _ordinals_of_the_value(words_between(
            lines, line, name, max(line, start_line), column if start_line >= line else -1,
            own))
        named = _NAMED_EXAMPLE.search(re.sub(r"\$[^$]*\$", " ", f"{before} {after} {between}"))
        if named and (others := _other_values(lines, name, line)):
            return (f"'{named.group().strip()}' may mean the example at line {others[0]}, where "
                    f"{name} has another value than at line {line}")
        if (word := unread_word(between, examples, own, strict)):
            return (f"the words after {name} = … (line {line}) say '{word}', which may change "
                    f"the value or widen the claim, and this reader does not carry them out")
    return ""


def about_the_example(lines: Sequence[str], claim_line: int, examples: dict, sentence: str,
                      differentiated: set, lead: str = "", written_at: tuple = (),
                      written: dict | None = None) -> bool:
    """Whether the claim on ``claim_line`` (whose formula opens at ``written_at``, (line, column)) is about
    the example values ``examples`` (name → line) in force (see the module). ``sentence``: the
    claim's own sentence (formulas kept); ``differentiated``: the names the claim
    differentiates with respect to (not at a point)."""
    if not examples or claim_line - max(examples.values()) > NEAR:
        return False
    if set(examples) & differentiated or ranging_words(sentence, examples):
        return False
    if claim_line not in examples.values() and not tied(sentence, lead):
        return False  # a claim false in general, with no word about the example (round 18)
    if example_doubt(lines, claim_line, examples, sentence, written_at, written):
        return False  # "for **every** $x$", "Now change $x$ to $2$" (rounds 18 F8, 19)
    return all(set_on_purpose(lines, line, name) and not new_unit_between(lines, line, claim_line)
               for name, line in examples.items())
