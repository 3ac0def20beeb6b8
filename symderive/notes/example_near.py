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
from symderive.notes.wrapped_lines import wrapped_after

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


def _plain(name: str) -> str:
    return re.sub(r"[\s{}\\]|\\mathrm|\\mathit", "", name or "")


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
    own = [found for found in formulas if _plain(found.group(1)) == _plain(name)] if name else []
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


def claim_sentence(lines: Sequence[str], block) -> str:
    """The claim's own sentence with its formulas, the claim as ``$…$``: the lead's last
    sentence and, after an inline formula, the rest of its sentence on its line (after a
    display, the words that go on lower-case: *$$…$$ for every real $x$.*)."""
    before = re.split(r"(?<=[.!?。])\s+", block.lead or "")[-1]
    after = ""
    if block.kind == "inline" and 0 < block.line <= len(lines):
        text = lines[block.line - 1]
        position = text.find("$" + block.latex + "$")
        after = wrapped_after(text[position + len(block.latex) + 2:], list(
            lines[block.line:block.line + 2])) if position >= 0 else ""  # (round 18 F11)
    elif block.kind != "inline":
        following = after_sentence(lines, block.line, block.latex).strip()
        after = following if following[:1].islower() else ""
    after = re.split(r"(?<=[.!?。])\s", after, maxsplit=1)[0]
    return f"{before} $…$ {after}"


def ranging_words(sentence: str, names=()) -> str:
    """Words of the claim's own sentence that range over one of ``names`` (:data:`RANGING`;
    words that name no letter, *everywhere*, range over all), or ''. *For every real $d$* does
    not range over c."""
    plain = {_plain(name) for name in names}
    for found in RANGING.finditer(sentence or ""):
        rest = sentence[found.start():]
        formula = re.search(r"\$([^$]*)\$", rest[:len(found.group()) + 40])
        if formula is None or not plain or re.search(r"\\mathbb|\\R\b|ℝ", formula.group(1)):
            return found.group()
        letters = {_plain(letter) for letter in re.findall(
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


# a formula that is the name alone, or moves a value into it (x \gets 2, x \leftarrow x + 1)
_FORMULA = re.compile(r"\$([^$\n]{1,60})\$")
_ASSIGNING = re.compile(r"\\gets\b|\\leftarrow\b|\\mapsfrom\b|\\Leftarrow\b|\\to\b|\\rightarrow\b|"
                        r"\\mapsto\b|\\longrightarrow\b|:=|\\coloneqq\b|←|→")
_ARTICLES = {"a", "A", "I"}  # a letter that is also an English word is no mention in words
# ... unless the words point back at the value in force: "for this $x$", "at that $x$", 이 $x$
_SAME_VALUE = re.compile(r"(?:\b(?:this|that|these|those|the\s+same|such\s+an?|our|its|given)"
                         r"|(?:^|\s)(?:이|그))\s*$", re.I)


# words of a clause that may give a name another value: a verb or adverb of change, a number
CHANGING = re.compile(
    r"\b(?:chang\w*|make|makes|making|made|turn\w*|set|sets|setting|let|take|takes|taking|took|"
    r"put\w*|try|tries|trying|tried|use|uses|using|choos\w*|chose\w*|pick\w*|increas\w*|"
    r"decreas\w*|doubl\w*|halv\w*|tripl\w*|negat\w*|updat\w*|mov\w*|shift\w*|replac\w*|"
    r"substitut\w*|assign\w*|now|instead|becom\w*|became|equal\w*|twice|half|new|again|next|"
    r"another|different|other|bump\w*|rais\w*|lower\w*|reduc\w*|grow\w*|scal\w*|go\w*|went|"
    r"zero|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)\b"
    r"|\d|바꾸|바꿔|바꾼|두면|두자|놓|이제|대신|증가|감소|새로|다시|이번", re.I)
_NUMBER_FORMULA = re.compile(r"^\s*[-+−]?\s*(?:\d|\\frac\s*\{\s*\d|\\pi\b|\\sqrt|e\s*$)")
_CLAUSE_END = re.compile(r"[.;:!?。,](?:\s|$)|\n\s*\n")


def mentioned_between(lines: Sequence[str], line: int, name: str, claim_line: int,
                      claim_column: int) -> str:
    r"""The clause between the formula that gives ``name`` its value on ``line`` and the claim
    (on ``claim_line`` at ``claim_column``, -1: its line's end) that may give the name another
    value in words the reader does not carry out (round 18 F8: *Now change $x$ to $2$*,
    *Increase $x$ to $2$*, *Let $x$ now be $2$*, *Now double $x$*, *$x$를 $2$로 바꾸면*): a
    formula moving a value into it (``$x \gets 2$``), or a clause that speaks of the name alone
    (``$x$``, or the letter x in words) with a word of change or a number (:data:`CHANGING`);
    '' when none. *Since $x$ is positive*, *one divides by $x$* and *for this $x$* change
    nothing."""
    if not (0 < line <= claim_line <= len(lines)):
        return ""
    first = lines[line - 1]
    stop = claim_column if claim_column >= 0 and claim_line == line else len(first)
    own = [found for found in _VALUED.finditer(first[:stop])
           if _plain(found.group(1)) == _plain(name)]
    pieces = [first[own[-1].end() if own else 0:stop]]
    for number in range(line + 1, claim_line + 1):
        text = lines[number - 1]
        pieces.append(text[:claim_column] if number == claim_line and claim_column >= 0 else text)
    words = "\n".join(pieces)
    plain = _plain(name)
    blanked = _FORMULA.sub(lambda found: " " * len(found.group()), words)  # same offsets
    mentions = []
    for found in _FORMULA.finditer(words):
        formula = found.group(1)
        if _ASSIGNING.search(formula) and _plain(_ASSIGNING.split(formula)[0]) == plain:
            mentions.append((found.span(), True))  # x \gets 2: a value moved into it
        elif _plain(formula) == plain and not _SAME_VALUE.search(words[:found.start()]):
            mentions.append((found.span(), False))
    if len(plain) == 1 and plain not in _ARTICLES:  # "Now change x to 2", without $…$
        mentions += [(found.span(), False) for found in re.finditer(
            rf"(?<![\w'’\\-]){re.escape(plain)}(?![\w'’(])", blanked)]
    for (start, end), moved in mentions:
        left = max((found.end() for found in _CLAUSE_END.finditer(blanked, 0, start)), default=0)
        right = _CLAUSE_END.search(blanked, end)
        clause = words[left:right.start() if right else len(words)]
        numbers = _FORMULA.sub(lambda found: " 0 " if _NUMBER_FORMULA.match(found.group(1))
                               else " ", clause)
        if moved or CHANGING.search(numbers):
            return " ".join(clause.split())[:80]
    return ""


def changed_in_words(lines: Sequence[str], claim_line: int, examples: dict,
                     claim_column: int = -1) -> str:
    """The first clause between an example value of ``examples`` (name → line) and the claim
    that may change it (:func:`mentioned_between`), with its line, or ''."""
    for name, line in examples.items():
        if claim_line - line <= NEAR and (
                words := mentioned_between(lines, line, name, claim_line, claim_column)):
            return f"'{words}' after {name} = … (line {line})"
    return ""


def about_the_example(lines: Sequence[str], claim_line: int, examples: dict, sentence: str,
                      differentiated: set, lead: str = "", claim_column: int = -1) -> bool:
    """Whether the claim on ``claim_line`` (at ``claim_column`` on it, -1: unknown) is about
    the example values ``examples`` (name → line) in force (see the module). ``sentence``: the
    claim's own sentence (formulas kept); ``differentiated``: the names the claim
    differentiates with respect to (not at a point)."""
    if not examples or claim_line - max(examples.values()) > NEAR:
        return False
    if set(examples) & differentiated or ranging_words(sentence, examples):
        return False
    if claim_line not in examples.values() and not tied(sentence, lead):
        return False  # a claim false in general, with no word about the example (round 18)
    if changed_in_words(lines, claim_line, examples, claim_column):
        return False  # "Now change $x$ to $2$": the value may have changed (round 18 F8)
    return all(set_on_purpose(lines, line, name) and not new_unit_between(lines, line, claim_line)
               for name, line in examples.items())
