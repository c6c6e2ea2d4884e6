"""An entry as flat rows, one name per column in every format and in the analysts' tables:
a deal gives one row per weapon system (SIPRI's grain), a meeting or an embargo one row."""

from __future__ import annotations

from typing import Any

from extractor.register.entry import Entry, Item, disputed_fields, flagged_fields
from extractor.schemas import FactKind

TAIL = ("flagged", "disputed", "source_count", "sources")
COLUMNS: dict[FactKind, tuple[str, ...]] = {
    "arms_deals": (
        "entry_id",
        "item",
        "supplier",
        "recipient",
        "designation",
        "category",
        "number",
        "number_text",
        "status",
        "date",
        "year",
        "deal_value",
        *TAIL,
    ),
    "meetings": (
        "entry_id",
        "date",
        "year",
        "place",
        "host",
        "guests",
        "participants",
        "topics",
        *TAIL,
    ),
    "embargoes": (
        "entry_id",
        "target",
        "imposed_by",
        "measure",
        "resolutions",
        "start",
        "year",
        "status",
        *TAIL,
    ),
}
"""Each kind's export columns, in order (`deal_items`, `meetings`, `embargoes` in SQL)."""

LIST_COLUMNS = frozenset({"guests", "participants", "topics", "resolutions", "flagged", "disputed"})
INTEGER_COLUMNS = frozenset({"number", "year", "source_count"})
CODE_COLUMNS = frozenset(
    {"entry_id", "kind", "supplier", "recipient", "category", "status", "host", "guests"}
    | {"measure", "resolutions", "date", "start", "year", "number", "source_count"}
)
"""Columns that hold codes, numbers or dates, never free text (`target` and `imposed_by` fall
back to the text as written, `item` derives from a designation: both are text)."""


def _year(entry: Entry, date: Any) -> int | None:
    if isinstance(date, str) and date[:4].isdigit():
        return int(date[:4])
    return entry.first_date.year if entry.first_date else None


def _sources(entry: Entry) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": source.doc_id,
            "outlet": source.outlet,
            "url": source.url,
            "published": source.published.isoformat() if source.published else None,
        }
        for source in entry.sources
    ]


def _tail(entry: Entry, flagged: list[str], disputed: list[str]) -> dict[str, Any]:
    return {
        "flagged": flagged,
        "disputed": disputed,
        "source_count": len(entry.sources),
        "sources": _sources(entry),
    }


def _deal_rows(entry: Entry, supported_only: bool) -> list[dict[str, Any]]:
    deal = entry.merged(supported_only=supported_only)
    date = deal.get("date") or (entry.first_date.isoformat() if entry.first_date else None)
    items = entry.items or [Item(key="")]
    rows = []
    for item in items:
        merged = item.merged(supported_only=supported_only)
        rows.append(
            {
                "entry_id": entry.entry_id,
                "item": item.key,
                "supplier": deal.get("supplier"),
                "recipient": deal.get("recipient"),
                "designation": merged.get("designation"),
                "category": merged.get("category"),
                "number": merged.get("number"),
                "number_text": merged.get("number_text"),
                "status": deal.get("status"),
                "date": date,
                "year": _year(entry, date),
                "deal_value": deal.get("deal_value"),
                **_tail(
                    entry,
                    entry.flagged() + flagged_fields(item.fields),
                    disputed_fields(entry.fields) + disputed_fields(item.fields),
                ),
            }
        )
    return rows


def _meeting_row(entry: Entry, supported_only: bool) -> dict[str, Any]:
    merged = entry.merged(supported_only=supported_only)
    return {
        "entry_id": entry.entry_id,
        "date": merged.get("date"),
        "year": _year(entry, merged.get("date")),
        **{field: merged.get(field, []) for field in ("guests", "participants", "topics")},
        "place": merged.get("place"),
        "host": merged.get("host"),
        **_tail(entry, entry.flagged(), disputed_fields(entry.fields)),
    }


def _embargo_row(entry: Entry, supported_only: bool) -> dict[str, Any]:
    merged = entry.merged(supported_only=supported_only)
    return {
        "entry_id": entry.entry_id,
        "target": merged.get("target") or merged.get("target_text"),
        "imposed_by": merged.get("imposed_by") or merged.get("imposed_by_text"),
        "measure": merged.get("measure"),
        "resolutions": merged.get("resolutions", []),
        "start": merged.get("start"),
        "year": _year(entry, merged.get("start")),
        "status": merged.get("status"),
        **_tail(entry, entry.flagged(), disputed_fields(entry.fields)),
    }


def rows(entry: Entry, *, supported_only: bool = False) -> list[dict[str, Any]]:
    """The entry's rows, columns in `COLUMNS[entry.kind]` order: lists stay lists, `sources`
    is a list of {doc_id, outlet, url, published}; under `supported_only` a value no source
    supports is left out (an empty cell)."""
    if entry.kind == "arms_deals":
        found = _deal_rows(entry, supported_only)
    elif entry.kind == "meetings":
        found = [_meeting_row(entry, supported_only)]
    else:
        found = [_embargo_row(entry, supported_only)]
    return [{column: row[column] for column in COLUMNS[entry.kind]} for row in found]


def source_label(source: dict[str, Any]) -> str:
    """A source in one cell: `doc_id (outlet)`."""
    return f"{source['doc_id']} ({source['outlet']})" if source["outlet"] else source["doc_id"]


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row with lists joined by `; ` and sources as `doc_id (outlet)`: one cell each."""
    return {
        column: (
            "; ".join(source_label(part) if isinstance(part, dict) else str(part) for part in value)
            if isinstance(value, list)
            else value
        )
        for column, value in row.items()
    }
