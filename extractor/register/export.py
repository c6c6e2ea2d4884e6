"""The register as tables: SIPRI-like columns per kind, written as CSV, Parquet or JSON lines."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from extractor.register.entry import Entry
from extractor.register.store import RegisterError

COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "arms_deals": {
        "supplier": ("supplier",),
        "recipient": ("recipient",),
        "designation": ("designation",),
        "description": ("category",),
        "number": ("number",),
        "status": ("status",),
        "date": ("date",),
        "value": ("value",),
    },
    "meetings": {
        "date": ("date",),
        "place": ("place",),
        "host": ("host",),
        "guests": ("guests",),
        "participants": ("participants",),
    },
    "embargoes": {
        "target": ("target", "target_text"),
        "imposed_by": ("imposed_by", "imposed_by_text"),
        "kind": ("measure",),
        "resolutions": ("resolutions",),
        "start": ("start",),
        "status": ("status",),
    },
}
"""Each kind's export columns and the entry fields they are read from, first present wins."""

FORMATS = ("csv", "parquet", "jsonl")


def _cell(value: Any) -> Any:
    return "; ".join(str(part) for part in value) if isinstance(value, list) else value


def row(entry: Entry) -> dict[str, Any]:
    """One entry as a flat row: its id, first date, the kind's columns (majority values; every
    value of a list field), the fields its sources disagree on, and its sources."""
    merged = entry.merged()
    columns = COLUMNS[entry.kind]
    values = {
        column: _cell(next((merged[name] for name in names if name in merged), None))
        for column, names in columns.items()
    }
    if entry.kind == "arms_deals" and values["date"] is None and entry.first_date:
        values["date"] = entry.first_date.isoformat()
    sources = [
        f"{source.doc_id} ({source.outlet})" if source.outlet else source.doc_id
        for source in entry.sources
    ]
    return {
        "entry_id": entry.entry_id,
        **values,
        "disputed": "; ".join(entry.conflicts()),
        "source_count": len(entry.sources),
        "sources": "; ".join(sources),
    }


def header(kind: str) -> list[str]:
    """The column names of a kind's rows."""
    return ["entry_id", *COLUMNS[kind], "disputed", "source_count", "sources"]


def write_csv(path: Path, kind: str, entries: Iterable[Entry]) -> int:
    """Write one kind's entries as CSV (UTF-8 with a BOM, so spreadsheets read the Arabic)."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header(kind))
        writer.writeheader()
        for entry in entries:
            writer.writerow(row(entry))
            count += 1
    return count


def write_parquet(path: Path, kind: str, entries: Sequence[Entry]) -> int:
    """Write one kind's entries as Parquet (needs pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise RegisterError(
            "parquet needs pyarrow, which is not installed: pip install pyarrow "
            "(or export --format csv)"
        ) from exc
    rows = [row(entry) for entry in entries]
    columns = {
        name: [str(r[name]) if r[name] is not None else None for r in rows] for name in header(kind)
    }
    columns["source_count"] = [r["source_count"] for r in rows]
    pq.write_table(pa.table(columns), path)
    return len(rows)


def write_jsonl(path: Path, entries: Iterable[Entry]) -> int:
    """Write entries as JSON lines: id, kind, merged fields, sources and every value."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(json.dumps(entry.record(), ensure_ascii=False) + "\n")
            count += 1
    return count
