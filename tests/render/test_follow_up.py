"""The action plan's 30/60/90-day follow-up (a ``follow_up`` worksheet field): a row per
program outcome the day serves, or each module's first objective without outcomes, read
back from the workbook PDF and the handbook site."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from pypdf import PdfReader

from ..conftest import copy_fixture, run_cli

LABEL = "Мой план на 30/60/90 дней: 我的跟进"
FIELD = f"  - kind: follow_up\n    label: '{LABEL}'\n"


def _program(tmp_path: Path, outcomes: bool) -> Path:
    root = copy_fixture("basic", tmp_path)
    exercise = root / "exercises" / "listening-pairs.yml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("worksheet:\n", "worksheet:\n" + FIELD, 1), encoding="utf-8")
    if outcomes:
        config = root / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace(
                "        audience: Team leaders\n",
                "        audience: Team leaders\n        outcomes:\n"
                "          - {id: listen, statement: 'listen before I lead, 先听 🎧'}\n"
                "          - {id: unused, statement: 'juggle seven plates'}\n",
            ),
            encoding="utf-8",
        )
        module = root / "modules" / "serve-first.yml"
        module.write_text(
            module.read_text(encoding="utf-8").replace(
                "\nprinciples:", "\noutcomes: {listen: [1]}\nprinciples:", 1
            ),
            encoding="utf-8",
        )
    return root


def _follow_up_page(pdf: Path) -> str:
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages]
    found = [p for p in pages if "At 30 days" in p]
    assert len(found) == 1, "the follow-up table is on one page"
    return found[0]


def test_the_follow_up_has_a_row_per_linked_outcome(tmp_path: Path) -> None:
    root = _program(tmp_path, outcomes=True)
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-slides")
    assert result.code == 0, result.err
    page = _follow_up_page(tmp_path / "out" / "pdf" / "participant-workbook.pdf")
    assert LABEL in page
    assert "Outcome At 30 days At 60 days At 90 days" in page
    assert "listenbeforeIlead,先听🎧" in page.replace(" ", "")  # wrapped in a narrow cell
    assert "juggle seven plates" not in page  # linked to no objective: not followed up
    # Writing space at each checkpoint: what I will have done, how I will know.
    assert page.count("What I will have done") == 3
    assert page.count("How I will know") == 3

    html = (tmp_path / "out" / "site" / "exercises.html").read_text(encoding="utf-8")
    tables = [t for t in BeautifulSoup(html, "html.parser").find_all("table")]
    (follow_up,) = [t for t in tables if "listen before I lead" in t.get_text()]
    heads = [th.get_text(" ", strip=True) for th in follow_up.find_all("th")]
    assert "listen before I lead, 先听 🎧" in heads  # a row per linked outcome
    assert sum("30" in h or "60" in h or "90" in h for h in heads) == 3  # one column each
    assert "juggle seven plates" not in follow_up.get_text()


def test_without_outcomes_each_module_first_objective(tmp_path: Path) -> None:
    root = _program(tmp_path, outcomes=False)
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-slides", "--no-site")
    assert result.code == 0, result.err
    page = _follow_up_page(tmp_path / "out" / "pdf" / "participant-workbook.pdf")
    assert "Explain in two sentences the difference between a servant-first" in page
    assert "Identify three everyday behaviours" not in page  # only the first objective
    assert page.count("How I will know") == 3
