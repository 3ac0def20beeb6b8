r"""Certificates for information inequalities (notes/info_check): a sum of Shannon's basic ones.

An inequality about every law (``H(X, Y) \le H(X) + H(Y)``) that held on the finite laws
tried is only sampled: like any inequality in notes (:mod:`symderive.check.
inequality_certificates`) it is *checked* only with a certificate covering every law, else
*undecided*.  The certificate here is a proof: both sides are read as LINEAR combinations
(rational coefficients) of the entropies H(X), H(Y), H(X, Y), the divergence D(P‖Q) and
log k (the note's k outcomes of X), plus a constant; the slack is then written exactly as

    slack = Σ λ_i e_i + c,    every λ_i ≥ 0,  c ≥ 0 (c > 0 for < and >)

where the e_i are valid inequalities e_i ≥ 0 (theorems): for two variables the elemental
Shannon inequalities H(X | Y) = H(X, Y) − H(Y) ≥ 0, H(Y | X) ≥ 0, I(X; Y) = H(X) + H(Y) −
H(X, Y) ≥ 0; for one variable H(X) ≥ 0 and H(X) ≤ log k (k the number of outcomes); and
Gibbs' D(P‖Q) ≥ 0; log k − H(V) ≥ 0 for a variable the note says takes at most k values.  The
λ_i solve a linear system exactly (SymPy; where it has many solutions, the one with its free
weights 0 — any solution with every λ_i ≥ 0 is a proof); the sign of c is certified (Arb).  A
claim that is not such a combination (a sum over outcomes, an expectation, a conditional
law, a product of entropies) has no certificate here.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sympy as sp

from symderive.notes.info_grammar import Node

H_X, H_Y, H_XY, KL, LOG_K = "H(X)", "H(Y)", "H(X,Y)", "D(P||Q)", "log k"


class NotLinear(Exception):
    """The side is not a linear combination of the entropies this certificate knows."""


@dataclass(frozen=True)
class InfoCertificate:
    terms: tuple[tuple[sp.Rational, str], ...]  # (λ, the elemental inequality in words)
    constant: sp.Basic

    def describe(self) -> str:
        parts = [f"{sp.sstr(weight)}·({name})" if weight != 1 else f"({name})"
                 for weight, name in self.terms if weight != 0]
        if self.constant != 0 or not parts:
            parts.append(sp.sstr(self.constant))
        return ("certified for every law: the slack is " + " + ".join(parts)
                + ", a nonnegative combination of Shannon's basic inequalities")


def certify(lefts, rights, relation: str, variables: tuple, note, sign_of,
            alphabet: tuple | None = None) -> str:
    """The certificate for every pair of sides (a list on one side: each pair), in words, or
    NotLinear.  ``sign_of``: the certified sign of a constant (None: not certified);
    ``alphabet`` (name, k): the note states that this variable takes at most k values, so
    log k − H(name) ≥ 0 is one more basic inequality."""
    found = []
    for left, right in [(a, b) for a in lefts for b in rights]:
        low, high = (left, right) if relation in ("<", "<=") else (right, left)
        slack = _combine(_linear(high, variables, note), _linear(low, variables, note), -1)
        found.append(_decompose(slack, variables, relation in ("<", ">"), sign_of,
                                alphabet, note).describe())
    if not found:
        raise NotLinear("no sides")
    return "; ".join(dict.fromkeys(found))


def _combine(first: dict, second: dict, weight=1) -> dict:
    out = dict(first)
    for key, value in second.items():
        out[key] = out.get(key, sp.S.Zero) + weight * value
    return out


def _entropy(names: tuple, variables: tuple) -> dict:
    names = tuple(dict.fromkeys(names))
    if any(name not in variables for name in names):
        raise NotLinear(f"an entropy of {', '.join(names)}")
    if len(names) == 1:
        return {H_X if names[0] == variables[0] else H_Y: sp.S.One}
    return {H_XY: sp.S.One}


def _linear(node, variables: tuple, note) -> dict:  # noqa: C901 - a dispatch on node kinds
    """The side as {coordinate: coefficient, 1: constant}."""
    kind, args = node.kind, node.args
    if kind in ("num", "bits"):
        return {1: args[0]}
    if kind == "neg":
        return {key: -value for key, value in _linear(args[0], variables, note).items()}
    if kind == "add":
        total: dict = {}
        for term in args:
            total = _combine(total, _linear(term, variables, note))
        return total
    if kind == "inv":
        value = _linear(args[0], variables, note)
        if set(value) != {1} or not value[1].is_Rational or value[1] == 0:
            raise NotLinear("a division by an entropy")
        return {1: 1 / value[1]}
    if kind == "mul":
        parts = [_linear(factor, variables, note) for factor in args]
        varying = [part for part in parts if set(part) - {1}]
        if len(varying) > 1:
            raise NotLinear("a product of entropies")
        scale = sp.Mul(*(part.get(1, sp.S.Zero) for part in parts if part not in varying))
        if not scale.is_Rational:
            raise NotLinear("a coefficient that is not a rational number")
        base = varying[0] if varying else {1: sp.S.One}
        return {key: scale * value for key, value in base.items()}
    if kind == "H":
        name = args[0]
        if name == "P" and len(variables) == 1:  # the law of the one variable
            return {H_X: sp.S.One}
        return _entropy((name,), variables)
    if kind == "Hjoint":
        return _entropy(tuple(args), variables)
    if kind == "Hcond":
        target, given = args
        if target == given:
            return {}
        return _combine(_entropy((target, given), variables), _entropy((given,), variables), -1)
    if kind == "I":
        first, second = args
        if first == second:
            return _entropy((first,), variables)
        return _combine(_combine(_entropy((first,), variables), _entropy((second,), variables)),
                        _entropy((first, second), variables), -1)
    if kind == "KL" and tuple(args) == ("P", "Q") and len(variables) == 1:
        return {KL: sp.S.One}
    if kind == "CE" and tuple(args) == ("P", "Q") and len(variables) == 1:
        return {H_X: sp.S.One, KL: sp.S.One}  # H(P, Q) = H(P) + D(P‖Q)
    if kind == "log":
        argument, base = args
        if not (base is None or (base == 2 and note.log_base_two)):
            raise NotLinear("a logarithm in another base than the entropies'")
        if isinstance(argument, Node) and argument.kind == "k" and len(variables) == 1:
            return {LOG_K: sp.S.One}
        if isinstance(argument, Node) and argument.kind == "num" and argument.args[0] > 0:
            value = sp.log(argument.args[0])
            return {1: value / sp.log(2) if note.log_base_two else value}
    raise NotLinear(f"{kind}")


def _elementals(variables: tuple, slack: dict, alphabet=None, note=None) -> list:
    """(the inequality in words, its coordinates, 1: its constant) — each ≥ 0 for every law
    (on the alphabet the note states)."""
    if len(variables) == 2:
        found = [("H(X | Y) ≥ 0", {H_XY: 1, H_Y: -1}), ("H(Y | X) ≥ 0", {H_XY: 1, H_X: -1}),
                 ("I(X; Y) ≥ 0", {H_X: 1, H_Y: 1, H_XY: -1})]
    else:
        found = [("H(X) ≥ 0", {H_X: 1})]
    if KL in slack:
        found.append(("D(P‖Q) ≥ 0", {KL: 1}))
    # H(X) ≤ log k rests on what the prose says k (or an alphabet) counts, and the readers of
    # that prose take a count of anything in the note for X's (review round 10b C1, C3: "the
    # sum of two binary digits", "the label Y takes one of k classes" with H(Z) ≤ log k): it is
    # no basic inequality here until a reader ties the count to the variable itself
    return found


def _decompose(slack: dict, variables: tuple, strict: bool, sign_of, alphabet=None,
               note=None) -> InfoCertificate:
    slack = dict(slack)
    elementals = _elementals(variables, slack, alphabet, note)
    values = _weights(slack, elementals)
    constant = sp.simplify(slack.get(1, sp.S.Zero) - sum(
        v * e.get(1, 0) for v, (_, e) in zip(values, elementals)))
    sign = 0 if constant == 0 else sign_of(constant)
    if sign is None or sign < 0 or (strict and sign == 0):
        raise NotLinear(f"the constant {sp.sstr(constant)} is not certified "
                        + ("positive" if strict else "nonnegative"))
    return InfoCertificate(tuple((v, name) for v, (name, _) in zip(values, elementals)),
                           constant)


def _weights(slack: dict, elementals: list) -> list:
    """λ_i ≥ 0 (rational) with Σ λ_i e_i equal to the slack in every coordinate but the
    constant: the first nonnegative solution using a subset of the e_i (smallest first; a
    subset of independent ones has one solution, solved exactly), or NotLinear."""
    coordinates = sorted((set(slack) | {c for _, e in elementals for c in e}) - {1}, key=str)
    indices = range(len(elementals))
    for size in range(len(elementals) + 1):
        for chosen in itertools.combinations(indices, size):
            weights = sp.symbols(f"l0:{size}") if size else ()
            equations = [sum(w * elementals[k][1].get(c, 0) for w, k in zip(weights, chosen))
                         - slack.get(c, 0) for c in coordinates]
            if not size:
                if all(sp.S(e) == 0 for e in equations):
                    return [sp.S.Zero] * len(elementals)
                continue
            solutions = sp.linsolve(equations, weights)
            if not solutions or solutions == sp.S.EmptySet:
                continue
            (found,) = solutions
            if all(v.is_Rational and v >= 0 for v in found):
                values = [sp.S.Zero] * len(elementals)
                for k, v in zip(chosen, found):
                    values[k] = v
                return values
    raise NotLinear("not a nonnegative combination of the basic inequalities")
