"""Files the build opens besides the YAML: checked at validation the way the build opens them.

What ``validate`` accepts, ``build`` builds. So a ``slides_template`` is opened with
python-pptx, as the deck renderer opens it, and every image in prose is opened as the
renderers would: a PNG, JPEG, GIF or WebP with Pillow (WeasyPrint's own image reader), an
SVG as XML whose root is ``<svg>`` and which refers to no other file or address (the
PDF renderer would try to fetch it, and builds never use the network).
"""

from __future__ import annotations

import warnings
from pathlib import Path

from .errors import BuildError, Problem, display_path
from .located import Located
from .model import PluginConfig

RASTER = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
IMAGE_SUFFIXES = (*sorted(RASTER), ".svg")
MAX_IMAGE_BYTES = 20_000_000
MAX_IMAGE_PIXELS = 40_000_000
"""A 40-megapixel photograph (about 7,700 x 5,200) prints sharp on A4 at 300 dpi many times
over; the renderers decode every pixel (4 bytes each), so a small file of huge dimensions
(a "decompression bomb") would fill the memory."""
"""A photograph straight from a camera is under 20 MB; a build embeds every image twice."""


def check_slides_template(
    root: Path, plugin: Located[PluginConfig], problems: list[Problem]
) -> None:
    """Open ``program.slides_template`` as the deck renderer does; a failure is a Problem."""
    template = plugin.item.program.slides_template
    if template is None:
        return
    from .render.slides.template import own_template

    if not template.strip():
        line = plugin.lines.line_of(("program", "slides_template"))
        message = (
            "is empty; give the path of a .pptx file relative to mkdocs.yml, or leave "
            "slides_template out for the house style"
        )
        problems.append(Problem(plugin.file, line, "program.slides_template", message))
        return
    path = root / template
    try:
        own_template(path, display_path(path, root))
    except BuildError as exc:
        line = plugin.lines.line_of(("program", "slides_template"))
        message = str(exc).removeprefix("slides_template: ")
        problems.append(Problem(plugin.file, line, "program.slides_template", message))


def check_logo_file(root: Path, plugin: Located[PluginConfig], problems: list[Problem]) -> None:
    """Open ``program.branding.logo`` as the renderers do, once the loader has found it to
    be an SVG or PNG file in the folder (it reports any other logo itself)."""
    logo = plugin.item.program.branding.logo
    if logo is None:
        return
    path = (root / logo).resolve()
    if not (path.is_relative_to(root.resolve()) and path.is_file()):
        return
    if path.suffix.lower() not in {".svg", ".png"}:
        return
    problem = image_problem(path)
    if problem:
        line = plugin.lines.line_of(("program", "branding", "logo"))
        problems.append(Problem(plugin.file, line, "program.branding.logo", f"{logo} {problem}"))


def image_problem(path: Path) -> str | None:
    """Why the renderers could not show the image file at ``path``, or None when they can.

    The reason completes a sentence that starts with the image's address, e.g.
    "is not an image the handbook can show (...)"."""
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        return f"is not an image the handbook can show; use one of {', '.join(IMAGE_SUFFIXES)}"
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return (
            f"is {size:,} bytes, over the limit of {MAX_IMAGE_BYTES:,} for an image; "
            "save it smaller"
        )
    if suffix == ".svg":
        return _svg_problem(path)
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return _too_many_pixels(path)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return f"cannot be read as a {suffix[1:].upper()} image; save it again from an image editor"
    if width * height > MAX_IMAGE_PIXELS:
        return _too_many_pixels(path, f"{width:,} x {height:,}")
    return None


def _too_many_pixels(path: Path, size: str = "") -> str:
    shown = f" ({size} pixels)" if size else ""
    return (
        f"is too large an image{shown}: over {MAX_IMAGE_PIXELS // 1_000_000} million pixels; "
        "save it smaller, for example 3,000 pixels wide"
    )


def _svg_problem(path: Path) -> str | None:
    # WeasyPrint reads SVG with ElementTree too; expat (2.4 and later) bounds entity
    # expansion, so a "billion laughs" file fails to parse instead of filling the memory.
    from xml.etree.ElementTree import ParseError, parse

    try:
        root = parse(path).getroot()
    except (ParseError, OSError, ValueError):
        return "cannot be read as an SVG image; save it again from an image editor"
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return "cannot be read as an SVG image; save it again from an image editor"
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == "a":
            continue  # a link inside the picture: never fetched
        for name, value in element.attrib.items():
            if name.rsplit("}", 1)[-1] == "href" and not value.startswith(("#", "data:")):
                return (
                    f"refers to '{value[:60]}' inside the SVG, which a build would have to "
                    "fetch; embed the picture in the SVG or save it as PNG"
                )
    return None
