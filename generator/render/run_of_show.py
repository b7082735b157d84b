"""The live run-of-show: one self-contained HTML page a facilitator runs the day from.

``OUT/facilitator/run-of-show.html`` carries the planned day as JSON (clock times from
:mod:`generator.schedule`, SAY/DO, slide numbers from the deck's own plan, materials,
debrief questions with what to listen for, transitions and the running-late cuts of
``facilitator.if_late``) and a small script that keeps the day on time in the browser:
start, pause, finish a segment early or late, re-flow the clock times and propose cuts
when the day would end after ``finish_by``. Everything is inlined and a Content Security
Policy forbids every request, so the page works from ``file://`` or a phone's downloads
and never asks the network for anything. It is a facilitator output: nothing in the
participant site links to it or indexes it.
"""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import i18n
from ..materials.catalogue import display_name
from ..model import Break, Program
from ..model.module import Segment
from ..schedule import build_agenda
from .markup import md, md_inline
from .slides.numbers import SegmentSlides

TEMPLATES = files("generator") / "templates" / "run_of_show"
LOCALES = {"en": "en-GB", "es": "es-ES"}
"""BCP 47 tags for the browser's clock formatting, matching :data:`generator.i18n.LOCALES`."""

LABELS = (
    "Run of show",
    "Day",
    "Now",
    "Next",
    "Start the day",
    "Start at",
    "Pause",
    "Resume",
    "Paused",
    "Done: next segment",
    "Back to the previous segment",
    "left",
    "over",
    "Starts in",
    "Starts at",
    "Two minutes left",
    "Say",
    "Do",
    "Slide",
    "Materials",
    "Set-up",
    "Facilitator notes",
    "Debrief",
    "Listen for:",
    "Timing:",
    "Transition:",
    "If you are running late:",
    "The day",
    "done",
    "now",
    "cut",
    "min",
    "early",
    "late",
    "on time",
    "Break",
    "Ends",
    "Finish by",
    "The day ends at {end}: on time.",
    "The day would end at {end}, {minutes} min after {finish}.",
    "Running late",
    "Proposed cuts",
    "Also possible",
    "saves {minutes} min",
    "the day then ends at {end}",
    "With the proposed cuts the day ends at {end}.",
    "Even with every cut the day ends at {end}.",
    "Cut this",
    "Cuts made",
    "Undo cut",
    "No segment of this day is marked cuttable, so there is nothing to propose.",
    "No cut is left to make.",
    "The day is over.",
    "Reset the day",
    "Reset everything for this day? Times, late marks and cuts are forgotten.",
    "Dark",
    "Light",
    "Build",
    "Planned",
    "Your progress is kept on this device.",
    "This page needs its script to keep time: open the file in a web browser (Chrome, "
    "Firefox, Safari, Edge), not in a file preview.",
)
"""Every fixed label of the page, in English; translated from the program's catalogue."""


def _slide(slides: SegmentSlides, module_id: str, index: int) -> str | None:
    spans = slides.get(module_id, [])
    span = spans[index] if index < len(spans) else None
    if span is None:
        return None
    first, last = span
    return str(first) if first == last else f"{first}–{last}"


def _segment(
    program: Program, module_id: str, index: int, segment: Segment, slides: SegmentSlides
) -> dict[str, Any]:
    """One segment as the page shows it, with its exercise's or case's notes folded in:
    the exercise's set-up, timed cues, debrief and materials; the case's notes and its
    discussion questions with what to listen for (a revisited case's own questions come
    with the segment's debrief instead)."""
    notes = segment.facilitator
    cut = notes.if_late
    minute = i18n.gettext(program.config.language)("min")
    uses = list(segment.materials)
    cues = [str(md_inline(text)) for text in notes.timing_cues]
    debrief: list[tuple[str, str | None]] = [(d.question, d.listen_for) for d in notes.debrief]
    setup = case_notes = None
    exercise = program.exercises.get(segment.exercise or "")
    if exercise:
        setup = str(md(exercise.facilitator.setup))
        uses += exercise.materials
        cues += [f"{c.at} {minute}: {md_inline(c.cue)}" for c in exercise.facilitator.timing_cues]
        debrief += [(d.question, d.listen_for) for d in exercise.facilitator.debrief]
    case = program.cases.get(segment.case or "")
    if case:
        case_notes = str(md(case.facilitator.notes))
        if not segment.case_questions:
            listen = case.facilitator.listen_for
            debrief += [
                (q, listen[i] if i < len(listen) else None) for i, q in enumerate(case.discussion)
            ]
    return {
        "id": f"{module_id}/{index + 1}",
        "kind": "segment",
        "title": segment.title,
        "minutes": segment.minutes,
        "method": segment.method,
        "slide": _slide(slides, module_id, index),
        "say": [str(md(text)) for text in notes.say],
        "do": [str(md(text)) for text in notes.do],
        "setup": setup,
        "case_notes": case_notes,
        "cues": cues,
        "materials": list(dict.fromkeys(display_name(use, program.catalogue) for use in uses)),
        "debrief": [
            {"question": str(md_inline(q)), "listen_for": str(md(listen)) if listen else None}
            for q, listen in debrief
        ],
        "transition": str(md(notes.transition)) if notes.transition else None,
        "cut": (
            {"saves": cut.saves, "how": str(md_inline(cut.how)), "order": cut.order}
            if cut
            else None
        ),
    }


def day_plans(program: Program, slides: SegmentSlides) -> list[dict[str, Any]]:
    """Every day of the plan as JSON-able dicts: ``start``/``finish_by`` ("HH:MM") and
    ``items`` in order, each a segment (with its module's id and title, "planned" clock
    start, minutes, slide number or None, SAY/DO and notes as HTML, materials, debrief,
    ``cut``: {saves, how, order} or None) or a break (title, minutes, planned start)."""
    agenda = build_agenda(program.config, program.modules)
    by_id = {module.id: module for module in program.modules}
    days = []
    for number, day in enumerate(program.config.days, start=1):
        items: list[dict[str, Any]] = []
        slots = iter(agenda.for_day(number))
        for position, entry in enumerate(day.plan):
            slot = next(slots)
            if isinstance(entry, Break):
                items.append(
                    {
                        "id": f"day{number}/break{position + 1}",
                        "kind": "break",
                        "title": entry.break_,
                        "minutes": entry.minutes,
                        "planned": slot.start,
                        "slide": None,
                        "cut": None,
                    }
                )
                continue
            module = by_id[entry]
            for index, segment in enumerate(module.segments):
                item = _segment(program, module.id, index, segment, slides)
                item.update(module=module.title, planned=slot.segment_starts[index])
                items.append(item)
        days.append(
            {"number": number, "start": day.start, "finish_by": day.finish_by, "items": items}
        )
    return days


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` ("#RRGGBB"), by WCAG
    relative luminance."""
    channels = [int(background[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"


def page_data(program: Program, slides: SegmentSlides) -> dict[str, Any]:
    """Everything the page's script reads, as one JSON-able dict. ``build`` is a short
    hash of the plan: the browser keeps its state under the program's title and it, so
    a rebuilt plan starts fresh and an unchanged one keeps its state."""
    config = program.config
    language = config.language
    plan = day_plans(program, slides)
    build = hashlib.sha256(json.dumps(plan, sort_keys=True).encode()).hexdigest()[:12]
    translate = i18n.gettext(language)
    return {
        "title": config.title,
        "build": build,
        "storageKey": f"servefirst-run-of-show:{config.title}:{build}",
        "locale": LOCALES[language],
        "twoDigitHours": i18n.clock("09:05", language).startswith("0"),
        "strings": {label: translate(label) for label in LABELS},
        "days": plan,
    }


def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` can close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def run_of_show_html(program: Program, slides: SegmentSlides) -> str:
    """The page as one HTML string: styles, script and data inlined."""
    config = program.config
    data = page_data(program, slides)
    env = Environment(
        loader=PackageLoader("generator", "templates/run_of_show"),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    translate = i18n.gettext(config.language)
    return env.get_template("run-of-show.html.j2").render(
        language=config.language,
        title=f"{config.title}: {translate('Run of show')}",
        program_title=config.title,
        brand=config.branding.colour,
        on_brand=text_colour(config.branding.colour),
        css=Markup(_asset("run-of-show.css")),
        js=Markup(_asset("run-of-show-day.js") + "\n" + _asset("run-of-show.js")),
        data=Markup(script_json(data)),
        s=data["strings"],
    )


def render_run_of_show(program: Program, target: Path, slides: SegmentSlides) -> Path:
    """Write the page to ``target`` (its folder is created); returns ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(run_of_show_html(program, slides), encoding="utf-8")
    return target
