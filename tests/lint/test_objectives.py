"""SF101 objective-without-activity and SF501 drop-orphans-objective."""

from __future__ import annotations

import pytest

from generator.errors import ContentError, Problem
from generator.loader import load_program

from .conftest import Write, exercise, findings, module


def test_a_clean_program_has_no_findings(write: Write) -> None:
    assert load_program(write()).warnings == []


def test_an_objective_no_segment_practises(write: Write) -> None:
    objectives = ["Practise listening without interrupting.", "Plan 一 next step with a date."]
    root = write(modules=[module(objectives=objectives)])
    assert findings(root, "SF101") == [
        Problem(
            "modules/listening.yml",
            7,
            "objectives[1]",
            "objective 2 'Plan 一 next step with a date.' is practised by no activity "
            "(no segment's practises names it); add its number to the practises list of the "
            "segment that practises it, or add an activity, or drop the objective",
        )
    ]


def test_an_objective_linked_by_its_first_words_is_practised(write: Write) -> None:
    objectives = ["Practise listening without interrupting.", "Plan 一 next step with a date."]
    segments = module()["segments"]
    segments[2]["practises"] = ["plan 一 next"]
    root = write(modules=[module(objectives=objectives, segments=segments)])
    assert findings(root, "SF101") == []


def test_without_links_an_objective_is_matched_by_key_words(write: Write) -> None:
    segments = module()["segments"]
    del segments[1]["practises"]
    objectives = [
        "Practise listening without interrupting.",  # the exercise's purpose says so
        "Negotiate budgets with procurement.",  # nothing does
    ]
    root = write(modules=[module(objectives=objectives, segments=segments)])
    assert [(p.field, p.message) for p in findings(root, "SF101")] == [
        (
            "objectives[1]",
            "objective 2 'Negotiate budgets with procurement.' is practised by no activity "
            "(no segment, exercise or case shares its key words); add its number to the "
            "practises list of the segment that practises it, or add an activity, or drop "
            "the objective",
        )
    ]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        (3, "there is no objective 3: the module has 1"),
        ("Negotiate", "no objective of this module begins 'Negotiate'"),
    ],
)
def test_a_link_to_no_objective_is_an_error(write: Write, ref: object, message: str) -> None:
    segments = module()["segments"]
    segments[1]["practises"] = [ref]
    with pytest.raises(ContentError) as caught:
        load_program(write(modules=[module(segments=segments)]))
    assert [str(p) for p in caught.value.problems] == [
        f"modules/listening.yml:18: segments[1].practises[0]: {message}; give the "
        "objective's number (the first is 1) or its first words"
    ]


def test_a_drop_that_leaves_an_objective_without_activity(write: Write) -> None:
    root = write(program={"customise": {"listening": {"drop": ["Listening pairs"]}}})
    found = findings(root, "SF501")
    assert [str(p) for p in found] == [
        "mkdocs.yml:18: program.customise.listening.drop[0]: dropping 'Listening pairs' "
        "leaves objective 1 of listening 'Practise listening without interrupting for three "
        "minutes.' with no activity; keep the segment, or copy the module into the program "
        "and drop the objective too"
    ]
    assert findings(root, "SF101") == []  # reported once, where the drop is


def test_a_drop_that_keeps_every_objective_practised(write: Write) -> None:
    root = write(program={"customise": {"listening": {"drop": ["Close"]}}})
    assert findings(root, "SF501") == []
    assert load_program(root).warnings == []


def test_an_exercise_without_link_to_the_objective_can_be_dropped_with_a_warning(
    write: Write,
) -> None:
    """The same drop, found by key words when the module links nothing."""
    segments = module()["segments"]
    del segments[1]["practises"]
    root = write(
        modules=[module(segments=segments)],
        exercises=[exercise("pairs")],
        program={"customise": {"listening": {"drop": ["Listening pairs"]}}},
    )
    assert len(findings(root, "SF501")) == 1
