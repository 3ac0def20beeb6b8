r"""The last look before a step of a note is reported *refuted*: does the note assert it?

The readers of :mod:`symderive.notes.disowned`, :mod:`symderive.notes.questions`,
:mod:`symderive.notes.existential` and :mod:`symderive.notes.withheld` know phrases; every
review round found paraphrases they miss (round 14a F2, F5: *$…$ is a wrong formula*, *The
following does not hold in general: $…$*, *Does $…$ hold? No.*, *There is a real $t$ with $…$*,
*Let $\rho$ be the plastic number, so $…$*, Korean *$…$ 은 틀린 식이다*, *어떤 실수 $v$에 대해 $…$
이 성립한다*). This module is a net under them, applied to every refuted step: it reads

* the sentence that contains the formula (a lead-in ending in ':' belongs to it),
* the sentence right after it (up to its first display), and
* the sentence before it when that one points ahead (*The following is false.*, 다음, 아래),

and withholds the refutation (*undecided*, quoting the words) when it finds

1. a word of negative evaluation or denial, by stem: *wrong, false, incorrect, mistake, an
   error, erroneous, invalid, fallacy, does not hold, is not true, fails, never holds, cannot
   write, counterexample, absurd, contradiction*; Korean 틀리/틀린/틀렸, 잘못, 오류, 오답, 거짓,
   성립하지 않, 아니다/아닙, 않는다, 옳지 않, 맞지 않, 반례, 착각, 모순;
2. a question mark ending the formula's own sentence (*Does $…$ hold? No.*, *…이 성립할까?*),
   unless the question is one of why or how (*Why does $…$ hold?*, *How do we get $…$?*, 왜):
   such a question presupposes the formula;
3. an existential or naming introduction, in the formula's sentence, of a letter that the
   counterexample gives a value to (*there is / exists … $t$*, *for some $c$*, *some $r$*, *let
   $a$ be the …*, *let $a$ be a … with / such that / so*, *the number $a$ with*, *choose $k$ so
   that*, 어떤 … $v$, 적당한 $c$, $t$가 있다 / 존재한다): the formula constrains or defines that
   letter, it is no identity in it.

4. words that make it an approximation or a statement about large or small values only, in
   the formula's sentence, the next one or a lead-in pointing ahead (round 14a F12, F25): *to
   first / leading / fifth order, approximately, approximation, linearising, Taylor / Maclaurin
   polynomial, for small $x$, when $x$ is small, small-angle, as / for $x \to 0$, near $x = 0$,
   up to terms of order, sufficiently large, large enough, for large $n$, eventually,
   asymptotically*; Korean 근사, 충분히 큰 / 작은, 테일러: the counterexample is a value the
   note excludes (y = −17/3 is no small angle), so nothing is refuted;
5. a table row whose other cell is a verdict of *no* (*No, False, ✗, ❌, ×, Wrong, Fails*, 거짓,
   아니오, 틀림, X) (round 14a F15): a true-or-false table labels the formula false;
6. a heading of the formula's section that bounds a letter of the counterexample in words
   (*## The case of positive $y$*, *### Negative $t$*, *## 양수 $y$ 의 경우*) (round 14a F19).

Round 15 added, in the same spirit: words after the formula that assert it (*holds*) override
a denial only when the words before end their clause (*It is false that $…$ holds* denies it);
why / how questions presuppose the formula only when plain (*How can $…$ be right?* does not);
more framings of mistakes, block labels (``<summary>Wrong answer</summary>``, ``> [!bug]``),
crossed ``\item`` labels and table headers (*Mistake*); equations never satisfied, proposed
(conjectures, options of a choice), assumed (*Assume that*, 라고 가정하자) or to be solved (*Find
all $x$:*, 교점); another structure or notation named (*In characteristic $2$*, *In binary*); more
approximation words (``\ll``, *neglecting*, 무시하면); and other readings of the formula
itself in which it holds (:mod:`symderive.notes.other_readings`: a ``\log`` in base 10 or 2, a
bar over a letter that also stands bare, and since round 34a F24, F25, F29 the arithmetic of a
clock or of parities, integer division, numerals in another base, angles in degrees).

Words are only ever a reason to say less: a word too many turns a refutation into *undecided*,
never a proof into anything. Negated words (*this is not wrong*, *no mistake here*, 틀리지
않다) are not read as an assertion either: double negation is left undecided, with a reason
that says the words may be negated. English stems are whole words at their start, Korean ones
anywhere (its endings attach to the stem). Only prose is read: the mathematics of other
formulas is masked, and ``\text{…}`` inside a display is the display readers' business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from symderive.errors import ParseError
from symderive.notes.context import parse
from symderive.notes.disowned import ASSERTED
from symderive.notes.existential import CHINESE_SOME
from symderive.notes.fronted_clauses import unread_framing
from symderive.notes.applied_names import applied_name_doubt
from symderive.notes.iteration_indices import free_iterate_doubt, iteration_doubt
from symderive.notes.names import plain_name
from symderive.notes.other_readings import other_reading
from symderive.notes.negative_words import NEGATED_BEFORE, negative_word as _negative
from symderive.notes.questions import WHY_OR_HOW, answer
from symderive.notes.solved_later import solved_later
from symderive.notes.word_names import split_run_doubt
from symderive.notes.sentence_marks import DISPLAY, TARGET, prose as _prose

WINDOW_LINES = 12  # lines read before and after the formula
WINDOW_CHARS = 3000  # and at most so many characters on each side

# mathematics in the prose around the formula: display and inline, Markdown and LaTeX
MATH = re.compile(
    r"\$\$.*?\$\$|\\\[.*?\\\]|\\\(.*?\\\)|(?<![\\$])\$(?!\$)[^$\n]{1,400}?(?<!\\)\$"
    r"|\\begin\{(equation|align|alignat|gather|multline|eqnarray|flalign|displaymath|math)(\*?)\}"
    r".*?\\end\{\1\2\}",
    re.S,
)
# a sentence ends at . ! ? 。 before a blank (not after i.e., e.g., Fig., Eq. …), at a blank
# line, before a heading, list item, quote, table row, \item, \section or \begin / \end, and
# at a line ending in a Korean declarative ending (다, 요) written without a full stop
ABBREVIATION = re.compile(
    r"(?:\b(?:i\.e|e\.g|etc|cf|vs|eq|eqs|eqn|fig|resp|viz|approx|thm|prop|def|defn|sec|no|ca"
    r"|prof|dr|mr|mrs|ms|st|ex|exs|ch|chap|al|lem|cor|pp?|vol|ed|ref|app|tab|alg)"
    r"|\b[A-Za-z])$", re.I)
TERMINAL = re.compile(r"[.!?。？！][)\]\"'”’]*(?=\s|$)")
BREAK = re.compile(
    r"\n[ \t]*\n|\n(?=[ \t]*(?:#|[-*+>|][ \t]|\d{1,3}[.)][ \t]|\\item\b|\\(?:sub)*section\b"
    r"|\\paragraph\b|\\begin\b|\\end\b))|(?<=[다요])[ \t]*\n")
HEADING = re.compile(r"^\s*(?:#|\\(?:sub)*section\b|\\paragraph\b|\\chapter\b)")
# a why / how question that doubts or proposes the formula, or asks about someone's belief:
# it does not presuppose the formula (round 15 F3)
RHETORICAL = re.compile(
    r"n['’]t\b|\b(?:not|can|could|would|should|might|may|possibly|ever|on\s+earth|anyone|anybody"
    r"|someone|somebody|people|students?|authors?|they|he|she|others|books?|texts?|believe\w*"
    r"|think\w*|thought|claim\w*|suppose\w*|expect\w*|guess\w*|write|writes|wrote|written)\b"
    r"|아닐|않을|아닌|않는|아니|안\s*(?:되|돼)|못", re.I)
# round 15 F14: a conjecture, guess or hypothesis under test; an exercise asking whether
PROPOSED_BEFORE = re.compile(
    r"\b(?:conjectur\w*|guess\w*|hypothes[ie]s|hypothesi[sz]\w*|candidates?|ansatz|surmis\w*"
    r"|speculat\w*|postulat\w*|whether|if\s+or\s+not)\b"
    r"(?:\s+(?:is|was|would\s+be|reads|says|states|that))*\s*[:,]?\s*$", re.I)
PROPOSED_KOREAN = re.compile(r"추측|가설|(?:인지|는지|은지|ㄴ지)\s*(?:아닌지\s*)?(?:조사|판별|확인|알아보|판단|결정|"
                             r"검토|밝히)")
# a choice among options announced just before: "Select all correct statements.", 고르시오,
# 다음 중 항등식은?
CHOOSE = re.compile(r"\b(?:select|choose|pick|circle|mark|tick|identify)\s+(?:all|each|every|the|those"
                    r"|which|one)\b|고르|선택하|다음\s*중", re.I)
OPTION_LABEL = re.compile(r"^\s*(?:[-*+]|\(?[A-Ha-h1-9]\)|[A-Ha-h][.)]|[①-⑳]|\d{1,2}[.)])?\s*$")
# round 15 F42: an equation assumed, not asserted ("Assume that $…$", "Hypothesis:", 라고 가정하자)
ASSUMED_BEFORE = re.compile(
    r"\b(?:suppose|supposing|assume|assuming|assumption(?:\s*\([^()]{1,8}\))?|given\s+that|under\s+the"
    r"\s+(?:condition|assumption|hypothesis|constraint)|we\s+impose|impose|towards?\s+a\s+contradiction"
    r"\s*,?\s*let|for\s+(?:the\s+sake\s+of\s+)?contradiction\s*,?\s*let)(?:\s+that)?\s*[:,]?\s*$"
    r"|(?:假设|假定|设)\s*[:：,，]?\s*$", re.I)  # Chinese "assume", "let" (round 57 AR02)
ASSUMED_AFTER_KOREAN = re.compile(
    r"^\s*(?:[이가을를]\s*)?(?:(?:성립|만족)한다\s*)?(?:이?라고|다고|고)\s*(?:가정|하자|치자|놓자|두자)"
    r"|^\s*[을를]\s*가정|^\s*(?:이?라는|라는)\s*조건|^\s*[을를]\s*만족한다고\s*(?:치자|하자|가정)")
# round 15 F9: an equation to solve
TO_SOLVE_BEFORE = re.compile(
    r"\b(?:find|solve|determine)\s+(?:all|every|each|the|some|any)?\s*(?:real\s+|positive\s+)?"
    r"(?:\$[^$]*\$|values?|numbers?|solutions?|roots?)?[^.?!$]{0,20}[:]\s*$"
    r"|\b(?:meet|meets|met|intersect|intersects|cross|crosses|touch|touches|coincide)\s+(?:exactly\s+)?"
    r"(?:where|when|at|iff|if)\s*:?\s*$"
    r"|\b(?:intersections?|intersection\s+points?|crossings?|fixed\s+points?)\s*[:]\s*$"
    r"|\b(?:roots?|solutions?|zeros?)\s+(?:of|to)\s*(?:the\s+equation\s*)?$"
    r"|\b(?:points?|curves?|graphs?|places?)\b[^.?!$]{0,30}\bwhere\s*$", re.I)
TO_SOLVE_KOREAN = re.compile(r"교점|^\s*의\s*(?:실|양의\s*|음의\s*)?(?:근|해|영점|고정점)|방정식의\s*(?:근|해)")
# round 15 F2: the sentence names another structure or notation than the reals
OTHER_STRUCTURE = re.compile(
    r"\bcharacteristic\s+(?:\$\s*)?(?:\d|p\b|two|three)|\b(?:over|in)\s+(?:the\s+)?(?:finite\s+)?"
    r"(?:field\s+|ring\s+)?\$\s*(?:\\mathbb\s*\{?\s*[FZ]|\\mathbf\s*\{?\s*[FZ]|GF|\\mathrm\s*\{\s*GF|F_|Z_)"
    r"|\bmod(?:ulo)?\s+(?:\$\s*)?\d|\\pmod|\\bmod|\bfinite\s+fields?|\bGF\s*\("
    r"|(?<!\\)\bboolean\b(?!\s*\{)|\bsemi-?rings?\b|\btropical\b|\bmax-plus\b|\bmin-plus\b"
    r"|\bin\s+(?:binary|octal|hexadecimal|hex|base[\s-]*\$?\s*\d+)|\bbase[\s-]+(?:two|eight|sixteen)\b"
    r"|\bin\s+degrees\b|\bdegree\s+mode\b|\bfloating[\s-]+point\b|\bIEEE\b|\bmachine\s+arithmetic\b"
    r"|\bmodular\s+arithmetic\b|\bclock\s+arithmetic\b|\b(?:on|in|with)\s+(?:a|the|an)\s+"
    r"(?:(?:\d+|twelve|twenty-four|24)[\s-]*hours?\s+)?(?:clock|dial|clock\s+face|watch)\b"
    r"|이진|이진법|\d\s*진법|모듈로|법\s*\$|불\s*대수|부울\s*대수|부동\s*소수|도\s*단위|유한체|표수", re.I)
CONSEQUENCE = re.compile(r"[,;:]\s*(?:and\s+)?(?:so|hence|thus|therefore|consequently)\s*,?\s*$", re.I)
# the words before a formula end their clause (a colon, semicolon, dash, comma, full stop, or a
# conjunction that opens a new clause: "The naive bound is wrong: $…$ holds instead")
CLAUSE_ENDED = re.compile(r"(?:^|[:;,.!?–—]|\s-|\b(?:but|yet|whereas|however|instead|rather|"
                          r"actually|indeed|in\s+fact))\s*$", re.I)
POINTS_AHEAD = re.compile(r"\b(?:following|below|next|here\s+is|here\s+are|as\s+follows)\b"
                          r"|다음|아래", re.I)
# a one-word answer of no in the sentence right after: "Q: $…$. A: No, it is $2m$."
ANSWER_NO = re.compile(r"^\W*(?:(?:a|ans|answer)\s*[:.)]\s*\W*)?(?:no|nope|false|wrong)\s*[,.!:;]",
                       re.I)

# 1. negative evaluation or denial: symderive.notes.negative_words

# 4. approximations and statements about large or small values (read on the words with their
# inline mathematics kept: "as $x \to 0$", "near $x = 0$")
APPROXIMATE = re.compile(  # words that make the formula an approximation, whatever its letters
    r"\b(?:approximat\w*|(?:to|of)\s+(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|leading|"
    r"lowest|linear|quadratic|cubic|higher|\w+-th|\d+(?:st|nd|rd|th)|n-?th|\w+)[\s-]+order\b"
    r"|(?:first|second|third|fourth|fifth|leading|lowest|higher)[\s-]+order\s+(?:approximation|"
    r"expansion|terms?)|up\s+to\s+(?:terms?\s+of\s+)?(?:order|\$\s*O|higher|\w+-order)"
    r"|lineari[sz]\w*|taylor|maclaurin|truncat\w*"
    r"|small[\s-]+(?:angle|signal|\w+\s+limit|perturbations?|deviations?)|asymptotic\w*"
    r"|in\s+the\s+(?:small[\s-]+\w+\s+)?limit|eventually"
    r"|\bto\s+\$\s*(?:\\mathcal\s*\{\s*O\s*\}|O)\s*\("
    # round 15 F4: neglecting, keeping only, near zero, at leading order, Stirling
    r"|neglect\w*|(?:ignor\w*|dropp\w*|discard\w*)\s+(?:the\s+|all\s+)?(?:[\w$^{}\\]+\s+){0,3}?terms?"
    r"|keeping\s+only|retaining\s+only|near\s+(?:zero|the\s+origin|infinity)"
    r"|(?:at|in)\s+(?:the\s+)?(?:leading|lowest|first|second|linear)[\s-]+order|leading[\s-]+order"
    r"|stirling\w*"
    r")|\\(?:ll|gg)(?![A-Za-z])|근사|테일러|매클로린|극한에서|무시|작은\s*각|근방|근처|가까우면|가까울\s*때"
    r"|\\to\s*\\?(?:infty|0)?[^$]{0,8}\$\s*(?:일\s*때|이면|에서|으로\s*갈|로\s*갈)",
    re.I,
)
# words that restrict one letter to small or large values (or a neighbourhood): the letter must
# be one the counterexample gives a value to ("The error term … for small h" says nothing of a)
_LETTER = r"(?:\$([^$]{1,40})\$|\b([A-Za-z])\b)"
_SIZE = r"(?:(?:sufficiently|very|suitably)\s+)?(?:small|large|big)"
LIMITED_LETTER = [
    re.compile(r"\bfor\s+(?:all\s+|every\s+)?" + _SIZE + r"\s+(?:values?\s+of\s+)?" + _LETTER,
               re.I),
    re.compile(_LETTER + r"\s+(?:is|are|being|gets?|becomes?)\s+" + _SIZE + r"\b", re.I),
    re.compile(r"\bfor\s+(?:all\s+|every\s+)?" + _LETTER + r"\s+(?:large|small|big)\s+enough", re.I),
    re.compile(r"\b(?:as|for|when|where|with)\s+\$\s*([^$]{1,20}?)\s*\\(?:to|rightarrow|"
               r"downarrow|searrow|nearrow)", re.I),
    re.compile(r"\b(?:near|around|close\s+to)\s+\$\s*([^$=]{1,20}?)\s*=", re.I),
    re.compile(r"충분히\s*(?:큰|작은|크|작)\s*(?:실수\s*|정수\s*|값의\s*)?" + _LETTER),
    re.compile(_LETTER + r"\s*[이가은는]?\s*충분히\s*(?:크|작)"),
    # round 15 F4: "(small $r$)", 작은 $v$에 대해, $n$이 클 때, $x$가 $0$에 가까우면
    re.compile(r"\(\s*(?:for\s+)?(?:very\s+)?(?:small|large|big)\s+" + _LETTER, re.I),
    re.compile(r"(?:작은|큰)\s*(?:실수\s*|정수\s*|값의\s*)?" + _LETTER),
    re.compile(_LETTER + r"\s*[이가은는]?\s*(?:클|작을|커질|작아질|크면|작으면|커지면|작아지면)"),
    re.compile(_LETTER + r"\s*[이가은는]?\s*(?:\$[^$]{1,20}\$|\S{1,10})\s*에\s*(?:가까|근접)"),
]
# 6. a heading that bounds a letter in words: "## The case of positive $y$", "### 양수 $y$"
HEADING_LINE = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$|^\s*\\(?:sub)*section\*?\s*\{(.*)\}\s*$")
DOMAIN_WORD = (r"(?:strictly\s+)?(?:positive|negative|non-?negative|non-?positive|non-?zero|integer"
               r"|natural|even|odd|small|large|bounded|양수|음수|정수|자연수|양의|음의)")
HEADING_BOUND = re.compile(
    DOMAIN_WORD + r"\s*(?:real\s+|numbers?\s+|values?\s+(?:of\s+)?|실수\s*)?" + r"\$([^$]{1,40})\$"
    r"|\$([^$]{1,40})\$\s*(?:[이가은는]\s*)?(?:is\s+|are\s+)?" + DOMAIN_WORD, re.I)

# 5. a table cell that is a verdict of no
VERDICT_NO = re.compile(
    r"^(?:no|false|wrong|fails?|incorrect|invalid|never|✗|✘|❌|×|x|n|f|거짓|아니오|아니요|틀림|"
    r"틀리다|틀린\s*식|오답|nope|nah|🚫|⛔|⊥|✖|✖️|❎)$"
    # round 15 F5: a cell that begins with no or restricts the formula ("no — only for $x \ge 0$",
    # "only at $x = 0$", "not in general")
    r"|^(?:no|nope|not|never|false|wrong|fails?|only\s+(?:at|for|when|if|on|in)|🚫|⛔|✗|✘|❌|×)(?=[\s,;:—–-]|$)",
    re.I)

# 3. existential or naming introductions of a letter; the inline math is the only group
_M = r"\$([^$]{1,80})\$"
INTRODUCED = (
    re.compile(r"\b(?:there\s+(?:is|are|exists?|must\s+be|will\s+be)|exists?|for\s+(?:some|a\s+"
               r"suitable|a\s+certain|an\s+appropriate|at\s+least\s+one)|some)\b[^$.;?!]{0,40}?"
               + _M, re.I),
    re.compile(r"\blet\s+" + _M + r"\s+(?:be|denote)\s+the\b", re.I),
    re.compile(r"\blet\s+" + _M + r"\s+(?:be|denote)\s+(?:a|an|one|some)\b[^$.;?!]{0,60}?"
               r"(?:\b(?:with|such\s+that|satisfying|so\s+that|for\s+which|obeying|solving|so|hence"
               r"|i\.\s*e\.|root|solution|zero|eigen\w*|fixed\s+point)\b)", re.I),
    re.compile(r"\b(?:denote\s+by|call|write)\s+" + _M + r"\s+the\b", re.I),
    re.compile(r"\bthe\s+(?:[\w-]+\s+){0,3}?(?:number|root|solution|value|point|constant|zero|"
               r"minimi[sz]er|maximi[sz]er)\s+" + _M + r"\s*(?:,\s*)?(?:with|such\s+that|"
               r"satisfying|for\s+which|so|where)\b", re.I),
    re.compile(r"\b(?:choose|pick|find|select|take|fix|consider)\s+(?:\w+\s+){0,3}?" + _M
               + r"[^$.;?!]{0,30}?\b(?:with|such\s+that|so\s+that|satisfying|for\s+which)\b", re.I),
    # 어떤 실수 $v$에 대해 (for some v); not 어떤 $x$에 대해서도 / 라도 (for any x)
    re.compile(r"(?:어떤|적당한|적절한)\s*[^$.?!]{0,12}?" + _M
               + r"(?![^$.?!]{0,12}?(?:서도|라도|이든|든지|더라도))"),
    re.compile(_M + r"\s*(?:[이가]|도)?\s*(?:\([^()$]{0,40}\)\s*)?(?:존재|하나\s*있|있)"),
    re.compile(r"\\exists\s*([A-Za-z]|\\[A-Za-z]+)"),
    re.compile(CHINESE_SOME + _M),  # 存在常数 $C$, 对于一些 $C$ (round 57 AR02)
)
# a letter named in words, in the formula's sentence or the one before it: "Let $\varphi$ be the
# golden ratio.", "$\tau$를 황금비라 하자.", "$\tau$는 황금비이다." (round 15 F31; not 실수 / 정수 …)
_GENERIC_KOREAN = r"(?!\s*(?:임의의|모든|실수|정수|자연수|유리수|양수|음수|복소수|변수|상수|확률|비율|양의\s*실수|음의\s*실수)\s*(?:이|라|로))"
NAMED = (
    re.compile(r"\blet\s+" + _M + r"\s+(?:be|denote)\s+the\b", re.I),
    re.compile(r"\b(?:denote\s+by|call|write)\s+" + _M + r"\s+the\b", re.I),
    re.compile(_M + r"\s*[을를]" + _GENERIC_KOREAN + r"\s*[^.?!]{1,60}?(?:이)?라\s*(?:하자|하고|두자|부르자|"
               r"하면|하며|한다|할\s*때|놓자|하겠다)"),
    re.compile(_M + r"\s*[은는]" + _GENERIC_KOREAN + r"\s*[^$.?!]{1,30}?(?:이다|입니다|이며|이고)"),
)
# "the number with $…$": no letter written, the formula itself is the condition
UNNAMED = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,3}?(?:number|root|solution|value|point)\s+"
                     r"(?:with|such\s+that|satisfying|for\s+which)\s*[:,]?\s*$", re.I)
_NAME = re.compile(  # t, \rho, x_1, x^*, \mathbf{v}, \boldsymbol{\rho}
    r"^\s*((?:\\(?:mathbf|boldsymbol|bm|mathit|vec)\s*\{\s*(?:\\[A-Za-z]+|[A-Za-z])\s*\}"
    r"|\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?(?:\^\{?\*\}?)?)")



@dataclass(frozen=True)
class Around:
    """The prose around one formula: its sentence (before and after it), the next sentence,
    and the sentence before when that one points ahead."""

    before: str
    after: str
    following: str
    preceding: str
    question: bool
    previous: str = ""  # the sentence before, whatever it says
    earlier: tuple = ()  # the sentences of its paragraph before that one, nearest first
    next_sentence: str = ""  # the first sentence of ``following`` alone


def guarded(step, block, context) -> object:
    """The step, made *undecided* when it is refuted but the prose around its formula does not
    assert it (see the module), or when it holds by what the note said before (``used``) but
    words around it that are not read may change that (:mod:`symderive.notes.fronted_clauses`);
    any other step as it is."""
    relies = step.verdict in ("proved", "checked", "refuted") and getattr(step, "used", ())
    if not relies and step.verdict != "refuted":
        return step
    found = _around(block, context)  # (read once for both questions)
    around = found[1]
    if relies and around is not None:
        framing = unread_framing(
            around.before, around.previous, around.after,
            # the cases read by the readers of cases and examples
            any(said in (step.reason or "") for said in (
                "one of the cases the claim is made in", "the example values given just before")),
            any("stated" in used or "example" in used for used in step.used),
            _since_definition(around, step.used), around.next_sentence, *_heading_since(found[0], block.line, step.used))
        # words the domain reader took the domain from are read (*For every integer $n$,*)
        if framing and not any(framing.strip(" ,.:;") in used for used in step.used):
            return replace(step, verdict="undecided", suggestion=None, reason=(
                f"{step.verdict} as read, but the words '{_shorten(framing)}' around it are not "
                f"read: they may change what it relies on ({'; '.join(step.used)}): not "
                f"{step.verdict}"))
    if step.verdict != "refuted":
        return step
    sides = f"{getattr(step, 'lhs_latex', '') or ''} = {getattr(step, 'rhs_latex', '') or ''}"
    why = (iteration_doubt(sides) or iteration_doubt(getattr(block, "latex", "") or "")
           or free_iterate_doubt(step.counterexample, context.latex.iterated)
           or applied_name_doubt(sides, context.prose_text)  # round 44 T09, T08
           or solved_later(block.line, step.counterexample,  # Δ, B solving it (round 58 AW03)
                           getattr(context, "definitions", ()), _read_sides(step, context, block))
           or split_run_doubt(step.counterexample))  # SD beside S, D (round 58 AV04)
    if why:  # w^{k+1} = w^k - \eta g^k: an update rule, not powers (round 40 J05)
        return replace(step, verdict="undecided", suggestion=None, reason=(
            f"refuted as read, but {why}: not refuted"))
    why = refutation_doubt(block, context, step.counterexample,
                           (getattr(step, "lhs_latex", "") or "", getattr(step, "rhs_latex", "") or ""),
                           found)
    if not why:
        return step
    return replace(step, verdict="undecided", suggestion=None, reason=(
        f"refuted as read, but {why}: not refuted"
        + (f" (as read: {step.reason})" if step.reason else "")))


def _read_sides(step, context, block) -> tuple:
    """The step's two sides as the grammar reads them in the note's context (() when not)."""
    latex = getattr(context, "latex", None)
    if latex is None:
        return ()
    try:
        return tuple(parse(side or "", latex, "<step>", block.line)
                     for side in (step.lhs_latex, step.rhs_latex))
    except (ParseError, Exception):  # noqa: BLE001 - a side the grammar does not read alone
        return ()


def _around(block, context) -> tuple:
    """The note's prose and the words around the formula of ``block`` in it (:func:`read_around`;
    None when there is no prose or the formula is not found there)."""
    text = getattr(context, "prose_text", "") or getattr(context, "raw_text", "")
    if not text or block is None:
        return text, None
    return text, read_around(text, block.line, block.latex)


def refutation_doubt(block, context, counterexample, step_latex: tuple = (),
                     found: tuple | None = None) -> str:
    """Why the note may not assert the formula of ``block`` ('' when nothing says so);
    ``step_latex``: the two sides of the refuted step as written; ``found``: :func:`_around`,
    when already read."""
    text, around = found or _around(block, context)
    if around is None:
        return ""
    sentence = f"{around.before} {TARGET} {around.after}".strip()
    # words right after it that assert it win over words before it ("The naive bound is wrong:
    # $…$ holds instead"), as in symderive.notes.disowned
    # — but only when the words before end their clause: in "It is false that $…$ holds",
    # "Students wrongly think $…$ is correct" the formula and its "holds" are the denied content
    asserted = (bool(ASSERTED.match(_prose(around.after))) and not _negative(_prose(around.after))
                and bool(CLAUSE_ENDED.search(_prose(around.before))))
    # a conclusion drawn from the words before ("The counterexample search failed, so $…$ for
    # all $y$"): those words are not about the formula (round 15 F27)
    asserted = asserted or bool(CONSEQUENCE.search(_prose(around.before)))
    if ANSWER_NO.match(_prose(around.following)):
        return f"the note answers '{_shorten(around.following)}' right after it"
    for words, where in ((around.after if asserted else sentence, "about it"),
                         (around.following, "right after it"),
                         (around.preceding, "just before it")):
        word = _negative(_prose(words))
        if word:
            return f"the note says '{_quote(words, word)}' {where}"
    # "Why does $…$ hold?", "How do we get $…$?", 왜 $…$ 이 성립할까: the question presupposes
    # the formula (its denials, "Why is $…$ wrong?", were read above)
    letters = _counter_names(counterexample)
    for words, where in ((sentence, "about it"), (around.following, "right after it"),
                         (around.preceding, "just before it")):
        found = _approximate(_masked(words)) or _limited(_masked(words), letters, context,
                                                              block.line)
        if found:
            return (f"the note says '{_quote(words, found.group())}' {where}: an approximation "
                    f"or a statement for small or large values only, not an identity")
    for words, where in ((sentence, "about it"), (around.preceding, "just before it")):
        found = OTHER_STRUCTURE.search(_masked(words))
        if found:
            return (f"the note says '{_quote(words, found.group())}' {where}: it speaks of another "
                    f"structure or notation than the real numbers")
    notation = other_reading(step_latex, context, block.line)
    if notation:
        return notation
    heading = _heading_bound(text, block.line, _counter_names(counterexample), context)
    if heading:
        return f"the section's heading '{heading}' bounds a letter of it in words"
    row = _table_verdict(text, block.line, block.latex)
    if row:
        return f"the note's table marks it '{row}'"
    label = _block_label(text, block.line)
    if label and _negative(_prose(label)):
        return f"the block holding it is labelled '{_shorten(label)}'"
    mark = _item_mark(text, block.line)
    if mark:
        return f"the list item is marked '{mark}'"
    if (around.question and not _presupposing(around)
            and answer(_prose(around.after + " " + around.following)) != "yes"):
        return f"the formula stands in a question ('{_shorten(sentence)}')"
    last_words = re.split(r"\$[^$]*\$", around.before)[-1]
    if (PROPOSED_BEFORE.search(last_words)
            or PROPOSED_KOREAN.search(_prose(sentence))):
        return f"the note proposes it to be tested ('{_shorten(sentence)}'), it does not assert it"
    previous = _prose(around.previous)
    if OPTION_LABEL.match(_prose(last_words)) and (CHOOSE.search(previous) or (
            previous.rstrip().endswith("?") and re.search(r"\b(?:which|following)\b|다음|어느|어떤",
                                                          previous, re.I))):
        return (f"it is an option of the question just before it ('{_shorten(around.previous)}')")
    if ASSUMED_BEFORE.search(last_words) or ASSUMED_AFTER_KOREAN.match(_prose(around.after)):
        return f"the note assumes it ('{_shorten(sentence)}'), it does not assert it"
    if TO_SOLVE_BEFORE.search(around.before) or TO_SOLVE_KOREAN.search(_prose(around.before)) or (
            TO_SOLVE_KOREAN.search(_prose(around.after)[:12])):
        return f"it is an equation to solve ('{_shorten(sentence)}'), not an identity"
    letters = _counter_names(counterexample)
    for name in introduced(around.before, around.after, letters, context, block.line,
                           around.previous):
        return (f"the note introduces {name} as some or a particular value ('"
                f"{_shorten(sentence)}'): the formula is a condition on {name}, not an identity")
    return ""


def _presupposing(around: Around) -> bool:
    """Whether the formula's question is a plain one of why or how, which presupposes it (*Why
    does $…$ hold?*, *How do we get $…$?*, 왜 $…$ 이 성립할까) — not a rhetorical, modal or negated
    one (*Why not simply write $…$?*, *How can $…$ be right?*, *Why isn't $…$?*, 왜 $…$가
    아닐까) nor one about someone's writing or belief (*Why do students believe $…$?*)."""
    before, after = _prose(around.before), _prose(around.after)
    return bool(WHY_OR_HOW.search(before)) and not RHETORICAL.search(f"{before} {after}")


def _nearest_heading(text: str, line: int) -> str:
    """The words of the nearest heading above ``line`` (a Markdown ``#`` line or a LaTeX
    sectioning command), '' when there is none."""
    lines = text.split("\n")
    for number in range(min(line, len(lines)) - 1, -1, -1):
        match = HEADING_LINE.match(lines[number])
        if match:
            return match.group(1) or match.group(2) or ""
    return ""


def _since_definition(around: Around, used) -> tuple:
    """The earlier sentences of the paragraph (nearest first) down to the one before the
    sentence that gave a definition the step relies on: words before a definition do not
    change it (*Let's take this one step further. Consider $g(x) = ax^2 + bx + c$.*)."""
    formulas = [re.sub(r"\s+", "", said.split(" (")[0]) for said in used]
    formulas = [formula for formula in formulas if len(formula) > 2]
    kept = []
    for sentence in (around.previous, *around.earlier):
        if any(formula in re.sub(r"\s+", "", sentence) for formula in formulas):
            return tuple(kept[1:]) if kept else ()
        kept.append(sentence)
    return around.earlier


def _heading_since(text: str, line: int, used) -> tuple[str, bool]:
    """The nearest heading above ``line`` and whether it stands after a line the step relies
    on (a definition or value given before the section the step is in: *We define $f(x) =
    x^2$* ⏎ ``### The cubic map`` ⏎ $f(2) = 8$, round 37 F04): the section may give the name
    another meaning, so then every word of the heading is read."""
    lines = text.split("\n")
    for number in range(min(line, len(lines)) - 1, -1, -1):
        match = HEADING_LINE.match(lines[number])
        if match:
            relied = [int(found) for said in used for found in USED_LINE.findall(said)]
            return match.group(1) or match.group(2) or "", any(
                at <= number for at in relied)
    return "", False


USED_LINE = re.compile(r"\bline (\d+)\)")


def _heading_bound(text: str, line: int, letters: dict, context) -> str:
    """The heading (as written) of the section holding ``line`` when it bounds a letter of the
    counterexample in words, else ''."""
    if not letters:
        return ""
    lines = text.split("\n")
    for number in range(min(line, len(lines)) - 1, -1, -1):
        match = HEADING_LINE.match(lines[number])
        if not match:
            continue
        words = match.group(1) or match.group(2) or ""
        for bound in HEADING_BOUND.finditer(words):
            name = _NAME.match((bound.group(1) or bound.group(2)) + " ")
            if name and _symbol(context, name.group(1), number + 1) in letters:
                return " ".join(words.split())[:80]
        return ""  # the nearest heading only
    return ""


def _approximate(words: str):
    """The first approximation word of :data:`APPROXIMATE` in ``words`` that is not negated
    (*No approximation is needed*: round 15 F27), or None."""
    for match in APPROXIMATE.finditer(words):
        if not NEGATED_BEFORE.search(words[max(0, match.start() - 30):match.start()]):
            return match
    return None


def _limited(words: str, letters: dict, context, line: int):
    """The match of words restricting a letter of the counterexample to small or large values
    (:data:`LIMITED_LETTER`), or None."""
    for pattern in LIMITED_LETTER:
        for match in pattern.finditer(words):
            written = next((group for group in match.groups() if group), "")
            name = _NAME.match(written + " ")
            if name and _symbol(context, name.group(1), line) in letters:
                return match
    return None


def _masked(words: str) -> str:
    """The words with the formula and other displays blanked, inline mathematics kept."""
    return (words or "").replace(TARGET, " ").replace(DISPLAY, " ")


def _cells(row: str, separator: str = "|") -> list[str]:
    """The cells of a Markdown table row, or with ``separator`` ``&`` of a LaTeX ``tabular``
    row; its mathematics kept whole and an escaped separator (``\\|``, ``\\&``) inside a cell."""
    masked = re.sub(r"\$[^$]*\$", lambda m: "\x00" * len(m.group()), row)
    cells, start = [], 0
    for index, char in enumerate(masked):
        if char == separator and (index == 0 or masked[index - 1] != "\\"):
            cells.append(row[start:index])
            start = index + 1
    cells.append(row[start:])
    return cells


def _tabular_cells(row: str) -> list[str]:
    """The cells of a LaTeX ``tabular`` / ``array`` row (``$…$ & No \\\\``)."""
    return _cells(re.sub(r"\\\\\s*(?:\\hline\s*)?$", "", row), "&")


def _table_verdict(text: str, line: int, latex: str = "") -> str:
    """The cell of a Markdown table row at ``line`` that says *no* (| $…$ | No |), or the header
    of the formula's column when it labels the column wrong (| Mistake | Correction |, 틀린 식);
    else ''."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    def row_at(number):
        return re.sub(r"^(?:\s*>)+", "", lines[number]).strip()
    row = row_at(line - 1)
    tabular = "&" in row and re.search(r"\\\\\s*(?:\\hline\s*)?$", row)
    if not row.startswith("|") and not tabular:
        return ""
    cells = _cells(row) if row.startswith("|") else _tabular_cells(row)
    other_question = _other_question_columns(lines, line, row_at) if row.startswith("|") else set()
    for index, cell in enumerate(cells):
        if index in other_question:
            continue
        cell = re.sub(r"\$\s*\\times\s*\$|\\ding\s*\{\s*5[4-6]\s*\}|\\xmark\b|\\crossmark\b", "×", cell)
        plain = re.sub(r"[*_`~.!:\s]+", " ", re.sub(r"\$[^$]*\$", " ", cell)).strip()
        plain = re.sub(r"\\text(?:bf|it|rm)?\s*\{([^{}]*)\}", r"\1", plain).strip()
        if plain and VERDICT_NO.match(plain) and not cell.strip().startswith("$"):
            return plain
    if not row.startswith("|"):
        return ""
    # round 15 F16: the header of the formula's column
    column = next((index for index, cell in enumerate(cells)
                   if latex.strip() and latex.strip() in cell), None)
    top = line - 1
    while top > 0 and row_at(top - 1).startswith("|"):
        top -= 1
    if column is None or top >= line - 2 or not re.fullmatch(r"[|:\-\s]+", row_at(top + 1)):
        return ""
    header = _cells(row_at(top))
    if column < len(header) and "$" not in header[column]:
        words = header[column].strip()
        if _negative(words):
            return f"{words}' (its column's header"
    return ""


# a column header that asks whether the formula holds (its No is a verdict on the formula)
TRUTH_HEADER = re.compile(r"\b(?:holds?|true|false|correct|valid|right|wrong|identit(?:y|ies)|verdict|ok"
                          r"|status|answer|result|checks?|works?|always|T\s*/\s*F)\b|[✓✗✔✘]|참|거짓|성립"
                          r"|맞|옳|정답|판정|결과|항등|O\s*/\s*X", re.I)


def _other_question_columns(lines, line: int, row_at) -> set:
    """The columns whose header asks a question about something else than whether the formula
    holds (| Rule | Needs the chain rule? |: its No is no verdict, round 15 F27)."""
    top = line - 1
    while top > 0 and row_at(top - 1).startswith("|"):
        top -= 1
    if top >= line - 2 or not re.fullmatch(r"[|:\-\s]+", row_at(top + 1)):
        return set()
    header = _cells(row_at(top))
    return {index for index, cell in enumerate(header)
            if cell.strip().endswith("?") and not TRUTH_HEADER.search(_prose(cell))}


def _block_label(text: str, line: int) -> str:
    """The label of the block holding ``line``: the type and title of a Markdown callout
    (``> [!bug]``) or the ``<summary>`` of an HTML ``<details>`` (round 15 F19), else ''."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    number = line - 1
    if lines[number].lstrip().startswith(">"):
        while number > 0 and lines[number - 1].lstrip().startswith(">"):
            number -= 1
        callout = re.match(r"^\s*(?:>\s*)+(\[![^\]]*\].*)$", lines[number])
        if callout:
            return callout.group(1)
    for number in range(line - 1, max(-1, line - 41), -1):
        if "</details>" in lines[number] and number < line - 1:
            return ""
        summary = re.search(r"<summary>(.*?)</summary>", lines[number], re.I)
        if summary:
            return summary.group(1)
    return ""


# round 15 F20: a LaTeX list item marked with a cross (\item[\ding{55}], \item[$\times$])
CROSS_ITEM = re.compile(
    r"^\s*\\item\s*\[\s*\$?\s*(\\ding\s*\{\s*5[4-6]\s*\}|\\times|\\xmark|\\crossmark|\\text\{\s*[✗✘❌×]\s*\}"
    r"|[✗✘❌×])\s*\$?\s*\]")


def _item_mark(text: str, line: int) -> str:
    """The cross marking the LaTeX list item at ``line``, else ''."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    found = CROSS_ITEM.match(lines[line - 1])
    return found.group(1) if found else ""


def read_around(text: str, line: int, latex: str) -> Around | None:
    """The prose around the formula written at ``line`` (1-based) whose mathematics is
    ``latex``; None when the line is not in ``text``."""
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    if line < 1 or line > len(starts):
        return None
    low = starts[max(0, line - 1 - WINDOW_LINES)]
    low = max(low, starts[line - 1] - WINDOW_CHARS)
    end_line = line + latex.count("\n")
    high_line = min(len(starts), end_line + WINDOW_LINES)
    high = starts[high_line] if high_line < len(starts) else len(text)
    high = min(high, (starts[end_line] if end_line < len(starts) else len(text)) + WINDOW_CHARS)
    # start the window at a line start, so no math is cut open there
    window = text[low:high]
    origin = starts[line - 1] - low
    spans = [(m.start(), m.end()) for m in MATH.finditer(window)]
    target = _target(window, origin, latex, spans)
    shadow = list(window)
    for start, end in spans:
        inner = window[start:end].rstrip("$").rstrip()
        inner = re.sub(r"(?:\\[\],)]|\\end\{[^{}]*\})$", "", inner).rstrip()
        inner = re.sub(r"(?:\\[,;!: ]|~|\s)+$", "", inner)
        for position in range(start, end):
            shadow[position] = "\x00"
        if inner[-1:] in ".?!":  # $$x = 1.$$ ends its sentence
            shadow[end - 1] = inner[-1]
    shadow = "".join(shadow)
    t_start, t_end = target
    cuts = sorted({m.end() for m in TERMINAL.finditer(shadow)
                   if not ABBREVIATION.search(shadow[max(0, m.start() - 6):m.start()])}
                  | {m.start() for m in BREAK.finditer(shadow)}
                  | {m.end() for m in BREAK.finditer(shadow)})
    begin = max((cut for cut in cuts if cut <= t_start), default=0)
    finish = min((cut for cut in cuts if cut >= t_end), default=len(shadow))
    question = shadow[t_end - 1:finish].rstrip().rstrip(")]\"'”’*_!")[-1:] in ("?", "？")
    before = _shown(window, spans, begin, t_start, target)
    after = _shown(window, spans, t_end, finish, target)
    # the next sentence (not past a heading), to its first display
    following = next_sentence = ""
    next_cuts = [cut for cut in cuts if cut > finish and shadow[finish:cut].strip(" \t\n\x00")]
    if next_cuts and not HEADING.match(window[finish:next_cuts[0]].lstrip("\n")):
        following = _shown(window, spans, finish, next_cuts[0], target, stop_at_display=True)
        if following.rstrip().endswith(":"):  # a lead-in to another formula
            following = ""
        # (past a blank line only a sentence saying what was used speaks of it: *We used the
        # cube.*, not *This is already enough to start to play around with in code.*)
        next_sentence = following if not re.search(r"\n[ \t]*\n", window[finish:next_cuts[0]]) \
            else f"\n\n{following}"
        # round 15 F40: "This looks plausible. Unfortunately, it is wrong." — a sentence without
        # mathematics right after lets the verdict in the one after it be read too
        later = [cut for cut in cuts if cut > next_cuts[0]
                 and shadow[next_cuts[0]:cut].strip(" \t\n\x00")]
        if (following and "$" not in following and DISPLAY not in following and later
                and "\x00" not in shadow[finish:next_cuts[0]]
                and not HEADING.match(window[next_cuts[0]:later[0]].lstrip("\n"))):
            second = _shown(window, spans, next_cuts[0], later[0], target, stop_at_display=True)
            if not second.rstrip().endswith(":"):
                following = f"{following} {second}"
    preceding = candidate = ""
    earlier = [cut for cut in cuts if cut < begin and shadow[cut:begin].strip(" \t\n\x00")]
    if earlier and not HEADING.match(window[earlier[-1]:begin].lstrip("\n")):
        candidate = _shown(window, spans, earlier[-1], begin, target)
        written = window[t_start:t_end]
        display = not written.startswith("$") or written.startswith("$$")
        # the sentence announcing a display right after it ("Here is a common error.")
        if POINTS_AHEAD.search(_prose(candidate)) or (display and not before.strip()
                                                      and candidate.rstrip().endswith(":")):
            preceding = candidate
    # the sentences of the paragraph before the previous one (round 34a F13: *From now on the
    # map is the cube. It is odd. So $f(3) = 27$.*), nearest first
    # (a display with no words of its own before it: the paragraph of its lead-in, *Now add the
    # term $…$ to the loss. Then* ⏎⏎ $$…$$, round 38 A10)
    written = window[t_start:t_end]
    alone = (not written.startswith("$") or written.startswith("$$")) and not before.strip()
    paragraph = max((m.end() for m in BREAK.finditer(shadow)
                     if m.end() <= (earlier[-1] if alone and earlier else begin)), default=0)
    sentences = []
    if earlier and paragraph < earlier[-1]:
        starts_back = sorted({paragraph} | {cut for cut in cuts if paragraph <= cut < earlier[-1]})
        sentences = [_shown(window, spans, start, stop, target)
                     for start, stop in zip(starts_back, starts_back[1:] + [earlier[-1]])
                     if shadow[start:stop].strip(" \t\n\x00")]
    return Around(before, after, following, preceding, question, candidate,
                  tuple(reversed(sentences)), next_sentence)


def _target(window: str, origin: int, latex: str, spans) -> tuple[int, int]:
    """The span of the formula in ``window``: the math span at or after ``origin`` that holds
    ``latex``, else the line at ``origin`` (an image, a formula read from words)."""
    body = latex.strip()
    if body:
        where = window.find(body, origin)
        if where >= 0:
            for start, end in spans:
                if start <= where < end:
                    return start, end
            return where, where + len(body)
    line_end = window.find("\n", origin)
    line_end = len(window) if line_end < 0 else line_end
    for start, end in spans:  # the first math on the line
        if origin <= start < line_end:
            return start, end
    return origin, line_end


def _shown(window: str, spans, start: int, end: int, target, stop_at_display=False) -> str:
    """The words of window[start:end] with its mathematics shown: inline math as written,
    displays as a mark (stopping at the first one when asked)."""
    pieces = []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start = max(span_start, start)
        pieces.append(window[cursor:span_start])
        written = window[span_start:span_end]
        if (span_start, span_end) == target:
            pieces.append(TARGET)
        elif written.startswith("$") and not written.startswith("$$") and "\n" not in written:
            pieces.append(written)
        else:
            if stop_at_display:
                return " ".join("".join(pieces).split())
            pieces.append(DISPLAY)
        cursor = min(span_end, end)
    pieces.append(window[cursor:end])
    return " ".join("".join(pieces).split())


def introduced(before: str, after: str, letters: dict, context, line: int, previous: str = ""):
    """The letters of the counterexample that the formula's sentence introduces as some or a
    particular value (:data:`INTRODUCED`), or it or the sentence before names in words
    (:data:`NAMED`), in order."""
    if not letters:
        return
    sentence = f"{before} {TARGET} {after}"
    seen = set()
    readings = [(pattern, sentence) for pattern in INTRODUCED + NAMED[2:]]
    # the sentence before: Korean naming only (English "Let $\gamma$ be the discount factor,
    # $0 < \gamma < 1$." before a display is a domain, read by the readers of domains)
    readings += [(pattern, previous) for pattern in NAMED[2:] if previous]
    for pattern, words in readings:
        for match in pattern.finditer(words):
            math = match.group(1) or ""
            for piece in math.split(","):
                name = _NAME.match(piece + " ")
                if not name:
                    break
                key = _symbol(context, name.group(1), line)
                if key in letters and key not in seen:
                    seen.add(key)
                    yield name.group(1)
    if not seen and UNNAMED.search(before) and len(letters) == 1:
        yield next(iter(letters))


def _counter_names(counterexample) -> dict:
    if counterexample is None:
        return {}
    return {plain_name(name): value for name, value in counterexample.values}


def _symbol(context, name: str, line: int) -> str:
    """The name as the counterexample spells it (``\\rho`` → ``rho``)."""
    latex = getattr(context, "latex", None)
    if latex is not None:
        try:
            symbol = parse(name, latex, "<prose>", line)
            return plain_name(getattr(symbol, "name", symbol))
        except (ParseError, Exception):  # noqa: BLE001 - a name the grammar does not read
            pass
    return plain_name(name)


def _quote(words: str, found: str) -> str:
    """The words around ``found`` (at most about 80 characters), the formula shown as $…$."""
    shown = words.replace(TARGET, "$…$").replace(DISPLAY, "$$…$$")
    where = shown.find(found)
    if len(shown) <= 80 or where < 0:
        return _shorten(shown)
    start = max(0, where - 40)
    piece = shown[start:start + 80]
    return ("…" if start else "") + piece + ("…" if start + 80 < len(shown) else "")


def _shorten(words: str) -> str:
    shown = words.replace(TARGET, "$…$").replace(DISPLAY, "$$…$$")
    return shown if len(shown) <= 90 else shown[:89] + "…"
