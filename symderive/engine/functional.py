"""Losses as single engine nodes whose forward and backward are the verified functions.

Each node checks its inputs (:mod:`symderive.engine.checks`: equal shapes, labels in range,
probabilities in [0, 1]), computes ``(loss, ∂loss/∂prediction)`` once in the forward with the
stable kernels of :mod:`symderive.verified`, and multiplies the stored gradient by the upstream
scalar in the backward — the rule proven by the catalog entry named in ``proven_by``.
:data:`LOSS_NODES` is the table the captured step (:mod:`symderive.engine.replay`) reads.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from symderive import verified
from symderive.engine import checks
from symderive.engine.tensor import Gradients, Tensor, _records, as_tensor


@dataclass(frozen=True)
class LossNode:
    """A loss as one node: ``check(prediction, target)`` then ``kernel`` → (loss, gradient)."""

    name: str
    kernel: Callable[[np.ndarray, np.ndarray], tuple]
    check: Callable[[np.ndarray, np.ndarray], None]
    proven_by: tuple[str, ...]


def _check_labels(logits: np.ndarray, labels: np.ndarray) -> None:
    checks.class_labels("softmax_cross_entropy", logits, labels)


def _paired_check(
    name: str,
    prediction_name: str,
    target_name: str = "targets",
    *,
    prediction_in_unit_interval: bool = False,
    target_in_unit_interval: bool = False,
) -> Callable[[np.ndarray, np.ndarray], None]:
    """The checks of a loss that pairs entry k of the prediction with entry k of the target."""

    def check(prediction: np.ndarray, target: np.ndarray) -> None:
        checks.same_shape(name, prediction, target, (prediction_name, target_name))
        checks.non_empty(name, prediction, prediction_name)
        if prediction_in_unit_interval:
            checks.within_unit_interval(name, prediction, prediction_name)
        checks.finite(name, target, target_name)
        if target_in_unit_interval:
            checks.within_unit_interval(name, target, target_name)

    return check


LOSS_NODES: dict[str, LossNode] = {
    node.name: node
    for node in (
        LossNode(
            "softmax_cross_entropy",
            verified.softmax_cross_entropy,
            _check_labels,
            verified.softmax_cross_entropy.proven_by,
        ),
        LossNode(
            "binary_cross_entropy",
            verified.binary_cross_entropy,
            _paired_check(
                "binary_cross_entropy",
                "probabilities",
                prediction_in_unit_interval=True,
                target_in_unit_interval=True,
            ),
            verified.binary_cross_entropy.proven_by,
        ),
        LossNode(
            "binary_cross_entropy_with_logits",
            verified.binary_cross_entropy_with_logits,
            _paired_check(
                "binary_cross_entropy_with_logits", "logits", target_in_unit_interval=True
            ),
            verified.binary_cross_entropy_with_logits.proven_by,
        ),
        LossNode(
            "mse",
            verified.mse,
            _paired_check("mse", "predictions"),
            verified.mse.proven_by,
        ),
        LossNode(
            "kl_divergence",
            lambda q, p: verified.kl_divergence(p, q),
            _paired_check(
                "kl_divergence",
                "q",
                "p",
                prediction_in_unit_interval=True,
                target_in_unit_interval=True,
            ),
            verified.kl_divergence.proven_by,
        ),
    )
}


def _target_array(target) -> np.ndarray:
    return target.data if isinstance(target, Tensor) else np.asarray(target)


def _recorded_target(target) -> tuple[Tensor, ...]:
    """The target as a second parent when it was computed by recorded operations.

    It gets no gradient (the loss's backward returns one for the prediction only); being a
    parent puts the operations that computed it into the graph, so a captured step
    (:class:`~symderive.engine.Replay`) recomputes it from each call's arguments.
    """
    return (target,) if isinstance(target, Tensor) and target.requires_grad else ()


def loss_node(name: str, prediction, target) -> Tensor:
    """The loss ``name`` of :data:`LOSS_NODES` as one node with the prediction as its parent."""
    node = LOSS_NODES[name]
    prediction = as_tensor(prediction)
    target_data = _target_array(target)
    node.check(prediction.data, target_data)
    loss, gradient = node.kernel(prediction.data, target_data)
    if not _records(prediction):
        return Tensor(np.asarray(loss))

    def loss_backward(upstream: np.ndarray) -> Gradients:
        return (gradient * upstream,)

    return Tensor(
        np.asarray(loss),
        True,
        parents=(prediction, *_recorded_target(target)),
        backward_rule=loss_backward,
        op=name,
        params=(target_data,),
    )


def softmax_cross_entropy(logits, labels) -> Tensor:
    """mean −log softmax(o)_y; backward (softmax(o) − onehot(y))/N.

    ``labels``: integer class indices of shape ``logits.shape[:-1]`` in [0, C), or probability
    targets of the logits' shape. Proven in 'softmax-cross-entropy-gradient'.
    """
    return loss_node("softmax_cross_entropy", logits, labels)


def binary_cross_entropy(probabilities, targets) -> Tensor:
    """mean −(t log p + (1 − t) log(1 − p)), p and t in [0, 1] ('binary-cross-entropy-gradient')."""
    return loss_node("binary_cross_entropy", probabilities, targets)


def binary_cross_entropy_with_logits(logits, targets) -> Tensor:
    """mean −(t log σ(z) + (1 − t) log(1 − σ(z))); backward (σ(z) − t)/n."""
    return loss_node("binary_cross_entropy_with_logits", logits, targets)


def mse(predictions, targets) -> Tensor:
    """mean (y − t)² over entries of equal shapes; backward 2(y − t)/n ('mse-gradient')."""
    return loss_node("mse", predictions, targets)


def kl_divergence(p, q) -> Tensor:
    """KL(p ‖ q) as a function of the model distribution q; backward −p/q/rows."""
    return loss_node("kl_divergence", q, p)


def check_squared_error_targets(loss: float, targets: np.ndarray) -> None:
    """Targets are finite, checked only when Σ(y − t)² is not: a finite sum has a finite
    difference in every entry, and y − t is finite only where t is (inf − x and x − inf are
    ±inf, inf − inf is NaN). A non-finite sum from finite targets is the prediction's, and
    propagates."""
    if not math.isfinite(loss):
        checks.finite("sum_squared_error", targets, "targets")


def sum_squared_error(predictions, targets) -> Tensor:
    """Σ (y − t)², the lecture's loss, as one node: backward 2(y − t)·g ('mse-gradient', unscaled).

    The same as ``((y - t) ** 2).sum()`` built from the elementwise ops (the tests check both),
    with a single node instead of three.
    """
    predictions = as_tensor(predictions)
    target_data = _target_array(targets)
    checks.same_shape(
        "sum_squared_error", predictions.data, target_data, ("predictions", "targets")
    )
    difference = predictions.data - target_data
    flat = difference.ravel()
    loss = np.asarray(np.dot(flat, flat))
    check_squared_error_targets(loss, target_data)
    if not _records(predictions):
        return Tensor(loss)

    def squared_error_backward(upstream: np.ndarray) -> Gradients:
        return (difference * (2 * upstream),)

    return Tensor(
        loss,
        True,
        parents=(predictions, *_recorded_target(targets)),
        backward_rule=squared_error_backward,
        op="sse",
        params=(target_data,),
    )
