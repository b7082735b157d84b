"""Case, exercise and quotation slides: a list framed by the facts it belongs to, or a
quotation set large.

A case slide has a band across the top of the body in the theme's accent colour with
the case's organisation, years and workbook page in white; the questions sit under it.
An exercise slide has a tinted panel down the left with its format, group size, minutes
and workbook page, one to a line; the steps sit beside it. The plan measured the room
(:mod:`.plan`: BAND_HEIGHT, PANEL_SHARE); this draws it. Both are ordinary shapes with
theme colours, so a program's own template colours them too.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

from .fit import (
    ATTRIBUTION,
    BAND_GAP,
    BAND_HEIGHT,
    LINE_HEIGHT,
    PANEL_GAP,
    PANEL_INSET,
    PANEL_SHARE,
    QUOTE,
)
from .spec import Slide

WHITE = RGBColor(0xFF, 0xFF, 0xFF)
PANEL_TINT = 0.85
"""How far the panel's accent colour is lightened towards white (0 to 1)."""


def framed(slide: PptxSlide, body: SlidePlaceholder, spec: Slide) -> None:
    """Draw the band or the panel of ``spec`` (layout ``case`` or ``exercise``) in the
    body placeholder's area, and move the placeholder into the room left beside or under
    it. Positions are EMU read from the placeholder (inherited from its layout)."""
    x, y = int(body.left or 0), int(body.top or 0)
    width, height = int(body.width or 0), int(body.height or 0)
    if spec.layout == "case":
        band = int(Pt(BAND_HEIGHT))
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(x), Emu(y), Emu(width), Emu(band))
        shape.fill.solid()
        shape.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
        _text(shape, spec.facts, spec.facts_size, WHITE, MSO_ANCHOR.MIDDLE)
        below = band + int(Pt(BAND_GAP))
        body.left, body.top = Emu(x), Emu(y + below)
        body.width, body.height = Emu(width), Emu(height - below)
    else:
        panel = int(width * PANEL_SHARE)
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(x), Emu(y), Emu(panel), Emu(height))
        shape.fill.solid()
        shape.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
        shape.fill.fore_color.brightness = PANEL_TINT
        _text(shape, spec.facts, spec.facts_size, None, MSO_ANCHOR.TOP)
        beside = panel + int(Pt(PANEL_GAP))
        body.left, body.top = Emu(x + beside), Emu(y)
        body.width, body.height = Emu(width - beside), Emu(height)
    shape.line.fill.background()  # no outline
    shape.shadow.inherit = False
    shape.name = "Facts"


def _text(
    shape: object, lines: list[str], size: float, colour: RGBColor | None, anchor: MSO_ANCHOR
) -> None:
    frame = shape.text_frame  # type: ignore[attr-defined]
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    inset = Pt(PANEL_INSET)
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = inset
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.line_spacing = Pt(size * LINE_HEIGHT)
        paragraph.alignment = PP_ALIGN.LEFT
        if n:
            paragraph.space_before = Pt(size * 0.6)
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = True
        if colour is not None:
            run.font.color.rgb = colour
        else:
            run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1


def quotation(frame: TextFrame, spec: Slide) -> None:
    """A quotation slide's words (``spec.body``) in large italic type at the size the
    plan measured, then the attribution (``spec.subtitle``) right-aligned under them."""
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    for n, para in enumerate(spec.body):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.line_spacing = Pt(spec.body_size * LINE_HEIGHT)
        paragraph.space_before = Pt(round(QUOTE.at(spec.body_size).space_before, 1))
        run = paragraph.add_run()
        run.text = para.text
        run.font.size = Pt(spec.body_size)
        run.font.italic = True
    paragraph = frame.add_paragraph()
    paragraph.alignment = PP_ALIGN.RIGHT
    paragraph.space_before = Pt(round(ATTRIBUTION.at(spec.subtitle_size).space_before, 1))
    run = paragraph.add_run()
    run.text = spec.subtitle
    run.font.size = Pt(spec.subtitle_size)
    run.font.color.theme_color = MSO_THEME_COLOR.ACCENT_1
