"""Handbook pages for the MkDocs site, generated from the participant view only."""

from __future__ import annotations

from typing import Any

from ..model.participant import ParticipantProgram
from ..schedule import build_agenda
from .markup import environment
from .pdf import all_sources


def _lower_first(text: str) -> str:
    """'Team leaders' -> 'team leaders', but 'HR leads' stays as it is."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def site_pages(view: ParticipantProgram) -> dict[str, str]:
    """Map each page's path under docs/ to its Markdown."""
    env = environment("site")
    env.filters["lower_first"] = _lower_first
    agenda = build_agenda(view.config, view.modules)
    days = agenda.days
    common: dict[str, Any] = {"config": view.config, "view": view, "agenda": agenda}
    pages = {
        "index.md": env.get_template("index.md.j2").render(
            days_phrase="one-day" if days == 1 else f"{days}-day", **common
        ),
        "agenda.md": env.get_template("agenda.md.j2").render(**common),
        "sources.md": env.get_template("sources.md.j2").render(
            sources=all_sources([*view.modules, *(c for m in view.modules for c in m.cases)]),
            **common,
        ),
    }
    module_template = env.get_template("module.md.j2")
    for number, module in enumerate(view.modules, start=1):
        pages[f"modules/{module.id}.md"] = module_template.render(
            module=module, number=number, slot=agenda.slot_of(module.id), **common
        )
    return pages


def site_nav(view: ParticipantProgram) -> list[Any]:
    """Navigation in program order."""
    return [
        {"Home": "index.md"},
        {"Agenda": "agenda.md"},
        {"Modules": [{m.title: f"modules/{m.id}.md"} for m in view.modules]},
        {"Sources": "sources.md"},
    ]
