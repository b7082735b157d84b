"""Files the build opens besides the YAML: checked at validation the way the build opens them.

What ``validate`` accepts, ``build`` builds. So a ``slides_template`` is opened with
python-pptx, as the deck renderer opens it, and every image in prose is opened as the
renderers would: a PNG, JPEG, GIF or WebP with Pillow (WeasyPrint's own image reader), an
SVG as XML whose root is ``<svg>`` and which refers to no other file or address (the
PDF renderer would try to fetch it, and builds never use the network).
"""

from __future__ import annotations

from pathlib import Path

from .errors import BuildError, Problem, display_path
from .located import Located
from .model import PluginConfig

RASTER = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
IMAGE_SUFFIXES = (*sorted(RASTER), ".svg")
MAX_IMAGE_BYTES = 20_000_000
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
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return f"cannot be read as a {suffix[1:].upper()} image; save it again from an image editor"
    return None


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
