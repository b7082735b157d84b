"""Small real image files for tests: a PNG made with Pillow and a plain SVG."""

from __future__ import annotations

import io

from PIL import Image

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
    '<rect width="40" height="20" fill="#1f5f7a"/></svg>'
)


def png(width: int = 40, height: int = 20, colour: str = "#b5452b") -> bytes:
    """A real PNG of one colour."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()
