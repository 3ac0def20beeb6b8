r"""The words a claim proved only at an example value may stand among (review rounds 18, 19).

A claim that holds at the example value but not for every value (``\sin 2x = 2 \sin x`` after
*Take $x = 0$*) is proved *for the example values given just before* only when the note plainly
speaks of the example. Every list of words that say otherwise — *for every real $x$*, *on
$\mathbb{R}$*, *as an identity*, *for **every** $x$*, *Now change that $x$ to $2$*, *Add one to
$x$*, *Let $x \in \mathbb{R}$* — missed a phrasing, and each miss was a false proof. So the rule
is the other way round: the claim's own sentence, and the words between the value and the
claim, may hold only the words of :data:`PLAIN` — conjunctions, *then, so, here, for this
choice, in both cases, we get, since* and their Korean counterparts, none of which can widen
the claim or change a value — and formulas that are relations written with ``=`` (other claims
and values, which the reader reads itself). Any other word, a number written in words or
digits, or a formula without ``=`` that names the example's letter or a set (``$x$``, ``$x \in
\mathbb{R}$``, ``$x \gets 2$``) leaves the claim *undecided*. A setting word (*let, take, set*)
counts only right before a formula with ``=`` (*and let $y = 2$*).
"""

from __future__ import annotations

import re

from symderive.notes.names import plain_name

PLAIN = frozenset("""
then so thus hence therefore consequently and or also too we have has get gets got obtain obtains
find finds see sees that it its is are holds hold gives give giving yields yield follows follow
here this these our for at with in the a an value values choice choices case cases example
instance both either way since because as plugging plug plugged substituting substitute
substituted evaluating evaluate evaluated into ie eg i e g indeed clearly of by which note
notice noting expected required desired claimed check checks checking verify verifies verified
confirm confirms confirming correct correctly easily immediately just simply directly result
results answer compute computes computing computed calculate calculating calculated to we've
there true be only just
need needed want wanted
그러면 따라서 그러므로 이때 즉 이 경우 경우에 경우에는 이므로 므로 이다 이고 이며 이라 라 이라고 라고 하자 하면
값 값은 값에서 값을 대입하면 넣으면 두 각 된다 성립한다 성립 얻는다 여기서 이를 이면 면 을 를 은 는 가 에서
두자 놓자 정하자 가정하자 두면 놓으면 이나 나 또는
에 의 와 과 도 로 으로 예를 들어 예 확인할 수 있다 있다 계산하면 하면
""".split())
# nouns that name an instance ("the input", "the output layer", "the gradient step"): plain only in
# the value's own sentence (*Take $x = 2$ as the input.*), where they name the value's instance;
# after it they may name another one (round 21 F10, round 22 F1)
INSTANCE_WORDS = frozenset("""input inputs output outputs weight weights bias label labels target
prediction predictions rate step size parameter parameters point slope data sample observation
layer hidden unit neuron activation loss error gradient learning first second third last initial
final""".split())
# the only words that carry a refutation at the example: a value computed there that is false
# is an error only when nothing but these stand between the value and it, and around it in its
# sentence (*Let $x = 2$. Then $x^2 = 5$.*); any other word may name another instance, a
# hypothesis, another example (round 22 F1, F2, F8, F13)
STRICT = frozenset("""then so thus hence therefore and we have get obtain find it follows that
gives give is are which
그러면 따라서 그러므로 이므로 므로 즉 이다 이고 이며 라 이라 하자 하면 이면 면 은 는 이 가 을 를 다 된다
""".split())
# plain words that make the claim a goal, not a result: a value computed at the example that
# is false there is refuted only without them ("We want $x^2 = 5$", "the expected output")
GOAL = frozenset("need needed want wanted required desired expected target".split())
# a formula in the example's letter before these words is a hypothesis, not a result at the
# example: "$x^2 = 9$ gives $x = 3$" (round 21 F11)
CONSEQUENCE = frozenset("gives give giving yields yield implies imply means mean leads lead "
                        "forces force shows show entails".split())
# a Korean ending after a formula that sets or supposes it: "$2x = \pi$라 하자", "로 두자",
# "이라 가정하자" (round 21 F17)
KOREAN_SETTING = re.compile(r"^(?:이?라고?|으?로)\s*(?:하자|두자|놓자|가정|하면|두면|놓으면|정하자)")
# setting words: plain only right before a formula with "=" ("and let $y = 2$")
SETTING = frozenset("let take set suppose say put pick choose consider given with using "
                    "assume".split())
# words that make the formula after them a condition or a point, not a claim: "at $x = 2$",
# "with $2x = 4$", "for $n = 0, 1, 2, \dots$", "if $x = 3$" (round 19 F1–F3, F20)
CONDITIONING = frozenset("at with for if when whenever where given assuming provided since "
                         "because as unless once until whereas while".split())
KOREAN_CONDITIONING = ("에서", "일 ", "일때", "일", "이면", "면", "인 ", "인경우", "이라면", "라면", "이므로", "므로",
                       "에 대해", "에대해", "에 대하여", "로 두면", "으로 두면", "에서의")
_DISPLAY = re.compile(r"\$\$.*?\$\$", re.S)
_INLINE = re.compile(r"\$([^$\n]{1,400})\$")
_VALUED = "\x1e"  # a formula with "=": a claim or value the reader reads itself
_OTHER = "\x1f"  # any other formula
_LETTERED = "\x1d"  # a formula with "=" that names the example's letter (a claim, or after a
# setting or condition word a new value: "Let $2x = \pi$", "Set $x + 1 = 2$": round 20 F2)
_CONSTANT = re.compile(r"\\(?:pi|sqrt|d?t?frac|sin|cos|tan|log|ln|exp|cdot|times|left|right|mathrm)\b"
                       r"|\be\b|[^A-Za-z]")  # what a number written with letters is made of
# the words written inside a formula (\text{ for all } x), read as words
TEXT_IN_MATH = re.compile(r"\\(?:(?:text|textrm|textnormal|mbox|mathrm|textit|textbf|emph)\s*\{|"
                          r"tag\*?\s*\{(?=[^{}$]*[A-Za-z\uac00-\ud7a3]{3}))([^{}$]*)\}")  # (\tag{for
# every real x} is words, \tag{1} a label: round 21 F18)
_EQUALS = re.compile(r"(?<![<>!:\\])=(?!=)")
_WIDENING = re.compile(r"\\(?:in|notin|subset|forall|exists|le|ge|leq|geq|lt|gt|ne|neq|"
                       r"to|gets|[A-Za-z]*arrow|mapsto|mapsfrom|sim|approx|R|N|Z|Q|C)\b"
                       r"|\\mathbb\s*\{?\s*[RNZQC]|[<>∈ℝ←→]")
_TOKEN = re.compile(r"[\x1d\x1e\x1f]|[^\s\x1d\x1e\x1f.,;:!?()\[\]\"'“”‘’*_~`|]+")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>")  # an HTML tag around the words: no word
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def goal_word(sentence: str) -> str:
    r"""Why the claim (``$…$`` in its ``sentence``) is no result stated at the example: a word
    of the sentence that states a goal (:data:`GOAL`), a setting word right before it (*Let
    $2x = \pi$*) or a Korean setting ending right after it (``$2x = \pi$라 하자``: a
    supposition, round 21 F17); '' when none."""
    marked = TEXT_IN_MATH.sub(r" \1 ", (sentence or "").replace("$…$", f" {_VALUED} "))
    tokens = [found.group().lower() for found in _TOKEN.finditer(marked)]
    if (goal := next((word for word in tokens if word in GOAL), "")):
        return goal
    for position, token in enumerate(tokens):
        if token != _VALUED:
            continue
        if position and tokens[position - 1] in SETTING | CONDITIONING:
            return tokens[position - 1]
        if KOREAN_SETTING.match(" ".join(tokens[position + 1:position + 3])):
            return tokens[position + 1]
    return ""


def _letters(formula: str) -> set[str]:
    """The names a formula writes, and each letter of a run of letters that is no command
    (``kx`` is k times x: round 21 F2)."""
    found = set()
    for name in re.findall(r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?", formula):
        found.add(plain_name(name))
        if not name.startswith("\\"):
            found.update(re.match(r"[A-Za-z]+", name).group())
    return found


def unread_word(text: str, names, own: frozenset = frozenset(), strict: bool = False) -> str:
    """The first word of ``text`` outside :data:`PLAIN` (see the module) — or a formula
    without ``=`` that names one of ``names`` or a set — as written; '' when every word is
    plain. ``$…$`` in ``text`` stands for the claim itself; ``own``: the formulas (as written,
    ``$x = 1$``) that give the values in force — any other ``name = …`` of one of ``names``
    gives it another value or states one (*taking $x = 2$*), which is not plain."""
    plain_names = {plain_name(name) for name in names}
    marked = text.replace("$…$", f" {_VALUED} ")

    def formula(found: re.Match) -> str:
        body = found.group()[2:-2] if found.group().startswith("$$") else found.group(1)
        said = " ".join(TEXT_IN_MATH.findall(body))  # "$… = 0 \text{ for all } x$" (round 20 F4)
        if _EQUALS.search(body) and not _WIDENING.search(body):
            left, _, right = body.partition("=")
            if found.group() in own or not (_letters(body) & plain_names):
                return f" {_VALUED} {said} "
            if _letters(left) & plain_names and _letters(right) & plain_names:
                return f" {found.group()} "  # a relation in the letter: for every value (22 F12)
            if plain_name(left) not in plain_names:
                return f" {_LETTERED} {said} "  # a claim about the letter (x^2 = 1)
            # x = 2 or x = x + 1 for a letter in force: not plain
        elif not _WIDENING.search(body) and _CONSTANT.sub("", body) and not (
                _letters(body) & plain_names):
            return f" {_OTHER} {said} "  # a formula of other names ($L$, $f$; not $\pi/4$: F11)
        return f" {found.group()} "  # kept as written: not plain

    marked = _INLINE.sub(formula, _DISPLAY.sub(formula, marked))
    marked = _TAG.sub(" ", marked)  # (after the formulas: $b<a$ … $a>b$ is no tag, round 20)
    tokens = _TOKEN.findall(marked.lower())
    formulas = (_VALUED, _OTHER, _LETTERED)
    if strict:  # (a refutation: nothing but tie words and the values in force)
        return next((token for token in tokens if token != _VALUED and token not in STRICT
                     and not (_HANGUL.search(token) and _korean_plain(token, STRICT))), "")
    for position, token in enumerate(tokens):
        following = tokens[position + 1:position + 2]
        if token in CONDITIONING and following and following[0] in formulas:
            return f"{token} $…$"  # "at $x = 2$", "with $2x = 4$", "for $n = 0, 1, \dots$"
        if token in SETTING and following == [_LETTERED]:
            return f"{token} $…$"  # "Let $2x = \pi$", "Set $x + 1 = 2$" (round 20 F2)
        if token == _LETTERED and following and following[0] in CONSEQUENCE:
            return f"$…$ {following[0]}"  # "$x^2 = 9$ gives $x = 3$" (round 21 F11)
        if token == _LETTERED and KOREAN_SETTING.match(" ".join(tokens[position + 1:position + 3])):
            return f"$…${tokens[position + 1]}"  # "$2x = \pi$라 하자" (round 21 F17)
        if token in formulas and following and following[0].startswith(KOREAN_CONDITIONING):
            return f"$…${following[0]}"  # $x = 2$에서, $x = 2$일 때, $x = 2$이면, 이므로
        if token in ("각", "두") and not (following and following[0].startswith("경우")):
            return token  # 각 경우 (each case), not 각 값에서 (at each value: round 20 F3)
        if token in formulas or token in PLAIN:
            continue
        if token in ("each", "every", "all") and tokens[position + 1:position + 2] in (
                ["case"], ["cases"]):
            continue  # "in each case" of the alternatives (no cases listed: lifted.py lifts)
        if token in SETTING and tokens[position + 1:position + 2] == [_VALUED]:
            continue
        if _HANGUL.search(token) and _korean_plain(token):
            continue
        return token
    return ""


_LONGEST = max(map(len, PLAIN))


def _korean_plain(token: str, vocabulary: frozenset = PLAIN) -> bool:
    """A Korean word made of plain pieces (``이다``, ``경우에는``, ``그러면``): greedy, pieces at
    most as long as the longest plain word, so linear in the token (round 19 F21: a long run of
    Hangul took minutes)."""
    rest = token
    while rest:
        for size in range(min(len(rest), _LONGEST), 0, -1):
            if rest[:size] in vocabulary:
                rest = rest[size:]
                break
        else:
            return False
    return True
