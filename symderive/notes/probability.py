r"""The information-theory vocabulary of notes, read on finite distributions.

In a note whose prose is about entropy, ``H(X)``, ``H(X, Y)``, ``H(Y \mid X)``, ``I(X, Y)``,
``D_{\mathrm{KL}}(P\|Q)``, ``\mathrm{CE}(P, Q)``, ``p(x)``, ``p(x, y)``, ``p(y \mid x)``,
``p_{X, Y}(x, y)``, ``q(x)``, ``p_i`` and ``E_{x \sim P}[\cdot]`` are the standard operators of
information theory (the reading is named on every verdict and in ``--explain``). A step written
only in this vocabulary is read by the small grammar below (its own tokens; nothing is
evaluated) into a tree, and the tree is evaluated on finite distributions:

* **proved** when both sides agree, after SymPy's ``expand_log``/``expand``, on distributions
  whose probabilities are *symbols* (all but the last free, the last one minus the others), at
  the sizes listed: exactly zero;
* **checked** when they agree exactly on random distributions with distinct, strictly positive
  rational probabilities (equalities: the difference reduced over logarithms of primes is 0;
  inequalities: the certified sign of the difference, :mod:`symderive.check.certified`);
* **refuted** only at a distribution that satisfies every condition the note states in the
  sentence (X, Y independent; X = Y; X an invertible function of Y; P = Q) and only when the
  sentence states no condition this reading does not understand; otherwise **undecided**.

A claim is first checked with no condition (a claim true in general is true under any
condition), then under the conditions of its sentence. Sums and expectations run over the
support (0 log 0 = 0). ``\log`` is natural unless the note says its logarithms are base 2.
Definitions are definitions: the first formula for an operator's form (``H(Y \mid X)``) after
words that define (*define, denote*, 정의) is not a claim; a later one is checked, and a note
whose own definition disagrees with the standard operator is not read with it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import product

import sympy as sp

from symderive.report import Counterexample, Outcome

ABOUT = re.compile(r"entrop|엔트로피|mutual information|상호\s*정보|kullback|쿨백|"
                   r"cross-entropy|교차\s*엔트로피|information theory|정보\s*이론", re.I)
BASE_TWO = re.compile(r"밑이\s*2|base[- ]2\b|base of 2|\\log_2\s*\(\s*\.\s*\)", re.I)
SELF_INFORMATION = re.compile(r"self-information|자기\s*정보|셀프\s*정보", re.I)
CROSS_ENTROPY_H = re.compile(r"(?:cross-entropy|교차\s*엔트로피)[^.\n]{0,80}\$H\s*\(\s*P\s*,\s*Q\s*\)|"
                             r"\$H\s*\(\s*P\s*,\s*Q\s*\)\s*\$[^.\n]{0,40}(?:cross-entropy|교차\s*엔트로피)", re.I)
CLASSES_K = re.compile(r"\$k\$\s*-?\s*(?:class|클래스)|p_\{?k\}?|\bk classes\b|k outcomes", re.I)
DEFINE_WORDS = re.compile(r"\b(?:define[sd]?|denoted?|denotes|is called|we write)\b|정의(?:합니다|하려고|하면|한다|됩니다|할)|라고\s*합니다", re.I)
CONDITION_WORDS = re.compile(r"\b(?:if|when|unless|only|iff|provided|assum\w*|suppose|given)\b|"
                             r"경우|라면|이면|만약|가정|때\b", re.I)
INDEPENDENT = re.compile(r"independen|독립", re.I)
NEGATED = re.compile(r"\bnot\b|\bdependent\b|않|아닌|아니|종속", re.I)
INVERTIBLE = re.compile(r"invertible|bijecti|one-to-one|반전\s*가능|가역|일대일", re.I)
OPERATOR_HEAD = re.compile(r"^\s*(?:H\s*[(\[]|I\s*\(|D_\{?\\mathrm\{KL\}\}?|D\s*\(|\\mathrm\{CE\}|"
                           r"\\operatorname\{CE\})")
VOCABULARY = re.compile(r"(?<![A-Za-z\\])(?:H|I)\s*[(\[]|D_\{?\\mathrm\{KL\}|\\mathrm\{CE\}|"
                        r"\\sim|\\mid|(?<![A-Za-z\\])[pq](?:_\{?[A-Za-z, ]+\}?)?\s*\(")

WHERE = re.compile(r"\\text\{\s*,?\s*where\s*\}\s*(p_\{?[a-z]\}?)\s*$")
STRONG = re.compile(r"(?<![A-Za-z\\])(?:H|I)\s*[(\[]|D_\{?\\mathrm\{KL\}|\\mathrm\{CE\}|\\sim|"
                    r"(?<![A-Za-z\\])p(?:_\{?[A-Z, ]+\}?)?\s*\([^()]*\\mid")
UNIT = re.compile(r"^\s*\d+\s*\\text\{\s*bits?\s*\}\s*$")
OPERATOR = re.compile(r"(?<![A-Za-z\\])(?:H|I)\s*[(\[]|D_\{?\\mathrm\{KL\}|\\mathrm\{CE\}")
VARIABLE_LETTERS = "XYSZ"
DISTRIBUTIONS = "PQ"
MAX_VARIABLES = 2
SYMBOLIC_SIZES = {1: ((2,), (3,)), 2: ((2, 2), (2, 3))}
RATIONAL_SIZES = {1: ((2,), (3,), (4,), (2,), (3,)), 2: ((2, 2), (2, 3), (3, 2), (3, 3), (2, 2))}
SQUARE_SIZES = ((2, 2), (3, 3), (4, 4))


class NotRead(Exception):
    """The text is not (only) in the vocabulary this reading knows: leave it to the others."""


@dataclass(frozen=True)
class InfoNote:
    """What the prose of one note says about its information-theory vocabulary."""

    log_base_two: bool
    self_information: bool
    cross_entropy_h: bool
    classes_k: bool
    nonstandard: frozenset = frozenset()  # operator forms whose note definition disagrees

    def describe(self) -> str:
        base = "base 2 (the note says so)" if self.log_base_two else "natural"
        return f"information-theory operators on finite distributions; log {base}"


def note_reading(text: str) -> InfoNote | None:
    """The reading of a note whose prose is about entropy, or None."""
    prose = re.sub(r"\$[^$]*\$", " ", text)
    if not ABOUT.search(prose):
        return None
    return InfoNote(
        log_base_two=bool(BASE_TWO.search(text)),
        self_information=bool(SELF_INFORMATION.search(text)),
        cross_entropy_h=bool(CROSS_ENTROPY_H.search(text)),
        classes_k=bool(CLASSES_K.search(text)),
    )


# -- tokens -------------------------------------------------------------------------------------
SPACING = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
           "quad", "qquad", "displaystyle", "limits", "nolimits"}
WORD_COMMANDS = {"mathrm", "operatorname", "textrm", "mathbb", "mathsf", "rm"}
TOKEN = re.compile(r"\\\||\\[{}]|\\[,;:! ]|\\[A-Za-z]+|\d+(?:\.\d+)?|[A-Za-z]|[()\[\]{}+\-*/^_,|;=]|\s+|.")


@dataclass(frozen=True)
class Tok:
    kind: str  # cmd, word, num, letter, sym
    text: str


def tokens(latex: str) -> list[Tok]:
    latex = latex.replace("−", "-").replace("·", r"\cdot ")
    out: list[Tok] = []
    pieces = TOKEN.findall(latex)
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if piece.isspace() or piece in ("\\,", "\\;", "\\:", "\\!", "\\ ", "~"):
            continue
        if piece == "\\|":
            out.append(Tok("sym", "||"))
        elif piece in ("\\{", "\\}"):
            out.append(Tok("sym", "{" if piece == "\\{" else "}"))
            out[-1] = Tok("brace", piece[1])
        elif piece.startswith("\\") and piece[1:].isalpha():
            name = piece[1:]
            if name in SPACING:
                continue
            if name == "text":  # only a unit: \text{ bits}
                rest = "".join(pieces[index:])
                match = re.match(r"\s*\{\s*(bits?|nats?)\s*\}", rest)
                if not match:
                    raise NotRead("prose in \\text")
                consumed = len(match.group())
                while consumed > 0:
                    consumed -= len(pieces[index])
                    index += 1
                out.append(Tok("unit", match.group(1).rstrip("s")))
                continue
            if name in WORD_COMMANDS:
                # \mathrm{KL}: one word
                rest = "".join(pieces[index:])
                match = re.match(r"\s*\*?\s*\{\s*([A-Za-z]+)\s*\}", rest)
                if not match:
                    raise NotRead(f"\\{name} without a word")
                consumed = len(match.group())
                while consumed > 0:
                    consumed -= len(pieces[index])
                    index += 1
                out.append(Tok("word", match.group(1)))
                continue
            if name in ("mid", "vert"):
                out.append(Tok("sym", "|"))
            elif name in ("Vert",):
                out.append(Tok("sym", "||"))
            elif name in ("cdot", "times"):
                out.append(Tok("sym", "*"))
            else:
                out.append(Tok("cmd", name))
        elif piece[0].isdigit():
            out.append(Tok("num", piece))
        elif piece.isalpha():
            out.append(Tok("letter", piece))
        elif piece in "()[]{}+-*/^_,|;=":
            out.append(Tok("sym", piece))
        else:
            raise NotRead(f"unexpected character {piece!r}")
    return out


# -- the tree ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Node:
    kind: str
    args: tuple = ()


class Parser:
    """A recursive-descent reader of the vocabulary; anything else raises :class:`NotRead`."""

    def __init__(self, latex: str, note: InfoNote):
        self.toks = tokens(latex)
        self.pos = 0
        self.note = note

    def peek(self, offset: int = 0) -> Tok | None:
        at = self.pos + offset
        return self.toks[at] if at < len(self.toks) else None

    def take(self) -> Tok:
        tok = self.peek()
        if tok is None:
            raise NotRead("unexpected end")
        self.pos += 1
        return tok

    def expect(self, text: str) -> None:
        tok = self.take()
        if tok.text != text or tok.kind not in ("sym", "brace"):
            raise NotRead(f"expected {text!r}, found {tok.text!r}")

    def at(self, text: str, kind: str = "sym") -> bool:
        tok = self.peek()
        return tok is not None and tok.kind == kind and tok.text == text

    def side(self) -> list[Node]:
        """One side of a relation: an expression, or a list ``H(X), H(Y)`` (each one claimed)."""
        items = [self.expr()]
        while self.at(","):
            self.take()
            items.append(self.expr())
        if self.peek() is not None:
            raise NotRead(f"unread {self.peek().text!r}")
        return items

    def expr(self) -> Node:
        terms = []
        sign = 1
        if self.at("+") or self.at("-"):
            sign = -1 if self.take().text == "-" else 1
        terms.append(self.term() if sign > 0 else Node("neg", (self.term(),)))
        while self.at("+") or self.at("-"):
            sign = -1 if self.take().text == "-" else 1
            term = self.term()
            terms.append(term if sign > 0 else Node("neg", (term,)))
        return terms[0] if len(terms) == 1 else Node("add", tuple(terms))

    STOP = {"+", "-", ")", "]", ",", "|", "||", ";", "=", "}"}

    def term(self) -> Node:
        factors = [self.factor()]
        while True:
            tok = self.peek()
            if tok is None or (tok.kind in ("sym", "brace") and tok.text in self.STOP
                               and not (tok.kind == "brace" and tok.text == "{")):
                break
            if tok.kind == "sym" and tok.text in ("*", "/"):
                self.take()
                factor = self.factor()
                factors.append(factor if tok.text == "*" else Node("inv", (factor,)))
                continue
            if tok.kind == "sym" and tok.text == "-":
                break
            factors.append(self.factor())
        return factors[0] if len(factors) == 1 else Node("mul", tuple(factors))

    def factor(self) -> Node:
        if self.at("-"):
            self.take()
            return Node("neg", (self.factor(),))
        base = self.atom()
        if self.at("^"):
            self.take()
            base = Node("pow", (base, self.group()))
        return base

    def group(self) -> Node:
        """A ``{…}`` group or one token (a script)."""
        if self.at("{"):
            self.take()
            inner = self.expr()
            self.expect("}")
            return inner
        tok = self.take()
        if tok.kind == "num":
            return Node("num", (sp.Rational(tok.text),))
        if tok.kind == "letter" and tok.text == "k" and self.note.classes_k:
            return Node("k")
        raise NotRead(f"unread script {tok.text!r}")

    def script_text(self) -> list[Tok]:
        """The tokens of a subscript ``_x`` or ``_{x, y}``."""
        self.expect("_")
        if self.at("{"):
            self.take()
            depth, found = 0, []
            while True:
                tok = self.take()
                if tok.kind == "sym" and tok.text == "{":
                    depth += 1
                elif tok.kind == "sym" and tok.text == "}":
                    if depth == 0:
                        return found
                    depth -= 1
                found.append(tok)
        return [self.take()]

    def bracketed(self) -> Node:
        opening = self.take()
        closing = {"(": ")", "[": "]", "{": "}"}.get(opening.text)
        if closing is None:
            raise NotRead(f"expected a bracket, found {opening.text!r}")
        inner = self.expr()
        tok = self.take()
        if tok.text != closing:
            raise NotRead(f"expected {closing!r}, found {tok.text!r}")
        return inner

    def atom(self) -> Node:  # noqa: C901 - one branch per word of the vocabulary
        tok = self.peek()
        if tok is None:
            raise NotRead("unexpected end")
        if tok.kind == "num":
            self.take()
            if self.peek() is not None and self.peek().kind == "unit":
                unit = self.take().text
                if unit != "bit" or not self.note.log_base_two:
                    raise NotRead("a unit the note's logarithms are not in")
                return Node("bits", (sp.Rational(tok.text),))
            return Node("num", (sp.Rational(tok.text),))
        if tok.text in ("(", "[", "{") and tok.kind in ("sym", "brace"):
            return self.bracketed()
        if tok.kind == "cmd":
            self.take()
            name = tok.text
            if name == "frac":
                numerator = self.group_expr()
                denominator = self.group_expr()
                return Node("mul", (numerator, Node("inv", (denominator,))))
            if name == "log":
                base = None
                if self.at("_"):
                    script = self.script_text()
                    if [t.text for t in script] != ["2"]:
                        raise NotRead("a logarithm base other than 2")
                    base = 2
                nxt = self.peek()
                if nxt is not None and nxt.text in ("(", "[", "{") and nxt.kind in ("sym", "brace"):
                    argument = self.bracketed()
                else:
                    argument = self.factor()
                return Node("log", (argument, base))
            if name == "sum":
                letters = self.bound_letters()
                return Node("sum", (letters, self.term()))
            raise NotRead(f"\\{name} is not in the vocabulary")
        if tok.kind == "word":
            self.take()
            if tok.text == "E":
                return self.expectation()
            if tok.text == "CE":
                first, second = self.distribution_pair(",")
                return Node("CE", (first, second))
            raise NotRead(f"word {tok.text!r}")
        if tok.kind == "letter" and tok.text == "E" and self.peek(1) is not None \
                and self.peek(1).text == "_":
            self.take()
            return self.expectation()
        if tok.kind == "letter":
            return self.letter_atom()
        raise NotRead(f"unexpected {tok.text!r}")

    def group_expr(self) -> Node:
        self.expect("{")
        inner = self.expr()
        self.expect("}")
        return inner

    def bound_letters(self) -> tuple[str, ...]:
        if not self.at("_"):
            raise NotRead("a sum without its index")
        script = self.script_text()
        letters = [t.text for t in script if not (t.kind == "sym" and t.text == ",")]
        if not letters or any(len(x) != 1 or not x.islower() for x in letters):
            raise NotRead("a sum with bounds (not over outcomes)")
        if self.at("^"):
            raise NotRead("a sum with bounds (not over outcomes)")
        return tuple(letters)

    def expectation(self) -> Node:
        if not self.at("_"):
            raise NotRead("an expectation without its distribution")
        script = [t for t in self.script_text() if t.text not in ("(", ")")]
        texts = [t.text for t in script]
        if "sim" not in texts:
            raise NotRead("an expectation without '\\sim'")
        at = texts.index("sim")
        letters = tuple(x for x in texts[:at] if x != ",")
        if at + 2 != len(texts) or texts[-1] not in DISTRIBUTIONS or not letters or any(
            len(x) != 1 or not x.islower() for x in letters
        ):
            raise NotRead("an expectation over something other than outcomes of P or Q")
        body = self.bracketed()
        return Node("E", (letters, texts[-1], body))

    def raw_arguments(self) -> list[tuple[str, list[Tok]]]:
        """``(A, B | C)`` → [(separator before, tokens)]."""
        opening = self.take()
        closing = {"(": ")", "[": "]"}.get(opening.text)
        if closing is None:
            raise NotRead("expected arguments")
        groups: list[tuple[str, list[Tok]]] = [("", [])]
        while True:
            tok = self.take()
            if tok.kind == "sym" and tok.text == closing:
                return groups
            if tok.kind == "sym" and tok.text in (",", "|", ";", "||"):
                groups.append((tok.text, []))
            else:
                groups[-1][1].append(tok)

    def distribution_pair(self, separator: str) -> tuple[str, str]:
        groups = self.raw_arguments()
        names = [self._single(tokens_) for _, tokens_ in groups]
        if len(groups) != 2 or groups[1][0] != separator or any(n not in DISTRIBUTIONS for n in names):
            raise NotRead("expected two distributions P, Q")
        return names[0], names[1]

    @staticmethod
    def _single(toks: list[Tok]) -> str:
        if len(toks) != 1 or toks[0].kind != "letter":
            raise NotRead("an argument that is not one name")
        return toks[0].text

    def letter_atom(self) -> Node:  # noqa: C901
        tok = self.take()
        letter = tok.text
        nxt = self.peek()
        opens = nxt is not None and nxt.kind == "sym" and nxt.text in ("(", "[")
        if letter == "H" and opens:
            groups = self.raw_arguments()
            names = tuple(self._single(t) for _, t in groups)
            separators = tuple(s for s, _ in groups[1:])
            if any(name not in VARIABLE_LETTERS + DISTRIBUTIONS for name in names):
                raise NotRead("H of something that is not a random variable or a distribution")
            if len(names) == 1:
                return Node("H", (names[0],))
            if len(names) == 2 and separators == ("|",):
                return Node("Hcond", names)
            if len(names) == 2 and separators == (",",):
                if all(n in DISTRIBUTIONS for n in names):
                    if not self.note.cross_entropy_h:
                        raise NotRead("H of two distributions, not said to be the cross-entropy")
                    return Node("CE", names)
                return Node("Hjoint", names)
            raise NotRead("H with these arguments")
        if letter == "I" and opens:
            groups = self.raw_arguments()
            separators = tuple(s for s, _ in groups[1:])
            if len(groups) == 2 and separators in ((",",), (";",)):
                names = tuple(self._single(t) for _, t in groups)
                if any(name not in VARIABLE_LETTERS for name in names):
                    raise NotRead("I of something that is not a random variable")
                return Node("I", names)
            if len(groups) == 1 and self.note.self_information:
                outcome = self._outcome(groups[0][1])
                return Node("self", (outcome,))
            raise NotRead("I with these arguments")
        if letter == "D" and (opens or self.at("_")):
            if self.at("_"):
                script = self.script_text()
                if [t.text for t in script] != ["KL"]:
                    raise NotRead("D with a subscript other than KL")
            first, second = self.distribution_pair("||")
            return Node("KL", (first, second))
        if letter in ("p", "q"):
            subscript: tuple = ()
            if self.at("_"):
                script = self.script_text()
                texts = tuple(t.text for t in script if t.text != ",")
                if len(texts) == 1 and texts[0].islower() and not self.at("(") and letter == "p":
                    return Node("p_index", (texts[0],))
                if not texts or any(len(x) != 1 or not x.isupper() for x in texts):
                    raise NotRead("a probability with a subscript that names no random variable")
                subscript = texts
            if not self.at("("):
                raise NotRead(f"{letter} without arguments")
            groups = self.raw_arguments()
            outcomes = [self._single(t) for _, t in groups]
            separators = [s for s, _ in groups[1:]]
            if any(len(o) != 1 or not o.islower() for o in outcomes):
                raise NotRead("a probability of something other than outcomes")
            if "|" in separators:
                if separators.count("|") != 1 or letter != "p" or subscript:
                    raise NotRead("a conditional probability written otherwise")
                cut = separators.index("|") + 1
                if any(s != "," for s in separators if s != "|"):
                    raise NotRead("separators")
                return Node("pcond", (tuple(outcomes[:cut]), tuple(outcomes[cut:])))
            if any(s != "," for s in separators):
                raise NotRead("separators")
            if subscript and tuple(o.upper() for o in outcomes) != subscript:
                raise NotRead("a probability whose subscript is not its outcomes' variables")
            return Node("p" if letter == "p" else "q", (tuple(outcomes),))
        if letter == "k" and self.note.classes_k:
            return Node("k")
        raise NotRead(f"the name {letter!r} is not in the vocabulary")

    @staticmethod
    def _outcome(toks: list[Tok]) -> str:
        texts = [t.text for t in toks]
        if len(texts) == 3 and texts[1] == "_" and texts[0].islower() and texts[2].islower():
            return texts[2]  # s_i: the i-th outcome
        if len(texts) == 1 and texts[0].islower():
            return texts[0]
        raise NotRead("self-information of something other than an outcome")


def parse_side(latex: str, note: InfoNote) -> list[Node]:
    return Parser(latex, note).side()


# -- what a tree uses ----------------------------------------------------------------------------
def _walk(node, seen: list) -> None:
    if isinstance(node, Node):
        seen.append(node)
        for argument in node.args:
            _walk(argument, seen)
    elif isinstance(node, tuple):
        for argument in node:
            _walk(argument, seen)


def variables_of(trees: list[Node]) -> tuple[str, ...]:
    """The random variables a step is about, in order of appearance (outcome x is of X)."""
    found: list[str] = []

    def add(name: str) -> None:
        name = name.upper()
        if name not in found:
            found.append(name)

    nodes: list = []
    for tree in trees:
        _walk(tree, nodes)
    needs_one = False
    for node in nodes:
        if node.kind in ("H", "Hcond", "Hjoint", "I"):
            for name in node.args:
                if name in DISTRIBUTIONS:
                    needs_one = True
                else:
                    add(name)
        elif node.kind in ("p", "q"):
            for name in node.args[0]:
                add(name)
        elif node.kind == "pcond":
            for name in node.args[0] + node.args[1]:
                add(name)
        elif node.kind == "E":
            for name in node.args[0]:
                add(name)
        elif node.kind == "sum":
            for name in node.args[0]:
                if name not in "ijk":
                    add(name)
        elif node.kind in ("KL", "CE", "self", "p_index", "k"):
            needs_one = True
    if needs_one and not found:
        found.append("X")
    if needs_one and len(found) > 1:
        raise NotRead("a distribution P, Q beside several random variables")
    if any(name not in VARIABLE_LETTERS for name in found):
        raise NotRead("a name that is not a random variable of the note")
    if len(found) > MAX_VARIABLES:
        raise NotRead("more than two random variables")
    return tuple(found)


# -- finite distributions ------------------------------------------------------------------------
@dataclass(frozen=True)
class World:
    """Random variables with a finite joint law (P), and a second law Q of the first one."""

    variables: tuple[str, ...]
    sizes: tuple[int, ...]
    joint: dict  # outcome tuple -> probability
    other: tuple  # Q: probabilities of the first variable's outcomes
    symbolic: bool = False
    shown: tuple = ()  # (name, value) for a counterexample

    def probability(self, fixed: dict) -> sp.Basic:
        """P(variables in ``fixed`` take those outcomes): the marginal over the others."""
        if len(fixed) == len(self.variables):  # one cell, as built (a·b stays a product)
            return self.joint[tuple(fixed[name] for name in self.variables)]
        total = sp.S.Zero
        for key, value in self.joint.items():
            if all(key[self.variables.index(name)] == index for name, index in fixed.items()):
                total += value
        return sp.expand(total) if self.symbolic else total

    def outcomes(self, name: str) -> range:
        return range(self.sizes[self.variables.index(name)])


def _weights(count: int, rng: random.Random) -> list[sp.Rational]:
    numbers = rng.sample(range(1, 40 * count + 40), count)
    total = sum(numbers)
    return [sp.Rational(n, total) for n in numbers]


def _symbols(count: int, stem: str) -> list[sp.Basic]:
    free = [sp.Symbol(f"{stem}{k}", positive=True) for k in range(1, count)]
    return free + [1 - sp.Add(*free)]


@dataclass(frozen=True)
class Conditions:
    independent: bool = False
    identical: bool = False
    invertible: bool = False
    same_law: bool = False  # P = Q

    def words(self) -> list[str]:
        return [text for flag, text in (
            (self.independent, "X, Y independent (the joint law is the product of the marginals)"),
            (self.identical, "X = Y (the joint law is on the diagonal)"),
            (self.invertible, "X an invertible function of Y (one outcome of X for each of Y)"),
            (self.same_law, "P = Q"),
        ) if flag]

    @property
    def any(self) -> bool:
        return bool(self.words())


def make_world(variables, sizes, conditions: Conditions, rng=None, symbolic=False) -> World:
    joint: dict = {}
    if len(variables) == 1:
        values = _symbols(sizes[0], "p") if symbolic else _weights(sizes[0], rng)
        joint = {(a,): values[a] for a in range(sizes[0])}
    elif conditions.independent:
        first = _symbols(sizes[0], "a") if symbolic else _weights(sizes[0], rng)
        second = _symbols(sizes[1], "b") if symbolic else _weights(sizes[1], rng)
        joint = {(a, b): first[a] * second[b] for a in range(sizes[0]) for b in range(sizes[1])}
    elif conditions.identical or conditions.invertible:
        n = sizes[0]
        values = _symbols(n, "p") if symbolic else _weights(n, rng)
        order = list(range(n))
        if conditions.invertible:
            order = order[1:] + order[:1]
        joint = {(a, b): (values[a] if order[a] == b else sp.S.Zero)
                 for a in range(n) for b in range(n)}
    else:
        cells = list(product(range(sizes[0]), range(sizes[1])))
        values = _symbols(len(cells), "p") if symbolic else _weights(len(cells), rng)
        joint = dict(zip(cells, values))
    first_law = [sum((v for k, v in joint.items() if k[0] == a), sp.S.Zero) for a in range(sizes[0])]
    if conditions.same_law:
        other = tuple(first_law)
    else:
        other = tuple(_symbols(sizes[0], "q") if symbolic else _weights(sizes[0], rng))
    shown = tuple(
        (f"P({', '.join(f'{v}={i + 1}' for v, i in zip(variables, key))})", str(value))
        for key, value in joint.items()
    )
    if not conditions.same_law:
        shown += tuple((f"Q({variables[0]}={a + 1})", str(value)) for a, value in enumerate(other))
    return World(tuple(variables), tuple(sizes), joint, other, symbolic, shown)


# -- evaluation ----------------------------------------------------------------------------------
class Evaluator:
    def __init__(self, world: World, note: InfoNote):
        self.world = world
        self.note = note

    def log(self, value: sp.Basic) -> sp.Basic:
        if value == 0:
            raise NotRead("the logarithm of a zero probability")
        result = sp.log(value)
        return result / sp.log(2) if self.note.log_base_two else result

    def law(self, name: str) -> list:
        if name == "Q":
            return list(self.world.other)
        variable = self.world.variables[0]
        return [self.world.probability({variable: a}) for a in self.world.outcomes(variable)]

    def entropy_of(self, probabilities) -> sp.Basic:
        return -sp.Add(*(p * self.log(p) for p in probabilities if p != 0))

    def value(self, node: Node, env: dict) -> sp.Basic:  # noqa: C901 - a dispatch table
        kind, args = node.kind, node.args
        world = self.world
        if kind in ("num", "bits"):
            return args[0]
        if kind == "neg":
            return -self.value(args[0], env)
        if kind == "add":
            return sp.Add(*(self.value(a, env) for a in args))
        if kind == "mul":
            factors = []
            for factor in args:
                if factor.kind in ("p", "q", "pcond", "p_index"):
                    number = self.value(factor, env)
                    if number == 0:
                        return sp.S.Zero  # 0 · log 0 = 0: the sum runs over the support
                    factors.append(number)
                else:
                    factors.append(factor)
            return sp.Mul(*(f if isinstance(f, sp.Basic) else self.value(f, env) for f in factors))
        if kind == "inv":
            denominator = self.value(args[0], env)
            if denominator == 0:
                raise NotRead("a division by a zero probability")
            return 1 / denominator
        if kind == "pow":
            return self.value(args[0], env) ** self.value(args[1], env)
        if kind == "log":
            result = self.log(self.value(args[0], env))
            if args[1] == 2 and not self.note.log_base_two:
                result = result / sp.log(2)
            return result
        if kind == "k":
            if len(world.variables) != 1:
                raise NotRead("k beside several random variables")
            return sp.Integer(world.sizes[0])
        if kind == "sum":
            letters, body = args
            return self.bound_sum(letters, body, env, weighted=None)
        if kind == "E":
            letters, distribution, body = args
            return self.bound_sum(letters, body, env, weighted=distribution)
        if kind in ("p", "q"):
            fixed = self.fixed(args[0], env)
            if kind == "q":
                if list(fixed) != [world.variables[0]]:
                    raise NotRead("q of an outcome of another variable")
                return world.other[fixed[world.variables[0]]]
            return world.probability(fixed)
        if kind == "pcond":
            joint = world.probability(self.fixed(args[0] + args[1], env))
            given = world.probability(self.fixed(args[1], env))
            if given == 0:
                raise NotRead("conditioning on an outcome of probability 0")
            return joint / given
        if kind == "p_index":
            return world.probability(self.fixed_index(args[0], env))
        if kind == "self":
            probability = world.probability(self.fixed_index(args[0], env))
            return -self.log(probability)
        if kind == "H":
            name = args[0]
            if name in DISTRIBUTIONS:
                return self.entropy_of(self.law(name))
            return self.entropy_of([world.probability({name: a}) for a in world.outcomes(name)])
        if kind == "Hjoint":
            first, second = args
            if first == second:
                return self.value(Node("H", (first,)), env)
            return self.entropy_of(self.pairs(first, second))
        if kind == "Hcond":
            target, given = args
            if target == given:
                return sp.S.Zero
            total = sp.S.Zero
            for b in world.outcomes(given):
                marginal = world.probability({given: b})
                for a in world.outcomes(target):
                    joint = world.probability({target: a, given: b})
                    if joint != 0:
                        total -= joint * self.log(joint / marginal)
            return total
        if kind == "I":
            first, second = args
            if first == second:
                return self.value(Node("H", (first,)), env)
            total = sp.S.Zero
            for a in world.outcomes(first):
                for b in world.outcomes(second):
                    joint = world.probability({first: a, second: b})
                    if joint != 0:
                        product_ = world.probability({first: a}) * world.probability({second: b})
                        total += joint * self.log(joint / product_)
            return total
        if kind == "KL":
            p, q = self.law(args[0]), self.law(args[1])
            if any(a != 0 and b == 0 for a, b in zip(p, q)):
                raise NotRead("an infinite divergence")
            return sp.Add(*(a * self.log(a / b) for a, b in zip(p, q) if a != 0))
        if kind == "CE":
            p, q = self.law(args[0]), self.law(args[1])
            return -sp.Add(*(a * self.log(b) for a, b in zip(p, q) if a != 0))
        raise NotRead(f"cannot evaluate {kind}")

    def pairs(self, first: str, second: str) -> list:
        world = self.world
        return [world.probability({first: a, second: b})
                for a in world.outcomes(first) for b in world.outcomes(second)]

    def fixed(self, letters, env) -> dict:
        fixed: dict = {}
        for letter in letters:
            if letter not in env:
                raise NotRead(f"the outcome {letter} is not bound by a sum or an expectation")
            variable, index = env[letter]
            if variable in fixed:
                raise NotRead("one variable twice")
            fixed[variable] = index
        return fixed

    def fixed_index(self, letter, env) -> dict:
        if letter not in env:
            raise NotRead(f"the index {letter} is not bound by a sum")
        variable, index = env[letter]
        return {variable: index}

    def bound_sum(self, letters, body, env, weighted) -> sp.Basic:
        world = self.world
        variables = []
        for letter in letters:
            if letter in "ijk":
                if len(world.variables) != 1:
                    raise NotRead("an index over outcomes beside several random variables")
                variables.append(world.variables[0])
            else:
                variables.append(letter.upper())
        if len(set(variables)) != len(variables) or any(v not in world.variables for v in variables):
            raise NotRead("a sum over outcomes of unknown variables")
        if weighted == "Q" and variables != [world.variables[0]]:
            raise NotRead("an expectation under Q of another variable")
        if weighted == "P" and len(variables) != len(world.variables) and len(world.variables) > 1 \
                and len(variables) > 1:
            raise NotRead("an expectation of a part of the joint law")
        total = sp.S.Zero
        for outcome in product(*(world.outcomes(v) for v in variables)):
            inner = dict(env)
            for letter, variable, index in zip(letters, variables, outcome):
                inner[letter] = (variable, index)
            if weighted is None:
                total += self.value(body, inner)
                continue
            if weighted == "Q":
                weight = world.other[outcome[0]]
            else:
                weight = world.probability(dict(zip(variables, outcome)))
            if weight != 0:
                total += weight * self.value(body, inner)
        return total


# -- deciding a step -----------------------------------------------------------------------------
def prime_logs(expr: sp.Basic) -> sp.Basic:
    """Every log of a positive rational written as a sum over logs of primes: a difference of
    such terms is then 0 exactly when it is (logs of primes are independent over the rationals,
    and a nonzero rational combination of them is transcendental, never a nonzero rational)."""
    def split(node):
        argument = node.args[0]
        if isinstance(argument, sp.Rational) and argument > 0:
            parts = sp.factorint(argument.p)
            parts.update({p: -e for p, e in sp.factorint(argument.q).items()})
            return sp.Add(*(e * sp.log(p) for p, e in parts.items() if p != 1))
        return node
    return sp.expand(expr.replace(lambda n: isinstance(n, sp.log), split))


def _certified_sign(expr: sp.Basic) -> int | None:
    from symderive.check.certified import Uncertain, _sign, enclosure

    try:
        return _sign(enclosure(expr, {}, 256))
    except (Uncertain, Exception):  # noqa: BLE001 - no certified sign: no verdict from it
        return None


HOLDS = {"=": lambda s: s == 0, "<=": lambda s: s <= 0, "<": lambda s: s < 0,
         ">=": lambda s: s >= 0, ">": lambda s: s > 0}


@dataclass
class Finding:
    verdict: str
    method: str = ""
    sizes: tuple = ()
    counterexample: Counterexample | None = None
    points: int = 0


def _pairs(lefts, rights):
    return [(a, b) for a in lefts for b in rights]


def _symbolic(lefts, rights, variables, relation, conditions, note) -> Finding | None:
    if relation != "=":
        return None
    sizes_list = SYMBOLIC_SIZES[len(variables)]
    if conditions.identical or conditions.invertible:
        sizes_list = ((2, 2), (3, 3))
    for sizes in sizes_list:
        world = make_world(variables, sizes, conditions, symbolic=True)
        evaluator = Evaluator(world, note)
        for left, right in _pairs(lefts, rights):
            difference = evaluator.value(left, {}) - evaluator.value(right, {})
            if sp.expand(sp.expand_log(difference, force=True)) != 0:
                return None
    return Finding("proved", "expand_log on distributions with symbolic probabilities",
                   tuple(_size_text(s) for s in sizes_list))


def _size_text(sizes) -> str:
    return "×".join(str(s) for s in sizes)


def _rational(lefts, rights, variables, relation, conditions, note, seed) -> Finding:
    rng = random.Random(seed)
    sizes_list = SQUARE_SIZES if (conditions.identical or conditions.invertible) \
        else RATIONAL_SIZES[len(variables)]
    checked = 0
    for sizes in sizes_list:
        world = make_world(variables, sizes, conditions, rng=rng)
        evaluator = Evaluator(world, note)
        for left, right in _pairs(lefts, rights):
            lhs, rhs = evaluator.value(left, {}), evaluator.value(right, {})
            difference = prime_logs(lhs - rhs)
            sign = 0 if difference == 0 else _certified_sign(difference)
            if sign is None:
                return Finding("undecided", "no certified sign")
            if not HOLDS[relation](sign):
                shown = lambda v: str(sp.N(v, 12))  # noqa: E731
                return Finding("refuted", "exact on a finite distribution", (_size_text(sizes),),
                               Counterexample(world.shown, shown(lhs), shown(rhs)))
            checked += 1
    return Finding("checked", "exact on random finite distributions (rational probabilities; "
                   "certified signs)", tuple(_size_text(s) for s in sizes_list), points=checked)


def decide(lhs_latex: str, rhs_latex: str, relation: str, note: InfoNote,
           conditions: Conditions, unread_condition: str, seed: int = 0) -> tuple[Outcome, str]:
    """The verdict on ``lhs relation rhs`` read with the information-theory vocabulary, and the
    reading to show; raises NotRead when a side is not in the vocabulary."""
    if relation not in HOLDS:
        raise NotRead(f"relation {relation}")
    lefts, rights = parse_side(lhs_latex, note), parse_side(rhs_latex, note)
    if len(lefts) > 1 and len(rights) > 1:
        raise NotRead("lists on both sides")
    if relation == "=" and len(lefts) + len(rights) > 2:
        raise NotRead("a list in an equation")
    try:
        return _decide(lefts, rights, relation, note, conditions, unread_condition, seed)
    except (ValueError, TypeError, ZeroDivisionError, KeyError, IndexError) as problem:
        raise NotRead(f"cannot evaluate: {problem}") from None


def _decide(lefts, rights, relation, note, conditions, unread_condition, seed):
    variables = variables_of(lefts + rights)
    if not variables and _has(lefts + rights, "bits"):
        return _constant(lefts, rights, relation, note)
    if not variables:
        raise NotRead("no probability in the step")
    if conditions.same_law and len(variables) != 1:
        conditions = Conditions(conditions.independent, conditions.identical, conditions.invertible)
    if len(variables) != 2:
        conditions = Conditions(same_law=conditions.same_law)
    reading = f"{', '.join(variables)}: random variables with a finite joint law P " \
              f"({note.describe()})"
    general = _symbolic(lefts, rights, variables, relation, Conditions(), note) \
        or _rational(lefts, rights, variables, relation, Conditions(), note, seed)
    if general.verdict in ("proved", "checked"):
        return _outcome(general, ""), reading
    if conditions.any:
        under = _symbolic(lefts, rights, variables, relation, conditions, note) \
            or _rational(lefts, rights, variables, relation, conditions, note, seed)
        stated = "; ".join(conditions.words())
        if under.verdict in ("proved", "checked"):
            return _outcome(under, f"under the condition the note states: {stated}"), reading
        general = under
        if under.verdict == "refuted" and unread_condition:
            return Outcome("undecided", method=under.method, reason=(
                f"refuted under {stated}, but the note also states a condition this reading "
                f"does not read ({unread_condition}): not refuted")), reading
        if under.verdict == "refuted":
            return _outcome(under, f"fails although {stated}, as the note states"), reading
    if general.verdict == "refuted" and unread_condition:
        return Outcome("undecided", method=general.method, reason=(
            "refuted as read on a finite distribution, but the note states a condition for it "
            f"that this reading does not read ({unread_condition}): not refuted")), reading
    if general.verdict == "refuted":
        return _outcome(general, "fails on a finite distribution"), reading
    return Outcome("undecided", method=general.method, reason=general.method), reading


def _has(trees, kind: str) -> bool:
    nodes: list = []
    for tree in trees:
        _walk(tree, nodes)
    return any(node.kind == kind for node in nodes)


def _constant(lefts, rights, relation, note) -> tuple[Outcome, str]:
    """A number of bits (``-\\log(1/2^4) = 4 bits``, logarithms base 2 as the note says)."""
    evaluator = Evaluator(World((), (), {}, ()), note)
    reading = "an amount of information in bits (the note's logarithms are base 2)"
    for left, right in _pairs(lefts, rights):
        difference = prime_logs(sp.expand_log(evaluator.value(left, {}) - evaluator.value(right, {}),
                                              force=True))
        if relation != "=" or difference != 0:
            raise NotRead("a number of bits that is not exactly equal")
    return Outcome("proved", method="exact arithmetic (logarithms of primes)"), reading


def _outcome(finding: Finding, reason: str) -> Outcome:
    parts = [reason] if reason else []
    if finding.verdict == "checked":
        parts.append(f"{finding.points} distribution(s) agreed exactly")
    if finding.sizes:
        parts.append("distribution sizes: " + ", ".join(finding.sizes))
    return Outcome(finding.verdict, method=finding.method, counterexample=finding.counterexample,
                   reason="; ".join(parts), points_checked=finding.points)


# -- the sentence of a step: conditions and definitions ------------------------------------------
MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.S)


def sentence_of(lines: list[str], line: int, latex: str, display: bool) -> str:
    """The sentence around an inline formula (both sides of it, up to the sentence ends), or
    the last sentence before a display; math kept as written."""
    if not 0 < line <= len(lines):
        return ""
    if display:
        parts = _sentences(" ".join(lines[max(0, line - 4): line - 1]))
        return parts[-1] if parts else ""
    text = lines[line - 1]
    masked = _masked(text)
    at = text.find(latex.strip())
    if at < 0:
        return ""
    ends_before = [m.end() for m in SENTENCE_END.finditer(masked, 0, at)]
    start = ends_before[-1] if ends_before else 0
    after = SENTENCE_END.search(masked, at + len(latex.strip()))
    return text[start: after.end() if after else len(text)]


SENTENCE_END = re.compile(r"[.!?。]")


def _masked(text: str) -> str:
    """The text with every formula blanked (same length): its dots end no sentence."""
    return MATH.sub(lambda m: "M" * len(m.group()), text)


def _sentences(text: str) -> list[str]:
    masked = _masked(text)
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(masked):
        pieces.append(text[start: match.end()])
        start = match.end()
    pieces.append(text[start:])
    return [piece for piece in pieces if piece.strip()]


def conditions_in(sentence: str, step_latex: str) -> tuple[Conditions, str]:
    """The conditions a sentence states for its formula, and the words of any it states that
    this reading cannot use ('' when none)."""
    math = [m.strip("$ ") for m in MATH.findall(sentence)]
    others = [m for m in math if m.replace(" ", "") not in step_latex.replace(" ", "")]
    words = MATH.sub(" ", sentence)
    identical = any(re.fullmatch(r"\s*X\s*=\s*Y\s*|\s*Y\s*=\s*X\s*", m) for m in others)
    same_law = any(re.fullmatch(r"\s*P\s*=\s*Q\s*|\s*Q\s*=\s*P\s*", m) for m in others)
    names = {m.strip() for m in math}
    both = {"X", "Y"} <= names or any(re.fullmatch(r"\(?\s*X\s*,\s*Y\s*\)?", m) for m in others)
    negated = bool(NEGATED.search(words))
    independent = bool(INDEPENDENT.search(words)) and both and not negated
    invertible = bool(INVERTIBLE.search(words)) and both and not negated
    conditions = Conditions(independent, identical, invertible, same_law)
    if independent + identical + invertible > 1:  # two joint laws at once: not one reading
        return Conditions(same_law=same_law), " ".join(words.split())[:80]
    unread = ""
    if (CONDITION_WORDS.search(words) or INDEPENDENT.search(words) or INVERTIBLE.search(words)) \
            and not conditions.any:
        unread = " ".join(words.split())[:80]
    if negated and (INDEPENDENT.search(words) or INVERTIBLE.search(words)):
        unread = " ".join(words.split())[:80]
    return conditions, unread


def operator_form(latex: str) -> str | None:
    """The form a left side gives an operator (``H(·|·)``, ``H(·,·)``, ``I(·,·)``, ``D_KL``,
    ``CE``), or None when it starts with none."""
    text = latex.strip()
    if not OPERATOR_HEAD.match(text):
        return None
    if text.startswith(("D", r"\mathrm{KL}")):
        return "D_KL"
    if "CE" in text[:16]:
        return "CE"
    head = text[0]
    inside = re.match(r"[HI]\s*[(\[]([^)\]]*)[)\]]", text)
    if not inside:
        return None
    arguments = inside.group(1)
    if "\\mid" in arguments or "|" in arguments:
        return f"{head}(·|·)"
    return f"{head}({','.join('·' for _ in arguments.split(','))})"


EMPHASIS = re.compile(r"(?<![*\\])\*[^*$\n]{2,40}\*|\\emph\{|\\textit\{")
TAKEN = {"parse-error", "undefined-derivative", "unknown-command", "prose"}
FORMS = {
    "H(·)": "entropy", "H(·,·)": "joint entropy (or, of two distributions the note calls so, "
    "the cross-entropy)", "H(·|·)": "conditional entropy", "I(·,·)": "mutual information",
    "D_KL": "Kullback–Leibler divergence", "CE": "cross-entropy",
}


def _defining(sentences: list[str]) -> bool:
    words = " ".join(MATH.sub(" ", s) for s in sentences)
    return bool(DEFINE_WORDS.search(words) or EMPHASIS.search(words))


def take_over(equations, lines: list[str], note: InfoNote, seed: int = 0) -> None:
    """Read the steps of an information-theory note that the general reading could not decide
    (not read, unknown functions, values of never-defined functions), and the first formula of
    each operator as its definition. Steps this vocabulary does not read are left as they are."""
    from symderive.notes.chains import CHECKED_RELATIONS
    from symderive.notes.plan import PlannedStep
    from symderive.notes.report import SkipReason

    introduced: dict = {}
    nonstandard: set = set()
    for equation in sorted(equations, key=lambda e: (e.chain.line, e.located.order)):
        chain = equation.chain
        if not chain.is_chain:
            continue
        display = equation.block.kind != "inline"
        sentence = sentence_of(lines, chain.line, equation.block.latex, display)
        before = _sentences(" ".join(lines[max(0, chain.line - 4): chain.line - 1]))[-2:]
        form = operator_form(chain.elements[0])
        first = form is not None and form not in introduced and chain.relations[0] == "="
        if form is not None and form not in introduced:
            introduced[form] = chain.line
        if first and _defining(before + [sentence] if display else [sentence]):
            _check_definition(equation, form, note, nonstandard, seed)
            continue  # the first formula of an operator after defining words: its definition
        if equation.skip is not None and not (
            equation.skip is SkipReason.DEFINITION and form is not None and not first
            and len(chain.elements) == 2
        ):
            continue
        conditions, unread = conditions_in(sentence, equation.block.latex)
        steps = list(equation.steps) or [PlannedStep(1, chain.relations[0],
                                                     skip=SkipReason.DEFINITION)]
        changed = False
        for position, step in enumerate(steps):
            skip = step.skip.value if step.skip is not None else None
            lhs_latex, rhs_latex = chain.elements[step.index - 1], chain.elements[step.index]
            where = WHERE.search(lhs_latex)
            if where and skip in TAKEN:  # "…, where p_i = P(X_i)": p_i is being defined
                steps[position] = PlannedStep(step.index, step.relation, skip=SkipReason.DEFINITION,
                                              reason=f"defines {where.group(1)} (after 'where')")
                changed = True
                continue
            rhs_latex = WHERE.sub("", rhs_latex)  # the name defined after 'where' (read alike)
            if not STRONG.search(lhs_latex + " " + rhs_latex) and not UNIT.search(rhs_latex):
                continue  # plain p(x) alone: not enough to say it is a probability
            left_form = operator_form(lhs_latex)
            claim_about_known = (
                skip == "definition" and left_form is not None and left_form in introduced
                and introduced[left_form] < chain.line
            )
            if not (skip in TAKEN or claim_about_known
                    or skip is None and (step.opaque or step.unknown or OPERATOR.search(
                        lhs_latex + " " + rhs_latex))):
                continue
            if any(f in nonstandard for f in filter(None, (left_form, operator_form(rhs_latex)))):
                continue
            written = chain.relations[step.index - 1]
            relation = CHECKED_RELATIONS.get(written, written if written in HOLDS else None)
            if relation is None:
                continue
            try:
                from symderive.grammar.build import time_limit
                from symderive.errors import ParseError

                with time_limit(PLAN_SECONDS, source="", what="information theory"):
                    outcome, reading = decide(lhs_latex, rhs_latex, relation, note, conditions,
                                              unread, seed + step.index)
            except NotRead:
                continue
            except ParseError:  # out of time: the general reading stands
                continue
            meanings = [f"{_shown(name)}: {what}" for name, what in FORMS.items()
                        if _uses(lhs_latex + " " + rhs_latex, name)]
            steps[position] = PlannedStep(step.index, relation, decided=outcome,
                                          decided_reading="; ".join(meanings + [reading]))
            changed = True
            for name, what in FORMS.items():
                if _uses(lhs_latex + " " + rhs_latex, name):
                    equation.readings[_shown(name)] = (
                        f"{what} (information theory: the note is about entropy)")
        if changed and all(step.decided is not None or step.skip is not None for step in steps):
            for name in GENERIC_NAMES:  # the general reading of these names is not the one used
                equation.readings.pop(name, None)
        if changed:
            equation.steps = steps
            equation.skip = None
            equation.reason = ""


PLAN_SECONDS = 6.0
GENERIC_NAMES = ("H", "I", "D", "p", "q", "P", "Q", "CE", r"\mathrm{CE}", "E")


def _uses(latex: str, form: str) -> bool:
    for match in re.finditer(r"(?<![A-Za-z\\])[HI]\s*[(\[][^)\]]*[)\]]|D_\{?\\mathrm\{KL\}|\\mathrm\{CE\}", latex):
        if operator_form(match.group()) == form:
            return True
    return False


def _shown(form: str) -> str:
    return form.replace("D_KL", r"D_{\mathrm{KL}}(·\|·)").replace("CE", r"\mathrm{CE}(·,·)")


def _check_definition(equation, form, note, nonstandard: set, seed: int) -> None:
    """A note's own definition of an operator that disagrees with the standard one: the
    operator is not read with the standard meaning in this note."""
    chain = equation.chain
    try:
        from symderive.grammar.build import time_limit
        from symderive.errors import ParseError

        with time_limit(PLAN_SECONDS, source="", what="information theory"):
            outcome, _ = decide(chain.elements[0], chain.elements[1], "=", note, Conditions(),
                                "", seed)
    except (NotRead, ParseError):
        return
    if outcome.holds:
        equation.readings.setdefault(_shown(form), (
            f"{FORMS[form]}, defined at line {chain.line} as the standard operator "
            "(information theory)"))
        if equation.skip is None:
            from symderive.notes.plan import PlannedStep
            from symderive.notes.report import SkipReason

            steps = list(equation.steps)
            if steps and steps[0].skip is not None and steps[0].skip.value in TAKEN:
                steps[0] = PlannedStep(1, steps[0].relation, skip=SkipReason.DEFINITION,
                                       reason=f"defines the {FORMS[form]} {_shown(form)} (the "
                                       "first formula for it, after words that define it)")
                equation.steps = steps
    else:
        nonstandard.add(form)
