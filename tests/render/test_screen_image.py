"""``screen: image``: a segment puts a picture on a slide of its own, scaled to fit, with
its alternative text; the path is checked as prose images are (located problems)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from generator.errors import ContentError
from generator.loader import load_program

from ..conftest import copy_fixture, run_cli

ALT = "Очередь у стойки: 排队的顾客 and a sign in Arabic, مرحبا 🛫"
SEGMENT = "  - title: Servant first or leader first\n    minutes: 15\n    method: input\n"


def _program(tmp_path: Path, screen: str, image: tuple[str, tuple[int, int]] | None) -> Path:
    root = copy_fixture("basic", tmp_path)
    module = root / "modules" / "serve-first.yml"
    text = module.read_text(encoding="utf-8")
    assert SEGMENT in text
    module.write_text(text.replace(SEGMENT, SEGMENT + screen), encoding="utf-8")
    if image:
        name, size = image
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, (200, 40, 40)).save(root / name)
    return root


def test_the_image_is_on_a_slide_of_its_own_scaled_to_fit(tmp_path: Path) -> None:
    screen = f"    screen: image\n    screen_image: images/队列.png\n    screen_alt: '{ALT}'\n"
    root = _program(tmp_path, screen, ("images/队列.png", (1600, 400)))
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-site")
    assert result.code == 0, result.err
    deck = Presentation(str(tmp_path / "out" / "slides" / "basic-fixture.pptx"))
    width, height = deck.slide_width or 0, deck.slide_height or 0
    pictures = [
        (slide, shape)
        for slide in deck.slides
        for shape in slide.shapes
        if shape.shape_type == 13  # MSO_SHAPE_TYPE.PICTURE
    ]
    assert len(pictures) == 1
    slide, picture = pictures[0]
    assert slide.shapes.title is not None
    assert slide.shapes.title.text == "Servant first or leader first"
    assert picture._element.xpath("./p:nvPicPr/p:cNvPr/@descr") == [ALT]
    # Proportions kept (4:1), inside the slide, centred across it.
    assert abs(picture.width / picture.height - 4) < 0.01
    assert picture.left >= 0 and picture.left + picture.width <= width
    assert picture.top >= 0 and picture.top + picture.height <= height
    assert abs(picture.left + picture.width / 2 - width / 2) < Emu(12700)  # within 1 pt
    assert picture.width > width * 0.7  # as large as the body area allows
    # The slide is the segment's only one: nothing else on it but the title.
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text]
    assert texts[0] == "Servant first or leader first"
    assert "Read the Greenleaf quotation" not in " ".join(texts)  # facilitator text stays off
    assert (tmp_path / "out" / "slides" / "basic-fixture.pdf").is_file()


CASES = {
    "no file": (
        "    screen: image\n    screen_image: images/нет.png\n    screen_alt: A queue\n",
        None,
        "modules/serve-first.yml:{line}: segments[1].screen_image: image 'images/нет.png' "
        "names no file; check the name, and that paths are relative to the folder of "
        "mkdocs.yml",
    ),
    "outside the folder": (
        "    screen: image\n    screen_image: ../queue.png\n    screen_alt: A queue\n",
        None,
        "modules/serve-first.yml:{line}: segments[1].screen_image: image '../queue.png' "
        "leads outside the program folder; refer only to files inside it",
    ),
    "webp": (
        "    screen: image\n    screen_image: images/q.webp\n    screen_alt: A queue\n",
        ("images/q.webp", (40, 20)),
        "modules/serve-first.yml:{line}: segments[1].screen_image: image 'images/q.webp' "
        "cannot go on a slide; save it as a PNG, JPEG or GIF and give that file's path",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_screen_image_the_deck_cannot_embed(tmp_path: Path, case: str) -> None:
    screen, image, message = CASES[case]
    root = _program(tmp_path, screen, image)
    with pytest.raises(ContentError) as caught:
        load_program(root)
    text = (root / "modules" / "serve-first.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(text, start=1) if "screen_image:" in t)
    assert [str(p) for p in caught.value.problems] == [message.format(line=line)]


def test_screen_image_needs_its_alt_text_and_screen_image(tmp_path: Path) -> None:
    root = _program(tmp_path, "    screen: image\n    screen_image: images/q.png\n", None)
    with pytest.raises(ContentError) as caught:
        load_program(root)
    assert [str(p) for p in caught.value.problems] == [
        "modules/serve-first.yml:72: segments[1]: screen: image needs screen_alt: screen_image is the image's path relative to the "
        "program folder, screen_alt says in a sentence what it shows; add it"
    ]


def test_screen_image_without_screen_image(tmp_path: Path) -> None:
    root = _program(tmp_path, "    screen_alt: A queue\n", None)
    with pytest.raises(ContentError) as caught:
        load_program(root)
    assert [str(p) for p in caught.value.problems] == [
        "modules/serve-first.yml:72: segments[1]: screen_image and screen_alt are for screen: image; add screen: image, or remove them"
    ]


def test_a_changed_screen_image_rebuilds_the_deck(tmp_path: Path) -> None:
    screen = "    screen: image\n    screen_image: images/q.png\n    screen_alt: A queue\n"
    root = _program(tmp_path, screen, ("images/q.png", (400, 400)))
    out = tmp_path / "out"
    assert run_cli("build", root, "--out", out, "--no-site").code == 0
    Image.new("RGB", (800, 200), (0, 90, 200)).save(root / "images" / "q.png")
    result = run_cli("build", root, "--out", out, "--no-site")
    assert result.code == 0, result.err
    deck = Presentation(str(out / "slides" / "basic-fixture.pptx"))
    picture = next(s for slide in deck.slides for s in slide.shapes if s.shape_type == 13)
    assert abs(picture.width / picture.height - 4) < 0.01  # the new image, not the old one
