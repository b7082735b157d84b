"""Fixed labels of the outputs, from message catalogues, and locale-aware dates and times.

Templates write English source strings as ``_("Key takeaways")``; ``<language>.yml``
beside this file maps each to its translation. English needs no catalogue. Content
(the modules themselves) is translated separately, by overriding items.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from functools import cache
from importlib.resources import files

import yaml
from babel.dates import format_date, format_time

LOCALES = {"en": "en_GB", "es": "es_ES"}


@cache
def catalogue(language: str) -> dict[str, str]:
    if language == "en":
        return {}
    text = (files("generator") / "i18n" / f"{language}.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict), f"{language}.yml must map English labels to translations"
    return {str(k): str(v) for k, v in data.items()}


def gettext(language: str) -> Callable[[str], str]:
    table = catalogue(language)
    return lambda message: table.get(message, message)


def ngettext(language: str) -> Callable[[str, str, int], str]:
    table = catalogue(language)

    def choose(singular: str, plural: str, n: int) -> str:
        message = singular if n == 1 else plural
        return table.get(message, message)

    return choose


def long_date(moment: datetime, language: str) -> str:
    """'23 November 2026' / '23 de noviembre de 2026'."""
    return format_date(moment, format="long", locale=LOCALES[language])


def clock(hhmm: str, language: str) -> str:
    """'09:00' as the locale writes a time of day: '09:00' (en_GB), '9:00' (es_ES)."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return format_time(time(hours, minutes), format="short", locale=LOCALES[language])
