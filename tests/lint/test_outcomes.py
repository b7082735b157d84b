"""SF102 outcome-never-evaluated, the links from module objectives to program outcomes,
and the end-of-day evaluation generated from them (read back from the guide)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.errors import ContentError
from generator.loader import load_program

from ..conftest import copy_fixture, run_cli
from .conftest import Write, findings, module

OUTCOMES = [
    {"id": "listen", "statement": "listen before I lead, 先听"},
    {"id": "follow-up", "statement": "follow up on a plan for три months"},
]


def test_an_outcome_no_objective_links_to(write: Write) -> None:
    root = write(modules=[module(outcomes={"listen": [1]})], program={"outcomes": OUTCOMES})
    assert [str(p) for p in findings(root, "SF102")] == [
        "mkdocs.yml:18: program.outcomes[1]: outcome 'follow-up' is linked to no objective "
        "of a planned module, so the end-of-day evaluation does not ask about it; link it "
        "from the outcomes of the module whose objectives lead to it, or drop it"
    ]


def test_every_outcome_linked(write: Write) -> None:
    root = write(
        modules=[module(outcomes={"listen": [1], "follow-up": [1]})],
        program={"outcomes": OUTCOMES},
    )
    assert findings(root, "SF102") == []


def test_a_link_to_an_unknown_outcome_or_objective(write: Write) -> None:
    root = write(
        modules=[module(outcomes={"listening": [1], "listen": [4]})],
        program={"outcomes": OUTCOMES},
    )
    with pytest.raises(ContentError) as caught:
        load_program(root)
    assert [str(p) for p in caught.value.problems] == [
        "modules/listening.yml:23: outcomes.listening: no program outcome 'listening' "
        "(program.outcomes: listen, follow-up); add it to program.outcomes in mkdocs.yml, "
        "or correct the id",
        "modules/listening.yml:26: outcomes.listen[0]: there is no objective 4: the module "
        "has 1; give the objective's number (the first is 1)",
    ]


def test_an_outcome_id_given_twice(write: Write) -> None:
    """Modules link to an outcome by id: a second outcome with the same id is refused at
    its own line, naming the line of the first."""
    twice = [*OUTCOMES, {"id": "listen", "statement": "слушать, then lead 🙂"}]
    root = write(modules=[module(outcomes={"listen": [1]})], program={"outcomes": twice})
    with pytest.raises(ContentError) as caught:
        load_program(root)
    assert [str(p) for p in caught.value.problems] == [
        "mkdocs.yml:20: program.outcomes[2].id: duplicate outcome id 'listen', also on line "
        "16; give each outcome its own id"
    ]


def test_the_evaluation_rates_each_linked_outcome(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "        audience: Team leaders\n",
            "        audience: Team leaders\n        outcomes:\n"
            "          - {id: listen, statement: 'listen before I lead, 先听'}\n"
            "          - {id: unused, statement: 'juggle seven plates'}\n",
        ),
        encoding="utf-8",
    )
    module_file = root / "modules" / "serve-first.yml"
    text = module_file.read_text(encoding="utf-8")
    module_file.write_text(
        text.replace("\nprinciples:", "\noutcomes: {listen: [1, 3]}\nprinciples:", 1),
        encoding="utf-8",
    )
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-site", "--no-slides")
    assert result.code == 0, result.err
    assert "SF102 outcome 'unused'" in run_cli("validate", root).err
    pages = [
        " ".join(p.extract_text().split())
        for p in PdfReader(tmp_path / "out" / "pdf" / "facilitator-guide.pdf").pages
    ]
    evaluation = next(
        p for p in pages if "Appendix: end-of-day evaluation" in p and "I can now" in p
    )
    after = evaluation[evaluation.index("I can now") :]
    assert "listen before I lead, 先听" in after
    assert "juggle seven plates" not in after
    assert "Explain in two sentences" not in after  # no longer the first objective


def test_a_program_without_outcomes_ignores_the_links(write: Write) -> None:
    root = write(modules=[module(outcomes={"listening": [1]})])
    assert load_program(root).warnings == []
