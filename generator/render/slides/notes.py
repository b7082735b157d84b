"""Speaker notes: the facilitator's side of each slide, so the presenter view is the
run-of-show. Every slide of a segment starts with its clock time; the segment's talking
points go on its first slide, its debrief and transition on its last."""

from __future__ import annotations

from ...materials.catalogue import display_name
from ...materials.horizons import split_task
from ...model import Module, Program
from ...model.base import DebriefQuestion
from ...schedule import Slot, build_agenda
from ..plain_text import text_lines
from .fit import as_written, plain
from .spec import Labels, Slide


def deck(program: Program, label: Labels) -> list[str]:
    """The title slide's notes: who the day is for and when each day runs."""
    config = program.config
    agenda = build_agenda(config, program.modules)
    lines = [
        f"{as_written(config.title)} · {as_written(config.organisation)}",
        as_written(config.audience),
    ]
    for day in range(1, agenda.days + 1):
        slots = agenda.for_day(day)
        span = f"{label.clock(slots[0].start)}–{label.clock(slots[-1].end)}"
        lines.append(f"{label['day']} {day}: {span}" if agenda.days > 1 else span)
    return lines


def agenda(slots: list[Slot], label: Labels) -> list[str]:
    return [
        f"{label.clock(s.start)}–{label.clock(s.end)} · {as_written(s.title)} "
        f"({s.minutes} {label['min']})"
        for s in slots
    ]


def add_module_notes(
    program: Program,
    module: Module,
    slot: Slot,
    by_segment: list[list[Slide]],
    label: Labels,
) -> None:
    """Fill the notes of a module's slides, grouped by the segment they are shown in."""
    online = program.config.delivery == "virtual"
    for i, slides in enumerate(by_segment):
        segment = module.segments[i]
        talk = segment.facilitator
        start = label.clock(slot.segment_starts[i])
        shown: set[tuple[str, str]] = set()
        for n, slide in enumerate(slides):
            lines = slide.notes
            if n == 0:
                minutes = f"{segment.minutes} {label['min']}"
                lines.append(f"{start} · {as_written(segment.title)} · {minutes}")
                # Online, the online note comes first: it changes how the rest is done.
                virtual = _labelled(label["online"], [talk.virtual] if talk.virtual else [])
                lines += virtual if online else []
                lines += _labelled(label["say"], talk.say)
                lines += _labelled(label["do"], talk.do)
                lines += _labelled(label["timing"], talk.timing_cues)
                kit = [display_name(use, program.catalogue) for use in segment.materials]
                lines += _labelled(label["materials"], ["; ".join(kit)] if kit else [])
                lines += [] if online else virtual
                if cut := talk.if_late:  # the running-late list, where the cut is made
                    how = f"{plain(cut.how)} ({label['saves']} {cut.saves} {label['min']})"
                    lines += _labelled(label["if_late"], [how])
            else:
                lines.append(f"{start} · {as_written(segment.title)}")
            if slide.topic and (slide.topic.kind, slide.topic.key) not in shown:
                lines += _topic(program, module, slide, label, first=True)
                shown.add((slide.topic.kind, slide.topic.key))
            elif slide.topic:
                lines += _topic(program, module, slide, label, first=False)
            if n == len(slides) - 1:
                lines += _debrief(talk.debrief, label)
                if talk.transition:
                    lines += _labelled(label["transition"], [talk.transition])


def _topic(
    program: Program, module: Module, slide: Slide, label: Labels, *, first: bool
) -> list[str]:
    """What the facilitator needs for the item on this slide."""
    assert slide.topic is not None
    kind, key = slide.topic.kind, slide.topic.key
    lines: list[str] = []
    if kind == "module":
        side = module.facilitator
        lines += _labelled(label["notes"], [side.notes] if side.notes else [])
        lines += _labelled(label["online"], [side.virtual] if side.virtual else [])
        lines += _labelled(label["prepare"], [split_task(t)[1] for t in side.preparation])
    elif kind == "principle":
        principle = module.principles[int(key)]
        if first:
            lines.append("\n".join(text_lines(principle.explanation)))
        lines += _labelled(label["say"], principle.facilitator.talking_points if first else [])
    elif kind == "case":
        case = program.cases[key]
        if first:
            lines += _labelled(label["notes"], [case.facilitator.notes])
        answers = case.facilitator.listen_for
        for para in slide.body:
            if para.kind == "number" and para.number <= len(answers):
                name = f"{label['listen_for']} ({para.number})"
                lines.append(f"{name}: {plain(answers[para.number - 1])}")
    elif kind == "exercise" and first:
        run = program.exercises[key].facilitator
        lines += _labelled(label["setup"], [run.setup])
        lines += [
            f"{label['timing']}: +{c.at} {label['min']}: {plain(c.cue)}" for c in run.timing_cues
        ]
        lines += _labelled(label["online"], [run.virtual])
        lines += _labelled(label["large_group"], [run.large_group] if run.large_group else [])
        lines += _labelled(label["notes"], [run.notes] if run.notes else [])
    elif kind == "debrief":
        lines += _debrief(program.exercises[key].facilitator.debrief, label)
    return lines


def _debrief(questions: list[DebriefQuestion], label: Labels) -> list[str]:
    lines = []
    for q in questions:
        lines.append(f"{label['debrief']}: {plain(q.question)}")
        lines.append(f"{label['listen_for']}: {plain(q.listen_for)}")
    return lines


def _labelled(name: str, texts: list[str]) -> list[str]:
    """'Say: ...' for each text; a text with tables, lists or code keeps its lines."""
    return [f"{name}: " + "\n".join(text_lines(t)) for t in texts]
