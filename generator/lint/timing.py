"""SF2xx: minutes: debriefs that cannot fit, long stretches without a break."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Break
from ..model.program import clock_minutes
from ..schedule import clock
from .registry import Finding, LintContext, rule

MINUTES_PER_QUESTION = 2
"""What one debrief question takes with a room: asked, two or three answers, a summary."""
LONGEST_STRETCH = 90
"""Minutes of teaching a room can take before it needs a break."""


@rule(
    code="SF201",
    name="debrief-without-time",
    family="timing",
    fix="give the segment more minutes, shorten the exercise or ask fewer questions",
)
def debrief_without_time(ctx: LintContext) -> Iterator[Finding]:
    """A segment's debrief questions (its own and its exercise's) need about two minutes
    each: in an exercise segment from the minutes the exercise leaves, elsewhere from
    the segment's minutes."""
    for located in ctx.modules:
        for i, segment in enumerate(located.item.segments):
            questions = len(segment.facilitator.debrief)
            exercise = ctx.exercises.get(segment.exercise or "")
            used = 0
            if exercise is not None:
                questions += len(exercise.item.facilitator.debrief)
                used = exercise.item.minutes
            need = questions * MINUTES_PER_QUESTION
            left = segment.minutes - used
            if questions == 0 or left >= need:
                continue
            after = f" after the {used}-minute exercise" if used else ""
            yield ctx.at(
                located,
                ("segments", i, "minutes"),
                f"'{segment.title}' leaves {_minutes(left)}{after} for {questions} debrief "
                f"question{'s' if questions != 1 else ''}, which "
                f"{'need' if questions != 1 else 'needs'} about {need} minutes "
                f"({MINUTES_PER_QUESTION} per question)",
                f"give the segment {need - left} more minutes, shorten the exercise or ask "
                "fewer questions",
            )


def _minutes(n: int) -> str:
    return f"{n} minute{'s' if n != 1 else ''}"


@rule(
    code="SF202",
    name="stretch-without-break",
    family="timing",
    fix="put a break in the plan",
)
def stretch_without_break(ctx: LintContext) -> Iterator[Finding]:
    """More than 90 minutes of modules in a row in a day's plan, with no break between."""
    durations = {m.item.id: m.item.duration for m in ctx.modules}
    for d, day in enumerate(ctx.config.days):
        now = clock_minutes(day.start)
        runs: list[tuple[int, list[tuple[int, str]]]] = [(now, [])]
        for i, entry in enumerate(day.plan):
            if isinstance(entry, Break):
                now += entry.minutes
                runs.append((now, []))
            else:
                runs[-1][1].append((i, entry))
                now += durations.get(entry, 0)
        for start, run in runs:
            total, crossing = 0, None
            for i, module_id in run:
                total += durations.get(module_id, 0)
                if total > LONGEST_STRETCH and crossing is None:
                    crossing = (i, module_id)
            if crossing is None:
                continue
            names = ", ".join(module_id for _, module_id in run)
            yield ctx.in_config(
                ("program", "days", d, "plan", crossing[0]),
                f"{clock(start)}-{clock(start + total)} runs {total} minutes without a break "
                f"({names}); a room needs one at least every {LONGEST_STRETCH} minutes",
                f"put a break before '{crossing[1]}'",
            )
