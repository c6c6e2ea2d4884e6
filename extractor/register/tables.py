"""The register's tables (SQLAlchemy Core): one schema for SQLite and PostgreSQL.

- `schema_version`: one row, the layout's version; a register written by another layout is
  refused rather than misread.
- `sources`: one row per document, keyed by its source sha256, with doc_id, outlet and date.
- `facts`: every fact of every source, its block (the parties that decide which facts are ever
  compared), its occasion date and its entry.
- `entries`: one per real-world fact; `entry_countries` indexes the states involved.
- `field_values`: each field's distinct values per entry, ranked by how many sources give them,
  with those sources: conflicts are kept, not resolved.
"""

from __future__ import annotations

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

SCHEMA_VERSION = 1

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
)

sources = Table(
    "sources",
    metadata,
    Column("sha256", String(80), primary_key=True),
    Column("doc_id", Text, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", String(10)),
)

facts = Table(
    "facts",
    metadata,
    Column("fact_key", String(120), primary_key=True),
    Column("sha256", String(80), ForeignKey("sources.sha256"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("position", Integer, nullable=False),
    Column("block", Text, nullable=False, index=True),
    Column("occasion", String(10)),
    Column("body", Text, nullable=False),
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
    Column("field", String(32), primary_key=True),
    Column("rank", Integer, primary_key=True),
    Column("value", Text, nullable=False),
    Column("sources", Text, nullable=False),
)
