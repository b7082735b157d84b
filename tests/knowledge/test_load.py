"""Loading checks/<module-id>.yml: the model, and a located message for each mistake."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.knowledge.key import answer_key, decode, shown_order
from generator.loader import load_program
from generator.model.participant import participant_view

GOOD = """\
checks:
  - id: who-wrote
    kind: single
    question: 谁写了《仆人式领导》？ Who wrote it?
    choices: [Spears, Greenleaf, "كارلزون"]
    answer: 2
    feedback: {correct: "Да, верно 🎉", incorrect: "नहीं, Greenleaf"}
    facilitator: {notes: Ask who has read it.}
  - id: steps
    kind: ordering
    question: Order them.
    choices: [one, two, three, four]
    feedback: {correct: Right., incorrect: Not quite.}
  - id: pyramid
    kind: true_false
    question: Power sits at the top.
    answer: false
    feedback: {correct: Right., incorrect: Not quite.}
  - id: many
    kind: multiple
    question: Which?
    choices: [a, b, c]
    answer: [1, 3]
    feedback: {correct: Right., incorrect: Not quite.}
  - id: situation
    kind: scenario
    situation: A customer calls.
    question: What now?
    choices:
      - {text: Pass it on, feedback: They start again.}
      - {text: See it through, feedback: Yes.}
    answer: 2
    feedback: {correct: Right., incorrect: Not quite.}
"""

Write = Callable[[dict[str, str | bytes]], Path]


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_program(root)
    return [str(p) for p in caught.value.problems]


def test_checks_load_in_plan_order_with_every_kind(write_files: Write) -> None:
    root = write_files({"checks/serve-first.yml": GOOD})
    program = load_program(root)
    checks = program.checks["serve-first"]
    assert [c.kind for c in checks] == ["single", "ordering", "true_false", "multiple", "scenario"]
    assert [c.right() for c in checks] == [[1], [0, 1, 2, 3], [1], [0, 2], [1]]


def test_the_participant_view_has_the_answer_only_encoded(write_files: Write) -> None:
    root = write_files({"checks/serve-first.yml": GOOD})
    program = load_program(root)
    view = participant_view(program)
    shown = view.modules[0].checks
    dumped = view.model_dump_json()
    assert "Ask who has read it" not in dumped
    assert "Да, верно" not in dumped and "नहीं" not in dumped
    assert shown[0].choices == ["Spears", "Greenleaf", "كارلزون"]
    assert decode("who-wrote", shown[0].key)["a"] == [1]
    assert decode("who-wrote", shown[0].key)["c"] == "Да, верно 🎉"
    assert shown[2].choices == ["True", "False"]
    order = shown_order(program.checks["serve-first"][1])
    assert order != [0, 1, 2, 3] and sorted(order) == [0, 1, 2, 3]
    assert shown[1].choices == [["one", "two", "three", "four"][i] for i in order]
    # the key's answer, read in the shown order, spells the written (right) order
    right = answer_key(program.checks["serve-first"][1])["a"]
    assert isinstance(right, list)
    assert [shown[1].choices[i] for i in right] == ["one", "two", "three", "four"]


def test_an_answer_out_of_range_is_located(write_files: Write) -> None:
    bad = GOOD.replace(
        'answer: 2\n    feedback: {correct: "Да', 'answer: 4\n    feedback: {correct: "Да'
    )
    root = write_files({"checks/serve-first.yml": bad})
    assert problems(root) == [
        "checks/serve-first.yml:6: checks[0].answer: there is no choice 4: the check has 3 "
        "choices; give a number from 1 to 3"
    ]


def test_no_correct_answer_is_located(write_files: Write) -> None:
    bad = GOOD.replace("    answer: [1, 3]\n", "")
    bad = bad.replace("    answer: false\n", "")
    root = write_files({"checks/serve-first.yml": bad})
    assert problems(root) == [
        "checks/serve-first.yml:14: checks[2].answer: no correct answer; write answer: true or "
        "answer: false",
        "checks/serve-first.yml:18: checks[3].answer: no correct answer; give the number of the "
        "right choice, e.g. answer: [1, 3]",
    ]


def test_duplicate_ids_are_located_at_the_second(write_files: Write) -> None:
    root = write_files({"checks/serve-first.yml": GOOD.replace("id: many", "id: steps")})
    assert problems(root) == [
        "checks/serve-first.yml:19: checks[3].id: 'steps' is already the id of a check "
        "(checks/serve-first.yml:9); give each check its own id"
    ]


def test_kind_specific_mistakes(write_files: Write) -> None:
    bad = GOOD.replace("choices: [one, two, three, four]", "choices: [one, two]\n    answer: 1")
    bad = bad.replace("{text: Pass it on, feedback: They start again.}", "Pass it on")
    bad = bad.replace("answer: [1, 3]", "answer: [1, 1]")
    root = write_files({"checks/serve-first.yml": bad})
    assert problems(root) == [
        "checks/serve-first.yml:13: checks[1].answer: an ordering check has no answer; write "
        "its choices in the right order (participants see them shuffled)",
        "checks/serve-first.yml:24: checks[3].answer: a choice is listed twice; list each "
        "right choice once",
        "checks/serve-first.yml:31: checks[4].choices[0]: a scenario gives each choice its "
        "own feedback; write {text: ..., feedback: ...}",
    ]


def test_a_file_for_no_module_and_an_unknown_assessment_id(write_files: Write) -> None:
    root = write_files({"checks/serve-first.yml": GOOD, "checks/no-such-module.yml": GOOD})
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "      library: false", "      library: false\n      assessment: [steps, gone]"
        ),
        encoding="utf-8",
    )
    found = problems(root)
    assert found == [
        "checks/no-such-module.yml: no module 'no-such-module'; name a checks file after the "
        "module it checks (checks/<module-id>.yml)",
        "mkdocs.yml:15: assessment[1]: no check 'gone' in a planned module; the checks are: "
        "many, pyramid, situation, steps, who-wrote",
    ]
    config.write_text(
        text.replace("      library: false", "      library: false\n      assessment: [steps]"),
        encoding="utf-8",
    )
    (root / "checks/no-such-module.yml").unlink()
    program = load_program(root)
    assert program.assessment == ["steps"]
    assert [c.id for c in participant_view(program).assessment] == ["steps"]


def test_the_default_program_has_two_checks_per_module() -> None:
    program = load_program(Path(__file__).resolve().parents[2])
    assert {m: len(c) for m, c in program.checks.items()} == {m.id: 2 for m in program.modules}
    kinds = {c.kind for group in program.checks.values() for c in group}
    assert kinds == {"single", "multiple", "true_false", "ordering", "scenario"}
    assert len(program.assessment) == 4


def test_a_program_uses_the_library_checks_and_may_replace_a_file(tmp_path: Path) -> None:
    from ..conftest import run_cli

    root = tmp_path / "nurses"
    assert run_cli("init", root).code == 0
    program = load_program(root)
    assert program.checks["serve-first"][0].id == "servant-first-origin"
    own = GOOD.replace("id: who-wrote", "id: 谁-wrote") + "\n"
    (root / "checks").mkdir()
    (root / "checks/serve-first.yml").write_text(own, encoding="utf-8")
    assert problems(root)[0].startswith("checks/serve-first.yml:2: checks[0].id: ")
    (root / "checks/serve-first.yml").write_text(GOOD, encoding="utf-8")
    program = load_program(root)
    assert program.checks["serve-first"][0].id == "who-wrote"
    assert program.checks["why-leadership-matters"][0].id == "service-profit-chain"
