"""The output folder of a Ray run: JSONL shards, each written whole or not at all.

A shard appears under its final name only once complete (temporary file, fsync, rename), so a
killed driver loses the blocks in flight and nothing else. Resuming reads every shard as a plain
run reads its output file: a Document of a wanted doc_id with the same source sha256 is done,
any other record of a wanted doc_id is dropped and done again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from extractor.errors import InputError
from extractor.pipeline.batch import Outcome, prepare_resume, replace_atomically
from extractor.schemas import Document

SHARD_SUFFIX = ".jsonl"


def shards(folder: Path) -> list[Path]:
    """The complete shards of an output folder, oldest name first."""
    return sorted(path for path in folder.glob(f"*{SHARD_SUFFIX}") if not path.name.startswith("."))


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
        done.update(prepare_resume(shard, fingerprints).documents)
    return done


class ShardWriter:
    """Writes each block of records as one new shard of `folder`."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._prefix = f"part-{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**6:06d}"
        self._count = 0

    def write(self, records: Sequence[str]) -> Path | None:
        """One shard holding `records` (none for an empty block)."""
        if not records:
            return None
        self._count += 1
        path = self._folder / f"{self._prefix}-{self._count:06d}{SHARD_SUFFIX}"
        replace_atomically(path, "".join(record + "\n" for record in records).encode("utf-8"))
        return path


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
