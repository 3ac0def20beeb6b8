"""Running text with its mathematics typeset: ``e^(−x)/(1 + e^(−x))²`` becomes
``$e^{-x}/(1 + e^{-x})^{2}$`` inside the sentence, so justifications and claims read like a
textbook instead of showing ``eˆ(−x)``.

A word is mathematics when it carries a mathematical character (``^ _ = ∂ Σ ∇ · × ≤ ᵀ ²`` …, a
Greek letter), is a single letter (not the article "a"), or a short function application
(``f(x)``, ``E[w]``); neighbouring mathematical words and the operators between them form one
formula. Korean and ordinary words stay text (through :func:`text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

STRONG = set("^_=∂Σ∑∇‖·×≤≥≠→←√∫⊙⊗ᵀ²³₀₁₂₃≈∞′ŷ−½¼¾|\u0302") | set("αβγδεζηθλμνπρστφχψωΓΔΘΛΠΣΦΨΩ")
OPERATORS = {"=", "+", "−", "-", "·", "×", "/", "<", ">", "≤", "≥", "≠", "≈", "→", "⊙", "*", "~"}
# code and file names (nn.Linear, kaiming_uniform_, ../image/graph.png): typewriter, not math
CODE_WORD = re.compile(r"[A-Za-z_]\.[A-Za-z_]|_$|_\(|\.png|\.py\b|^\.\./")
TRAILING = ",.;:"
SINGLE_LETTER = re.compile(r"^[(\[]*[A-Za-zα-ωΑ-Ω][′']?[)\]]*$")
APPLICATION = re.compile(r"^[(\[]*[A-Za-zσαβ]{1,4}[₀₁₂₃0-9]*[′']?[(\[][^ ]*[)\]]+$")
NUMERIC = re.compile(r"^[(\[]*[0-9.]*[0-9][A-Za-z]{0,2}[)\]]*$|^[0-9()/.+−]*[/()][0-9()/.+−]*$")
QUOTES = "“”‘"
SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉"
# a name from code (grad_y_pred, fan_in, in_features): upright, underscores kept
CODE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+){2,}|[A-Za-z]{2,}(?:_[A-Za-z]{2,})+")
FUNCTION_NAMES = ("log", "exp", "sin", "cos", "tanh", "max", "min")
OPERATOR_NAMES = ("sign", "tr", "relu", "softmax", "Var", "Bias")

MATH_SYMBOLS = {
    "−": "-",
    "·": r"\cdot ",
    "×": r"\times ",
    "≤": r"\le ",
    "≥": r"\ge ",
    "≠": r"\ne ",
    "≈": r"\approx ",
    "→": r"\to ",
    "←": r"\leftarrow ",
    "∂": r"\partial ",
    "Σ": r"\Sigma ",
    "∑": r"\sum ",
    "∇": r"\nabla ",
    "‖": r"\| ",
    "√": r"\surd ",
    "∫": r"\int ",
    "⊙": r"\odot ",
    "⊗": r"\otimes ",
    "∞": r"\infty ",
    "ᵀ": r"^{\top}",
    "²": "^{2}",
    "³": "^{3}",
    "₀": "_{0}",
    "₁": "_{1}",
    "₂": "_{2}",
    "₃": "_{3}",
    "′": "'",
    "ŷ": r"\hat{y}",
    "ℝ": r"\mathbb{R}",
    "∈": r"\in ",
    "½": r"\tfrac12 ",
    "¼": r"\tfrac14 ",
    "¾": r"\tfrac34 ",
    "*": r"\ast ",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "~": r"\sim ",
    "\\": r"\backslash ",
    "{": r"\{",
    "}": r"\}",
    "…": r"\ldots ",
    "⋯": r"\cdots ",
}
GREEK = dict(
    zip(
        "αβγδεζηθλμνπρστφχψωΓΔΘΛΠΦΨΩ",
        r"\alpha \beta \gamma \delta \varepsilon \zeta \eta \theta \lambda \mu \nu \pi \rho "
        r"\sigma \tau \phi \chi \psi \omega \Gamma \Delta \Theta \Lambda \Pi \Phi \Psi "
        r"\Omega".split(),
    )
)


def is_math_word(word: str) -> bool:
    core = word.rstrip(TRAILING).strip(QUOTES)
    if not core or re.search(r"[\uac00-\ud7a3]", core):
        return False
    if core.startswith("'") or core.endswith("'") and core.count("'") > 1:
        return False  # a quoted catalog id such as 'max-as-relu'
    if any(character in STRONG for character in core):
        return True
    if core in OPERATORS:
        return False  # decided by its neighbours
    if core.lower() in ("a", "i") or core in ("A",):
        return False
    if re.match(r"(log|exp|tanh|sin|cos)(\(|$)", core):
        return True
    if re.fullmatch(r"[A-Za-z]{1,2}[0-9]+(?:[A-Za-z]{1,2}[0-9]+)?", core):
        return True  # w0x0, x1, b2
    fraction = re.fullmatch(r"([A-Za-z0-9()]{1,4})/([A-Za-z0-9()]{1,4})", core)
    if fraction and any(len(side.strip("()")) == 1 or re.search("[0-9]", side) for side in fraction.groups()):
        return True  # k/3, 1/x (not and/or)
    if NUMERIC.match(core) and re.search(r"[A-Za-z/]", core):
        return True
    return bool(SINGLE_LETTER.match(core) or APPLICATION.match(core))


def _group(text: str, position: int) -> tuple[str, int]:
    """The exponent or subscript starting at ``position``: a parenthesised group (parentheses
    dropped), or one token of letters, digits and primes."""
    if position < len(text) and text[position] == "{":
        depth = 0
        for end in range(position, len(text)):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            if depth == 0:
                return text[position + 1 : end], end + 1
        return text[position + 1 :], len(text)
    if position < len(text) and text[position] == "(":
        depth = 0
        for end in range(position, len(text)):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            if depth == 0:
                return text[position + 1 : end], end + 1
        return text[position + 1 :], len(text)
    match = re.match(r"[−-]?[A-Za-z0-9α-ω′'\u0302]+|.", text[position:])
    token = match.group(0) if match else ""
    camel = re.match(r"[a-z0-9]+(?=[A-Z])", token)  # y_tE[ŷ]: the subscript is t
    token = camel.group(0) if camel else token
    return token, position + len(token)


def to_math(formula: str) -> str:
    """A formula written in plain Unicode (``e^(−x)``, ``∂L/∂W_ij``) as LaTeX math source."""
    out = []
    position = 0
    while position < len(formula):
        character = formula[position]
        if formula[position + 1 : position + 2] == "\u0302" and character.isalpha():
            out.append(r"\hat{" + character + "}")  # p̂: a letter with a combining hat
            position += 2
            continue
        if character in SUBSCRIPT_DIGITS:
            end = position
            while end < len(formula) and formula[end] in SUBSCRIPT_DIGITS:
                end += 1
            digits = "".join(str(SUBSCRIPT_DIGITS.index(c)) for c in formula[position:end])
            out.append("_{" + digits + "}")
            position = end
            continue
        code_name = CODE_NAME.match(formula, position)
        if code_name and (position == 0 or not formula[position - 1].isalnum()):
            out.append(r"\mathrm{" + code_name.group(0).replace("_", r"\_") + "}")
            position = code_name.end()
            continue
        if character == "√":
            group, position = _group(formula, position + 1)
            out.append(r"\sqrt{" + to_math(group) + "}")
            continue
        if character in "^_" and position + 1 < len(formula):
            group, position = _group(formula, position + 1)
            out.append(character + "{" + to_math(group) + "}")
            continue
        if character in "^_":
            out.append(r"\_" if character == "_" else r"\^{}")
        elif character in MATH_SYMBOLS:
            out.append(MATH_SYMBOLS[character])
        elif character in GREEK:
            out.append(GREEK[character] + " ")
        elif ord(character) < 128:
            out.append(character)
        else:
            out.append("?")
        position += 1
    result = "".join(out)
    for name in FUNCTION_NAMES:
        result = re.sub(rf"(?<![A-Za-z\\]){name}(?![A-Za-z])", rf"\\{name} ", result)
    for name in OPERATOR_NAMES:
        result = re.sub(rf"(?<![A-Za-z\\]){name}(?![A-Za-z])", rf"\\operatorname{{{name}}}", result)
    return result


def prose(value: str, text: Callable[[str], str]) -> str:
    """Running text with its formulas in ``$…$``; ``text`` escapes the words between them."""
    words = value.split(" ")
    flags = [is_math_word(word) for word in words]
    # an operator between formulas or numbers joins them into one formula
    numeric = [bool(re.fullmatch(r"[(\[]*[0-9][0-9.,]*[)\]]*", w.rstrip(TRAILING))) for w in words]
    for _ in range(2):
        for index, word in enumerate(words):
            if word not in OPERATORS or index == 0 or index + 1 == len(words):
                continue
            left, right = index - 1, index + 1
            if words[left].endswith(tuple(TRAILING)):
                continue
            if (flags[left] or numeric[left]) and (flags[right] or numeric[right]):
                flags[left] = flags[index] = flags[right] = True
    pieces: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        if not run:
            return
        formula = " ".join(run)
        leading = trailing = ""
        while formula and formula[0] in QUOTES:
            leading, formula = leading + formula[0], formula[1:]
        while formula and formula[-1] in TRAILING + QUOTES + "”":
            trailing = formula[-1] + trailing
            formula = formula[:-1]
        if formula.startswith("(") and formula.count("(") > formula.count(")"):
            leading, formula = leading + "(", formula[1:]
        if formula.endswith(")") and formula.count(")") > formula.count("("):
            trailing, formula = ")" + trailing, formula[:-1]
        pieces.append(text(leading) + "$" + to_math(formula) + "$" + text(trailing))
        run.clear()

    for word, flag in zip(words, flags):
        core = word.rstrip(TRAILING)
        if CODE_WORD.search(core.strip("()")):
            close_run()
            pieces.append(r"\texttt{" + text(core) + "}" + text(word[len(core) :]))
            continue
        if flag:
            run.append(word)
            if word.endswith(tuple(TRAILING)):
                close_run()
        else:
            close_run()
            pieces.append(text(word))
    close_run()
    return " ".join(pieces)
