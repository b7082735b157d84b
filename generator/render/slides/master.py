"""The slide master and layouts: the house style, or the program's own template.

The house style starts from python-pptx's blank presentation, made 16:9. The program's
branding is applied where PowerPoint keeps it, so a trainer who edits the deck keeps it
too: the colour and the font in the theme and the master's text styles, the organisation
name, the logo and the slide number as shapes on the master (the title slide's layout
carries its own). A program's own ``slides_template`` is used as it is: its layouts are
picked by the placeholders they have, and its sample slides are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import SlideLayout, SlideMaster
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

from ...model.program import ProgramConfig
from . import geometry as g
from .spec import HOUSE_BOXES, Boxes, Layout

FONT = "Lato"
EAST_ASIAN_FONT = "Noto Sans CJK SC"
COMPLEX_FONT = "Noto Sans"
SCRIPT_FONTS = {
    "Hans": "Noto Sans CJK SC",
    "Hant": "Noto Sans CJK TC",
    "Jpan": "Noto Sans CJK JP",
    "Hang": "Noto Sans CJK KR",
    "Arab": "Noto Sans Arabic",
    "Hebr": "Noto Sans Hebrew",
    "Deva": "Noto Sans Devanagari",
    "Thai": "Noto Sans Thai",
}
"""The theme's fonts for other scripts: what fonts-noto-core and fonts-noto-cjk install
(the same faces as the PDFs). PowerPoint picks a ``script`` entry by the text's script.
LibreOffice reads only the East Asian (``a:ea``) and complex-script (``a:cs``) slots: the
complex-script slot names Noto Sans, which has none of those scripts, so LibreOffice
takes each from the installed font that has it. Naming one script's font there (Noto
Sans Arabic) would print the others in a mixed right-to-left run (Arabic then Hebrew)
as empty boxes."""
INK = "333333"
MUTED = "6B6B6B"
SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_HIDDEN = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


@dataclass
class Master:
    presentation: PresentationType
    layouts: dict[Layout, SlideLayout]
    boxes: Boxes
    brand: str | None
    """The brand colour for the facts line; None with a program's own template."""


def house_style(config: ProgramConfig, logo: Path | None) -> Master:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(g.SLIDE_WIDTH), Emu(g.SLIDE_HEIGHT)
    brand = config.branding.colour.lstrip("#").upper()
    master = prs.slide_master
    _theme(master, brand)
    _text_styles(master, brand)
    for layout in master.slide_layouts:
        for shape in list(layout.placeholders):
            if shape.placeholder_format.type in _HIDDEN:
                _remove(shape.element)
    for shape in list(master.placeholders):
        if shape.placeholder_format.type in _HIDDEN:
            _remove(shape.element)
        else:
            _place(shape.element, g.TITLE if shape.placeholder_format.idx == 0 else g.BODY)
    title_slide, content, section, title_only = (master.slide_layouts[i] for i in (0, 1, 2, 5))
    for layout in (content, title_only):
        for shape in layout.placeholders:
            _place(shape.element, g.TITLE if shape.placeholder_format.idx == 0 else g.BODY)
    for layout in master.slide_layouts:  # the unused layouts, widened to 16:9
        if layout not in (title_slide, content, section, title_only):
            for shape in layout.placeholders:
                _widen(shape.element)

    # The title slide: the brand colour all over, white type, no master decorations.
    title_slide.background.fill.solid()
    title_slide.background.fill.fore_color.rgb = RGBColor.from_string(brand)
    title_slide._element.set("showMasterSp", "0")
    for shape in title_slide.placeholders:
        big = shape.placeholder_format.idx == 0
        _place(shape.element, g.DECK_TITLE if big else g.DECK_SUBTITLE)
        _level_style(shape.element, size=44 if big else 24, bold=big, colour="FFFFFF")
        _anchor(shape.element, "b" if big else "t")
    # A section header: a brand bar down the left, a large title, a grey line of text below.
    for shape in section.placeholders:
        big = shape.placeholder_format.idx == 0
        _place(shape.element, g.SECTION_TITLE if big else g.SECTION_SUBTITLE)
        _level_style(
            shape.element, size=40 if big else 24, bold=big, colour=brand if big else MUTED
        )
        _anchor(shape.element, "b" if big else "t")
    _add_rect(SlideShapes(section._element.cSld.spTree, section), g.SECTION_BAR, brand)

    _decorate(master, config, logo, brand)
    _decorate_title_slide(title_slide, config, logo)
    layouts: dict[Layout, SlideLayout] = {
        "deck": title_slide,
        "section": section,
        "content": content,
        "agenda": title_only,
        "image": title_only,
        "quote": title_only,
        "case": content,
        "exercise": content,
    }
    return Master(prs, layouts, HOUSE_BOXES, brand)


# -- the house style's pieces -------------------------------------------------------------


def _theme(master: SlideMaster, brand: str) -> None:
    """Brand colour as accent 1; Lato as both theme fonts, with Noto for the East Asian and
    complex-script slots and for each script's own entry (:data:`SCRIPT_FONTS`)."""
    part = master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(part.blob)
    accent = theme.find(f".//{qn('a:clrScheme')}/{qn('a:accent1')}")
    assert accent is not None
    for child in list(accent):
        accent.remove(child)
    etree.SubElement(accent, qn("a:srgbClr"), val=brand)
    for collection in theme.iterfind(f".//{qn('a:fontScheme')}/*"):
        for tag, typeface in (("a:latin", FONT), ("a:ea", EAST_ASIAN_FONT), ("a:cs", COMPLEX_FONT)):
            slot = collection.find(qn(tag))
            if slot is not None:
                slot.set("typeface", typeface)
        scripts = {font.get("script"): font for font in collection.iterfind(qn("a:font"))}
        for script, typeface in SCRIPT_FONTS.items():
            if script in scripts:
                scripts[script].set("typeface", typeface)
            else:
                etree.SubElement(collection, qn("a:font"), script=script, typeface=typeface)
    part.blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_styles(master: SlideMaster, brand: str) -> None:
    """Titles in the brand colour, left-aligned and bold; body text dark grey."""
    styles = master._element.find(qn("p:txStyles"))
    assert styles is not None
    title = styles.find(f"{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
    assert title is not None
    title.set("algn", "l")
    _run_defaults(title, size=32, bold=True, colour=brand)
    body = styles.find(qn("p:bodyStyle"))
    assert body is not None
    for level, size in zip(body, (24, 20, 18, 16, 16, 16, 16, 16, 16), strict=False):
        _run_defaults(level, size=size, bold=False, colour=INK)
        bullet_colour = level.find(qn("a:buClr"))
        if bullet_colour is None:
            bullet_colour = etree.Element(qn("a:buClr"))
            anchor = level.find(qn("a:buFont"))
            if anchor is None:
                anchor = level.find(qn("a:buChar"))
            if anchor is not None:
                anchor.addprevious(bullet_colour)
        for child in list(bullet_colour):
            bullet_colour.remove(child)
        etree.SubElement(bullet_colour, qn("a:srgbClr"), val=brand)


def _run_defaults(level: etree._Element, *, size: int, bold: bool, colour: str) -> None:
    props = level.find(qn("a:defRPr"))
    if props is None:
        props = etree.SubElement(level, qn("a:defRPr"))
    props.set("sz", str(size * 100))
    props.set("b", "1" if bold else "0")
    props.attrib.pop("cap", None)
    fill = props.find(qn("a:solidFill"))
    if fill is None:
        fill = etree.Element(qn("a:solidFill"))
        props.insert(0, fill)
    for child in list(fill):
        fill.remove(child)
    etree.SubElement(fill, qn("a:srgbClr"), val=colour)


def _level_style(sp: etree._Element, *, size: int, bold: bool, colour: str) -> None:
    """Replace a placeholder's own list style with one first level."""
    body = sp.find(qn("p:txBody"))
    assert body is not None
    old = body.find(qn("a:lstStyle"))
    styles = etree.Element(qn("a:lstStyle"))
    if old is not None:
        old.addprevious(styles)
        body.remove(old)
    level = etree.SubElement(styles, qn("a:lvl1pPr"), marL="0", indent="0", algn="l")
    etree.SubElement(level, qn("a:buNone"))
    _run_defaults(level, size=size, bold=bold, colour=colour)


def _anchor(sp: etree._Element, where: str) -> None:
    body_pr = sp.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
    if body_pr is not None:
        body_pr.set("anchor", where)


def _place(sp: etree._Element, rect: g.Rect) -> None:
    sp_pr = sp.find(qn("p:spPr"))
    assert sp_pr is not None
    xfrm = sp_pr.find(qn("a:xfrm"))
    if xfrm is None:
        xfrm = etree.Element(qn("a:xfrm"))
        sp_pr.insert(0, xfrm)
    for child in list(xfrm):
        xfrm.remove(child)
    etree.SubElement(xfrm, qn("a:off"), x=str(rect.x), y=str(rect.y))
    etree.SubElement(xfrm, qn("a:ext"), cx=str(rect.width), cy=str(rect.height))


def _widen(sp: etree._Element) -> None:
    for tag, attr in ((qn("a:off"), "x"), (qn("a:ext"), "cx")):
        node = sp.find(f"{qn('p:spPr')}/{qn('a:xfrm')}/{tag}")
        if node is not None:
            node.set(attr, str(int(node.get(attr, "0")) * g.SLIDE_WIDTH // g.OLD_WIDTH))


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _add_rect(shapes: SlideShapes, rect: g.Rect, colour: str) -> None:
    shape = shapes.add_shape(MSO_SHAPE.RECTANGLE, *_emu(rect))
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(colour)
    shape.line.fill.background()
    shape.shadow.inherit = False


def _add_text(
    shapes: SlideShapes, rect: g.Rect, text: str, colour: str, align: PP_ALIGN
) -> TextFrame:
    frame: TextFrame = shapes.add_textbox(*_emu(rect)).text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.name = Pt(12), FONT
    run.font.color.rgb = RGBColor.from_string(colour)
    return frame


def _decorate(master: SlideMaster, config: ProgramConfig, logo: Path | None, brand: str) -> None:
    """Footer rule, organisation, slide number and logo on every slide but the title."""
    shapes = SlideShapes(master._element.cSld.spTree, master)
    _add_rect(shapes, g.FOOTER_RULE, brand)
    _add_text(shapes, g.FOOTER_TEXT, config.organisation, MUTED, PP_ALIGN.LEFT)
    right = g.SLIDE_WIDTH - g.MARGIN
    if logo is not None:
        box = _logo_box(logo, g.FOOTER_LOGO)
        shapes.add_picture(str(logo), *box)
        right = box[0] - g.INCH // 8
    number = g.Rect(
        right - g.SLIDE_NUMBER_WIDTH, g.FOOTER_TEXT.y, g.SLIDE_NUMBER_WIDTH, g.FOOTER_TEXT.height
    )
    paragraph = _add_text(shapes, number, "", MUTED, PP_ALIGN.RIGHT).paragraphs[0]
    paragraph._p.remove(paragraph.runs[0]._r)
    # A slide-number field: each slide shows its own number.
    field = etree.SubElement(paragraph._p, qn("a:fld"), id=SLIDE_NUMBER_FIELD, type="slidenum")
    run_props = etree.SubElement(field, qn("a:rPr"), lang="en-GB", sz="1200")
    fill = etree.SubElement(run_props, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=MUTED)
    etree.SubElement(run_props, qn("a:latin"), typeface=FONT)
    etree.SubElement(field, qn("a:t")).text = "‹#›"


def _decorate_title_slide(layout: SlideLayout, config: ProgramConfig, logo: Path | None) -> None:
    shapes = SlideShapes(layout._element.cSld.spTree, layout)
    _add_text(shapes, g.DECK_ORGANISATION, config.organisation, "FFFFFF", PP_ALIGN.LEFT)
    if logo is not None:
        x, y, width, height = _logo_box(logo, g.DECK_LOGO)
        pad = g.INCH // 10
        _add_rect(shapes, g.Rect(x - pad, y - pad, width + 2 * pad, height + 2 * pad), "FFFFFF")
        shapes.add_picture(str(logo), Emu(x), Emu(y), Emu(width), Emu(height))


def _logo_box(logo: Path, rect: g.Rect) -> tuple[Emu, Emu, Emu, Emu]:
    """The logo's box: as tall as ``rect`` or as wide, whichever fits; right-aligned."""
    from PIL import Image

    with Image.open(logo) as image:
        ratio = image.width / image.height
    width, height = rect.width, int(rect.width / ratio)
    if height > rect.height:
        width, height = int(rect.height * ratio), rect.height
    x = rect.x + rect.width - width
    y = rect.y + (rect.height - height) // 2
    return Emu(x), Emu(y), Emu(width), Emu(height)


def _emu(rect: g.Rect) -> tuple[Emu, Emu, Emu, Emu]:
    return Emu(rect.x), Emu(rect.y), Emu(rect.width), Emu(rect.height)
