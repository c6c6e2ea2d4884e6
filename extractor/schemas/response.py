"""The compact answers the LLM fills: surface text, codes and enumerations, nothing derived.

Numbers, dates, durations and money are parsed from the surface text by deterministic code;
the LLM never writes them. Every list is capped (a small model pads or loops without a cap),
and codes are plain three-letter strings here: an invented code is repaired after parsing
instead of failing the whole answer.
"""

from __future__ import annotations

import types
from typing import Annotated, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from extractor.schemas.facts import DealStatus, EmbargoKind, EmbargoStatus, ItemCategory, Side

MAX_EVIDENCE = 4
"""Evidence sentences the assembler picks for one fact of an answer."""

Code = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Text = Annotated[str, Field(min_length=1, max_length=120)]
ResolutionDigits = Annotated[str, Field(pattern=r"^[0-9]{3,5}$")]


NULL_WORDS = frozenset({"", "null", "none", "غير معروف"})
"""Text that means null: small models write the word instead of the JSON value."""


def is_null_word(value: object) -> bool:
    """True for a string that says null (`"null"`, `"None"`, `"غير معروف"`, blank)."""
    return isinstance(value, str) and value.strip().lower() in NULL_WORDS


class Answer(BaseModel):
    """Base of the LLM-facing models: unknown keys are refused, and a word for null is null."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _null_words_are_null(self) -> Self:
        """A nullable field that says null becomes None; list elements that say null go."""
        for name, field in type(self).model_fields.items():
            value = getattr(self, name)
            if isinstance(value, list):
                setattr(self, name, [element for element in value if not is_null_word(element)])
            elif is_null_word(value) and types.NoneType in get_args(field.annotation):
                setattr(self, name, None)
        return self


class PersonAnswer(Answer):
    """A participant: name and titles as written, the state represented, the role."""

    name: Text | None
    titles: list[Text] = Field(max_length=2)
    country: Code | None
    side: Side | None


class MeetingAnswer(Answer):
    """An official meeting, visit, call or talks."""

    participants: list[PersonAnswer] = Field(max_length=6)
    host_country: Code | None
    guest_countries: list[Code] = Field(max_length=3)
    location_text: Text | None
    date_text: Text | None
    topics: list[Text] = Field(max_length=2)


class ItemAnswer(Answer):
    """One weapon system: its designation and how many, as written."""

    designation: Text
    category: ItemCategory
    quantity_text: Text | None


class DealAnswer(Answer):
    """A sale, purchase, order, approval, delivery or cancellation of weapons."""

    buyer_text: Text | None
    buyer: Code | None
    seller_text: Text | None
    seller: Code | None
    items: list[ItemAnswer] = Field(max_length=6)
    value_text: Text | None
    status: DealStatus
    date_text: Text | None
    duration_text: Text | None


class EmbargoAnswer(Answer):
    """An arms embargo or sanctions regime."""

    target_text: Text
    target: Code | None
    imposed_by_text: Text | None
    kind: EmbargoKind
    resolutions: list[ResolutionDigits] = Field(max_length=8)
    start_text: Text | None
    status: EmbargoStatus


MAX_MEETINGS = 4
MAX_DEALS = 6
MAX_EMBARGOES = 6
"""Caps of the freely written fact lists: above what a news article reports (8 of 15 embargoes
on the held-out articles sat in articles that report more than two). A model pads a list up to
its cap with repeats under a grammar; assembly drops the repeats and counts them."""


class MeetingsAnswer(Answer):
    """The meetings of one article."""

    meetings: list[MeetingAnswer] = Field(max_length=MAX_MEETINGS)


class DealsAnswer(Answer):
    """The arms deals of one article."""

    arms_deals: list[DealAnswer] = Field(max_length=MAX_DEALS)


class EmbargoesAnswer(Answer):
    """The embargoes of one article."""

    embargoes: list[EmbargoAnswer] = Field(max_length=MAX_EMBARGOES)


class DocumentAnswer(Answer):
    """Every fact of one article in a single answer."""

    meetings: list[MeetingAnswer] = Field(max_length=MAX_MEETINGS)
    arms_deals: list[DealAnswer] = Field(max_length=MAX_DEALS)
    embargoes: list[EmbargoAnswer] = Field(max_length=MAX_EMBARGOES)
