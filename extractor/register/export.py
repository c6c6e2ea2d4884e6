"""The register as files: one row per deal item, meeting or embargo (`rows.py`), written as
CSV, Parquet (list and struct columns) or JSON lines, with the same column names in each."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from extractor.register.entry import Entry
from extractor.register.rows import COLUMNS, INTEGER_COLUMNS, LIST_COLUMNS, flat, rows
from extractor.register.store import RegisterError

FORMATS = ("csv", "parquet", "jsonl")


def header(kind: str) -> list[str]:
    """The column names of a kind's rows."""
    return list(COLUMNS[kind])


def _all_rows(entries: Iterable[Entry], supported_only: bool) -> Iterable[dict[str, Any]]:
    for entry in entries:
        yield from rows(entry, supported_only=supported_only)


def write_csv(
    path: Path,
    kind: str,
    entries: Iterable[Entry],
    *,
    supported_only: bool = False,
    excel: bool = False,
) -> int:
    """Write one kind's rows as CSV, UTF-8 (with a byte-order mark under `excel`, so that
    spreadsheets read the Arabic)."""
    count = 0
    with path.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header(kind))
        writer.writeheader()
        for row in _all_rows(entries, supported_only):
            writer.writerow(flat(row))
            count += 1
    return count


def _arrow_type(column: str) -> Any:
    import pyarrow as pa

    if column == "sources":
        source = pa.struct(
            [(name, pa.string()) for name in ("doc_id", "outlet", "url", "published")]
        )
        return pa.list_(source)
    if column in LIST_COLUMNS:
        return pa.list_(pa.string())
    return pa.int64() if column in INTEGER_COLUMNS else pa.string()


def write_parquet(
    path: Path, kind: str, entries: Sequence[Entry], *, supported_only: bool = False
) -> int:
    """Write one kind's rows as Parquet, lists as list columns and sources as structs (needs
    pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise RegisterError(
            "parquet needs pyarrow, which is not installed: pip install pyarrow "
            "(or export --format csv)"
        ) from exc
    found = list(_all_rows(entries, supported_only))
    schema = pa.schema([(column, _arrow_type(column)) for column in header(kind)])

    def cells(column: str) -> list[Any]:
        if column in LIST_COLUMNS or column in INTEGER_COLUMNS or column == "sources":
            return [row[column] for row in found]
        return [None if row[column] is None else str(row[column]) for row in found]

    table = pa.table({column: cells(column) for column in header(kind)}, schema=schema)
    pq.write_table(table, path)
    return len(found)


def write_jsonl(
    path: Path, entries: Iterable[Entry], kind: str | None = None, *, supported_only: bool = False
) -> int:
    """Write JSON lines: one kind's rows (the CSV's columns, lists as arrays), or without a kind
    every entry whole, with its items, sources and every value."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        records = (
            _all_rows(entries, supported_only)
            if kind is not None
            else (entry.record() for entry in entries)
        )
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
