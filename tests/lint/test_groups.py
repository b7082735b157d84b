"""SF301 group-remainder and SF302 rounds-leave-someone-out."""

from __future__ import annotations

from typing import Any

import pytest

from generator.lint.groups import split

from .conftest import Write, exercise, findings


@pytest.mark.parametrize(
    ("people", "low", "high", "groups"),
    [
        (16, 3, 3, [4, 3, 3, 3, 3]),
        (15, 2, 2, [3, 2, 2, 2, 2, 2, 2]),
        (16, 4, 6, [6, 5, 5]),
        (2, 3, 3, None),
    ],
)
def test_split(people: int, low: int, high: int, groups: list[int] | None) -> None:
    assert split(people, low, high) == groups


def _triads(**facilitator: Any) -> dict[str, Any]:
    base = exercise("pairs")
    return exercise(
        "pairs",
        format="triad",
        group_size="3",
        facilitator={**base["facilitator"], **facilitator},
        instructions=[
            "Round 1: A gives feedback to B; C observes.",
            "Round 2: B gives feedback to C; A observes.",
            "Round 3: C gives feedback to A; B observes.",
        ],
    )


def test_triads_of_sixteen_leave_a_group_of_four(write: Write) -> None:
    root = write(exercises=[_triads()])
    assert [str(p) for p in findings(root, "SF301")] == [
        "exercises/pairs.yml:5: group_size: 16 participants in groups of 3 make 4 groups "
        "of 3 and 1 group of 4, and the notes do not say so; say in facilitator.setup what "
        "happens to the people left over (for example: one group of 4)"
    ]


def test_a_remainder_the_notes_handle(write: Write) -> None:
    setup = "Form threes; if numbers do not divide by three, make one group of four."
    assert findings(write(exercises=[_triads(setup=setup)]), "SF301") == []
    assert findings(write(program={"group_size": 15}), "SF301") != []  # 15 in pairs
    assert findings(write(program={"group_size": 18}, exercises=[_triads()]), "SF301") == []


def test_three_rounds_in_a_group_of_four(write: Write) -> None:
    setup = "Make one group of four when numbers do not divide by three."
    root = write(exercises=[_triads(setup=setup)])
    assert [str(p) for p in findings(root, "SF302")] == [
        "exercises/pairs.yml:7: instructions: 3 rounds, but 16 participants make 4 groups "
        "of 3 and 1 group of 4: 1 person never takes the first role (1 in the group of 4); "
        "add round 4 (and its minutes) so that everyone in a group of 4 takes the first "
        "role, or say what the people without a turn do"
    ]


def test_two_rounds_count_every_group_and_name_every_round(write: Write) -> None:
    """Each group of 3 leaves one out and the group of 4 two: rounds 3 and 4 are both
    needed, not round 3 alone."""
    setup = "Make one group of four when numbers do not divide by three."
    triads = {**_triads(setup=setup), "title": "Тройки: 反馈 🙂"}
    triads["instructions"] = triads["instructions"][:2]
    root = write(exercises=[triads])
    assert [str(p) for p in findings(root, "SF302")] == [
        "exercises/pairs.yml:7: instructions: 2 rounds, but 16 participants make 4 groups "
        "of 3 and 1 group of 4: 6 people never take the first role (1 in each group of 3, 2 "
        "in the group of 4); add rounds 3 and 4 (and their minutes) so that everyone in a "
        "group of 4 takes the first role, or say what the people without a turn do"
    ]
    root = write(program={"group_size": 30}, exercises=[triads])  # ten groups of 3
    assert [p.message for p in findings(root, "SF302")] == [
        "2 rounds, but 30 participants make 10 groups of 3: 10 people never take the first "
        "role (1 in each group of 3); add round 3 (and its minutes) so that everyone in a "
        "group of 3 takes the first role, or say what the people without a turn do"
    ]


def test_one_participant_is_singular(write: Write) -> None:
    root = write(program={"group_size": 1})
    assert [p.message for p in findings(root, "SF301")] == [
        "1 participant cannot form groups of 2; say in facilitator.setup what happens to the "
        "people left over (for example: the facilitator joins in)"
    ]


def test_rounds_for_everyone(write: Write) -> None:
    assert findings(write(program={"group_size": 18}, exercises=[_triads()]), "SF302") == []
    setup = "Make one group of four, which runs a fourth round of its own."
    assert findings(write(exercises=[_triads(setup=setup)]), "SF302") == []
