"""Search in every language: the handbook's search finds Chinese and Japanese words.

Material's search (lunr.js in the browser) splits text into words at its separator,
spaces and hyphens by default. Chinese and Japanese put no spaces between words, so a
whole sentence becomes one "word" and only its first characters can be found. Material
documents the fix for Japanese: ``lang: ja`` loads lunr-languages' TinySegmenter, which
cuts runs of kanji, kana and hanzi into words, in the index and in the reader's query
alike, so a word typed in the search box meets the same cut in the text. It finds Chinese
words too (tested in Chromium from ``file://``: tests/site/test_search_languages.py).

So when the handbook's text holds Chinese or Japanese, Serve First sets the search
language to ``ja`` alone and adds CJK punctuation to the separator, unless the program
sets ``lang`` or ``separator`` for the search plugin itself in ``mkdocs.yml``. Alone, not
``[en, ja]``: with two languages lunr-languages trims every word to the letters of those
two, so Korean, Arabic, Hebrew, Cyrillic and Devanagari words could no longer be found.
English loses nothing it had: Material's search does not stem it, and only its list of
stop words ("the", "and") goes. Text without Chinese or Japanese keeps Material's
defaults, and the site does not load the segmenter (about 30 kB). Korean, Arabic,
Hebrew, Cyrillic, Greek, Devanagari and Thai words are separated by spaces and are found
either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

SEGMENTED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)
"""Kana (Hiragana, Katakana) and Han characters: text written without spaces between words."""

SEPARATOR = r"[\s\-\u200b\u3000、。，．！？；：]+"
"""Spaces, hyphens and the full-width punctuation that ends Chinese and Japanese words."""

PLUGINS = ("material/search", "search")


def needs_segmentation(texts: Iterable[str]) -> bool:
    """True when any text holds Chinese or Japanese characters."""
    return any(SEGMENTED.search(text) for text in texts)


def configure_search(config: MkDocsConfig, texts: Iterable[str]) -> None:
    """Set Material's search plugin for Chinese and Japanese text when ``texts`` hold any:
    ``lang`` becomes ``['ja']`` and the separator takes CJK punctuation. Settings the
    program gave the search plugin itself are kept. Does nothing without the plugin."""
    plugin = next((config.plugins[n] for n in PLUGINS if n in config.plugins), None)
    if plugin is None or not needs_segmentation(texts):
        return
    options: Any = plugin.config
    if not options.lang:
        options.lang = ["ja"]
    if not options.separator:
        options.separator = SEPARATOR


def strings(value: object) -> Iterator[str]:
    """Every string inside a JSON-like value (a model's ``model_dump``)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def page_texts(docs: Path) -> Iterator[str]:
    """The text of the hand-written Markdown pages under ``docs`` (none when it is absent)."""
    if not docs.is_dir():
        return
    for page in sorted(docs.rglob("*.md")):
        try:
            yield page.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
