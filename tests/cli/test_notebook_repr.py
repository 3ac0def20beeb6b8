"""Notebook objects print as one short line in a terminal (and render with rich)."""

from rich.console import Console

from symderive import notebook
from symderive.render.terminal import plural


def test_views_have_short_terminal_reprs_that_say_what_they_hold():
    view = notebook.show("sigmoid-derivative-erratum")
    text = repr(view)
    assert len(text) < 100 and "\n" not in text
    assert "sigmoid-derivative-erratum" in text and view.report.status in text
    assert plural(len(view.report.steps), "step") in text
    for step_view in view.steps:
        line = repr(step_view)
        assert len(line) < 120 and step_view.step.outcome.verdict in line
    narration = notebook.diff("x*sin(x)", "x")
    assert "agrees with sympy.diff" in repr(narration) and len(repr(narration)) < 120


def test_views_render_with_rich():
    console = Console(width=80, record=True, color_system=None)
    view = notebook.show("coin-entropy")
    console.print(view)
    output = console.export_text()
    assert "coin-entropy" in output
    assert output.count("step ") == len(view.report.steps)
