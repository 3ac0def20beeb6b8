r"""The small grammar of the information-theory vocabulary of notes (its own tokens; nothing
in a note is evaluated): ``H(X)``, ``H(X, Y)``, ``H(Y \mid X)``, ``I(X, Y)``,
``D_{\mathrm{KL}}(P\|Q)``, ``\mathrm{CE}(P, Q)``, ``p(y \mid x)``, ``p_{X, Y}(x, y)``, ``q(x)``,
``p_i``, ``E_{x \sim P}[…]``, ``\sum_x``, ``\log``, ``\frac``, numbers and ``4 \text{ bits}``.
Anything else raises :class:`NotRead`, and the step is left to the other readings. The meaning
is in :mod:`symderive.notes.info_check`; when it applies, in :mod:`symderive.notes.probability`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

VARIABLE_LETTERS = "XYSZ"  # random variables (at most two in one step)
DISTRIBUTIONS = "PQ"  # laws


class NotRead(Exception):
    """The text is not (only) in the vocabulary this reading knows: leave it to the others."""


@dataclass(frozen=True)
class InfoNote:
    """What the prose of one note says about its information-theory vocabulary."""

    log_base_two: bool
    self_information: bool
    cross_entropy_h: bool
    classes_k: bool

    def describe(self) -> str:
        base = "base 2 (the note says so)" if self.log_base_two else "natural"
        return f"information-theory operators on finite distributions; log {base}"


# -- tokens -------------------------------------------------------------------------------------
SPACING = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
           "quad", "qquad", "displaystyle", "limits", "nolimits"}
WORD_COMMANDS = {"mathrm", "operatorname", "textrm", "mathbb", "mathsf", "rm"}
TOKEN = re.compile(r"\\\||\\[{}]|\\[,;:! ]|\\[A-Za-z]+|\d+(?:\.\d+)?|[A-Za-z]"
                   r"|[()\[\]{}+\-*/^_,|;=]|\s+|.")


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
        return self.script_text_of("")

    def script_text_of(self, mark: str) -> list[Tok]:
        """The tokens of a script whose mark (``_`` or ``^``) was taken: ``x`` or ``{x, y}``."""
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
        texts = [t.text for t in script]
        if self.at("^") and self.note.classes_k and len(texts) == 3 and texts[0] in "ij" \
                and texts[1:] == ["=", "1"]:  # \sum_{i=1}^{k}: every outcome of a k-class law
            self.take()
            upper = [t.text for t in self.script_text_of("^")]
            if upper == ["k"]:
                return (texts[0],)
            raise NotRead("a sum with bounds other than 1 … k")
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
        if len(groups) != 2 or groups[1][0] != separator or any(
            name not in DISTRIBUTIONS for name in names
        ):
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
