"""What the register returns: an entry with its sources, every value of each field, a deal's
items, and which values the sources' own checks flagged."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, Field, WithJsonSchema

from extractor.register.fields import FAILED, LIST_FIELDS, Scalar
from extractor.schemas import FactKind


class EntrySource(BaseModel):
    """One document that reports the entry, with the sentences it states it in."""

    doc_id: str
    sha256: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    evidence: list[str] = Field(default_factory=list)


class FieldValue(BaseModel):
    """One distinct value of a field, the documents (doc_id) that give it, and the check status
    of each document whose checks did not support it (`fuzzy`, `unsupported`, …)."""

    value: Scalar
    sources: list[str]
    flags: dict[str, str] = Field(default_factory=dict)

    @property
    def flagged(self) -> bool:
        """True when no source supports the value: every one's check failed."""
        failed = [status for status in self.flags.values() if status in FAILED]
        return len(failed) == len(self.sources)


Values = dict[str, list[FieldValue]]


def _pick(values: Values, supported_only: bool) -> dict[str, Any]:
    """The majority value of each field (every value of a list field); under `supported_only`
    among the values some source supports."""
    picked: dict[str, Any] = {}
    for field, ranked in values.items():
        kept = [value for value in ranked if not (supported_only and value.flagged)]
        if field in LIST_FIELDS:
            picked[field] = [value.value for value in kept]
        elif kept:
            picked[field] = kept[0].value
    return picked


def flagged_fields(values: Values) -> list[str]:
    """The fields whose majority value (or some value of a list field) no source supports."""
    return [
        field
        for field, ranked in values.items()
        if ranked
        and (any(value.flagged for value in ranked) if field in LIST_FIELDS else ranked[0].flagged)
    ]


def disputed_fields(values: Values) -> list[str]:
    """The single-valued fields whose sources disagree."""
    return [
        field for field, ranked in values.items() if field not in LIST_FIELDS and len(ranked) > 1
    ]


class Item(BaseModel):
    """One weapon system of a deal: its key (designation key, `F16#2` for a second F-16 of one
    report) and each of its fields' values."""

    key: str
    fields: Values = Field(default_factory=dict)

    def merged(self, *, supported_only: bool = False) -> dict[str, Any]:
        """The item's majority values."""
        return _pick(self.fields, supported_only)

    def record(self) -> dict[str, Any]:
        """The item as JSON: key, majority values, flagged fields and every value."""
        return {
            "item": self.key,
            **self.merged(),
            "flagged": flagged_fields(self.fields),
            "values": _dump(self.fields),
        }


def _dump(values: Values) -> dict[str, list[dict[str, Any]]]:
    return {
        field: [value.model_dump(mode="json") for value in ranked]
        for field, ranked in values.items()
    }


class Entry(BaseModel):
    """One real-world fact: its sources and, per field, every value they give, majority first;
    a deal's items each with their own values; the sources whose whole-record check failed."""

    entry_id: str
    kind: Annotated[FactKind, WithJsonSchema({"type": "string"})]
    """Published as a plain string, like the Document's other kind fields (its uncovered
    mentions' and recall rounds')."""
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    countries: list[str] = Field(default_factory=list)
    sources: list[EntrySource] = Field(default_factory=list)
    fields: Values = Field(default_factory=dict)
    items: list[Item] = Field(default_factory=list)
    record_flags: dict[str, str] = Field(default_factory=dict)

    def merged(self, *, supported_only: bool = False) -> dict[str, Any]:
        """The merged fact: the majority value of each field, or every value of a list field."""
        return _pick(self.fields, supported_only)

    def conflicts(self) -> dict[str, list[FieldValue]]:
        """The single-valued fields whose sources disagree."""
        return {field: self.fields[field] for field in disputed_fields(self.fields)}

    @property
    def record_flagged(self) -> bool:
        """True when every source's whole-record check of the fact failed."""
        return bool(self.sources) and len(self.record_flags) == len(self.sources)

    def flagged(self) -> list[str]:
        """The entry-level fields no source supports, and `record` for a flagged record."""
        return flagged_fields(self.fields) + (["record"] if self.record_flagged else [])

    def record(self) -> dict[str, Any]:
        """The JSON object of `export --format jsonl`: id, kind, merged fields, items, flags,
        sources and every value."""
        items = (
            {"items": [item.record() for item in self.items]} if self.kind == "arms_deals" else {}
        )
        return {
            "entry_id": self.entry_id,
            "kind": self.kind,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "countries": self.countries,
            **self.merged(),
            **items,
            "flagged": self.flagged(),
            "record_flags": self.record_flags,
            "sources": [source.model_dump(mode="json") for source in self.sources],
            "values": _dump(self.fields),
        }
