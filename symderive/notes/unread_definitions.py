r"""Names the note defines by a formula this reader cannot read (round 9a, H3):
``Let $\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{o})$.`` defines ŷ, but softmax of a vector
of unknown length is not read, so no definition of ŷ is in force. A claim about ŷ
(``∂ŷ_j/∂o_j = ŷ_j(1 − ŷ_j)``) would then treat ŷ as a free name — an arbitrary number, or an
arbitrary function of o_j in an invented instance — which it is not: the note defined it.
A vector written as its entries (``\mathbf{x} = [x_1, \ldots, x_n]^\top``) is not such a
definition: its entries are free, as a free name reads them. Every verdict such a step reaches (proved, checked or refuted) is a property of the free
name, not of the note's ŷ, so it is undecided, naming the unread definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symderive.grammar.latex import GREEK
from symderive.notes.directives import definition_head
from symderive.notes.roles import Role

# a vector written as its entries: [x_1, x_2, \ldots, x_n]^\top, (x_1, …, x_n), a bmatrix
ENTRIES = re.compile(
    r"^\s*(?:(?:\\left\s*)?[\[(]\s*[^\[\]()]*,[^\[\]()]*(?:\\right\s*)?[\])]"
    r"|\\begin\s*\{[pbvBV]?matrix\}.*\\end\s*\{[pbvBV]?matrix\})"
    r"\s*(?:\^\s*\{?\s*(?:\\top|T|\\intercal)\s*\}?)?\s*$", re.S)
BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(\\?[A-Za-z]+)\s*\}")


@dataclass(frozen=True)
class UnreadDefinition:
    name: str  # as written (head), e.g. \hat{\mathbf{y}}
    pattern: str  # regex matching the name and its entries (\hat{y}_j) in a step's LaTeX
    line: int
    end: int  # the section's last line
    formula: str
    why: str = ""  # a derivative of a defined name, a recurrence (derivative_names)


def _pattern(name: str) -> str:
    plain = BOLD.sub(r"\1", name)
    forms = {re.sub(r"\s+", "", form) for form in (name, plain)}
    alternatives = "|".join(
        r"\s*".join(re.escape(character) for character in form) for form in sorted(forms))
    return rf"(?<![A-Za-z\\])(?:{alternatives})(?![A-Za-z])"


def unread_definitions(located: list, definitions: list) -> list[UnreadDefinition]:
    """The definitions (role DEFINITION, a name on the left) that gave no definition in force."""
    made = {(definition.start, definition.order) for definition in definitions}
    found = []
    for item in located:
        if item.reading.role is not Role.DEFINITION or (item.chain.line, item.order) in made:
            continue
        head = definition_head(item.chain.elements[0])
        if head is None:
            continue
        name = " ".join(head[0].split())
        if name.startswith("\\") and not re.match(r"\\(?:hat|tilde|bar|mathbf|boldsymbol|bm|vec)",
                                                  name) and not (
                head[1] is None and re.split(r"[_^\s{]", name[1:], maxsplit=1)[0] in GREEK
        ):  # (\delta = ∂L/∂y, \delta_j = ∂L/∂z_j: a name, round 59 BA03, BA01)
            continue  # \sigma(x) = …, \textrm{…}: functions the other readers handle
        if ENTRIES.match(item.chain.elements[1]):
            continue  # x = [x_1, …, x_n]^T: a vector of free entries, as the free name reads it
        if "".join(item.chain.elements[1].split()).rstrip("\\.,") == "".join(name.split()):
            continue  # x = x: the name as it is, no definition of it
        found.append(UnreadDefinition(name, _pattern(name), item.chain.line, item.section_end,
                                      " ".join(item.chain.latex.split()),
                                      item.reading.not_in_force))
    return found


def unread_definition_used(step_latex: str, line: int, unread: list[UnreadDefinition],
                           in_force: dict) -> str:
    """Why a step that mentions a name defined by an unread formula (in its section, before
    it, and not defined again readably since) is undecided; '' when none."""
    for definition in unread:
        if not definition.line <= line <= definition.end:
            continue
        if not re.search(definition.pattern, step_latex):
            continue
        again = [note for note in in_force.values() if re.match(definition.pattern, note)
                 and (found := re.search(r"line (\d+)\)\s*$", note)) and int(found.group(1)) >=
                 definition.line]
        if again:
            continue
        if definition.why:
            return (f"{definition.name} at line {definition.line} (${definition.formula}$): "
                    f"{definition.why.split('; ', 1)[0]}; no verdict using it stands")
        return (f"{definition.name} is defined at line {definition.line} by a formula this reader "
                f"does not read (${definition.formula}$): read as a free name it is not the "
                "note's, so no verdict about it stands")
    return ""
