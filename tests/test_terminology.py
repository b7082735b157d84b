"""Terminology with judgement: instruction and program metadata are reworded; quotations,
case stories, proper nouns, sources and opted-out fields are not."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.errors import ContentError
from generator.loader import load_program

from .conftest import REPO, run_cli
from .images import png

Write = Callable[[dict[str, str | bytes]], Path]


def _text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.get_text(" ", strip=True).split())


def test_default_program_as_patients(tmp_path: Path) -> None:
    root = tmp_path / "病院 program"
    for name in ("modules", "exercises", "docs"):
        shutil.copytree(REPO / name, root / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "        glossary:", "        terminology: {customer: patient}\n        glossary:"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    program = load_program(root)
    assert program.config.audience == (
        "Team leaders, supervisors and managers of patient-facing teams"
    )
    assert program.config.subtitle == "Servant leadership for patient-centric teams"
    sas = program.cases["sas-moments-of-truth"]
    story = " ".join(sas.story.split())
    assert "SAS carried about ten million customers a year" in story
    assert (
        "\"If you're not taking care of the customer, your job is to be taking care of "
        'someone who is."'
    ) in story
    quoted = '"Think of the last time you were served really well as a customer'
    served = str(program.module("servant-leader-in-cx").model_dump())
    assert quoted in " ".join(served.split())
    out = tmp_path / "out"
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 0, result.err
    home = _text(out / "site/index.html")
    assert "managers of patient-facing teams" in home
    cases = _text(out / "site/cases.html")
    assert "SAS carried about ten million customers a year" in cases
    # the site prints typographic quotes (smarty): the apostrophe is curly
    assert "If you’re not taking care of the customer, your job is" in cases
    assert "ten million patients" not in cases


def _basic(write_files: Write, keep: str = "") -> Path:
    root = write_files({})
    module = (root / "modules/serve-first.yml").read_text(encoding="utf-8")
    module = module.replace(
        "    explanation: >-\n      In the traditional picture",
        "    explanation: |-\n      > Put the customer first, always.\n\n"
        "      Customers first: that is “the customer's day”, ‘not the customer's”.\n\n"
        "      In the traditional picture",
    )
    module = module.replace(
        "      - Removes an obstacle the team has complained about for months.",
        "      - Visits the Customer Care Centre to listen to customers.",
    )
    (root / "modules/serve-first.yml").write_text(module, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "        audience: Team leaders\n",
        "        audience: Leaders of customer teams\n"
        "        subtitle: For customer-facing teams\n"
        "        terminology: {customer: client}\n" + keep,
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def test_quotes_and_proper_nouns_keep_their_words(write_files: Write) -> None:
    program = load_program(_basic(write_files))
    module = program.module("serve-first")
    explanation = module.principles[1].explanation
    assert explanation.startswith(
        "> Put the customer first, always.\n\n"
        "Clients first: that is “the customer's day”, ‘not the client's”."
    )
    assert "clients at the top" in explanation
    assert (
        "Visits the Customer Care Centre to listen to clients." in module.principles[1].behaviours
    )
    assert "serve the customer well?" in module.summary  # inside "..."
    assert program.config.audience == "Leaders of client teams"
    assert program.config.subtitle == "For client-facing teams"
    assert (
        program.cases["southwest-airlines"].sources
        == load_program(write_files({})).cases["southwest-airlines"].sources
    )


def test_fields_opted_out(write_files: Write) -> None:
    keep = (
        "        terminology_keep: [serve-first.principles.behaviours, program.audience,"
        " southwest-airlines]\n"
    )
    program = load_program(_basic(write_files, keep))
    module = program.module("serve-first")
    assert "Spends time where customers are served, to learn rather than to inspect." in (
        module.principles[1].behaviours
    )
    assert "clients at the top" in module.principles[1].explanation
    assert program.config.audience == "Leaders of customer teams"
    assert program.config.subtitle == "For client-facing teams"


def test_an_opt_out_that_names_nothing_is_a_located_error(write_files: Write) -> None:
    keep = "        terminology_keep: [serve-frist.summary, serve-first.sumary]\n"
    with pytest.raises(ContentError) as caught:
        load_program(_basic(write_files, keep))
    assert [str(p) for p in caught.value.problems] == [
        f"mkdocs.yml:21: program.terminology_keep[{i}]: '{entry}' names no module, case or "
        "exercise of the program, or no field of it; write an id, or an id and a field such "
        "as serve-first.summary"
        for i, entry in enumerate(["serve-frist.summary", "serve-first.sumary"])
    ]


LINKS_AND_SINGLE_QUOTES = (
    "Open the [customer portal](https://example.com/portal) and the [customer list][list].\n"
    "      Never say ‘my customers’ or 'my customers', nor ‘наши customers’.\n"
    "      The customer's view, the customers' needs and the team’s customers: all reworded.\n"
    "      ![A customer at the desk](photo.png) is reworded too (alternative text).\n\n"
    "      [list]: https://example.com/list\n\n"
    "      In the traditional picture"
)
REWORDED = (
    "Open the [customer portal](https://example.com/portal) and the [customer list][list]. "
    "Never say ‘my customers’ or 'my customers', nor ‘наши customers’. "
    "The пациент's view, the пациенты' needs and the team’s пациенты: all reworded. "
    "![A пациент at the desk](photo.png) is reworded too (alternative text)."
)


def test_link_text_and_single_quoted_spans_keep_their_words(write_files: Write) -> None:
    root = write_files({})
    module = (root / "modules/serve-first.yml").read_text(encoding="utf-8")
    module = module.replace(
        "    explanation: >-\n      In the traditional picture",
        f"    explanation: |-\n      {LINKS_AND_SINGLE_QUOTES}",
    )
    (root / "modules/serve-first.yml").write_text(module, encoding="utf-8")
    (root / "photo.png").write_bytes(png())
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "        audience: Team leaders\n",
        "        audience: Team leaders\n"
        "        terminology: {customer: {singular: пациент, plural: пациенты}}\n",
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    explanation = load_program(root).module("serve-first").principles[1].explanation
    first = explanation.split("\n\n")[0]
    assert " ".join(first.split()) == REWORDED
