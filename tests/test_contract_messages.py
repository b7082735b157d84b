"""Every input that would fail the build is a located validation error (exact text)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from PIL import Image

from generator.errors import ContentError
from generator.loader import load_program
from generator.site_log import locate
from generator.yamlio import MAX_FILE_BYTES, MAX_TEXT_CHARS

from .conftest import FIXTURES, run_cli
from .images import SVG, png

Write = Callable[[dict[str, str | bytes]], Path]
MODULE = (FIXTURES / "basic/modules/serve-first.yml").read_text(encoding="utf-8")
CONFIG = (FIXTURES / "basic/mkdocs.yml").read_text(encoding="utf-8")


def _summary(markdown: str) -> dict[str, str | bytes]:
    return {
        "modules/serve-first.yml": MODULE.replace("summary: >-\n", f"summary: |-\n  {markdown}\n")
    }


def _problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_program(root)
    return [str(p) for p in caught.value.problems]


BAD_IMAGES: dict[str, tuple[str, str | bytes, str]] = {
    "not a PNG": (
        "images/сломано.png",
        b"\x89PNG\r\n\x1a\n but no more",
        "cannot be read as a PNG image; save it again from an image editor",
    ),
    "a JPEG that is text": (
        "images/photo.jpg",
        "hello",
        "cannot be read as a JPG image; save it again from an image editor",
    ),
    "not XML": (
        "images/图.svg",
        "<svg",
        "cannot be read as an SVG image; save it again from an image editor",
    ),
    "XML but not SVG": (
        "images/page.svg",
        "<html/>",
        "cannot be read as an SVG image; save it again from an image editor",
    ),
    "an SVG that fetches": (
        "images/remote.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image xlink:href="https://example.com/x.png"/></svg>',
        "refers to 'https://example.com/x.png' inside the SVG, which a build would have to "
        "fetch; embed the picture in the SVG or save it as PNG",
    ),
    "an SVG that reads a file": (
        "images/local.svg",
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="other.png"/></svg>',
        "refers to 'other.png' inside the SVG, which a build would have to fetch; embed the "
        "picture in the SVG or save it as PNG",
    ),
    "a kind the PDF cannot show": (
        "images/scan.tiff",
        b"II*\x00",
        "is not an image the handbook can show; use one of .gif, .jpeg, .jpg, .png, .webp, .svg",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_IMAGES))
def test_an_image_the_renderers_cannot_read_is_located(write_files: Write, name: str) -> None:
    path, content, message = BAD_IMAGES[name]
    root = write_files({**_summary(f"![x](<{path}>)"), path: content})
    assert _problems(root) == [f"modules/serve-first.yml:4: summary: image '{path}' {message}"]


def test_images_the_renderers_read_are_accepted(write_files: Write) -> None:
    linked = (
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.com">'
        '<rect width="4" height="4"/></a><use href="#r"/></svg>'
    )
    root = write_files(
        {
            **_summary("![a](images/a.png) ![b](images/b.svg) ![c](images/c.svg)"),
            "images/a.png": png(),
            "images/b.svg": SVG,
            "images/c.svg": linked,
        }
    )
    load_program(root)


def test_an_image_over_the_size_limit_is_located(write_files: Write) -> None:
    root = write_files(_summary("![big](images/big.png)"))
    (root / "images").mkdir()
    with (root / "images/big.png").open("wb") as stream:
        stream.truncate(20_000_001)  # sparse: no 20 MB written
    assert _problems(root) == [
        "modules/serve-first.yml:4: summary: image 'images/big.png' is 20,000,001 bytes, over "
        "the limit of 20,000,000 for an image; save it smaller"
    ]


@pytest.mark.parametrize(
    ("size", "message"),
    [
        # 225 million pixels in a 27 kB file: Pillow itself calls it a decompression bomb
        ((15_000, 15_000), "is too large an image: over 40 million pixels"),
        ((8_000, 6_000), "is too large an image (8,000 x 6,000 pixels): over 40 million pixels"),
    ],
)
def test_an_image_of_too_many_pixels_is_located(
    write_files: Write, size: tuple[int, int], message: str
) -> None:
    root = write_files(_summary("![炸弹](images/bomb.png)"))
    (root / "images").mkdir()
    Image.new("1", size).save(root / "images/bomb.png", optimize=True)
    assert _problems(root) == [
        f"modules/serve-first.yml:4: summary: image 'images/bomb.png' {message}; save it "
        "smaller, for example 3,000 pixels wide"
    ]


def _text_of(length: int) -> str:
    """Markdown that makes the summary (which keeps the fixture's text after it) exactly
    ``length`` characters long."""
    rest = len(yaml.safe_load(_summary("X")["modules/serve-first.yml"])["summary"]) - 1
    return "word " * ((length - rest) // 5) + "w" * ((length - rest) % 5)


def test_a_field_over_the_text_limit_is_located(write_files: Write) -> None:
    root = write_files(_summary(_text_of(MAX_TEXT_CHARS + 1)))
    assert _problems(root) == [
        "modules/serve-first.yml:4: summary: text of 100,001 characters is over the limit of "
        "100,000; shorten it or split it over several fields"
    ]


def test_a_field_at_the_text_limit_loads(write_files: Write) -> None:
    root = write_files(_summary(_text_of(MAX_TEXT_CHARS)))
    load_program(root)


def test_a_file_over_the_size_limit_is_located(write_files: Write) -> None:
    padding = "# " + "x" * 98 + "\n"
    text = MODULE + padding * (MAX_FILE_BYTES // len(padding) + 1)
    root = write_files({"modules/serve-first.yml": text})
    size = len(text.encode())
    assert _problems(root) == [
        f"modules/serve-first.yml: file is {size:,} bytes, over the limit of 1,000,000 bytes; "
        "split it into several files"
    ]


def test_a_slides_template_that_is_not_a_deck_fails_validation(write_files: Write) -> None:
    config = CONFIG.replace(
        "        title: Basic fixture\n",
        "        title: Basic fixture\n        slides_template: brand/шаблон.pptx\n",
    )
    root = write_files({"mkdocs.yml": config, "brand/шаблон.pptx": "not a deck"})
    result = run_cli("validate", root)
    assert result.code == 1
    assert result.err.splitlines() == [
        "mkdocs.yml:17: program.slides_template: brand/шаблон.pptx is not a PowerPoint (.pptx) "
        "file; open it in PowerPoint and save it as a PowerPoint Presentation (.pptx)",
        "1 problem in 1 file.",
    ]


def test_a_missing_slides_template_fails_validation(write_files: Write) -> None:
    config = CONFIG.replace(
        "        title: Basic fixture\n",
        "        title: Basic fixture\n        slides_template: brand/deck.pptx\n",
    )
    root = write_files({"mkdocs.yml": config})
    assert _problems(root) == [
        "mkdocs.yml:17: program.slides_template: brand/deck.pptx does not exist; give a path "
        "relative to mkdocs.yml"
    ]


def test_a_plan_with_no_module_fails_validation(write_files: Write) -> None:
    config = CONFIG.replace("              - serve-first\n", "")
    root = write_files({"mkdocs.yml": config})
    assert _problems(root) == [
        "mkdocs.yml:19: program.days: no day's plan names a module, so there is nothing to "
        "build; add a module id to a plan"
    ]


# ---- the site build -------------------------------------------------------------------


def test_a_strict_site_build_names_the_page_and_line(write_files: Write, tmp_path: Path) -> None:
    strict = "docs_dir: docs\nstrict: true\nvalidation:\n  anchors: warn\n"
    root = write_files(
        {
            "mkdocs.yml": CONFIG.replace("docs_dir: docs\n", strict),
            "docs/заметки.md": "# Notes\n\nIntro.\n\nSee [the plan](index.md#no-such-part).\n",
        }
    )
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-pdf")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert result.err.splitlines() == [
        "the site did not build: Aborted with 1 warnings in strict mode!",
        "docs/заметки.md:5: Doc file 'заметки.md' contains a link 'index.md#no-such-part', "
        "but the doc 'index.md' does not contain an anchor '#no-such-part'.",
    ]


def test_a_broken_link_on_a_hand_written_page_fails_validation(
    write_files: Write, tmp_path: Path
) -> None:
    root = write_files(
        {
            "mkdocs.yml": CONFIG.replace("docs_dir: docs\n", "docs_dir: docs\nstrict: true\n"),
            "docs/заметки.md": "# Notes\n\nIntro.\n\nSee [the plan](plan.md) and ![x](pic.png).\n",
        }
    )
    expected = [
        "docs/заметки.md:5: image 'pic.png' names no file; check the name, and that paths are "
        "relative to this page's folder",
        "docs/заметки.md:5: link 'plan.md' names no file; check the name, and that paths are "
        "relative to this page's folder",
        "2 problems in 1 file.",
    ]
    assert run_cli("validate", root).err.splitlines() == expected
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-pdf")
    assert (result.code, result.err.splitlines()) == (1, expected)
    assert not (tmp_path / "out").exists()


def test_a_warning_about_a_generated_page_names_the_program_file(basic: Path) -> None:
    message = (
        "Doc file 'modules/serve-first.md' contains a link 'images/map.png', but the target "
        "'modules/images/map.png' is not found among documentation files."
    )
    (basic / "modules/serve-first.yml").write_text(
        MODULE.replace("summary: >-\n", "summary: |-\n  ![Map](images/map.png)\n"),
        encoding="utf-8",
    )
    assert locate(message, basic, basic / "docs") == f"modules/serve-first.yml:5: {message}"
    assert locate("Something else", basic, basic / "docs") == "Something else"


def test_a_program_without_its_docs_folder_builds_and_the_folder_is_not_created(
    basic: Path, tmp_path: Path
) -> None:
    (basic / "docs/.gitkeep").unlink()
    (basic / "docs").rmdir()  # what a git clone of the program gives
    before = sorted(p.relative_to(basic) for p in basic.rglob("*"))
    result = run_cli("build", basic, "--out", tmp_path / "out", "--no-pdf")
    assert result.code == 0, result.err
    assert (tmp_path / "out/site/modules/serve-first.html").is_file()
    assert sorted(p.relative_to(basic) for p in basic.rglob("*")) == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")) == [
        ".servefirst-cache.json",
        ".servefirst.lock",
    ]


def test_a_logo_that_is_not_an_image_fails_validation(write_files: Write) -> None:
    config = CONFIG.replace(
        "        title: Basic fixture\n",
        "        title: Basic fixture\n        branding: {logo: docs/логотип.png}\n",
    )
    root = write_files({"mkdocs.yml": config, "docs/логотип.png": "garbage"})
    assert _problems(root) == [
        "mkdocs.yml:17: program.branding.logo: docs/логотип.png cannot be read as a PNG image; "
        "save it again from an image editor"
    ]


def test_a_long_title_and_organisation_build_the_deck(write_files: Write, tmp_path: Path) -> None:
    from pptx import Presentation

    title = "服务优先 Serve first: " + "leadership that listens, " * 11  # 297 characters
    organisation = "Організація " + "Fixture Ltd and partners " * 11
    root = write_files(
        {
            "mkdocs.yml": CONFIG.replace(
                "title: Basic fixture", f"title: '{title.strip()}'"
            ).replace("organisation: Fixture Ltd", f"organisation: '{organisation.strip()}'")
        }
    )
    assert run_cli("validate", root).code == 0
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-site")
    assert result.code == 0, result.err
    (deck,) = (tmp_path / "out/slides").glob("*.pptx")
    assert (
        deck.name == "服务优先-serve-first-leadership-that-listens-leadership-that-listens-lea.pptx"
    )
    props = Presentation(str(deck)).core_properties
    assert props.title == f"{title.strip()}: Slides"[:254] + "…"
    assert props.author == organisation.strip()[:254] + "…"
    assert len(props.subject) == 255


def test_a_large_planned_program_is_a_located_warning(
    basic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import checks_size

    program = load_program(basic)
    total = sum(
        checks_size.text_size(item)
        for item in [*program.modules, *program.cases.values(), *program.exercises.values()]
    )
    assert not any(w.field == "program.days" for w in program.warnings)
    monkeypatch.setattr(checks_size, "MAX_TOTAL_CHARS", total - 1)
    warnings = [str(w) for w in load_program(basic).warnings if w.field == "program.days"]
    assert warnings == [
        f"mkdocs.yml:19: program.days: the planned modules, cases and exercises hold {total:,} "
        f"characters of text, over {total - 1:,}; a build will take minutes (measured: about "
        "two and a half minutes per million characters on two cores); plan fewer modules, or "
        "shorten them"
    ]


def test_a_run_without_spaces_over_the_limit_is_located(write_files: Write) -> None:
    """Print breaks a word anywhere at a cost that grows with its square: bounded."""
    from generator.yamlio import MAX_WORD_CHARS

    fine = write_files(_summary("ссылка " + "я" * MAX_WORD_CHARS))
    load_program(fine)  # exactly at the limit: no problem
    root = write_files(_summary("链接 " + "字" * (MAX_WORD_CHARS + 1)))
    assert _problems(root) == [
        "modules/serve-first.yml:4: summary: a run of 4,001 characters without a space is "
        "over the limit of 4,000; break it with spaces, or shorten the address"
    ]
