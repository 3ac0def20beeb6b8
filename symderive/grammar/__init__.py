"""The safe parsers: a plain-math grammar (:mod:`symderive.grammar.plain`), the ``--assume``
mini-language (:mod:`symderive.grammar.assumptions`) and a LaTeX subset
(:mod:`symderive.grammar.latex`). None of them ever evaluates input text."""
