r"""Names the prose itself calls random, in a sentence that writes the name (round 57 AT02, AT03).

*Let $X$ and $y$ be real-valued random variables.*, *Let $y \sim \mathcal{N}(0, 1)$.*, *Let $z$
be a standard normal variable drawn once per sample.*, *the noise $\epsilon$*, *$X$와 $y$는
실수값 확률변수이다.*, *잡음 $y$는 … 가우시안 잡음이다.*: each name so described is a random
variable as the note means it. A directive (``assume y real``) or the reading of a chain may
still make it a plain number; a moment over it (E[y²] = E[y]², E[Xy] = E[X]·y) is then decided
on a reading the note does not mean, and the moments guard of ``check_notes`` holds such a step
undecided.

Only the sentence's own names count: *For constants $a, b$ and a random variable $X$* calls X
random, not a or b; *Let $\mu$ be the mean of the random variable $X$* calls X random, not μ
(the random word is the object of *of*, not what μ is). A denied word (*$a$ is not random*,
*확률변수가 아닌*) states nothing.
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.grammar.latex import LatexContext, parse_latex_math
from symderive.grammar.negation import denied
from symderive.errors import ParseError

_SPAN = r"\$(?P<span>[^$\n]{1,60})\$"
_MORE = r"(?P<more>(?:\s*(?:,|and|or|과|와|및|,\s*and)\s*\$[^$\n]{1,60}\$){0,12})"
# a formula that is only a number (평균이 $0$, 분산이 $1$인 …): no name of its own
_NUMBER_SPAN = r"\$[-+\d.,\s{}\\frac]*\$"

# English words that call what they describe random (not 'normal vector', 'Gaussian kernel')
_EN_RANDOM = (
    r"random(?:ly)?\b(?!\s+(?:seeds?|states?|forests?|walks?|search)\b)|stochastic\b|"
    r"gaussian\b(?!\s+(?:kernels?|functions?|integrals?|eliminations?|filters?|blur|windows?|"
    r"curves?|quadrature|densit(?:y|ies)|pdfs?|units?|brackets?)\b)|"
    r"standard\s+normal\b|normal(?:ly)?\s+(?:distributed|random|variables?|variates?)\b|"
    r"noise\b(?!\s+(?:levels?|variances?|std|scales?|magnitudes?|power|amplitudes?|precision|"
    r"ratio|floor|parameters?|distributions?|models?|schedules?|rates?)\b)|"
    r"drawn\b|sampled\b|i\.\s?i\.\s?d\b|distributed\b"
)
# words the predicate may hold before the random word: no preposition (*the mean of the random
# variable $X$* says nothing random of the mean), no other formula but a number, no clause end
_STOP = (r"(?:of|for|with|in|on|to|by|at|under|over|given|and|or|but|whose|which|that|where|"
         r"than|if|when|while|like|as|from|into)")
_WORD = rf"(?:(?!{_STOP}\b)[A-Za-z][\w'-]*|{_NUMBER_SPAN})"
_VERB = r"(?:is|are|be|was|were|denotes?|represents?|stands?\s+for|being)"
# the names, then a copula and a short predicate (*be real-valued random variables*, *is
# drawn*), an article without a verb (*Let $a$ be … and $X$ a random variable*), or the word
# itself (*$y$ drawn from*); no other verb (*$\sigma$ controls the noise* says σ is no noise)
SAID_AFTER = re.compile(
    rf"{_SPAN}{_MORE}\s*(?:,\s*)?(?:{_VERB}\s+(?:(?:{_WORD}|\$[^$\n]{{1,40}}\$)\s+){{0,5}}?|"
    rf"(?:a|an)\s+(?:{_WORD}\s+){{0,3}}?)?(?P<word>{_EN_RANDOM})", re.I)
# *$y$ follows a normal distribution*, *$y$ has distribution $\mathcal{N}(0, 1)$*, *$y$ follows
# $\mathcal{N}(0, 1)$* (the formula must name a distribution: DISTRIBUTION)
SAID_FOLLOWS = re.compile(
    rf"{_SPAN}{_MORE}\s*(?:follows?|obeys?|has|have|having)\s+(?:(?:a|an|the)\s+)?"
    rf"(?:{_WORD}\s+){{0,3}}?(?P<word>distribution\b|\$(?P<law>[^$\n]{{1,60}})\$)", re.I)
SAID_BEFORE = re.compile(
    r"(?P<word>\brandom\s+(?:variables?|vectors?|samples?|draws?|noise|errors?|quantit(?:y|ies)|"
    r"inputs?|signs?|elements?|matri(?:x|ces)|variates?)|"
    r"\b(?:gaussian|normal|standard\s+normal)\s+(?:random\s+)?(?:variables?|vectors?|noise|errors?|"
    r"samples?|draws?|variates?)|\bnoise(?:\s+(?:terms?|variables?|vectors?))?|"
    r"\b(?:i\.\s?i\.\s?d\.?|independent|random)\s+(?:samples?|draws?|copies|observations?)|"
    r"확률\s*변수|확률\s*벡터|랜덤\s*변수|가우시안\s*(?:잡음|노이즈|변수)|잡음|노이즈|난수|"
    r"\b(?:draw|draws|drew)\s+(?:(?:a|an)\s+)?(?:(?:fresh|new|single)\s+)?|\bwe\s+sample)"
    rf"(?:\s+(?:are|is)\s+|\s*(?::|는|은|로는)\s*)?\s*{_SPAN}{_MORE}", re.I)
# Korean: the names, their particle, then the predicate ending on a random word (head-final:
# *$\mu$는 확률변수 $X$의 평균이다* ends on 평균, so μ is not called random)
_KO_RANDOM = (r"확률\s*변수|확률\s*벡터|랜덤\s*변수|가우시안(?:\s*(?:잡음|노이즈|변수|분포))?|"
              r"정규\s*분포|표준\s*정규\s*(?:분포|변수)?|잡음|노이즈|난수|무작위|분포")
_KO_END = (r"(?:들)?(?:이다|이며|이고|이라|라고|라\s*하|로\s*(?:둔|놓|가정|하)|[를을]\s*따[르른라랐]|"
           r"에서\s*(?:추출|샘플|뽑)|인\s|\s*[.,]|\s*$)")
SAID_AFTER_KO = re.compile(
    rf"{_SPAN}{_MORE}\s*(?:는|은|이|가|를|을|도)\s+(?:[^$.\n]|{_NUMBER_SPAN}){{0,40}}?"
    rf"(?P<word>{_KO_RANDOM}){_KO_END}", re.M)
# $y$는 $\mathcal{N}(0, 1)$을 따른다 (the formula must name a distribution: DISTRIBUTION)
KO_FOLLOWS = re.compile(
    rf"{_SPAN}{_MORE}\s*(?:는|은|이|가)\s+(?:[^$.\n]{{0,20}}?)(?P<word>\$(?P<law>[^$\n]{{1,60}})\$)"
    r"\s*(?:을|를|에)\s*(?:따[르른라랐]|의해)", re.M)
KO_DRAWN = re.compile(
    rf"{_SPAN}{_MORE}\s*(?:는|은|이|가|를|을|도)\s+(?:[^$.\n]|{_NUMBER_SPAN}){{0,40}}?"
    r"(?P<word>(?:추출|샘플링|샘플|뽑)(?:된다|되었|된|한|힌|는다|은))", re.M)
# y \sim \mathcal{N}(0, 1), X_1, \dots, X_n \overset{iid}{\sim} \mathrm{Bernoulli}(p),
# x \sim p_\theta
_SIM = re.compile(r"\\(?:overset|stackrel|underset)\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\{\s*"
                  r"\\sim\s*\}")
DISTRIBUTION = re.compile(
    r"\s*(?:\\mathcal\s*\{?\s*[A-Z]|\\(?:mathrm|text|operatorname|mathsf|textrm)\s*\{\s*[A-Za-z]|"
    r"(?:N|U|Bernoulli|Bern|Ber|Poisson|Pois|Exp|Unif|Uniform|Beta|Gamma|Bin|Binomial|Geom|"
    r"Geometric|Cat|Categorical|Multinomial|Mult|Dir|Dirichlet|Laplace|Lap|Normal|Gaussian|"
    r"Cauchy|Logistic|Rademacher)\s*\(|(?:p|q|P|Q|\\pi|\\rho)(?![A-Za-z])|\\chi)")


NOT_RANDOM = re.compile(r"\b(?:constants?|deterministic|fixed|non-?random|not|never|no)\b|"
                        r"상수|고정|아닌|아니", re.I)


def said_random(text: str, context: LatexContext | None = None) -> dict[str, tuple[int, str]]:
    """Each name the prose calls random → (line, the words), first statement kept."""
    context = context or LatexContext()
    found: dict[str, tuple[int, str]] = {}
    for pattern in (SAID_AFTER, SAID_BEFORE, SAID_FOLLOWS, SAID_AFTER_KO, KO_FOLLOWS, KO_DRAWN):
        for match in pattern.finditer(text):
            if _denied(text, match) or (match.groupdict().get("law") and not DISTRIBUTION.match(
                    match.group("law"))):
                continue  # (y follows $x^2$: no distribution)
            spans = [match.group("span")] + re.findall(r"\$([^$\n]{1,60})\$",
                                                       match.group("more") or "")
            spans = [part for span in spans for part in span.split(",")]  # $X, Y$
            _add(found, text, match, [name for span in spans for name in _names(span, context)])
    for match in re.finditer(r"\$\$?([^$]{1,400}?)\$\$?", text):
        latex = _SIM.sub(r"\\sim ", match.group(1))
        for sim in re.finditer(r"\\sim(?![A-Za-z])", latex):
            if not DISTRIBUTION.match(latex, sim.end()):
                continue  # f(n) \sim n^2: of the order of, nothing random
            _add(found, text, match, _left_names(latex[: sim.start()], context))
    return found


def called_random(name: str, said: dict) -> tuple[int, str] | None:
    """Where the prose calls ``name`` (a symbol as the guard prints it: y, X_1, or X the base
    of X[i]) random: the name itself, or a subscripted name of the same letter (*$X_i$ are
    i.i.d.* calls X_1 and the X of X[i] random)."""
    if name in said:
        return said[name]
    stem = re.split(r"[_\[]", name)[0]
    return next((where for other, where in said.items()
                 if re.split(r"[_\[]", other)[0] == stem and other != stem), None)


def _denied(text: str, match: re.Match) -> bool:
    """Whether the sentence denies what it seems to say: a word of constancy or negation
    between the names and the random word (*$a$ is a constant, not random*, *$a$ is not
    random*), or a negation around the word (*확률변수가 아닌*)."""
    start, end = match.span("word")
    between = re.sub(r"\$[^$]*\$", " ", text[match.start():start])
    if NOT_RANDOM.search(between):
        return True
    sentence = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    return denied(text, start, end, before=max(start - sentence, 0), named_from=match.start())


def _add(found: dict, text: str, match: re.Match, names: list[str]) -> None:
    line = text.count("\n", 0, match.start()) + 1
    start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    ends = [at for at in (text.find(". ", match.end()), text.find(".\n", match.end()),
                          text.find("\n", match.end())) if at >= 0]
    sentence = text[start:min(ends, default=len(text)) + 1].strip()
    words = " ".join(sentence.split())[:100]
    for name in names:
        found.setdefault(name, (line, words))


def _left_names(left: str, context: LatexContext) -> list[str]:
    r"""The names left of ``\sim``: ``y``, ``X_1, \dots, X_n``, ``(X, Y)``, ``y \mid x`` (y)."""
    left = re.split(r"\\quad|\\qquad|;|\\text\s*\{[^}]*\}|=|\\in(?![A-Za-z])", left)[-1]
    left = re.split(r"\\mid|\|", left)[0]
    left = left.strip().strip("()").replace("\\left", "").replace("\\right", "")
    return [name for part in left.split(",") for name in _names(part, context)]


def _names(latex: str, context: LatexContext) -> list[str]:
    """The name one formula of the sentence writes (``y``, ``X_i``, ``\\epsilon``), as the
    moments guard prints symbols; none for anything else."""
    latex = latex.strip()
    if not latex or re.search(r"\\[lc]?dots|\\ldots", latex):
        return []
    try:
        value = parse_latex_math(latex, context=context)
    except (ParseError, ValueError, TypeError, RecursionError):  # an unread formula: no name
        return []
    if isinstance(value, sp.Indexed):
        return [str(value.base)]
    if isinstance(value, (sp.Symbol, sp.MatrixSymbol)):
        return [str(value)]
    return []
