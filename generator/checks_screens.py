"""What a segment puts on screen (``screen:``): what its module has, files the deck can embed.

A screen that shows the module's principles, reflection prompts or takeaways needs the
module to have them, or the segment would have no slide. An image (``screen: image``) is
judged as an image in prose is (inside the program folder, a real file the renderers can
open; see checks_paths.py), and then as python-pptx embeds it: a PNG,
JPEG or GIF, never an SVG or WebP, which PowerPoint files cannot hold as pictures.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .checks_paths import reference_refusal
from .errors import Problem
from .located import Located

SLIDE_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")


def check_screen_images(
    root: Path, modules: Iterable[Located[Any]], problems: list[Problem]
) -> None:
    """Add a located problem for each segment whose ``screen_image`` the deck could not
    embed: outside ``root``, missing, unreadable, or not a PNG, JPEG or GIF."""
    root = root.resolve()
    for located in modules:
        for index, segment in enumerate(getattr(located.item, "segments", [])):
            name = getattr(segment, "screen_image", None)
            if not name:
                continue
            loc = ("segments", index, "screen_image")
            field = f"segments[{index}].screen_image"
            line = located.lines.line_of(loc)
            refusal = reference_refusal("image", name, root, image=True)
            if refusal is None and Path(name).suffix.lower() not in SLIDE_IMAGE_SUFFIXES:
                refusal = (
                    f"image '{name}' cannot go on a slide; save it as a PNG, JPEG or GIF "
                    "and give that file's path"
                )
            if refusal:
                problems.append(Problem(located.file, line, field, refusal))


MODULE_SCREENS = {
    "principle": ("principles", "the module's principles"),
    "reflection": ("reflection", "the module's reflection prompts"),
    "takeaways": ("takeaways", "the module's takeaways"),
}
"""Screen -> (the module field it shows, what to call it in a message)."""


def check_screen_content(modules: Iterable[Located[Any]], problems: list[Problem]) -> None:
    """Add a located problem for each segment whose ``screen:`` shows a part of its
    module the module does not have (principles, reflection or takeaways), which would
    leave the segment without a slide. A field that did not load is not judged again."""
    for located in modules:
        module = located.item
        for index, segment in enumerate(getattr(module, "segments", [])):
            field, what = MODULE_SCREENS.get(segment.screen or "", ("", ""))
            if not field or field in located.partial or getattr(module, field, None):
                continue
            problems.append(
                Problem(
                    located.file,
                    located.lines.line_of(("segments", index, "screen")),
                    f"segments[{index}].screen",
                    f"screen: {segment.screen} needs {what}, and this module has none: "
                    f"add {field}: to the module, or choose another screen",
                )
            )


def check_quote_screens(
    modules: Iterable[Located[Any]],
    cases: Iterable[Located[Any]],
    broken: set[str],
    problems: list[Problem],
) -> None:
    """Add a located problem for each segment with ``screen: quote`` that has no
    quotation to show: neither its case nor a principle of its module has a ``quote``
    (a case in ``broken``, which did not load, is given the benefit of the doubt)."""
    quoted = {c.item.id for c in cases if getattr(c.item, "quote", None)} | broken
    for located in modules:
        module = located.item
        principles = any(p.quote for p in getattr(module, "principles", []))
        for index, segment in enumerate(getattr(module, "segments", [])):
            if segment.screen != "quote" or principles or segment.case in quoted:
                continue
            problems.append(
                Problem(
                    located.file,
                    located.lines.line_of(("segments", index, "screen")),
                    f"segments[{index}].screen",
                    "screen: quote has no quotation to show; give the segment's case or a "
                    "principle of this module a quote: with text: and attribution:, or "
                    "choose another screen",
                )
            )
