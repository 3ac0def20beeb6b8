"""Checking the derivations written in Markdown / LaTeX lecture notes.

extract → chains → directives/definitions → grammar (symderive.grammar.latex) → checker →
:class:`symderive.notes.report.NotesReport`. Entry point:
``symderive.notes.check_notes.check_notes(paths, options)``.
"""
