"""SF3xx: group arithmetic: groups against the number of participants, rounds against members."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..located import Located
from ..model import Exercise
from .registry import Finding, LintContext, rule

_SAYS_REMAINDER = re.compile(
    r"odd number|uneven|left over|remainder|extra person|spare person|"
    r"groups? of (?:two|three|four|five|six|\d)|(?:a|one) (?:trio|four|foursome)",
    re.IGNORECASE,
)
_ORDINALS = {3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth"}
_ROUND = re.compile(r"\bround (\d+)", re.IGNORECASE)


def sizes(exercise: Exercise) -> tuple[int, int] | None:
    """(smallest, largest) people per group, or None for solo and plenary work."""
    if exercise.format in {"solo", "plenary"}:
        return None
    if exercise.group_size:
        low, _, high = exercise.group_size.partition("-")
        return int(low), int(high or low)
    return {"pair": (2, 2), "triad": (3, 3)}.get(exercise.format)


def split(people: int, low: int, high: int) -> list[int] | None:
    """Group sizes for ``people`` within low..high, as even as possible, or None.

    With a fixed size the remainder joins groups one person each (16 in threes: four
    threes and one four); when that cannot work, the last group is smaller."""
    for count in range(max(people // high, 1), people // low + 1):
        if count * low <= people <= count * high:
            return _even(people, count)
    if low == high and people >= low:
        return _even(people, people // low)
    return None


def _even(people: int, count: int) -> list[int]:
    base, extra = divmod(people, count)
    return [base + 1] * extra + [base] * (count - extra)


def _used(ctx: LintContext) -> Iterator[Located[Exercise]]:
    seen: set[str] = set()
    for module in ctx.modules:
        for segment in module.item.segments:
            exercise = ctx.exercises.get(segment.exercise or "")
            if exercise is not None and exercise.item.id not in seen:
                seen.add(exercise.item.id)
                yield exercise


def _facilitator_text(exercise: Exercise) -> str:
    f = exercise.facilitator
    return " ".join(t for t in (f.setup, f.notes, f.large_group) if t)


def _participants(people: int) -> str:
    """'1 participant', '16 participants'."""
    return f"{people} participant{'' if people == 1 else 's'}"


def _people(count: int) -> str:
    """'1 person', '6 people'."""
    return f"{count} {'person' if count == 1 else 'people'}"


def _and(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def _describe(groups: list[int]) -> str:
    counts: dict[int, int] = {}
    for g in groups:
        counts[g] = counts.get(g, 0) + 1
    return " and ".join(
        f"{n} group{'s' if n != 1 else ''} of {g}" for g, n in sorted(counts.items())
    )


@rule(
    code="SF301",
    name="group-remainder",
    family="groups",
    fix="say in facilitator.setup what happens to the people left over",
)
def group_remainder(ctx: LintContext) -> Iterator[Finding]:
    """An exercise whose groups do not divide the program's ``group_size`` evenly (or
    cannot be formed at all), when its facilitator notes do not say how the remainder
    is handled. The message says how it would split."""
    people = ctx.config.group_size
    for located in _used(ctx):
        exercise = located.item
        bounds = sizes(exercise)
        if bounds is None:
            continue
        low, high = bounds
        groups = split(people, low, high)
        if groups is not None and len(set(groups)) == 1 and low <= groups[0] <= high:
            continue
        if _SAYS_REMAINDER.search(_facilitator_text(exercise)):
            continue
        wanted = f"{low}-{high}" if low != high else str(low)
        if groups is None:
            message = f"{_participants(people)} cannot form groups of {wanted}"
        else:
            message = (
                f"{_participants(people)} in groups of {wanted} make {_describe(groups)}, "
                "and the notes do not say so"
            )
        yield ctx.at(
            located,
            ("group_size",) if exercise.group_size else ("format",),
            message,
            "say in facilitator.setup what happens to the people left over "
            f"(for example: {'one group of ' + str(max(groups)) if groups else 'the facilitator joins in'})",
        )


@rule(
    code="SF302",
    name="rounds-leave-someone-out",
    family="groups",
    fix="add a round for each member of the largest group, or say what the others do",
)
def rounds_leave_someone_out(ctx: LintContext) -> Iterator[Finding]:
    """An exercise that rotates roles in numbered rounds ('Round 1', 'Round 2', ...) with
    fewer rounds than the members of its largest group, for the program's ``group_size``:
    someone never takes the first role."""
    people = ctx.config.group_size
    for located in _used(ctx):
        exercise = located.item
        bounds = sizes(exercise)
        if bounds is None:
            continue
        texts = [*exercise.instructions, *(c.cue for c in exercise.facilitator.timing_cues)]
        rounds = max((int(n) for t in texts for n in _ROUND.findall(t)), default=0)
        groups = split(people, *bounds)
        if rounds < 2 or groups is None or rounds >= max(groups):
            continue
        largest = max(groups)
        extra = _ORDINALS.get(largest, str(largest))
        if re.search(rf"round {largest}\b|{extra} round", _facilitator_text(exercise), re.I):
            continue
        yield ctx.at(
            located,
            ("instructions",),
            f"{rounds} rounds, but {_participants(people)} make {_describe(groups)}: "
            + _left_out(groups, rounds),
            _more_rounds(rounds, largest),
        )


def _left_out(groups: list[int], rounds: int) -> str:
    """Who never takes the first role with ``rounds`` rounds, counted over every group:
    '6 people never take the first role (1 in each group of 3, 2 in the group of 4)'."""
    counts: dict[int, int] = {}
    for g in groups:
        counts[g] = counts.get(g, 0) + 1
    parts = [
        f"{size - rounds} in {'each group' if n > 1 else 'the group'} of {size}"
        for size, n in sorted(counts.items())
        if size > rounds
    ]
    total = sum(max(size - rounds, 0) for size in groups)
    verb = "takes" if total == 1 else "take"
    return f"{_people(total)} never {verb} the first role ({', '.join(parts)})"


def _more_rounds(rounds: int, largest: int) -> str:
    """The fix: every round up to one per member of the largest group, by number."""
    new = [str(n) for n in range(rounds + 1, largest + 1)]
    named = f"round{'s' if len(new) > 1 else ''} {_and(new)}"
    return (
        f"add {named} (and {'their' if len(new) > 1 else 'its'} minutes) so that everyone "
        f"in a group of {largest} takes the first role, or say what the people without a "
        "turn do"
    )
