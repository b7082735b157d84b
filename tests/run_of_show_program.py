"""Program folders for the run-of-show tests: the basic fixture with a tight day.

The basic fixture's one module runs 09:00-10:00 (segments of 10, 15, 15, 15 and 5
minutes), then a 15-minute break, so the day ends at 10:15. Here it must finish by 10:20
and its title and break name are in other scripts. With ``cuts``, two segments are on the
running-late list: the case (saves 10 minutes, cut first) and the listening pairs (saves
5, cut second).
"""

from __future__ import annotations

from pathlib import Path

from .conftest import copy_fixture

TITLE = "服务第一 Serve First — خدمة"
BREAK = "Chai ☕ चाय"
CASE_CUT = "Tell the story yourself in two minutes; take **one** question."
PAIRS_CUT = "One round of listening instead of two."


def tight_program(target: Path, *, cuts: bool, name: str = "basic") -> Path:
    """A copy of the basic fixture under ``target`` with the day finishing by 10:20."""
    root = copy_fixture("basic", target)
    if name != "basic":
        root = root.rename(target / name)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace('finish_by: "12:00"', 'finish_by: "10:20"')
    text = text.replace("title: Basic fixture", f'title: "{TITLE}"')
    text = text.replace("- break: Coffee", f'- break: "{BREAK}"')
    config.write_text(text, encoding="utf-8")
    module = root / "modules" / "serve-first.yml"
    text = module.read_text(encoding="utf-8")
    assert text.count(FIXTURE_CUT) == 1, "the basic fixture's own cut, on the case segment"
    if not cuts:
        module.write_text(text.replace(FIXTURE_CUT, "}\n"), encoding="utf-8")
    else:
        case_cut = f'if_late: {{saves: 10, how: "{CASE_CUT}", order: 1}}'
        text = text.replace(FIXTURE_CUT, f",\n      {case_cut}}}\n")
        text = _after(
            text,
            "      do: [Pair people who do not work together.]\n",
            f'      if_late: {{saves: 5, how: "{PAIRS_CUT}", order: 2}}\n',
        )
        module.write_text(text, encoding="utf-8")
    return root


FIXTURE_CUT = (
    ',\n      if_late: {saves: 5, how: "Take one question for the whole room, not one per '
    'table.", order: 1}}\n'
)


def _after(text: str, anchor: str, line: str) -> str:
    assert text.count(anchor) == 1, anchor
    return text.replace(anchor, anchor + line)
