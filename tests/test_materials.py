"""Structured materials: catalogue references, totals, horizons, deprecations and SF301."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.i18n import gettext
from generator.loader import load_program
from generator.materials.catalogue import shipped
from generator.materials.totals import group_count, materials, units
from generator.model import Program
from generator.model.participant import participant_view
from generator.render.logistics import preparation

from .conftest import FIXTURES, REPO, run_cli

Write = Callable[[dict[str, str | bytes]], Path]
EXERCISE = (FIXTURES / "basic/exercises/listening-pairs.yml").read_text(encoding="utf-8")
MODULE = (FIXTURES / "basic/modules/serve-first.yml").read_text(encoding="utf-8")
CONFIG = (FIXTURES / "basic/mkdocs.yml").read_text(encoding="utf-8")
REFS = "materials: [workbook, pen, timer, {item: reflection-card, quantity: 2}]"


def sf601(program: Program) -> list[str]:
    """The design linter's SF601 findings among the program's warnings."""
    return [str(w) for w in program.warnings if " SF601 " in str(w)]


def test_the_shipped_catalogue_has_the_basics() -> None:
    catalogue = shipped()
    for item in ("name-cards", "projector", "flipchart-pad", "markers", "masking-tape", "pen"):
        assert item in catalogue, item
    assert catalogue["workbook"].per == "person" and catalogue["workbook"].participant
    assert catalogue["evaluation-form"].per == "person"
    assert not catalogue["timer"].participant


@pytest.mark.parametrize(
    ("people", "smallest", "groups"),
    [(16, 3, 5), (16, 2, 8), (15, 2, 7), (16, 4, 4), (17, 4, 4), (2, 3, 1), (1, 2, 1)],
)
def test_groups_form_with_the_smallest_size_and_leftovers_join(
    people: int, smallest: int, groups: int
) -> None:
    assert group_count(people, smallest) == groups


def test_units_per_scale_for_sixteen() -> None:
    assert [units(per, 16, 4, None) for per in ("person", "pair", "table", "room")] == [
        16,
        8,
        4,
        1,
    ]


def test_the_program_extends_and_replaces_catalogue_items(write_files: Write) -> None:
    root = write_files(
        {
            "mkdocs.yml": CONFIG
            + "        timer: {name: Kitchen timer 🍳 (厨房计时器), kind: equipment}\n",
            "exercises/listening-pairs.yml": EXERCISE.replace(
                REFS, "materials: [workbook, pen, timer, {item: reflection-card, per: pair}]"
            ),
        }
    )
    program = load_program(root)
    rows = {row.key: row for row in materials(program)}
    assert rows["timer"].name == "Kitchen timer 🍳 (厨房计时器)"
    assert rows["pyramid-sheet"].name == "Two pyramids on a flipchart sheet"
    assert rows["pyramid-sheet"].kind == "prepared-flipchart"
    assert rows["pyramid-sheet"].prepare == "day-before"
    assert rows["reflection-card"].quantity == 8  # per pair, 16 people
    assert rows["workbook"].quantity == 16
    assert rows["timer"].quantity == 1


def test_participants_see_only_what_they_hold(basic: Path) -> None:
    view = participant_view(load_program(basic))
    exercise = next(e for m in view.modules for e in m.exercises if e.id == "listening-pairs")
    assert exercise.materials == ["Participant workbook", "Pen", "Prompt card"]


def test_an_unknown_catalogue_id_is_a_located_error(write_files: Write) -> None:
    root = write_files(
        {
            "exercises/listening-pairs.yml": EXERCISE.replace(
                REFS, "materials: [workbook, {item: timr}, {item: zzz-nothing-like-it}]"
            )
        }
    )
    result = run_cli("validate", root)
    assert result.code == 1
    assert result.err.splitlines()[:-1] == [
        "exercises/listening-pairs.yml:9: materials[1].item: unknown catalogue item 'timr'; "
        "did you mean 'timer'?",
        "exercises/listening-pairs.yml:9: materials[2].item: unknown catalogue item "
        "'zzz-nothing-like-it'; add it under 'catalogue:' in mkdocs.yml "
        "(name, kind, per, quantity)",
    ]


def test_a_bad_catalogue_entry_is_a_located_error(write_files: Write) -> None:
    root = write_files({"mkdocs.yml": CONFIG + "        stool: {name: Stool, kind: furniture}\n"})
    result = run_cli("validate", root)
    assert result.code == 1
    assert (
        "mkdocs.yml:30: catalogue.stool.kind: expected 'stationery', 'printed', 'equipment', "
        "'prepared-flipchart' or 'room', got 'furniture'"
    ) in result.err


def test_free_text_materials_and_plain_tasks_load_with_a_deprecation_warning(
    write_files: Write,
) -> None:
    root = write_files(
        {
            "exercises/listening-pairs.yml": EXERCISE.replace(
                REFS, "materials: [Workbook and pen, a visible timer, Чай для всех]"
            ),
            "modules/serve-first.yml": MODULE.replace(
                "    - task: Read Greenleaf's essay, or at least its opening pages.\n"
                "      horizon: one-week\n",
                '    - "One week before: read Greenleaf\'s essay."\n',
            ),
        }
    )
    result = run_cli("validate", root)
    assert result.code == 0, result.err
    assert result.err.splitlines() == [
        "warning: modules/serve-first.yml:123: facilitator.preparation[1]: a preparation task "
        "without a horizon is deprecated and is placed by its wording under 'One week before'; "
        "write it as {task: ..., horizon: one-week}",
        "warning: exercises/listening-pairs.yml:9: materials[0]: free-text material 'Workbook "
        "and pen' is deprecated; write it as a catalogue reference: {item: workbook}, "
        "{item: pen}",
        "warning: exercises/listening-pairs.yml:9: materials[1]: free-text material 'a visible "
        "timer' is deprecated; write it as a catalogue reference: {item: timer}",
        "warning: exercises/listening-pairs.yml:9: materials[2]: free-text material 'Чай для "
        "всех' is deprecated; add the item under 'catalogue:' in mkdocs.yml and refer to it by "
        "its id, or move it to the instructions if participants bring it",
    ]
    assert run_cli("validate", "--strict", root).code == 1
    program = load_program(root)
    rows = {row.name: row for row in materials(program)}
    assert rows["a visible timer"].kind == "other"
    plan = preparation(program, gettext("en"))
    assert "Read Greenleaf's essay. (Serve first)" in plan["one-week"]


def test_tasks_go_under_their_horizon(write_files: Write) -> None:
    root = write_files(
        {
            "modules/serve-first.yml": MODULE.replace(
                "    - task: Read Greenleaf's essay, or at least its opening pages.\n"
                "      horizon: one-week\n",
                "    - task: After the session, leave the cards up for the rest of the day.\n"
                "      horizon: on-the-day\n"
                "    - task: Send the thank-you note.\n"
                "      horizon: after\n",
            )
        }
    )
    plan = preparation(load_program(root), gettext("en"))
    assert (
        "After the session, leave the cards up for the rest of the day. (Serve first)"
        in (plan["on-the-day"])
    )
    assert "Send the thank-you note. (Serve first)" in plan["after"]
    assert not any("leave the cards" in task for task in plan["after"])
    assert (
        "Print the two pyramids on a flipchart sheet, one of them upside down. (Serve first)"
        in (plan["day-before"])
    )


def test_a_horizon_outside_the_five_is_a_located_error(write_files: Write) -> None:
    root = write_files(
        {"modules/serve-first.yml": MODULE.replace("horizon: one-week", "horizon: next-month")}
    )
    result = run_cli("validate", root)
    assert result.code == 1
    assert (
        "modules/serve-first.yml:124: facilitator.preparation[1].horizon: expected "
        "'two-weeks', 'one-week', 'day-before', 'on-the-day' or 'after', got 'next-month'"
    ) in result.err


# SF301: implausible material quantities.


def test_sf601_finds_implausible_quantities(write_files: Write) -> None:
    root = write_files(
        {
            "exercises/listening-pairs.yml": EXERCISE.replace(
                REFS,
                "materials: [{item: pen, quantity: 0}, {item: sticky-notes, per: person, "
                "quantity: 60}, {item: timer, quantity: 400}]",
            ),
            "modules/serve-first.yml": MODULE.replace(
                "    materials: [pyramid-sheet]\n",
                "    materials: [pyramid-sheet, {item: markers, per: group}]\n",
            ),
        }
    )
    assert sorted(sf601(load_program(root))) == sorted(
        [
            "modules/serve-first.yml:56: segments[0].materials[1]: SF601 'markers' is counted per "
            "group, but this segment runs no exercise with a group size, so it is counted per "
            "table; say per: table or per: room, or run it in an exercise with a group size",
            "exercises/listening-pairs.yml:9: materials[0]: SF601 'pen': quantity 0 per person "
            "means none is needed; give at least 1, or remove it",
            "exercises/listening-pairs.yml:9: materials[1]: SF601 'sticky-notes': 60 per person is "
            "implausible; give at most 50 per person, or count it per room",
        ]
    )


def test_sf601_is_quiet_on_plausible_quantities(basic: Path) -> None:
    assert sf601(load_program(basic)) == []


def test_sf601_names_the_day_kit_in_mkdocs_yml(write_files: Write) -> None:
    kit = "      materials: [{item: name-cards, quantity: 0}]\n"
    root = write_files({"mkdocs.yml": CONFIG + kit})
    assert sf601(load_program(root)) == [
        "mkdocs.yml:30: materials[0]: SF601 'name-cards': quantity 0 per person means none is "
        "needed; give at least 1, or remove it"
    ]


@pytest.mark.parametrize("folder", [".", "programs/half-day", "programs/two-day"])
def test_the_default_programs_use_only_catalogue_references(folder: str) -> None:
    program = load_program(REPO / folder)
    assert [w for w in program.warnings if "materials" in w.field or "preparation" in w.field] == []
    assert sf601(program) == []
    assert all(row.kind != "other" for row in materials(program))


def test_terminology_rewords_material_names_but_never_an_id(tmp_path: Path) -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    shutil.copytree(REPO / "modules", tmp_path / "modules")
    shutil.copytree(REPO / "exercises", tmp_path / "exercises")
    (tmp_path / "mkdocs.yml").write_text(
        config.replace(
            "        group_size: 16\n",
            "        group_size: 16\n        terminology: {customer: patient}\n",
        ),
        encoding="utf-8",
    )
    program = load_program(tmp_path)
    rows = {row.key: row for row in materials(program)}
    assert rows["flipchart-week-count"].name == "Flipchart headed: Our patients in a week"
    assert all(row.kind != "other" for row in rows.values())


def test_diff_lists_the_programs_own_catalogue_items(write_files: Write) -> None:
    root = write_files(
        {"mkdocs.yml": CONFIG + "        timer: {name: Egg timer, kind: equipment}\n"}
    )
    result = run_cli("diff", root)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "override  material timer: name" in lines
    assert "add       material pyramid-sheet" in lines
    assert "add       material reflection-card" in lines
