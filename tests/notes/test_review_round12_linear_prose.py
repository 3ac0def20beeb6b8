"""Round 12a F12: reading time was quadratic in the number of inline formulas — a list pattern
``$a$, $b$, … (is|are) …`` tried from every formula swallowed all the following ones before
failing (16 000 ``$a$`` took 170 s, 50 000 did not finish).  Every such list is now bounded
(at most a dozen names in one list, three size words), so each prose reader is linear.

A reader given 8 000 formulas finishes in a fraction of a second; quadratic, each took tens of
seconds.  The bound is generous (a hang guard, not a benchmark)."""

import time

import pytest

from symderive.grammar.matrices import stated_properties
from symderive.notes.check_notes import prose_arrays
from symderive.notes.declared import complex_declared
from symderive.notes.function_clauses import described, described_letters
from symderive.notes.matrix_words import described_matrices

MANY = 8000
TEXTS = {"spaces": "$a$ " * MANY, "commas": "$a$, " * MANY, "ands": "$a$ and " * MANY}
READERS = [stated_properties, prose_arrays, complex_declared, described, described_letters,
           described_matrices]


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
@pytest.mark.parametrize("reader", READERS, ids=lambda reader: reader.__name__)
def test_a_prose_reader_is_linear_in_the_formulas(reader, text):
    started = time.process_time()
    reader(text)
    assert time.process_time() - started < 5.0


def test_a_short_list_is_still_read():
    assert ("A", "symmetric", 1) in [(n, p, line) for n, p, line in
                                     stated_properties("Let $A$, $B$ and $C$ be symmetric.")]
    assert {"A", "B"} <= prose_arrays("Let $A$ and $B$ be $n \\times n$ matrices.")
