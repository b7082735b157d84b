"""What is on screen during each segment: the segment's ``screen:``, or a default.

A segment that says nothing gets what the deck has always shown there, so programs
written before ``screen:`` need no edits: the objectives during the first segment, the
segment's case or exercise, the key ideas at the first input or discussion, the
reflection prompts at the reflection and the takeaways at the close. A segment with
nothing of its own shows its title. Plain data only: the slide numbers the guide prints
come from the same plan as the deck.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model.participant import ParticipantModule


def _first(methods: Sequence[str], *wanted: str, default: int = 0) -> int:
    for method in wanted:
        if method in methods:
            return methods.index(method)
    return default


def closing_segment(module: ParticipantModule) -> int:
    """Index of the segment that shows the takeaways by default: the close, else the last."""
    methods = [s.method for s in module.segments]
    return _first(methods, "close", default=len(methods) - 1)


def screens(module: ParticipantModule) -> list[list[str]]:
    """For each segment, in order, the kinds of screen it shows (title, objectives,
    principle, case, exercise, debrief, reflection, takeaways, blank): one kind when the
    segment names it, the defaults above when it does not."""
    methods = [s.method for s in module.segments]
    principles_at = _first(methods, "input", "discussion") if module.principles else -1
    takeaways_at = closing_segment(module)
    reflection_at = _first(methods, "reflection", default=takeaways_at)
    out: list[list[str]] = []
    for i, segment in enumerate(module.segments):
        if segment.screen:
            out.append([segment.screen])
            continue
        kinds = ["objectives"] if i == 0 else []
        kinds += [k for k in ("case", "exercise") if getattr(segment, k)]
        if i == principles_at:
            kinds.append("principle")
        if i == reflection_at and module.reflection:
            kinds.append("reflection")
        if i == takeaways_at and module.takeaways:
            kinds.append("takeaways")
        if not kinds and segment.debrief_prompts:
            kinds.append("debrief")
        out.append(kinds or ["title"])
    return out
