"""Colours derived from any branding colour stay readable in both schemes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.render import site_theme
from generator.render.site_theme import (
    SLATE,
    WHITE,
    Palette,
    branding_css,
    contrast,
    parse_hex,
    to_hex,
)

BRANDS = ["#1f5f7a", "#ffcc00", "#ffffff", "#000000", "#e30613", "#7fbf7f", "#3344ff"]


def test_contrast_matches_wcag() -> None:
    assert contrast(WHITE, parse_hex("#000000")) == pytest.approx(21)
    assert contrast(WHITE, parse_hex("#767676")) == pytest.approx(4.54, abs=0.01)
    assert to_hex(parse_hex("#1f5f7a")) == "#1f5f7a"


@pytest.mark.parametrize("brand", BRANDS)
def test_every_derived_colour_is_readable(brand: str) -> None:
    palette = Palette.from_brand(brand)
    assert contrast(palette.on_brand, palette.brand) >= 4.5  # header text
    assert contrast(palette.link_light, WHITE) >= 4.5  # links, light scheme
    assert contrast(palette.link_dark, SLATE) >= 4.5  # links, dark scheme
    assert contrast(palette.accent_light, WHITE) >= 4.5
    assert contrast(palette.accent_dark, SLATE) >= 4.5


def test_the_brand_colour_itself_is_kept_when_it_reads_well() -> None:
    palette = Palette.from_brand("#1f5f7a")
    assert to_hex(palette.link_light) == "#1f5f7a"
    css = branding_css("#1f5f7a")
    assert "--md-primary-fg-color: #1f5f7a;" in css
    assert '[data-md-color-scheme="slate"][data-md-color-primary="custom"]' in css
    assert "--sf-icon-activity: url('data:image/svg+xml" in css
    assert "http" not in css.replace("http://www.w3.org/2000/svg", "")


def test_subset_fonts_are_cached_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if site_theme.font_key() is None:
        pytest.skip("Lato is not installed (scripts/system-deps.sh)")
    cache = tmp_path / site_theme.CACHE_DIR / "fonts"
    made = site_theme.lato_fonts(cache=cache)
    assert sorted(made) == sorted(f"{face}.woff2" for face in site_theme.LATO_FACES)
    assert (tmp_path / site_theme.CACHE_DIR / ".gitignore").read_text().endswith("*\n")

    def no_subsetting(source: Path) -> dict[str, bytes]:
        raise AssertionError("the cached fonts should have been used")

    monkeypatch.setattr(site_theme, "_subset_fonts", no_subsetting)
    assert site_theme.lato_fonts(cache=cache) == made
    # A damaged cache entry is made again, not served.
    (key,) = (p.name for p in cache.iterdir())
    (cache / key / "Lato-Bold.woff2").write_bytes(b"")
    monkeypatch.setattr(site_theme, "_subset_fonts", lambda source: made)
    assert site_theme.lato_fonts(cache=cache) == made
    assert (cache / key / "Lato-Bold.woff2").read_bytes() == made["Lato-Bold.woff2"]


def test_font_key_follows_the_font_files(tmp_path: Path) -> None:
    if site_theme.font_key() is None:
        pytest.skip("Lato is not installed (scripts/system-deps.sh)")
    for face in site_theme.LATO_FACES:
        shutil.copy(site_theme.LATO_DIR / f"{face}.ttf", tmp_path)
    key = site_theme.font_key(tmp_path)
    assert key == site_theme.font_key()
    with (tmp_path / "Lato-Bold.ttf").open("ab") as font:
        font.write(b"\0")
    assert site_theme.font_key(tmp_path) not in {None, key}
    (tmp_path / "Lato-Bold.ttf").unlink()
    assert site_theme.font_key(tmp_path) is None
    assert site_theme.lato_fonts(tmp_path, cache=tmp_path / "cache") == {}


def test_font_cache_sits_beside_the_output_not_in_staging(tmp_path: Path) -> None:
    from types import SimpleNamespace
    from typing import cast

    from mkdocs.config.defaults import MkDocsConfig

    from generator.plugin import ServeFirstPlugin

    def cache_for(site_dir: Path) -> Path:
        config = cast(MkDocsConfig, SimpleNamespace(site_dir=str(site_dir)))
        return ServeFirstPlugin()._cache_dir(config)

    out = tmp_path / "out"
    assert cache_for(out / ".staging-1a2b/.site-3c4d") == out / site_theme.CACHE_DIR
    assert cache_for(out / ".site-3c4d") == out / site_theme.CACHE_DIR
    assert cache_for(tmp_path / "program/site") == tmp_path / "program" / site_theme.CACHE_DIR
    plugin = ServeFirstPlugin()
    plugin.use_cache(tmp_path / "elsewhere")
    config = cast(MkDocsConfig, SimpleNamespace(site_dir=str(out / "site")))
    assert plugin._cache_dir(config) == tmp_path / "elsewhere"
