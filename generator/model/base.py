"""Shared building blocks of the content model: strict base class and field types."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ..file_names import RESERVED

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Required prose; Markdown is allowed. Blank text is an error, not a silent gap."""

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
"""One short line of text: a bullet, a question, an objective. Inline Markdown is allowed."""


class PlainMark:
    """Marks a string field as plain text: printed exactly as written, never read as
    Markdown (so never scanned for links, images or Markdown constructs)."""

    def __repr__(self) -> str:
        return "PlainMark()"


PLAIN = PlainMark()

Plain = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600), PLAIN
]
"""One line printed exactly as written, never Markdown: a title, a name, a date, a label.
``*``, ``_``, ``[...](...)``, backticks and ``&amp;`` print as typed in every output."""


def is_plain(annotation: object, metadata: list[object] | tuple[object, ...] = ()) -> bool:
    """True when a field's annotation (or its pydantic ``metadata``) is :data:`Plain`, also
    inside ``| None`` or ``list[...]``."""
    from typing import get_args

    if any(isinstance(m, PlainMark) for m in metadata):
        return True
    return any(isinstance(a, PlainMark) or is_plain(a) for a in get_args(annotation))


def _portable_id(value: str) -> str:
    """Refuse an id that Windows cannot use as a file name (ids name pages and files)."""
    if value in RESERVED:
        raise ValueError(
            f"'{value}' is a name Windows keeps for a device and cannot use for a file; "
            f"choose another id, such as '{value}-module'"
        )
    return value


Ident = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    AfterValidator(_portable_id),
]
"""An id: lower-case words joined by hyphens, e.g. ``listening-pairs``; never a Windows
device name such as ``con`` or ``com1``, since ids become file names."""

Minutes = Annotated[int, Field(ge=1, le=24 * 60, strict=True)]


class Strict(BaseModel):
    """Base of every model read from a file: unknown fields are errors, values immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class DebriefQuestion(Strict):
    """A question the facilitator asks, with the answers to listen for."""

    question: Line
    listen_for: Text = Field(
        description="The answers a facilitator hopes to hear, and how to steer if they don't come."
    )


class Source(Strict):
    """A full citation. Every fact a module teaches carries one."""

    author: Line | None = Field(
        None,
        description="Author(s) or organisation, as cited, e.g. 'Greenleaf, R. K.'. Leave it "
        "out for a work that names no author: the citation then starts with the title.",
    )
    year: int | None = Field(None, ge=1800, le=2100, description="Year of publication.")
    title: Line = Field(description="Title of the work.")
    publisher: Line | None = Field(
        None, description="Publisher, journal or website the work appeared in."
    )
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        None, description="Web address, if the work is online."
    )
    note: Line | None = Field(None, description="What this source supports, or a page number.")

    def citation(self) -> str:
        """APA-like plain-text citation. A work with no author starts with its title,
        followed by the date, as APA cites it."""
        date = f"({self.year})." if self.year else "(n.d.)."
        title = self.title.rstrip(".") + "."
        parts = [self.author.rstrip(".") + ".", date, title] if self.author else [title, date]
        if self.publisher:
            parts.append(self.publisher.rstrip(".") + ".")
        return " ".join(parts)
