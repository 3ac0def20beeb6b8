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
* in Korean, the clause of a condition or a time before it (*…일 때*, *…이면*, *…라면*, *…경우*),
  or else a short label ending in a colon (*- 세제곱: $f(3) = 27$*): Korean notes put a caption or
  a running sentence before a display without a full stop (seed 002, line 108), so only such a
  clause is read there;
* the sentence right before the formula's, written without mathematics, opening with *From now
  on*, *Henceforth*, *In what follows*, *Suppose*, *Now take*, 이제부터, 이후에는 … or ending in a
  Korean *-자* (:func:`scope_sentence`), and such a sentence anywhere earlier in its paragraph;
* a display's lead-in paragraph when it ends in no full stop nor colon or names a variant
  (:data:`VARIANT`); for a display continuing a list of displays, the words before the list;
* the sentence before, when the formula's opens with *Similarly* (:data:`CONTINUING`);
* the sentence after, without mathematics, when it points back (:data:`POINTING_BACK`) or names
  a variant with its object (:data:`VARIANT_AFTER`), a footnote included; the nearest heading
  when it names a variant (round 36).

Such words are *read* when each of them is a connective, a function word, a verb of
calculation, a noun of calculus, a word of signs and cases that other readers read, a name of
a rule or a reference (:data:`NEUTRAL`, :data:`KOREAN_NEUTRAL`); a verb of substitution only
before a value (:data:`SUBSTITUTING`), a quantifier or kind that widens a domain only where the
words bound the letters (:data:`QUANTIFYING`), negations only where no domain is relied on
(:data:`NEGATING`) and never of a meaning (:data:`NOT_THE_SAME`), verbs of arithmetic only on
the sides of an equation (:data:`ARITHMETIC`). A step whose verdict relies on what the note
said before (its ``used``) and whose words hold any other word is *undecided*
(:func:`symderive.notes.refutation_guard.guarded`): the note may have changed what it relies
on there. This only ever says less. A step relying on nothing the note said is not read here:
the meaning of its numbers (*On a clock, $9 + 5 = 2$*) is the business of the refutation
guard's other structures, of :mod:`symderive.notes.other_readings` and of the case words.
"""

from __future__ import annotations

import re

from symderive.notes.sentence_marks import DISPLAY, MATH, prose

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
calculating calculate solving solve need needs needed multiplied divided added subtracted taken composition
compositions origin inner outer vanishes vanish familiar form logit logits class classes target
targets prediction predictions probability probabilities minus plus evaluated single right
sigmoid tanh relu softmax layer layers well-known known backwards backward forward going
application applications contributes contribute contribution moves move denotes denote
denoted stands stand means mean
 cancelling canceling cancel grouping group noting noticing observing writing yields
yield gives give gave leads lead shows show shown reduces reduce reads read reading holds hold
true l'hôpital l'hospital hôpital hospital's l'hôpital's value values point points respect wrt
w.r.t. w.r.t derivative derivatives positive negative nonnegative non-negative nonpositive
non-positive nonzero non-zero strictly scalar scalars input inputs independent exact exactly say
says said state states stated there here section chapter paragraph text joint law laws
distribution distributions list what which method methods proof proofs comparing compare
compared resembles resemble computation computations calculation calculations derivation
derivations done answer quickly easily directly immediately readily desired required claimed
expected wanted promised asserted prove proves verify verifies check checks function
functions variable variables gradient gradients partial partials vector vectors matrix matrices
element elements entry entries component components limit limits integral integrals their his
her choice choices chosen label labels slope slopes sample samples special energy loss losses
cost error errors output outputs weight weights bias ii iii iv vi vii viii define defined
defining hessian hessians jacobian jacobians sanity geometrically intuitively
informally formally tangent steeper steep consider considering via explicit explicitly mathematician
mathematicians encodes encode fact facts way everything zero except just simply only
exercise worked backpropagation backprop differentiation automatic introduction overview
background preliminaries notation setup recap review discussion appendix solution remarks
cross-entropy entropy one-hot encoded encoding

""".split())
# verbs of substitution: read when every formula of the words gives a letter a value or a
# bound (*Setting $x = 3$*, *Plugging in $x = 2$*), not one that replaces an expression
# (*Setting the power to $3$*, *Putting $x^3$ for $x^2$*)
SUBSTITUTING = frozenset("""
setting set putting put letting taking take substituting substitute substituted
plugging plug plugged inserting insert choosing choose assume assumed assuming suppose
supposing case
""".split())
# verbs of arithmetic on both sides of an equation (*Multiplying both sides by $x$*): read only
# where the words name the sides or the equations, not an operation on the map itself
# (*Multiplying by $x$ again, $f(3) = 27$*, *Adding one, $f(3) = 10$*: round 36 F03)
ARITHMETIC = frozenset("""dividing divide multiplying multiply adding add subtracting subtract
""".split())
SIDES = re.compile(r"\b(?:both|each|either|two|the)\s+(?:sides?|equations?|members?)\b|\bthrough\b|양변",
                   re.I)
# words of negation (*We do not need $x > 0$ here*, *Positive or not*, *Assume nothing.*: round
# 36 F01): read only where no stated domain or example value is relied on, which they may
# withdraw; a negation of a meaning (*The definition above is not the one used here*: round 37
# F05) never
NEGATING = frozenset("no not nothing none".split())
NEUTRAL = NEUTRAL - NEGATING
NOT_THE_SAME = re.compile(r"\b(?:not|no\s+longer|never)\s+(?:\w+\s+){0,2}?(?:the\s+)?(?:one|same|definition"
                         r"|function|map|meaning|formula)s?\b", re.I)
# quantifiers and kinds that widen a domain (*For every real number*, round 34a F22): read only
# where the words also bound the letters (*For every real $x \ge 0$*, *For every positive $u$*)
# or give them a kind that is no domain (*for any matrix $\mathbf{X}$*)
QUANTIFYING = frozenset("""
every all any each arbitrary real reals integer integers natural naturals number numbers
general generally
""".split())
MORE_GENERALLY = re.compile(r"\b(?:more|most|quite|very)\s+general(?:ly)?\b", re.I)
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
                     r"|\b(?:to\s+be\s+)?more\s+(?:explicit|precise|formal|concrete)(?:ly)?\b"
                     r"|\b(?:if|when|whenever|for)\s+instead\b"  # (the other case: *If instead $y < 0$*)
                     # what is put into a definition keeps the definition (*Plugging the softmax
                     # into the definition of the loss*)
                     r"|\b(?:plugging|substituting|inserting|putting)\s+(?:[\w-]+\s+){0,3}?into\s+"
                     r"(?:the|its|their|our)\s+definitions?\b"
                     r"|\banother\s+way\s+(?:to\s+(?:write|put|say|see)|of\s+(?:writing|putting|saying"
                     r"|seeing))\b|\bas\s+well\b", re.I)

KOREAN_CONDITION = re.compile(r"(?:때|때는|때에는|때에|때엔|면|면은|라면|다면|경우|경우에|경우에는|경우엔"
                              r"|에서는|하에서|하에서는|으로는|로는|이라서|(?<!따)라서|이므로|므로|바꾸어|바꿔"
                              r"|대신|대신에|대해서는|대해선|대하여는|대해|대해서|대하여|때의|때도|에서|니"
                              r"|여도|라도|이어도|해도|어도|아도)(?=[\s,.;:]|$)")
# Korean words that change no meaning (a formula, masked, leaves its particle behind)
KOREAN_NEUTRAL = re.compile(
    r"^(?:따라서|그러므로|그러면|그럼|즉|이때|반면|반면에|한편|이\s*때|여기서|이제|마찬가지로|또한|특히|예를|들어|예컨대|"
    r"그리고|또|다시|먼저|우선|끝으로|결국|결과적으로|각|각각의|예제|역전파|연습문제|풀이|개요|요약|참고|"
    r"[이가은는을를에의와과도로]|으로|에서|에서는|에서도|에\s*대해|대해|대해서|대하여|대한|"
    r"일|일\s*때|인|이고|이며|이면|이라면|라면|면|일때|때|때는|때에는|때에|경우|경우에는|경우에|"
    r"정리하면|계산하면|미분하면|적분하면|대입하면|전개하면|풀면|풀어\s*쓰면|나누면|곱하면|더하면|빼면|"
    r"양변을|양변에|식을|식에|위|위의|앞|앞의|이를|이것을|그|이|위\s*식을|정의에|정의에\s*의해|정의로부터|"
    r"연쇄\s*법칙에|연쇄법칙에|연쇄법칙을|의해|의해서|따라|따르면|적용하면|이용하면|사용하면|"
    r"새로|두면|놓으면|가정하면|가능하다고|가능하면|가능한|가능하고|모두|하면|이므로|므로|으므로|때문에|수식으로|식으로|나타내면|표현하면|쓰면|적으면|"
    r"법칙|법칙을|법칙만|미분의|미분을|행렬|알기만|알면|안다면|한다면|"
    r"(?:양수|음수|정수|자연수|실수|양의\s*실수|음의\s*실수)(?:일|이면|인|이고|이며|이므로|라면|이라면)?|"
    r"(?:도함수|함수|기울기|값|미분|변수|벡터|행렬|입력|출력|손실|오차|교차|엔트로피|교차\s*엔트로피|원\s*-?\s*핫"
    r"|소프트맥스|레이블|라벨|정답)(?:은|는|이|가|을|를|의|에|에서|로|으로"
    r"|와|과|도)?|"
    r"[,.;:])$")
SCOPE_OPENER = re.compile(
    r"^\W*(?:from\s+now\s+on|from\s+here\s+on|henceforth|hereafter|hereinafter|going\s+forward"
    r"|from\s+this\s+point(?:\s+on(?:ward)?)?|from\s+then\s+on|for\s+the\s+rest\s+of"
    r"|for\s+the\s+remainder\s+of|in\s+what\s+follows|in\s+the\s+following|throughout"
    # round 34a F12: a supposition or a choice made in words only
    r"|suppose|supposing|assume|assuming|imagine|what\s+if|instead|let\s+us|let's|consider"
    r"|(?:now|next)\W*(?:(?:we|let\s+us|let's|I)\s+)?(?:take|let|consider|use|suppose|assume|switch"
    r"|replace|change|pick|choose|work|turn|move|look|study|treat)"
    r"|we\s+(?:now|next)\s+(?:take|consider|use|work|turn|switch|move|look|study|treat|pick|choose))\b"
    r"|^\W*(?:이제부터|지금부터|앞으로|이하에서|이후로|이후에는|여기서부터|이제)", re.I)
SCOPE_KOREAN_END = re.compile(r"(?:하자|두자|쓰자|생각하자|사용하자|바꾸자|놓자|가정하자)\W*$")

# commands of prose in LaTeX: a reference, an emphasis, a citation
LATEX_TEXT = re.compile(r"\\(?:ref|eqref|cref|Cref|autoref|cite|citep|citet|label)\s*"
                        r"(?:\[[^\]]*\])?\{[^{}]*\}|[{}~]|\\(?=[\s,;]|$)")  # (and cf.\ Section~2)
# an emphasis keeps its words (*\emph{for the cube}*: round 36 F07)
EMPHASIS = re.compile(r"\\(?:emph|textbf|textit|textsl|textrm|text|mathrm|underline)\s*\{([^{}]*)\}")
# a LaTeX item's label (*\item[Cube:]*: round 36 F08) and a footnote's words (F06)
ITEM_LABEL = re.compile(r"\\item\s*\[([^\]]*)\]|\\footnote\s*\{([^{}]*)\}")


def _unwrapped(words: str) -> str:
    """The words with LaTeX emphasis, item labels and footnotes shown as their words."""
    return ITEM_LABEL.sub(lambda m: f" {m.group(1) or m.group(2) or ''} ",
                          EMPHASIS.sub(r"\1", words or ""))
# a result named after people: Jensen's inequality, Bayes' rule, Prof. Kim's lemma, the
# Cauchy-Schwarz inequality
NAMED_RESULT = re.compile(
    r"\b(?:[A-Z][\w.]*\s+){0,3}[A-Z][\w–-]*(?:['’]s?)?\s+(?:lemma|theorem|rule|inequality|formula|"
    r"identity|law|expansion|decomposition|trick|bound)\b")
# a step of calculation on the formula's own terms: expanding the square, taking the square root
CALCULATION = re.compile(r"\b(?:expanding|completing|expand|complete)\s+the\s+square\b"
                         r"|\bdifferentiat\w*\s+(?:\w+\s+)?twice\b|\bthe\s+general\s+case\b"
                         r"|\btak\w*\s+the\s+(?:partial\s+)?derivatives?\b"
                         r"|\b(?:expanding|expand|simplifying|simplify|taking|take|applying|apply"
                         r"|splitting|split)\s+the\s+(?:logarithms?|logs?|exponentials?|sums?|products?"
                         r"|fractions?|brackets|parenthes[ei]s|numerators?|denominators?)\b", re.I)
LISTING = re.compile(r"[\s,;]*(?:(?:and|or|as\s+well\s+as|and\s+also|resp\.|respectively|및|그리고|또는)"
                     r"[\s,;]*)?(?:(?:similarly|likewise|also|again|마찬가지로)[\s,;]*)?", re.I)
# a sentence that says it does the same as the one before (*Similarly, $f(-2) = -8$.*): the words
# of that one count too (round 34a F16a)
CONTINUING = re.compile(r"^\W*(?:similarly|likewise|analogously|correspondingly|in\s+(?:the\s+same|a\s+"
                        r"similar|like)\s+(?:way|manner|fashion)|the\s+same\s+way|by\s+the\s+same\s+"
                        r"(?:token|reasoning|argument)|마찬가지로|같은\s*(?:방법|방식)으로|동일하게|비슷하게)"
                        r"(?![A-Za-z])", re.I)
# a sentence right after the formula, without mathematics, that points back to it (*Here we
# used the cube.*, round 35 F07)
_WE_USED = (r"we\s+(?:have\s+)?(?:used|took|assumed|considered|chose|picked|applied"
            r"|worked)")
USED = re.compile(r"^\W*(?:(?:of\s+course|note\s+that|recall\s+that|again|also|clearly|here|above"
                  rf"|there)\W+)?{_WE_USED}\b", re.I)
POINTING_BACK = re.compile(r"^\W*(?:(?:of\s+course|note\s+that|recall\s+that|again|also|clearly"
                           rf"|obviously|indeed|so)\W+)?(?:{_WE_USED}|here|this|that|these|those"
                           r"|there|above|all\s+(?:of\s+)?this|everything|in\s+(?:this|that|the\s+"
                           r"above)|여기서|여기에서|이때|이\s*때|이는|이것은|위에서|위\s*식)(?![A-Za-z])", re.I)
# the same after the formula, with an object (*instead of the square*; not a discourse *Instead,*)
VARIANT_AFTER = re.compile(r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|had\s+we|if\s+we\s+had|were"
                           r"\s+we|would\s+have)\b|대신", re.I)
# words that name a variant of what was said (*With the cube instead*, *## The cube instead*):
# read in a lead-in paragraph ending in a full stop or colon, a heading and the sentence after
VARIANT = re.compile(r"\b(?:instead|rather\s+than|in\s+place\s+of|alternativ\w*|variant\w*|modified"
                     r"|had\s+we|if\s+we\s+had|were\s+we|would\s+have)\b|대신|바꾸|바꿔|교체|썼다면", re.I)
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# words, blanks and inline formulas, each a token of its own
TOKENS = re.compile(r"(\$[^$]*\$|\s+)")
WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z]|[A-Za-z]")


def framing(before: str) -> str:
    """The words before a formula that count (see the module), given the words of its sentence
    before it with its mathematics shown (inline math as written, displays as ⟨D⟩); ''
    when there are none."""
    pieces = _unwrapped(before).split(DISPLAY)
    words = pieces.pop()
    # a display continuing a list of displays (*we would get $$…$$ and $$…$$*): the words before
    # the list (round 34a F16b)
    while pieces and LISTING.fullmatch(words):
        words = f"{pieces.pop()} {words}"
    words = _prose_tail(words)
    return (_conditional_clause(words) or _label(words)) if _korean(words) else words


def _last_sentence(words: str) -> str:
    """The last sentence of ``words`` (Korean notes often run sentences together without a
    blank: *…입니다.다음 표현식은 동일합니다.*), its mathematics masked."""
    return re.split(r"[.!?。](?=\s*\S)", prose(words).rstrip(" .:!?。"))[-1]


def _label(words: str) -> str:
    """A short label ending in a colon right before the formula, after the sentence before it
    (*- 세제곱: $f(3) = 27$*, round 34a F21): it may name what the formula is about; ''
    otherwise."""
    mark = re.search(r"(?::|→|⇒|->|=>|⟶)\s*$", words)
    if not mark:
        return ""
    label = re.split(r"(?<=[.!?다요])\s", words[:mark.start()])[-1].strip()
    return label if label and len(label.split()) <= 4 else ""


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
    words = prose(words)
    korean = sum(1 for token in words.split() if HANGUL.search(token))
    return korean > 0 and korean >= len([word for word in WORD.findall(words) if len(word) > 1])


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
    sides = bool(SIDES.search(clause or ""))
    korean = _korean(clause)
    text = prose(clause)
    if bounded:
        text = MORE_GENERALLY.sub(" ", text)
    for phrase in (LATEX_TEXT, NAMED_RESULT, CALCULATION, PHRASES) + (
            (CASES_READ,) if cases_read else ()):
        text = phrase.sub(" ", text)
    found = [match.group() for match in NOT_THE_SAME.finditer(text)]
    found += [match.group().strip() for match in VARIANT_FORMULA.finditer(clause or "")
              if not ONE_NAME.fullmatch(match.group("math") or match.group("math2"))]
    # (a stray jamo is a typing slip: ㅌ행렬 in seed 001)
    for token in re.sub(r"[,.;:()\[\]\u3131-\u318e]", " ", text).split():
        if HANGUL.search(token):
            if korean and not KOREAN_NEUTRAL.match(token) and not (
                    bounded and KOREAN_QUANTIFYING.match(token)):
                found.append(token)
            continue
        for word in WORD.findall(token):
            bare = word.lower().strip(".'’-")
            if len(bare) <= 1 or bare in NEUTRAL or (  # (a plural of one: *Examples*)
                    bare.endswith("s") and bare[:-1] in NEUTRAL) or (values_only and bare in SUBSTITUTING) or (
                    bounded and bare in QUANTIFYING) or (not domain_used and bare in NEGATING) or (
                    sides and bare in ARITHMETIC):
                continue
            found.append(word)
    return found


# a sentence without mathematics that changes a meaning wherever its verb stands (*We now
# switch to the cube.*: round 35 F03)
# (also a term added to a loss in words: *Now add the weight-decay term $…$ to the loss.*,
# *We now regularise the loss*: round 38 A10)
CHANGE_WORDS = re.compile(r"\b(?:switch\w*\s+to|chang\w*\s+(?:to|into|it|the|our|f)|replac\w*|swap\w*"
                          r"|redefin\w*|instead\s+of|(?:regulari[sz]|augment|modif(?:y|ie))\w*\s+(?:the\s+|our\s+)?(?:loss|objective|cost)"
                          r"|add\w*\s+[^.]{0,80}?\bto\s+(?:the\s+|our\s+|its\s+|this\s+)?(?:loss|objective"
                          r"|cost|error|energy|function|model|network|output|map)"
                          r"|includ\w*\s+[^.]{0,80}?\bin\s+(?:the\s+|our\s+)?(?:loss|objective|cost)"
                          r"|(?:loss|objective|cost)\s+(?:now\s+)?(?:also\s+)?(?:contains|includes|has))\b"
                          r"|바꾸|바꿔|교체|재정의|(?:손실|비용|목적\s*함수)에[^.]{0,60}?(?:더한|더하|추가)", re.I)


# a formula that names what the words are about, after *for, with, using* or before 에 대해,
# 이면, 을 쓰면 (*Likewise for $x^3$:*, *Using $x^3$ instead:*, *마찬가지로 $x^3$에 대해*: round 38
# A04): an expression, not a relation nor a name alone (*for $x$*, *with $\lambda$*, *for
# $x > 0$*, read elsewhere), may be a variant of what the step relies on
VARIANT_FORMULA = re.compile(
    r"\b(?:for|with|using|taking)\s+\$(?P<math>[^$=<>]+)\$"
    r"|\$(?P<math2>[^$=<>]+)\$\s*(?:에\s*대해|에\s*대하여|에\s*대한|이면|면|을\s*쓰면|를\s*쓰면|을\s*사용하면"
    r"|를\s*사용하면|의\s*경우)", re.I)
# one name alone, perhaps indexed or primed: x, \lambda, x_i, \mathbf{x}, f'
ONE_NAME = re.compile(r"\s*(?:\\[A-Za-z]+\s*\{\s*[A-Za-z]+\s*\}|\\[A-Za-z]+|[A-Za-z])(?:_\{?[\w,]+\}?|'|\^\{?\(\w+\)\}?)*\s*")


RELATION = re.compile(r"\$[^$]*(?:=|<|>|\\(?:le|ge|leq|geq|ne|neq|to|in|approx|equiv|sim)(?![A-Za-z]))"
                      r"[^$]*\$|\u27e8D\u27e9")


def scope_sentence(previous: str) -> str:
    """The sentence before the formula's when it changes a meaning from then on in words (*From
    now on the map is the cube.*): it opens with a scope phrase, ends in a Korean *-자* or holds
    a verb of change; mathematics in it only when it has no relation and the words name a
    variant (*From now on we use $x^3$ instead of $x^2$.*, round 37 F01; a relation in it is what
    it defines, *From here on, $L$ denotes $L = |w x - t|$.*); '' otherwise."""
    if not previous or RELATION.search(previous) or (MATH.search(previous) and not (
            VARIANT.search(prose(previous)) or CHANGE_WORDS.search(previous))):
        return ""
    if not (SCOPE_OPENER.match(previous) or SCOPE_KOREAN_END.search(previous)
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
    words = re.split(re.escape(DISPLAY) + r"|\$", words)[0].lstrip(" ,")  # (", when we use the cube")
    if HANGUL.search(words):  # "$f(3) = 27$이 세제곱에 대해 성립한다" (round 35 F08)
        return _conditional_clause(re.split(r"(?<=[다요])[.\s]", words)[0])
    words = re.split(r"[,;:]|\b(?:but|and|while|whereas|yet|so|then|i\.e\.|e\.g\.)\b",
                     words)[0].strip()
    if not words or words[0].isupper() or words[0] in ")]" or _mathlike(words):
        return ""  # (a formula in parentheses: the words after them are the sentence's)
    return words


def unread_framing(before: str, previous: str, after: str = "", cases_read: bool = False,
                   domain_used: bool = True, earlier: tuple = (), following: str = "",
                   heading: str = "", heading_since: bool = False) -> str:
    """The words that may change the formula's meaning and are not read, quoted ('' when every
    word of them is read): the words before it (a display's lead-in paragraph among them,
    :func:`_lead_in`), after it in its clause, the sentence before when the formula's says
    *Similarly*, a scope sentence earlier in its paragraph (``earlier``, nearest first), the
    sentence after when it speaks of the formula (:func:`_about_it`), and the nearest heading
    when it names a variant."""
    before, previous, after, following = (_unwrapped(words) for words in (
        before, previous, after, following))
    earlier = tuple(_unwrapped(words) for words in earlier)
    if _lead_in(before, previous):
        before, previous = previous, ""
    framed = framing(before)
    for clause in (framed, trailing(after)):
        if clause and unread_words(clause, cases_read, domain_used):
            return clause
    if previous and CONTINUING.match(prose(framed or before)):
        words = framing(prose(previous)) if _korean(previous) else previous
        if words and unread_words(words, cases_read, domain_used):
            return previous
    for sentence in (previous, *earlier):
        scope = scope_sentence(sentence)
        if scope and unread_words(SCOPE_KOREAN_END.sub(" ", SCOPE_OPENER.sub(" ", scope,
                                                                             count=1))):
            return scope
    if _about_it(following) and unread_words(following, cases_read, domain_used):
        return following
    if heading and (heading_since or VARIANT.search(heading) or CHANGE_WORDS.search(heading)) and unread_words(
            heading, cases_read, domain_used):
        return heading
    return ""


def _lead_in(before: str, previous: str) -> bool:
    """Whether a formula with no words before it in its sentence takes the sentence before as
    its words: a display's lead-in paragraph ending in no full stop nor colon (*Had we used the
    cube instead, we would find* ⏎⏎ $$…$$: round 35 F01), or one without mathematics that names
    a variant (*With the cube instead, we get the following.*: round 36 F02). Not a sentence
    ending in a display, nor a lead-in holding mathematics that ends in a full stop or colon: it
    gives what it says (*Suppose $f(a) = 1$ and $f(b) = 3$.*, *In what follows, $q = r^2$
    instead.*)."""
    if before.strip() or not previous or previous.rstrip().endswith("\u27e9"):
        return False
    if re.search(r"[.!?。:]\W*$", previous) and MATH.search(previous) and not RELATION.search(
            previous) and (VARIANT.search(prose(previous)) or VARIANT_FORMULA.search(previous)):
        return True  # (an expression in it names the variant: *Using $x^3$ instead:*, 38 A04)
    return not re.search(r"[.!?。:]\W*$", previous) or not MATH.search(previous) and bool(
        SHORT_LABEL.match(_last_sentence(previous)) or VARIANT.search(previous) or CHANGE_WORDS.search(previous)
        or (_korean(previous) and _conditional_clause(_last_sentence(previous))))


# a short label before a display naming what it is for (*For the cubic map:*, *With cubes:*): a
# phrase of a few words, no verb of its own, before a colon
SHORT_LABEL = re.compile(r"^\W*(?:for|with|in|under|using|on|taking|case)\b(?:\s+[\w'’-]+){1,5}\s*:\W*$",
                         re.I)


def _about_it(following: str) -> bool:
    """Whether the sentence after the formula speaks of it: it ends in a full stop (one that
    does not lead in to the next display: *Had we used the cube instead, we would find* ⏎⏎
    $$…$$), points back or names a variant with its object, and holds mathematics only when it
    does both (*Here $f(x) = x^3$ instead.*; not *여기서 $x$는 …*, where the formula's letters are
    explained, nor the next step's own words, *Had we used the cube, we would get $f(3) =
    27$.*)."""
    if not following or not re.search(r"[.!?。]\W*$", following):
        return False
    if following.startswith("\n\n"):  # (a sentence of the next paragraph: what was used only)
        following = following.lstrip()
        return not MATH.search(following) and bool(
            USED.match(following) or KOREAN_USED.search(following)
            or VARIANT_AFTER.search(following)  # (a footnote, the display's sentence going on)
            or re.match(r"^\W*[a-z]", following))
    if MATH.search(following) and not (POINTING_BACK.match(following)
                                       and VARIANT.search(prose(following))):
        return False
    return bool(POINTING_BACK.match(following) or VARIANT_AFTER.search(following)
                or KOREAN_USED.search(following))


# a Korean sentence saying what was used, its verb in the past (*세제곱을 사용했다.*: round 36
# F05e), as *We used …*
KOREAN_USED = re.compile(r"(?:사용|이용|적용|가정|선택|대입)(?:했|하였)|썼|택했")
