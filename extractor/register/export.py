"""The register as files: one row per deal item, meeting or embargo (`rows.py`), written as
CSV, Parquet (list and struct columns) or JSON lines, with the same column names in each."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from extractor.register.entry import Entry
from extractor.register.rows import (
    CODE_COLUMNS,
    COLUMNS,
    INTEGER_COLUMNS,
    LIST_COLUMNS,
    flat,
    rows,
)
from extractor.register.store import RegisterError
from extractor.schemas import FactKind

FORMATS = ("csv", "parquet", "jsonl")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV cell as a formula (OWASP, CSV injection)."""


def spreadsheet_safe(row: dict[str, Any]) -> dict[str, Any]:
    """A CSV row whose text cells cannot run as formulas: a text cell that starts with = + - @,
    tab or CR gets a leading ' (OWASP's advice; spreadsheets then show it as text). Number, date
    and code columns are never changed."""
    return {
        column: (
            f"'{value}"
            if isinstance(value, str)
            and value.startswith(FORMULA_STARTS)
            and column not in CODE_COLUMNS
            else value
        )
        for column, value in row.items()
    }


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A sibling temporary file to write, renamed over `path` once complete: a crash or a full
    disk leaves the old file, never a truncated one (a device or a pipe is written directly)."""
    if path.exists() and not path.is_file():
        yield path
        return
    path = path.resolve()  # a symbolic link's target is replaced, not the link
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def header(kind: FactKind) -> list[str]:
    """The column names of a kind's rows."""
    return list(COLUMNS[kind])


def _all_rows(entries: Iterable[Entry], supported_only: bool) -> Iterable[dict[str, Any]]:
    for entry in entries:
        yield from rows(entry, supported_only=supported_only)


def write_csv(
    path: Path,
    kind: FactKind,
    entries: Iterable[Entry],
    *,
    supported_only: bool = False,
    excel: bool = False,
) -> int:
    """Write one kind's rows as CSV, UTF-8 (with a byte-order mark under `excel`, so that
    spreadsheets read the Arabic), text cells made `spreadsheet_safe`."""
    count = 0
    with (
        replacing(path) as temporary,
        temporary.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as handle,
    ):
        writer = csv.DictWriter(handle, fieldnames=header(kind))
        writer.writeheader()
        for row in _all_rows(entries, supported_only):
            writer.writerow(spreadsheet_safe(flat(row)))
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
    path: Path, kind: FactKind, entries: Sequence[Entry], *, supported_only: bool = False
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
    with replacing(path) as temporary:
        pq.write_table(table, temporary)
    return len(found)


def write_jsonl(
    path: Path,
    entries: Iterable[Entry],
    kind: FactKind | None = None,
    *,
    supported_only: bool = False,
) -> int:
    """Write JSON lines: one kind's rows (the CSV's columns, lists as arrays), or without a kind
    every entry whole, with its items, sources and every value."""
    count = 0
    with replacing(path) as temporary, temporary.open("w", encoding="utf-8") as handle:
        records = (
            _all_rows(entries, supported_only)
            if kind is not None
            else (entry.record() for entry in entries)
        )
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
