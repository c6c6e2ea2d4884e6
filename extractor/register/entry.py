"""What the register returns: an entry with its sources and every value of each field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from extractor.register.fields import LIST_FIELDS, Scalar


class EntrySource(BaseModel):
    """One document that reports the entry, with the sentences it states it in."""

    doc_id: str
    sha256: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    evidence: list[str] = Field(default_factory=list)


class FieldValue(BaseModel):
    """One distinct value of a field and the documents (doc_id) that give it."""

    value: Scalar
    sources: list[str]


class Entry(BaseModel):
    """One real-world fact: its sources and, per field, every value they give, majority first."""

    entry_id: str
    kind: str
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    countries: list[str] = Field(default_factory=list)
    sources: list[EntrySource] = Field(default_factory=list)
    fields: dict[str, list[FieldValue]] = Field(default_factory=dict)

    def merged(self) -> dict[str, Any]:
        """The merged fact: the majority value of each field, or every value of a list field."""
        return {
            field: [value.value for value in values] if field in LIST_FIELDS else values[0].value
            for field, values in self.fields.items()
            if values
        }

    def conflicts(self) -> dict[str, list[FieldValue]]:
        """The single-valued fields whose sources disagree."""
        return {
            field: values
            for field, values in self.fields.items()
            if field not in LIST_FIELDS and len(values) > 1
        }

    def record(self) -> dict[str, Any]:
        """The JSON object of `export --format jsonl`: id, kind, sources, merged fields, values."""
        return {
            "entry_id": self.entry_id,
            "kind": self.kind,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "countries": self.countries,
            **self.merged(),
            "sources": [source.model_dump(mode="json") for source in self.sources],
            "values": {
                field: [value.model_dump(mode="json") for value in values]
                for field, values in self.fields.items()
            },
        }
