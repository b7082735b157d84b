"""Checks files a new program owner might write: odd but valid input loads, and each
mistake gets one located message in plain words (found by trying to break issue 16)."""

from __future__ import annotations

import pytest

from generator.loader import load_program

from ..conftest import run_cli
from .test_load import Write, problems

ONE = """\
checks:
  - id: q1
    kind: {kind}
    question: Какой лидер слушает первым?
{rest}    feedback: {{correct: "صحيح 🎉", incorrect: "गलत"}}
"""


def checks_file(kind: str = "single", rest: str = "    choices: [a, b]\n    answer: 1\n") -> str:
    return ONE.format(kind=kind, rest=rest)


@pytest.mark.parametrize(
    ("rest", "message"),
    [
        (
            "    choices: [a, b]\n    answer: b\n",
            "checks/serve-first.yml:6: checks[0].answer: expected the number of the right "
            "choice (answer: 2), a list of numbers for 'multiple' (answer: [1, 3]) or true or "
            "false for 'true_false', got 'b'",
        ),
        (
            "    choices: [a, b]\n    answer: 1.5\n",
            "checks/serve-first.yml:6: checks[0].answer: expected the number of the right "
            "choice (answer: 2), a list of numbers for 'multiple' (answer: [1, 3]) or true or "
            "false for 'true_false', got 1.5",
        ),
        (
            "    choices: [a, '']\n    answer: 1\n",
            "checks/serve-first.yml:5: checks[0].choices[1]: must not be empty; write the text "
            "or remove the field",
        ),
        (
            "    choices: [a, null]\n    answer: 1\n",
            "checks/serve-first.yml:5: checks[0].choices[1]: expected text, got nothing",
        ),
        (
            "    choices: [{text: a, mark: 1}, b]\n    answer: 1\n",
            "checks/serve-first.yml:5: checks[0].choices[0].mark: unknown field; expected one "
            "of: text, feedback",
        ),
    ],
)
def test_a_wrong_answer_or_choice_gets_one_message_not_one_per_shape(
    write_files: Write, rest: str, message: str
) -> None:
    root = write_files({"checks/serve-first.yml": checks_file(rest=rest)})
    assert problems(root) == [message]


def test_a_true_false_answer_written_as_yes_is_refused(write_files: Write) -> None:
    root = write_files({"checks/serve-first.yml": checks_file("true_false", "    answer: 'yes'\n")})
    assert problems(root) == [
        "checks/serve-first.yml:5: checks[0].answer: expected the number of the right choice "
        "(answer: 2), a list of numbers for 'multiple' (answer: [1, 3]) or true or false for "
        "'true_false', got 'yes'"
    ]


@pytest.mark.parametrize("kind", ["single", "ordering"])
def test_two_choices_with_the_same_text_are_located(write_files: Write, kind: str) -> None:
    rest = "    choices: [Слушать, Решать, ' слушать ']\n"
    rest += "    answer: 2\n" if kind == "single" else ""
    root = write_files({"checks/serve-first.yml": checks_file(kind, rest)})
    assert problems(root) == [
        "checks/serve-first.yml:5: checks[0].choices[2]: the same text as choice 1; "
        "participants could not tell them apart: reword one or remove it"
    ]


def test_a_scenario_without_a_situation_is_located(write_files: Write) -> None:
    rest = "    choices:\n      - {text: 等待, feedback: 不}\n      - {text: 行动, feedback: 是}\n"
    root = write_files(
        {"checks/serve-first.yml": checks_file("scenario", rest + "    answer: 2\n")}
    )
    assert problems(root) == [
        "checks/serve-first.yml:2: checks[0].situation: a scenario sets the scene first; "
        "add situation: with a few lines"
    ]


def test_a_check_listed_twice_in_the_assessment_is_located(write_files: Write) -> None:
    root = write_files({"checks/serve-first.yml": checks_file()})
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      library: false", "      library: false\n      assessment: [q1, q1]"
        ),
        encoding="utf-8",
    )
    assert problems(root) == [
        "mkdocs.yml:15: assessment[1]: 'q1' is listed twice; list each check once"
    ]
    result = run_cli("build", root, "--out", root / "out", "--no-pdf")
    assert result.code == 1
    assert "assessment[1]: 'q1' is listed twice" in result.err
    assert "Traceback" not in result.err


def test_eight_choices_in_every_script_load(write_files: Write) -> None:
    choices = ["选择 ✨", "Выбор", "اختيار", "विकल्प", "**bold**", "<b>tag</b>", "`code`", "8"]
    rest = f"    choices: {choices}\n    answer: [1, 8]\n"
    root = write_files({"checks/serve-first.yml": checks_file("multiple", rest)})
    check = load_program(root).checks["serve-first"][0]
    assert [o.text for o in check.options()] == choices
    assert check.right() == [0, 7]


def test_two_checks_files_for_one_module_are_refused(write_files: Write) -> None:
    root = write_files(
        {
            "checks/serve-first.yml": checks_file(),
            "checks/serve-first.yaml": checks_file().replace("id: q1", "id: q2"),
        }
    )
    assert problems(root) == [
        "checks/serve-first.yml: a second checks file for module 'serve-first' (the other "
        "is checks/serve-first.yaml); keep one"
    ]


def test_twenty_choices_are_refused_with_the_reason(write_files: Write) -> None:
    choices = [f"选择 {n} ✨" for n in range(1, 21)]
    root = write_files({"checks/serve-first.yml": checks_file(rest=f"    choices: {choices}\n")})
    assert problems(root) == [
        "checks/serve-first.yml:5: checks[0].choices: 20 choices; give at most 8 (the workbook "
        "letters them A to H): split the question in two or drop the weakest choices"
    ]
