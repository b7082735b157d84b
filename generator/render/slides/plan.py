"""What goes on which slide, in what order and at what size.

Slide text is read from the participant view only, because the room sees it: there is
no facilitator field there to leak. The full program supplies the structure the view
leaves out (which segment runs which case or exercise); :mod:`.notes` then writes the
speaker notes from it, so the presenter view is the run-of-show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ...model import Program
from ...model.participant import ParticipantModule, ParticipantProgram, ParticipantSegment
from ...schedule import Slot, build_agenda
from . import notes
from .checks import check_slides
from .fit import (
    ATTRIBUTION,
    BAND_GAP,
    BAND_HEIGHT,
    BULLET,
    DECK_TITLE,
    FACTS,
    MIN_SIZE,
    PANEL_GAP,
    PANEL_INSET,
    PANEL_SHARE,
    QUOTE,
    SECTION_TITLE,
    STEP,
    SUBTITLE,
    TITLE,
    Box,
    Style,
    as_written,
    cut_to_fit,
    fits,
    fitted_size,
    headline,
    height,
    plain,
)
from .screens import closing_segment, screens
from .spec import Boxes, Layout, Para, Row, Slide, Topic, labels

ROW_HEIGHT = 32.0
"""Points per agenda row: 16 pt text and the cell margins."""
FACTS_GAP = 8.0
"""Space between the facts line and the list under it, in points."""


def plan_deck(
    program: Program, view: ParticipantProgram, workbook_pages: dict[str, int], boxes: Boxes
) -> list[Slide]:
    """Every slide of the deck, notes included, in presentation order."""
    return _Planner(program, view, workbook_pages, boxes).deck()


@dataclass
class _Planner:
    program: Program
    view: ParticipantProgram
    workbook_pages: dict[str, int]
    boxes: Boxes

    def __post_init__(self) -> None:
        self.label = labels(self.view.config.language)

    def deck(self) -> list[Slide]:
        agenda = build_agenda(self.view.config, self.view.modules)
        slides = [self.title_slide()]
        number = 0
        for day in range(1, agenda.days + 1):
            slots = agenda.for_day(day)
            slides += self.agenda_slides(day if agenda.days > 1 else None, slots)
            for slot in slots:
                if slot.module_id is None:
                    slides.append(self.break_slide(slot))
                else:
                    number += 1
                    slides += self.module_slides(number, slot)
        return slides

    # -- whole-deck slides ------------------------------------------------------------

    def title_slide(self) -> Slide:
        config = self.view.config
        subtitle = as_written(config.subtitle or config.audience)
        if config.date:
            subtitle += f"\n{as_written(config.date)}"
        slide = self.section(as_written(config.title), subtitle, layout="deck")
        slide.notes = notes.deck(self.program, self.label)
        return slide

    def agenda_slides(self, day: int | None, slots: list[Slot]) -> list[Slide]:
        title = self.label["agenda_day"].format(day=day) if day else self.label["agenda"]
        rows = [Row(self.span(s), as_written(s.title), s.kind == "break") for s in slots]
        per_slide = max(1, int(self.boxes.body.height // ROW_HEIGHT))
        slides = []
        starts = range(0, len(rows), per_slide)
        for n, start in enumerate(starts):
            name, size = self.fit_title(
                self.continued(title, n, len(starts)), self.boxes.title, TITLE
            )
            page = rows[start : start + per_slide]
            slides.append(
                Slide("agenda", name, size, rows=page, notes=notes.agenda(slots, self.label))
            )
        return slides

    def break_slide(self, slot: Slot) -> Slide:
        minutes = self.label["minutes"].format(minutes=slot.minutes)
        slide = self.section(
            as_written(slot.title),
            f"{minutes} · {self.span(slot)}",
        )
        slide.notes = [f"{self.span(slot)} · {slide.title}"]
        return slide

    # -- one module -------------------------------------------------------------------

    def module_slides(self, number: int, slot: Slot) -> list[Slide]:
        """The module's slides in run-of-show order: its title, then what each segment
        puts on screen (:func:`.screens.screens`); each slide knows its segment."""
        assert slot.module_id is not None
        module = self.program.module(slot.module_id)
        part = next(m for m in self.view.modules if m.id == module.id)
        # Cases and exercises no segment runs still get their slides, before the close.
        run = {ref for seg in part.segments for ref in (seg.case, seg.exercise) if ref}
        spare = [*(("case", c.id) for c in part.cases if c.id not in run)]
        spare += [("exercise", e.id) for e in part.exercises if e.id not in run]
        closing = closing_segment(part)
        by_segment: list[list[Slide]] = []
        for i, (segment, kinds) in enumerate(zip(part.segments, screens(part), strict=True)):
            out: list[Slide] = [self.module_title(number, slot, part)] if i == 0 else []
            if i == closing:
                at = next(
                    (n for n, k in enumerate(kinds) if k in ("reflection", "takeaways")),
                    len(kinds),
                )
                for kind, ref in spare:
                    kinds.insert(at, f"spare-{kind}:{ref}")
                    at += 1
            for kind in kinds:
                out += self.screen(part, segment, kind)
            for slide in out:
                slide.segment = (part.id, i)
            by_segment.append(out)
        notes.add_module_notes(self.program, module, slot, by_segment, self.label)
        checks = self.program.checks.get(module.id, [])
        questions = check_slides(self, part, checks, self.view.config.language)
        for slide in questions:
            slide.segment = (part.id, closing)
        return [slide for group in by_segment for slide in group] + questions

    def screen(
        self, part: ParticipantModule, segment: ParticipantSegment, kind: str
    ) -> list[Slide]:
        """The slides of one kind of screen during ``segment``."""
        if kind.startswith("spare-"):
            what, ref = kind[len("spare-") :].split(":", 1)
            return (
                self.case_slides(part, ref) if what == "case" else self.exercise_slides(part, ref)
            )
        if kind == "objectives":
            return self.listing(self.label["objectives"], [plain(o) for o in part.objectives])
        if kind == "case" and segment.case:
            return self.case_slides(part, segment.case)
        if kind == "exercise" and segment.exercise:
            return self.exercise_slides(part, segment.exercise, segment.debrief_prompts)
        if kind == "principle":
            return self.principle_slides(part)
        if kind == "reflection":
            return self.listing(
                self.label["reflection"],
                [plain(r) for r in part.reflection],
                facts=self.workbook(f"{part.id}--reflection"),
            )
        if kind == "takeaways":
            return self.listing(self.label["takeaways"], [plain(t) for t in part.takeaways])
        if kind == "debrief":
            return self.debrief_slides(as_written(segment.title), segment.debrief_prompts)
        if kind == "quote":
            return self.quote_slides(part, segment)
        if kind == "image" and segment.screen_image:
            name, size = self.fit_title(as_written(segment.title), self.boxes.title, TITLE)
            alt = plain(segment.screen_alt or "")
            return [Slide("image", name, size, image=segment.screen_image, alt=alt)]
        if kind == "blank":
            return [Slide("section", "", SECTION_TITLE.size)]
        minutes = self.label["minutes"].format(minutes=segment.minutes)
        return [self.section(as_written(segment.title), minutes)]

    def debrief_slides(self, subject: str, prompts: list[str]) -> list[Slide]:
        """The debrief prompts the room sees, numbered; a 'Debrief' header without them."""
        if prompts:
            slides = self.listing(
                self.label["debrief"], [plain(p) for p in prompts], facts=subject, numbered=True
            )
        else:
            slides = [self.section(self.label["debrief"], subject)]
        return slides

    def quote_slides(self, part: ParticipantModule, segment: ParticipantSegment) -> list[Slide]:
        """The segment's case's quotation, else the first principle's, in large type with
        its attribution under it; the title names the case or principle."""
        case = next((c for c in part.cases if c.id == segment.case and c.quote), None)
        if case is not None and case.quote is not None:
            title, quote = self.label["case"].format(title=as_written(case.title)), case.quote
        else:
            principle = next((p for p in part.principles if p.quote), None)
            if principle is None or principle.quote is None:  # validate refuses this
                return [self.section(as_written(segment.title), "")]
            title, quote = as_written(principle.name), principle.quote
        name, title_size = self.fit_title(title, self.boxes.title, TITLE)
        words = [plain(p) for p in quote.text.split("\n\n") if p.strip()]
        words[0] = "\u201c" + words[0]
        words[-1] += "\u201d"
        attribution = "\u2014 " + plain(quote.attribution)
        body = self.boxes.body
        by_size = fitted_size([attribution], Box(body.width, body.height / 4), ATTRIBUTION)
        room = Box(body.width, body.height - height([attribution], body.width, ATTRIBUTION))
        size = fitted_size(words, room, QUOTE)
        if size < MIN_SIZE:
            size = MIN_SIZE
            words = [cut_to_fit(" ".join(words), room, QUOTE.at(size))]
        return [
            Slide(
                "quote",
                name,
                title_size,
                body=[Para(w) for w in words],
                body_size=size,
                subtitle=attribution,
                subtitle_size=max(by_size, MIN_SIZE),
            )
        ]

    def module_title(self, number: int, slot: Slot, part: ParticipantModule) -> Slide:
        anchor = f"module-{part.id}"
        bits = [self.label["module"].format(number=number), self.span(slot)]
        if page := self.workbook(anchor):
            bits.append(page)
        slide = self.section(as_written(part.title), " · ".join(bits))
        slide.topic = Topic("module", part.id)
        return slide

    def principle_slides(self, part: ParticipantModule) -> list[Slide]:
        slides: list[Slide] = []
        for index, principle in enumerate(part.principles):
            texts = [headline(b) for b in principle.behaviours]
            if not texts:  # never a title alone: the question, or the explanation's opening
                texts = [plain(principle.question or headline(principle.explanation))]
            for slide in self.listing(as_written(principle.name), texts):
                slide.topic = Topic("principle", str(index))
                slides.append(slide)
        return slides

    def case_slides(self, part: ParticipantModule, case_id: str) -> list[Slide]:
        case = next(c for c in part.cases if c.id == case_id)
        anchor = f"{part.id}--case-{case.id}"
        bits = [as_written(case.organisation), as_written(case.year), self.workbook(anchor)]
        title = self.label["case"].format(title=as_written(case.title))
        texts = [plain(q) for q in case.discussion]
        facts = [" · ".join(b for b in bits if b)]
        slides = self.listing(title, texts, facts=facts, numbered=True, layout="case")
        for slide in slides:
            slide.topic = Topic("case", case.id)
        return slides

    def exercise_slides(
        self, part: ParticipantModule, exercise_id: str, prompts: Sequence[str] = ()
    ) -> list[Slide]:
        exercise = next(e for e in part.exercises if e.id == exercise_id)
        anchor = f"{part.id}--exercise-{exercise.id}"
        bits = [self.label[exercise.format]]
        if exercise.group_size:
            bits.append(self.label["groups_of"].format(size=exercise.group_size))
        bits += [self.label["minutes"].format(minutes=exercise.minutes), self.workbook(anchor)]
        title = self.label["activity"].format(title=as_written(exercise.title))
        texts = [plain(step) for step in exercise.instructions]
        facts = [b for b in bits if b]
        slides = self.listing(
            title, texts, facts=facts, numbered=True, style=STEP, layout="exercise"
        )
        if self.view.config.delivery == "virtual" and exercise.virtual_instructions:
            # As in the workbook: the same steps, then what is different online.
            online = [self.label["online_steps"], self.workbook(anchor)]
            texts = [plain(step) for step in exercise.virtual_instructions]
            facts = [b for b in online if b]
            slides += self.listing(title, texts, facts=facts, style=STEP, layout="exercise")
        for slide in slides:
            slide.topic = Topic("exercise", exercise.id)
        debrief = self.debrief_slides(
            as_written(exercise.title), list(prompts or exercise.debrief_prompts)
        )
        for slide in debrief:
            slide.topic = Topic("debrief", exercise.id)
        return [*slides, *debrief]

    # -- building blocks --------------------------------------------------------------

    def listing(
        self,
        title: str,
        texts: list[str],
        *,
        facts: str | list[str] = "",
        numbered: bool = False,
        style: Style = BULLET,
        layout: Literal["content", "case", "exercise"] = "content",
    ) -> list[Slide]:
        """A title and a list, over as many slides as it takes to fit.

        The facts (format, minutes, workbook page) repeat on every slide: a line over the
        list on a content slide, a band across a case slide, a panel beside an exercise's
        steps. An item too long for a slide of its own is set smaller, and cut only below
        the smallest readable size; ``servefirst validate`` warns about both. No items, no
        slide.
        """
        if not texts:
            return []
        body = self.boxes.body
        lines = [facts] if isinstance(facts, str) else facts
        lines = [line for line in lines if line]
        if not lines:
            layout = "content"  # no band or panel with nothing in it
        head: list[Para] = []
        facts_size = FACTS.size
        if layout == "case":
            room = Box(body.width, body.height - BAND_HEIGHT - BAND_GAP)
            band = Box(body.width - 2 * PANEL_INSET, BAND_HEIGHT)
            facts_size = max(fitted_size(lines, band, FACTS, max_lines=1), MIN_SIZE)
        elif layout == "exercise":
            panel = Box(body.width * PANEL_SHARE - 2 * PANEL_INSET, body.height)
            room = Box(body.width * (1 - PANEL_SHARE) - PANEL_GAP, body.height)
            facts_size = max(fitted_size(lines, panel, FACTS), MIN_SIZE)
        else:
            head = [Para(line, "facts") for line in lines]
            reserved = height(lines, body.width, FACTS) + FACTS_GAP if lines else 0.0
            room = Box(body.width, body.height - reserved)
        kind: Literal["number", "bullet"] = "number" if numbered else "bullet"
        items = [Para(text, kind, number) for number, text in enumerate(texts, start=1)]
        pages = _pages(items, room, style)
        sizes = [fitted_size([p.text for p in page], room, style) for page in pages]
        size = max(min(sizes), MIN_SIZE)  # one size for a list and its continuations
        slides = []
        for n, page in enumerate(pages):
            if sizes[n] < MIN_SIZE:
                page = [replace(p, text=cut_to_fit(p.text, room, style.at(size))) for p in page]
            name, title_size = self.fit_title(
                self.continued(title, n, len(pages)), self.boxes.title, TITLE
            )
            slide = Slide(layout, name, title_size, body=[*head, *page], body_size=size)
            if layout != "content":
                slide.facts, slide.facts_size = lines, facts_size
            slides.append(slide)
        return slides

    def section(self, title: str, subtitle: str, layout: Layout = "section") -> Slide:
        """A title slide or section header: a big title and a line or two under it."""
        deck = layout == "deck"
        box = self.boxes.deck_title if deck else self.boxes.section_title
        name, size = self.fit_title(title, box, DECK_TITLE if deck else SECTION_TITLE)
        lines = subtitle.split("\n")
        sub_box = self.boxes.deck_subtitle if deck else self.boxes.section_subtitle
        sub_size = fitted_size(lines, sub_box, SUBTITLE, max_lines=3)
        if sub_size < MIN_SIZE:
            sub_size = MIN_SIZE
            lines = [cut_to_fit(line, sub_box, SUBTITLE.at(sub_size), 1) for line in lines]
        return Slide(layout, name, size, subtitle="\n".join(lines), subtitle_size=sub_size)

    def fit_title(self, title: str, box: Box, style: Style, lines: int = 2) -> tuple[str, float]:
        """The title and the size that fits it in ``lines`` lines, cut if nothing does."""
        size = fitted_size([title], box, style, max_lines=lines)
        if size >= MIN_SIZE:
            return title, size
        return cut_to_fit(title, box, style.at(MIN_SIZE), lines), MIN_SIZE

    def span(self, slot: Slot) -> str:
        return f"{self.label.clock(slot.start)}–{self.label.clock(slot.end)}"

    def continued(self, title: str, page: int, pages: int) -> str:
        """'Objectives (1/2)', 'Objectives (2/2)' for a list over two slides, the title
        alone for one: the count needs no translation."""
        return f"{title} ({page + 1}/{pages})" if pages > 1 else title

    def workbook(self, anchor: str) -> str:
        """'Workbook p. N' for an anchor of this build's workbook; '' when it has none."""
        page = self.workbook_pages.get(anchor)
        return self.label["workbook"].format(page=page) if page else ""


def _pages(items: list[Para], room: Box, style: Style) -> list[list[Para]]:
    """The items on as few slides as fit them at the smallest readable size or larger,
    spread evenly (better four and three than six and one); one slide when they fit."""
    for count in range(1, len(items) + 1):
        share, extra = divmod(len(items), count)
        even, start = [], 0
        for n in range(count):
            size = share + (1 if n < extra else 0)
            even.append(items[start : start + size])
            start += size
        if all(fitted_size([p.text for p in page], room, style) >= MIN_SIZE for page in even):
            return even
    # An item too long for a slide of its own: it goes alone, cut; the rest share slides.
    small = style.at(MIN_SIZE)
    pages: list[list[Para]] = []
    for item in items:
        if pages and fits([p.text for p in (*pages[-1], item)], room, small):
            pages[-1].append(item)
        else:
            pages.append([item])
    return pages
