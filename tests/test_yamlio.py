from __future__ import annotations

import pytest

from generator.yamlio import MAX_VALUES, YamlProblem, load_yaml


def test_records_the_line_of_every_key_and_item() -> None:
    doc = load_yaml(
        "title: A\nsegments:\n  - title: One\n    minutes: 5\n  - title: Two\n", "m.yml"
    )
    assert doc.lines.line_of(("title",)) == 1
    assert doc.lines.line_of(("segments", 1, "title")) == 5
    assert doc.lines.line_of(("segments", 0, "minutes")) == 4
    # A missing field is reported at its parent's line.
    assert doc.lines.line_of(("segments", 1, "minutes")) == 5


def test_duplicate_keys_are_an_error_not_a_silent_overwrite() -> None:
    with pytest.raises(YamlProblem) as caught:
        load_yaml("id: a\ntitle: One\ntitle: Two\n", "m.yml")
    assert str(caught.value.problem) == "m.yml:3: title: duplicate key 'title' (first on line 2)"


def test_broken_yaml_names_file_and_line() -> None:
    with pytest.raises(YamlProblem) as caught:
        load_yaml("id: a\ntitle: [unclosed\nsummary: x\n", "m.yml")
    problem = caught.value.problem
    assert problem.file == "m.yml"
    assert problem.line == 3
    assert problem.message.startswith("invalid YAML:")


def test_alias_bomb_is_bounded() -> None:
    text = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        text += f"{cur}: &{cur} [" + ",".join(f"*{prev}" for _ in range(10)) + "]\n"
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text, "bomb.yml")
    assert f"more than {MAX_VALUES:,} values" in caught.value.problem.message


def test_mkdocs_tags_are_read_as_text() -> None:
    doc = load_yaml(
        "emoji: !!python/name:material.extensions.emoji.twemoji\nx: !ENV HOME\n", "mkdocs.yml"
    )
    assert doc.data["x"] == "HOME"
    assert doc.data["emoji"].endswith("python/name:material.extensions.emoji.twemoji")
