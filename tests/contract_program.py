"""Programs whose prose refers to local images and files, and readers of every output.

Shared by the validate-build contract tests and their Hypothesis property test.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from pypdf import PdfReader

from .conftest import copy_fixture


def block(markdown: str, indent: str = "  ") -> str:
    """Markdown as the lines of a YAML literal block."""
    return "\n".join(f"{indent}{line}" if line else "" for line in markdown.splitlines())


def write_prose(
    root: Path,
    *,
    summary: str,
    story: str,
    purpose: str,
    instruction: str,
    facilitator: str | None = None,
) -> None:
    """Put Markdown at the start of a module summary, a case story, an exercise purpose,
    an exercise instruction and (optionally) a facilitator-only talking point."""

    def edit(name: str, old: str, new: str) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit("modules/serve-first.yml", "summary: >-\n", f"summary: |-\n{block(summary)}\n\n")
    edit("modules/cases/southwest-airlines.yml", "story: >-\n", f"story: |-\n{block(story)}\n\n")
    edit("exercises/listening-pairs.yml", "purpose: >-\n", f"purpose: |-\n{block(purpose)}\n\n")
    edit(
        "exercises/listening-pairs.yml",
        "  - Swap roles and repeat.\n",
        f"  - |-\n{block(instruction, '    ')}\n",
    )
    if facilitator is not None:
        edit(
            "modules/serve-first.yml",
            "      talking_points:\n",
            f"      talking_points:\n        - |-\n{block(facilitator, '          ')}\n",
        )


def new_program(parent: Path, name: str = "basic") -> Path:
    root = copy_fixture("basic", parent)
    if name != "basic":
        root = root.rename(parent / name)
    return root


# ---- reading outputs back ---------------------------------------------------------------


def pdf_uris(pdf: Path) -> list[str]:
    """The address of every link annotation in a PDF."""
    uris = []
    for page in PdfReader(pdf).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def pdf_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


def pdf_image_count(pdf: Path) -> int:
    return sum(len(page.images) for page in PdfReader(pdf).pages)


def _streams(raw: bytes) -> Iterator[bytes]:
    """The raw bytes of a PDF, then each of its Flate streams inflated."""
    yield raw
    for match in re.finditer(rb"stream\r?\n", raw):
        try:
            yield zlib.decompressobj().decompress(raw[match.end() : match.end() + 5_000_000])
        except zlib.error:
            continue


def leaks(out: Path, root: Path) -> list[str]:
    """Every output file (and PDF stream) that carries ``root``'s absolute path, and every
    site page, sitemap or index that carries a ``file:`` address."""
    needles = {str(root.resolve()).encode(), str(root).encode()}
    found = []
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        ours = "site" not in path.relative_to(out).parts
        chunks = list(_streams(raw)) if path.suffix == ".pdf" and ours else [raw]
        if path.suffix in {".pptx"}:
            chunks = list(_pptx_parts(path))
        text = [c.decode("utf-8", "replace") for c in chunks]
        if any(n in c for c in chunks for n in needles) or any(
            n.decode().encode("utf-16-be") in c for c in chunks for n in needles
        ):
            found.append(f"{path}: absolute path")
        if path.suffix in {".html", ".xml", ".json", ".gz", ".pptx"} and any(
            re.search(r"file:(//|\\\\)", t) for t in text
        ):
            found.append(f"{path}: file: address")
    for pdf in out.rglob("*.pdf"):
        if "site" in pdf.relative_to(out).parts:
            continue  # a copy of the program's own handout, not something we wrote
        if any(uri.lower().startswith("file:") or str(root) in uri for uri in pdf_uris(pdf)):
            found.append(f"{pdf}: file: link")
        printed = pdf_text(pdf)
        if str(root) in printed or str(root.resolve()) in printed or "file:/" in printed:
            found.append(f"{pdf}: absolute path or file: address in its text")
    return found


def _pptx_parts(path: Path) -> Iterator[bytes]:
    import zipfile

    with zipfile.ZipFile(path) as deck:
        for name in deck.namelist():
            yield deck.read(name)


def page_references(site: Path, page: str) -> dict[str, Path]:
    """``{address: file in the site}`` of every image and link on a page that goes to a
    file of the site (not the web, not an anchor)."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    found = {}
    for tag, attribute in (("img", "src"), ("a", "href")):
        for element in soup.select(f"article {tag}[{attribute}]"):
            url = str(element[attribute])
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            found[url] = (site / page).parent / unquote(parts.path)
    return found
