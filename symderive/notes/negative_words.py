r"""Words of negative evaluation or denial, by stem: the one vocabulary by which a note calls a
formula wrong, read by the refutation guard (:mod:`symderive.notes.refutation_guard`) and by
the readers that decide whether a formula gives a definition or an example value
(:mod:`symderive.notes.withheld`: *An old edition erroneously defines $k(s) = s^3$*, *Students
wrongly plug in $y = 0$*, review round 15 F37).

English words are read as whole words, Korean by stem (its endings attach). A word that is
itself negated (*not wrong*, *no mistake*, 틀리지 않다, 틀린 식이 아니다) is no denial.
"""

from __future__ import annotations

import re

_NOT_A_VERDICT = (r"(?![\s-]+(?:positives?|negatives?|alarms?|discover\w*|rates?|terms?|functions?"
                  r"|signals?|bounds?|estimates?|surfaces?|vectors?|metrics?|covariances?"
                  r"|variances?|distributions?|models?|propagat\w*|back\w*|analys[ie]s|correct\w*"
                  r"|gradients?|class(?:es)?|labels?|predictions?))")
NEGATIVE = re.compile(
    r"\b(?:wrong\w*|false(?:ly|hood)?" + _NOT_A_VERDICT + r"|incorrect\w*|mistake\w*|mistaken\w*"
    r"|erroneous\w*|untrue|invalid\w*|bogus|fallac\w*|misconception\w*|pitfalls?|myths?"
    r"|flawed|faulty|absurd\w*|contradict\w*|counter-?examples?"
    r"|(?:an|common|typical|classic|frequent|same|this|that)\s+errors?" + _NOT_A_VERDICT
    + r"|in\s+error|errors?\s+in\s+(?:this|that|the\s+(?:formula|equation|identity|step|claim))"
    r"|fail(?:s|ed|ing)?|breaks?\s+down"
    r"|(?:does|do|did|can|could|would|will|need|must|may|might|should|is|are|was|were)"
    r"\s*(?:not|n['’]t)"
    r"\s+(?:\w+\s+){0,2}?(?:hold\w*|true|valid|correct|right|work|the\s+case|so|equal\w*|apply"
    r"|follow)"
    r"|(?:do|does|did|should|must|shall)\s*(?:not|n['’]t)\s+(?:ever\s+)?(?:use|write|plug)"
    r"|cannot\s+(?:\w+\s+){0,2}?(?:hold\w*|be\s+true|be\s+right|write|use|say|claim|assume"
    r"|conclude|expect)"
    r"|not\s+(?:\w+\s+)?(?:true|correct|valid|right|the\s+case|hold\w*)"
    r"|no\s+longer\s+(?:holds?|true|valid)"
    r"|never\s+(?:\w+\s+){0,2}?(?:holds?|true|valid|correct|equal\w*|the\s+case|write|use|assume)"
    r"|(?:nobody|no\s+one)\s+(?:\w+\s+){0,2}?(?:believes?|thinks?|writes?|claims?|accepts?|uses?)"
    r"|nothing\s+(?:guarantees|ensures|implies|shows|says)|not\s+guaranteed"
    # round 15 F23: the equation is never satisfied
    r"|has\s+no\s+(?:real\s+|positive\s+|negative\s+|integer\s+|\w+\s+)?(?:roots?|solutions?|zeros?)"
    r"|nowhere|for\s+no"
    # round 15 F6: a mistake framed in other words
    r"|naive(?:ly)?|tempt\w*|beware|caution|warning|slips?|typos?|blunders?|howlers?|gaffes?"
    r"|overlook\w*|forg[eo]t\w*|not\s+but|fake|paradox\w*|flaw(?!less)\w*|omit\w*"
    r"|drop\w*\s+(?:the\s+)?(?:factor|term|sign)"
    r"|(?:spot|find|locate|identify|catch|fix)\s+the\s+(?:\w+\s+)?(?:errors?|bugs?|flaws?|slips?)"
    r"|(?:drop\w*|omit\w*|ignor\w*|neglect\w*|skip\w*|miss\w*)\s+(?:the\s+|a\s+)?(?:\w+\s+)?"
    r"(?:chain|product|quotient|power|sum)\s+rule"
    r")\b"
    r"|틀리|틀린|틀렸|틀림|잘못|오류|오답|거짓|성립하지\s*않|성립하지\s*못|성립\s*안|아니다|아닙|아니며|아님"
    r"|않는다|않습니다|않음|옳지\s*않|맞지\s*않|반례|착각|모순"
    # round 15 F6: 오개념, 함정, 엉터리, 쓰지 말자, 빠뜨린, 아니야, 곤란, 사실과 다르다, 흔한 실수
    # (실수 alone is also "real number"), 생각하기 쉽다 (not 보이기 쉽다: easy to show)
    r"|오개념|함정|엉터리|쓰지\s*말|빠뜨|누락|오타|아니야|아냐|아니에요|아니고|곤란|사실과\s*다르"
    r"|면\s*안\s*(?:된|돼|됩)|(?:다|라)고\s*(?:믿는|생각하는|착각하는|오해하는)\s*(?:학생|사람)"
    r"|(?:흔한|흔히\s*하는|대표적인|전형적인|하는|저지르는|범하는)\s*실수|실수하기"
    r"|(?:생각|착각|오해|실수|혼동|믿|쓰)\w{0,3}\s*쉽"
    r"|흔히[^.?!]{0,40}?라고\s*(?:쓴|쓰|생각|믿)"
    r"|\[!\s*(?:bug|failure|fail|error|danger|missing)\s*\]",
    re.I,
)
# the word itself negated: "not wrong", "no mistake", "nothing wrong", 틀리지 않, 잘못이 없
NEGATED_BEFORE = re.compile(r"\b(?:not|no|nothing|never|without|hardly|n['’]t)\s+(?:\w+\s+)?$",
                            re.I)
NEGATED_AFTER_KOREAN = re.compile(r"^\w{0,3}\s*(?:지\s*않|[이가은는]\s*없|도\s*없)"
                                  r"|^\s*\S{0,3}?\s*[이가]\s*(?:아니|아닙)")


def negative_word(prose: str) -> str:
    """The first word of negative evaluation in ``prose`` that is not itself negated (*not
    wrong*, *no mistake*, 틀리지 않다, 틀린 식이 아니다 assert the formula), or ''."""
    found = list(NEGATIVE.finditer(prose))
    for index, match in enumerate(found):
        if match.group().startswith(("아니", "아닙", "아님")) and index and (
                match.start() - found[index - 1].end() <= 8):
            continue  # 틀린 식이 아니다: it negates the word before it
        if NEGATED_BEFORE.search(prose[max(0, match.start() - 30):match.start()]):
            continue
        if NEGATED_AFTER_KOREAN.match(prose[match.end():match.end() + 12]):
            continue
        return match.group()
    return ""
