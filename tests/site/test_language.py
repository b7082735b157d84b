"""A program owner's handbook: Spanish labels everywhere, and their logo in the header.

One build of the basic fixture with ``language: es`` and ``branding.logo``, read back as
HTML and opened in the real browser (from ``file://`` and over HTTP).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.i18n import catalogue

from ..conftest import Built, copy_fixture
from ..test_i18n import site_labels
from .conftest import serve_folder
from .test_browser import DESKTOP, PHONE, Watch
from .test_pages import mkdocs_build, soup

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10" fill="#fff"/></svg>\n'
# Where pages show fixed labels: headings, callout titles, tabs, table heads, meta lines.
LABEL_PLACES = (
    "nav.md-nav--primary .md-nav__link, article h1, article h2, article h3, "
    ".admonition-title, details > summary, .tabbed-labels label, th, article strong, "
    "article small, article p > em, a.md-button, .md-footer"
)
WORD = r"(?<![\w-]){}(?![\w-])"


@pytest.fixture(scope="module")
def spanish_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("spanish")
    root = copy_fixture("basic", base)
    (root / "brand").mkdir()
    (root / "brand/logo.svg").write_text(LOGO, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        audience: Team leaders\n",
            "        audience: Team leaders\n"
            "        language: es\n"
            "        branding: {logo: brand/logo.svg}\n",
        ),
        encoding="utf-8",
    )
    out = base / "out"
    done = mkdocs_build(root, out / "site", "--strict")
    assert done.returncode == 0, done.stderr
    return Built(root, out)


def english_fragments() -> set[str]:
    """The English words of every site label that Spanish writes differently.

    Placeholders and link targets are cut out, so "Module %(number)s of %(total)s" gives
    "Module" and "of"; words shorter than four letters are left out ("of", "the").
    """
    spanish = catalogue("es")
    fragments: set[str] = set()
    for label in site_labels():
        translation = spanish.get(label, "")
        if translation == label:
            continue  # "Agenda" is Spanish too
        text = re.sub(r"%\(\w+\)s|\{\w+\}|\]\([^)]*\)|[\[\]*]", "\n", label)
        for part in text.split("\n"):
            part = part.strip(" .,:;()")
            if len(part) >= 4 and part not in translation:
                fragments.add(part)
    return fragments


def test_spanish_labels_on_every_page(spanish_build: Built) -> None:
    site = spanish_build.site
    module = soup(site / "modules/serve-first.html")
    html = module.find("html")
    assert html is not None and html["lang"] == "es"
    headings = [h2.get_text(strip=True).rstrip("¶") for h2 in module.select("article h2[id]")]
    assert headings[:2] == [
        "Lo que podrás hacer",
        "Ideas clave",
    ]
    assert module.select_one("h2#key-ideas") is not None, "anchors stay the same in every language"
    header = module.select_one("article h1 + p em")
    assert header is not None and header.get_text() == "Módulo 1 de 1 · 9:00–10:00 · 60 minutos"
    tabs = [t.get_text(strip=True) for t in module.select(".tabbed-labels label")]
    assert tabs == ["En la sala", "En línea"]
    assert "Caso: Employees first" in module.get_text()
    assert {a["title"] for a in module.select("a.headerlink")} == {"Enlace permanente"}

    home = soup(site / "index.html")
    nav = [
        " ".join(a.get_text().split()) for a in home.select("nav.md-nav--primary a.md-nav__link")
    ]
    assert nav[0] == "Inicio" and nav[-4:] == [
        "Biblioteca de actividades",
        "Glosario",
        "Fuentes",
        "Descargas",
    ]
    skip = home.select_one("a.md-skip")
    assert skip is not None and skip.get_text(strip=True) == "Saltar a contenido"  # Material's own
    search = home.select_one("input.md-search__input")
    assert search is not None and search["placeholder"] == "Búsqueda"
    toggles = {label["title"] for label in home.select("form[data-md-component=palette] label")}
    assert toggles == {"Cambiar al modo oscuro", "Cambiar al modo claro"}
    agenda = soup(site / "agenda.html").get_text()
    assert "9:00–10:00" in agenda and "Hora" in agenda
    button = soup(site / "downloads.html").select_one("a.md-button")
    assert button is not None and re.fullmatch(
        r"Cuaderno del participante \(PDF, \d+ páginas, \d+ kB\)", button.get_text()
    )
    assert '"lang":["es"]' in (site / "search/search_index.json").read_text(encoding="utf-8")


def test_no_english_label_is_left(spanish_build: Built) -> None:
    fragments = english_fragments()
    assert {"Key ideas", "In the room", "Case library", "Switch to dark mode"} <= fragments
    long_ones = [f for f in fragments if len(f) >= 12 and " " in f]
    left: dict[str, set[str]] = {}
    for path in spanish_build.site.rglob("*.html"):
        page = soup(path)
        attributes = " ".join(
            str(tag.get(name))
            for tag in page.find_all(True)
            for name in ("title", "aria-label", "placeholder", "alt")
            if tag.get(name)
        )
        everywhere = page.get_text(" ") + " " + attributes
        found = {f for f in long_ones if f in everywhere}
        labels = " | ".join(e.get_text(" ", strip=True) for e in page.select(LABEL_PLACES))
        found |= {f for f in fragments if re.search(WORD.format(re.escape(f)), labels)}
        if found:
            left[str(path.relative_to(spanish_build.site))] = found
    assert left == {}


def test_the_logo_shows_in_the_header(spanish_build: Built) -> None:
    site = spanish_build.site
    for page in ("index.html", "modules/serve-first.html"):
        img = soup(site / page).select_one("header .md-logo img")
        assert img is not None, page
        target = (site / page).parent / str(img["src"])
        assert target.resolve().is_relative_to(site.resolve())
        assert target.read_text(encoding="utf-8") == LOGO, page


def test_png_logo_in_an_english_handbook(basic: Path, tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (48, 48), "#b5452b").save(basic / "docs/brand.png")
    config = basic / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        audience: Team leaders\n",
            "        audience: Team leaders\n        branding: {logo: docs/brand.png}\n",
        ),
        encoding="utf-8",
    )
    done = mkdocs_build(basic, tmp_path / "s", "--strict")
    assert done.returncode == 0, done.stderr
    page = soup(tmp_path / "s/index.html")
    img = page.select_one("header .md-logo img")
    assert img is not None and img["src"] == "assets/servefirst/logo.png"
    logo = (tmp_path / "s/assets/servefirst/logo.png").read_bytes()
    assert logo == (basic / "docs/brand.png").read_bytes()
    html = page.find("html")
    assert html is not None and html["lang"] == "en"
    assert "Key ideas" in (tmp_path / "s/modules/serve-first.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def spanish_origins(spanish_build: Built) -> Iterator[dict[str, str]]:
    server, http_base = serve_folder(spanish_build.site)
    yield {"file": spanish_build.site.as_uri() + "/", "http": http_base}
    server.shutdown()


@pytest.mark.parametrize("origin", ["file", "http"])
def test_spanish_handbook_in_the_browser(
    browser: Browser, spanish_origins: dict[str, str], origin: str, tmp_path: Path
) -> None:
    base = spanish_origins[origin]
    watch = Watch(base)
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = watch.attach(context.new_page())
    page.goto(base + "modules/serve-first.html")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("header .md-logo img").evaluate("img => img.naturalWidth") > 0
    page.screenshot(path=tmp_path / "es-module-desktop.png", full_page=True)

    # Search works with the Spanish stemmer, loaded from the site itself.
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Southwest", delay=20)
    page.locator(".md-search-result__link").first.wait_for()
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "documento" in meta, meta
    page.screenshot(path=tmp_path / "es-search.png")
    context.close()

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = watch.attach(context.new_page())
    page.goto(base + "modules/serve-first.html")
    page.screenshot(path=tmp_path / "es-module-phone.png", full_page=True)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the Spanish module page scrolls sideways: {width}px"
    context.close()

    assert watch.errors == []
    assert watch.outside() == []
