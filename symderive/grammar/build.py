"""One builder for every front end: the plain grammar and the LaTeX subset construct SymPy here.

Usage (a front end parses text into a tree, then builds bottom-up through a Construction):

    construction = Construction(source="LHS")            # one per expression read
    x = construction.symbol("x")                          # or the front end's own symbols
    two = construction.number("2.5", column=3)            # exact: 5/2, size-checked
    side = construction.divide(construction.log(x), x)    # records x > 0 and x != 0
    side = construction.finish(side)                      # refuses ∞/NaN/non-real; returns it
    construction.conditions                               # the natural domain: (kind, expr, why)
    with time_limit(LIMITS.parse_seconds, source="LHS", what="building"): ...

Every limit lives in :data:`LIMITS` (one table for every channel); every guard against SymPy's
eager evaluation (huge powers, ``exp(c·log b)``, log bases, division by zero, even roots of
negatives, empty sums) is a method here, so the plain and LaTeX grammars cannot drift apart.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import sympy as sp

from symderive.errors import ParseError, TimeLimitExpired
from symderive.real_roots import absolute_even_roots, real_power


# where functions are defined (real): tan and sec off the zeros of cos, cot and csc off those
# of sin, coth off 0, arcsin and arccos on [−1, 1]
DOMAINS = {
    sp.tan: (("nonzero", sp.cos, "cos of the argument of tan"),),
    sp.asin: (("nonnegative", lambda a: 1 - a**2, "1 − (argument of arcsin)²"),),
    sp.acos: (("nonnegative", lambda a: 1 - a**2, "1 − (argument of arccos)²"),),
    sp.cot: (("nonzero", sp.sin, "sin of the argument of cot"),),
    sp.csc: (("nonzero", sp.sin, "sin of the argument of csc"),),
    sp.sec: (("nonzero", sp.cos, "cos of the argument of sec"),),
    sp.coth: (("nonzero", lambda a: a, "the argument of coth"),),
}


@dataclass(frozen=True)
class Limits:
    """What one expression may cost, whichever front end reads it."""

    length: int = 10_000  # characters of input
    depth: int = 100  # nesting of groups, operators and calls
    literal_digits: int = 1000  # digits in one written number
    decimal_exponent: int = 1000  # |n| in a written 1.5e<n>
    number_digits: int = 1000  # digits of numerator/denominator of any exact number built
    exponent: int = 10_000  # |n| for a numeric exponent n (and c in exp(c·log b))
    root_digits: int = 100  # total digits of numbers under fractional powers
    parse_seconds: float = 1.5  # time SymPy may spend building one expression
    factorial: int = 200  # n in n!
    derivative_order: int = 4  # order of a written derivative
    sum_terms: int = 1000  # terms of a finite sum/product written out


LIMITS = Limits()

CONSTANT_NAMES = frozenset({"e", "pi"})
# a sum's bound named x, y, z, u, v, w or a Greek letter is a real variable, not a size
_REAL_BOUND_LETTERS = frozenset("xyzuvw")
_GREEK_WORDS = frozenset({"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "eta",
                          "theta", "lambda", "mu", "rho", "sigma", "phi", "omega",
                          "xi", "zeta"})  # fmt: skip


@dataclass(frozen=True)
class Condition:
    """One requirement of a side's natural domain, read from its written form.

    ``kind`` is ``nonzero`` (denominators, log bases ≠ 1 via ``log b``), ``positive`` (log
    arguments and bases), ``nonnegative`` (even roots), ``counted`` (≥ 0, and below 0 no
    agreed value, not a non-real one: a binomial coefficient's lower argument) or ``power``
    (``expr`` is the pair (b, y) of b^y: real where b > 0, or where y is an integer).
    """

    kind: str
    expr: sp.Expr
    why: str

    def needed(self) -> bool:
        """False when SymPy's assumptions already guarantee it (after symbols were swapped
        for declared ones, e.g. ``p`` for ``p positive``)."""
        return not _always_holds(self.kind, self.expr)

    def value_text(self, values: dict) -> str:
        """What the requirement's expression is at ``values``: ``a denominator is 0``."""
        expr = self.expr.args[0] if self.kind == "power" else self.expr
        return f"{self.why} is {sp.sstr(expr.xreplace(values))}"

    def violated_text(self) -> str:
        """The excluded set, as a reader would write it: ``x = 0``, ``x <= 0``, ``x < 0``."""
        if self.kind == "power":
            return f"{sp.sstr(self.expr.args[0])} <= 0"
        text = sp.sstr(self.expr)
        return {"nonzero": f"{text} = 0", "positive": f"{text} <= 0"}.get(
            self.kind, f"{text} < 0"
        )


class NoncommutingExp(sp.Function):
    """e^X of an X that does not commute (letters read as non-commuting symbols, for the
    question :mod:`symderive.notes.commuting` asks): SymPy's exp would merge e^{A+B} e^{-B} into
    e^A, as if A and B commuted; this one merges only equal factors (e^X e^X = (e^X)^2)."""

    nargs = 1


_Expired = TimeLimitExpired  # raised by the alarm (symderive.errors: importable without SymPy)
EXPIRE_AGAIN_SECONDS = 0.05


@contextmanager
def time_limit(seconds: float | None, *, source: str, what: str) -> Iterator[None]:
    """Raise ParseError when the body uses more than ``seconds`` of CPU time (a SIGPROF timer).

    CPU time, not wall time: on a loaded machine a wall-clock limit expires after less work,
    and a limit that decides how far the checker looks (the points where two sides meet, a
    planning step) would then change verdicts with the load.  The processes that run checks
    are killed by their parent at a wall-clock deadline as well (``check.budget``), so nothing
    waits unbounded.  Works in the main thread of a Unix process (the CLI, the checker's
    workers); elsewhere, or with ``seconds=None``, the body runs unbounded.  An enclosing timer
    is re-armed afterwards with what is left of it.
    """
    if (
        seconds is None
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expire(signum, frame):
        raise _Expired

    started = time.process_time()
    previous_handler = signal.signal(signal.SIGPROF, expire)
    # repeating: an expiry raised where Python swallows exceptions (a garbage-collector
    # callback, a __del__) is followed by another one, so the limit is never lost
    previous_delay, previous_interval = signal.setitimer(
        signal.ITIMER_PROF, seconds, EXPIRE_AGAIN_SECONDS)
    try:
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
    except _Expired:
        raise ParseError(
            f"{what} took longer than {seconds:g} s of CPU time (numbers that SymPy evaluates "
            "slowly, or a very large expression)",
            source=source,
        ) from None
    finally:
        signal.signal(signal.SIGPROF, previous_handler)
        if previous_delay:
            remaining = max(previous_delay - (time.process_time() - started), 1e-3)
            signal.setitimer(signal.ITIMER_PROF, remaining, previous_interval)


def _digits(number: sp.Rational) -> int:
    """Decimal digits of the longer of numerator and denominator (of a sized number)."""
    return max(len(str(abs(int(number.p)))), len(str(int(number.q))))


def _numeric_part(base: sp.Expr) -> sp.Expr:
    """The part of ``base`` whose numbers SymPy would raise to a power when it builds b^n."""
    if base.is_number:
        return base
    if isinstance(base, sp.Mul):
        return base.as_independent(*base.free_symbols, as_Add=False)[0]
    return sp.S.One


def _log10_size(number: sp.Rational) -> float:
    return math.log10(max(abs(int(number.p)), int(number.q), 1))


def short(number: sp.Rational) -> str:
    """A number for a message: itself when short, else its size."""
    digits = max(abs(int(number.p)).bit_length(), int(number.q).bit_length()) * 0.30103
    return str(number) if digits <= 30 else f"of about {int(digits) + 1} digits"


class Construction:
    """Builds one expression: guards every operation and records the natural domain."""

    def __init__(self, source: str = "<input>", line: int = 1, limits: Limits = LIMITS):
        self.source = source
        self.line = line
        self.limits = limits
        self.root_digits = 0
        self.conditions: list[Condition] = []
        self.derivative_depth = 0  # > 0 while reading the function of a written derivative

    @contextmanager
    def inside_derivative(self) -> Iterator[None]:
        """While the function of ``d/dx`` is read, max/min are written out with the tie rule
        (in SymPy's canonical order of the arguments, as the checker's rewrite of Max)."""
        self.derivative_depth += 1
        try:
            yield
        finally:
            self.derivative_depth -= 1

    # -- errors and bookkeeping ----------------------------------------------------------
    def error(self, message: str, column: int | None = None) -> ParseError:
        return ParseError(message, source=self.source, line=self.line, column=column or 0)

    def _require(self, kind: str, expr: sp.Expr, why: str, column: int | None) -> None:
        """Record ``expr`` kind (nonzero/positive/nonnegative); refuse when it plainly fails."""
        if kind != "power" and (not isinstance(expr, sp.Expr) or isinstance(expr, sp.MatrixExpr)):
            return
        if kind == "power":
            base, exponent = expr.args
            if base.is_number and base.is_negative and exponent.is_number:
                if not exponent.is_integer:
                    raise self.error(f"undefined (non-real): {why} is {sp.sstr(base)}", column)
                return
        elif expr.is_number:
            verdict = {
                "nonzero": expr.is_zero,
                "positive": expr.is_positive,
                "nonnegative": expr.is_nonnegative,
                "counted": expr.is_nonnegative,
            }[kind]
            failed = verdict is True if kind == "nonzero" else verdict is False
            if failed or expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
                what = "undefined" if kind in ("nonzero", "counted") else "undefined (non-real)"
                raise self.error(f"{what}: {why} is {sp.sstr(expr)}", column)
            if verdict is None:
                self.conditions.append(Condition(kind, expr, why))
            return
        if _always_holds(kind, expr):
            return
        condition = Condition(kind, expr, why)
        if condition not in self.conditions:
            self.conditions.append(condition)

    def binomial(self, upper: sp.Basic, lower: sp.Basic, column: int | None = None) -> sp.Basic:
        r"""``binomial(upper, lower)`` for a lower argument ≥ 0 only: below 0 the conventions
        differ — SymPy's numbers give 0 (``\binom{-1}{-1} = 0``), its algebra 1
        (``binomial(n, n) = 1`` for every integer n), Γ's limit −120 for ``\binom{-4}{-11}``
        — so a negative lower argument is outside the side's domain (round 27b F02)."""
        if lower.is_number and lower.is_negative:
            raise self.error(f"a binomial coefficient with the negative lower argument "
                             f"{sp.sstr(lower)} is not read: its conventions differ", column)
        self._require("counted", lower, "the lower argument of a binomial coefficient "
                      "(below 0 its conventions differ)", column)
        return self.sized(sp.binomial(upper, lower), column)

    def release(self, start: int, variables, points=(), how: str = "ends",
                lowest: dict | None = None, side: str = "+-", continuous: bool = False) -> None:
        r"""The requirements recorded since ``start`` that name a variable bound by the node just
        built (the index of Σ/Π, the variable of a limit or an integral) speak of the values it
        runs through, not of the side's domain (round 27b F03: ``\lim_{t \to 2} \sqrt{t}``
        required t ≥ 0 of a free t, sampled at t < 0 and refuted). One naming the bound
        variable alone is forgotten. One naming free names too restricts them, and is kept at
        each of ``points`` when that says it (rounds 28-29): ``how`` is "every" (``points`` are
        every value the variable takes: a short written sum), "limit" (the limit's point: a
        continuous requirement there holds near it, one that is a bare number there says
        nothing of the free names) or "ends" (a range's ends: enough for a requirement of
        sign linear in the variable, ``\int_0^1 \sqrt{x + t}^2\,dt`` needs x ≥ 0 and
        x + 1 ≥ 0). Otherwise it is recorded as ``unread``: the checker then decides nothing
        (``symderive.check.decide``: ``\int_{-1}^{1} \sqrt{t^2 - x}^2\,dt`` fails inside the
        range, not at its ends). ``lowest``: a sum's index → its first value; a requirement
        that holds at every integer from there up (``i(i + 1) ≠ 0`` from i = 1) is met whatever
        the upper bound. With ``continuous`` (an integral's variable, which runs over every real
        between the ends) a requirement of the variable alone must hold on the whole range but
        for single points (_holds_between), and a linear t ≠ 0 needs one strict sign at both
        ends. At a limit (``side``: the point approached from '+', '-' or both),
        a requirement must hold *near* the point, not at it: one of the bound variable alone
        is forgotten only when it holds on the side approached (``t > 0`` for
        ``\lim_{t \to 0^+} t \log t``; ``\lim_{t \to 0^+} \sqrt{-t}`` is unread), one naming
        free names is kept strictly (``x - t^2 \ge 0`` at t = 0 asks x > 0: at x = 0 no
        point near 0 is in the domain) and only when it is continuous there (``\lceil t
        \rceil`` jumps at 0: round 30 F01, F12, F13)."""
        bound = set(variables)
        # a range or point with free names (\int_0^x, \lim_{t \to x}) makes a requirement of
        # the bound variable alone one on them too (round 29 F22, F23)
        moving = any(getattr(to, "free_symbols", set()) - bound
                     for point in points for to in point.values())
        kept = self.conditions[:start]
        # sums required ≠ 0 on their own: inside a body they stand for positive numbers when
        # their terms are (an empty one is excluded by that requirement: round 32b F04)
        # — only those whose requirement stays outside this binder: one naming its variable
        # is released here, so it cannot vouch for itself (round 33b F05)
        required_sums = {condition.expr for condition in self.conditions
                         if condition.kind in ("nonzero", "positive")
                         and isinstance(condition.expr, sp.Sum)
                         and not condition.expr.free_symbols & bound}
        for condition in self.conditions[start:]:
            if continuous and condition.kind == "power" and condition.expr[1].free_symbols & bound:
                # b^t with t running over a range: real between the ends only where b > 0, the
                # integer exponents at the ends say nothing ((-1)^t on [0, 2]: round 33b F03)
                base = condition.expr[0]
                if not base.free_symbols & bound:
                    if not base.is_positive:
                        kept.append(_unread(condition, bound, "for every value of {} it takes"))
                    continue
                condition = Condition("positive", base, condition.why)
            names = set(getattr(condition.expr, "free_symbols", set()))
            if not names & bound or condition.kind == "unread":
                # (an inner body's requirement not read stays not read: round 31b F04, F05)
                if condition not in kept:
                    kept.append(condition)
                continue
            if how == "limit" and not _continuous(condition):
                kept.append(_unread(condition, bound, "near the point {} approaches"))
                continue
            if not names - bound and not moving:
                # about the bound variable alone: forgotten, unless it certainly fails at a
                # written end or point (\int_2^3 \sqrt{1 - t}^2\,dt: round 30 F20), or at a
                # limit, unless it is not known to hold on the side approached
                if how == "limit" and not all(_holds_near(condition, point, side)
                                              for point in points):
                    kept.append(_unread(condition, bound, "near the point {} approaches"))
                elif how != "every" and (any(_fails_at_point(condition, point)
                                             for point in points)
                                         or (continuous and not _holds_between(condition,
                                                                               points))):
                    kept.append(_unread(condition, bound, "for every value of {}"))
                continue
            if lowest and _holds_upward(condition, lowest):
                continue
            if condition.kind != "power" and _always_holds(condition.kind, condition.expr,
                                                           sums=required_sums):
                continue  # whatever the values: log(e^{o_j} / Σ_k e^{o_k}) > 0 (no restriction)
            linear = how == "ends" and all(_linear_in(condition, variable) for variable in bound)
            enough = how in ("every", "limit") or (linear and condition.kind in (
                "positive", "nonnegative", "counted", "power"))
            found = [_at_point(condition, bound, point, strict=how == "limit",
                               edge=how == "ends") for point in points] if enough else [None]
            if linear and continuous and condition.kind == "nonzero":
                # a linear t ≠ 0 over a range: the same strict sign at both ends
                # (\int_1^x \frac{dt}{t} needs x > 0: round 31a M7)
                signs = [[_at_point(Condition("positive", signed, condition.why), bound, point)
                          for point in points] for signed in (condition.expr, -condition.expr)]
                for own, signed in zip(signs, (condition.expr, -condition.expr)):
                    # one sign, unless the other is possible too (x > 0 or x < 0 for
                    # \int_x^{2x}: a choice not read — round 32b F01)
                    if None not in own and (all(at is HOLDS for at in own) or any(
                            _fails_at_point(Condition("nonnegative", -signed, ""), point)
                            for point in points)):
                        found, enough = own, True
                        break
            if how == "limit" and None in found and all(
                    _holds_near(condition, point, side) for point in points):
                continue  # t - x ≠ 0 near t = x, the point itself left out
            if enough and None not in found:
                kept.extend(at for at in found if at is not HOLDS and at not in kept)
                continue
            unread = _unread(condition, bound, "for every value of {} it takes")
            if unread not in kept:
                kept.append(unread)
        self.conditions[:] = kept

    def sized(self, expression: sp.Basic, column: int | None = None) -> sp.Basic:
        limit = 10**self.limits.number_digits
        for number in (expression, *getattr(expression, "args", ())):
            if isinstance(number, sp.Rational) and (
                abs(int(number.p)) >= limit or int(number.q) >= limit
            ):
                raise self.error(
                    f"a number with more than {self.limits.number_digits} digits arises", column
                )
        return expression

    # -- leaves --------------------------------------------------------------------------
    def number(self, text: str, column: int | None = None) -> sp.Rational:
        """A written number, exact: ``1.5`` is 3/2, ``1e-3`` is 1/1000."""
        text = text.lower()
        mantissa, _, exponent_text = text.partition("e")
        whole, _, fraction = mantissa.partition(".")
        if len(whole) + len(fraction) > self.limits.literal_digits:
            raise self.error(
                f"number literal {text[:12]}... has more than {self.limits.literal_digits} "
                "digits",
                column,
            )
        exponent = 0
        if exponent_text:
            exponent_digits = exponent_text.lstrip("+-")
            if len(exponent_digits) > 6 or int(exponent_digits) > self.limits.decimal_exponent:
                raise self.error(
                    f"decimal exponent in {text[:20]!r} is out of range "
                    f"(|exponent| <= {self.limits.decimal_exponent})",
                    column,
                )
            exponent = int(exponent_text)
        exponent -= len(fraction)
        significand = sp.Integer(int(whole + fraction or "0"))
        if exponent >= 0:
            value = significand * sp.Integer(10) ** exponent
        else:
            value = sp.Rational(significand, sp.Integer(10) ** -exponent)
        return self.sized(value, column)

    @staticmethod
    def constant(name: str) -> sp.Expr:
        """Euler's number and π: constants in every channel, never variables."""
        return {"e": sp.E, "pi": sp.pi}[name]

    # -- arithmetic ----------------------------------------------------------------------
    def add(self, terms: Sequence[sp.Expr], column: int | None = None) -> sp.Expr:
        return self.sized(sp.Add(*terms), column)

    def negate(self, value: sp.Expr, column: int | None = None) -> sp.Expr:
        return self.sized(-value, column)

    def multiply(self, factors: Sequence[sp.Basic], column: int | None = None) -> sp.Basic:
        if any(isinstance(f, sp.MatrixExpr) for f in factors):
            result = factors[0]
            for factor in factors[1:]:
                result = result * factor
            return result
        return self.sized(sp.Mul(*factors), column)

    def divide(self, numerator: sp.Expr, denominator: sp.Expr, column=None) -> sp.Expr:
        if isinstance(denominator, sp.MatrixExpr):
            raise self.error("division by a matrix", column)
        if getattr(denominator, "is_zero", None):
            raise self.error("division by zero", column)
        quotient = self.power(denominator, sp.S.NegativeOne, column)
        return self.multiply([numerator, quotient], column)

    def power(self, base: sp.Basic, exponent: sp.Basic, column: int | None = None) -> sp.Basic:
        """b^n, refusing what would make SymPy build huge numbers; odd roots are real roots
        (``(-8)^(1/3) = -2``); records b ≠ 0 for negative n, b ≥ 0 for even roots, b > 0 for
        symbolic exponents."""
        if exponent.is_commutative is False and base is not sp.E:
            # SymPy merges A^{B+C} A^{-C} into A^B as if B and C commuted (notes.commuting)
            raise self.error("a power with a non-commuting exponent", column)
        if isinstance(base, sp.MatrixExpr):
            if exponent.is_Integer:
                return sp.MatPow(base, exponent)
            raise self.error("a matrix raised to a non-integer power", column)
        for part in (base, exponent):
            if part.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
                raise self.error("undefined: ∞ in a power", column)
        self.check_power(base, exponent, column)
        if base is sp.E:  # SymPy turns e^y into exp(y)
            return self.exp(exponent, column)
        if not (isinstance(exponent, sp.Rational) and exponent.is_integer):
            base = absolute_even_roots(base)  # (x^(2/3))^(3/2) is |x| (symderive.real_roots)
        if isinstance(exponent, sp.Rational):
            if exponent.is_negative:
                self._require("nonzero", base, "a denominator", column)
            if not exponent.is_integer:
                if exponent.q % 2 == 0:
                    self._require("nonnegative", base, "the base of an even root", column)
                elif base.is_negative or base.is_nonpositive:
                    # the real odd root (docs/conventions.md): (-8)^(1/3) = -2, and
                    # (-8)^(2/3) = 4, and so for a base known to be negative or non-positive
                    # ((-x^2)^(1/3) = -(x^2)^(1/3), round 14b F10; 0 either way)
                    value = sp.Pow(-base, exponent)
                    return self.sized(-value if exponent.p % 2 else value, column)
            # x^(2/3) is |x|^(2/3); x^(1/3) keeps SymPy's form, which the checker evaluates
            # with the same real-root convention (symderive.real_roots.at_point)
            return self.sized(real_power(base, exponent), column)
        if exponent.is_integer:  # x^i with i an integer (a summation index, a size)
            if not exponent.is_nonnegative:
                self._require("nonzero", base, "the base of a power with a negative exponent",
                              column)
            return self.sized(sp.Pow(base, exponent), column)
        if base.is_number and base.is_nonnegative:
            return self.sized(sp.Pow(base, exponent), column)
        # b^y with y not known to be an integer: real where b > 0, or where y is an integer
        self._require("power", sp.Tuple(base, exponent), "the base of a power", column)
        return self.sized(sp.Pow(base, exponent), column)

    def root(self, radicand: sp.Expr, degree: sp.Expr, column: int | None = None) -> sp.Expr:
        """The real ``degree``-th root (``\\sqrt[3]{-8} = -2``)."""
        if not (degree.is_Integer and degree >= 1):
            if degree.is_number:
                raise self.error("the degree of a root must be a positive integer", column)
            return self.power(radicand, 1 / degree, column)
        return self.power(radicand, sp.Rational(1, int(degree)), column)

    def sqrt(self, radicand: sp.Expr, column: int | None = None) -> sp.Expr:
        return self.power(radicand, sp.S.Half, column)

    def check_power(self, base: sp.Expr, exponent: sp.Expr, column: int | None = None) -> None:
        if not isinstance(exponent, sp.Rational):
            return
        if abs(exponent) > self.limits.exponent:
            raise self.error(
                f"exponent {short(exponent)} is too large (|exponent| <= {self.limits.exponent})",
                column,
            )
        if base.is_zero and exponent.is_negative:
            raise self.error("division by zero (0 to a negative power)", column)
        numbers = _numeric_part(base).atoms(sp.Rational)
        largest = max((_log10_size(number) for number in numbers), default=0.0)
        if abs(float(exponent)) * largest > self.limits.number_digits:
            raise self.error(
                "the power would create a number with more than "
                f"{self.limits.number_digits} digits",
                column,
            )
        if not exponent.is_integer:
            self.root_digits += sum(
                _digits(number) for number in numbers if abs(number) != 1
            )
            if self.root_digits > self.limits.root_digits:
                raise self.error(
                    f"numbers under fractional powers exceed {self.limits.root_digits} digits",
                    column,
                )

    def check_exponential(self, argument: sp.Expr, column: int | None = None) -> None:
        """SymPy evaluates exp(c·log(b)) to b^c and exp(a + c·log(b)) to b^c·exp(a), so
        ``exp(10^999*log(2))`` would never finish: check those powers like any other first.
        (This mirrors the single-log-factor rule of SymPy's ``exp.eval``.)"""
        for term in sp.Add.make_args(argument):
            if not term.is_Mul:
                continue
            coefficient, rest = term.as_coeff_Mul()
            coefficients, log_argument = [coefficient], None
            for factor in sp.Mul.make_args(rest):
                if isinstance(factor, sp.log) and log_argument is None:
                    log_argument = factor.args[0]
                elif factor.is_comparable:
                    coefficients.append(factor)
                else:  # a second log or a symbol: SymPy leaves exp(term) alone
                    log_argument = None
                    break
            if log_argument is not None:
                coefficient = sp.Mul(*coefficients)
                if coefficient.is_Rational:
                    self.check_power(log_argument, coefficient, column)
                elif coefficient.is_number:
                    raise self.error(
                        "exp(c·log(b)) with an irrational c is not supported", column
                    )

    # -- functions -----------------------------------------------------------------------
    def exp(self, argument: sp.Expr, column: int | None = None) -> sp.Expr:
        """e^y.  SymPy folds exp(c·log u) into u^c at once, and u^c then merges by its
        principal-branch rules: the even roots in ``y`` are written |b|^(p/q) first, so
        e^{(3/2) ln(x^{2/3})} is |x|, never x (symderive.real_roots, round 13 F3)."""
        self.check_exponential(argument, column)
        if argument.is_commutative is False:  # letters read as non-commuting (notes.commuting)
            return self.sized(NoncommutingExp(argument), column)
        return self.sized(sp.exp(absolute_even_roots(argument)), column)

    def log(self, argument: sp.Expr, base: sp.Expr | None = None, column=None) -> sp.Expr:
        """Natural log, or log to ``base``: argument > 0, base > 0 and base ≠ 1.  An even
        root in the argument is written |b|^(p/q): ln(x^{2/3}) is (2/3) ln|x|, which SymPy's
        expand_log would otherwise make (2/3) ln x (valid for its principal branch only)."""
        self._require("positive", argument, "the argument of a logarithm", column)
        argument = absolute_even_roots(argument)
        if base is None:
            return self.sized(sp.log(argument), column)
        self._require("positive", base, "the base of a logarithm", column)
        self._require("nonzero", base - 1, "the base of a logarithm minus 1", column)
        return self.sized(sp.log(argument) / sp.log(absolute_even_roots(base)), column)

    def call(self, function, arguments: Sequence[sp.Expr], column: int | None = None):
        """Any other function of the vocabulary, size-checked."""
        if function is sp.exp:
            return self.exp(arguments[0], column)
        if function is sp.log and len(arguments) == 1:
            return self.log(arguments[0], None, column)
        if function is sp.sqrt:
            return self.sqrt(arguments[0], column)
        if function in (sp.Max, sp.Min) and self.derivative_depth and len(arguments) > 1:
            # the tie goes to the first argument in SymPy's canonical order, not the written
            # one (docs/conventions.md; round 14b F5: d/dx max(x,0) ≠ d/dx max(0,x) at 0)
            canonical = function(*arguments)
            if isinstance(canonical, function):
                return tie_rule(function, list(canonical.args))
            return self.sized(canonical, column)
        for requirement in DOMAINS.get(function, ()):  # arcsin, cot, sec …: where defined
            kind, of, why = requirement
            self._require(kind, of(arguments[0]), why, column)
        return self.sized(function(*arguments), column)

    def function_power(self, value: sp.Expr, exponent: sp.Expr, column=None) -> sp.Expr:
        r"""``\sin^2 x = (\sin x)^2``; a negative exponent on a function name is refused:
        ``\tan^{-1}`` means arctan in most notes and 1/tan in a few."""
        if exponent.is_number and exponent.is_negative:
            raise self.error(
                "a negative power on a function name is ambiguous (inverse or reciprocal?): "
                "write \\arctan x or \\frac{1}{\\tan x}",
                column,
            )
        return self.power(value, exponent, column)

    def factorial(self, value: sp.Expr, column: int | None = None, double: bool = False) -> sp.Expr:
        if value.is_Integer and abs(int(value)) > self.limits.factorial:
            raise self.error(f"factorial larger than {self.limits.factorial}!", column)
        return sp.factorial2(value) if double else sp.factorial(value)

    # -- sums and products ---------------------------------------------------------------
    def big_operator(self, kind: str, body, index, low, high, column=None) -> sp.Basic:
        """Σ/Π with the usual convention: an empty range gives 0 (Σ) or 1 (Π) — never
        SymPy's Karr convention, under which Σ_{i=5}^{3} i = −4."""
        if getattr(index, "name", "") in CONSTANT_NAMES:
            raise self.error(
                f"{index.name} is a constant (docs/conventions.md); name the index otherwise",
                column,
            )
        for bound in (low, high):
            if isinstance(bound, sp.Basic) and bound.has(sp.zoo, sp.nan, -sp.oo):
                raise self.error("undefined bound of a sum or product", column)
        low, high = self.integer_bound(low, sp.ceiling, column), self.integer_bound(
            high, sp.floor, column)
        if low.is_Integer and high.is_Integer and high < low:
            return sp.S.Zero if kind == "sum" else sp.S.One
        self.defined_over_range(kind, index, low, high, column)
        node = sp.Sum if kind == "sum" else sp.Product
        return node(body, (index, low, high))

    def defined_over_range(self, kind: str, index, low, high, column=None) -> None:
        r"""Refuse a sum or product one of whose terms is undefined as written: the body's
        natural domain in the index alone (``\frac{k}{k}`` needs k ≠ 0, which SymPy's
        cancellation to 1 hides) checked at every index of a written range, or at its first
        index when the range ends at a size (round 17 F26)."""
        if not low.is_Integer:
            return
        last = high if high.is_Integer else low
        if last - low >= self.limits.sum_terms:
            return
        what = "sum" if kind == "sum" else "product"
        for condition in self.conditions:
            symbols = condition.expr.free_symbols
            if index not in symbols or symbols - {index}:
                continue
            for value in range(int(low), int(last) + 1):
                at = {index: sp.Integer(value)}
                if fails_at(condition.kind, condition.expr, at):
                    raise self.error(f"undefined: the term of the {what} at {index} = {value} "
                                     f"has no value as written ({condition.value_text(at)})",
                                     column)

    def integer_bound(self, bound: sp.Basic, rounding, column=None) -> sp.Basic:
        r"""A bound of Σ/Π as the integers it admits: the index runs over the integers from
        the lower to the upper bound, so a number that is not an integer is rounded inwards
        (``\sum_{i=1}^{\pi} i`` = 1 + 2 + 3; ``rounding`` is ceiling below, floor above) —
        never SymPy's closed form continued to a real bound. A bound with names must be an
        integer for every size: a polynomial in size names with integer coefficients
        (``n``, ``n + 1``, ``2n``, ``nm``); ``\sqrt{n}``, ``n/2``, ``\log_2 n``, a real
        ``x`` are an integer only for some sizes — not read."""
        if not isinstance(bound, sp.Basic) or bound in (sp.oo, -sp.oo) or bound.is_Integer:
            return bound
        if isinstance(bound, (sp.Min, sp.Max)):  # \min(n, 12): an integer where each part is
            return type(bound)(*(self.integer_bound(part, rounding, column) for part in bound.args))
        names = sorted(bound.free_symbols, key=str)
        if not names:
            if bound.is_extended_real is False:
                raise self.error("a bound of a sum or product that is not real", column)
            return rounding(bound)
        real = [name for name in names if str(name)[:1] in _REAL_BOUND_LETTERS
                or str(name).split("_")[0].lstrip("\\") in _GREEK_WORDS]  # fmt: skip
        try:
            whole = bound.is_polynomial(*names) and sp.Poly(bound, *names).domain.is_ZZ
        except (sp.PolynomialError, sp.GeneratorsError):
            whole = False
        if real or not whole:
            raise self.error(
                f"a sum or product up to {sp.sstr(bound)}, which is not an integer for every "
                "value of its names: over the integers up to its floor, or the closed form "
                "continued to a real bound — two readings (not read)", column)
        return bound

    def derivative(self, function, variables: Sequence[sp.Basic], column=None) -> sp.Basic:
        if len(variables) > self.limits.derivative_order:
            raise self.error(
                f"derivative order above {self.limits.derivative_order}", column
            )
        return sp.Derivative(function, *variables)

    # -- the end ---------------------------------------------------------------------------
    def finish(self, expression: sp.Basic) -> sp.Basic:
        """Refuse a side that is undefined (∞, NaN) or not real; return it unchanged."""
        if not isinstance(expression, sp.Basic):
            raise self.error("not an expression")
        plain = _outside_limits(expression)
        if plain.has(sp.oo, -sp.oo) and not plain.has(sp.zoo, sp.nan):
            raise self.error(
                "the expression is infinite (∞ as a value): a claim that a quantity is infinite "
                "(a diverging limit, sum or divergence) is not read"
            )
        if plain.has(sp.zoo, sp.nan):
            raise self.error(
                "the expression is undefined (it evaluates to infinity or NaN, e.g. log(0))"
            )
        if plain.has(sp.I) or any(
            node.is_number and node.is_extended_real is False
            for node in sp.preorder_traversal(plain)
            if isinstance(node, (sp.Pow, sp.log))
        ):
            raise self.error(
                "the expression has a non-real value (e.g. sqrt(-1), log(-2)); symderive "
                "works with real numbers"
            )
        return expression


def tie_rule(function, arguments: Sequence[sp.Expr]) -> sp.Expr:
    """max(a, b, …) as written, with the project's one tie rule (docs/conventions.md): the
    first argument that is >= all the others wins (min: <=), so
    d/dx max(a, b) = [a >= b]·a' + [a < b]·b' and d/dx max(0, x) = 0 at x = 0 (= relu'(0))."""
    wins = (lambda a, b: a >= b) if function is sp.Max else (lambda a, b: a <= b)
    branches = []
    for position, candidate in enumerate(arguments):
        others = [b for k, b in enumerate(arguments) if k != position]
        branches.append((candidate, sp.And(*(wins(candidate, other) for other in others))))
    branches[-1] = (arguments[-1], True)
    return sp.Piecewise(*branches)


def fails_at(kind: str, expr: sp.Basic, values: dict | None = None) -> bool:
    """Whether a natural-domain requirement (:class:`Condition`'s kind and expression)
    certainly fails once ``values`` are put in: a number that is 0 (``nonzero``), ≤ 0
    (``positive``), < 0 (``nonnegative``), or a negative base under an even root or an
    irrational power (an odd root of a negative number is real: docs/conventions.md).
    False whenever it cannot be told (names left, or SymPy cannot decide the sign)."""
    try:
        value = expr.xreplace({k: sp.Integer(v) if isinstance(v, int) else v
                               for k, v in values.items()}) if values else expr
        if kind == "power":
            base, exponent = value.args
            if not (base.is_number and exponent.is_number and base.is_negative):
                return False
            if isinstance(exponent, sp.Rational):  # odd roots are real roots (conventions)
                return exponent.q % 2 == 0
            return exponent.is_rational is False
        if not value.is_number:
            return False
        if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return True
        return bool({"nonzero": value.is_zero, "positive": value.is_nonpositive,
                     "nonnegative": value.is_negative, "counted": value.is_negative}.get(
                         kind, False))
    except (TypeError, ValueError, AttributeError):
        return False


class Unread(str):
    """The kind ``"unread"`` (equal to that string), remembering the kind the requirement had
    before it was found not read (``was``): the checker compares two sides' requirements by
    it, not by a kind read again from a tree SymPy may have simplified (√x² is built as x:
    round 33b F01)."""

    was: str

    def __new__(cls, was: str) -> Unread:
        made = super().__new__(cls, "unread")
        made.was = was
        return made

    def __reduce__(self):
        return (Unread, (self.was,))


def _unread(condition: Condition, bound: set, where: str) -> Condition:
    """``condition`` as a requirement not read, saying ``where`` (its ``{}``: the bound
    variables) it was asked."""
    names = ", ".join(sorted(map(str, bound)))
    was = getattr(condition.kind, "was", condition.kind)
    return Condition(Unread(was), condition.expr, f"{condition.why}, {where.format(names)}")


def _fails_at_point(condition: Condition, point: dict) -> bool:
    """Whether the requirement certainly fails with the bound variables at finite numbers."""
    if any(to in (sp.oo, -sp.oo) or getattr(to, "free_symbols", None) for to in point.values()):
        return False
    if condition.kind == "nonzero":
        return False  # a pole at an end: an improper integral, not read here
    try:
        if condition.kind == "power":
            return fails_at(condition.kind, condition.expr, dict(point))
        value = condition.expr.xreplace(dict(point))
        return bool(value.is_number and value.is_negative)  # (0 at an end: its edge)
    except (TypeError, ValueError, AttributeError):
        return False


def _holds_upward(condition: Condition, lowest: dict) -> bool:
    """Whether the requirement holds at every integer value of each index from its first value
    up, by SymPy's assumptions (index = first + k, k a non-negative integer)."""
    if condition.kind == "power":
        return False
    steps = {index: first + sp.Dummy("k", integer=True, nonnegative=True)
             for index, first in lowest.items() if getattr(first, "is_Integer", False)}
    if len(steps) != len(lowest):
        return False
    try:
        return _always_holds(condition.kind, condition.expr.xreplace(steps))
    except (TypeError, ValueError, AttributeError):
        return False


def _linear_in(condition: Condition, variable) -> bool:
    """Whether the requirement's expression (a power's base) is of degree at most 1 in
    ``variable``: its sign over a range is then decided at the range's ends."""
    expr = condition.expr.args[0] if isinstance(condition.expr, sp.Tuple) else condition.expr
    try:
        return sp.Poly(expr, variable).degree() <= 1
    except (sp.PolynomialError, sp.GeneratorsNeeded, ValueError, TypeError):
        return False


HOLDS = "holds"  # _at_point: the requirement holds at the point with room to spare


def _holds_between(condition: Condition, points) -> bool:
    r"""Whether a requirement of an integral's variable alone holds (but for single points,
    its edges) on the whole range between the two written ends: linear in it, at the ends;
    else where SymPy finds it failing on the range — nowhere (``\int_{-1}^{1}
    \sqrt{t^2 - 1/4}^2\,dt`` has none on (−1/2, 1/2): round 31b F09). Not known: False."""
    if condition.kind not in ("positive", "nonnegative", "power", "nonzero") or len(points) != 2:
        return True
    (variable, low), (_, high) = (next(iter(point.items())) for point in points)
    if any(not getattr(end, "is_number", False) or end.has(sp.oo, -sp.oo, sp.zoo)
           for end in (low, high)):
        return False
    if condition.kind not in ("nonzero", "power") and all(_linear_in(condition, variable)
                                                        for variable in points[0]):
        return True  # its sign is read at the ends
    expr = condition.expr.args[0] if isinstance(condition.expr, sp.Tuple) else condition.expr
    try:
        with time_limit(1.0, source="domain", what="a requirement over an integral's range"):
            # a denominator 0 at single points: poles, an improper integral SymPy evaluates;
            # 0 on a whole piece (\lfloor t \rfloor on [0, 1)): no value there (round 32b F05)
            failing = sp.solveset(sp.Eq(expr, 0) if condition.kind == "nonzero" else
                                  sp.StrictLessThan(expr, 0), variable,
                                  sp.Interval(sp.Min(low, high), sp.Max(low, high)))
            return failing is sp.EmptySet or bool(failing.measure == 0)
    except Exception:  # noqa: BLE001 - not known: the requirement is unread
        return False


OSCILLATING = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)


def oscillates_near(expr, variable, point) -> bool:
    """Whether an oscillating function (sin, cos, …) of ``variable`` in ``expr`` has an
    argument without a finite value at the finite ``point`` (sin(1/t) at t = 0, sin(log t) at
    0): it takes every value of its range on every side of the point."""
    for applied in expr.atoms(*OSCILLATING):
        if not applied.has(variable):
            continue
        try:
            value = applied.args[0].xreplace({variable: point})
        except (TypeError, ValueError):
            return True
        if value.has(sp.zoo, sp.oo, -sp.oo, sp.nan) or value.is_finite is False:
            return True
    return False


# functions continuous wherever SymPy gives them a finite real value: a requirement built
# from them and the field operations holds near a point where it holds strictly
_CONTINUOUS = (sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.sinh, sp.cosh, sp.tanh, sp.atan,
               sp.asinh, sp.Abs, sp.Max, sp.Min)


def _continuous(condition: Condition) -> bool:
    """Whether the requirement's expression uses only continuous operations (no floor,
    ceiling, sign, cases …, whose value at a point says nothing of the values near it)."""
    return all(isinstance(applied, _CONTINUOUS)
               for applied in condition.expr.atoms(sp.Function))


def _holds_near(condition: Condition, point: dict, side: str) -> bool:
    """Whether a requirement of the bound variable alone holds at every point near ``point``
    on the side(s) approached (the point itself excluded): strictly at a finite point, where it
    is continuous, or for every t = point ± s with s > 0 by SymPy's assumptions; at ±∞ when
    its limit there is strictly inside."""
    if _at_point(condition, set(point), point, strict=True) is HOLDS:
        return True
    paired = isinstance(condition.expr, sp.Tuple)
    kind = "positive" if paired else condition.kind
    expr = condition.expr.args[0] if paired else condition.expr
    if any(to in (sp.oo, -sp.oo) for to in point.values()):
        if len(point) != 1:
            return False
        (variable, to), = point.items()
        try:  # tending to +∞ (or -∞ for ≠ 0): eventually strictly inside
            with time_limit(0.5, source="domain", what="a requirement near a limit's point"):
                end = sp.limit(expr, variable, to)
        except Exception:  # noqa: BLE001 - not known: the requirement is unread
            return False
        return end == sp.oo or (kind == "nonzero" and end == -sp.oo)
    step = sp.Dummy("s", positive=True)
    signs = {"+": (1,), "-": (-1,)}.get(side, (1, -1))
    try:
        with time_limit(0.5, source="domain", what="a requirement near a limit's point"):
            if all(_always_holds(kind, expr.xreplace(
                    {variable: to + sign * step for variable, to in point.items()}))
                   for sign in signs):
                return True
        if len(point) != 1 or not _continuous(condition):
            return False
        with time_limit(0.5, source="domain", what="a requirement near a limit's point"):
            return _leading_term_holds(kind, expr, *next(iter(point.items())), signs)
    except Exception:  # noqa: BLE001 - not known: the requirement is unread
        return False


def _leading_term_holds(kind: str, expr, variable, to, signs) -> bool:
    r"""Whether the leading term c·s^k of ``expr`` at t = to + s (its first term as s → 0)
    has the required sign for small s on each side in ``signs``: ``\sin t ≠ 0`` near 0 (s),
    ``1 - t^2 > 0`` left of 1 (−2s), ``t - x ≠ 0`` near t = x (s); c must have it for every
    value of the free names (``x t^2 ≥ 0`` near 0 is c = x: not known)."""
    if oscillates_near(expr, variable, to):
        return False  # 1 + 2 tanh(sin(1/s)/s) has no leading term (round 33b F04)
    small = sp.Symbol("s")  # (no assumptions: the leading term of either side)
    lead = sp.expand(expr.xreplace({variable: to + small})).as_leading_term(small)
    coefficient, power = lead.as_coeff_exponent(small)
    if coefficient.has(small) or not power.is_number or not power.is_nonnegative:
        return False
    for sign in signs:
        if sign < 0 and not power.is_integer:
            return False  # (−s)^k with k not an integer: no real value
        signed = coefficient * (-1 if sign < 0 and power.is_odd else 1)
        if not _always_holds("nonzero" if kind == "nonzero" else "positive", signed):
            return False
    return True


def _at_point(condition: Condition, bound: set, point: dict, strict: bool = False,
              edge: bool = False):
    """``condition`` with each bound variable at its value in ``point`` (a variable → value
    map; ±∞ approached by a limit within a short time): the requirement it puts on the free
    names, :data:`HOLDS` when it holds there strictly whatever they are (a positive number:
    ``1 + x/n`` at n = ∞), or None when nothing is known (its value not found, or a number on
    the edge: ``x t^2 ≥ 0`` at t = 0 is 0 ≥ 0, which says nothing of x near the point)."""
    paired = isinstance(condition.expr, sp.Tuple)  # a power's (base, exponent): its base
    parts = condition.expr.args[:1] if paired else (condition.expr,)  # (> 0 suffices)
    values = []
    try:
        with time_limit(0.5, source="domain", what="a requirement at a bound"):
            for part in parts:
                value = part
                for variable, to in point.items():
                    if to in (sp.oo, -sp.oo):
                        value = sp.limit(value, variable, to)
                    else:
                        value = value.xreplace({variable: to})
                values.append(value)
    except Exception:  # noqa: BLE001 - a value not found: no requirement known
        return None
    if any(not isinstance(value, sp.Expr) or value.has(sp.oo, -sp.oo, sp.zoo, sp.nan,
                                                       sp.Limit, sp.AccumBounds, *bound)
           for value in values):  # (x + sin t at t = ∞: no value, round 31b M4)
        return None
    first = values[0]
    if not first.free_symbols:  # a number: strictly inside, or on the edge / outside
        inside = first.is_nonzero if condition.kind == "nonzero" else first.is_positive
        # (with ``edge``, the end of a range where a linear requirement is 0: inside on the
        # open range when the other end is — \int_0^1 t^a\,dt)
        return HOLDS if inside or (edge and condition.kind != "nonzero" and first.is_zero) \
            else None
    where = ", ".join(f"{variable} = {sp.sstr(to)}" for variable, to in point.items())
    kind = "positive" if paired else condition.kind  # (a base > 0: real for any exponent)
    if strict and kind in ("nonnegative", "counted"):  # near a limit's point: with room
        kind = "positive"
    if _always_holds(kind, values[0]):
        return HOLDS
    return Condition(kind, values[0], f"{condition.why} (at {where})")


def _always_holds(kind: str, expr: sp.Expr, sums=frozenset()) -> bool:
    r"""Whether SymPy's assumptions (every symbol real) already guarantee the condition. A sum of
    ``sums`` (each required ≠ 0 of its own) with positive terms stands for a positive number
    (Construction.release: a body's requirement ``e^{o_j} / \sum_k e^{o_k} > 0`` beside the
    denominator's; never for that requirement itself — round 31b F06, 32b F04)."""
    if kind == "power":
        base, exponent = expr.args
        return bool(exponent.is_integer) or _always_holds("positive", base, sums)
    if kind not in ("nonzero", "positive", "nonnegative", "counted"):
        return False  # ("unread": never known to hold)
    if sums:
        expr = expr.xreplace({total: sp.Dummy("S", positive=True) for total in expr.atoms(sp.Sum)
                              if total in sums and _always_holds("positive", total.function)})
    real = expr.xreplace(
        {
            symbol: sp.Dummy(str(symbol), real=True)
            for symbol in expr.free_symbols | expr.atoms(sp.Indexed)
            if isinstance(symbol, (sp.Symbol, sp.Indexed)) and symbol.is_real is None
        }
    )
    if kind == "nonzero":
        return bool(real.is_positive or real.is_negative)
    if kind == "positive":
        return bool(real.is_positive)
    return bool(real.is_nonnegative)


def _outside_limits(expression: sp.Basic) -> sp.Basic:
    """The expression with the bounds of sums/products and the points of limits blanked (an
    upper bound ∞, a limit at ∞ are allowed)."""
    replacements = {}
    for node in sp.preorder_traversal(expression):
        if isinstance(node, (sp.Sum, sp.Product)):
            replacements[node] = node.function
        elif isinstance(node, sp.Limit):
            replacements[node] = node.args[0]
    return expression.xreplace(replacements) if replacements else expression
