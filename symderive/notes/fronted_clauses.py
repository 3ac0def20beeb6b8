r"""Words around a formula, and a sentence that changes a meaning from then on, may make the
formula mean something other than what the note defined before (round 32a F15, F16, F18;
round 30 F04; round 34a):

* *Replacing the square by the cube, $f(3) = 27$.*
* *Had we used the cube, $f(3) = 27$.* / *The cube gives $f(3) = 27$.*
* *$f(3) = 27$ and $f(-2) = -8$ for the cube.*
* *세제곱일 때는 $f(3) = 27$이다.*
* *From now on the map is the cube. $f(3) = 27$.* / *Suppose we use the cube instead. …*

Every review found another wording of this kind, so they are read the other way round: not by
the words that change a meaning, but by the words known to change none. The words that count
are

* in English, every word of the formula's sentence before it (:func:`framing`; after the last
  piece of mathematics: the rows of its display before it are no words) and those of its own
  clause after it (:func:`trailing`);
* in Korean, the clause of a condition or a time before it (*…일 때*, *…이면*, *…라면*, *…경우*):
  Korean notes put a caption or a running sentence before a display without a full stop (seed
  002, line 108), so only such a clause is read there;
* the sentence right before the formula's, written without mathematics, opening with *From now
  on*, *Henceforth*, *In what follows*, *Suppose*, *Now take*, 이제부터, 이후에는 … or ending in a
  Korean *-자* (:func:`scope_sentence`).

Such words are *read* when each of them is a connective, a function word, a verb of
calculation, a noun of calculus, a word of signs and cases that other readers read, a name of
a rule or a reference (:data:`NEUTRAL`, :data:`KOREAN_NEUTRAL`); a verb of substitution only
before a value (:data:`SUBSTITUTING`), a quantifier or kind that widens a domain only where the
words bound the letters (:data:`QUANTIFYING`). A step whose verdict relies on what the note
said before (its ``used``) and whose words hold any other word is *undecided*
(:func:`symderive.notes.refutation_guard.guarded`): the note may have changed what it relies
on there. This only ever says less. A step relying on nothing the note said is not read here:
the meaning of its numbers (*On a clock, $9 + 5 = 2$*) is the refutation guard's other
structures' and the case words' business.
"""

from __future__ import annotations

import re

# English words that change no meaning: connectives, function words, verbs of calculation,
# nouns of calculus, names of rules and references. A word outside this set is not read. Not
# here (round 34a): words that widen or narrow a domain (every, any, arbitrary, real, integer,
# general, regardless), point elsewhere (other, previous, earlier, last, instead), round
# (rounded, integers, places) or name an exponent (power, third); and verbs of substitution
# (setting, putting, taking, substituting …), read only before a value (:data:`SUBSTITUTING`).
NEUTRAL = frozenset("""
a an the this that these those it its we us our one ones you he she they them is are was were be
been being has have had having do does did can could may might must will would shall should get
gets got getting obtain obtains obtained find finds found see sees saw know knows write writes
wrote rewrite rewriting rewritten note notice observe recall recalling remember remark conclude
concluding follows follow following it's let let's lets and or but so thus hence therefore
consequently then now next also again finally first firstly secondly lastly moreover furthermore
besides additionally similarly likewise analogously equivalently indeed clearly obviously
evidently trivially certainly of course in fact particular example instance e.g. i.e. eg ie
short summary by at on for to from with within as since because given when whenever where
wherever if once while after before definition definitions construction symmetry linearity
induction above below same equation equations eq eqs eqn identity identities formula formulas
result results lemma theorem proposition corollary claim property properties rule rules chain
product quotient step steps line lines expression expressions term terms side sides hand
applying apply applied using use used combining combine expanding expand expanded simplifying
simplify simplified rearranging rearrange collecting collect factoring factorising factorizing
differentiating differentiate integrating integrate evaluating evaluate computing compute
calculating calculate solving solve dividing divide multiplying multiply adding add subtracting
subtract cancelling canceling cancel grouping group noting noticing observing writing yields
yield gives give gave leads lead shows show shown reduces reduce reads read reading holds hold
true l'hôpital l'hospital hôpital hospital's l'hôpital's value values point points respect wrt
w.r.t. w.r.t derivative derivatives positive negative nonnegative non-negative nonpositive
non-positive nonzero non-zero strictly scalar scalars input inputs independent exact exactly say
says said state states stated there here section chapter paragraph text joint law laws
distribution distributions list what which method methods proof proofs comparing compare
compared resembles resemble computation computations calculation calculations derivation
derivations done answer quickly easily directly immediately readily desired required claimed
expected wanted needed promised asserted prove proves verify verifies check checks function
functions variable variables gradient gradients partial partials vector vectors matrix matrices
element elements entry entries component components limit limits integral integrals their his
her choice choices chosen label labels slope slopes sample samples special energy loss losses
cost error errors output outputs weight weights bias ii iii iv vi vii viii define defined
defining nothing need needs hessian hessians jacobian jacobians sanity geometrically intuitively
informally formally tangent steeper steep consider considering no not
""".split())
# verbs of substitution: read when every formula of the words gives a letter a value or a
# bound (*Setting $x = 3$*, *Plugging in $x = 2$*), not one that replaces an expression
# (*Setting the power to $3$*, *Putting $x^3$ for $x^2$*)
SUBSTITUTING = frozenset("""
setting set putting put letting taking take substituting substitute substituted
plugging plug plugged inserting insert choosing choose assume assumed assuming suppose
supposing case
""".split())
# quantifiers and kinds that widen a domain (*For every real number*, round 34a F22): read only
# where the words also bound the letters (*For every real $x \ge 0$*, *For every positive $u$*)
# or give them a kind that is no domain (*for any matrix $\mathbf{X}$*)
QUANTIFYING = frozenset("""
every all any each arbitrary real reals integer integers natural naturals number numbers
""".split())
KOREAN_QUANTIFYING = re.compile(r"^(?:모든|임의의|어떤|실수|정수)(?:에|에서|인|일|의)?$")
BOUNDING = re.compile(r"\$[^$]*(?:[<>≤≥≠∈]|\\(?:le|ge|leq|geq|ne|neq|lt|gt|in)\b)[^$]*\$"
                      r"|\b(?:positive|negative|non-?negative|non-?positive|non-?zero|matri(?:x|ces)"
                      r"|vectors?)\b|양수|음수|양의|음의|행렬|벡터", re.I)
VALUE_GIVEN = re.compile(r"^\$\s*(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?\w+\}?)?\s*(?:=|:=|\\to|\\in|>|<"
                         r"|\\[lg]eq?\b|\\ne\b)\s*[-+]?\s*[\d.]+\s*\$$")
# the cases a claim is made in, read by the case reader (its reason says "one of the cases the
# claim is made in"); elsewhere *In all cases* widens a domain (round 35 F12)
CASES_READ = re.compile(r"\b(?:in\s+)?(?:both|each|every|all|either)\s+(?:cases?|ways?)\b", re.I)
# phrases of words not otherwise read: "in other words", "square matrices", "in general" is no
# such phrase (it widens a domain)
PHRASES = re.compile(r"\bin\s+other\s+words\b|\bsquare\s+matri(?:x|ces)\b|\bon\s+the\s+other\s+hand\b"
                     r"|\b(?:left|right)[\s-]+hand\s+sides?\b|\bnothing\s+new\b"
                     r"|\b(?:do|does|did)\s+not\s+redefine\b"
                     r"|\banother\s+way\s+(?:to\s+(?:write|put|say|see)|of\s+(?:writing|putting|saying"
                     r"|seeing))\b|\bas\s+well\b", re.I)

KOREAN_CONDITION = re.compile(r"(?:때|때는|때에는|때에|때엔|면|면은|라면|다면|경우|경우에|경우에는|경우엔"
                              r"|에서는|하에서|하에서는|으로는|로는|이라서|(?<!따)라서|이므로|므로|바꾸어|바꿔"
                              r"|대신|대신에|대해서는|대해선|대하여는|대해|대해서|대하여|때의|때도|에서|니"
                              r"|여도|라도|이어도|해도)(?=[\s,.;:]|$)")
# Korean words that change no meaning (a formula, masked, leaves its particle behind)
KOREAN_NEUTRAL = re.compile(
    r"^(?:따라서|그러므로|그러면|그럼|즉|이때|이\s*때|여기서|이제|마찬가지로|또한|특히|예를|들어|예컨대|"
    r"그리고|또|다시|먼저|우선|끝으로|결국|결과적으로|각|각각의|"
    r"[이가은는을를에의와과도로]|으로|에서|에서는|에서도|에\s*대해|대해|대해서|대하여|대한|"
    r"일|일\s*때|인|이고|이며|이면|이라면|라면|면|일때|때|때는|때에는|때에|경우|경우에는|경우에|"
    r"정리하면|계산하면|미분하면|적분하면|대입하면|전개하면|풀면|풀어\s*쓰면|나누면|곱하면|더하면|빼면|"
    r"양변을|양변에|식을|식에|위|위의|앞|앞의|이를|이것을|그|이|위\s*식을|정의에|정의에\s*의해|정의로부터|"
    r"연쇄\s*법칙에|연쇄법칙에|연쇄법칙을|의해|의해서|따라|따르면|적용하면|이용하면|사용하면|"
    r"새로|두면|놓으면|하면|이므로|므로|으므로|때문에|"
    r"(?:양수|음수|정수|자연수|실수|양의\s*실수|음의\s*실수)(?:일|이면|인|이고|이며|이므로|라면|이라면)?|"
    r"(?:도함수|함수|기울기|값|미분|변수|벡터|행렬|입력|출력|손실|오차)(?:은|는|이|가|을|를|의|에|에서|로|으로"
    r"|와|과|도)?|"
    r"[,.;:])$")
SCOPE_OPENER = re.compile(
    r"^\W*(?:from\s+now\s+on|from\s+here\s+on|henceforth|hereafter|hereinafter|going\s+forward"
    r"|from\s+this\s+point(?:\s+on(?:ward)?)?|from\s+then\s+on|for\s+the\s+rest\s+of"
    r"|for\s+the\s+remainder\s+of|in\s+what\s+follows|in\s+the\s+following|throughout"
    # round 34a F12: a supposition or a choice made in words only
    r"|suppose|supposing|imagine|what\s+if|instead|let\s+us|let's|consider"
    r"|now\s+(?:take|let|consider|use|suppose|assume|switch|replace|change|pick|choose))\b"
    r"|^\W*(?:이제부터|지금부터|앞으로|이하에서|이후로|이후에는|여기서부터|이제)", re.I)
SCOPE_KOREAN_END = re.compile(r"(?:하자|두자|쓰자|생각하자|사용하자|바꾸자|놓자|가정하자)\W*$")

# commands of prose in LaTeX: a reference, an emphasis, a citation
LATEX_TEXT = re.compile(r"\\(?:ref|eqref|cref|Cref|cite|label|emph|textbf|textit|text|mathrm)\s*"
                        r"(?:\[[^\]]*\])?\{[^{}]*\}|[{}~]|\\(?=[\s,;]|$)")  # (and cf.\ Section~2)
# a result named after people: Jensen's inequality, Bayes' rule, Prof. Kim's lemma, the
# Cauchy-Schwarz inequality
NAMED_RESULT = re.compile(
    r"\b(?:[A-Z][\w.]*\s+){0,3}[A-Z][\w–-]*(?:['’]s?)?\s+(?:lemma|theorem|rule|inequality|formula|"
    r"identity|law|expansion|decomposition|trick|bound)\b")
# a step of calculation on the formula's own terms: expanding the square, taking the square root
CALCULATION = re.compile(r"\b(?:expanding|completing|expand|complete)\s+the\s+square\b"
                         r"|\bdifferentiat\w*\s+(?:\w+\s+)?twice\b|\bthe\s+general\s+case\b", re.I)
MATH = re.compile(r"\$[^$]*\$|\u27e8[A-Z]\u27e9")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# words, blanks and inline formulas, each a token of its own
TOKENS = re.compile(r"(\$[^$]*\$|\s+)")
WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z]|[A-Za-z]")


def framing(before: str) -> str:
    """The words before a formula that count (see the module), given the words of its sentence
    before it with its mathematics shown (inline math as written, displays as ⟨D⟩); ''
    when there are none."""
    words = _prose_tail(re.split("\u27e8D\u27e9", before or "")[-1])
    return _conditional_clause(words) if _korean(words) else words


def _conditional_clause(words: str) -> str:
    """The Korean clause of a condition or a time among ``words``: its last marker (…일 때,
    …이면, …경우) and at most four words before it, back to a comma or a sentence's end (which
    d2l's Korean often writes without a blank: *뒷받침됩니다.이 도함수는*); '' when there is
    none."""
    tokens = TOKENS.split(words)
    marks = [index for index, token in enumerate(tokens)
             if not token.startswith("$") and KOREAN_CONDITION.search(token)]
    if not marks:
        return ""
    start = end = marks[-1]
    taken = 0
    while start > 0 and taken < 4:
        token = tokens[start - 1]
        if token.strip() and not token.startswith("$"):
            if re.search(r"[,.;:]$|[다요]\.?$", token):
                break
            taken += 1
        start -= 1
    clause = "".join(tokens[start:end + 1]).strip()
    return re.split(r"[.](?=\S)", clause)[-1].strip()


def _korean(words: str) -> bool:
    """Whether the words are a Korean sentence (more Korean words than English ones: *With the
    cube (세제곱),* is English)."""
    prose = MATH.sub(" ", words or "")
    korean = sum(1 for token in prose.split() if HANGUL.search(token))
    return korean > 0 and korean >= len([word for word in WORD.findall(prose) if len(word) > 1])


def _prose_tail(words: str) -> str:
    """The words after the last row of a display written before the formula (a row break
    ``\\\\``, an alignment ``&``, ``\\begin``, ``\\end``): the prose right before the formula,
    with mathematics written outside dollars left out (``x -> x^3``, ``\\frac{a}{b} =``) but its
    words kept (round 34a F20)."""
    tokens = TOKENS.split(words)
    kept: list[str] = []
    for token in reversed(tokens):
        if token.startswith("$") or not token.strip():
            kept.append(token)
            continue
        if re.search(r"\\\\|&|\\(?:begin|end)\b", token):
            break
        kept.append(" " if _mathlike(token) else token)
    return " ".join("".join(reversed(kept)).split())


def _mathlike(token: str) -> bool:
    """Whether a token written outside dollars is mathematics (a display's row): a command that
    is no reference or emphasis, a row break, an alignment, a relation, a script."""
    return bool(re.search(r"\\|[=&^_{}<>]", LATEX_TEXT.sub("", token)))


def unread_words(clause: str, cases_read: bool = False, domain_used: bool = True) -> list[str]:
    """The words of ``clause`` (its mathematics masked) that are not known to change no
    meaning; Korean words count in a Korean sentence only; *in all cases* only where the case
    reader read the cases (``cases_read``); a quantifier is read as it stands where no domain
    or example value of the note is relied on (``domain_used``): it widens nothing then."""
    values_only = all(VALUE_GIVEN.match(piece) for piece in MATH.findall(clause or "")
                      if piece.startswith("$"))
    bounded = bool(BOUNDING.search(clause or "")) or not domain_used
    korean = _korean(clause)
    prose = MATH.sub(" ", clause or "")
    for phrase in (LATEX_TEXT, NAMED_RESULT, CALCULATION, PHRASES) + (
            (CASES_READ,) if cases_read else ()):
        prose = phrase.sub(" ", prose)
    found = []
    for token in re.sub(r"[,.;:()\[\]]", " ", prose).split():
        if HANGUL.search(token):
            if korean and not KOREAN_NEUTRAL.match(token) and not (
                    bounded and KOREAN_QUANTIFYING.match(token)):
                found.append(token)
            continue
        for word in WORD.findall(token):
            bare = word.lower().strip(".'’-")
            if len(bare) <= 1 or bare in NEUTRAL or (values_only and bare in SUBSTITUTING) or (
                    bounded and bare in QUANTIFYING):
                continue
            found.append(word)
    return found


# a sentence without mathematics that changes a meaning wherever its verb stands (*We now
# switch to the cube.*: round 35 F03)
CHANGE_WORDS = re.compile(r"\b(?:switch\w*\s+to|chang\w*\s+(?:to|into|it|the|our|f)|replac\w*|swap\w*"
                          r"|redefin\w*|instead\s+of)\b|바꾸|바꿔|교체|재정의", re.I)


def scope_sentence(previous: str) -> str:
    """The sentence before the formula's when it changes a meaning from then on in words only
    (*From now on the map is the cube.*): it opens with a scope phrase and holds no
    mathematics; '' otherwise."""
    if not previous or MATH.search(previous) or not (SCOPE_OPENER.match(previous)
                                                     or SCOPE_KOREAN_END.search(previous)
                                                     or CHANGE_WORDS.search(previous)):
        return ""
    return previous


def trailing(after: str) -> str:
    """The English words of a formula's own clause after it (*$f(3) = 27$ for the cube.*): up to
    the next formula, a comma, a semicolon, a colon or a conjunction opening another clause;
    '' when they open a sentence of their own (a capital after a display written without a
    full stop: *$$…$$ For all real $x$, …*) or are Korean, whose sentence ends in its verb
    there (*…이다*)."""
    words = after or ""
    for _ in range(10):  # "$f(3) = 27$ and $f(-2) = -8$ for the cube": the list's words
        listed = re.match(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?\$[^$]*\$", words)
        if not listed or not re.match(r"\s*(?:,|and\b|or\b)", words):
            break
        words = words[listed.end():]
    words = re.split("\u27e8D\u27e9|\\$", words)[0].lstrip(" ,")  # (", when we use the cube")
    if HANGUL.search(words):  # "$f(3) = 27$이 세제곱에 대해 성립한다" (round 35 F08)
        return _conditional_clause(re.split(r"(?<=[다요])[.\s]", words)[0])
    words = re.split(r"[,;:]|\b(?:but|and|while|whereas|yet|so|then|i\.e\.|e\.g\.)\b",
                     words)[0].strip()
    if not words or words[0].isupper() or words[0] in ")]" or _mathlike(words):
        return ""  # (a formula in parentheses: the words after them are the sentence's)
    return words


def unread_framing(before: str, previous: str, after: str = "", cases_read: bool = False,
                   domain_used: bool = True) -> str:
    """The words that may change the formula's meaning and are not read: the words before it,
    after it, or the scope sentence before it, quoted ('' when every word of them is read)."""
    for clause in (framing(before), trailing(after)):
        if clause and unread_words(clause, cases_read, domain_used):
            return clause
    scope = scope_sentence(previous)
    if scope and unread_words(SCOPE_KOREAN_END.sub(" ", SCOPE_OPENER.sub(" ", scope, count=1))):
        return scope
    return ""
