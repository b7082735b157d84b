from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from ..conftest import Built

GUIDE_ONLY = "charismatic founder"


def test_home_links_every_module(basic_build: Built) -> None:
    home = BeautifulSoup(
        (basic_build.site / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    links = {a["href"] for a in home.select("article a[href]")}
    assert "modules/serve-first.html" in links
    page = basic_build.site / "modules/serve-first.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.h1 is not None
    assert soup.h1.get_text(strip=True).startswith("Serve first: what servant leadership is")


def test_no_site_file_contains_facilitator_text(basic_build: Built) -> None:
    for path in basic_build.site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml"}:
            assert GUIDE_ONLY not in path.read_text(encoding="utf-8"), path


def test_search_index_has_the_module(basic_build: Built) -> None:
    index = (basic_build.site / "search/search_index.json").read_text(encoding="utf-8")
    assert "Serve first: what servant leadership is" in index


def test_mkdocs_build_strict_in_the_program_folder(basic: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s")],
        cwd=basic,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s/modules/serve-first.html").is_file()


def test_mkdocs_build_reports_content_errors_without_traceback(basic: Path, tmp_path: Path) -> None:
    (basic / "exercises/listening-pairs.yml").write_text("", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "s")],
        cwd=basic,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "exercises/listening-pairs.yml:1: file is empty" in done.stderr
    assert "Traceback" not in done.stderr


def test_glossary_comes_from_the_modules_the_program_names() -> None:
    from generator.loader import load_program
    from generator.model.participant import participant_view
    from generator.render.site import abbreviations, glossary

    from ..conftest import REPO

    view = participant_view(load_program(REPO))
    assert view.config.glossary == ["ten-characteristics"]
    chosen = glossary(view)
    assert {e.module.id for e in chosen} == {"ten-characteristics"}
    assert [e.term for e in chosen][:3] == ["Listening", "Empathy", "Healing"]
    assert len(chosen) == 10
    assert "Serve first, then lead" not in abbreviations(chosen)

    every = view.model_copy(update={"config": view.config.model_copy(update={"glossary": []})})
    everything = glossary(every)
    assert everything[0].module.id == "why-leadership-matters"  # program order
    assert {e.module.id for e in everything} == {m.id for m in view.modules}
    assert "Serve first, then lead" in abbreviations(everything)

    two = view.model_copy(
        update={
            "config": view.config.model_copy(
                update={"glossary": ["making-it-stick", "serve-first"]}
            )
        }
    )
    assert glossary(two)[0].module.id == "serve-first"  # still program order
    assert {e.module.id for e in glossary(two)} == {"serve-first", "making-it-stick"}
