"""Losses as single engine nodes whose forward and backward are the verified functions.

Each node computes ``(loss, ∂loss/∂prediction)`` once in the forward with the stable kernels of
:mod:`symderive.verified` and multiplies the stored gradient by the upstream scalar in the
backward — the rule proven by the catalog entry named in ``proven_by``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from symderive import verified
from symderive.engine.tensor import Gradients, Tensor, _records, as_tensor


def _loss_node(name: str, kernel: Callable[..., tuple], prediction, target, *extra) -> Tensor:
    prediction = as_tensor(prediction)
    target_data = target.data if isinstance(target, Tensor) else np.asarray(target)
    loss, gradient = kernel(prediction.data, target_data, *extra)
    if not _records(prediction):
        return Tensor(np.asarray(loss))

    def loss_backward(upstream: np.ndarray) -> Gradients:
        return (gradient * upstream,)

    return Tensor(
        np.asarray(loss), True, parents=(prediction,), backward_rule=loss_backward, op=name
    )


def softmax_cross_entropy(logits, labels) -> Tensor:
    """mean −log softmax(o)_y; backward (softmax(o) − onehot(y))/N.

    Proven in 'softmax-cross-entropy-gradient'.
    """
    return _loss_node("softmax_cross_entropy", verified.softmax_cross_entropy, logits, labels)


def binary_cross_entropy(probabilities, targets) -> Tensor:
    """mean −(t log p + (1 − t) log(1 − p)) ('binary-cross-entropy-gradient')."""
    return _loss_node("binary_cross_entropy", verified.binary_cross_entropy, probabilities, targets)


def binary_cross_entropy_with_logits(logits, targets) -> Tensor:
    """mean −(t log σ(z) + (1 − t) log(1 − σ(z))); backward (σ(z) − t)/n."""
    return _loss_node(
        "binary_cross_entropy_with_logits",
        verified.binary_cross_entropy_with_logits,
        logits,
        targets,
    )


def mse(predictions, targets) -> Tensor:
    """mean (y − t)²; backward 2(y − t)/n ('mse-gradient')."""
    return _loss_node("mse", verified.mse, predictions, targets)


def kl_divergence(p, q) -> Tensor:
    """KL(p ‖ q) as a function of the model distribution q; backward −p/q/rows."""
    q = as_tensor(q)
    p_data = p.data if isinstance(p, Tensor) else np.asarray(p)
    loss, gradient = verified.kl_divergence(p_data, q.data)
    if not _records(q):
        return Tensor(np.asarray(loss))
    return Tensor(
        np.asarray(loss),
        True,
        parents=(q,),
        backward_rule=lambda upstream: (gradient * upstream,),
        op="kl_divergence",
    )


def sum_squared_error(predictions, targets) -> Tensor:
    """Σ (y − t)², the lecture's loss, as one node: backward 2(y − t)·g ('mse-gradient', unscaled).

    The same as ``((y - t) ** 2).sum()`` built from the elementwise ops (the tests check both),
    with a single node instead of three.
    """
    predictions = as_tensor(predictions)
    target_data = targets.data if isinstance(targets, Tensor) else np.asarray(targets)
    difference = predictions.data - target_data
    flat = difference.ravel()
    loss = np.asarray(flat @ flat)
    if not _records(predictions):
        return Tensor(loss)

    def squared_error_backward(upstream: np.ndarray) -> Gradients:
        return (difference * (2 * upstream),)

    return Tensor(
        loss, True, parents=(predictions,), backward_rule=squared_error_backward, op="sse"
    )
