r"""Where ``name = number`` is no example value: the words around it exclude the value, dismiss
it as a case already done, or make it the end of a range or a boundary point.

A value the note excludes (*except at, other than, away from, unlike at, a singularity at, is
excluded, 은 제외한다*), dismisses (*We already handled $z = 0$*, *The case $x = 0$ is trivial*)
or names as the end of a range (*from $x = 0$ to $x = \pi$*, *between … and …*, 부터 … 까지) or
a boundary point (*at the endpoint $u = 1$*, *The boundary points are $t = 0$ and $t = 1$*,
경계점) is a condition of its sentence: it sets no value for the claims after it (review round
15, F13, F21, F22). :func:`why_not_an_example` says which.
"""

from __future__ import annotations

import re

# words just before the value that exclude it (round 15 F13: away from, unlike at, a
# removable singularity at, excluded …)
EXCLUDING = re.compile(
    r"(?:\bnot\b(?:\s+[\w'’]+){0,3}|\bfails?\s+(?:at|for|when|if)|\bexcept(?:\s+(?:at|for|when|if))?"
    r"|\bexcluding|\bexclud(?:e|ed)\b(?:\s+(?:the\s+)?(?:points?|values?|cases?))?"
    r"|\bother\s+than(?:\s+(?:at|for|when))?|\b(?:leaving|leave|setting|set|putting|put)\s+aside"
    r"|\bignor(?:e|ing)|\bdisregard(?:ing)?|\bbreaks down (?:at|for)|\bundefined (?:at|for)|\bavoid(?:ing)?"
    r"|\b(?:away|apart|aside)\s+from|\bunlike(?:\s+(?:at|for|in|when))?|\boutside(?:\s+of)?"
    r"|\b(?:singularit(?:y|ies)|singular|poles?|discontinuit(?:y|ies)|discontinuous|blows\s+up|"
    r"diverges?|asymptotes?)\s+(?:at|for|when)|\bomit(?:ting)?|\bremov(?:e|ing)\s+(?:the\s+point\s+)?"
    r"|\balready\s+(?:handled|treated|dealt\s+with|covered|done|considered|settled|proved|shown|"
    r"checked|did)(?:\s+the\s+case)?|\bhaving\s+(?:handled|treated|dealt\s+with|covered|done|"
    r"settled|proved|checked)(?:\s+the\s+case)?"
    r"|\bnever|제외|아닌|아니)\s*[:,]?\s*$",
    re.I,
)
# words just after it (round 15 F13, F22): "$y = 0$ is excluded (from the domain)", "is not
# allowed", "is trivial", "was handled above", "은 제외한다", "을 빼고", "이 아닌", "이외"
EXCLUDED_AFTER = re.compile(
    r"^\s*(?:\)\s*)?(?:(?:is|are|was|were|must\s+be|has\s+to\s+be|have\s+to\s+be|should\s+be|"
    r"can\s+be|will\s+be|being)\s+(?:(?:now|then|thus|therefore|also|again|already|hence)\s+)?"
    r"(?:excluded|removed|omitted|left\s+out|ruled\s+out|avoided|forbidden|disallowed|dropped|"
    r"not\s+(?:allowed|permitted|included|in\b|part\s+of|considered|admissible|possible)|"
    r"inadmissible|impossible|trivial|handled|treated|dealt\s+with|settled|excepted|"
    r"a\s+(?:removable\s+)?singularity|"
    r"a\s+(?:singular|special|degenerate|trivial|removable)\s+(?:point|case)|a\s+pole)\b"
    r"|excluded\b|removed\b|aside\b|apart\b)"
    r"|^\s*(?:은|는|을|를|이|가)?\s*(?:제외|빼|뺀|빠|말고|이외|외에|자명|예외|아닌|아니)"
    r"|^\s*(?:cannot|can't|must\s+not|may\s+not|should\s+not)\s+be\s+(?:used|taken|allowed|chosen|"
    r"included|plugged|substituted|set)\b"
    r"|^[^.!?]*?(?:제외|빠진다|빠지|허용되지\s*않|허용하지\s*않|정의되지\s*않|면\s*안\s*된)",
    re.I,
)
# the only value where the row's formula holds (round 15 F5: a table cell "only at $x = 0$")
ONLY_AT = re.compile(r"\bonly\s+(?:at|for|when|if|where)\s*$|에서만|일\s*때만", re.I)
# a case the words dismiss (round 15 F22): "The case $x = 0$ is trivial", "Case $y = 0$: easy"
CASE_LEAD = re.compile(r"\bcases?\s*(?:\d+\s*)?(?:\*\*|__)?\s*(?:of\s+|[:.]\s*(?:\*\*|__)?\s*)?$", re.I)
CASE_DISMISSED = re.compile(
    r"^\s*(?:[:.,)]\s*)?(?:(?:is|was|being)\s+)?(?:trivial|obvious|clear|immediate|easy|simple|"
    r"straightforward|done|handled|settled|excluded|degenerate|special)\b"
    r"|^\s*[:.,]?\s*(?:there\s+is\s+nothing\s+to\s+(?:prove|show|do)|the\s+(?:claim|result|"
    r"statement|identity)\s+is\s+(?:trivial|obvious|clear|immediate))", re.I)
# the ends of a range (round 15 F21): "from $x = 0$ to $x = \pi$", "between … and …",
# "$x = 0$부터 $x = \pi$까지"
RANGE_START = re.compile(r"\b(?:from|between)\s*$", re.I)
RANGE_GOES_ON = {"from": re.compile(r"^\s*(?:to|until|till|through|thru|up\s+to|[-–—]+)(?:\s|$)",
                                   re.I),
                 "between": re.compile(r"^\s*(?:and|[-–—]+)(?:\s|$)", re.I)}
RANGE_END = re.compile(r"\bfrom\s*\$[^$]*\$\s*(?:to|until|till|through|thru|up\s+to|[-–—]+)\s*$"
                       r"|\bbetween\s*\$[^$]*\$\s*(?:and|[-–—]+)\s*$|\$[^$]*\$\s*(?:부터|에서)\s*$",
                       re.I)
RANGE_END_AFTER = re.compile(r"^\s*까지")
KOREAN_FROM = re.compile(r"^\s*(?:에서\s*)?부터")
# a boundary point (round 15 F21): "at the endpoint $u = 1$", "The boundary points are $t = 0$
# and $t = 1$", "the limits of integration, $x = 0$ and", 끝점, 경계점은
BOUNDARY = re.compile(
    r"\b(?:end\s*-?\s*points?|boundar(?:y|ies)(?:\s+(?:points?|values?))?|edges?|ends|"
    r"(?:lower|upper)\s+(?:limits?|bounds?|ends?|endpoints?)|limits\s+of\s+integration|"
    r"(?:integration\s+)?limits|bounds)\b"
    r"(?:\s+(?:of\s+the\s+)?(?:interval|domain|range|region|integral|segment|rod|string))?"
    r"\s*(?:(?:is|are|lie|lies|sit|sits)(?:\s+at)?|at|:|,)?\s*\(?\s*$"
    r"|(?:끝\s*점|경계\s*점?|경곗값|양\s*끝|하한|상한)(?:은|는|이|가|인|으로|로)?\s*$",
    re.I,
)
# ... or words just after it: "At $x = 0$ (the left end)", "$u = 1$, the endpoint,"
BOUNDARY_AFTER = re.compile(
    r"^\s*[,(]?\s*(?:which\s+is\s+|is\s+)?(?:the|an?|its|one)?\s*(?:left|right|lower|upper|other)?\s*"
    r"(?:end\s*-?\s*points?|ends?|boundary(?:\s+points?)?|edge)\b", re.I)
# formulas joined to this one by "and", ",", "or" (the list goes on: "are $t = 0$ and")
_JOINED = re.compile(r"(?:\s*\$[^$]*\$\s*(?:,|\band\b|\bor\b|과|와|및)\s*)+$", re.I)


# the right side of a range's end: a number, a constant (\pi, 2\pi, \infty) or one letter
# (from $k = 1$ to $k = n$; not $F = ma$)
END_VALUE = re.compile(r"^\s*[-+−]?\s*(?:\d+(?:\.\d*)?\s*)?(?:\\pi|\\infty|\\tau|[A-Za-z])?\s*"
                       r"(?:/\s*\d+)?\s*$")


def bound_index(lead: str, name: str) -> bool:
    r"""Whether the sentence before ``name = …`` binds ``name`` as the index of a sum, product
    or limit, or as an integral's variable (``\sum_{k=1}^{3} k = 6``, with $k = 3$ the last
    term): the value describes the index's range, no example value (round 15 F35)."""
    if not name:
        return False
    sentence = re.split(r"(?<=[.!?。])\s+", lead or "")[-1]
    letter = re.escape(name.strip())
    return bool(re.search(
        rf"\\(?:sum|prod|lim|bigcup|bigcap)\s*(?:\\limits\s*)?_\s*\{{?\s*{letter}\s*(?:=|\\to|\\in|"
        rf"\\rightarrow|<|\\le)|\\i+nt\b[^$]*\\?(?:d|\\mathrm\{{d\}}|\\,d)\s*{letter}(?![A-Za-z])",
        sentence))


def why_not_an_example(lead: str, trail: str = "", value: str = "0", name: str = "") -> str:
    r"""Why ``name = value`` with the words ``lead`` before it (formulas kept) and ``trail``
    after it (its sentence's words up to the next formula) is no example value, or ''. Words
    of exclusion are read for a number ``value``; the end of a range or a boundary point also
    for a constant or one letter (``x = \pi``, ``k = n``)."""
    if not END_VALUE.match(value) or not re.search(r"[\d\\A-Za-z]", value):
        return ""
    if bound_index(lead, name):
        return ("the index of a sum, product, limit or integral written just before: it "
                "describes the index's range, not an example value")
    words = re.sub(r"\$[^$]*\$", " ", lead or "")[-60:]
    number = bool(re.match(r"^\s*[-+−]?\s*\d+(?:\.\d*)?\s*$", value))
    if number and (EXCLUDING.search(words) or EXCLUDED_AFTER.match(trail or "")):
        return ("a value the prose excludes or dismisses ('except', 'away from', 'is excluded', "
                "'already handled', 제외): a condition, not an example value")
    if number and ONLY_AT.search(words):
        return ("the only value where something holds ('only at', 'only for'): a condition, "
                "not an example value")
    if number and CASE_LEAD.search(words) and CASE_DISMISSED.match(trail or ""):
        return ("a case the prose dismisses ('the case … is trivial'): a condition, not an "
                "example value")
    start = RANGE_START.search(lead or "")
    if (start and RANGE_GOES_ON[start.group().strip().lower()].match(trail or "")) or RANGE_END.search(
            lead or "") or RANGE_END_AFTER.match(trail or "") or KOREAN_FROM.match(trail or ""):
        return "an end of a range ('from … to', 'between … and'): not an example value"
    if BOUNDARY.search(_JOINED.sub("", lead or "")) or BOUNDARY_AFTER.match(trail or ""):
        return "a boundary point or an end point ('the endpoint', 'the boundary'): not an example value"
    return ""
