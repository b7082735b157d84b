"""Every fixed label comes from the catalogue; a second language changes the outputs."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from pypdf import PdfReader

from generator.i18n import catalogue
from generator.model.exercise import Exercise
from generator.model.module import Segment
from generator.render import logistics, pdf

from .conftest import copy_fixture, run_cli

TEMPLATES = Path(str(files("generator") / "templates" / "pdf"))
MSGID = re.compile(r"""_\(\s*"((?:[^"\\]|\\.)*)"\s*[,)]""")


def template_labels() -> set[str]:
    found: set[str] = set()
    for path in TEMPLATES.rglob("*.j2"):
        found |= {m.replace("\\'", "'") for m in MSGID.findall(path.read_text(encoding="utf-8"))}
    return found


def python_labels() -> set[str]:
    labels = set(logistics.HORIZONS.values())
    labels |= {task for tasks in logistics.STANDARD_TASKS.values() for task in tasks}
    labels |= set(pdf.REACTION_ITEMS) | set(pdf.OPEN_QUESTIONS)
    labels |= set(Exercise.model_fields["format"].annotation.__args__)  # type: ignore[union-attr]
    labels |= set(Segment.model_fields["method"].annotation.__args__)  # type: ignore[union-attr]
    labels |= {"Participant workbook", "Facilitator guide", "Preparation checklist", "Materials"}
    labels |= {"Room set-up", "Appendix: end-of-day evaluation", "Sources", "The day at a glance"}
    return labels


def test_templates_write_no_label_outside_the_catalogue() -> None:
    assert len(template_labels()) > 60
    missing = (template_labels() | python_labels()) - set(catalogue("es"))
    assert missing == set()


def test_spanish_changes_labels_and_dates(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        audience: Team leaders\n",
            "        audience: Team leaders\n        language: es\n",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run_cli("build", root, "--out", out, "--no-site").code == 0
    workbook = " ".join(
        p.extract_text() for p in PdfReader(out / "pdf/participant-workbook.pdf").pages
    )
    guide = " ".join(p.extract_text() for p in PdfReader(out / "pdf/facilitator-guide.pdf").pages)
    assert "Ideas clave" in workbook and "Key ideas" not in workbook
    assert "Cuaderno del participante".upper() in workbook.upper()
    assert re.search(r"\d+ de [a-z]+ de \d{4}", workbook)
    assert "Cuaderno p." in guide and "Workbook p." not in guide
    assert "Guion de la sesión" in guide and "9:10" in guide
