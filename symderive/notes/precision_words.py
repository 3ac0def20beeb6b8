r"""A precision stated in words beside a rounded number: *to three decimal places*, *to two
significant figures*, *3 d.p.*, *2 s.f.*, 소수점 아래 셋째 자리, 유효숫자 두 자리.

A rounded value is checked to the decimals written on it (|difference| ≤ half a unit of its
last place).  When the words state the precision, they decide it (round 44):

* "To three decimal places, 1/7 = 0.14" claims 1/7 rounds to 0.140 — false, 1/7 = 0.143 to
  three places (U12: it was checked to the 2 decimals written);
* "To two significant figures, e^{10} = 22000" claims e^{10} rounds to 22000 at two
  significant figures — true, e^{10} = 22026 (U11: it was refuted as exact; the trailing
  zeros of a whole number are not significant then).

Decimals give that many places; significant figures N give the places N − 1 − e, where 10^e
is the leading digit's place in the written number (negative for a whole number rounded to
thousands: 22000 at two figures is checked to ±500).  A written power of ten (1.00) may be the
rounding of a true value just below it only at one place more, the true value's leading digit
being one place lower (0.9996 → 1.00, but 0.999 stays 0.999 at three figures: round 49 AD01,
symderive.notes.rounding_rules).  "To the nearest hundred" gives −2 places, "to three figures"
is significant figures (AD06); "the nearest ten thousand / million", "the nearest 1000" and
만 단위로 반올림 are read whole, and a "nearest" unit not read (a quarter, five) leaves the step
unchecked (round 51 AH02, AH03).  The words are used only when the number
written has no more digits than they state (a number written to more digits than the words
say keeps the decimals written on it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6,
    "첫째": 1, "둘째": 2, "셋째": 3, "넷째": 4, "다섯째": 5, "여섯째": 6,
}  # fmt: skip
_COUNT = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_KOREAN_COUNT = r"(\d{1,2}|다섯째|여섯째|첫째|둘째|셋째|넷째|다섯|여섯|한|두|세|네)"
DECIMAL_WORDS = re.compile(
    rf"\b{_COUNT}[\s-]+(?:decimal[\s-]+(?:places?|digits?)|decimals\b|d\.\s?p\.?|dp\b)"
    rf"|소수\s*(?:점\s*)?(?:아래\s*)?(?:이하\s*)?{_KOREAN_COUNT}\s*자리", re.I)
FIGURE_WORDS = re.compile(
    rf"\b{_COUNT}[\s-]+(?:significant[\s-]+(?:figures?|digits?)|sig\.?[\s-]+figs?\b"
    rf"|s\.\s?f\.?|sf\b)|유효\s*숫자\s*{_KOREAN_COUNT}\s*자리"
    # "correct to three figures" is significant figures (round 49 AD06)
    rf"|\b(?:to|with|at)\s+{_COUNT}[\s-]+figures?\b", re.I)
# "to the nearest hundred / tenth": the place rounded to, as decimals (round 49 AD06); every
# unit a word for, "ten thousand" and "ten million" not read as "ten" (round 51 AH02, AH03)
_NEAREST_PLACES = {
    "thousandth": 3, "millionth": 6, "billionth": 9, "hundredth": 2, "tenth": 1, "ten": -1,
    "hundred": -2, "thousand": -3, "million": -6, "billion": -9, "trillion": -12,
    # 만 단위로 반올림: to the nearest ten thousand
    "십": -1, "백": -2, "천": -3, "만": -4, "십만": -5, "백만": -6, "천만": -7, "억": -8,
    "십억": -9, "백억": -10, "천억": -11, "조": -12,
}  # fmt: skip
_TIMES = {"ten": 1, "hundred": 2}  # ten thousand(th)s: one place more than thousand(th)s
_UNIT = (r"(?:(?:ten|hundred)[\s-]+)?(?:thousandth|millionth|billionth|thousand|million"
         r"|billion|trillion)|hundredth|tenth|hundred|ten")
_KOREAN_UNIT = r"십억|백억|천억|십만|백만|천만|십|백|천|만|억|조"
NEAREST_WORDS = re.compile(
    rf"\bnearest\s+({_UNIT})s?\b"
    # 1000, 10,000, 10 000 (digits grouped by thousands: round 53 AM01), 0.01
    rf"|\bnearest\s+(1(?:0{{1,2}})?(?:[,\u2009\u202f ]000)+|1(?:0{{1,12}})?|0\.0{{0,5}}1)"
    rf"(?![\d.]|[,\u2009\u202f ]\d)"
    rf"|(?<![가-힣])({_KOREAN_UNIT})\s*(?:의\s*)?(?:자리\s*)?단위(?:로|까지)\s*반올림", re.I)
# "to the nearest <something not read>" (a quarter, five, cent, 0.5): rounded, but to what is
# not known, so the number is checked neither as exact nor to its own decimals (round 51 AH03)
NEAREST_UNREAD = re.compile(
    r"(?:\b(?:round\w*|correct|accurate)\s+(?:off\s+)?|(?:^|[.;:!?]\s*)(?:and\s+)?)"
    r"to\s+(?:the\s+)?nearest\s+(?!(?:integer|whole)\b)([\w.-]+(?:[\s-]+\w+)?)", re.I)
_SENTENCE_END = re.compile(r"[.;!?。]")
# words saying the stated precision does not govern the formula: "Although the table is
# rounded to two significant figures, the count below is exact", "We never round to …",
# "Without rounding to …", "Instead of three decimal places we keep one" (round 46 Y04, Y05)
NOT_GOVERNING = re.compile(
    r"\b(?:never|not|no|without|instead|rather|although|though|but|except|unless|exact"
    r"|unrounded|prior|before)\b|n't\b|않|없이|대신|아니", re.I)  # "exactly" negates nothing (47 A06)
# words of truncation: the value is cut or pushed, not rounded to nearest, so half a unit of
# the last place does not bound it ("Truncated to two decimal places, 2/3 = 0.67" is false:
# 0.66); 버림/올림/내림 are not 반올림 (round 47 A04, A05)
TRUNCATION_WORDS = re.compile(
    r"\b(?:truncat\w*|chop(?:s|ped|ping)?|floor(?:ed)?|ceiling|round(?:s|ed|ing)?[\s-]+(?:down|up)"
    r"(?:wards?)?|round(?:s|ed|ing)?[\s-]+(?:it|them|this|the\s+\w+)[\s-]+(?:down|up)(?:wards?)?"
    # other ways to say it (round 48 AB01, AB02): rounded downwards, cut off after, rounding
    # toward zero / negative infinity, keeping only … (the rest dropped), discarding the rest
    r"|(?:down|up)wards?|cut(?:s|ting)?[\s-]+off|towards?\s+(?:zero|(?:negative|positive|minus|plus)"
    r"\s+infinity|[+-]?\s*\\?infty|-?∞)|keep(?:s|ing)?\s+only|dropp(?:ed|ing)|discard\w*|omitt\w*"
    # round 49 AD03, AD04: ceil, drop(s) every digit after, cutting after / at; the Korean
    # verbs 버리면/버려서, 올리면/올려서 (not 반올리면), 잘라내면/잘라서, 절상/절하
    r"|ceil(?:s|ed|ing)?|drop(?:s)?|cut(?:s|ting)?[\s-]+(?:after|at|before|beyond)"
    r"|ignor(?:e|es|ed|ing)[\s-]+(?:the\s+)?(?:rest|remaining|later|further|other)"
    r"|(?:the\s+)?(?:rest|remaining)\s+(?:of\s+the\s+)?digits?\s+(?:dropped|removed|deleted|gone))\b"
    r"|(?<!반)올림|(?<!반)올리|(?<!반)올려|(?<!반)올린|버림|버리|버려|버린|내림|내리면|내려서"
    r"|절사|절삭|절상|절하|잘라|잘린|자르|잘랐|(?:나머지|이하|아래)[^.$]{0,12}?(?:무시|생략)", re.I)
# "셋째 자리에서 반올림": rounded AT the third place, keeping two (round 46 Y03)
_AT_PLACE = re.compile(r"^\s*에서")
_CLOSES = re.compile(r"^\s*\)?\s*(?:[.;!?。]|$)")
WRITTEN_NUMBER = re.compile(r"^\s*[-+−]?\s*(\d*)(?:\.(\d+))?\s*$")
# 2.2 \times 10^{4}: the mantissa's digits and the power (round 47 A07)
WRITTEN_SCIENTIFIC = re.compile(
    r"^\s*[-+−]?\s*(\d+)(?:\.(\d+))?\s*(?:\\times|\\cdot|×)\s*10\s*\^\s*"
    r"(?:\{\s*([-+−]?\s*\d{1,3})\s*\}|(\d))\s*$")


@dataclass(frozen=True)
class StatedPrecision:
    places: int  # decimals to check to (negative: a whole number rounded to tens, hundreds …)
    text: str  # what the words say: 'three decimal places', '2 significant figures'
    mismatch: str = ""  # why the number written cannot be the rounding the words describe
    # the true value may lie just below the written power of ten (0.9996 → 1.00 at three
    # significant figures): then it is rounded at one place more (round 49 AD01)
    power_of_ten: bool = False
    nearest: bool = False  # "to the nearest hundred": no truncation is meant (round 49 AD06)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def stated_precision(before: str, after: str) -> tuple[str, int, str] | None:
    """('decimals' | 'figures' | 'decimals at', N, the words) from the sentence before a
    formula, or from the words that close its sentence after it; None when neither states
    one, or when the sentence negates or contrasts it (then it need not govern the formula)."""
    if _negated(before, after):
        return None  # "the count below is exact", "never round to …" (round 46 Y04, Y05)
    return _stated(before, after)


def _negated(before: str, after: str) -> bool:
    """A negation or contrast word in the formula's sentence (round 46 Y04, Y05)."""
    return bool(NOT_GOVERNING.search(before or "") or NOT_GOVERNING.search(_sentence_head(after)))


def _truncation(before: str, after: str) -> str:
    """The words of truncation in the formula's sentence ('truncated', '버림'), or ''."""
    for text in (before or "", _sentence_head(after)):
        found = TRUNCATION_WORDS.search(text)
        if found:
            return found.group()
    return ""


def _governing_truncation(governing: str) -> str:
    """Truncation words in the paragraph before the formula's sentence, or in the caption or
    lead-in of its table or list (round 49 AD05), unless negated in their sentence."""
    for sentence in re.split(r"(?<=[.!?。:])\s+", governing or ""):
        found = TRUNCATION_WORDS.search(sentence)
        if found and not NOT_GOVERNING.search(sentence):
            return found.group()
    return ""


def _stated(before: str, after: str) -> tuple[str, int, str] | None:
    """The precision the words state, negated or not."""
    for kind, pattern in (("decimals", DECIMAL_WORDS), ("figures", FIGURE_WORDS)):
        found, text = pattern.search(before or ""), before or ""
        if not found:
            found, text = _closing(pattern, after or ""), (after or "").strip()
        if found:
            count = next(group for group in found.groups() if group)
            if _AT_PLACE.match(text[found.end():]):  # 자리에서 반올림: at that place
                if kind == "figures":
                    return None  # 유효숫자 세 자리에서: whether two or three are kept is unclear
                kind = "decimals at"
            said = re.sub(r"^(?:to|with|at)\s+", "", found.group().strip(), flags=re.I)
            return kind, _count(count), said  # 'three figures', not 'to three figures'
    # the phrase nearest the formula: "to the nearest tenth, $…$, and to the nearest ten, $…$"
    nearest = _last(NEAREST_WORDS, before) or _closing(NEAREST_WORDS, after or "")
    if nearest:  # "to the nearest hundred" (round 49 AD06)
        return "nearest", _nearest_places(nearest), nearest.group().strip()
    unread = _last(NEAREST_UNREAD, before) or _closing(NEAREST_UNREAD, after or "")
    if unread:  # round 51 AH03
        return "nearest unread", 0, re.sub(r"^\W*(?:and\s+)?", "", unread.group().strip())
    return None


def _last(pattern: re.Pattern, text: str) -> re.Match | None:
    """The last match of ``pattern`` in ``text``, or None."""
    found = None
    for found in pattern.finditer(text or ""):
        pass
    return found


def _nearest_places(found: re.Match) -> int:
    """The decimals of the unit named: 'ten thousand' → −4, '0.01' → 2, 만 → −4."""
    unit, numeral, korean = found.groups()
    if numeral:
        numeral = re.sub(r"[,\u2009\u202f ]", "", numeral)  # 10,000 is 10000
        return len(numeral) - 2 if "." in numeral else 1 - len(numeral)
    if korean:
        return _NEAREST_PLACES[korean]
    *times, base = re.split(r"[\s-]+", unit.lower())
    shift = _TIMES[times[0]] if times else 0
    places = _NEAREST_PLACES[base]
    return places + shift if places > 0 else places - shift


def _sentence_head(after: str) -> str:
    """The words after a formula up to its sentence's end (or the next formula)."""
    head = (after or "").strip().split("$")[0][:80]
    end = _SENTENCE_END.search(head)
    return head[:end.start()] if end else head


def _closing(pattern: re.Pattern, after: str) -> re.Match | None:
    """The words after a formula, when they close its sentence: "$$ … $$ to three decimal
    places." — not "$$ … $$ To three decimal places, $$ … $$" (the next formula's)."""
    text = after.strip()
    head = text.split("$")[0][:80]
    found = pattern.search(head)
    if found is None or _SENTENCE_END.search(head[:found.start()]):
        return None
    rest = head[found.end():]
    cut = len(head) < len(text)  # a formula or more text follows
    closes = _CLOSES.match(rest)
    return found if closes and (closes.group().strip() or not cut) else None


@dataclass(frozen=True)
class WrittenNumber:
    places: int  # decimals written: 0.14 → 2, 22000 → 0, 2.2 × 10^4 → 1 − 4 = −3
    significant: str  # its significant digits (a whole number's trailing zeros left out)
    leading: int  # the power of ten of its leading digit: 0.14 → −1, 2.2 × 10^4 → 4


def written_number(written: str) -> WrittenNumber | None:
    """The digits of a bare number as written (LaTeX), plain or ``2.2 \\times 10^{4}``
    (round 47 A07); None for anything else or for 0."""
    text = written.replace(r"\,", "").replace("{,}", "")
    power = 0
    scientific = WRITTEN_SCIENTIFIC.match(text)
    if scientific:
        whole, fraction = scientific.group(1), scientific.group(2) or ""
        power = int((scientific.group(3) or scientific.group(4)).replace("−", "-").replace(" ", ""))
    else:
        number = WRITTEN_NUMBER.match(text)
        if number is None or not (number.group(1) or number.group(2)):
            return None
        whole, fraction = number.group(1) or "", number.group(2) or ""
    digits = (whole + fraction).lstrip("0")
    if not digits:
        return None  # 0 has no significant figure to count from
    significant = digits if fraction else digits.rstrip("0")  # 22000: two figures at least
    leading = len(whole.lstrip("0")) - 1 if whole.lstrip("0") else -(
        len(fraction) - len(fraction.lstrip("0")) + 1)
    return WrittenNumber(len(fraction) - power, significant, leading + power)


def precision_for(written: str, before: str, after: str, governing: str = ""
                  ) -> StatedPrecision | None:
    """The precision the words state for the rounded number ``written`` (LaTeX of a bare
    number), when it has no more digits than they say; else None.  A precision that cannot
    be trusted (truncation words, negated words stating more places than written) comes back
    with a ``mismatch`` saying why the step is not checked."""
    number = written_number(written)
    if number is None:
        return None
    stated = _stated(before, after)
    # truncation stated earlier in the paragraph, or in a table caption / list lead-in,
    # governs the value too (round 49 AD05)
    truncation = _truncation(before, after) or _governing_truncation(governing)
    if truncation and (stated or number.places > 0):  # round 47 A04, A05
        return StatedPrecision(max(number.places, 0), truncation, mismatch=(
            f"the words say '{truncation}': a truncated (or rounded up/down) value is not "
            "within half a unit of its last place, so it is not checked as rounded"))
    if stated is None:
        return None
    precision = _precision(number, *stated)
    if precision and not precision.mismatch and _negated(before, after):
        if precision.places <= number.places:
            return None  # the decimals written are as strict: check to them (round 46 Y04)
        return StatedPrecision(precision.places, precision.text, mismatch=(  # round 47 A06
            f"the words state '{stated[2]}' but also negate or contrast something: whether "
            f"the number written with {max(number.places, 0)} decimals is meant to that "
            "precision is not clear"))
    return precision


def _precision(number: WrittenNumber, kind: str, count: int, text: str
               ) -> StatedPrecision | None:
    """The places the stated words give ``number``, when it has no more digits than they
    say."""
    if kind == "decimals at":  # 셋째 자리에서 반올림: two decimals kept (round 46 Y03)
        kept = count - 1
        if number.places <= kept:  # not '반올림' unless written (round 47 A05)
            return StatedPrecision(kept, f"{text}에서 (rounded at that place, keeping {kept} "
                                   "after the point)")
        return StatedPrecision(kept, text, mismatch=(
            f"the words say the value is rounded at decimal place {count} ('{text}에서'), "
            f"keeping {kept}, but the number is written with {number.places}: which "
            "rounding is meant is not clear"))
    if kind == "decimals":
        return StatedPrecision(count, text) if number.places <= count else None
    if kind == "nearest unread":  # round 51 AH03
        return StatedPrecision(max(number.places, 0), text, mismatch=(
            f"the words say the value is rounded '{text}', a unit not read here: what it is "
            "rounded to is not known, so it is not checked"))
    if kind == "nearest":  # 22000 to the nearest hundred: its last nonzero digit no finer
        return StatedPrecision(count, text, nearest=True) if (
            _finest_place(number) <= count) else None
    if len(number.significant) > count:
        return None
    return StatedPrecision(count - 1 - number.leading, text,
                           power_of_ten=number.significant.rstrip("0") == "1")


def _finest_place(number: WrittenNumber) -> int:
    """The place of its last written digit, a whole number's trailing zeros not counted:
    0.14 → 2, 22000 → −3."""
    if number.places != 0:
        return number.places
    return -(number.leading - len(number.significant) + 1)
