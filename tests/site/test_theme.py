"""Colours derived from any branding colour stay readable in both schemes."""

from __future__ import annotations

import pytest

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
