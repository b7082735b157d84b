"""Every script prints: names, cohorts and content in Chinese, Japanese, Korean, Arabic,
Hebrew, Devanagari, Thai, Greek, Cyrillic and emoji; a character no font has is a warning."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pypdf import PdfReader

from generator import glyphs
from generator.file_names import file_names

from ..conftest import FIXTURES, run_cli

ROSTER = FIXTURES / "rosters" / "scripts.csv"
VITHKUQI = "\U00010570"  # Unicode 14 (2021): no font installed by the set-up has it
MESSAGE = (
    f"'{VITHKUQI}' (U+10570) has no glyph in the {{where}} fonts; it would print as an empty "
    "box; replace it, or install a font that has it (scripts/system-deps.sh installs "
    "fonts-lato, fonts-noto-core, fonts-noto-cjk and fonts-noto-color-emoji)"
)
DEVANAGARI = re.compile("[\u0900-\u097f]")


def _rows() -> list[dict[str, str]]:
    with ROSTER.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _text(pdf: Path) -> str:
    return PdfReader(pdf).pages[0].extract_text()


def test_the_print_fonts_cover_every_script_of_the_roster() -> None:
    fonts = glyphs.coverage()
    assert fonts.available
    for row in _rows():
        for value in row.values():
            assert glyphs.missing(value) == [], value
    for char in "王김ح שप Дไ Ω🎉🧿é":
        assert char == " " or char in fonts, char
    assert glyphs.missing(f"Ana {VITHKUQI}\u200d\ufe0f") == [VITHKUQI]


def test_the_stylesheet_names_the_font_stack_the_check_reads() -> None:
    css = (Path(glyphs.__file__).parent / "styles" / "print-base.css").read_text("utf-8")
    rule = re.search(r"^html \{ font-family: ([^;]+);", css, re.M)
    assert rule is not None
    named = re.findall(r'"([^"]+)"', rule.group(1))
    emoji = re.search(r'font-family: "Serve First Emoji";\s*src: local\("([^"]+)"\)', css)
    assert emoji is not None
    assert [emoji.group(1) if n == "Serve First Emoji" else n for n in named] == list(
        glyphs.FONT_STACK
    )


def test_roster_names_in_every_script_print_exactly_on_workbooks_and_certificates(
    basic: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_cli("personalize", basic, "--roster", ROSTER, "--out", out)
    assert result.code == 0, result.err
    assert "warning" not in result.err
    rows = _rows()
    for row, stem in zip(rows, file_names(r["name"] for r in rows), strict=True):
        for kind in ("workbooks", "certificates"):
            text = _text(out / kind / f"{stem}.pdf")
            for column in ("name", "cohort", "dates"):
                value = row[column]
                if DEVANAGARI.search(value):
                    # WeasyPrint maps each glyph to one text (a PDF ToUnicode map), and a
                    # Devanagari glyph such as the reph stands for different letters in
                    # different words: the page shows it right, extraction may not.
                    assert value.split()[0][:1] in text
                    continue
                assert value in text, (kind, column, value)


def test_an_arabic_cohort_keeps_its_order_on_the_certificate(basic: Path, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed (scripts/system-deps.sh test)")
    roster = tmp_path / "roster.csv"
    roster.write_text("name,cohort,dates\nمحمد العلي,الرياض,4 March 2026\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("personalize", basic, "--roster", roster, "--out", out).code == 0
    done = subprocess.run(
        ["pdftotext", "-bbox", out / "certificates" / "محمد-العلي.pdf", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<'
    found = [
        (float(x), (float(top) + float(bottom)) / 2, word)
        for x, top, bottom, word in re.findall(pattern, done.stdout)
    ]
    line = next(middle for _, middle, word in found if word == "March")  # cohort and dates
    words = [(x, word) for x, middle, word in found if abs(middle - line) < 2]
    arabic = [x for x, word in words if re.search("[\u0600-\u06ff]", word)]
    day = [x for x, word in words if word == "4"]
    march = [x for x, word in words if word == "March"]
    assert len(arabic) == len(day) == 1, words
    assert arabic[0] < day[0] < march[0], "the date stays after the cohort, in its order"


def test_a_roster_character_without_a_glyph_is_a_warning_at_its_line(
    basic: Path, tmp_path: Path
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(f"name,cohort\nAna,Cohort 1\nBen {VITHKUQI},Cohort 1\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("personalize", basic, "--roster", roster, "--out", out)
    assert result.code == 0, result.err
    expected = f"warning: {roster}:3: name: " + MESSAGE.format(where="workbook's")
    assert expected in result.err.splitlines()
    assert result.err.count("warning:") == 1


def test_a_content_character_without_a_glyph_is_a_validate_and_build_warning(
    basic: Path,
) -> None:
    module = basic / "modules" / "serve-first.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text.replace('title: "Serve first: what', f'title: "Serve first {VITHKUQI}: what'),
        encoding="utf-8",
    )
    expected = "warning: modules/serve-first.yml:3: title: " + MESSAGE.format(where="PDFs'")
    validated = run_cli("validate", basic)
    assert validated.code == 0, validated.err
    assert expected in validated.err.splitlines()
    built = run_cli("build", basic, "--no-pdf")
    assert built.code == 0, built.err
    assert expected in built.out.splitlines()


def test_content_in_chinese_and_arabic_gets_no_warning(basic: Path) -> None:
    module = basic / "modules" / "serve-first.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text.replace('title: "Serve first: what', 'title: "先服务 · الخدمة أولا 🎉: what'),
        encoding="utf-8",
    )
    validated = run_cli("validate", basic)
    assert validated.code == 0, validated.err
    assert "glyph" not in validated.err


MIXED_TITLE = "先服务 サーバント 섬김 · الخدمة أولا · שירות · सेवा पहले · บริการ · Служение"


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdffonts") is None,
    reason="LibreOffice or poppler-utils is not installed (scripts/system-deps.sh test)",
)
def test_the_deck_names_fonts_for_every_script_and_its_pdf_uses_them(
    basic: Path, tmp_path: Path
) -> None:
    module = basic / "modules" / "serve-first.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text.replace('title: "Serve first: what servant leadership is"', f'title: "{MIXED_TITLE}"'),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli("build", basic, "--out", out, "--no-site")
    assert result.code == 0, result.err
    deck = Presentation(str(out / "slides" / "basic-fixture.pptx"))
    theme = deck.slide_master.part.part_related_by(RT.THEME).blob.decode()
    for scheme in ("majorFont", "minorFont"):
        part = re.search(f"<a:{scheme}>(.*?)</a:{scheme}>", theme)
        assert part is not None
        fonts = dict(re.findall(r'<a:font script="(\w+)" typeface="([^"]+)"/>', part.group(1)))
        assert '<a:ea typeface="Noto Sans CJK SC"/>' in part.group(1)
        assert '<a:cs typeface="Noto Sans"/>' in part.group(1)
        assert {fonts[s] for s in ("Hans", "Jpan", "Hang", "Arab", "Hebr", "Deva", "Thai")} <= set(
            subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True)
            .stdout.replace(",", "\n")
            .splitlines()
        )
    pdf = out / "slides" / "basic-fixture.pdf"
    used = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    for family in ("NotoSansCJK", "NotoSansDevanagari", "NotoSansThai"):
        assert family in used, family
    assert "Arabic" in used or "DejaVuSans" in used  # Arabic and Hebrew from one font that has both
    shown = " ".join(PdfReader(pdf).pages[2].extract_text().split())
    for word in ("先服务", "サーバント", "섬김", "Служение"):
        assert word in shown, word


def test_without_fontconfig_personalize_says_the_check_did_not_run(
    basic: Path, tmp_path: Path
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(f"name\nBen {VITHKUQI}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "personalize", basic, "--roster", roster],
        capture_output=True,
        text=True,
        env={"PATH": str(tmp_path / "no-tools"), "HOME": str(tmp_path)},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        "notice: fc-match (fontconfig) is not installed, so characters without a glyph in "
        "the print fonts are not reported; run scripts/system-deps.sh build"
    ]
