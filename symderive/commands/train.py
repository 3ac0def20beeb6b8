"""symderive train: the lecture's 2-layer MLP and a softmax classifier (see symderive.training)."""

from __future__ import annotations

import argparse
import json
import math

import numpy as np
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from symderive import training
from symderive.argtypes import non_negative_int, open_unit_interval, step_count

SPARK = "▁▂▃▄▅▆▇█"


def sparkline(losses: tuple[float, ...], width: int = 40) -> str:
    """The loss curve on a log scale, one block character per bucket of steps; a loss that
    diverged (NaN or ±inf) is drawn as '×'."""
    finite = [loss for loss in losses if math.isfinite(loss)]
    if len(finite) < len(losses):
        return sparkline(tuple(finite), width) + "×" if finite else "×"
    if not losses:
        return ""
    values = np.log10(np.maximum(np.asarray(losses), 1e-300))
    buckets = np.array_split(values, min(width, len(values)))
    means = np.array([bucket.mean() for bucket in buckets])
    low, high = means.min(), means.max()
    span = high - low or 1.0
    return "".join(SPARK[int((m - low) / span * (len(SPARK) - 1))] for m in means)


def register(subparsers) -> None:
    from symderive.render.console import add_common_options

    parser = subparsers.add_parser(
        "train", help="train the lecture's 2-layer MLP and a softmax classifier with the engine"
    )
    parser.add_argument(
        "--steps", type=step_count, default=2000, help="MLP steps (the lecture: 2000)"
    )
    parser.add_argument(
        "--lr", type=open_unit_interval, default=1e-4, help="MLP learning rate (lecture: 1e-4)"
    )
    parser.add_argument(
        "--classifier-steps", type=step_count, default=200, help="softmax classifier steps"
    )
    parser.add_argument("--seed", type=non_negative_int, default=0)
    parser.add_argument(
        "--eager",
        action="store_true",
        help="build the graph every step instead of replaying the captured step",
    )
    add_common_options(parser)
    parser.set_defaults(func=run)



def _progress(console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TextColumn("loss {task.fields[loss]:.4g}"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def _reporter(progress: Progress | None, description: str, steps: int):
    if progress is None:
        return None
    task = progress.add_task(description, total=steps, loss=math.nan)
    return lambda loss: progress.update(task, advance=1, loss=loss)


def run(args, console) -> int:
    progress = None if args.json else _progress(console)
    replay = not args.eager
    if progress is not None:
        progress.start()
    try:
        # a diverging run is reported below in words, not as NumPy overflow warnings
        with training.single_blas_thread(), np.errstate(all="ignore"):
            runs = [
                training.train_lecture_mlp(
                    args.steps,
                    args.lr,
                    args.seed,
                    replay=replay,
                    on_step=_reporter(
                        progress, "2-layer MLP (N=64, D=1000, H=100, C=10)", args.steps
                    ),
                ),
                training.train_softmax_classifier(
                    args.classifier_steps,
                    args.seed,
                    replay=replay,
                    on_step=_reporter(
                        progress, "softmax classifier (3 blobs, Adam)", args.classifier_steps
                    ),
                ),
            ]
    finally:
        if progress is not None:
            progress.stop()
    fell = all(run.fell and math.isfinite(run.losses[-1]) for run in runs)
    if args.json:
        console.print_json(json.dumps({"loss_fell": fell, "runs": [r.as_dict() for r in runs]}))
        return 0 if fell else 1
    for run_ in runs:
        console.print(
            f"[bold]{run_.name}[/]: {len(run_.losses)} steps in {run_.seconds:.1f} s "
            f"({run_.engine})"
        )
        console.print(
            f"  loss {run_.losses[0]:.6g} → {run_.losses[-1]:.6g}   {sparkline(run_.losses)}"
        )
        console.print(
            "  "
            + "  ".join(
                f"step {step}: {loss:.4g}" for step, loss in training.curve_points(run_.losses)
            )
        )
        if run_.accuracy is not None:
            console.print(f"  training accuracy {run_.accuracy:.1%}")
    if any(not math.isfinite(loss) for run_ in runs for loss in run_.losses):
        console.print("[red]the loss diverged (a NaN or infinite loss): try a smaller --lr[/]")
    console.print("loss fell in both runs" if fell else "[red]the loss did not fall[/]")
    return 0 if fell else 1
