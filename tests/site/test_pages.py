"""The handbook's pages, read back from a real build: libraries, glossary, downloads, offline."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.loader import load_program
from generator.model.participant import participant_view
from generator.model.program import PluginConfig
from generator.plugin import ServeFirstPlugin, ServeFirstPluginConfig
from generator.render.site import glossary

from ..canary import make_canary
from ..conftest import FIXTURES, REPO, Built
from ..test_canary import MARKER


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def mkdocs_build(folder: Path, site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *extra, "--site-dir", str(site)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_navigation_follows_the_program(basic_build: Built) -> None:
    nav = soup(basic_build.site / "index.html").select("nav.md-nav--primary a.md-nav__link")
    titles = [" ".join(a.get_text().split()) for a in nav]
    expected = ["Home", "Agenda", "Serve first: what servant leadership is", "Case library"]
    assert [t for t in titles if t in expected] == expected
    assert titles[-4:] == ["Exercise library", "Glossary", "Sources", "Downloads"]


def test_downloads_page_links_the_workbook_of_the_same_build(basic_build: Built) -> None:
    page = soup(basic_build.site / "downloads.html")
    link = page.select_one("article a.md-button[href]")
    assert link is not None
    assert link["href"] == "downloads/participant-workbook.pdf"
    pages = len(PdfReader(basic_build.workbook).pages)
    assert f"{pages} pages" in link.get_text()
    copied = basic_build.site / "downloads/participant-workbook.pdf"
    assert copied.read_bytes() == basic_build.workbook.read_bytes()


def test_plain_mkdocs_build_renders_its_own_workbook(basic: Path, tmp_path: Path) -> None:
    done = mkdocs_build(basic, tmp_path / "s", "--strict")
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "s/downloads/participant-workbook.pdf"
    assert len(PdfReader(pdf).pages) > 1
    text = PdfReader(pdf).pages[0].extract_text()
    assert "participant workbook" in text.lower()


def test_glossary_terms_are_listed_and_unmarked_where_they_are_defined(
    basic_build: Built,
) -> None:
    entries = glossary(participant_view(load_program(basic_build.root)))
    assert [e.term for e in entries] == ["Serve first, then lead", "The pyramid turned upside down"]
    tooltips = {e.term: e.tooltip for e in entries}
    assert tooltips["Serve first, then lead"].startswith("Greenleaf’s starting point is motive.")
    page = soup(basic_build.site / "glossary.html")
    assert {dt.get_text(strip=True) for dt in page.select("article dt")} == set(tooltips)
    assert page.select("article abbr") == [], "the glossary page itself marks no term"
    module = soup(basic_build.site / "modules/serve-first.html")
    headings = {h.get_text(strip=True).rstrip("¶"): h for h in module.select("article h3")}
    for term in tooltips:  # each term's own heading and definition: no marks
        assert headings[term].select("abbr") == []
    assert module.select("article abbr") == []  # the fixture uses the terms nowhere else


def test_case_library_and_exercise_library(basic_build: Built) -> None:
    cases = soup(basic_build.site / "cases.html")
    heading = cases.select_one("article h2#southwest-airlines")
    assert heading is not None and "Southwest Airlines" in heading.get_text()
    # Prose has typographic apostrophes in every output (smarty, see markdown_config).
    assert "Which of your own team’s rules" in cases.get_text()
    exercises = soup(basic_build.site / "exercises.html")
    ids = [h2["id"] for h2 in exercises.select("article h2[id]")]
    assert ids == ["leader-first-or-servant-first", "listening-pairs"]
    for page in (exercises, soup(basic_build.site / "modules/serve-first.html")):
        tabs = page.select(".admonition.activity .tabbed-labels label")
        assert [t.get_text(strip=True) for t in tabs] == ["In the room", "Online"]
        assert page.select(".admonition.activity"), "activities are callouts"
    module = soup(basic_build.site / "modules/serve-first.html")
    assert module.select_one(".admonition.reflection") is not None


def test_the_site_never_asks_for_anything_outside_itself(basic_build: Built) -> None:
    external = re.compile(r"^(?:[a-z]+:)?//", re.IGNORECASE)
    for path in basic_build.site.rglob("*.html"):
        page = soup(path)
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
        ):
            for element in page.find_all(tag):
                value = str(element.get(attribute) or "")
                assert not external.match(value), f"{path.name}: <{tag} {attribute}={value}>"
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8")
    for path in basic_build.site.rglob("*.css"):
        css = path.read_text(encoding="utf-8")
        assert "@import" not in css, path
        assert not re.search(r"url\(\s*['\"]?(?:[a-z]+:)?//", css), path
    assert (basic_build.site / "search/search_index.js").is_file()  # search from file://
    fonts = sorted(p.name for p in (basic_build.site / "assets/servefirst/fonts").iterdir())
    assert fonts == [
        "Lato-Bold.woff2",
        "Lato-BoldItalic.woff2",
        "Lato-Italic.woff2",
        "Lato-Regular.woff2",
    ]
    # `servefirst build` keeps the subsets in the per-user cache, for every later build.
    (cached,) = (Path(os.environ["SERVEFIRST_CACHE"]) / "fonts").iterdir()
    for name in fonts:
        site_font = basic_build.site / "assets/servefirst/fonts" / name
        assert (cached / name).read_bytes() == site_font.read_bytes()


def test_branding_colour_makes_the_palette(basic: Path, tmp_path: Path) -> None:
    config = basic / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "        audience: Team leaders\n",
        '        audience: Team leaders\n        branding: {colour: "#ffcc00"}\n',
    )
    config.write_text(text, encoding="utf-8")
    done = mkdocs_build(basic, tmp_path / "s", "--strict")
    assert done.returncode == 0, done.stderr
    css = (tmp_path / "s/assets/servefirst/branding.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #ffcc00;" in css
    assert "--md-primary-bg-color: #000000;" in css  # dark text on a light brand colour
    body = soup(tmp_path / "s/index.html").body
    assert body is not None
    assert body["data-md-color-primary"] == "custom"
    schemes = {
        i["data-md-color-scheme"]
        for i in soup(tmp_path / "s/index.html").select("input[data-md-color-scheme]")
    }
    assert {"default", "slate"} <= schemes
    assert (
        'style="'
        not in (tmp_path / "s/index.html")
        .read_text(encoding="utf-8")
        .split('<article class="md-content__inner md-typeset">')[1]
        .split("</article>")[0]
    )


def test_default_program_builds_strict(tmp_path: Path) -> None:
    done = mkdocs_build(REPO, tmp_path / "s", "--strict")
    assert done.returncode == 0, done.stderr
    # program.glossary: [ten-characteristics] makes the glossary and the tooltips.
    page = soup(tmp_path / "s/glossary.html")
    assert [h2["id"] for h2 in page.select("article h2[id]")] == ["ten-characteristics"]
    assert len(page.select("article dt")) == 10
    serve_first = soup(tmp_path / "s/modules/serve-first.html")
    tooltips = {abbr.get_text() for abbr in serve_first.select("article abbr[title]")}
    assert "Serve first, then lead" not in tooltips  # a principle, but not a glossary term
    assert (tmp_path / ".servefirst-cache/fonts").is_dir()  # beside the site, not in the repo


def test_hand_written_pages_join_the_navigation(basic: Path, tmp_path: Path) -> None:
    (basic / "docs/venue.md").write_text("# Getting to the venue\n\nTake the 8:10 train.\n")
    done = mkdocs_build(basic, tmp_path / "s", "--strict")
    assert done.returncode == 0, done.stderr
    nav = soup(tmp_path / "s/index.html").select("nav.md-nav--primary a.md-nav__link")
    titles = [" ".join(a.get_text().split()) for a in nav]
    assert titles[-2:] == ["Downloads", "Getting to the venue"]


def test_virtual_delivery_puts_the_online_steps_first(basic: Path, tmp_path: Path) -> None:
    config = basic / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "        audience: Team leaders\n",
            "        audience: Team leaders\n        delivery: virtual\n",
        ),
        encoding="utf-8",
    )
    done = mkdocs_build(basic, tmp_path / "s", "--strict")
    assert done.returncode == 0, done.stderr
    tabs = soup(tmp_path / "s/modules/serve-first.html").select(".tabbed-labels label")
    assert [t.get_text(strip=True) for t in tabs] == ["Online", "In the room"]


def test_the_plugin_holds_only_the_participant_view(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    canary = make_canary(FIXTURES / "basic", tmp_path / "program")
    config = load_config(str(canary.root / "mkdocs.yml"), site_dir=str(tmp_path / "s"))
    build(config)
    plugin = next(p for p in config.plugins.values() if isinstance(p, ServeFirstPlugin))
    assert plugin.view is not None
    held = repr(vars(plugin)) + plugin.view.model_dump_json() + repr(config.mdx_configs)
    assert canary.public & set(MARKER.findall(held))
    assert not canary.facilitator & set(MARKER.findall(held))


def test_plugin_options_are_the_models_options() -> None:
    """MkDocs warns about (and strict mode fails on) options its schema does not know."""
    assert {name for name, _ in ServeFirstPluginConfig._schema} == set(PluginConfig.model_fields)
