"""Write the deck: the planned slides onto the master's layouts, with python-pptx.

Every text frame gets the size the plan measured and no autofit, so PowerPoint and
LibreOffice show the text as planned. The PDF comes from LibreOffice when it is
installed; without it, the build skips the PDF and says so in one line.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.shapes.base import BaseShape
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

from ...errors import BuildError, display_path
from ...file_names import file_stem
from ...model import Program
from ...model.participant import ParticipantProgram
from ..pdf import _moment
from . import convert
from .fit import BULLET, FACTS, LINE_HEIGHT, STEP
from .framed import framed, quotation
from .master import FONT, MUTED, Master, house_style
from .parts import convert_deck
from .plan import ROW_HEIGHT, plan_deck
from .spec import Labels, Para, Slide, labels
from .stable import stable_pdf, stable_zip
from .template import body_rect, own_template

LOGO_PIXELS = 400
"""Height to draw an SVG logo at, in pixels."""
_BODIES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE}


@dataclass
class RenderedDeck:
    path: Path
    slides: int
    pdf: Path | None = None
    notices: list[str] = field(default_factory=list)


def slug(title: str) -> str:
    """The deck's file name without ``.pptx``: the program title made portable as
    participants' file names are (generator.file_names): ``Serve First`` gives
    ``serve-first``, ``服务第一`` stays ``服务第一``, ``CON`` gives ``con-name``."""
    return file_stem(title)


def render_slides(
    program: Program,
    view: ParticipantProgram,
    workbook_pages: dict[str, int],
    out: Path,
    *,
    pdf: bool = True,
) -> RenderedDeck:
    """Write ``out/<program-slug>.pptx`` and, when LibreOffice is there, the same as PDF."""
    config = program.config
    notices: list[str] = []
    with tempfile.TemporaryDirectory(prefix="servefirst-logo-") as scratch:
        if config.slides_template:
            path = program.root / config.slides_template
            master = own_template(path, display_path(path, program.root))
        else:
            master = house_style(config, _logo(program, Path(scratch), notices))
    slides = plan_deck(program, view, workbook_pages, master.boxes)
    prs = master.presentation
    label = labels(config.language)
    for spec in slides:
        _add(prs, master, spec, label, program.root)
    props = prs.core_properties
    props.title = _property(f"{config.title}: Slides")
    props.author = props.last_modified_by = _property(config.organisation)
    props.subject = _property(f"Slides for {config.title}")
    props.created = props.modified = _moment().replace(tzinfo=None, microsecond=0)
    props.revision = 1
    target = out / f"{slug(config.title)}.pptx"
    _save(prs, target)
    deck = RenderedDeck(target, len(slides), notices=notices)
    if pdf:
        if convert.soffice() is None:
            target.with_suffix(".pdf").unlink(missing_ok=True)  # never an out-of-date PDF
            notices.append(f"slides PDF skipped: LibreOffice not found; {convert.INSTALL_HINT}")
        else:
            deck.pdf = target.with_suffix(".pdf")
            convert_deck(target, deck.pdf, len(slides))
            stable_pdf(deck.pdf)
    return deck


def _logo(program: Program, scratch: Path, notices: list[str]) -> Path | None:
    """The branding logo as a file python-pptx can embed (PNG, JPEG, GIF), if any."""
    name = program.config.branding.logo
    if not name:
        return None
    path = program.root / name
    if not path.is_file():
        notices.append(f"slides: the logo {name} does not exist; the deck has none")
        return None
    if path.suffix.lower() != ".svg":
        try:
            with Image.open(path) as image:
                image.verify()
        except (OSError, SyntaxError) as exc:
            notices.append(f"slides: the logo {name} is not an image the deck can use: {exc}")
            return None
        return path
    if convert.soffice() is None:
        notices.append(
            f"slides: an SVG logo needs LibreOffice to convert it; {convert.INSTALL_HINT}"
        )
        return None
    png = scratch / f"{path.stem}.png"
    try:
        convert.convert(path, png, "png")
        # Drawn at its own size first; then again, sharp enough for a projector.
        with Image.open(png) as image:
            width, height = image.size
        scale = max(1, LOGO_PIXELS // max(height, 1))
        if scale > 1:
            convert.convert(path, png, "png", (width * scale, height * scale))
    except (BuildError, OSError) as exc:
        notices.append(f"slides: the logo was left out: {exc}")
        return None
    return png


def _save(prs: Presentation, target: Path) -> None:
    """Write atomically: a temporary file in the same folder, then a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        prs.save(str(temporary))
        stable_zip(temporary)
        temporary.replace(target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BuildError(f"cannot write {target}: {exc.strerror}") from exc


def _add(prs: Presentation, master: Master, spec: Slide, label: Labels, root: Path) -> None:
    layout = master.layouts[spec.layout]
    slide = prs.slides.add_slide(layout)
    title = slide.shapes.title
    if title is not None:
        _lines(title.text_frame, [spec.title], spec.title_size)
    body = _body(slide)
    if spec.layout in ("agenda", "image", "quote"):
        if body is not None:
            _drop(body)
        if spec.layout == "agenda":
            _agenda(prs, master, slide, spec, label)
        elif spec.layout == "quote":
            quotation(_text_box(prs, slide), spec)
        else:
            _picture(prs, slide, root / spec.image, spec.alt)
    else:
        frame = body.text_frame if body is not None else _text_box(prs, slide)
        paras = spec.body
        if spec.layout in ("case", "exercise"):
            if body is not None:
                framed(slide, body, spec)
            else:  # a template without a body area: the facts as a line over the list
                paras = [*(Para(fact, "facts") for fact in spec.facts), *paras]
        if spec.layout in ("content", "case", "exercise"):
            _listing(frame, paras, spec.body_size, master.brand)
        else:
            _lines(frame, spec.subtitle.split("\n"), spec.subtitle_size)
    for shape in list(slide.placeholders):  # unused placeholders would say "Click to add"
        if shape.has_text_frame and not shape.text_frame.text.strip():
            _drop(shape)
    notes = slide.notes_slide.notes_text_frame
    if notes is not None:
        notes.text = "\n".join(spec.notes)


def _body(slide: PptxSlide) -> SlidePlaceholder | None:
    bodies = [p for p in slide.placeholders if p.placeholder_format.type in _BODIES]
    return max(bodies, key=lambda p: (p.width or 0) * (p.height or 0), default=None)


def _text_box(prs: Presentation, slide: PptxSlide) -> TextFrame:
    rect = body_rect(slide.slide_layout, prs.slide_width or 0, prs.slide_height or 0)
    frame: TextFrame = slide.shapes.add_textbox(*map(Emu, rect)).text_frame
    return frame


def _drop(shape: BaseShape) -> None:
    element = shape.element
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _frame(frame: TextFrame) -> None:
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE


def _lines(frame: TextFrame, lines: list[str], size: float) -> None:
    _frame(frame)
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.line_spacing = Pt(size * LINE_HEIGHT)
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)


def _listing(frame: TextFrame, body: list[Para], size: float, brand: str | None) -> None:
    """Facts line, then bullets or numbers, at the size the plan measured."""
    _frame(frame)
    frame.vertical_anchor = MSO_ANCHOR.TOP
    numbers = [p.number for p in body if p.kind == "number"]
    for n, para in enumerate(body):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        style = FACTS if para.kind == "facts" else (STEP if para.kind == "number" else BULLET)
        this_size = FACTS.size if para.kind == "facts" else size
        paragraph.space_before = Pt(round(style.at(this_size).space_before, 1))
        paragraph.line_spacing = Pt(this_size * LINE_HEIGHT)
        run = paragraph.add_run()
        run.text = para.text
        run.font.size = Pt(this_size)
        properties = paragraph._p.get_or_add_pPr()
        if para.kind == "facts":
            properties.set("marL", "0")
            properties.set("indent", "0")
            etree.SubElement(properties, qn("a:buNone"))
            run.font.bold = True
            if brand:
                run.font.color.rgb = RGBColor.from_string(brand)
        elif para.kind == "number":
            number = etree.SubElement(properties, qn("a:buAutoNum"), type="arabicPeriod")
            if numbers[0] > 1:
                number.set("startAt", str(numbers[0]))


def _agenda(
    prs: Presentation, master: Master, slide: PptxSlide, spec: Slide, label: Labels
) -> None:
    """The day's clock times as a table; the theme colours its header and bands."""
    x, y, width, _ = body_rect(slide.slide_layout, prs.slide_width or 0, prs.slide_height or 0)
    rows = len(spec.rows) + 1
    frame = slide.shapes.add_table(rows, 2, Emu(x), Emu(y), Emu(width), Pt(ROW_HEIGHT * rows))
    table = frame.table
    table.columns[0].width = Emu(int(width * 0.22))
    table.columns[1].width = Emu(width - int(width * 0.22))
    table.horz_banding = True
    cells = [(label["time"], label["session"], False)] + [
        (row.time, row.title, row.is_break) for row in spec.rows
    ]
    for r, (time, title, is_break) in enumerate(cells):
        table.rows[r].height = Pt(ROW_HEIGHT)
        for c, text in enumerate((time, title)):
            cell = table.cell(r, c)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.text_frame.word_wrap = True
            run = cell.text_frame.paragraphs[0].add_run()
            run.text = text
            run.font.size = Pt(16)
            if master.brand:
                run.font.name = FONT
            if r == 0:
                run.font.bold = True
            elif is_break:
                run.font.italic = True
                run.font.color.rgb = RGBColor.from_string(MUTED)


def _picture(prs: Presentation, slide: PptxSlide, path: Path, alt: str) -> None:
    """The image as large as fits the body area, its proportions kept, centred; its
    alternative text in the picture's description (what screen readers announce)."""
    x, y, width, height = body_rect(slide.slide_layout, prs.slide_width or 0, prs.slide_height or 0)
    with Image.open(path) as image:
        pixels_wide, pixels_high = image.size
    scale = min(width / max(pixels_wide, 1), height / max(pixels_high, 1))
    shown_w, shown_h = int(pixels_wide * scale), int(pixels_high * scale)
    left, top = x + (width - shown_w) // 2, y + (height - shown_h) // 2
    picture = slide.shapes.add_picture(str(path), Emu(left), Emu(top), Emu(shown_w), Emu(shown_h))
    properties = picture._element.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}")
    assert properties is not None  # python-pptx always writes it
    properties.set("descr", alt)
    properties.set("name", "Picture")  # never the build machine's file name


PROPERTY_CHARS = 255
"""The most characters the .pptx format (and python-pptx) keeps in a document property."""


def _property(text: str) -> str:
    """``text`` cut to PROPERTY_CHARS for a document property, with "…" where it was cut;
    the slides themselves keep it whole."""
    return text if len(text) <= PROPERTY_CHARS else text[: PROPERTY_CHARS - 1] + "…"
