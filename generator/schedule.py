"""The timetable: clock times for every module, break and segment, computed from the plan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from .model import Break, ProgramConfig
from .model.program import clock_minutes


@dataclass(frozen=True)
class Slot:
    """One row of the agenda."""

    day: int
    start: str
    end: str
    minutes: int
    kind: Literal["module", "break"]
    title: str
    module_id: str | None = None
    segment_starts: list[str] = field(default_factory=list)
    """Clock start of each segment of the module, in order (module rows only)."""


@dataclass(frozen=True)
class Agenda:
    slots: list[Slot]
    days: int

    def for_day(self, day: int) -> list[Slot]:
        return [s for s in self.slots if s.day == day]

    def slot_of(self, module_id: str) -> Slot:
        return next(s for s in self.slots if s.module_id == module_id)


class TimedSegment(Protocol):
    @property
    def minutes(self) -> int: ...


class TimedModule(Protocol):
    """What the agenda needs of a module; the full and the participant models both fit."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def duration(self) -> int: ...
    @property
    def segments(self) -> Sequence[TimedSegment]: ...


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def build_agenda(config: ProgramConfig, modules: Sequence[TimedModule]) -> Agenda:
    """Lay the plan of each day out on the clock."""
    by_id = {m.id: m for m in modules}
    slots: list[Slot] = []
    for number, day in enumerate(config.days, start=1):
        now = clock_minutes(day.start)
        for entry in day.plan:
            if isinstance(entry, Break):
                slots.append(
                    Slot(
                        number,
                        clock(now),
                        clock(now + entry.minutes),
                        entry.minutes,
                        "break",
                        entry.break_,
                    )
                )
                now += entry.minutes
                continue
            module = by_id[entry]
            starts, t = [], now
            for segment in module.segments:
                starts.append(clock(t))
                t += segment.minutes
            end = now + module.duration
            slots.append(
                Slot(
                    number,
                    clock(now),
                    clock(end),
                    module.duration,
                    "module",
                    module.title,
                    entry,
                    starts,
                )
            )
            now = end
    return Agenda(slots, len(config.days))
