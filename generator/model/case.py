"""Case studies: real organisations, told as stories, with questions to discuss."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import Ident, Line, Plain, Source, Strict, Text
from .quote import Quote


class CaseFacilitator(Strict):
    """Facilitator-only material. Never reaches a participant output."""

    notes: Text = Field(description="How to run the case, what to emphasise, what to avoid.")
    listen_for: list[Text] = Field(
        default_factory=list,
        description="Expected answers, one entry per discussion question, in the same order.",
    )


class Case(Strict):
    """One case study (``modules/cases/<id>.yml``); modules refer to it by id."""

    id: Ident
    title: Plain
    organisation: Plain
    year: Plain = Field(description="When it happened: '1981', 'the 1990s', '2009-2012'.")
    people: list[Plain] = Field(default_factory=list, description="Who was involved, with roles.")
    story: Text = Field(description="The story, in a few paragraphs: what they did, what happened.")
    discussion: list[Line] = Field(min_length=1, description="Questions for the group.")
    sources: list[Source] = Field(min_length=1)
    quote: Quote | None = Field(
        None, description="A quotation for the case's quotation slide (screen: quote)."
    )
    facilitator: CaseFacilitator

    @model_validator(mode="after")
    def _one_answer_per_question(self) -> Case:
        if len(self.facilitator.listen_for) > len(self.discussion):
            raise ValueError(
                f"facilitator.listen_for has {len(self.facilitator.listen_for)} entries but there "
                f"are only {len(self.discussion)} discussion questions; give one per question"
            )
        return self
