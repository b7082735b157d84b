"""Handbook pages for the MkDocs site, generated from the participant view only."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from babel.numbers import format_decimal

from .. import i18n
from ..model import Source
from ..model.participant import (
    ParticipantCase,
    ParticipantExercise,
    ParticipantModule,
    ParticipantProgram,
)
from ..schedule import build_agenda
from .markdown_config import slug
from .markup import PROSE_UNDER, environment, md
from .md_escape import escape_markdown
from .pdf import all_sources
from .prose import placed
from .site_prework import PreWork
from .site_worksheet import fields_of, worksheet_markdown

WORKBOOK_PATH = "downloads/participant-workbook.pdf"
ASSETS = "assets/servefirst"  # the plugin's own files: stylesheets, scripts, fonts, logo
TOOLTIP_CHARS = 80  # a tooltip gathers whole sentences until it has at least this many
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ0-9\"'‘“(¿¡])")
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class WorkbookLink:
    """The workbook PDF as the downloads page shows it."""

    path: str
    size: str
    pages: int | None = None

    @classmethod
    def of(cls, size_bytes: int, pages: int | None = None, language: str = "en") -> WorkbookLink:
        """'1.2 MB' or '340 kB', with the decimal separator of the language ('1,2 MB')."""
        if size_bytes >= 1_000_000:
            number = format_decimal(size_bytes / 1_000_000, "0.0", locale=i18n.LOCALES[language])
            size = f"{number} MB"
        else:
            size = f"{max(1, round(size_bytes / 1000))} kB"
        return cls(WORKBOOK_PATH, size, pages)


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str
    """The opening sentences of the principle's explanation, as Markdown."""
    tooltip: str
    """The same, as plain text for a ``title`` attribute."""
    module: ParticipantModule
    anchor: str


@dataclass(frozen=True)
class LibraryCase:
    case: ParticipantCase
    modules: list[ParticipantModule]


@dataclass(frozen=True)
class LibraryExercise:
    exercise: ParticipantExercise
    modules: list[ParticipantModule]


def _lower_first(text: str) -> str:
    """'Team leaders' -> 'team leaders', but 'HR leads' stays as it is."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


MODULE_PAGE_IDS = frozenset({"objectives", "key-ideas", "reflection", "takeaways", "sources"})
"""The fixed ids of a module page's sections (templates/site/module.md.j2)."""


def principle_anchor(name: str) -> str:
    """The readable id a principle's heading starts from, in any script:
    'serve-first-then-lead', '倾听'; 'principle' when the name has no letter or digit."""
    return slug(name) or "principle"


def principle_anchors(module: ParticipantModule) -> list[str]:
    """The id of each principle's heading on its module page, in order: unique on the page
    (``-2``, ``-3`` after a repeat; never a section's id) and the same in every build."""
    taken = set(MODULE_PAGE_IDS)
    taken |= {f"case-{c.id}" for c in module.cases} | {f"activity-{e.id}" for e in module.exercises}
    anchors: list[str] = []
    for principle in module.principles:
        base = principle_anchor(principle.name)
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        anchors.append(anchor)
    return anchors


def _opening(text: str) -> str:
    """Whole sentences from the start, until there are at least TOOLTIP_CHARS characters."""
    text = " ".join(text.split())
    taken = ""
    for sentence in _SENTENCE_END.split(text):
        taken = f"{taken} {sentence}".strip()
        if len(taken) >= TOOLTIP_CHARS:
            break
    return taken


def plain_text(markdown_text: str) -> str:
    """Markdown to the plain text a reader sees, on one line."""
    return " ".join(html.unescape(_TAGS.sub("", str(md(markdown_text)))).split())


class _FirstParagraph(HTMLParser):
    """Collects the text of the first ``<p>`` of rendered HTML, without its ``<sup>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.sup, self.done = 0, 0, False
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "p":
            self.depth += 1
        elif tag == "sup" and self.depth:
            self.sup += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.depth:
            self.depth -= 1
            self.done = self.done or self.depth == 0
        elif tag == "sup" and self.sup:
            self.sup -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.sup and not self.done:
            self.parts.append(data)


def first_paragraph(markdown_text: str) -> str:
    """The plain text of the first paragraph a reader sees, on one line ('' when the text
    has no paragraph). Block Markdown (a table, a heading, a note, a footnote's
    definition) is never part of it, and a footnote's number is left out."""
    parser = _FirstParagraph()
    parser.feed(str(md(markdown_text)))
    parser.close()
    return " ".join("".join(parser.parts).split())


def glossary(view: ParticipantProgram) -> list[GlossaryEntry]:
    """The principles of the glossary modules, in program order: the terms with a tooltip.

    Principles are the program's vocabulary. ``program.glossary`` names the modules whose
    principles make the glossary (the default program names ``ten-characteristics``, whose
    principles are Greenleaf's ten characteristics); an empty list means every module.
    Every principle gets its own entry, found by its module and anchor: a name taught in
    two modules keeps both explanations. The definition is the opening of the first
    paragraph of the explanation, as plain text (never a table or a note).
    """
    chosen = set(view.config.glossary)
    entries: list[GlossaryEntry] = []
    for module in view.modules:
        if chosen and module.id not in chosen:
            continue
        for principle, anchor in zip(module.principles, principle_anchors(module), strict=True):
            opening = _opening(first_paragraph(principle.explanation))
            entries.append(
                GlossaryEntry(
                    term=principle.name,
                    definition=escape_markdown(opening),
                    tooltip=opening,
                    module=module,
                    anchor=anchor,
                )
            )
    return entries


def _glossary_by_module(
    entries: list[GlossaryEntry],
) -> list[tuple[ParticipantModule, list[GlossaryEntry]]]:
    groups: dict[str, tuple[ParticipantModule, list[GlossaryEntry]]] = {}
    for entry in entries:
        groups.setdefault(entry.module.id, (entry.module, []))[1].append(entry)
    return list(groups.values())


def abbreviations(entries: list[GlossaryEntry], module_id: str | None = None) -> dict[str, str]:
    """The ``abbr`` extension's glossary: each term, and its lower-case form in running text.

    On the page of module ``module_id`` a term that module teaches takes that module's
    tooltip; elsewhere a term taught in two modules takes the first module's, in program order.
    """
    terms: dict[str, str] = {}
    own = [e for e in entries if e.module.id == module_id]
    for entry in [*own, *(e for e in entries if e.module.id != module_id)]:
        terms.setdefault(entry.term, entry.tooltip)
        lowered = _lower_first(entry.term)
        if lowered != entry.term:
            terms.setdefault(lowered, entry.tooltip)
    return terms


def defined_in(entries: list[GlossaryEntry], module_id: str | None) -> dict[str, list[str]]:
    """On the page of module ``module_id``: each principle heading's id -> the forms of
    the term it defines (``{'listening': ['Listening', 'listening']}``), where the term
    stays unmarked. Empty on any other page."""
    sections: dict[str, list[str]] = {}
    for entry in entries:
        if module_id is not None and entry.module.id == module_id:
            sections[entry.anchor] = sorted({entry.term, _lower_first(entry.term)})
    return sections


def _cases(view: ParticipantProgram) -> list[LibraryCase]:
    found: dict[str, LibraryCase] = {}
    for module in view.modules:
        for case in module.cases:
            found.setdefault(case.id, LibraryCase(case, [])).modules.append(module)
    return sorted(found.values(), key=lambda c: c.case.organisation.casefold())


def _exercises(view: ParticipantProgram) -> list[LibraryExercise]:
    found: dict[str, LibraryExercise] = {}
    for module in view.modules:
        for exercise in module.exercises:
            found.setdefault(exercise.id, LibraryExercise(exercise, [])).modules.append(module)
    return sorted(found.values(), key=lambda e: e.exercise.title.casefold())


def plain(text: str) -> str:
    """Plain text for inline Markdown: the site's one escaping function (md_escape)."""
    return escape_markdown(text)


def _sources(view: ParticipantProgram) -> list[Source]:
    return all_sources([*view.modules, *(c for m in view.modules for c in m.cases)])


def shown_pages(view: ParticipantProgram) -> frozenset[str]:
    """The reference pages that have something in them, e.g. ``{"cases.md", "sources.md"}``.

    A page with nothing in it (no case, no exercise, no glossary term, no source) gets no
    page, no navigation entry and no link from the home page.
    """
    content = {
        "cases.md": any(m.cases for m in view.modules),
        "exercises.md": any(m.exercises for m in view.modules),
        "glossary.md": bool(glossary(view)),
        "sources.md": bool(_sources(view)),
        "downloads.md": True,
    }
    return frozenset(page for page, present in content.items() if present)


def site_pages(
    view: ParticipantProgram, workbook: WorkbookLink, prework: list[PreWork] | None = None
) -> dict[str, str]:
    """Map each page's path under docs/ to its Markdown; empty reference pages are left out
    (see :func:`shown_pages`). The home page links to the ``prework`` pages first."""
    env = environment("site", view.config.language)
    env.filters["lower_first"] = _lower_first
    env.filters["text"] = escape_markdown  # titles, names, labels: text in every output
    env.filters["prose"] = placed  # Markdown fields, headings under the item's heading
    # One item of a list field: its own footnote scope, headings placed as on paper.
    env.filters["item"] = lambda text: placed(text, PROSE_UNDER)
    env.globals["worksheet"] = lambda title, fields: worksheet_markdown(
        title, fields_of(fields, view.follow_up, view.config.language)
    )
    agenda = build_agenda(view.config, view.modules)
    shown = shown_pages(view)
    common: dict[str, Any] = {"config": view.config, "view": view, "agenda": agenda}
    reference: dict[str, Callable[[], str]] = {
        "cases.md": lambda: env.get_template("cases.md.j2").render(cases=_cases(view), **common),
        "exercises.md": lambda: env.get_template("exercises.md.j2").render(
            exercises=_exercises(view), **common
        ),
        "glossary.md": lambda: env.get_template("glossary.md.j2").render(
            groups=_glossary_by_module(glossary(view)), **common
        ),
        "sources.md": lambda: env.get_template("sources.md.j2").render(
            sources=_sources(view), **common
        ),
        "downloads.md": lambda: env.get_template("downloads.md.j2").render(
            workbook=workbook, **common
        ),
    }
    pages = {
        "index.md": env.get_template("index.md.j2").render(
            shown=shown, prework=prework or [], **common
        ),
        "agenda.md": env.get_template("agenda.md.j2").render(**common),
        **{page: render() for page, render in reference.items() if page in shown},
    }
    pages.update(assessment_pages(env, view, common))
    module_template = env.get_template("module.md.j2")
    for number, module in enumerate(view.modules, start=1):
        pages[f"modules/{module.id}.md"] = module_template.render(
            module=module,
            number=number,
            slot=agenda.slot_of(module.id),
            anchors=principle_anchors(module),
            **common,
        )
    return pages


ASSESSMENT = {
    "pre-check.md": ("Pre-check", "pre"),
    "post-check.md": ("Post-check", "post"),
}
"""The pre-check and post-check pages: the same items (``assessment``), before and after."""
ASSESSMENT_INTRO = {
    "pre": "Answer these before the workshop. Nobody sees your answers: they show you "
    "what the day will cover. You will meet the same questions again at the end.",
    "post": "The same questions as before the day. Compare your answers with what you knew then.",
}


def assessment_pages(env: Any, view: ParticipantProgram, common: dict[str, Any]) -> dict[str, str]:
    """``pre-check.md`` and ``post-check.md`` when the program has an ``assessment``."""
    if not view.assessment:
        return {}
    translate = i18n.gettext(view.config.language)
    template = env.get_template("assessment.md.j2")
    return {
        page: template.render(
            title=translate(title), intro=translate(ASSESSMENT_INTRO[scope]), scope=scope, **common
        )
        for page, (title, scope) in ASSESSMENT.items()
    }


NAV_BEFORE_MODULES = (("Home", "index.md"), ("Agenda", "agenda.md"))
MODULES_SECTION = "Modules"
NAV_AFTER_MODULES = (
    ("Case library", "cases.md"),
    ("Exercise library", "exercises.md"),
    ("Glossary", "glossary.md"),
    ("Sources", "sources.md"),
    ("Downloads", "downloads.md"),
)
NAV_LABELS = (
    *(label for label, _ in NAV_BEFORE_MODULES),
    MODULES_SECTION,
    *(label for label, _ in NAV_AFTER_MODULES),
    *(label for label, _ in ASSESSMENT.values()),
)
"""English source strings of the navigation, each translated through the catalogue."""


def site_nav(
    view: ParticipantProgram, extra_pages: list[str] | None = None, prework: list[str] | None = None
) -> list[Any]:
    """Navigation: home, the ``prework`` pages (paths under docs/), the agenda and the
    modules in program order, then the reference pages that have something in them, then
    the other hand-written pages."""
    translate = i18n.gettext(view.config.language)
    modules = [{m.title: f"modules/{m.id}.md"} for m in view.modules]
    shown = shown_pages(view)
    home, *before = NAV_BEFORE_MODULES
    checks = [{translate(t): p} for p, (t, _) in ASSESSMENT.items()] if view.assessment else []
    nav: list[Any] = [
        {translate(home[0]): home[1]},
        *(prework or []),
        *checks[:1],
        *({translate(label): page} for label, page in before),
        {translate(MODULES_SECTION): modules},
        *checks[1:],
        *({translate(label): page} for label, page in NAV_AFTER_MODULES if page in shown),
    ]
    return nav + [page for page in extra_pages or [] if page not in (prework or [])]


def not_found_template(language: str = "en", site_url: str | None = None) -> str:
    """Material's ``404.html`` in the program's language, as the source of a theme template.

    Its links are relative to the site's root folder, so it keeps its look opened from
    the folder (``file://``); served over HTTP, a ``<base>`` set first points them at
    the path of ``site_url`` (``/`` without one), as MkDocs would.
    """
    root = urlsplit(site_url or "/").path or "/"
    env = environment("site", language)
    return env.get_template("404.html.j2").render(root=root if root.endswith("/") else root + "/")


def problems_page(report: str, language: str = "en") -> str:
    """What ``serve`` shows instead of the handbook while the program has problems."""
    env = environment("site", language)
    return env.get_template("problems.md.j2").render(report=html.escape(report))
