"""The analysts' tables of one entry (pure): the export's rows with lists joined, plus one row
per participant, resolution and source."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table

from extractor.register import tables
from extractor.register.entry import Entry, disputed_fields
from extractor.register.rows import flat, rows
from extractor.schemas import FactKind

_MAIN: dict[FactKind, Table] = {
    "arms_deals": tables.deal_items,
    "meetings": tables.meetings,
    "embargoes": tables.embargoes,
}


def _without_sources(row: dict[str, Any]) -> dict[str, Any]:
    return {column: value for column, value in flat(row).items() if column != "sources"}


def _deal(entry: Entry, first: dict[str, Any]) -> dict[str, Any]:
    deal = {column: first[column] for column in (c.name for c in tables.deals.c) if column in first}
    return deal | {
        "items": len(entry.items),
        "flagged": "; ".join(entry.flagged()),
        "disputed": "; ".join(disputed_fields(entry.fields)),
    }


def analyst_rows(entry: Entry) -> dict[Table, list[dict[str, Any]]]:
    """Each analysts' table's rows for the entry."""
    main = [_without_sources(row) for row in rows(entry)]
    found: dict[Table, list[dict[str, Any]]] = {_MAIN[entry.kind]: main}
    if entry.kind == "arms_deals":
        found[tables.deals] = [_deal(entry, main[0])]
    found[tables.participants] = [
        {
            "entry_id": entry.entry_id,
            "name": value.value,
            "source_count": len(value.sources),
            "flagged": int(value.flagged),
        }
        for value in entry.fields.get("participants", [])
    ]
    found[tables.resolutions] = [
        {"entry_id": entry.entry_id, "resolution": value.value}
        for value in entry.fields.get("resolutions", [])
    ]
    found[tables.entry_sources] = [
        {
            "entry_id": entry.entry_id,
            "sha256": source.sha256,
            "doc_id": source.doc_id,
            "outlet": source.outlet,
            "url": source.url,
            "published": source.published.isoformat() if source.published else None,
            "evidence": "\n".join(source.evidence),
        }
        for source in entry.sources
    ]
    return found
