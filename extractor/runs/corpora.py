"""Corpora: many articles in one file, one per JSONL line or Parquet row, read as a stream.

Each record is `{"doc_id", "text", "published"?, "outlet"?, "url"?}`. A record that cannot be an
article (a line that is not JSON, no doc_id, a doc_id with control characters or already used
above it, no text, a text the article checks refuse, binary text included) becomes a
`BadRecord` that the run records as an error; the rest of the corpus goes on. Nothing but the
doc_ids seen so far is kept in memory, so a corpus of millions of lines streams. A bad record
without a usable doc_id is named by its place: `corpus.jsonl:7`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from extractor.errors import ConfigurationError, InputError
from extractor.runs.articles import MAX_BYTES, Article, check_article_text, check_not_binary

CORPUS_SUFFIXES = (".jsonl", ".parquet")
"""Files read as corpora rather than as one article."""

COLUMNS = ("doc_id", "text", "published", "outlet", "url")
"""The fields of a corpus record; other fields are ignored."""

PARQUET_EXTRA_HINT = 'reading Parquet needs pyarrow: pip install "arabic-fact-extractor[parquet]"'

_PARQUET_BATCH = 256
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A corpus record that is not an article: the doc_id to record the error under, and why."""

    doc_id: str
    error: InputError


def is_corpus(path: Path) -> bool:
    """Whether `path` is read as a corpus of records (by its suffix)."""
    return path.suffix.lower() in CORPUS_SUFFIXES


def read_corpus(path: Path, *, published: dt.date | None = None) -> Iterator[Article | BadRecord]:
    """Every record of the corpus in order, as an Article or a BadRecord; `published` is the
    date of records that give none."""
    seen: dict[str, int] = {}
    for number, record in _records(path):
        place = f"{path.name}:{number}"
        if isinstance(record, InputError):
            yield BadRecord(place, record)
            continue
        doc_id = record_doc_id(record)
        if doc_id is None:
            yield BadRecord(place, InputError(f"{place}: has no doc_id; give every record one"))
            continue
        if _CONTROL.search(doc_id):
            message = f"{place}: doc_id {doc_id!r} holds control characters; remove them"
            yield BadRecord(place, InputError(message))
            continue
        if doc_id in seen:
            message = (
                f"{place}: doc_id {doc_id!r} is already used on line {seen[doc_id]}; "
                "give every record its own doc_id"
            )
            yield BadRecord(place, InputError(message))
            continue
        seen[doc_id] = number
        try:
            yield article_from_record(record, doc_id, f"{path}:{number}", published)
        except InputError as exc:
            yield BadRecord(doc_id, exc)


def record_doc_id(record: Mapping[str, Any]) -> str | None:
    """A record's doc_id (an integer is read as its digits); None when it gives none."""
    doc_id = record.get("doc_id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    return doc_id if isinstance(doc_id, str) and doc_id.strip() else None


def corpus_doc_ids(path: Path) -> Iterator[tuple[str, str]]:
    """(doc_id, `path:record number`) of each record that names one, without checking texts:
    what a run reserves for its corpora before naming its files."""
    for number, record in _records(path):
        doc_id = None if isinstance(record, InputError) else record_doc_id(record)
        if doc_id is not None:
            yield doc_id, f"{path}:{number}"


def caller_doc_ids(corpora: Sequence[Path]) -> dict[str, str]:
    """Every doc_id the corpora give, with the place that gives it first.

    Raises `InputError` for a doc_id that two corpora give: which record is meant would depend
    on the order of the arguments, and a resume would take one for the other.
    """
    places: dict[str, str] = {}
    for corpus in corpora:
        own: set[str] = set()
        for doc_id, place in corpus_doc_ids(corpus):
            if doc_id in places and doc_id not in own:
                raise InputError(
                    f"doc_id {doc_id!r} is given twice, by {places[doc_id]} and by {place}; "
                    "doc_ids must be unique across a run's inputs: rename one"
                )
            own.add(doc_id)
            places.setdefault(doc_id, place)
    return places


def count_records(path: Path) -> int:
    """How many records the corpus holds (non-blank lines, Parquet rows), without parsing them."""
    if path.suffix.lower() == ".parquet":
        return int(_parquet_file(path).metadata.num_rows)
    with path.open("rb") as handle:
        return sum(1 for _, line in _lines(handle) if line is None or line.strip())


def check_corpus(path: Path) -> None:
    """Refuse a corpus that cannot be read at all (a usage mistake, not a bad record)."""
    if path.suffix.lower() == ".parquet":
        _parquet_file(path)
    elif not path.is_file():
        raise InputError(f"{path}: is not a readable file")


def article_from_record(
    record: Mapping[str, Any], doc_id: str, source: str, default: dt.date | None = None
) -> Article:
    """The checked Article of one record's fields; `default` is the date when it gives none."""
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"{source}: record {doc_id!r} has no text; give it the article's text")
    check_not_binary(text, source=source)
    check_article_text(text, source=source)
    return Article(
        doc_id=doc_id,
        text=text,
        source=source,
        encoding="utf-8",
        published=_published(record.get("published"), source) or default,
        outlet=_optional_text(record.get("outlet")),
        url=_optional_text(record.get("url")),
    )


def _published(value: object, source: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(
            f"{source}: published {value!r} is not a date; write it as YYYY-MM-DD"
        ) from exc


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """(record number, fields or why they cannot be read) for each record of the corpus."""
    if path.suffix.lower() == ".parquet":
        yield from _parquet_records(path)
        return
    with path.open("rb") as handle:
        for number, line in _lines(handle):
            if line is None or line.strip():
                yield number, _parse_line(line, f"{path.name}:{number}")


def _lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines, never more than `MAX_BYTES` in memory: a longer line is skipped to its
    end and given as None."""
    number = 0
    while line := handle.readline(MAX_BYTES + 1):
        number += 1
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := handle.readline(MAX_BYTES + 1)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _parse_line(line: bytes | None, place: str) -> dict[str, Any] | InputError:
    if line is None:
        return InputError(f"{place}: is over {MAX_BYTES:,} bytes; split the article")
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, ValueError) as exc:
        return InputError(f"{place}: is not a JSON object ({exc}); write one object per line")
    if not isinstance(record, dict):
        return InputError(f"{place}: is not a JSON object; write one object per line")
    return record


def _parquet_file(path: Path) -> Any:
    try:
        import pyarrow.parquet as parquet
    except ImportError as exc:
        raise ConfigurationError(f"{path}: {PARQUET_EXTRA_HINT}") from exc
    try:
        return parquet.ParquetFile(path)
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot be read as Parquet ({exc})") from exc


def _parquet_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    file = _parquet_file(path)
    columns = [name for name in COLUMNS if name in file.schema_arrow.names]
    number = 0
    for batch in file.iter_batches(batch_size=_PARQUET_BATCH, columns=columns):
        for row in batch.to_pylist():
            number += 1
            yield number, row
