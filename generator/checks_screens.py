"""Images put on screen by a segment (``screen: image``): files the deck can embed.

The path is judged as an image in prose is (inside the program folder, a real file the
renderers can open; see checks_paths.py), and then as python-pptx embeds it: a PNG,
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
