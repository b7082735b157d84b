"""The YAML crashes Hypothesis found in hostile module files (see test_hostile_input.py),
each now one located message; and YAML merge keys, which follow the YAML rules without
false duplicate-key reports."""

from __future__ import annotations

import pytest

from generator.yamlio import YamlProblem, load_yaml

YAML_PROBLEMS = {
    "impossible date": (
        "a: 2024-02-30\n",
        "m.yml:1: a: invalid value: day is out of range for month",
    ),
    "date as a key": ("2024-02-30: x\n", "m.yml:1: invalid value: day is out of range for month"),
    "huge integer": (
        "a: " + "9" * 5000 + "\n",
        "m.yml:1: a: invalid value: Exceeds the limit (4300 digits) for integer string "
        "conversion: value has 5000 digits",
    ),
    "tagged nonsense": (
        "a: !!float nope\n",
        "m.yml:1: a: invalid value: could not convert string to float: 'nope'",
    ),
    "merge of a number": (
        "a: {<<: 5}\n",
        "m.yml:1: a: invalid YAML: expected a mapping or list of mappings for merging, but "
        "found scalar",
    ),
    "merge fan-out": (
        "a: &a {" + ", ".join(f"k{i}: {i}" for i in range(1000)) + "}\n"
        "b: {<<: [" + ", ".join(["*a"] * 300) + "]}\n",
        "m.yml:2: b: invalid YAML: '<<' merges expand to more than 200,000 values",
    ),
    "recursive list": (
        "a: &a [*a]\n",
        "m.yml:1: a[0]: an alias refers to the mapping or list it is in",
    ),
    "recursive mapping": (
        "a: &a {b: *a}\n",
        "m.yml:1: a.b: an alias refers to the mapping or list it is in",
    ),
    "deep nesting": (
        "a: " + "[" * 500 + "]" * 500,
        "m.yml:1: invalid YAML: nested more than 60 levels deep",
    ),
    "lone surrogate": (
        'a: "\\ud800"\n',
        "m.yml:1: a: contains U+D800, a character that cannot be printed; remove the escape "
        "that makes it",
    ),
    "escaped NUL": (
        'a: "x\\0y"\n',
        "m.yml:1: a: contains U+0000, a character that cannot be printed; remove the escape "
        "that makes it",
    ),
    "control character": (
        "a: 1\nb: x\x1fy\n",
        "m.yml:2: contains U+001F, a control character YAML does not allow; remove it",
    ),
    "binary": (
        "a: !!binary aGVsbG8=\n",
        "m.yml:1: a: binary data (!!binary) is not allowed; write text",
    ),
    "list as a key": ("? [a, b]\n: c\n", "m.yml:1: a mapping key must be a plain word"),
}


@pytest.mark.parametrize("name", sorted(YAML_PROBLEMS))
def test_hostile_yaml_gives_one_located_problem(name: str) -> None:
    text, expected = YAML_PROBLEMS[name]
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text, "m.yml")
    assert str(caught.value.problem) == expected


def test_merges_follow_yaml_rules_without_false_duplicates() -> None:
    text = "b: &b {x: 1, y: 2}\nc: {<<: *b, x: 3}\nd: {<<: [{x: 5}, *b]}\n"
    assert load_yaml(text, "m.yml").data == {
        "b": {"x": 1, "y": 2},
        "c": {"x": 3, "y": 2},
        "d": {"x": 5, "y": 2},
    }
    with pytest.raises(YamlProblem) as caught:
        load_yaml("b: &b {x: 1}\nc: {<<: *b, z: 1, z: 2}\n", "m.yml")
    assert str(caught.value.problem) == "m.yml:2: c.z: duplicate key 'z' (first on line 2)"
