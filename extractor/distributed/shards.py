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

import contextlib
import errno
import json
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.errors import ConfigurationError, InputError
from extractor.runs.outcomes import Outcome
from extractor.runs.resume import prepare_resume, record_key, recorded_keys, resumable
from extractor.runs.sink import replace_atomically
from extractor.schemas import Document

SHARD_FORMATS = ("jsonl", "parquet")
PARQUET_HINT = 'Parquet shards need pyarrow: pip install "arabic-fact-extractor[ray]"'

MARKER = ".extractor-shards.json"
"""The file that makes a folder ours: `{"format": "jsonl" | "parquet"}`, written before its
first shard (hidden, so that `read_parquet(folder)` skips it)."""

SHARD_NAME = re.compile(r"part-\d{8}T\d{6}-\d{6}-\d{6,}\.(jsonl|parquet)")
"""The name `ShardWriter` gives a shard: only files so named are read, rewritten or counted."""


@dataclass(frozen=True, slots=True)
class ShardFolder:
    """An output folder of shards, ready to write in `shard_format`."""

    path: Path
    shard_format: str

    def shards(self) -> list[Path]:
        """The shards in the folder, oldest name first; any other file is left alone."""
        return sorted(path for path in self.path.iterdir() if SHARD_NAME.fullmatch(path.name))

    def recorded(self) -> dict[str, str | None]:
        """The resume key of each record the shards hold, for naming (one shard at a time)."""
        return recorded_keys(line for shard in self.shards() for line in _shard_lines(shard))

    def resume(self, wanted: Callable[[], Mapping[str, str | None]]) -> dict[str, Document]:
        """The Documents the shards already hold for `wanted` (doc_id to source sha256, asked
        for only when there are shards); the other records of wanted doc_ids are dropped,
        their shards rewritten."""
        found = self.shards()
        fingerprints = wanted() if found else {}
        done: dict[str, Document] = {}
        for shard in found:
            with _unreadable_as_input_error(shard):
                done.update(_resume_shard(shard, fingerprints))
        return done


@contextlib.contextmanager
def _unreadable_as_input_error(shard: Path) -> Iterator[None]:
    """A shard that cannot be read (garbage, a folder) is a one-line InputError."""
    try:
        yield
    except (OSError, ValueError) as exc:
        reason = (str(exc) or type(exc).__name__).splitlines()[0]
        raise InputError(
            f"{shard}: cannot be read as a {shard.suffix[1:]} shard ({reason}); move it "
            "out of the output folder and rerun"
        ) from exc


def _shard_lines(shard: Path) -> list[bytes]:
    """The record lines of one shard."""
    with _unreadable_as_input_error(shard):
        _require_file(shard)
        if shard.suffix == ".jsonl":
            return shard.read_bytes().split(b"\n")
        return [record.encode("utf-8") for record in read_parquet_records(shard)]


def _require_file(shard: Path) -> None:
    if not shard.is_file():
        raise IsADirectoryError(errno.EISDIR, "not a regular file")


def _resume_shard(shard: Path, wanted: Mapping[str, str | None]) -> dict[str, Document]:
    """The done Documents of one shard, which is rewritten without the records to redo."""
    _require_file(shard)
    if shard.suffix == ".jsonl":
        return prepare_resume(shard, wanted).documents
    records = read_parquet_records(shard)
    kept, documents = resumable((record.encode("utf-8") for record in records), wanted)
    if len(kept) < len(records):
        replace_atomically(shard, _parquet([line.decode("utf-8") for line in kept]))
    return documents


def open_folder(
    folder: Path, *, resume: bool, shard_format: str | None, inputs: Sequence[Path] = ()
) -> ShardFolder:
    """Make the output folder ready for a run's shards (in `shard_format`, by default the
    format the folder holds, else JSONL).

    Refused: a folder holding one of the run's `inputs`; without `resume`, a folder with
    anything in it, so no earlier run is mixed in; with it, a folder that is not ours (no
    marker and files other than shards) or whose shards are in another format.
    """
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: is a file; --engine ray writes a folder: -o OUT_DIR/")
    _refuse_inputs_inside(folder, inputs)
    folder.mkdir(parents=True, exist_ok=True)
    if not resume and any(folder.iterdir()):
        raise InputError(
            f"{folder}: is not empty; add --resume to complete the run it holds, "
            "or give an empty folder"
        )
    found = _folder_format(folder)
    if found is not None and shard_format not in (None, found):
        raise InputError(
            f"{folder}: holds {found} shards; resume it with --shard-format {found} "
            "(or without --shard-format), or give an empty folder"
        )
    return ShardFolder(folder, found or shard_format or SHARD_FORMATS[0])


def _refuse_inputs_inside(folder: Path, inputs: Sequence[Path]) -> None:
    """Refuse an output folder that holds an input (resuming would read it as a shard)."""
    where = folder.resolve()
    for path in inputs:
        if path.resolve().is_relative_to(where):
            raise InputError(
                f"{folder}: holds the input {path}; shards must not be mixed with inputs: "
                "choose another output folder"
            )


def _folder_format(folder: Path) -> str | None:
    """The shard format of a folder: its marker's, else (a folder of shards written before
    markers) its shards'; None for an empty folder. A folder that is not ours is refused."""
    marker = folder / MARKER
    if marker.exists():
        try:
            found = json.loads(marker.read_bytes()).get("format")
        except (OSError, ValueError, AttributeError) as exc:
            raise InputError(f"{marker}: cannot be read ({exc}); give an empty folder") from exc
        if found not in SHARD_FORMATS:
            raise InputError(f"{marker}: names no shard format; give an empty folder")
        return str(found)
    entries = [path for path in folder.iterdir() if not path.name.startswith(".")]
    strangers = [path.name for path in entries if not SHARD_NAME.fullmatch(path.name)]
    if strangers:
        raise InputError(
            f"{folder}: is not a folder of extractor shards (it holds {strangers[0]!r} and no "
            f"{MARKER}); give an empty or new folder"
        )
    formats = {path.suffix.lstrip(".") for path in entries}
    if len(formats) > 1:
        raise InputError(f"{folder}: holds both JSONL and Parquet shards; give an empty folder")
    return formats.pop() if formats else None


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
        """One shard holding `records` (none for an empty block); the folder's marker first."""
        if not records:
            return None
        marker = self._folder / MARKER
        if not marker.exists():
            replace_atomically(marker, json.dumps({"format": self._format}).encode("utf-8"))
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
    """The source sha256 a record stands for (`record_key`): None for an error record."""
    key = record_key(fields)
    return key[1] if key is not None else None


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
