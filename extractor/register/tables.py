"""The register's tables (SQLAlchemy Core): one schema for SQLite and PostgreSQL.

- `schema_version`: one row, the layout's version; a register written by another layout is
  refused rather than misread.
- `sources`: one row per document, keyed by its source sha256 (`doc_id:…` for a Document
  without one), with doc_id, outlet and date. Keys are unbounded text: a long doc_id is no
  reason for PostgreSQL to refuse a batch.
- `facts`: every fact of every source, its block (the parties that decide which facts are ever
  compared), its occasion date and its entry.
- `entries`: one per real-world fact; `entry_countries` indexes the states involved.
- `field_values`: each field's distinct values per entry (and per deal item), ranked by how many
  sources give them, with those sources and the check status of those that flag it: conflicts
  are kept, not resolved.

The analysts' tables (`ANALYST_TABLES`, documented in docs/register.md) are plain typed rows
rewritten with their entry: `deals`, `deal_items` (one row per weapon system, the way SIPRI's
trade register reads), `meetings`, `participants`, `embargoes`, `resolutions` and
`entry_sources`, with the export's column names.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 2
"""2: deal items, check statuses and the analysts' tables (1 is migrated on opening)."""

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
)

sources = Table(
    "sources",
    metadata,
    Column("sha256", Text, primary_key=True),
    Column("doc_id", Text, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", String(10)),
)

facts = Table(
    "facts",
    metadata,
    Column("fact_key", Text, primary_key=True),
    Column("sha256", Text, ForeignKey("sources.sha256"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("position", Integer, nullable=False),
    Column("block", Text, nullable=False, index=True),
    Column("occasion", String(10)),
    Column("body", Text, nullable=False),
    Column("checks", Text, nullable=False, server_default="{}"),
    Column("entry_id", String(40), index=True),
)

entries = Table(
    "entries",
    metadata,
    Column("entry_id", String(40), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("block", Text, nullable=False, index=True),
    Column("first_date", String(10)),
    Column("last_date", String(10)),
    Column("source_count", Integer, nullable=False),
    Index("entries_kind_date", "kind", "first_date"),
)

entry_countries = Table(
    "entry_countries",
    metadata,
    Column("entry_id", String(40), ForeignKey("entries.entry_id"), primary_key=True),
    Column("country", String(8), primary_key=True, index=True),
)

field_values = Table(
    "field_values",
    metadata,
    Column("entry_id", String(40), ForeignKey("entries.entry_id"), primary_key=True),
    Column("item", Integer, primary_key=True),
    Column("item_key", Text, nullable=False),
    Column("field", String(32), primary_key=True),
    Column("rank", Integer, primary_key=True),
    Column("value", Text, nullable=False),
    Column("sources", Text, nullable=False),
    Column("flags", Text, nullable=False),
)


def _text(name: str, comment: str, *, primary_key: bool = False) -> Column[str]:
    return Column(name, Text, comment=comment, primary_key=primary_key)


def _entry_id(primary: bool = True) -> Column[str]:
    return Column(
        "entry_id",
        String(40),
        ForeignKey("entries.entry_id"),
        primary_key=primary,
        index=not primary,
        comment="The register entry (`extractor register show ENTRY_ID`).",
    )


def _common() -> list[Column[Any]]:
    return [
        _text("flagged", "Fields of the row that no source supports (its checks failed), `; `."),
        _text("disputed", "Fields of the row whose sources disagree (majority value shown), `; `."),
        Column("source_count", Integer, comment="How many documents report the entry."),
    ]


def _dated(name: str = "date") -> list[Column[Any]]:
    return [
        _text(name, "The date as the sources give it (YYYY, YYYY-MM or YYYY-MM-DD)."),
        Column("year", Integer, comment="The year of the date, else of the first report."),
    ]


def _parties() -> list[Column[Any]]:
    return [
        _text("supplier", "ISO3 code of the supplier state."),
        _text("recipient", "ISO3 code of the recipient state."),
    ]


def _terms() -> list[Column[Any]]:
    return [
        _text(
            "status",
            "Stage of the deal (signed, delivered, …): what `number` was ordered or delivered as.",
        ),
        *_dated(),
        _text(
            "deal_value",
            "The whole deal's value as written; repeated on each item row: never sum it.",
        ),
    ]


deals = Table(
    "deals",
    metadata,
    _entry_id(),
    *_parties(),
    *_terms(),
    Column("items", Integer, comment="How many weapon systems the deal names."),
    *_common(),
    comment="One row per arms deal: parties, stage, date and value.",
)

deal_items = Table(
    "deal_items",
    metadata,
    _entry_id(),
    Column(
        "item",
        Text,
        primary_key=True,
        comment="The item's designation key (F16, F16#2); empty for a deal without items.",
    ),
    *_parties(),
    _text("designation", "The weapon system as most sources write it."),
    _text("category", "The kind of weapon system (fighter_aircraft, air_defence, …)."),
    Column("number", Integer, comment="How many of this system, as most sources give it."),
    _text("number_text", "The number as written."),
    *_terms(),
    *_common(),
    comment="One row per weapon system of a deal (SIPRI's grain); deal_value repeats per item.",
)

meetings = Table(
    "meetings",
    metadata,
    _entry_id(),
    *_dated(),
    _text("place", "The place as written."),
    _text("host", "ISO3 code of the host state."),
    _text("guests", "ISO3 codes of the visiting states, `; `."),
    _text("participants", "Names of the participants, `; ` (one per row in `participants`)."),
    _text("topics", "What was discussed, `; `."),
    *_common(),
    comment="One row per meeting, visit, call or talks.",
)

participants = Table(
    "participants",
    metadata,
    _entry_id(),
    _text("name", "A participant's name as written.", primary_key=True),
    Column("source_count", Integer, comment="How many documents name the participant."),
    Column("flagged", Integer, comment="1 when no source's check supports the name."),
    comment="One row per person named in a meeting.",
)

embargoes = Table(
    "embargoes",
    metadata,
    _entry_id(),
    _text("target", "ISO3 code of the target, else the target as written."),
    _text("imposed_by", "UNSC, EU, AU, AL or an ISO3 code, else as written."),
    _text("measure", "What the measure restricts (arms, assets, …)."),
    _text("resolutions", "Resolution numbers, `; ` (one per row in `resolutions`)."),
    *_dated("start"),
    _text("status", "Where the measure stands (imposed, lifted, …)."),
    *_common(),
    comment="One row per embargo or sanctions regime.",
)

resolutions = Table(
    "resolutions",
    metadata,
    _entry_id(),
    _text("resolution", "A resolution number.", primary_key=True),
    comment="One row per resolution an embargo cites.",
)

entry_sources = Table(
    "entry_sources",
    metadata,
    _entry_id(),
    Column("sha256", Text, primary_key=True, comment="The source text's sha256 (`sources`)."),
    _text("doc_id", "The document's id."),
    _text("outlet", "The publisher."),
    _text("url", "The article's address."),
    _text("published", "Its publication date."),
    _text("evidence", "The sentences stating the fact, one per line."),
    comment="One row per document reporting an entry, with its evidence sentences.",
)

ANALYST_TABLES = (deals, deal_items, meetings, participants, embargoes, resolutions, entry_sources)
"""Tables for SQL users, rewritten with their entries."""
