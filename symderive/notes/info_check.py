r"""The information-theory vocabulary evaluated on finite distributions, and the verdict on
one step (see :mod:`symderive.notes.probability` for when it applies).

* **proved** when both sides agree, after SymPy's ``expand_log``/``expand``, on laws whose
  probabilities are *symbols* (all but the last free, the last one minus the others), at the
  sizes listed: exactly zero;
* **checked** when they agree exactly on random laws with distinct, strictly positive rational
  probabilities (equalities: the difference written over logarithms of primes is 0;
  inequalities: the certified sign of the difference, :mod:`symderive.check.certified`);
* **refuted** only at a law that satisfies the conditions used, and only when the sentence
  states no condition this reading does not understand; otherwise **undecided**.

Sums and expectations run over the support (0 log 0 = 0).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace
from itertools import product

import sympy as sp

from symderive.check.probability_vectors import (
    EPSILON,
    edge_vectors,
    near_degenerate,
    point_mass,
    random_weights,
    uniform,
)
from symderive.check.rare import claim_integers, described, rare_probabilities
from symderive.notes import info_certificates
from symderive.notes.info_grammar import (
    DISTRIBUTIONS,
    VARIABLE_LETTERS,
    InfoNote,
    Node,
    NotRead,
    parse_side,
)
from symderive.report import Counterexample, Outcome

MAX_VARIABLES = 2
SYMBOLIC_SIZES = {1: ((2,), (3,)), 2: ((2, 2), (2, 3))}
RATIONAL_SIZES = {1: ((2,), (3,), (4,), (2,), (3,)), 2: ((2, 2), (2, 3), (3, 2), (3, 3), (2, 2))}
SQUARE_SIZES = ((2, 2), (3, 3), (4, 4))


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
    marginals: dict = field(default_factory=dict)  # name -> its law, when summed once ahead

    def probability(self, fixed: dict) -> sp.Basic:
        """P(variables in ``fixed`` take those outcomes): the marginal over the others."""
        if len(fixed) == 1 and self.marginals:
            ((name, index),) = fixed.items()
            return self.marginals[name][index]
        if len(fixed) == len(self.variables):  # one cell, as built (a·b stays a product)
            return self.joint[tuple(fixed[name] for name in self.variables)]
        total = sp.S.Zero
        for key, value in self.joint.items():
            if all(key[self.variables.index(name)] == index for name, index in fixed.items()):
                total += value
        return sp.expand(total) if self.symbolic else total

    def outcomes(self, name: str) -> range:
        return range(self.sizes[self.variables.index(name)])


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
        values = _symbols(sizes[0], "p") if symbolic else random_weights(sizes[0], rng)
        joint = {(a,): values[a] for a in range(sizes[0])}
    elif conditions.independent:
        first = _symbols(sizes[0], "a") if symbolic else random_weights(sizes[0], rng)
        second = _symbols(sizes[1], "b") if symbolic else random_weights(sizes[1], rng)
        joint = {(a, b): first[a] * second[b] for a in range(sizes[0]) for b in range(sizes[1])}
    elif conditions.identical or conditions.invertible:
        n = sizes[0]
        values = _symbols(n, "p") if symbolic else random_weights(n, rng)
        order = list(range(n))
        if conditions.invertible:
            order = order[1:] + order[:1]
        joint = {(a, b): (values[a] if order[a] == b else sp.S.Zero)
                 for a in range(n) for b in range(n)}
    else:
        cells = list(product(range(sizes[0]), range(sizes[1])))
        values = _symbols(len(cells), "p") if symbolic else random_weights(len(cells), rng)
        joint = dict(zip(cells, values))
    first_law = [sum((value for key, value in joint.items() if key[0] == a), sp.S.Zero)
                 for a in range(sizes[0])]
    if conditions.same_law:
        other = tuple(first_law)
    else:
        other = tuple(_symbols(sizes[0], "q") if symbolic else random_weights(sizes[0], rng))
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
        if len(set(variables)) != len(variables) or not set(variables) <= set(world.variables):
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


def _symbolic(lefts, rights, variables, relation, conditions, note,
              within: Alphabet | None = None) -> Finding | None:
    if relation != "=":
        return None
    sizes_list = SYMBOLIC_SIZES[len(variables)]
    if conditions.identical or conditions.invertible:
        sizes_list = ((2, 2), (3, 3))
    if within is not None:
        sizes_list = tuple(sizes for sizes in sizes_list if within.allows(sizes))
        if not sizes_list:
            return None
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


SINGLE_SIZES = (2, 3, 4, 5, 6)
JOINT_SHAPES = ((2, 2), (2, 3), (3, 2), (3, 3), (4, 4), (4, 5), (5, 4))


def _world(variables, sizes, joint: dict, other) -> World:
    shown = tuple(
        (f"P({', '.join(f'{v}={i + 1}' for v, i in zip(variables, key))})", str(value))
        for key, value in joint.items()
    )
    shown += tuple((f"Q({variables[0]}={a + 1})", str(value)) for a, value in enumerate(other))
    marginals = {}
    if len(variables) > 1:  # summed once: a law on n × n outcomes asks for them n times each
        for axis, name in enumerate(variables):
            law = [sp.S.Zero] * sizes[axis]
            for key, value in joint.items():
                law[key[axis]] += value
            marginals[name] = law
    return World(tuple(variables), tuple(sizes), joint, tuple(other), False, shown, marginals)


def adversarial_worlds(variables, conditions: Conditions, rng: random.Random,
                       uses_q: bool = True) -> list[World]:
    """Finite laws on which a false claim about entropies is likely to fail, each satisfying
    every condition given: alphabet sizes 2 to 6 (joint laws up to 4×4, 4×5 and 5×4), uniform
    laws, random ones, near-degenerate ones (one probability 1 − ε) and point masses,
    independent products, X = Y (the diagonal), X an invertible function of Y, Y a function of
    X that is not invertible, and Q equal to P, uniform, random or concentrated elsewhere."""
    worlds = []
    if len(variables) == 1:
        for n in SINGLE_SIZES:
            for law in edge_vectors(n, rng):
                others = [law] if conditions.same_law or not uses_q else \
                    [law, *edge_vectors(n, rng)[:3], near_degenerate(n)[::-1]]
                for other in others:
                    worlds.append(_world(variables, (n,), {(a,): law[a] for a in range(n)}, other))
        return worlds
    for n, m in JOINT_SHAPES:
        joints = []
        if conditions.identical or conditions.invertible:
            if n != m:
                continue
            for law in edge_vectors(n, rng):
                order = list(range(n))
                if conditions.invertible:
                    order = order[1:] + order[:1]
                joints.append({(a, b): (law[a] if order[a] == b else sp.S.Zero)
                               for a in range(n) for b in range(m)})
        else:
            first, second = edge_vectors(n, rng), edge_vectors(m, rng)
            joints += [{(a, b): x[a] * y[b] for a in range(n) for b in range(m)}
                       for x, y in ((first[0], second[0]), (first[1], second[1]),
                                    (first[0], second[1]), (first[2], second[0]),
                                    (first[3], second[1]))]
            if not conditions.independent:
                cells = n * m
                joints.append(dict(zip(product(range(n), range(m)), random_weights(cells, rng))))
                joints.append(dict(zip(product(range(n), range(m)), near_degenerate(cells))))
                for law in (first[0], first[1]):  # Y = X mod m (not invertible when n > m)
                    joints.append({(a, b): (law[a] if a % m == b else sp.S.Zero)
                                   for a in range(n) for b in range(m)})
                for law in (second[0], second[1]):  # X = Y mod n
                    joints.append({(a, b): (law[b] if b % n == a else sp.S.Zero)
                                   for a in range(n) for b in range(m)})
                if n == m:  # X = Y, near X = Y
                    spread = EPSILON / (cells - n)
                    joints.append({(a, b): (sp.Rational(1, n) - EPSILON / n if a == b else spread)
                                   for a in range(n) for b in range(m)})
        for joint in joints:
            marginal = [sum((v for k, v in joint.items() if k[0] == a), sp.S.Zero)
                        for a in range(n)]
            if conditions.same_law or not uses_q:
                worlds.append(_world(variables, (n, m), joint, marginal))
                continue
            for other in (random_weights(n, rng), marginal):
                worlds.append(_world(variables, (n, m), joint, other))
    return worlds


def rare_worlds(variables, conditions: Conditions, rare, uses_q: bool = True) -> list[World]:
    """Laws with an outcome of each rare probability ε of ``rare`` (chosen from the claim's
    numbers, :mod:`symderive.check.rare`: H(X) ≤ 1000·H(X)² holds at ε = 1/1000 and fails
    below about 10⁻⁴), each satisfying the conditions given: X on two outcomes (1 − ε, ε);
    for two variables X rare beside Y uniform, the reverse, both rare and independent, and
    X = Y rare (or X an invertible function of Y); Q equal to P, the mirror law or uniform."""
    worlds = []
    if len(variables) not in (1, 2):
        return worlds
    for epsilon in rare:
        law, even = [1 - epsilon, epsilon], uniform(2)
        joints = []
        if len(variables) == 1:
            joints.append(((2,), {(0,): law[0], (1,): law[1]}))
        else:
            if not (conditions.identical or conditions.invertible):
                joints += [((2, 2), {(a, b): x[a] * y[b] for a in range(2) for b in range(2)})
                           for x, y in ((law, even), (even, law), (law, law))]
            if not conditions.independent:
                order = [1, 0] if conditions.invertible else [0, 1]
                joints.append(((2, 2), {(a, b): (law[a] if order[a] == b else sp.S.Zero)
                                        for a in range(2) for b in range(2)}))
        for sizes, joint in joints:
            marginal = [sum((v for k, v in joint.items() if k[0] == a), sp.S.Zero)
                        for a in range(2)]
            others = [marginal] if conditions.same_law or not uses_q else \
                [marginal, marginal[::-1], even]
            for other in others:
                worlds.append(_world(variables, sizes, joint, other))
    return worlds


def claim_rare_probabilities(trees, note) -> tuple:
    """The rare probabilities the claim's numbers name (:func:`rare_probabilities`): every
    constant part of a side is evaluated, so 10^6 names 10⁶ and 10^{-3} names 1000."""
    nodes: list = []
    for tree in trees:
        _walk(tree, nodes)
    evaluator = Evaluator(World((), (), {}, ()), note)
    values = []
    for node in nodes:
        if _variables_in([node]):
            continue
        try:
            value = evaluator.value(node, {})
        except (NotRead, TypeError, ValueError, ZeroDivisionError):
            continue
        if isinstance(value, sp.Basic) and value.is_Rational:
            values.append(value)
    return rare_probabilities(claim_integers(*values))


LARGEST_ALPHABET = 32
EXTREME_SIZES = range(2, 9)


def extreme_worlds(variables, conditions: Conditions, size: int) -> list[World]:
    """The laws at the edges of the simplex on ``size`` outcomes, each satisfying the conditions
    given: the uniform law and the point mass (one variable); X uniform with Y constant and X
    constant with Y uniform (independent products), X, Y independent uniform, X = Y uniform and
    X = Y constant (joint laws). Q is the uniform law."""
    even, point = uniform(size), point_mass(size)
    if len(variables) == 1:
        return [_world(variables, (size,), {(a,): law[a] for a in range(size)}, even)
                for law in (even, point)]
    joints = []
    if not (conditions.identical or conditions.invertible):
        for x, y in ((even, point), (point, even), (even, even)):
            joints.append(((size, size), {(a, b): x[a] * y[b]
                                          for a in range(size) for b in range(size)}))
    if not conditions.independent:
        order = list(range(size))
        if conditions.invertible:
            order = order[1:] + order[:1]
        for law in (even, point):
            joints.append(((size, size), {(a, b): (law[a] if order[a] == b else sp.S.Zero)
                                          for a in range(size) for b in range(size)}))
    return [_world(variables, sizes, joint, even) for sizes, joint in joints]


def _additive_constants(trees, note) -> float | None:
    r"""The sum of the absolute values of the constant terms of the sides (``\log 5`` in
    ``H(X) - H(Y) \le \log 5``), in nats; None when one cannot be evaluated."""
    terms: list = []

    def collect(node) -> None:
        if not _variables_in([node]):
            terms.append(node)
        elif node.kind == "add":
            for argument in node.args:
                collect(argument)
        elif node.kind == "neg":
            collect(node.args[0])

    for tree in trees:
        collect(tree)
    evaluator = Evaluator(World((), (), {}, ()), note)
    try:
        values = [abs(float(sp.N(evaluator.value(term, {})))) for term in terms]
    except (NotRead, TypeError, ValueError):
        return None
    factor = float(sp.log(2)) if note.log_base_two else 1.0
    return sum(values) * factor


def _constant_bound(lefts, rights, relation, note) -> float | None:
    """The constant c of an upper bound ``quantity ≤ c`` (or ``c ≥ quantity``), in nats, or
    None when neither side is a constant bound."""
    if relation in ("<=", "<") and not _variables_in(rights):
        constant = rights
    elif relation in (">=", ">") and not _variables_in(lefts):
        constant = lefts
    else:
        return None
    evaluator = Evaluator(World((), (), {}, ()), note)
    try:
        values = [float(sp.N(evaluator.value(tree, {}))) for tree in constant]
    except (NotRead, TypeError, ValueError):
        return None
    factor = float(sp.log(2)) if note.log_base_two else 1.0
    return max(values) * factor


@dataclass(frozen=True)
class Alphabet:
    """The alphabet sizes a note allows its variables: at most k values for one of them."""

    variables: tuple
    stated: tuple | None  # (name, k) or None

    def allows(self, sizes) -> bool:
        if self.stated is None:
            return True
        name, count = self.stated
        return sizes[self.variables.index(name)] <= count

    def covered(self) -> bool:
        """Whether the laws tried reach every alphabet the note allows (one variable, k at
        most the largest size tried at every size)."""
        return self.stated is not None and len(self.variables) == 1 \
            and self.stated[1] <= max(EXTREME_SIZES)

    def largest(self) -> int:
        return self.stated[1] if self.covered() else max(EXTREME_SIZES)

    def said(self) -> str:
        if self.stated is None:
            return ""
        return f"on laws of {self.stated[0]} on at most {self.stated[1]} outcomes, as the note " \
            "states"


LARGEST_OUTCOMES = 4096  # outcomes of one law tried for a bound that flips at a large size
GROWTH_SIZES = (2, 4, 8)


def _size_thresholds(lefts, rights, relation, variables, conditions: Conditions,
                     note) -> tuple[list[tuple[int, int]], bool] | None:
    """On each family of :func:`extreme_worlds` (uniform laws, point masses, their products,
    X = Y) every entropy is a·log n + b at alphabet size n, so the difference of the sides is
    too (checked exactly at n = 2, 4, 8): where a relation fails for large n it fails from
    n* = exp(−b/a) on, for any coefficients (½ H(X) + log 3 flips at n = 9). Returns the
    sizes around each n* beyond :data:`EXTREME_SIZES` with the family that flips there (at most
    :data:`LARGEST_OUTCOMES` outcomes per law), and whether a first failing size is beyond
    that; None when some difference is not linear in log n (then the thresholds say nothing).
    For two variables these families are the extreme rays of the entropy region (H(X), H(Y),
    H(X,Y)), so a linear claim exceeding its constants anywhere exceeds them on one of them."""
    if relation not in ("<=", "<", ">=", ">"):
        return None
    sizes: set[tuple[int, int]] = set()  # (size, which family)
    beyond = False
    cap = LARGEST_OUTCOMES if len(variables) == 1 else math.isqrt(LARGEST_OUTCOMES)
    families = {n: extreme_worlds(variables, conditions, n) for n in GROWTH_SIZES}
    for left, right in _pairs(lefts, rights):
        for index in range(len(families[GROWTH_SIZES[0]])):
            values = []
            for n in GROWTH_SIZES:
                evaluator = Evaluator(families[n][index], note)
                try:
                    values.append(prime_logs(evaluator.value(left, {})
                                             - evaluator.value(right, {})))
                except NotRead:
                    return None
            small, middle, large = values
            if prime_logs(large - small - 2 * (middle - small)) != 0:
                return None  # not a·log n + b (n = 2, 4, 8 are evenly spaced in log n)
            slope = float(sp.N((middle - small) / sp.log(2), 30))
            offset = float(sp.N(2 * small - middle, 30))
            grows = slope > 0 if relation in ("<=", "<") else slope < 0
            if abs(slope) < 1e-12 or not grows:
                continue
            exponent = -offset / slope
            if exponent > math.log(cap) + 1:
                beyond = True
                continue
            threshold = math.floor(math.exp(exponent))  # floating: the sizes around it are tried
            for size in range(threshold - 1, threshold + 3):
                if size > max(EXTREME_SIZES) and size <= cap:
                    sizes.add((size, index))
            if threshold + 2 > cap:
                beyond = True
    return sorted(sizes), beyond


def _variables_in(trees) -> bool:
    nodes: list = []
    for tree in trees:
        _walk(tree, nodes)
    return any(node.kind not in ("num", "bits", "neg", "add", "mul", "inv", "pow", "log")
               for node in nodes)


def _rational(lefts, rights, variables, relation, conditions, note, seed,
              within: Alphabet | None = None) -> Finding:
    within = within or Alphabet(variables, None)
    rng = random.Random(seed)
    checked = 0
    evaluated: list = []
    nodes: list = []
    for tree in lefts + rights:
        _walk(tree, nodes)
    uses_q = any(node.kind in ("KL", "CE", "q") or "Q" in node.args for node in nodes)
    worlds = adversarial_worlds(variables, conditions, rng, uses_q)
    rare = claim_rare_probabilities(lefts + rights, note)
    worlds += rare_worlds(variables, conditions, rare, uses_q)
    for size in EXTREME_SIZES:
        worlds += extreme_worlds(variables, conditions, size)
    largest = max(EXTREME_SIZES)
    bound = _constant_bound(lefts, rights, relation, note)
    unreached = False
    grown: list[int] = []  # sizes past the extreme ones, where a size-dependent bound flips
    thresholds = _size_thresholds(lefts, rights, relation, variables, conditions, note)
    too_large = False
    if thresholds is not None:  # linear in log n on the extreme families: exact thresholds
        flips, too_large = thresholds
        flips = [(size, index) for size, index in flips
                 if within.allows((size,) * len(variables))]
        too_large = too_large and not within.covered()
        unreached = too_large or (bound is not None and uses_q)
        for size, index in flips:
            worlds.append(extreme_worlds(variables, conditions, size)[index])
            grown.append(size)
    else:
        if bound is not None:  # an entropy grows like log of the alphabet: one past the bound
            size = max(2, int(math.exp(min(bound, 50.0)) * (1 + 1e-9)) + 1)  # log(size) > bound
            if size > max(SINGLE_SIZES) and size <= LARGEST_ALPHABET:
                worlds += extreme_worlds(variables, conditions, size)
                grown.append(size)
            unreached = size > LARGEST_ALPHABET or uses_q
        constants = _additive_constants(lefts + rights, note) if relation != "=" else None
        if constants is not None and not unreached:  # any constant: one outcome past it too
            size = max(2, int(math.exp(min(constants, 50.0)) * (1 + 1e-9)) + 1)
            if size > LARGEST_ALPHABET:
                unreached = True
            elif size > largest:
                worlds += extreme_worlds(variables, conditions, size)
                grown.append(size)
        unreached = unreached and not (within.covered() and not uses_q)
    worlds = [world for world in worlds if within.allows(world.sizes)]
    largest = min(largest, within.largest())
    for world in worlds:
        evaluator = Evaluator(world, note)
        for left, right in _pairs(lefts, rights):
            try:
                lhs, rhs = evaluator.value(left, {}), evaluator.value(right, {})
            except NotRead:
                if any(value == 0 for value in world.joint.values()) or 0 in world.other:
                    continue  # a law with zero probabilities this claim does not define
                raise
            difference = prime_logs(lhs - rhs)
            sign = 0 if difference == 0 else _certified_sign(difference)
            if sign is None:
                return Finding("undecided", "no certified sign")
            if not HOLDS[relation](sign):
                shown = lambda v: str(sp.N(v, 12))  # noqa: E731
                values = tuple(pair for pair in world.shown
                               if uses_q or not pair[0].startswith("Q("))
                if len(world.variables) == 1 and (_has(lefts + rights, "p_index")
                                                  or _has(lefts + rights, "k")):
                    values = tuple((f"p_{a + 1}", str(world.joint[(a,)]))
                                   for a in range(world.sizes[0])) + (("k", str(world.sizes[0])),)
                return Finding("refuted", "exact on a finite distribution",
                               (_size_text(world.sizes),),
                               Counterexample(values, shown(lhs), shown(rhs)))
            checked += 1
            if _size_text(world.sizes) not in evaluated:
                evaluated.append(_size_text(world.sizes))
    if not checked:
        return Finding("undecided", "no distribution on which both sides are defined")
    if too_large:
        cap = LARGEST_OUTCOMES if len(variables) == 1 else math.isqrt(LARGEST_OUTCOMES)
        return Finding("undecided", "the sides cross only at a uniform law on more than "
                       f"{cap} outcomes per variable (the claim grows with the alphabet past "
                       "its constants), beyond the sizes tried: not checked")
    if unreached:
        return Finding("undecided", "a constant upper bound that larger alphabets (or a law Q "
                       "closer to 0) may exceed: not checked")
    return Finding("checked", "exact on finite distributions chosen to reach equality and "
                   "extreme cases (random, uniform, point masses, near-degenerate, "
                   + described(rare) + ", independent "
                   "products, X = Y, functions, uniform X with a constant Y, P = Q; uniform laws "
                   f"and point masses at every alphabet size 2 to {largest}"
                   + (f" and {', '.join(map(str, sorted(set(grown))))} (where the claim's "
                      "growth with the alphabet meets its constants)" if grown else "")
                   + "; rational "
                   "probabilities; certified signs)", tuple(evaluated), points=checked)


def decide(lhs_latex: str, rhs_latex: str, relation: str, note: InfoNote,
           conditions: Conditions, unread_condition: str, seed: int = 0,
           alphabet: tuple[str, int] | None = None) -> tuple[Outcome, str]:
    """The verdict on ``lhs relation rhs`` read with the information-theory vocabulary, and the
    reading to show; raises NotRead when a side is not in the vocabulary.  ``alphabet``
    (name, k): the note states that this variable takes at most k values, so only laws on at
    most k outcomes of it are tried (:mod:`symderive.notes.alphabets`)."""
    if relation not in HOLDS:
        raise NotRead(f"relation {relation}")
    lefts, rights = parse_side(lhs_latex, note), parse_side(rhs_latex, note)
    if len(lefts) > 1 and len(rights) > 1:
        raise NotRead("lists on both sides")
    if relation == "=" and len(lefts) + len(rights) > 2:
        raise NotRead("a list in an equation")
    try:
        return _decide(lefts, rights, relation, note, conditions, unread_condition, seed,
                       alphabet)
    except (ValueError, TypeError, ZeroDivisionError, KeyError, IndexError) as problem:
        raise NotRead(f"cannot evaluate: {problem}") from None


def _decide(lefts, rights, relation, note, conditions, unread_condition, seed, alphabet=None):
    variables = variables_of(lefts + rights)
    if alphabet is not None and alphabet[0] not in variables:  # said of another variable
        unread_condition = unread_condition or f"{alphabet[0]} takes at most {alphabet[1]} values"
        alphabet = None
    within = Alphabet(variables, alphabet)
    if not variables and _has(lefts + rights, "bits"):
        return _constant(lefts, rights, relation, note)
    if not variables:
        raise NotRead("no probability in the step")
    if conditions.same_law and len(variables) != 1:
        unread_condition = unread_condition or "P = Q, beside other variables"
        conditions = Conditions(conditions.independent, conditions.identical, conditions.invertible)
    if set(variables) != {"X", "Y"} and conditions.any and not conditions.same_law:
        # the sentence speaks of X and Y; this step is about other variables
        unread_condition = unread_condition or "; ".join(conditions.words())
        conditions = Conditions()
    reading = f"{', '.join(variables)}: random variables with a finite joint law P " \
              f"({note.describe()})"
    general = _symbolic(lefts, rights, variables, relation, Conditions(), note, within) \
        or _rational(lefts, rights, variables, relation, Conditions(), note, seed, within)
    if alphabet is not None:
        reading += f"; {alphabet[0]} takes at most {alphabet[1]} values, as the note states"
    if general.verdict in ("proved", "checked"):
        return _certified(_outcome(general, within.said()), lefts, rights, relation, variables,
                          note, alphabet), reading
    if conditions.any:
        under = _symbolic(lefts, rights, variables, relation, conditions, note, within) \
            or _rational(lefts, rights, variables, relation, conditions, note, seed, within)
        stated = "; ".join(conditions.words())
        if under.verdict in ("proved", "checked"):
            return _certified(_outcome(under, f"under the condition the note states: {stated}"),
                              lefts, rights, relation, variables, note, alphabet), reading
        general = under
        if under.verdict == "refuted" and unread_condition:
            return Outcome("undecided", method=under.method, reason=(
                f"refuted under {stated}, but the note also states a condition this reading "
                f"does not read ({unread_condition}): not refuted")), reading
        if under.verdict == "refuted":
            return _outcome(under, f"fails although {stated}, as the note states"), reading
    if general.verdict == "refuted" and unread_condition:
        return Outcome("undecided", method=general.method, reason=(
            "refuted as read on a finite distribution, but the sentence mentions a condition "
            f"that this reader does not recognise as a hypothesis (\"{unread_condition}\"): "
            "not refuted")), reading
    if general.verdict == "refuted":
        return _outcome(general, "; ".join(filter(None, ["fails on a finite distribution",
                                                         within.said()]))), reading
    return Outcome("undecided", method=general.method, reason=general.method), reading


def _certified(outcome: Outcome, lefts, rights, relation, variables, note, alphabet=None
               ) -> Outcome:
    """An inequality *checked* on finite laws stays checked only with a certificate for every
    law (:mod:`symderive.notes.info_certificates`), else *undecided* with the evidence — the
    policy of every inequality in notes (round 9b).  A certificate uses no condition the
    note states (independence, …): it holds for every law."""
    if relation == "=" or outcome.verdict != "checked":
        return outcome
    try:
        certificate = info_certificates.certify(lefts, rights, relation, variables, note,
                                                _certified_sign, alphabet)
    except info_certificates.NotLinear as why:
        return Outcome("undecided", method=outcome.method, reason=(
            f"no certificate covers every law ({why}): an inequality held on finite laws is "
            f"not checked ({outcome.reason})"), points_checked=outcome.points_checked)
    return replace(outcome, method="certified (Shannon's basic inequalities)",
                   reason=f"{certificate}; {outcome.reason}")


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
        difference = evaluator.value(left, {}) - evaluator.value(right, {})
        difference = prime_logs(sp.expand_log(difference, force=True))
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
