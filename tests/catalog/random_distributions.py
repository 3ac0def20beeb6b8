"""Random probability vectors for the information-theory tests (entropy, KL divergence)."""

import random


def random_simplex(size: int, rng: random.Random) -> list[float]:
    """A point of the open simplex: ``size`` positive weights in [0.05, 1], normalised to sum 1."""
    weights = [rng.uniform(0.05, 1.0) for _ in range(size)]
    return [w / sum(weights) for w in weights]
