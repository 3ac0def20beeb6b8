"""Strict inputs for the engine's losses and layers: refuse what would silently mean something else.

NumPy broadcasting turns a (N, 1) prediction against a (N,) target into an (N, N) table, a label
of −1 indexes the last class, and a probability of 1.5 gives a finite, meaningless loss. Each
check here raises :class:`EngineInputError` naming the function, the shapes or the offending
entry, and what was expected; nothing is coerced. NaN in a prediction that is a number (a
logit, a regression output) is not refused: it propagates to a NaN loss, which is the honest
answer, and ±∞ there gives the loss's limit. A probability must lie in [0, 1], so NaN there is
refused.
"""

from __future__ import annotations

import numpy as np

from symderive.errors import SymderiveError


class EngineInputError(SymderiveError, ValueError):
    """An input an engine function refuses: ``function`` says who, the message says why."""

    def __init__(self, function: str, reason: str) -> None:
        self.function = function
        self.reason = reason
        super().__init__(f"{function}: {reason}")


def same_shape(function: str, prediction: np.ndarray, target: np.ndarray, names: tuple[str, str]):
    """Elementwise losses pair entry k with entry k: both shapes must be equal."""
    if prediction.shape != target.shape:
        raise EngineInputError(
            function,
            f"{names[0]} of shape {prediction.shape} and {names[1]} of shape {target.shape} "
            "differ; broadcasting them would pair every entry with the wrong ones "
            "(reshape one of them)",
        )


def non_empty(function: str, array: np.ndarray, name: str) -> None:
    if array.size == 0:
        raise EngineInputError(
            function, f"{name} of shape {array.shape} is empty: a mean over no entries has no value"
        )


def _first_index(mask: np.ndarray) -> tuple[int, ...]:
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _entries_outside(count: int) -> str:
    """'1 entry does not' / '3 entries do not'."""
    return "1 entry does not" if count == 1 else f"{count} entries do not"


def within_unit_interval(function: str, values: np.ndarray, name: str) -> None:
    """Probabilities and targets of a cross-entropy lie in [0, 1]; NaN is no probability and is
    refused too (written as "not inside", since every comparison with NaN is False)."""
    inside = (values >= 0) & (values <= 1)
    if not inside.all():
        outside = ~inside
        index = _first_index(outside)
        raise EngineInputError(
            function,
            f"{name} must lie in [0, 1]; {_entries_outside(int(outside.sum()))}, the first "
            f"{float(values[index]):g} at index {index}",
        )


def finite(function: str, values: np.ndarray, name: str) -> None:
    """Targets and labels carry no limit meaning: ±inf or NaN there is an error, not a value."""
    if values.dtype.kind in "iub" or np.isfinite(values).all():
        return
    bad = ~np.isfinite(values)
    if bad.any():
        index = _first_index(bad)
        raise EngineInputError(
            function,
            f"{name} must be finite; {int(bad.sum())} of {values.size} entries are not, "
            f"the first {float(values[index]):g} at index {index}",
        )


def class_labels(function: str, logits: np.ndarray, labels: np.ndarray) -> str:
    """Labels are class indices of shape ``logits.shape[:-1]`` or targets of logits' shape.

    Returns "indices" or "distributions"; refuses indices outside [0, C), float labels of the
    index shape, and any other shape.
    """
    if logits.ndim == 0:
        raise EngineInputError(function, "logits must have a class axis (got a scalar)")
    classes = logits.shape[-1]
    non_empty(function, logits, "logits")
    if labels.shape == logits.shape[:-1]:
        if labels.dtype.kind not in "iu":
            raise EngineInputError(
                function,
                f"labels of shape {labels.shape} are {labels.dtype} but must be integer class "
                f"indices (for probability targets pass shape {logits.shape})",
            )
        outside = (labels < 0) | (labels >= classes)
        if outside.any():
            index = _first_index(outside)
            raise EngineInputError(
                function,
                f"label {int(labels[index])} at index {index} is outside [0, {classes}) for "
                f"{classes} classes ({int(outside.sum())} labels out of range)",
            )
        return "indices"
    if labels.shape == logits.shape:
        if labels.dtype.kind not in "f":
            raise EngineInputError(
                function,
                f"targets of shape {labels.shape} must be floating-point probabilities, "
                f"not {labels.dtype}",
            )
        finite(function, labels, "targets")
        within_unit_interval(function, labels, "targets")
        return "distributions"
    raise EngineInputError(
        function,
        f"logits of shape {logits.shape} need labels of shape {logits.shape[:-1]} (class "
        f"indices) or {logits.shape} (probabilities), not {labels.shape}",
    )


def matmul_shapes(a: np.ndarray, b: np.ndarray) -> None:
    """A·B needs A's last axis to match B's first (or second to last) axis."""
    if a.ndim == 0 or b.ndim == 0:
        raise EngineInputError(
            "matmul", f"operands of shapes {a.shape} and {b.shape}: a scalar has no matrix product"
        )
    inner_b = b.shape[0] if b.ndim == 1 else b.shape[-2]
    if a.shape[-1] != inner_b:
        raise EngineInputError(
            "matmul",
            f"operands of shapes {a.shape} and {b.shape} do not chain: {a.shape[-1]} columns "
            f"against {inner_b} rows",
        )
