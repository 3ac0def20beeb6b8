"""symderive: check the mathematics of backpropagation.

The derivation catalog (``derivations``), the step checker (:mod:`symderive.check`), verified
NumPy gradients (:mod:`symderive.verified`), a reverse-mode engine (:mod:`symderive.engine`),
the differentiation narrator (:mod:`symderive.steps`) and the notes checker
(:mod:`symderive.notes`); ``symderive`` on the command line.
"""

__version__ = "0.1.0"
