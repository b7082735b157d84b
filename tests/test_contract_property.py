"""Property: a program that validates builds, and no output carries the build machine's path.

Hypothesis writes real PNG and SVG files (names with spaces, Chinese, Arabic, Hindi,
Cyrillic letters and emoji) and files to link to into a copy of the ``basic`` fixture,
refers to them from prose fields in both Markdown forms (``<path with spaces>`` and
percent-encoded), adds web links, then validates and builds the site and both PDFs.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.loader import load_program
from generator.pipeline import build

from .contract_program import leaks, new_program, page_references, pdf_uris, write_prose
from .images import SVG, png

LETTERS = [*"abz图片صورةहिंदीЁлка😀", " ", "-", "_"]
FIELDS = ("summary", "story", "purpose", "instruction")


@dataclass(frozen=True)
class Reference:
    folder: str
    name: str
    kind: str  # "png", "svg" or a linked file's suffix
    angle: bool  # <path with spaces> rather than percent-encoded
    field: str

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.name}.{self.kind}"

    def markdown(self) -> str:
        address = f"<{self.path}>" if self.angle else quote(self.path)
        if self.kind in {"png", "svg"}:
            return f"![{self.name}]({address})"
        return f"[{self.name}]({address})"


names = st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=10).map(str.strip)
references = st.builds(
    Reference,
    folder=st.sampled_from(["images", "handouts", "材料 files"]),
    name=names.filter(bool),
    kind=st.sampled_from(["png", "svg", "pdf", "txt", "md"]),
    angle=st.booleans(),
    field=st.sampled_from(FIELDS),
)
web = st.sampled_from(
    ["[Greenleaf](https://www.greenleaf.org)", "<https://example.com/a?b=1&c=2>", ""]
)


def _program(parent: Path, refs: list[Reference], link: str) -> Path:
    root = new_program(parent, "программа 项目")
    for ref in refs:
        target = root / ref.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if ref.kind == "png":
            target.write_bytes(png())
        elif ref.kind == "svg":
            target.write_text(SVG, encoding="utf-8")
        else:
            target.write_text(f"# {ref.name}\n", encoding="utf-8")
    prose = {field: f"Start {link}" for field in FIELDS}
    for ref in refs:
        prose[ref.field] += f" {ref.markdown()}"
    write_prose(root, **prose)
    return root


class _Failures(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def check_contract(refs: list[Reference], link: str) -> None:
    with tempfile.TemporaryDirectory(prefix="contract-") as scratch:
        parent = Path(scratch)
        root = _program(parent, refs, link)
        load_program(root)  # validate OK (every reference is a real file in the folder)
        failures = _Failures()
        logging.getLogger("weasyprint").addHandler(failures)
        try:
            report = build(root, parent / "out", slides=False, jobs=1)
        finally:
            logging.getLogger("weasyprint").removeHandler(failures)
        out = parent / "out"
        # Every image loaded in both PDFs (a missing glyph of a script is another matter).
        assert [m for m in failures.messages if "notdef" not in m] == []
        assert [n for n in report.notices if n.startswith("site:")] == []
        assert leaks(out, root) == []
        site = out / "site"
        for page in ("modules/serve-first.html", "cases.html", "exercises.html"):
            for url, target in page_references(site, page).items():
                assert target.is_file(), (page, url)
        for ref in refs:
            copy = site / "assets/servefirst/files" / ref.path
            assert copy.read_bytes() == (root / ref.path).read_bytes()
        for pdf in (out / "pdf").glob("*.pdf"):
            assert all(uri.startswith("https://") for uri in pdf_uris(pdf))


SAMPLE = [
    Reference("images", "图 片", "png", True, "summary"),
    Reference("images", "صورة", "svg", False, "story"),
    Reference("材料 files", "Ёлка 😀", "md", True, "instruction"),
    Reference("handouts", "हिंदी", "pdf", False, "purpose"),
]


def test_one_program_with_images_and_links_builds() -> None:
    check_contract(SAMPLE, "[Greenleaf](https://www.greenleaf.org)")


@settings(  # about 11 s for five builds on two cores: part of the default run
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(refs=st.lists(references, min_size=1, max_size=5, unique_by=lambda r: r.path), link=web)
def test_validate_ok_implies_build_ok(refs: list[Reference], link: str) -> None:
    check_contract(refs, link)
