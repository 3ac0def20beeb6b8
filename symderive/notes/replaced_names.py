r"""Words that change what a name means without a formula for it (review round 9b L6).

``Define $\mathbf{S} = \mathbf{A} + \mathbf{A}^\top$ and then replace $\mathbf{A}$ by
$\mathbf{A}\mathbf{B}$.`` — after this sentence **A** stands for **AB**, and so S stands for
AB + (AB)ᵀ; the definitions in force still say S = A + Aᵀ, so the true
``\mathbf{S} = \mathbf{A}\mathbf{B} + \mathbf{B}^\top\mathbf{A}^\top`` was refuted with the
old meaning.  The same holds for every wording that substitutes one thing for a name:

* *replace $A$ by/with $B$*, *$A$ is replaced by/with $B$*, *with $A$ replaced by $B$*;
* *substitute $B$ for $A$*, *substitute $A$ by/with $B$*, *plug $B$ in for $A$*;
* *write $A$ for $B$* / *we write $A$ for …* (a new meaning of A);
* Korean *$A$를 $B$로 바꾸면/치환하면/대체하면*, *$A$ 대신 $B$를 대입/넣으면*, *$A$에 $B$를 대입*.

(``Now set $G = XY$``, ``substituting $w = 2$``, ``now let … instead`` give the name a formula,
which the definition reader reads as a new definition or an example value.)  This reader
does not carry the substitution out: a step after such words, in their section, that
mentions the replaced name — or uses a definition whose formula mentions it — is
undecided, naming the words.  A name replaced is never read with its old meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symderive.notes.unread_definitions import _pattern

_MATH = r"\$([^$\n]{1,60})\$"
_NUMBER = (r"\$\s*[-+−]?\s*(?:\d[\d.,]*|\\pi|e|\\frac\s*\{\s*\d+\s*\}\s*\{\s*\d+\s*\}"
           r"|\\sqrt\s*\{\s*\d+\s*\})\s*\$")
_ARTICLE = r"(?:(?:each|every|all|the|its)\s+(?:\w+\s+)?)?"
REPLACING = (
    # replace $A$ by $B$ / replacing the matrix $A$ with $B$
    (re.compile(rf"\breplac(?:e|es|ed|ing)\s+{_ARTICLE}{_MATH}\s*(?:\w+\s+)?(?:by|with)\b", re.I),
     1),
    # $A$ is replaced by $B$; with $A$ replaced with $B$
    (re.compile(rf"{_MATH}\s+(?:is\s+|are\s+|being\s+|gets\s+)?replaced\s+(?:by|with)\b", re.I),
     1),
    # substitute $B$ for $A$; plug $B$ in for $A$
    (re.compile(rf"\b(?:substitut\w*|plug\w*(?:\s+in)?)\s+{_MATH}\s+(?:in\s+|into\s+)?for\s+"
                rf"{_MATH}", re.I), 2),
    # substitute $A$ by/with $B$
    (re.compile(rf"\bsubstitut\w*\s+{_MATH}\s+(?:by|with)\b", re.I), 1),
    # (we) write $A$ for $B$
    (re.compile(rf"\bwrit(?:e|es|ing)\s+{_MATH}\s+(?:instead\s+)?for\b", re.I), 1),
    # $A$를 $B$로 바꾸면 / 치환 / 대체
    (re.compile(rf"{_MATH}\s*(?:을|를)\s*{_MATH}\s*(?:로|으로)\s*(?:바꾸|바꿔|치환|대체|교체)"), 1),
    # $A$ 대신 $B$를 대입 / 넣
    (re.compile(rf"{_MATH}\s*대신(?:에)?\s*{_MATH}\s*(?:을|를)\s*(?:대입|넣)"), 1),
    # $A$에 $B$를 대입
    (re.compile(rf"{_MATH}\s*에\s*{_MATH}\s*(?:을|를)\s*대입"), 1),
    # round 17 F2: a value given in words around two formulas — "Set $x$ to $0$", "Let $n$ be
    # $4$", "Take $z$ equal to $2$", "Choose $b$ as $1$", "With $w$ set to $1$", "$x$를 $0$으로
    # 두면": read as a replacement (a later claim about the name is undecided, never refuted)
    (re.compile(rf"\b(?:set|sets|setting|let|take|taking|choose|choosing|put|putting|fix|fixing|"
                rf"pick|picking|assign\w*)\s+{_MATH}\s+(?:to\s+be|to|be|equal(?:\s+to)?|equals|as|"
                rf"at)\s+{_NUMBER}", re.I), 1),
    (re.compile(rf"{_MATH}\s+(?:is\s+|being\s+)?(?:set|fixed|chosen|taken|put)\s+(?:to|as|at|"
                rf"equal\s+to)\s+{_NUMBER}", re.I), 1),
    (re.compile(rf"{_MATH}\s*(?:를|을|는|은|이|가)\s*{_NUMBER}\s*(?:로|으로|이라고|라고|이라|라)\s*"
                rf"(?:두|놓|잡|정하|하자|하면|하고|한다)"), 1),
)
NAME = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|hat|tilde|bar|vec)\s*\{\s*)?\\?[A-Za-z]+"
                  r"(?:\s*\})?(?:_\{?\w+\}?)?\s*$")


@dataclass(frozen=True)
class Replacement:
    name: str  # as written, e.g. \mathbf{A}
    pattern: str  # matching the name in a step's LaTeX or a definition's formula
    line: int
    end: int  # the last line of its section
    words: str
    offset: int = -1  # where the words are in the note: a step on their line holds before them


def after(replacement: Replacement, line: int, offset: int) -> bool:
    """Whether a formula on ``line`` written at ``offset`` (-1: unknown) comes after the
    replacing words: on a later line, or on theirs after them (round 18 F19: *Let $x = 1$, so
    $x^2 = 1$. Now set $x$ to $2$.* — the first claim is stated before the new value)."""
    if line != replacement.line or offset < 0 or replacement.offset < 0:
        return line >= replacement.line
    return offset > replacement.offset


def replaced_names(text: str, section_end) -> list[Replacement]:
    """Every name the prose replaces by something else in words (see the module docstring),
    with the line of the words and the end of their section (``section_end(line)``)."""
    found = []
    for pattern, group in REPLACING:
        for match in pattern.finditer(text):
            name = match.group(group)
            if "=" in name or not NAME.match(name):
                continue  # "substituting $w = 2$": a formula, read by the definition reader
            line = text.count("\n", 0, match.start()) + 1
            words = _sentence_around(text, match)
            found.append(Replacement(" ".join(name.split()), _pattern(name.strip()), line,
                                     section_end(line), words, match.start()))
    return sorted(found, key=lambda r: r.line)


def replaced_name_used(step_latex: str, line: int, replacements: list[Replacement],
                       used: tuple, offset: int = -1) -> str:
    """Why a step at ``line`` (written at ``offset``) is undecided: it mentions a name replaced
    in words before it (in its section), or uses a definition (``used``: the notes of the
    definitions in force that the step used) whose formula mentions it; '' when none."""
    for replacement in replacements:
        if not (after(replacement, line, offset) and line <= replacement.end):
            continue
        through = next((note for note in used if re.search(replacement.pattern, note)), None)
        if not re.search(replacement.pattern, step_latex) and through is None:
            continue
        via = f" (through {through.split(' (')[0]})" if through and not re.search(
            replacement.pattern, step_latex) else ""
        return (f"line {replacement.line} replaces {replacement.name} in words "
                f"('{replacement.words}'), which this reader does not carry out: the step uses "
                f"{replacement.name}{via} and no reading of its new meaning is in force")
    return ""


# round 15 F29: a name given a new meaning in words — "Now let $g$ denote the sigmoid function
# instead.", "From now on $g$ is the ReLU.", "Redefine $g$ as the tanh.", "$g$ now denotes …",
# Korean "이제 $k$를 시그모이드 함수라 하자" — read for a name defined by a formula before it
_ONE = r"\$\s*([^$\n=]{1,40}?)\s*\$"
# a class or a property named after someone, not a new meaning: "$f$ is Lipschitz", "$f$ is
# $C^1$", "$f$ is $2\pi$-periodic", "$f$ is Riemann integrable" (round 20 F16)
_PROPERTY_NAME = (r"(?:Lipschitz|Riemann|Lebesgue|Borel|Gaussian|Hermitian|H[öo]lder|Fr[ée]chet|"
                  r"G[âa]teaux|Cauchy|Markov|Toeplitz|Hankel|Hessian|Jacobian|Hilbert|Banach|"
                  r"Schwartz|Sobolev|Lyapunov|Bernoulli|Poisson|Euclidean|Laplacian|Kolmogorov)\b")
_CLASS_FORMULA = r"\s*(?:[CLHW]\s*\^|\\mathcal|[^$]*\$\s*-)"
# words that change a meaning named as the same ("as above, but doubled", "the same function
# plus one", "the previous function times two": round 21 F3)
_MODIFIED = (r"(?![^.;\n]*?(?:\bbut\b|\bplus\b|\bminus\b|\btimes\b|\bdoubled\b|\bhalved\b|"
             r"\btripled\b|\bshift\w*|\bscal\w*|\bsquared\b|\bcubed\b|\bnegated\b|\bexcept\b|"
             r"\badded\b|\bmultipl\w*|\bdivided\b|\bcompos\w*|\binstead\b|\bmodified\b|"
             r"\bchanged\b|\bwith\b|\bafter\b|\bover\b|\bfor\s+negative\b|[-+*/^]|\\cdot|"
             r"\\times|두\s*배|더한|뺀|곱한|나눈))")
_SAME = (r"(?!\s*(?:as\s+(?:above|before|defined|given)|the\s+(?:same|above|previous|former)\b|"
         rf"unchanged|defined\s+above|this\b|that\b|it\b){_MODIFIED})")
REDEFINING = (
    re.compile(rf"\blet\s+{_ONE}\s+(?:instead\s+|now\s+)?(?:be|denote|stand\s+for|mean|represent|"
               rf"refer\s+to){_SAME}\b", re.I),
    re.compile(rf"\b(?:redefin\w*|reinterpret\w*)\s+{_ONE}", re.I),
    re.compile(rf"{_ONE}\s+(?:now|henceforth|from\s+now\s+on|instead|will\s+now|hereafter)\s+"
               rf"(?:denotes?|is|stands\s+for|means|represents|be)\b{_SAME}", re.I),
    re.compile(rf"\b(?:from\s+(?:now|here|this\s+point)\s+on(?:wards?)?|henceforth|hereafter|"
               rf"this\s+time|in\s+what\s+follows|in\s+the\s+rest\s+of\s+(?:this|the)\s+\w+|"
               rf"for\s+the\s+rest\s+of\s+(?:this|the)\s+\w+|below)\s*,?\s+(?:we\s+(?:let|take|set|use)\s+)?"
               rf"{_ONE}\s+(?:denotes?|is|stands\s+for|means|represents|refers\s+to|will\s+(?:be|"
               rf"denote|mean|represent|stand\s+for))\b{_SAME}", re.I),
    # round 17 F9: "$h$ stands for the ReLU", "We now switch to the tanh for $g$", "we use the
    # ReLU for $h$", "Using the tanh as $g$"
    re.compile(rf"{_ONE}\s+(?:(?:now|then|here|below)\s+)?(?:stands\s+for|denotes|represents|"
               rf"refers\s+to)\b{_SAME}", re.I),
    re.compile(rf"\b(?:switch\w*|chang\w*|mov\w*|turn\w*)\s+(?:over\s+)?to\s+[^$.;\n]{{1,50}}?\s+"
               rf"(?:for|as)\s+{_ONE}", re.I),
    re.compile(rf"\b(?:use|uses|using|take|takes|taking|choose|chooses|choosing|pick|picks)\s+"
               rf"(?:instead\s+)?(?:the|a|an)\s+[^$.;\n]{{1,50}}?\s+(?:for|as)\s+{_ONE}{_SAME}", re.I),
    re.compile(rf"\b(?:now\s+)?take\s+{_ONE}\s+to\s+be\b{_SAME}", re.I),
    re.compile(rf"(?:이제|지금부터|앞으로|이번에는|대신)\s*{_ONE}\s*(?:를|을|는|은|가|이)\s*[^$.\n]{{1,40}}?"
               r"(?:이?라\s*(?:하자|두자|하면)|이?라고\s*(?:하자|두자|하면)|(?:으)?로\s*(?:두자|하자|바꾸자|"
               r"바꾸면|정의하자|정의하면)|이다|를\s*뜻한다|을\s*뜻한다|를\s*나타낸다|을\s*나타낸다)"),
    re.compile(rf"{_ONE}\s*(?:는|은)\s*[^$.\n]{{1,40}}?(?:를|을)\s*(?:나타낸다|뜻한다|의미한다|가리킨다)"),
    # round 18 F8: a verb of change governing the name — "Now make $g$ the ReLU", "turn $g$
    # into …", "change $g$ to …", "we update $g$", "$g$ is changed to …", "$g$ now becomes …",
    # "let $g$ now be …", $g$를 ReLU로 바꾸자
    re.compile(rf"\b(?:make|makes|making|made|turn|turns|turning|turned|chang\w*|switch\w*|swap\w*|"
               rf"updat\w*|modif\w*|alter\w*|adjust\w*|tweak\w*|doubl\w*|halv\w*|negat\w*|flip\w*|"
               rf"shift\w*|rescal\w*|perturb\w*|increas\w*|decreas\w*|reassign\w*|overwrit\w*|"
               rf"rewrit\w*\s+(?:the\s+definition\s+of|the\s+rule\s+for))\s+(?:the\s+(?:function|map|"
               rf"activation|value)\s+)?{_ONE}(?!\s*(?:\(|'))", re.I),
    re.compile(rf"{_ONE}\s+(?:is\s+|was\s+|gets\s+|being\s+|has\s+been\s+)?(?:now\s+)?(?:changed|"
               rf"made|turned|switched|updated|modified|swapped|altered|redefined|replaced|reset)"
               rf"\s+(?:to|into|in|as|so)\b", re.I),
    re.compile(rf"{_ONE}\s+(?:now\s+|then\s+|instead\s+)?becom(?:es|e)\s+(?:the|an?|equal\s+to|\$)"
               rf"{_SAME}", re.I),
    re.compile(rf"\blet\s+{_ONE}\s+(?:\w+\s+)?(?:now|instead)\s+(?:be|denote|stand|mean)\b{_SAME}",
               re.I),
    re.compile(rf"{_ONE}\s*(?:를|을)\s*[^$.\n]{{1,40}}?(?:로|으로)\s*(?:바꾸|바꿔|바꾼|변경|수정|교체|대체)"),
    # round 19 F5: the name as the subject of a copula with a definite noun phrase — "Now $f$ is
    # the ReLU", "$f$ is now the ReLU", "Suppose instead that $f$ is a different function",
    # "What if $f$ were the ReLU?" (*$f$ is a convex function* describes it: not read here)
    re.compile(rf"{_ONE}\s+(?:is|was|were|be|being|shall\s+be|will\s+be)\s+(?:now\s+|instead\s+|"
               rf"again\s+|henceforth\s+)?(?:the\s+(?!same\b|above\b|previous\b|former\b|one\s+"
               rf"above\b|function\s+(?:above|defined|given)\b)|an?\s+(?:new|different|other|second|"
               rf"third|another)\b|another\b|some\s+other\b)", re.I),
    # "think of / regard / view / treat / read $f$ as …", "with the ReLU as $f$", "in place of
    # $f$", "instead of $f$"
    re.compile(rf"\b(?:think\w*\s+of|regard\w*|view\w*|treat\w*|read\w*|interpret\w*|"
               rf"consider\w*)\s+{_ONE}\s+as\b{_SAME}", re.I),
    re.compile(rf"\b(?:with|using|taking|choosing)\s+(?:the|a|an)\s+[^$.;\n]{{1,50}}?\s+as\s+{_ONE}",
               re.I),
    re.compile(rf"\b(?:in\s+place\s+of|instead\s+of|rather\s+than)\s+{_ONE}", re.I),
    # Korean: $f$를 ReLU로 두자 / 쓰자 / 하자, $f$ 대신
    re.compile(rf"{_ONE}\s*(?:를|을|는|은)\s*[^$.\n]{{1,40}}?(?:로|으로|이라고|라고|이라|라)\s*"
               rf"(?:두|놓|쓰|하자|하면|정하)"),
    re.compile(rf"{_ONE}\s*대신"),
    # round 19 F9: a copula with a formula or a proper name ("Now $f$ is $\tanh$", "$f$ is
    # ReLU", "Our $f$ is from now on $\max(0, x)$"), "will denote", "swap in … for $f$", Korean
    # "$f$가 ReLU라고 하자", "$f$가 ReLU인 경우", "$f$가 ReLU일 때"
    re.compile(rf"{_ONE}\s+(?:is|was|were|be|will\s+be)\s+(?:now\s+|instead\s+|henceforth\s+|"
               rf"from\s+now\s+on\s+|from\s+here\s+on\s+)?(?:\$(?!{_CLASS_FORMULA})|(?!I\b|{_PROPERTY_NAME})"
               rf"[A-Z][A-Za-z]*\b)"),
    re.compile(rf"{_ONE}\s+will\s+(?:now\s+|instead\s+)?(?:denote|be|mean|represent|stand\s+for|"
               rf"refer\s+to)\b{_SAME}", re.I),
    re.compile(rf"\bswap\w*\s+in\s+[^$.;\n]{{1,50}}?\s+for\s+{_ONE}", re.I),
    re.compile(rf"{_ONE}\s*(?:가|이)\s*[^$.\n]{{1,40}}?(?:라고|이라고|라|이라)\s*(?:하자|하면|두자|가정)"),
    re.compile(rf"{_ONE}\s*(?:가|이)\s*[^$.\n]{{1,30}}?(?:인|일)\s*(?:경우|때)"),
    # round 19 F6: arithmetic on a defined name — "add $m$ to $k$", "multiply $k$ by 3", "$k$
    # gets multiplied by three", "$k$ grows by $m$", "take $k$ twice as large", increment
    re.compile(rf"\b(?:add\w*|subtract\w*)\s+[^.;\n]{{0,40}}?\s*(?:to|from)\s+{_ONE}", re.I),
    re.compile(rf"\b(?:multipl\w*|divid\w*|increment\w*|decrement\w*|squar\w*|cub\w*|invert\w*|"
               rf"round\w*|clip\w*|normali[sz]\w*|reset\w*)\s+{_ONE}", re.I),
    re.compile(rf"{_ONE}\s+(?:gets|is|was|becomes|has\s+been)\s+(?:\w+\s+)?(?:multiplied|divided|"
               rf"increased|decreased|doubled|halved|tripled|scaled|shifted|reduced|incremented|"
               rf"decremented|squared|negated|updated|changed)\b", re.I),
    re.compile(rf"{_ONE}\s+(?:grows|shrinks|increases|decreases|doubles|halves|drops|rises|changes|"
               rf"moves|jumps)\b", re.I),
    re.compile(rf"\b(?:take|make|let)\s+{_ONE}\s+(?:\w+\s+)?(?:times|as\s+large|as\s+big|as\s+small|"
               rf"larger|smaller|bigger|greater)\b", re.I),
    # round 20 F8: "Let $f(x)$ be $\max(0, x)$", "Denote the ReLU by $f$", "Let us call the ReLU
    # $f$", "the ReLU plays the role of $f$"
    re.compile(r"\blet\s+\$\s*([A-Za-z\\]+)\s*\([^$]*\)\s*\$\s+(?:now\s+|instead\s+|from\s+now\s+on\s+)?"
               rf"(?:be|denote|stand\s+for|mean|equal)\b{_SAME}", re.I),
    re.compile(rf"\bdenot\w*\s+[^$.;\n]{{1,50}}?\s+by\s+{_ONE}", re.I),
    re.compile(rf"\bcall\w*\s+(?:it\s+|this\s+|that\s+|the\s+[^$.;\n]{{1,40}}?\s+)?{_ONE}", re.I),
    re.compile(rf"\brole\s+of\s+{_ONE}", re.I),
)
# a formula that moves a value into a defined name or gives it a map: "$k \gets k + m$",
# "$k \mathrel{+}= m$", "$f \colon x \mapsto \max(0, x)$", "$f \colon \mathbb{R} \to
# \mathbb{R}$, $x \mapsto …$" (round 19 F6, F7)
MOVING = (
    re.compile(r"\$\s*((?:\\[A-Za-z]+\s*\{\s*)?[A-Za-z]+(?:\s*\})?(?:_\{?\w+\}?)?)\s*(?:\\gets|"
               r"\\leftarrow|\\longleftarrow|\\Leftarrow|\\Longleftarrow|\\mathrel\s*\{?\s*[-+*/]\s*\}?\s*=|"
               r"[-+*/]=)"),
    re.compile(r"\$\s*((?:\\[A-Za-z]+\s*\{\s*)?[A-Za-z]+(?:\s*\})?)\s*(?:\\colon|:)\s*[^$]*?"
               r"(?:\\mapsto|\$\s*,?\s*(?:and\s+)?\$[^$]*\\mapsto)"),
    # "$f \equiv 0$", "$f(x) \equiv 0$" (round 20 F8)
    re.compile(r"\$\s*((?:\\[A-Za-z]+\s*\{\s*)?[A-Za-z]+(?:\s*\})?)\s*(?:\([^$)]*\))?\s*\\equiv"),
    # the name on the right of a definition sign: "$x^3 =: f(x)$", "\eqqcolon f" (round 21 F5)
    re.compile(r"(?:=:|\\eqqcolon)\s*((?:\\[A-Za-z]+\s*\{\s*)?[A-Za-z]+(?:\s*\})?)"),
)
# a function given a bare formula: "$f = x^3$" after $f(x) = x^2$ (round 21 F5: read both ways
# before, the claims after it used the old formula)
FUNCTION_MOVING = re.compile(r"\$\s*((?:\\[A-Za-z]+\s*\{\s*)?[A-Za-z]+(?:\s*\})?)\s*(?::?=)(?!=)[^$]+\$")


def redefined_in_words(text: str, section_end, definitions) -> list[Replacement]:
    """The names defined by a formula (``definitions``: the note's, with start, end, role and
    key) that words give a new meaning in their section (:data:`REDEFINING`): each holds from
    the words to the name's next formula or its section's end (round 15 F29)."""
    found = []
    # what kind of words: "words" (a wording of change), "bare" (a bare mention: never of a
    # letter set equal to a letter, i = k is an index), "function" ($f = x^3$: of a function)
    matches = [(match, "words") for pattern in REDEFINING + MOVING
               for match in pattern.finditer(text)]
    matches += [(match, "bare") for match in bare_mentions(text)]
    matches += [(match, "function") for match in FUNCTION_MOVING.finditer(text)]
    for match, kind in matches:
        name = " ".join(match.group(1).split())
        if not NAME.match(name):
            continue
        line = text.count("\n", 0, match.start()) + 1
        bare = name.lstrip("\\")
        # round 18 F19: on the words' own line, a definition written before them counts
        earlier = [d for d in definitions if _name_of(d) == bare and line <= d.end
                   and _before(d, line, match.start())
                   and getattr(d.role, "value", "") == "definition"
                   and not (kind == "bare" and getattr(d.value, "is_Symbol", False))
                   and (kind != "function" or d.key[0] == "function")]
        if not earlier:
            continue  # "Let $g$ be a differentiable function.": its first meaning
        later = [d.start for d in definitions if _name_of(d) == bare
                 and not _before(d, line, match.start())]
        # up to its next formula (one later on the words' own line: their line, undecided)
        end = min([section_end(line)] + [max(start - 1, line) for start in later])
        words = _sentence_around(text, match)
        found.append(Replacement(name, _pattern(name.strip()), line, end, words,
                                 match.start()))
    return sorted(found, key=lambda r: r.line)


def _sentence_around(text: str, match: re.Match) -> str:
    """The words of ``match``'s sentence (to the periods or line ends around it), for the
    report."""
    start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    stop = min((i for i in (text.find(".", match.end()), text.find("\n", match.end()))
                if i >= 0), default=len(text))
    return " ".join(text[start:stop].split())[:100]


def _before(definition, line: int, offset: int) -> bool:
    """Whether ``definition`` is written before the words at ``offset`` on ``line``; on their
    line with its place unknown (a definition read from words), it is (round 19 F6)."""
    if definition.start != line:
        return definition.start < line
    return getattr(definition, "offset", -1) < offset


def _name_of(definition) -> str:
    """The defined name of a definition, as written bare (``g``, ``sigma``)."""
    kind, key = definition.key[0], definition.key[1]
    if kind == "function":
        return str(key).lstrip("\\")
    return str(getattr(key, "name", key)).lstrip("\\")


# A later bare mention of a defined name, alone in its formula (``$f$``), in a sentence that
# is not one of a few shapes that describe it: a possible new meaning (round 21 F3). Missing
# shapes cost a proof; missing wordings of a new meaning had cost soundness (rounds 15–21).
_FORMULA = re.compile(r"\$\$.*?\$\$|\$[^$\n]{1,400}\$", re.S)
_BARE = re.compile(r"^\$\s*((?:\\[A-Za-z]+|[A-Za-z])(?:_\{?\w+\}?)?)\s*\$$")
_PROPERTIES = (r"(?:even|odd|convex|concave|continuous|differentiable|smooth|increasing|"
               r"decreasing|monotone|monotonic|bounded|unbounded|positive|negative|nonnegative|"
               r"non-negative|linear|nonlinear|non-linear|periodic|injective|surjective|bijective|"
               r"invertible|integrable|symmetric|nonzero|non-zero|real|defined\s+(?:above|"
               r"earlier|before|in|on|for|everywhere)|given\s+(?:above|earlier|before|in)|as\s+"
               r"(?:above|before|defined|given)|(?:strictly|twice|infinitely|continuously|"
               r"uniformly|locally|globally)\s+\w+|Lipschitz)")
_DESCRIBING_AFTER = re.compile(
    rf"^\s*(?:(?:is|are|was|were|remains|stays)\s+(?:also\s+|still\s+|again\s+|clearly\s+|"
    rf"indeed\s+|then\s+|everywhere\s+)?(?:an?\s+)?{_PROPERTIES}|'s\b|has\b|have\b|attains\b|"
    rf"takes\s+(?:its|the|a)\b|satisfies\b|vanishes\b|at\s|on\s|over\s|with\s+respect\s+to\b|"
    rf"above\b|(?:and|or|,)\s*\$|"
    # the same meaning again: "$g$ denotes the same function", "Let $g$ be as above" (15 F29)
    rf"(?:be|is|denotes?|stands\s+for|means|will\s+(?:be|denote))\s+(?:as\s+(?:above|before|"
    rf"defined|given)|the\s+(?:same|above|previous|former)\b|unchanged|this\b|that\b|it\b)"
    rf"{_MODIFIED}|"
    # a kind or a class: "$u$ is a function with …", "$f$ is $C^1$", "$f$ is $2\pi$-periodic"
    rf"is\s+an?\s+(?!new\b|different\b|other\b|second\b|third\b|another\b)(?:[\w-]+\s+)?"
    rf"(?:function|map|mapping|solution)\b|is\s+\${_CLASS_FORMULA}|(?:의|를\s*미분|을\s*미분|에\s*대해|에\s*대한|와\s*\$|과\s*\$|"
    rf"(?:는|은|가|이)\s*(?:모두\s*)?(?:연속|미분\s*가능|볼록|증가|감소|각각)))", re.I)
_DESCRIBING_BEFORE = re.compile(
    r"(?:\b(?:values?|graph|derivatives?|gradient|zeros?|roots?|integral|domain|range|minimum|"
    r"maximum|minima|maxima|plot|arguments?|inverse|properties|slope|behaviou?r|output|input|"
    r"shape|curve|limit|image|expansion|series)\s+of|\band|\bor|\bapply(?:ing)?|\bapplied|\bcompute|\bcomputing|\bevaluat\w*|"
    r"\bdifferentiat\w*|\bintegrat\w*|\bminimi[sz]\w*|\bmaximi[sz]\w*|\bplot\w*|\bgraph|"
    r"\bderivative|\bgradient|와|과|및|\$[^$\n]{1,40}\$\s*,)\s*(?:\$[^$\n]{1,40}\$\s*(?:와|과|and|,)\s*)?$",
    re.I)  # (a comma only in a list of formulas: "From now on, $f$ equals …" describes nothing)
# words right before the name that give it a meaning, whatever follows: "Let the ReLU be $f$",
# "use the ReLU as $f$", "denote it by $f$", "call it $f$", "written $f$"
_GIVING_BEFORE = re.compile(r"\b(?:be|as|for|by|call\w*|denot\w*|writ\w*|named?|to|into|equals?|"
                            r"is|are|becomes?|set|take|pick|choose|assign\w*|use|using)\s*$", re.I)


# words of change anywhere in the sentence: a describing shape at its start does not make a
# sentence that changes the name a description ("$f$ has a new formula", "$f$'s formula is
# changed to …", "$f$ is zero for negative inputs from now on": round 22 F3)
_CHANGE = re.compile(
    r"\b(?:now|from\s+now|henceforth|hereafter|new|newly|chang\w*|replac\w*|instead|redefin\w*|"
    r"becom\w*|modif\w*|switch\w*|updat\w*|takes?\s+the\s+form|set\s+to|defined\s+(?:by|as)|"
    r"definition|formula|meaning|rule|role|relu|sigmoid|tanh|softmax|softplus|rectifier)\b"
    r"|\\max|\\min|이제|바꾸|바꿔|대신|새|둔다|두자|정의|식을|식은", re.I)
# how the grammar writes one name: spacing, empty groups, braces and a font around it
_SPACING = re.compile(r"\\[,!;:>]|~|\{\s*\}|\\(?:mathit|mathrm|mathnormal|boldsymbol|mathbf|bm|"
                      r"operatorname)\s*(?=\{)")


def _one_name(formula: str) -> str:
    r"""``formula`` (``$…$``) without what does not change the name it holds (``${f}$``,
    ``$f\,$``, ``$\mathit{f}$`` are ``$f$``: round 22 F14)."""
    body = _SPACING.sub("", formula[1:-1]).strip()
    while re.fullmatch(r"\{[^{}]*\}", body):
        body = body[1:-1].strip()
    return f"${body}$"


def bare_mentions(text: str) -> list[re.Match]:
    """The bare mentions of a name (``$f$``) in ``text`` that no describing shape around them
    explains (see :data:`_BARE`), in a sentence with no word of change (:data:`_CHANGE`)."""
    found = []
    for formula in _FORMULA.finditer(text):
        if not (match := _BARE.match(_one_name(formula.group()))):
            continue
        after = text[formula.end():formula.end() + 80]
        before = text[max(0, formula.start() - 60):formula.start()]
        stop = re.search(r"[.!?。\n]", text[formula.end():formula.end() + 300])
        rest = text[formula.end():formula.end() + (stop.start() if stop else 300)]
        start = max(text.rfind(".", 0, formula.start()), text.rfind("\n", 0, formula.start()))
        sentence = text[start + 1:formula.start()] + " " + rest
        if not _GIVING_BEFORE.search(before) and not _CHANGE.search(sentence) and (
                _DESCRIBING_AFTER.match(after) or _DESCRIBING_BEFORE.search(before)):
            continue
        found.append(_At(match.group(1), formula.start()))
    return found


@dataclass(frozen=True)
class _At:
    """A name found at ``offset`` (the shape of a match, for :func:`redefined_in_words`)."""
    name: str
    offset: int

    def group(self, _index: int = 0) -> str:
        return self.name

    def start(self) -> int:
        return self.offset

    def end(self) -> int:
        return self.offset + len(self.name) + 2
