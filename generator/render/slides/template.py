"""A program's own ``.pptx`` template: its master and layouts, used as they are.

Layouts are picked by name first ("Title and Content", "Section Header", ...) and then
by the placeholders they have, so a template in another language still works. Its sample
slides are dropped; its theme, fonts, colours and decorations stay as the owner made them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.shapes.base import BaseShape
from pptx.slide import SlideLayout

from ...errors import BuildError
from .fit import Box
from .geometry import INCH, Rect
from .master import Master
from .spec import Boxes

PATH_HINT = "; give a path relative to mkdocs.yml"
SAVE_HINT = "; open it in PowerPoint and save it as a PowerPoint Presentation (.pptx)"
_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
_BODIES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE}


def own_template(path: Path, shown: str) -> Master:
    """Open the template, drop its slides and pick the four layouts the deck uses."""
    if path.is_dir():
        raise BuildError(
            f"slides_template: {shown} is a folder, not a PowerPoint (.pptx) file{PATH_HINT}"
        )
    if not path.is_file():
        hint = "; use / in paths" if "\\" in shown else PATH_HINT
        raise BuildError(f"slides_template: {shown} does not exist{hint}")
    try:
        prs = Presentation(str(path))
    except Exception as exc:  # a zip that is no deck, broken XML, a template (.potx)...
        raise BuildError(
            f"slides_template: {shown} is not a PowerPoint (.pptx) file{SAVE_HINT}"
        ) from exc
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    layouts = [lay for lay in prs.slide_layouts if title_of(lay) is not None]
    if not layouts:
        raise BuildError(
            f"slides_template: {shown} has no layout with a title placeholder; add one to its "
            "slide master, or leave slides_template out for the house style"
        )
    content = _pick(layouts, "title and content", lambda lay: body_of(lay) is not None)
    deck = _pick(layouts, "title slide", _has(PP_PLACEHOLDER.CENTER_TITLE), content)
    section = _pick(layouts, "section", lambda lay: False, deck)
    agenda = _pick(layouts, "title only", lambda lay: body_of(lay) is None, content)
    width, height = prs.slide_width or 0, prs.slide_height or 0
    return Master(
        prs,
        {
            "deck": deck,
            "section": section,
            "content": content,
            "agenda": agenda,
            "image": agenda,
            "quote": agenda,
            "case": content,
            "exercise": content,
        },
        Boxes(
            title=_box(title_of(content)),
            body=_area(body_rect(content, width, height)),
            section_title=_box(title_of(section)),
            section_subtitle=_area(body_rect(section, width, height)),
            deck_title=_box(title_of(deck)),
            deck_subtitle=_area(body_rect(deck, width, height)),
        ),
        brand=None,
    )


def placeholders(layout: SlideLayout) -> list[BaseShape]:
    return [shape for shape in layout.shapes if shape.is_placeholder]


def title_of(layout: SlideLayout) -> BaseShape | None:
    kinds = [(p, p.placeholder_format.type) for p in placeholders(layout)]
    return next((p for p, kind in kinds if kind in _TITLES), None)


def body_of(layout: SlideLayout) -> BaseShape | None:
    """The largest body-like placeholder of a layout."""
    bodies = [p for p in placeholders(layout) if p.placeholder_format.type in _BODIES]
    return max(bodies, key=lambda p: (p.width or 0) * (p.height or 0), default=None)


def _has(kind: PP_PLACEHOLDER) -> Callable[[SlideLayout], bool]:
    return lambda lay: any(p.placeholder_format.type == kind for p in placeholders(lay))


def _pick(
    layouts: list[SlideLayout],
    name: str,
    test: Callable[[SlideLayout], bool],
    fallback: SlideLayout | None = None,
) -> SlideLayout:
    for layout in layouts:
        if name in layout.name.lower():
            return layout
    return next((lay for lay in layouts if test(lay)), fallback or layouts[0])


def body_rect(layout: SlideLayout, width: int, height: int) -> Rect:
    """Where the body goes: the layout's body placeholder, or the space under its title."""
    body = body_of(layout)
    if body is not None and body.width and body.height:
        return Rect(body.left or 0, body.top or 0, body.width, body.height)
    title = title_of(layout)
    if title is None or not title.width:
        return Rect(width // 10, height // 4, width * 8 // 10, height // 2)
    top = (title.top or 0) + (title.height or 0) + INCH // 10
    return Rect(title.left or 0, top, title.width, max(height - top - INCH * 6 // 10, INCH))


def _area(rect: Rect) -> Box:
    return Box.from_emu(rect.width, rect.height)


def _box(shape: BaseShape | None) -> Box:
    if shape is None or not shape.width or not shape.height:
        return Box.from_emu(INCH * 8, INCH)
    return Box.from_emu(shape.width, shape.height)
