r"""Review round 15, formulas the note does not assert are never reported *refuted* (the
refutation guard, :mod:`symderive.notes.refutation_guard`).

* F8 — a denial before the formula is not overridden by *holds / is true / is correct* after
  it when the formula stands in a that-clause: *It is false that $…$ holds*, *Students wrongly
  think $…$ holds*, *We cannot conclude that $…$ holds*, *Nobody should believe that $…$ is
  true*. *The naive bound is wrong: $…$ holds instead* still asserts it.
* F3 — a rhetorical, modal or negated question of why or how (*Why not simply write $…$?*,
  *How can $…$ be right?*, *Why isn't $…$?*, *Why do students believe $…$?*, 왜 $…$가 아닐까)
  does not presuppose the formula; the plain *Why does $…$ hold?* / *How do we get $…$?* does.
* F6, F11, F18, F19, F20, F16 — a mistake framed in other words: *Naively,*, *Forgetting the
  chain rule gives*, *It is tempting to write*, *is not $…$ but*, *Beware:*, *A classic slip:*,
  *Typo*, *overlooks*, *Q: $…$. A: No*, Korean 생각하기 쉽다, 대표적인 실수 (실수 alone is a real
  number), 오개념, 함정, 엉터리, 쓰지 말자, 빠뜨린, 아니야, 곤란, 사실과 다르다; a sentence
  announcing the display right after it (*Here is a common error.*, *Spot the error in the next
  line.*); abbreviations that do not end a sentence (*Prof.*, *Ex.*, *Ch.*, *et al.*); a
  ``<details>`` whose ``<summary>`` says *Wrong answer* and ``> [!bug]`` / ``[!failure]``
  callouts; ``\item[\ding{55}]``, ``\item[$\times$]``; a table column headed *Mistake* / 틀린 식.
* F23, F26, F14, F9, F31 — an equation the note says is never satisfied (*has no real root*,
  *Nowhere is*, *For no $t$*); a qualified yes (*Yes, at $b = 0$.*, *Yes and no.*) leaves the
  question open; a conjecture, guess or hypothesis (*Conjecture:*, *A plausible guess is*, 추측,
  가설, *…인지 조사하여라:*) and the options of a choice (*Select all correct statements.* (A),
  옳은 것을 모두 고르시오 ①, 다음 중 항등식은?); an equation to solve (*Find all $x$:*, *The curves
  meet where*, *Intersections:*, 교점, *Take $c$ with*, *$…$의 실근*); a constant named in Korean
  words (*$\tau$를 황금비라 하자*, *$\tau$는 황금비이다*).
* F2, F4, F5, F27, F34 — another structure or notation named (*In characteristic $2$*, *Over
  $\mathbb{F}_2$*, *Modulo $2$*, *In Boolean algebra*, *In binary*, *In degrees*, *In floating
  point*); approximation words (``\ll`` / ``\gg``, *Neglecting*, *near zero*, *At leading order*,
  *(small $r$)*, *Stirling*, 작은 $v$에 대해, 무시하면, 가까우면, *$…\to…$일 때*, 클 때); verdict cells
  *Nope*, 🚫, ⛔, *only at …*, and LaTeX ``tabular`` rows; *No approximation is needed* and a
  conclusion after *so* are still claims (F27); a ``\log`` that holds in base 10 or 2 and a bar
  over a letter that also stands bare (``z \bar{z}``) are other readings (F34).
* More of F6, F8, F14 and F40, F42 from the round's summary — *A fake proof:*, *Paradox:*, *Where
  is the flaw?*, *which omits*, *drop the factor*, *Do not use $…$ instead*, 옳은 식이 아니고,
  맞다고 생각하면 안 된다, 옳다고 믿는 학생이 많다, *(Does $…$ hold?)*; a verdict two sentences after
  a display (*This looks plausible. Unfortunately, it is wrong.*); an equation assumed (*Assume
  that $…$*, *Assumption (A1):*, *We impose*, *Under the condition*, 라고 가정하자, 가 성립한다고
  하자, 를 만족한다고 치자, 귀류법으로 … 놓자).

Each withheld case has a control: the same false formula asserted plainly stays refuted, and a
true identity in the same words stays proved.
"""

from __future__ import annotations

from pathlib import Path

from tests.notes.note_steps import steps_by_line


def _sections(tmp_path: Path, *paragraphs: str) -> list[list[str]]:
    """The verdicts of each paragraph's steps, each paragraph in a section of its own."""
    lines, spans = [], []
    for number, paragraph in enumerate(paragraphs):
        lines += [f"# S{number}", ""]
        first = len(lines) + 1
        lines += paragraph.split("\n") + [""]
        spans.append((first, len(lines)))
    found = steps_by_line(tmp_path, "\n".join(lines))
    return [[step.verdict for line in range(first, last + 1) for step in found.get(line, [])]
            for first, last in spans]


def _assert_each(tmp_path: Path, paragraphs: list[str], verdict: str) -> None:
    for paragraph, verdicts in zip(paragraphs, _sections(tmp_path, *paragraphs)):
        assert verdicts and set(verdicts) == {verdict}, (paragraph, verdicts)


FALSE_SQUARE = "(a+b)^2 = a^2 + b^2"
TRUE_SQUARE = "(a+b)^2 = a^2 + 2ab + b^2"


# -- F8: a denial before a that-clause is not overridden by "holds" after it -------------------

DENIED_THAT = [
    f"It is false that ${FALSE_SQUARE}$ holds.",
    r"Nobody should believe that $\sqrt{c^2 + d^2} = c + d$ is true.",
    r"It is a myth that $e^{u} e^{v} = e^{uv}$ is correct.",
    r"Students wrongly think $\frac{d}{dx} 2^x = x 2^{x-1}$ holds.",
    r"It is not the case that $\frac{d}{dx} x^2 = x$ holds.",
    r"We cannot conclude that $\frac{d}{dy} y^3 = y^2$ holds.",
    r"It would be wrong to think $\frac{d}{dz} z^4 = z^3$ is correct.",
    r"Nothing guarantees that $\frac{d}{du} u^5 = u^4$ is true.",
]


def test_a_formula_denied_in_a_that_clause_is_not_refuted(tmp_path):
    _assert_each(tmp_path, DENIED_THAT, "undecided")


def test_holds_after_a_finished_clause_still_asserts_the_formula(tmp_path):
    _assert_each(tmp_path, [f"The naive bound is wrong: ${FALSE_SQUARE}$ holds instead.",
                            f"The naive guess fails, but ${FALSE_SQUARE}$ holds.",
                            f"It is true that ${FALSE_SQUARE}$ holds.",
                            f"${FALSE_SQUARE}$ holds."], "refuted")
    _assert_each(tmp_path, [f"The naive bound is wrong: ${TRUE_SQUARE}$ holds instead.",
                            f"It is true that ${TRUE_SQUARE}$ holds."], "proved")


# -- F3: rhetorical why / how questions --------------------------------------------------------

RHETORICAL = [
    r"Why not simply write $\frac{d}{dw} w^3 = 3w$?",
    r"How can $\frac{d}{dz} z^2 = z$ be right?",
    r"How could $e^{s+t} = e^s + e^t$ possibly hold?",
    r"Why would anyone write $\frac{d}{dx} x^4 = x^3$?",
    r"How on earth did the author get $\frac{d}{dz} z^6 = z^5$?",
    r"Why do so many students believe $\frac{d}{du} u^7 = u^6$?",
    r"왜 $\frac{d}{dx}x^2 = x$가 아닐까?",
    r"Why isn't $\frac{d}{dy} y^3 = y^2$?",
    r"왜 $\frac{d}{dz} z^4 = z^3$이 되지 않을까?",
]


def test_a_rhetorical_why_or_how_question_does_not_claim_its_formula(tmp_path):
    _assert_each(tmp_path, RHETORICAL, "undecided")


def test_a_plain_why_or_how_question_presupposes_its_formula(tmp_path):
    _assert_each(tmp_path, [f"Why does ${FALSE_SQUARE}$ hold?", f"How do we get ${FALSE_SQUARE}$?",
                            f"Why is ${FALSE_SQUARE}$ true?", f"왜 ${FALSE_SQUARE}$ 이 성립할까?"],
                 "refuted")
    _assert_each(tmp_path, [f"Why does ${TRUE_SQUARE}$ hold?",
                            r"How do we get $\frac{d}{dz} z^2 = 2z$?"], "proved")


# -- F6, F11, F18, F19, F20, F16: mistakes framed in other words ------------------------------

MISTAKES = [
    r"Naively, $\frac{d}{dx} \sin(x^2) = \cos(x^2)$.",
    r"Forgetting the chain rule gives $\frac{d}{dy} \sin(2y) = \cos(2y)$.",
    r"It is tempting to write $\frac{d}{dz} e^{3z} = e^{3z}$.",
    r"The derivative is not $\frac{d}{dt} t^3 = t^2$ but $3t^2$.",
    r"$\frac{d}{dq} q^4 = q^3$ 라고 생각하기 쉽다.",
    r"Beware: $\frac{d}{dk} \ln(2k) = \frac{1}{2k}$.",
    r"The student's answer $\frac{d}{dx} x e^x = e^x$ overlooks the product rule.",
    r"A classic slip: $\frac{d}{ds} \cos s = \sin s$.",
    r"Q: $\frac{d}{dm} m^2 = m$. A: No, it is $2m$.",
    r"Typo in the textbook: $\frac{d}{dg} g^6 = 5 g^6$.",
    r"If one drops the chain rule one obtains $\frac{d}{dy}\cos(y^2) = -\sin(y^2)$.",
    r"$(p+q)^3 = p^3 + q^3$ 은 대표적인 실수이다.",
    r"학생들은 흔히 $\frac{d}{dx}\sin(x^2) = \cos(x^2)$ 이라고 쓴다.",
    r"$(a+b)^2 = a^2 + b^2$ 는 흔한 오개념이다.",
    r"$e^{u+v} = e^u + e^v$ 는 함정이다.",
    r"$\log(pq) = \log p \cdot \log q$ 같은 엉터리 공식을 쓰지 말자.",
    r"$\frac{d}{dx}\sin(x^2) = \cos(x^2)$ 는 연쇄법칙을 빠뜨린 결과이다.",
    r"$\frac{d}{dy} y^3 = y^2$ 는 항등식이 아니야.",
    r"$\frac{d}{dz} z^4 = z^3$ 로 계산해서는 곤란하다.",
    r"$\frac{d}{du} u^5 = u^4$ 는 사실과 다르다.",
    "Here is a common error.\n\n$$\\frac{d}{dy} \\ln(y^2) = \\frac{1}{y^2}.$$",
    "Spot the error in the next line.\n\n$$\\frac{d}{dw} \\cos(3w) = -\\sin(3w).$$",
    r"A mistake made by Prof. Kim: $\frac{d}{dx} x^9 = x^8$.",
    r"An error in Ex. 3 of Ch. 2: $\frac{d}{dz} z^7 = 7 z^7$.",
    "<details>\n<summary>Wrong answer</summary>\n\n$$\\frac{d}{dx} x^2 = x$$\n\n</details>",
    "> [!bug]\n> $$\\frac{d}{du} u^5 = u^4$$",
    "> [!failure]\n> $$\\frac{d}{du} u^5 = u^4$$",
]


def test_a_formula_framed_as_a_mistake_is_not_refuted(tmp_path):
    _assert_each(tmp_path, MISTAKES, "undecided")


def test_a_real_number_is_no_mistake_and_easy_to_show_is_no_warning(tmp_path):
    _assert_each(tmp_path, [r"$(x+1)^2 = x^2 + 1$, 실수 $x$에 대해.",
                            f"${FALSE_SQUARE}$ 임을 보이기 쉽다.",
                            f"Here is the key step: ${FALSE_SQUARE}$.",
                            f"By Prof. Kim's lemma, ${FALSE_SQUARE}$."], "refuted")
    _assert_each(tmp_path, [f"Here is a common identity.\n\n$${TRUE_SQUARE}.$$",
                            f"By Prof. Kim's lemma, ${TRUE_SQUARE}$."], "proved")


def test_a_column_headed_mistake_and_a_crossed_item_are_not_refuted(tmp_path):
    table = ("| Mistake | Correction |\n|---|---|\n"
             "| $\\frac{d}{dx} e^{2x} = e^{2x}$ | $\\frac{d}{dx} e^{2x} = 2e^{2x}$ |\n"
             "| $\\frac{d}{dx} \\ln(3x) = \\frac{3}{x}$ | $\\frac{d}{dx} \\ln(3x) = \\frac{1}{x}$ |")
    korean = ("| 틀린 식 | 맞는 식 |\n|---|---|\n"
              "| $\\frac{d}{dy} \\sin(2y) = \\cos(2y)$ | $\\frac{d}{dy} \\sin(2y) = 2\\cos(2y)$ |")
    plain = ("| Formula | Note |\n|---|---|\n| $\\frac{d}{dx} e^{2x} = e^{2x}$ | chain rule |")
    assert _sections(tmp_path, table, korean, plain) == [
        ["undecided", "proved", "undecided", "proved"], ["undecided", "proved"], ["refuted"]]


def test_a_latex_item_marked_with_a_cross_is_not_refuted(tmp_path):
    note = tmp_path / "note.tex"
    note.write_text("\\begin{itemize}\n\\item[\\ding{51}] $\\frac{d}{dq} q^8 = 8q^7$\n"
                    "\\item[\\ding{55}] $\\frac{d}{dz} z^4 = z^3$\n"
                    "\\item[$\\times$] $\\frac{d}{dy} y^3 = y^2$\n"
                    "\\item $\\frac{d}{dy} y^3 = y^2$\n\\end{itemize}\n", encoding="utf-8")
    from symderive.notes.check_notes import NotesOptions, check_files
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    verdicts = [step.verdict for equation in report.files[0].equations for step in equation.steps]
    assert verdicts == ["proved", "undecided", "undecided", "refuted"]


# -- F23, F26, F14, F9, F31: never satisfied, qualified yes, conjectures, equations to solve ---

NOT_ASSERTED = [
    r"$y^4 + 1 = y$ has no real root.",
    r"Nowhere is $\cosh z = \sinh z$.",
    r"For no $t$ do we get $e^{t} = t$.",
    r"Conjecture: $\sum_{k=1}^{n} k^3 = n^4$.",
    r"A plausible guess is $\prod_{k=1}^{n} k = n^2$.",
    r"We test the hypothesis $\frac{d}{dx} \sigma(x) = \sigma(x)^2$ numerically.",
    r"Test the conjecture $\sum_{k=1}^{n} k^3 = n^3$.",
    r"Compare the true derivative with the guess $\frac{d}{dp} p^5 = p^4$.",
    r"다음 식이 항등식인지 조사하여라: $e^{2v} = 2e^{v}$.",
    "다음 중 항등식은?\n\n- $\\tan(2z) = 2\\tan z$",
    "Select all correct statements.\n\n(A) $\\ln(ab) = \\ln a \\ln b$",
    r"Find all $x$: $x^3 = x$.",
    r"The curves meet where $x^2 = x$.",
    r"Intersections: $e^{t} = t + 1$.",
    r"교점은 $m^2 = 2m$을 만족한다.",
    r"Take $c$ with $c^3 = c + 1$.",
    r"$\tau$를 황금비라 하자. 그러면 $\tau^2 = \tau + 1$이다.",
    r"$\tau$는 황금비이다. 따라서 $\tau^2 = \tau + 1$이다.",
    r"$\rho$를 $x^3 = x + 1$의 실근이라 하자. 그러면 $\rho^3 = \rho + 1$이다.",
]


def test_a_formula_the_note_proposes_denies_or_solves_is_not_refuted(tmp_path):
    _assert_each(tmp_path, NOT_ASSERTED, "undecided")


def test_a_qualified_yes_leaves_the_question_open_and_a_plain_yes_claims(tmp_path):
    _assert_each(tmp_path, [r"Does $\sin(2b) = 2\sin b$ hold? Yes, at $b = 0$.",
                            r"Does $\cos(2u) = 2\cos u$ hold? Yes and no."], "skipped")
    _assert_each(tmp_path, [f"Does ${FALSE_SQUARE}$ hold? Yes."], "refuted")
    _assert_each(tmp_path, [r"Does $\cos(2u) = 1 - 2\sin^2 u$ hold? Yes."], "proved")


def test_the_same_kind_of_words_around_an_asserted_formula_keep_it_claimed(tmp_path):
    _assert_each(tmp_path, [f"By the conjecture's proof, ${FALSE_SQUARE}$.",
                            f"${FALSE_SQUARE}$ has a simple proof.",
                            f"Everywhere, ${FALSE_SQUARE}$.",
                            f"We find that for all $x$: ${FALSE_SQUARE}$.",
                            r"$x$는 실수이다. 따라서 $(x+1)^2 = x^2 + 1$이다.",
                            f"Choose the correct value: ${FALSE_SQUARE}$."], "refuted")
    _assert_each(tmp_path, [f"Everywhere, ${TRUE_SQUARE}$.",
                            r"$x$는 실수이다. 따라서 $(x+1)^2 = x^2 + 2x + 1$이다."], "proved")


# -- F2, F4, F5, F27, F34: other structures, approximations, verdict cells, other readings -----

OTHER_READINGS = [
    r"In characteristic $2$, $(c+d)^2 = c^2 + d^2$.",
    r"Over $\mathbb{F}_2$ we have $(c+d)^2 = c^2 + d^2$.",
    r"In Boolean algebra, $x + x y = x$.",
    r"Modulo $2$, $(m+1)^2 = m^2 + 1$.",
    r"In $\mathbb{Z}/2\mathbb{Z}$, $1 + 1 = 0$.",
    r"In Boolean logic, $1 + 1 = 1$.",
    r"In binary, $1 + 1 = 10$.",
    r"In degrees, $\sin 30 = \frac{1}{2}$.",
    r"In floating point arithmetic, $0.1 + 0.2 = 0.30000000000000004$.",
    r"For $|x| \ll 1$, $\sin x = x$.",
    r"Neglecting the quadratic term, $e^{y} = 1 + y$.",
    r"For $z$ near zero, $\tan z = z$.",
    r"When $N \gg 1$, $\log(N + 1) = \log N$.",
    r"작은 $v$에 대해 $\sin v = v$이다.",
    r"$v^2$ 항을 무시하면 $e^{v} = 1 + v$이다.",
    r"At leading order in $\epsilon$, $(1+\epsilon)^3 = 1 + 3\epsilon$.",
    r"$\sin r = r$ (small $r$).",
    r"By Stirling's formula, $\ln(n!) = n \ln n - n$.",
    r"$x$가 $0$에 가까우면 $\sin x = x$이다.",
    r"$y \to 0$일 때 $\tan y = y$이다.",
    r"$n$이 클 때 $\ln(n + 1) = \ln n$이다.",
    r"$m \to \infty$이면 $\sqrt{m^2 + m} = m + \frac{1}{2}$이다.",
    r"작은 각에서는 $\cos t = 1 - \frac{t^2}{2}$이다.",
    r"Keeping only linear terms, $e^{w} = 1 + w$.",
    r"$10^{\log 100} = 100$.",
    r"$\log(100 x) = 2 + \log x$.",
    r"$\log(8 y) = 3 + \log y$.",
    r"The decibel value is $10 \log \frac{P}{P_0}$, so doubling gives $10 \log 2 = 3.0103$.",
    r"$z \bar{z} = |z|^2$.",
]


def test_a_formula_of_another_structure_or_an_approximation_is_not_refuted(tmp_path):
    _assert_each(tmp_path, OTHER_READINGS, "undecided")


def test_the_same_formulas_over_the_reals_or_asserted_exactly_stay_refuted(tmp_path):
    _assert_each(tmp_path, [r"In general, $(c+d)^2 = c^2 + d^2$.",
                            r"In $\mathbb{R}$, $(c+d)^2 = c^2 + d^2$.",
                            r"$\sin x = x$.",
                            r"$\log(x y) = \log x \log y$.",
                            r"No approximation is needed here: $\sin(2x) = 2\sin x$ exactly.",
                            r"The counterexample search failed, so $\cos(2y) = 2\cos y$ for all $y$."],
                 "refuted")
    _assert_each(tmp_path, [r"In general, $(c+d)^2 = c^2 + 2cd + d^2$.",
                            r"$\log(e x) = 1 + \log x$.",
                            r"Neglecting nothing, $e^{y} e^{w} = e^{y + w}$."], "proved")


def test_verdict_cells_of_a_true_or_false_table_withhold(tmp_path):
    table = ("| Claim | Holds for all real $x$? |\n|---|---|\n"
             "| $e^{2x} = 2e^{2x}$ | Nope |\n| $\\cos(2x) = 2\\cos x$ | 🚫 |\n"
             "| $\\sin(2x) = 2\\sin x$ | ⛔ |\n| $(x+1)^2 = x^2 + 1$ | only at the origin |")
    asserted = "| Claim | Note |\n|---|---|\n| $(a+b)^2 = a^2 + b^2$ | yes |\n| $(a+b)^2 = a^2 + 2ab + b^2$ | yes |"
    assert _sections(tmp_path, table, asserted) == [["undecided"] * 4, ["refuted", "proved"]]


def test_a_latex_tabular_row_marked_no_is_not_refuted(tmp_path):
    note = tmp_path / "note.tex"
    note.write_text("\\begin{tabular}{ll}\nClaim & True? \\\\\n"
                    "$\\frac{d}{dy} y^3 = y^2$ & No \\\\\n$\\frac{d}{dz} z^4 = z^3$ & $\\times$ \\\\\n"
                    "$\\frac{d}{dz} z^4 = z^3$ & Yes \\\\\n$\\frac{d}{dz} z^4 = 4z^3$ & Yes \\\\\n"
                    "\\end{tabular}\n", encoding="utf-8")
    from symderive.notes.check_notes import NotesOptions, check_files
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    verdicts = [step.verdict for equation in report.files[0].equations for step in equation.steps]
    assert verdicts == ["undecided", "undecided", "refuted", "proved"]


# -- more of F6, F8, F14; F40, F42 ------------------------------------------------------------

MORE = [
    "A fake proof:\n\n$$\\frac{d}{dx} x^3 = x^2.$$",
    r"Paradox: $\frac{d}{dy} y^4 = y^3$.",
    "$$\\frac{d}{dz} z^5 = z^4$$\n\nWhere is the flaw?",
    r"Do not use $\frac{d}{dy} y^3 = y^2$ instead.",
    r"$\frac{d}{dx} x^3 = x^2$는 옳은 식이 아니고, 올바른 식은 $\frac{d}{dx} x^3 = 3x^2$이다.",
    r"$\frac{d}{dx} x^2 = x$가 맞다고 생각하면 안 된다.",
    r"$\frac{d}{dy} y^3 = y^2$이 옳다고 믿는 학생이 많다.",
    r"(Does $\frac{d}{dy} y^4 = y^3$ hold?)",
    "Consider\n$$\\frac{d}{dx} x^5 = x^4.$$\nThis looks plausible. Unfortunately, it is wrong.",
    r"Assume that $b^3 = b$ holds.",
    r"Assumption (A1): $c^2 = 5c$.",
    r"We impose $f^2 = 8f$.",
    r"Under the condition $c^2 + 1 = 2c$ we continue.",
    r"$f^2 = 2f$라고 가정하자.",
    r"$a^2 = 2a$가 성립한다고 하자.",
    r"$d^2 = 3d$를 만족한다고 치자.",
    r"귀류법으로 $e^2 = 2e + 7$이라고 놓자.",
]


def test_more_framings_assumptions_and_late_verdicts_withhold(tmp_path):
    verdicts = _sections(tmp_path, *MORE)
    for paragraph, found in zip(MORE, verdicts):
        assert found and found[0] == "undecided", (paragraph, found)


def test_an_assumption_before_the_claim_and_a_neutral_later_sentence_leave_it_claimed(tmp_path):
    _assert_each(tmp_path, [r"Suppose $x > 0$. Then $\sqrt{x^2} = -x$.",
                            "Consider\n$$(a+b)^2 = a^2 + b^2.$$\nThis looks plausible. The next "
                            "section is different.",
                            f"${FALSE_SQUARE}$이 옳다고 보이자."], "refuted")
    _assert_each(tmp_path, [r"Suppose $x > 0$. Then $\sqrt{x^2} = x$."], "proved")


def test_labels_in_bold_still_disown_and_a_flawless_or_identically_named_claim_stays(tmp_path):
    _assert_each(tmp_path, [f"**Wrong.** ${FALSE_SQUARE}$", f"*Myth.* ${FALSE_SQUARE}$."],
                 "undecided")
    _assert_each(tmp_path, [f"A flawless derivation gives ${FALSE_SQUARE}$.",
                            f"Since $g \\equiv 1$, ${FALSE_SQUARE}$."], "refuted")


def test_a_no_answering_another_question_of_the_table_is_no_verdict(tmp_path):
    other = ("| Rule | Needs the chain rule? |\n|---|---|\n| $\\frac{d}{dx} x^3 = x^2$ | No |\n"
             "| $\\frac{d}{dx} \\sin(x^2) = 2x\\cos(x^2)$ | Yes |")
    truth = "| Rule | Holds? |\n|---|---|\n| $\\frac{d}{dx} x^3 = x^2$ | No |"
    assert _sections(tmp_path, other, truth) == [["refuted", "proved"], ["undecided"]]
