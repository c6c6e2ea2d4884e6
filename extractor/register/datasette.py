"""Datasette's metadata for a register (pure): the analysts' tables described column by column,
labelled, faceted by kind, parties, category, status and year, the store's own tables hidden."""

from __future__ import annotations

from typing import Any

from extractor.register import tables

FACETS: dict[str, list[str]] = {
    "deals": ["supplier", "recipient", "status", "year"],
    "deal_items": ["supplier", "recipient", "category", "status", "year"],
    "meetings": ["host", "guests", "year"],
    "embargoes": ["target", "imposed_by", "measure", "status", "year"],
    "entries": ["kind"],
}
LABELS = {"entries": "entry_id", "sources": "doc_id", "participants": "name"}
_STORE = ("schema_version", "facts", "field_values", "entry_countries")


def metadata(database: str) -> dict[str, Any]:
    """The metadata JSON for the register served as `database` (its file's stem)."""
    described: dict[str, Any] = {
        table.name: {
            "description": table.comment or "",
            "columns": {column.name: column.comment for column in table.c if column.comment},
            "facets": FACETS.get(table.name, []),
            **({"label_column": LABELS[table.name]} if table.name in LABELS else {}),
        }
        for table in (*tables.ANALYST_TABLES, tables.entries, tables.sources)
    }
    described["entries"]["description"] = "One row per real-world fact, of any kind."
    described["sources"]["description"] = "One row per document added, keyed by its sha256."
    described.update({name: {"hidden": True} for name in _STORE})
    return {
        "title": "Register of arms deals, meetings and embargoes",
        "description": (
            "Facts extracted from Arabic news, one entry per real-world fact with every source "
            "that reports it. deal_value repeats on each item row of a deal: never sum it. "
            "`flagged` names the fields no source supports."
        ),
        "databases": {database: {"tables": described}},
    }
