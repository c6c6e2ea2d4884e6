"""The output folder of a Ray run: shards of records, each written whole or not at all.

A shard is JSONL (one record per line, as `extractor run` writes them) or Parquet: one row per
record with the columns `doc_id`, `sha256` (of the source; null for an input refused before
extraction), `error_type` (null for a Document) and `record` (the same JSON line), so error
records sit beside Documents and a reader filters on `error_type IS NULL`.

A shard appears under its final name only once complete (temporary file, fsync, rename), so a
killed driver loses the blocks in flight and nothing else. Resuming reads every shard as a plain
run reads its output file: a Document of a wanted doc_id with the same source sha256 is done,
any other record of a wanted doc_id is dropped (its shard rewritten) and done again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from extractor.errors import ConfigurationError, InputError
from extractor.pipeline.batch import Outcome, prepare_resume, replace_atomically, resumable
from extractor.schemas import Document

SHARD_FORMATS = ("jsonl", "parquet")
PARQUET_HINT = 'Parquet shards need pyarrow: pip install "arabic-fact-extractor[ray]"'


def shards(folder: Path) -> list[Path]:
    """The complete shards of an output folder, of either format, oldest name first."""
    return sorted(
        path
        for suffix in SHARD_FORMATS
        for path in folder.glob(f"*.{suffix}")
        if not path.name.startswith(".")
    )


def open_folder(
    folder: Path, *, resume: bool, wanted: Callable[[], Mapping[str, str | None]]
) -> dict[str, Document]:
    """Make the output folder ready and return the Documents it already holds (with --resume).

    Without `resume` a folder with anything in it is refused, so no earlier run is mixed in;
    `wanted` (doc_id to source sha256) is asked for only when there are shards to resume.
    """
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: is a file; --engine ray writes a folder: -o OUT_DIR/")
    folder.mkdir(parents=True, exist_ok=True)
    if not resume:
        if any(folder.iterdir()):
            raise InputError(
                f"{folder}: is not empty; add --resume to complete the run it holds, "
                "or give an empty folder"
            )
        return {}
    found = shards(folder)
    if not found:
        return {}
    fingerprints = wanted()
    done: dict[str, Document] = {}
    for shard in found:
        if shard.suffix == ".jsonl":
            done.update(prepare_resume(shard, fingerprints).documents)
            continue
        records = read_parquet_records(shard)
        kept, documents = resumable((record.encode("utf-8") for record in records), fingerprints)
        if len(kept) < len(records):
            replace_atomically(shard, _parquet([line.decode("utf-8") for line in kept]))
        done.update(documents)
    return done


class ShardWriter:
    """Writes each block of records as one new shard of `folder`, as JSONL or Parquet."""

    def __init__(self, folder: Path, shard_format: str = "jsonl") -> None:
        if shard_format not in SHARD_FORMATS:
            raise ValueError(f"shards are {' or '.join(SHARD_FORMATS)}, not {shard_format}")
        if shard_format == "parquet":
            require_pyarrow()
        self._folder = folder
        self._format = shard_format
        self._prefix = f"part-{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**6:06d}"
        self._count = 0

    def write(self, records: Sequence[str]) -> Path | None:
        """One shard holding `records` (none for an empty block)."""
        if not records:
            return None
        self._count += 1
        path = self._folder / f"{self._prefix}-{self._count:06d}.{self._format}"
        if self._format == "parquet":
            content = _parquet(records)
        else:
            content = "".join(record + "\n" for record in records).encode("utf-8")
        replace_atomically(path, content)
        return path


def _parquet(records: Sequence[str]) -> bytes:
    """A Parquet file of records: their doc_id, source sha256 and error type beside each."""
    import pyarrow
    import pyarrow.parquet

    fields = [json.loads(record) for record in records]
    table = pyarrow.table(
        {
            "doc_id": pyarrow.array([f.get("doc_id") for f in fields], pyarrow.string()),
            "sha256": pyarrow.array([_sha256(f) for f in fields], pyarrow.string()),
            "error_type": pyarrow.array([_error_type(f) for f in fields], pyarrow.string()),
            "record": pyarrow.array(list(records), pyarrow.string()),
        }
    )
    sink = pyarrow.BufferOutputStream()
    pyarrow.parquet.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())


def _sha256(fields: Mapping[str, Any]) -> str | None:
    provenance = fields.get("provenance")
    value = provenance.get("source_sha256") if isinstance(provenance, dict) else None
    return value if isinstance(value, str) else None


def _error_type(fields: Mapping[str, Any]) -> str | None:
    """An error record's type (`Error` when it names none); None for a Document."""
    error = fields.get("error")
    if error is None:
        return None
    kind = error.get("type") if isinstance(error, dict) else None
    return kind if isinstance(kind, str) else "Error"


def read_parquet_records(path: Path) -> list[str]:
    """The record lines of a Parquet shard."""
    require_pyarrow()
    import pyarrow.parquet

    column = pyarrow.parquet.read_table(path, columns=["record"]).column("record")
    return [str(record) for record in column.to_pylist()]


def require_pyarrow() -> None:
    """Refuse Parquet shards without pyarrow, saying how to install it."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise ConfigurationError(PARQUET_HINT) from exc


def outcome_of(record: str) -> Outcome:
    """The Outcome a record stands for (to count it as a plain run counts its outcomes)."""
    fields = json.loads(record)
    error = fields.get("error")
    if isinstance(error, dict):
        return Outcome(
            doc_id=fields["doc_id"],
            error_type=error.get("type"),
            error_message=error.get("message"),
        )
    document = Document.model_validate(fields)
    return Outcome(doc_id=document.doc_id, document=document)
