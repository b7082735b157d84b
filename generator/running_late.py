"""The running-late list: every cuttable segment of the plan, in the order to cut it.

A segment is cuttable when its facilitator notes carry ``if_late: {saves, how, order}``
(:class:`generator.model.module.IfLate`). The facilitator guide prints the list as the
"If you are running late" table; the savings add up to the day's total.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model.resolved import Program
from .schedule import Agenda


@dataclass(frozen=True)
class Cut:
    """One row of the running-late table."""

    day: int
    """1-based day of the plan the segment runs on."""
    start: str
    """Clock time the segment starts, "HH:MM"."""
    module: str
    """The module's title."""
    segment: str
    """The segment's title."""
    minutes: int
    """The segment's planned minutes."""
    saves: int
    """Minutes the cut saves (never more than ``minutes``)."""
    how: str
    """What to do instead, in a sentence."""
    order: int
    """1 is cut first; equal numbers keep the order of the day."""


@dataclass(frozen=True)
class RunningLate:
    """The cuts of one day, in the order to make them, and what they save together."""

    day: int
    cuts: list[Cut]

    @property
    def total(self) -> int:
        """Minutes saved by making every cut of the day."""
        return sum(c.saves for c in self.cuts)


def running_late(program: Program, agenda: Agenda) -> list[RunningLate]:
    """One :class:`RunningLate` per day of ``agenda`` that has a cuttable segment, in day
    order; each day's cuts sorted by ``order``, then by clock time. Empty when no planned
    segment is marked ``if_late``. ``agenda`` must be built from ``program``'s modules."""
    by_day: dict[int, list[tuple[int, Cut]]] = {}
    for module in program.modules:
        slot = agenda.slot_of(module.id)
        for i, segment in enumerate(module.segments):
            late = segment.facilitator.if_late
            if late is None:
                continue
            cut = Cut(
                day=slot.day,
                start=slot.segment_starts[i],
                module=module.title,
                segment=segment.title,
                minutes=segment.minutes,
                saves=late.saves,
                how=late.how,
                order=late.order,
            )
            rows = by_day.setdefault(slot.day, [])
            rows.append((len(rows), cut))
    return [
        RunningLate(day, [c for _, c in sorted(rows, key=lambda r: (r[1].order, r[0]))])
        for day, rows in sorted(by_day.items())
    ]
