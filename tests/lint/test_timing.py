"""SF201 debrief-without-time and SF202 stretch-without-break."""

from __future__ import annotations

from typing import Any

from generator.loader import load_program

from .conftest import Write, exercise, findings, module

QUESTIONS = [{"question": f"Вопрос {n}?", "listen_for": f"Answer {n}."} for n in range(1, 4)]


def _debriefed(minutes: int) -> dict[str, Any]:
    facilitator = {**exercise("pairs")["facilitator"], "debrief": QUESTIONS}
    return exercise("pairs", minutes=minutes, facilitator=facilitator)


def test_an_exercise_that_fills_its_segment_leaves_no_time_for_questions(write: Write) -> None:
    root = write(exercises=[_debriefed(14)])
    assert [str(p) for p in findings(root, "SF201")] == [
        "modules/listening.yml:14: segments[1].minutes: 'Listening pairs' leaves 1 minute "
        "after the 14-minute exercise for 3 debrief questions, which need about 6 minutes "
        "(2 per question); give the segment 5 more minutes, shorten the exercise or ask "
        "fewer questions"
    ]


def test_enough_minutes_for_the_questions(write: Write) -> None:
    assert findings(write(exercises=[_debriefed(9)]), "SF201") == []


def test_a_short_segment_with_its_own_questions(write: Write) -> None:
    segments = module()["segments"]
    segments[0]["facilitator"] = {"debrief": QUESTIONS}
    root = write(modules=[module(segments=segments)])
    assert [(p.field, p.message) for p in findings(root, "SF201")] == [
        (
            "segments[0].minutes",
            "'Opening' leaves 5 minutes for 3 debrief questions, which need about 6 "
            "minutes (2 per question); give the segment 1 more minutes, shorten the "
            "exercise or ask fewer questions",
        )
    ]


def _long(item_id: str) -> dict[str, Any]:
    segments = module()["segments"]
    segments[2]["minutes"] = 40
    return module(id=item_id, duration=60, segments=segments, exercises=["pairs"])


def test_two_hours_without_a_break(write: Write) -> None:
    plan = ["first", "second", {"break": "Pause café", "minutes": 15}, "first-again"]
    modules = [_long("first"), _long("second"), _long("first-again")]
    root = write(modules=modules, program={"days": [{"start": "09:00", "plan": plan}]})
    assert [str(p) for p in findings(root, "SF202")] == [
        "mkdocs.yml:14: program.days[0].plan[1]: 09:00-11:00 runs 120 minutes without a "
        "break (first, second); a room needs one at least every 90 minutes; put a break "
        "before 'second'"
    ]


def test_ninety_minutes_then_a_break_is_fine(write: Write) -> None:
    short = module(id="short", duration=30)
    plan = ["first", "short", {"break": "Pause", "minutes": 10}, "second"]
    modules = [_long("first"), short, _long("second")]
    root = write(modules=modules, program={"days": [{"start": "09:00", "plan": plan}]})
    assert findings(root, "SF202") == []
    assert load_program(root).warnings == []
