"""Prose placed under its item: headings demoted, footnote labels unique, fences untouched;
list items that do not nest are found by line."""

from __future__ import annotations

from generator.render.markup import md
from generator.render.prose import list_indent_lines, placed, unresolved_footnotes


def test_headings_go_under_the_item() -> None:
    text = "# Step one\n\nText.\n\n## Detail\n\nSetext\n------\n\n####### deep"
    html = str(md(text, under=3))
    assert "<h4" in html and "Step one</h4>" in html
    assert "Detail</h5>" in html
    assert "Setext</h5>" in html  # an underlined heading is level 2
    assert "<h1" not in html and "<h2" not in html and "<h3" not in html
    assert "# deep</h6>" in html


def test_fenced_code_keeps_its_hashes() -> None:
    text = "```\n# a comment, not a heading\n[^1] too\n```"
    assert placed(text, 3) == text
    assert "# a comment, not a heading\n[^1] too" in str(md(text))


def test_footnote_labels_are_unique_to_their_text() -> None:
    first, second = "One.[^1]\n\n[^1]: First note.", "Two.[^1]\n\n[^1]: Second note."
    a, b = str(md(first)), str(md(second))
    assert "First note." in a and "Second note." in b
    ids = {part.split('"')[0] for part in (a + b).split('id="')[1:]}
    assert len(ids) == 4  # two marks, two notes, none shared
    assert placed("Code `[^1]` stays.[^1]", 1).startswith("Code `[^1]` stays.[^")
    assert placed(first, 1) == placed(first, 1)  # the same in every build


def test_list_items_that_do_not_nest_are_found_by_line() -> None:
    text = "Parts:\n\n1. agreed\n   1. who\n   2. when\n2. mine\n  - one\n- 四个空格\n    - nested"
    assert list_indent_lines(text) == [(4, 3), (7, 2)]
    assert list_indent_lines("```\n- a\n  - b\n```") == []
    assert list_indent_lines("- a\n\nParagraph.\n\n  - b") == []


def test_a_reference_without_its_note_in_the_text_keeps_its_label() -> None:
    # The note sits in another list item: the reference prints as written, never an id.
    assert placed("Слушает первым[^b].", 3) == "Слушает первым[^b]."
    assert "Слушает первым[^b]." in str(md("Слушает первым[^b]."))
    assert unresolved_footnotes("Слушает первым[^b] `[^c]`.\n\n[^a]: Note [^d].") == [
        (1, "b"),
        (3, "d"),
    ]
    assert unresolved_footnotes("One[^1].\n\n[^1]: Note.") == []
