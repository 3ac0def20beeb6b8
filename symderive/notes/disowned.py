r"""Formulas the note itself calls wrong: quoted to warn against them, not claimed.

*A common mistake is to write $(a+b)^2 = a^2 + b^2$*, *False: $e^{a+b} = e^a e^b$*, *Wrong:*
before a display, *Do not write $…$*, *It is tempting, but wrong, to conclude $…$*, *Find the
error in $…$*, *$…$, which is wrong*, *Is it true that $…$? No.*, a row's own
``\text{(wrong!)}``, *We cannot write $…$*, *$…$ does not hold*, *$…$ fails*, Korean *$…$가
아니다* ("is not"), *$…$은 성립하지 않는다* ("does not hold"), Korean *$…$ 는 틀린 식이다* ("is a wrong formula"), *흔한 실수는 $…$ 라고 쓰는
것이다* ("a common mistake is writing …"), *$…$ 라고 쓰면 안 된다* ("must not be written"): the
note asserts none of these, so a refutation of one is no error of the note (it is *skipped*,
reason *quoted*), and a proof of one says the note calls a true formula wrong (*undecided*, with
a notice). The words must disown the formula itself, in its own sentence: *the naive bound is
wrong: $…$ holds instead* asserts the formula (its subject is another), and words that assert
it after it (*holds instead*, *is correct*) always win. A formula that is the subject of a further
verb after a belief (*It is wrong to think that $…$ needs the chain rule*) is claimed: the
words call the further statement wrong. Words after a clause break that speak of the
formula disown it too (*claim that $…$; this is false*, *expect $…$, but this is not so*,
이라고 쓰는데, 이는 틀렸다), as do a counterfactual or reductio (*If it were true that $…$,
then $…$*) and 착각 (round 11a F3); a question about it is :mod:`symderive.notes.questions`'s.
Round 12a F6/F7: labels (*Bad:*, *Myth:*, *Fallacy:*), a noun called wrong (*A wrong version:*),
*Avoid the error*, *Erroneously, … state*, *…, but unfortunately this fails*, a cross mark (✗, ❌),
a strikethrough (``~~``, ``<del>``, ``\sout``), *What is wrong with*, *Why is $…$ wrong?*,
*Counterexample to*.
Words are read like :mod:`symderive.grammar.negation`'s vocabulary: English as whole words,
Korean anywhere (its endings attach to the stem); a word too many only withholds a
refutation, never a proof.
"""

from __future__ import annotations

import re
from dataclasses import replace

from symderive.grammar.negation import negated_near
from symderive.notes.negative_words import negative_word
from symderive.notes.questions import answer, asked
from symderive.notes.report import NoteStep, SkipReason
from symderive.notes.roles import sentence_words

# "If it were true that", "were it the case that", "Suppose, for (a) contradiction, that",
# "Assume to the contrary that" (a formula later in the same sentence is its consequence)
COUNTERFACTUAL = (
    r"\b(?:if\s+it\s+were\s+(?:true|the\s+case|so)|were\s+it\s+(?:true|the\s+case)"
    r"|(?:suppose|assume|assuming|supposing)\s*,?\s*(?:for\s+(?:the\s+sake\s+of\s+)?(?:a\s+)?"
    r"contradiction|to\s+the\s+contrary|by\s+way\s+of\s+contradiction)\s*,?)\s+that\b")
SUPPOSED_FALSE = re.compile(  # "If $x + 1 = x$ were true, then" (a relation supposed, not "$x$ were")
    r"\b(?:if|suppose|assume)\s+\$[^$]*(?:=|\\ne|<|>)[^$]*\$\s+(?:were\s+(?:true|the\s+case|to\s+hold)"
    r"|held)\b[^$]*$", re.I)
WRONG = r"(?:wrong|false|incorrect|untrue|not\s+(?:true|correct|valid)|invalid|erroneous|mistaken)"
MISTAKE = r"(?:mistakes?|errors?|pitfalls?|fallac(?:y|ies)|misconceptions?|slips?|blunders?)"
SAYING = (r"(?:write|writing|writes|claim\w*|assum\w*|think\w*|conclud\w*|say\w*|believ\w*"
          r"|stat(?:e|es|ing)|us(?:e|es|ing)|put\w*|assert\w*|suggest\w*|propos\w*|teach\w*"
          r"|giv(?:e|es|ing)"
          # round 12a F11: a value taken ("It would be wrong to take $x = 2$", "Do not set")
          r"|tak(?:e|es|ing)|set(?:s|ting)?|choos\w*|pick\w*|substitut\w*)(?:\s+that)?")
# "Had we …", "If we had …": a choice the note did not make (NOT_HAD, HAD_WE)
_HAD = r"\bhad\s+(?:we|one|you|I|they)\b|\bif\s+(?:we|one|you|I|they)\s+had\b"
# round 12a F10, F11: what the note does not have, or only would have had ("We do not have
# $…$", "It does not follow that", "Had we taken $x = 2$", "If we were to set")
NOT_HAD = (
    r"\b(?:we|you|one)\s+(?:do\s+not|don['’]t|cannot|can['’]t|can\s+not|need\s+not)\s+"
    r"(?:(?:in\s+general|necessarily|always)\s+)?(?:have|get|obtain|know|conclude|deduce|infer)"
    r"(?:\s+that)?\s*[:,]?\s*$|\bit\s+(?:does\s+not|doesn['’]t)\s+follow\s+that\s*$"
    r"|(?:" + _HAD + r"|\b(?:we|one|you|I|they)"
    r"\s+(?:could|would|might|should)\s+have)(?:\s+(?:\w+\s+){0,2}?(?:taken|set|chosen|picked|put"
    r"|used|assumed|written|substituted|let))?\s*[:,]?\s*$"
    r"|\b(?:(?:were\s+(?:we|one|you)|if\s+(?:we|one|you)\s+were)|not\s+(?:allowed|permitted)"
    r"|forbidden)\s+to\s+" + SAYING + r"\s*[:,]?\s*$")
# round 25: what would follow from a choice the note did not make ("Had we chosen $f(x) = x^3$,
# we would get $f(2) = 8$"): the consequence is as hypothetical as the choice
HAD_WE = re.compile(
    _HAD + r"|\bwere\s+(?:we|one|you)\s+to\b|\bif\s+(?:we|one|you|I|they)\s+were\s+to\b", re.I)
HYPOTHETICAL_RESULT = re.compile(
    r"\b(?:would|could|might)\s+(?:\w+\s+){0,2}?(?:get|have|obtain|find|see|be|give|yield"
    r"|become|read|equal)\s*[:,]?\s*$|\bwould\s*[:,]?\s*$", re.I)
# round 12a F6: a noun the note qualifies as wrong: "A wrong version:", "The incorrect expansion"
WRONG_ADJECTIVE = (r"(?:wrong|false|incorrect|erroneous|mistaken|invalid|flawed|bogus|faulty|"
                   r"bad|broken)")
ATTEMPT = (r"(?:versions?|formulas?|formulae|answers?|steps?|identit(?:y|ies)|equations?|claims?|"
           r"attempts?|derivations?|statements?|guess(?:es)?|expansions?|rules?|results?|"
           r"examples?|ways?|approach(?:es)?|solutions?|reasoning|arguments?|computations?|"
           r"calculations?|simplifications?|manipulations?|proofs?|reading|interpretation)")
# a mark the note puts beside a formula it rejects: ✗ ✘ ❌ ✖ ❎ 🚫 ⛔ (✓ and ✅ accept it)
CROSS = "[\u2717\u2718\u274c\u2716\u274e\U0001f6ab\u26d4]"
# the words just before the formula, its own sentence (English, case-insensitive)
BEFORE = re.compile("|".join((
    # "False:", "Wrong:", "(wrong)" as a label
    # (not "Error:", a label of the error or loss the note defines)
    r"^\s*[(\[]?\s*(?:" + WRONG + r"|mistakes?|wrong\s+(?:answer|formula|step|version))"
    r"\s*[)\]]?\s*[:!–—-]+\s*$",
    # round 12a F6: "Bad:", "Myth:", "Pitfall:", "Don't:", "A wrong version:", "Common error:",
    # "The incorrect expansion would be:" (not "Error:", the note's own error or loss)
    r"^\s*[(\[]?\s*(?:bad|myths?|fallac(?:y|ies)|pitfalls?|misconceptions?|"
    r"don['’]t|do\s+not|never|avoid|trap|(?:common|classic|typical|frequent|popular|tempting)"
    r"\s+(?:" + MISTAKE + r"|traps?|errors?)|" + WRONG_ADJECTIVE + r"\s+(?:\w+\s+)?" + ATTEMPT
    + r")\s*[)\]]?\s*[:!–—-]+\s*$",
    # "Avoid the error", "Beware of the common mistake of writing", "Don't fall for the trap"
    r"\b(?:avoid(?:ing)?|beware(?:\s+of)?|watch\s+out\s+for|guard\s+against|(?:do\s+not|don['’]t|"
    r"never)\s+(?:make|commit|fall\s+(?:for|into)))\s+(?:the\s+|this\s+|that\s+|a\s+|an\s+)?"
    r"(?:\w+\s+)?(?:" + MISTAKE + r"|traps?)(?:\s+(?:of\s+)?" + SAYING + r")?\s*[:,]?\s*$",
    # "The incorrect expansion would be", "the wrong step is" (round 12a F6)
    r"\b(?:a|an|the|one|this|that|another|some)\s+(?:\w+\s+)?" + WRONG_ADJECTIVE
    + r"\s+(?:\w+\s+)?" + ATTEMPT + r"(?:\s+(?:is|are|was|would\s+be|reads|might\s+be))?"
    r"\s*[:,]?\s*$",
    # "The well-known mistake $…$", "this classic pitfall:" (not "the error $E$", a loss)
    r"\b(?:the|a|an|this|that|one|another)\s+(?:[\w-]+\s+){0,2}?(?:mistakes?|pitfalls?|"
    r"fallac(?:y|ies)|misconceptions?|blunders?|myths?)\s*[:,]?\s*$",
    # "What is wrong with", "Where is the error in" (the formula is presupposed false)
    r"\bwhat(?:['’]s|\s+is|\s+was|\s+went)\s+(?:\w+\s+)?wrong\s+(?:with|in|about)\b[^.;?]{0,30}$",
    r"\bwhere\s+(?:is|are|lies|was)\s+the\s+(?:" + MISTAKE + r"|bugs?|flaws?)(?:\s+(?:in|of))?"
    r"[^.;?]{0,20}$",
    # "Refute:", "Disprove the claim that", "Debunk"
    r"^\s*(?:refute|disprove|debunk)\s*(?:the\s+(?:claim|statement|identity|formula)\s*)?"
    r"(?:that)?\s*[:,]?\s*$",
    # "A common mistake is to write"
    r"\b" + MISTAKE + r"\b[^.;:]{0,40}?\b(?:is|are|was|would\s+be)\s+(?:to\s+)?" + SAYING
    + r"\s*[:,]?\s*$",
    # "Do not write", "You should never write"
    r"\b(?:do\s+not|don['’]t|never|must\s+not|mustn['’]t|should\s+not|shouldn['’]t|avoid"
    r"|cannot|can\s+not|can['’]t|may\s+not)\s+"
    r"(?:\w+\s+){0,2}?" + SAYING + r"\s*[:,]?\s*$",
    # "we do not let $f(x) = x^3$" claims nothing (round 23 R23-26); but "do not forget to
    # redefine", "it never hurts to redefine" do (round 24 R24-12, R24-13)
    r"\b(?:do\s+not|don['’]t|did\s+not|didn['’]t|never|must\s+not|mustn['’]t|should\s+not|"
    r"shouldn['’]t|cannot|can\s+not|can['’]t|may\s+not)\s+(?:(?:simply|just|ever|here|again|"
    r"now|instead)\s+)?(?:let|(?:re)?define)\s*[:,]?\s*$",
    # "It is tempting, but wrong, to conclude"
    r"\b(?:" + WRONG + r"|a\s+mistake|an\s+error)\b[^.;]{0,40}?\bto\s+" + SAYING
    + r"\s*[:,]?\s*$",
    # "It is false that", "It is not true in general that"
    r"\b(?:it\s+is|it['’]s)\s+(?:" + WRONG + r"|not\s+the\s+case)(?:\s+in\s+general)?\s+that"
    r"\s*$",
    # "Exercise: find the error in"
    r"\b(?:find|spot|locate|identify|correct|fix)\s+(?:the\s+|an?\s+)?(?:" + MISTAKE
    + r"|bugs?|flaws?)(?:\s+(?:in|of)(?:\s+the\s+following)?)?\s*[:,.]?\s*$",
    # round 14a F5: "The following does not hold in general:", "The following fails:"
    r"\bthe\s+following\s+(?:(?:does|do)\s+not|(?:does|do)n['’]t)\s+hold(?:\s+in\s+general)?"
    r"\s*[:.]?\s*$|\bthe\s+following\s+fails(?:\s+in\s+general)?\s*[:.]?\s*$",
    # "The following is incorrect:"
    r"\bthe\s+following\s+(?:is|are)\s+(?:" + WRONG + r"|a\s+(?:common\s+)?" + MISTAKE + r")"
    r"\s*[:.]?\s*$",
    # "It is a common misconception that", "the myth that"
    r"\b(?:misconceptions?|myths?|misbeliefs?|mistaken\s+beliefs?|fallac(?:y|ies))\s+(?:is\s+)?that"
    r"\s*[:,]?\s*$",
    # "Beware of writing"
    r"\bbeware(?:\s+of)?\s+(?:\w+\s+)?" + SAYING + r"\s*[:,]?\s*$",
    # "people mistakenly write"
    r"\b(?:wrongly|mistakenly|incorrectly|erroneously|falsely)\b[^.;:]{0,50}?\b" + SAYING
    + r"\s*[:,]?\s*$",
    # round 11a F3: "One might naively expect", "one is tempted to write"
    r"\b(?:naive(?:ly)?|(?:be|is|are|feel|get)\s+tempted\s+to)\s+(?:\w+\s+)?(?:" + SAYING
    + r"|expect\w*|guess\w*|hop(?:e|es|ing)(?:\s+that)?)\s*[:,]?\s*$",
    # round 11a F10: "Give a counterexample to" (the note says the formula is false)
    # round 12a F7: "Counterexample to $…$:", "A counterexample to the claim"
    r"\bcounter-?examples?\s+(?:to|for|of|against)\s*(?:the\s+(?:claim|identity|formula|"
    r"statement|conjecture|equation)\s*)?[:,]?\s*$",
    # round 11a F3: a reductio or counterfactual, "If it were true that $…$, then $…$",
    # "Suppose, for contradiction, that": the note supposes the formula only to reject it
    COUNTERFACTUAL,
    NOT_HAD,
)), re.I)
# Korean, before the formula: a label (틀림:, 오답:, 틀린 예:) or a mistake named (흔한 실수는)
BEFORE_KOREAN = re.compile(
    r"(?:^\s*(?:틀림|오답|틀린\s*(?:예|식|풀이)|잘못된\s*(?:예|식|풀이))\s*[:：]\s*$"
    r"|(?:틀린|잘못된|나쁜)\s*(?:식|등식|공식|예|풀이|답|버전|전개|계산|주장|방법)\w*\s*[:：]\s*$"
    r"|(?:흔한|자주\s*하는|대표적인|피해야\s*할|주의할)?\s*(?:실수|오류|착각|오해|오개념|통념|함정)"
    r"\s*[:：]\s*$"
    # round 12a F6/F7: "틀린 곳을 찾아라:", "반증하라:", "다음의 오류를 찾으시오:"
    r"|(?:틀린|잘못된)\s*(?:곳|부분|점)\w*\s*(?:을|를)?\s*(?:찾|고치|지적)\w*\s*[:：.]?\s*$"
    r"|(?:오류|실수|잘못)\w*\s*(?:을|를)\s*(?:찾|고치|지적)\w*\s*[:：.]?\s*$"
    r"|^\s*(?:반증|반박)\w*\s*[:：]\s*$"
    # round 14a F5: "다음 식은 일반적으로 성립하지 않는다:", "아래 식은 틀렸다:"
    r"|(?:다음|아래)\s*(?:의\s*)?(?:식|등식|공식)?\s*[은는이가]?\s*(?:일반적으로\s*|항상\s*)?"
    r"(?:성립하지\s*않|틀리|틀린|틀렸|잘못|거짓)\w*\s*[:：]\s*$)"
)
MISTAKE_KOREAN = re.compile(r"(?:흔한|자주\s*하는|대표적인|흔히\s*하는)\s*(?:실수|오류|착각)|오류|착각|잘못")
# the words just after an inline formula, to the end of its sentence
AFTER = re.compile(
    r"^\s*,?\s*(?:(?:which|this|that)\s+)?(?:is|would\s+be|are)\s+(?:(?:simply|plainly|clearly"
    r"|actually)\s+)?(?:" + WRONG + r"|a\s+(?:common\s+|typical\s+|classic\s+)?" + MISTAKE + r")\b"
    # "$…$ does not hold.", "$…$ fails." (not "fails when …", a condition of its failure)
    r"|^\s*,?\s*(?:(?:which|this|that)\s+)?(?:(?:does|do|did)\s+not|doesn['’]t|don['’]t|cannot"
    r"|can['’]t|can\s+not)\s+(?:hold|be\s+true)(?=\s*(?:in\s+general)?\s*[,:]?\s*$)"
    r"|^\s*(?:fails|is\s+never\s+true)(?=\s*(?:in\s+general)?\s*[,:]?\s*$)"
    # round 12a F11: "$x = 2$ is not required", "$…$ need not hold"
    r"|^\s*,?\s*(?:(?:which|this|that)\s+)?(?:(?:is|are|was)\s+not|(?:is|are|was)n['’]t|need\s+not"
    r"|needn['’]t)\s+(?:(?:necessarily|generally)\s+)?(?:required|needed|necessary|assumed|imposed"
    r"|allowed|permitted|guaranteed|given|hold|be\s+true)(?=\s*(?:here|in\s+general|either"
    r"|at\s+all)?\s*[,:]?\s*$)"
    # round 12a F6: "$…$ ✗", "$…$ (❌)" (not "(X)": the tenth label of (I) … (X), round 26)
    r"|^\s*[(\[]?\s*" + CROSS,
    re.I,
)
AFTER_KOREAN = re.compile(
    r"^\s*(?:은|는|이|가|라는\s*(?:식|것)[은는]?|이라는\s*(?:식|것)[은는]?)?\s*(?:왜\s*)?"
    r"(?:틀린|잘못된|틀렸|잘못이|거짓|오류|오답)"
    # "$…$ 의 반례", "$…$ 에 대한 반례를 들어라" (round 12a F7)
    r"|^\s*(?:의|에\s*대한)\s*반례"
    # "$…$가 아니다" (is not), "$…$은 성립하지 않는다" (does not hold); not 아니면 (if not)
    r"|^\s*(?:은|는|이|가)?\s*(?:아니다|아니며|아닙니다|아니라|아님|성립하지\s*않|성립\s*안\s*|참이\s*아니"
    r"|옳지\s*않|맞지\s*않|사실이\s*아니)"
    # "$…$ 라고 생각하는 것은 잘못이다", "$…$ 로 쓰면 틀린다" (round 11a F3)
    r"|^\s*(?:이?라고|으?로)\s*[^.?!]{0,20}?(?:것은|것이|면)\s*(?:틀|잘못|오류|실수)"
    # round 12a F11: "$x = 2$일 필요는 없다" (need not be), "$…$라고 할 수 없다" (cannot say),
    # "$x = 2$로 두지 않는다" (we do not set)
    r"|^\s*(?:일|이|가|은|는)?\s*필요(?:는|가)\s*없|^\s*(?:이?라고|으?로)\s*(?:할|볼|말할|쓸|둘|놓을)\s*수\s*(?:는\s*)?없"
    r"|^\s*(?:이?라고|으?로)\s*(?:두|놓|잡|가정하)지\s*(?:않|말)"
)
# round 11a F3: a later clause of the sentence that disowns it: "claim that $…$; this is
# false", "expect $…$, but this is not so", "$…$, which is absurd", "…, a contradiction"
TRUTH_DENIED = (r"(?:not\s+so|not\s+the\s+case|false|wrong|incorrect|untrue|not\s+true|"
                r"not\s+correct|invalid|a\s+(?:common\s+)?mistake|an\s+error|absurd|impossible)")
# "…, but unfortunately this fails", "…; sadly, that is false" (round 12a F6)
LATER_ADVERB = (r"(?:(?:unfortunately|sadly|alas|regrettably|of\s+course|in\s+fact|actually|"
                r"in\s+general|in\s+reality)\s*,?\s*)?")
LATER_CLAUSE = re.compile(
    r"^\s*[,;:–—-]*\s*(?:(?:but|however|yet|and|though|alas)\s*,?\s*)?" + LATER_ADVERB
    + r"(?:(?:this|that|which|it|"
    r"the\s+(?:claim|identity|equation|formula|equality|statement|guess|expectation))\s+"
    r"(?:(?:is|was|would\s+be|turns\s+out\s+to\s+be)\s+(?:(?:simply|plainly|clearly|actually|"
    r"in\s+fact|of\s+course)\s+)?" + TRUTH_DENIED + r"|(?:is|was)n['’]t\s+(?:so|true|the\s+case)"
    r"|(?:is|was)n['’]t(?=\s*(?:in\s+general)?\s*[,;:!]?\s*$)"
    r"|(?:does|did)\s+not\s+(?:hold|work)|(?:does|did)n['’]t\s+(?:hold|work)|fails|breaks\s+down"
    r"|(?:is|was)\s+(?:not\s+(?:right|so)|too\s+good\s+to\s+be\s+true))"
    r"|(?:a\s+|which\s+is\s+a\s+)contradiction)\b"
    # "but that's not the case", "but it's false"
    r"|^\s*[,;:–—-]*\s*(?:(?:but|however|yet)\s*,?\s*)?" + LATER_ADVERB
    + r"(?:this|that|it)['’]s\s+"
    r"(?:(?:simply|plainly|clearly|actually)\s+)?" + TRUTH_DENIED + r"\b"
    # "$…$ (false!)", "$…$ (wrong)"
    r"|^\s*\(\s*" + TRUTH_DENIED + r"\s*[!.]?\s*(?:\)|$)", re.I)
# Korean: "$…$ 이라고 쓰는데, 이는 틀렸다", "$…$ 이라고 생각하기 쉽지만 그렇지 않다",
# "$…$ 인 것 같지만 사실은 아니다", "$…$ 가 되어 모순이다"
LATER_CLAUSE_KOREAN = re.compile(
    r"^[^.?!]{0,40}?(?:지만|는데|으나|나,)\s*,?\s*(?:(?:이는|이것은|그것은|이\s*식은|이\s*등식은|"
    r"사실은|실제로는|실제로|사실)\s*)?(?:틀렸|틀린|잘못|거짓|그렇지\s*않|사실이\s*아니|아니|"
    r"성립하지\s*않|옳지\s*않|맞지\s*않)"
    r"|^[^.?!]{0,20}?모순")
# "$…$ 라고 착각한다", "$…$ 로 착각하면 안 된다", "$…$ 이라고 오해하기 쉽다": a mistaken belief
MISBELIEVED_KOREAN = re.compile(r"^\s*(?:이?라고|으?로)\s*(?:\S+\s*){0,2}?(?:착각|오해)")
SAID_KOREAN = re.compile(r"^\s*(?:이?라고|로)\s*(?:쓰|적|착각|결론|주장|생각)")
MUST_NOT_KOREAN = re.compile(  # 라고 쓰면 안 된다; 로 두면 / 놓으면 / 를 대입하면 안 된다 (12a F11)
    r"^\s*(?:(?:이?라고|으?로)\s*(?:쓰|적|두|놓|잡|택하|가정하)|(?:을|를)\s*(?:대입|가정|택)하)\w*?\s*"
    r"(?:면|서는|어서는|아서는)\s*안")
# words after it that assert it: "… is wrong: $…$ holds instead", "$…$ is correct"
ASSERTED = re.compile(
    r"^\s*[,;]?\s*(?:(?:and|but|yet)\s+(?:indeed\s+|in\s+fact\s+)?(?=(?:this|that|it)\s))?"
    r"(?:(?:which|this|that|it)\s+)?(?:(?:actually|really|in\s+fact|indeed)\s+)?(?:holds|is\s+"
    r"(?:true|correct|right|valid)|is\s+the\s+(?:correct|right))\b|^\s*instead\b(?!\s+of)"
    r"|^\s*(?:은|는|이|가)?\s*(?:맞|옳)(?!지\s*않|\s*지\s*않)",
    re.I,
)
# a row's own mark: \text{(wrong!)}, \text{false}, \text{틀림}
ROW_MARK = re.compile(
    r"\\(?:text|textrm|mbox|textit|textbf|mathrm)\s*\{\s*\(?\s*(?:" + WRONG + r"|" + MISTAKE
    + r"|틀림|틀린\s*식|오답|잘못|거짓)\s*[!.]?\s*\)?\s*\}",
    re.I,
)


# "It is wrong to think that $…$ needs the chain rule": the formula is the subject of a further
# verb, so the words call that further statement wrong, not the formula (a belief verb before)
BELIEF = re.compile(r"\b(?:think\w*|believ\w*|say\w*|claim\w*|assum\w*|conclud\w*|"
                    r"stat(?:e|es|ing))(?:\s+that)?\s*[:,]?\s*$", re.I)
FURTHER_VERB = re.compile(
    r"^\s*(?:(?:always|only|also|really|somehow)\s+)?(?:needs?|requires?|involves?|"
    r"depends\s+on|relies\s+on|calls\s+for|demands?|uses|is\s+(?:hard|difficult|needed|"
    r"required|necessary|only\s+true)|cannot\s+be\s+(?:derived|shown|proved|proven)|"
    r"must\s+be\s+(?:derived|shown|proved|proven))\b", re.I)


# "For every $x$ there is no $c$ with" (round 8c, X6): the formula that follows has no solution
NO_SOLUTION = re.compile(r"\bthere\s+(?:is|are|exists?)\s+no\b[^.;]{0,60}?\b(?:with|such\s+that|"
                         r"satisfying|for\s+which)\s*[:,]?\s*$", re.I)


# round 12a F7: "Why is $…$ wrong?", "Why does $…$ fail?", "Why doesn't $…$ hold?": the question
# presupposes the formula false ("Why does $…$ hold?" asserts it)
WHY = re.compile(r"\bwhy\s+(?:is|are|was|does|do|did|would|must|might)\s*$", re.I)
WHY_NOT = re.compile(r"\bwhy\s+(?:is|are|was|does|do|did|would|can)\s*(?:n['’]t|\s+not)\s*$", re.I)
WHY_DENIED = re.compile(r"^\s*(?:" + WRONG + r"|a\s+(?:common\s+)?" + MISTAKE + r"|fail|fails|"
                        r"break\s+down|never\s+true)\b", re.I)
WHY_NOT_DENIED = re.compile(r"^\s*(?:hold|true|valid|work|correct)\b", re.I)
# round 12a F6: the formula struck through: ~~$…$~~, <del>, <s>, <strike>, \sout{…}, \st{…}
STRUCK_OPEN = re.compile(r"<(del|s|strike)\b[^>]*>", re.I)
STRUCK_COMMAND = re.compile(r"\\(?:sout|xout|st|strike)\s*\{[^{}]*$")


def struck_out(lead: str, trail: str) -> str:
    """The strikethrough mark around an inline formula (``~~$…$~~``, ``<del>$…$</del>``,
    ``\\sout{$…$}``): the note shows it with a line through it, so it claims nothing; or ''."""
    words = re.sub(r"\$[^$]*\$", " ", lead or "")
    after = trail or ""
    if words.count("~~") % 2 == 1 and "~~" in after:
        return "~~$…$~~"
    for match in reversed(list(STRUCK_OPEN.finditer(words))):
        if not re.search(rf"</{match.group(1)}\s*>", words[match.end():], re.I):
            if re.search(rf"</{match.group(1)}\s*>", after, re.I):
                return f"<{match.group(1)}>$…$</{match.group(1)}>"
            break
    if STRUCK_COMMAND.search(words) and "}" in after:
        return "\\sout{$…$}"
    return ""


def disowning_words(lead: str, trail: str, inline: bool) -> str:
    """The words around a formula by which the note calls it wrong (as written, shortened),
    or ''. ``lead`` is the text before it on its line (or the line before), ``trail`` the
    words after an inline formula to the end of its sentence. Words that are themselves
    negated (*it is not wrong to write*) disown nothing."""
    whole = " ".join((lead or "").split())
    if NO_SOLUTION.search(whole) and not negated_near(whole, 0, len(whole)):
        return _shortened(whole, "") + " $…$"
    words = " ".join(sentence_words(lead or "").split())
    rest = " ".join((trail if inline else "").split())
    if inline and (struck := struck_out(lead, trail)):
        return struck
    # markdown emphasis is no word: "**Bad:**", "_Myth_:"; a cross mark before it: "❌ $…$"
    words = re.sub(r"\*+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])", "", words).strip()
    if re.search(CROSS + r"\s*(?:\w+\s*)?[:.)\]]?\s*$", words):
        return _shortened(words, "") + " $…$"
    after = re.split(r"[.;!?。]", rest, maxsplit=1)[0]  # to the end of its sentence
    sentence_rest = re.split(r"[.!?。]", rest, maxsplit=1)[0]  # past ';' and ', but'
    question = asked(words, rest, True)  # "Is it true that $…$? No." (symderive.notes.questions)
    if (ASSERTED.search(after) or ASSERTED.search(sentence_rest)) and not question:
        return ""
    for pattern in (BEFORE, BEFORE_KOREAN):
        match = pattern.search(words)
        if match and BELIEF.search(words) and FURTHER_VERB.match(after):
            continue  # wrong to think that $…$ needs …: the verb after it is what is wrong
        if match and not negated_near(words, match.start(), match.end()):
            return _shortened(words, "") + " $…$"
    if inline and (WHY.search(words) and WHY_DENIED.match(after)
                   or WHY_NOT.search(words) and WHY_NOT_DENIED.match(after)):
        return _shortened(words, "") + " $…$ " + _shortened("", after)  # Why is $…$ wrong?
    if question and answer(rest) == "no":
        return question + _shortened("", rest)
    for pattern in (AFTER, AFTER_KOREAN, MUST_NOT_KOREAN, MISBELIEVED_KOREAN):
        if pattern.match(after):
            return "$…$" + _shortened("", after)
    for pattern in (LATER_CLAUSE, LATER_CLAUSE_KOREAN):
        if pattern.match(sentence_rest):
            return "$…$" + _shortened("", sentence_rest)
    whole_sentence = re.split(r"(?<=[.!?。])\s+", whole)[-1]  # with its formulas
    if SUPPOSED_FALSE.search(whole_sentence):  # "If $x + 1 = x$ were true, then $…$"
        return _shortened(whole_sentence, "") + " $…$"
    if re.search(COUNTERFACTUAL, whole_sentence, re.I) and not re.search(
            COUNTERFACTUAL + r"\s*$", words, re.I):  # a consequence: "…, then $1 = 0$"
        return _shortened(whole_sentence, "") + " $…$"
    if (had := HAD_WE.search(whole_sentence)) and "$" in whole_sentence[had.end():] and \
            HYPOTHETICAL_RESULT.search(words):  # (a choice of a formula, not of an action)
        return _shortened(whole_sentence, "") + " $…$"  # Had we chosen $…$, we would get $…$
    if SAID_KOREAN.match(after) and MISTAKE_KOREAN.search(words):
        return _shortened(words, "") + " $…$" + _shortened("", after)
    return ""


def _shortened(before: str, after: str) -> str:
    """At most 60 characters of the words before (their end) or after (their start)."""
    if before:
        return before if len(before) <= 60 else "…" + before[-59:]
    return after if len(after) <= 60 else after[:59] + "…"


# words set beside a formula in its display (round 17 F21): \text{(a common mistake)},
# \text{— a typical error}, \mbox{(not in general!)}
ANNOTATION = re.compile(r"\\(?:text|textrm|mbox|textit|textbf|textnormal)\s*\{([^{}]*)\}")
NOT_IN_GENERAL = re.compile(r"\bnot\s+(?:\w+\s+)?in\s+general\b|\bnot\s+always\b", re.I)
ANNOTATION_CONDITION = re.compile(r"\b(?:unless|except|if|only|when|whenever|provided)\b", re.I)
ROW_RELATION = re.compile(r"=|<|>|\\(?:le|ge|leq|geq|ne|neq|approx|equiv)(?![A-Za-z])")


def marked_rows(latex: str, line: int) -> dict[int, str]:
    """Lines of a block whose row marks itself wrong (``\\qquad \\text{(wrong!)}``; the words
    of a ``\\text{…}`` after the row's relation with a word of negative evaluation of
    :mod:`symderive.notes.negative_words`, ``(a common mistake)``, ``— a typical error``, or
    ``not in general``), with the mark; ``line`` is the block's first line (rows are counted
    as the chains count them)."""
    marks = {
        line + latex.count("\n", 0, match.start()): " ".join(match.group().split())
        for match in ROW_MARK.finditer(latex)
    }
    for match in ANNOTATION.finditer(latex):
        row = re.split(r"\\\\", latex[:match.start()])[-1]
        words = match.group(1)
        if not ROW_RELATION.search(row) or ANNOTATION_CONDITION.search(words) or not (
                negative_word(words) or NOT_IN_GENERAL.search(words)):
            continue  # "(false unless X, Y independent)": a condition, read by its own reader
        marks.setdefault(line + latex.count("\n", 0, match.start()),
                         " ".join(match.group().split()))
    return marks


CALLED_WRONG = "the note calls this formula wrong"


def called_wrong_notices(equations) -> tuple[str, ...]:
    """A notice for each step the note calls wrong that holds as read (:func:`as_quoted`)."""
    return tuple(
        f"line {equation.line}: the note calls {step.lhs_latex.strip()} {step.relation} "
        f"{step.rhs_latex.strip()} wrong, but it holds as read"
        for equation in equations for step in equation.steps
        if step.verdict == "undecided" and step.reason.startswith(CALLED_WRONG)
    )  # fmt: skip


def as_quoted(step: NoteStep, words: str) -> NoteStep:
    """The verdict of a step of a formula the note calls wrong: a refutation or an undecided
    step is *skipped (quoted)* — the note claims nothing — with what was found; a proof or a
    check is *undecided*: the note calls a true formula wrong (or this reading is not the
    note's). A step skipped for another reason keeps it."""
    said = f"quoted as wrong by the note ('{words}'), not claimed"
    if step.verdict == "refuted":
        shown = ""
        if step.counterexample is not None:
            values = step.counterexample.values
            shown = ", ".join(f"{name} = {value}" for name, value in values)
        found = "as read it is indeed false" + (f" (at {shown})" if shown else "")
        return replace(step, verdict="skipped", skip=SkipReason.QUOTED, suggestion=None,
                       reason=f"{said}; {found}")  # fmt: skip
    if step.verdict == "undecided":
        return replace(step, verdict="skipped", skip=SkipReason.QUOTED,
                       reason=f"{said}; as read: undecided ({step.reason})")  # fmt: skip
    if step.verdict in ("proved", "checked"):
        return replace(step, verdict="undecided", reason=(
            f"{CALLED_WRONG} ('{words}'), but as read it holds "
            f"({step.verdict}{': ' + step.reason if step.reason else ''}): the note or this "
            "reading is mistaken"))
    return step
