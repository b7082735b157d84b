"""Citations: a work that names no author is cited by its title, as APA does."""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_program
from generator.model.base import Source

REPO = Path(__file__).resolve().parent.parent


def test_a_work_without_an_author_starts_with_its_title() -> None:
    anonymous = Source(title="工作与服务: как руководить", publisher="Ежедневник")
    assert anonymous.citation() == "工作与服务: как руководить. (n.d.). Ежедневник."
    named = Source(author="Greenleaf, R. K.", year=1970, title="The Servant as Leader")
    assert named.citation() == "Greenleaf, R. K. (1970). The Servant as Leader."


def test_the_default_program_cites_no_placeholder_author() -> None:
    program = load_program(REPO)
    sources = [s for m in program.modules for s in m.sources]
    sources += [s for c in program.cases.values() for s in c.sources]
    authors = [s.author for s in sources]
    assert None in authors, "the unsigned seed articles are cited by title"
    assert not [a for a in authors if a and "not named" in a.lower()]
