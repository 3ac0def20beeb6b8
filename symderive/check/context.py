"""What a check knows about its symbols: domains, givens and independence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sympy as sp

from symderive.model import Domain, domain_from_assumptions


@dataclass(frozen=True)
class CheckContext:
    domains: tuple[tuple[sp.Basic, Domain], ...] = ()
    givens: tuple[sp.Eq, ...] = ()
    independent: tuple[tuple[sp.Basic, ...], ...] = ()
    # the natural domain of the written sides: (side "lhs"/"rhs", kind, expression, why),
    # kind nonzero / positive / nonnegative (symderive.grammar.build.Condition)
    conditions: tuple[tuple[str, str, sp.Basic, str], ...] = ()
    # names of matrices known to be symmetric (instantiated with A_ij = A_ji)
    symmetric: frozenset[str] = frozenset()
    # an inequality about every value of its variables is *checked* only with a certificate
    # over the whole domain (notes claims; symderive.check.inequality_certificates)
    certify_inequalities: bool = False

    @classmethod
    def build(
        cls,
        domains: Mapping[sp.Basic, Domain] | tuple | None = None,
        givens=(),
        independent=(),
        conditions=(),
    ) -> CheckContext:
        if domains is None:
            pairs: tuple = ()
        elif isinstance(domains, Mapping):
            pairs = tuple(domains.items())
        else:
            pairs = tuple(domains)
        return cls(
            pairs,
            tuple(givens),
            tuple(tuple(group) for group in independent),
            tuple(tuple(condition) for condition in conditions),
        )

    def renamed(self, mapping: Mapping) -> CheckContext:
        """The same context with symbols replaced (see ``decide.unify_symbols``)."""
        if not mapping:
            return self

        def swap(value):
            return value.xreplace(mapping) if isinstance(value, sp.Basic) else value

        return CheckContext(
            tuple((swap(symbol), domain) for symbol, domain in self.domains),
            # a given the renaming decides (t² = -1 once t is real) is no rewrite: dropped
            tuple(g for g in (swap(given) for given in self.givens) if isinstance(g, sp.Eq)),
            tuple(tuple(swap(s) for s in group) for group in self.independent),
            tuple((side, kind, swap(expr), why) for side, kind, expr, why in self.conditions),
            self.symmetric,
            self.certify_inequalities,
        )

    def conditions_at(self, fixed: Mapping) -> tuple:
        """The natural-domain conditions with sizes and indices fixed."""
        if not fixed:
            return self.conditions
        return tuple(
            (side, kind, expr.xreplace(dict(fixed)), why)
            for side, kind, expr, why in self.conditions
        )

    def domain_of(self, symbol: sp.Basic) -> Domain:
        """The declared domain; for ``p[i]`` the domain of ``p``; else from assumptions."""
        candidates = [symbol]
        if isinstance(symbol, sp.Indexed):
            candidates += [symbol.base, symbol.base.label]
        for candidate in candidates:
            for known, domain in self.domains:
                if known == candidate or (
                    isinstance(known, sp.IndexedBase) and known.label == candidate
                ):
                    return domain
        return domain_from_assumptions(symbol)

    def random_symbols(self, symbols) -> list[sp.Basic]:
        return [symbol for symbol in symbols if self.domain_of(symbol).kind == "random"]

    def centered_symbols(self) -> list[sp.Basic]:
        from symderive.expectation import E

        centered = [s for s, d in self.domains if d.kind == "random" and d.centered]
        for given in self.givens:
            if isinstance(given.lhs, E) and given.rhs == 0 and given.lhs.args[0].is_Symbol:
                centered.append(given.lhs.args[0])
        return centered

    def substitutions(self) -> list[tuple[sp.Basic, sp.Basic]]:
        """Givens usable as rewrites ``lhs → rhs`` (facts about E[X] = 0 are used separately)."""
        from symderive.expectation import E

        from symderive.expectation import Var

        rewrites = []
        for given in self.givens:
            if isinstance(given.lhs, E) and given.rhs == 0:
                continue
            if given.lhs.has(E, Var) and isinstance(given.rhs, sp.Symbol):
                # E[X] = μ names a moment: μ is replaced by E[X], so the finite models (which
                # compute E[X]) and the symbol agree; the other way round μ would be sampled
                # as an unrelated number
                rewrites.append((given.rhs, given.lhs))
                continue
            rewrites.append((given.lhs, given.rhs))
        return rewrites
