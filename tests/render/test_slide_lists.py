"""Lists on slides: one slide while the list fits at the smallest readable size; past
that, slides balanced and each marked (1/2), (2/2). Read back from the .pptx."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from generator.render.slides.fit import MIN_SIZE

from ..conftest import copy_fixture, run_cli

OBJECTIVE = (
    "Describe, in your own words and with an example from your team's last month, how "
    "a servant-first leader would handle situation {n} differently — 服务 first, {n}."
)


def objectives_deck(tmp_path: Path, count: int) -> list[tuple[str, list[str], float]]:
    """Build the basic fixture with ``count`` long objectives; (title, items, size) of
    each objectives slide."""
    root = copy_fixture("basic", tmp_path)
    module = root / "modules" / "serve-first.yml"
    text = module.read_text(encoding="utf-8")
    start = text.index("objectives:\n")
    end = text.index("\nprinciples:")
    listed = "".join(f"  - {OBJECTIVE.format(n=n)}\n" for n in range(1, count + 1))
    module.write_text(text[:start] + "objectives:\n" + listed + text[end:], encoding="utf-8")
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-site")
    assert result.code == 0, result.err
    (path,) = (tmp_path / "out" / "slides").glob("*.pptx")
    out = []
    for slide in Presentation(str(path)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        if not title.startswith("Objectives"):
            continue
        body = next(
            s for s in slide.placeholders if s.placeholder_format.idx != 0 and s.has_text_frame
        )
        items = [p.text for p in body.text_frame.paragraphs if p.text]
        sizes = {r.font.size for p in body.text_frame.paragraphs for r in p.runs}
        (size,) = sizes
        assert size is not None
        out.append((title, items, float(size.pt)))
    return out


def test_a_list_that_fits_at_the_smallest_size_stays_on_one_slide(tmp_path: Path) -> None:
    slides = objectives_deck(tmp_path, 6)
    assert [(t, len(items)) for t, items, _ in slides] == [("Objectives", 6)]
    assert MIN_SIZE <= slides[0][2] < 24  # set smaller rather than continued


def test_a_longer_list_is_balanced_and_every_slide_marked(tmp_path: Path) -> None:
    slides = objectives_deck(tmp_path, 13)
    titles = [t for t, _, _ in slides]
    counts = [len(items) for _, items, _ in slides]
    assert titles == [f"Objectives ({n}/{len(slides)})" for n in range(1, len(slides) + 1)]
    assert len(slides) >= 2 and sum(counts) == 13
    assert max(counts) - min(counts) <= 1  # balanced: never six and one
    (size,) = {size for _, _, size in slides}  # one size for the list
    assert size >= MIN_SIZE
    assert slides[-1][1][-1].endswith("服务 first, 13.")
