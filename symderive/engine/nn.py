"""Layers: Linear (affine), activations and Sequential, built on :class:`Tensor`."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from symderive.engine.checks import EngineInputError
from symderive.engine.tensor import Tensor


class Module:
    """Something callable with parameters; ``parameters()`` walks the sub-modules."""

    def parameters(self) -> list[Tensor]:
        found: list[Tensor] = []
        for value in vars(self).values():
            if isinstance(value, Tensor) and value.requires_grad:
                found.append(value)
            elif isinstance(value, Module):
                found.extend(value.parameters())
            elif isinstance(value, (list, tuple)):
                for item in value:
                    if isinstance(item, Module):
                        found.extend(item.parameters())
        return found

    def __call__(self, x: Tensor) -> Tensor:
        return self.forward(x)

    def forward(self, x: Tensor) -> Tensor:
        raise NotImplementedError


class Linear(Module):
    """out = x·W + b (W of shape (in, out)); backward by 'affine-backward'."""

    proven_by = ("affine-backward",)

    def __init__(
        self,
        in_features: int,
        out_features: int,
        *,
        bias: bool = True,
        rng: np.random.Generator | None = None,
        dtype=np.float64,
        scale: float | None = None,
    ) -> None:
        rng = rng if rng is not None else np.random.default_rng()
        scale = scale if scale is not None else 1.0 / np.sqrt(in_features)
        self.in_features, self.out_features = in_features, out_features
        weight = rng.standard_normal((in_features, out_features)) * scale
        self.weight = Tensor(weight.astype(dtype), requires_grad=True)
        self.bias = (
            Tensor(np.zeros(out_features, dtype=dtype), requires_grad=True) if bias else None
        )

    def forward(self, x: Tensor) -> Tensor:
        shape = x.shape if isinstance(x, Tensor) else np.shape(x)
        if not shape or shape[-1] != self.in_features:
            raise EngineInputError(
                f"Linear({self.in_features} → {self.out_features})",
                f"input of shape {tuple(shape)} must have {self.in_features} entries on its "
                "last axis",
            )
        out = x @ self.weight
        return out + self.bias if self.bias is not None else out


Affine = Linear


class Sigmoid(Module):
    proven_by = ("sigmoid-derivative",)

    def forward(self, x: Tensor) -> Tensor:
        return x.sigmoid()


class Tanh(Module):
    proven_by = ("tanh-derivative",)

    def forward(self, x: Tensor) -> Tensor:
        return x.tanh()


class ReLU(Module):
    proven_by = ("relu-derivative",)

    def forward(self, x: Tensor) -> Tensor:
        return x.relu()


class LeakyReLU(Module):
    proven_by = ("leaky-relu-derivative",)

    def __init__(self, alpha: float = 0.01) -> None:
        self.alpha = alpha

    def forward(self, x: Tensor) -> Tensor:
        return x.leaky_relu(self.alpha)


class Sequential(Module):
    """Layers applied in order."""

    def __init__(self, *layers: Module) -> None:
        self.layers = list(layers)

    def forward(self, x: Tensor) -> Tensor:
        for layer in self.layers:
            x = layer(x)
        return x

    def __iter__(self) -> Iterator[Module]:
        return iter(self.layers)
