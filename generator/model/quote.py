"""A quotation a principle or a case may carry, for a quotation slide (``screen: quote``)."""

from __future__ import annotations

from pydantic import Field

from .base import Line, Strict, Text


class Quote(Strict):
    """Words someone said or wrote, exactly as published, and who said them.

    Participants see both: the slide shows the words in large type with the attribution
    under them. Terminology never rewrites them (they are a quotation)."""

    text: Text = Field(description="The words, without quotation marks.")
    attribution: Line = Field(
        description="Who said or wrote it, and where: 'Robert K. Greenleaf, The Servant as "
        "Leader (1970)'."
    )
