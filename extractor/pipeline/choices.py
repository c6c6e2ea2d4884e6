"""First answers chosen, not written (an experiment, off by default): the per-kind answer model
of one article with its names and designations limited to the article's own candidates.

The candidates are the persons the article names with a title or lists in a delegation, and the
weapons the recall coverage finds in it (designations, systems, counted nouns). Each becomes a JSON
schema `enum` that llama.cpp and vLLM decode as a grammar, so the model can only copy. A field
keeps free text when the article offers no candidate or too many to choose well among.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field, create_model

from extractor.arabic.named_people import people_named
from extractor.arabic.sentences import split_sentences
from extractor.schemas import Document
from extractor.schemas.response import (
    MAX_DEALS,
    MAX_MEETINGS,
    DealAnswer,
    DealsAnswer,
    ItemAnswer,
    MeetingAnswer,
    MeetingsAnswer,
    PersonAnswer,
)
from extractor.verify.document_checks import unaccounted_mentions

MAX_CHOICES = 24
"""Most candidates one field offers; beyond it the field stays free text (the model chose
worse among 1,030 spans than among 8)."""


def chosen_model(model: type[BaseModel], text: str) -> type[BaseModel]:
    """`model` with its names (meetings) or designations (deals) limited to the article's
    candidates; `model` itself for other answers or when there are none to offer."""
    if model is MeetingsAnswer:
        people = (p.name for span in split_sentences(text) for p in people_named(text, span))
        names = _choices(people)
        return _meetings(names) if names else model
    if model is DealsAnswer:
        mentions = unaccounted_mentions(Document(doc_id="choices"), text)
        designations = _choices(m.designation for m in mentions if m.what == "weapon")
        return _deals(designations) if designations else model
    return model


def _choices(values: Any) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(value for value in values if value and len(value) <= 120))
    return unique if len(unique) <= MAX_CHOICES else ()


def _one_of(values: Sequence[str]) -> Any:
    return Literal[tuple(values)]


def _meetings(names: tuple[str, ...]) -> type[BaseModel]:
    person = create_model("PersonChoice", __base__=PersonAnswer, name=(_one_of(names) | None, ...))
    meeting = create_model(
        "MeetingChoice",
        __base__=MeetingAnswer,
        participants=(list[person], _cap(MeetingAnswer, "participants")),
    )
    return create_model(
        "MeetingsChoice",
        __base__=MeetingsAnswer,
        meetings=(list[meeting], Field(max_length=MAX_MEETINGS)),
    )


def _deals(designations: tuple[str, ...]) -> type[BaseModel]:
    item = create_model("ItemChoice", __base__=ItemAnswer, designation=(_one_of(designations), ...))
    deal = create_model(
        "DealChoice",
        __base__=DealAnswer,
        items=(list[item], _cap(DealAnswer, "items")),
    )
    return create_model(
        "DealsChoice",
        __base__=DealsAnswer,
        arms_deals=(list[deal], Field(max_length=MAX_DEALS)),
    )


def _cap(model: type[BaseModel], name: str) -> Any:
    """A list field's Field with the answer model's own cap."""
    return Field(max_length=_max_length(model, name))


def _max_length(model: type[BaseModel], name: str) -> int | None:
    for meta in model.model_fields[name].metadata:
        if (length := getattr(meta, "max_length", None)) is not None:
            return int(length)
    return None
