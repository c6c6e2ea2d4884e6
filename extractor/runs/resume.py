"""`--resume`: what an earlier run's output already holds, and what this run must redo.

Records and inputs meet on one key, `(doc_id, source sha256)`: `record_key` reads it off a
record (the sha256 is None for an error record), `input_key` off an input of this run (None
for an input that could not be read). A Document whose key is that of an input counts as done
unless an asked fact kind failed; every other record of a wanted doc_id (errors, stale
Documents, duplicates) and a trailing partial line are dropped, so the run rewrites them once.
Records of other doc_ids are kept as they are.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractor.runs.jobs import Job, Refused
from extractor.runs.sink import replace_atomically
from extractor.schemas import Document

ResumeKey = tuple[str, str | None]
"""A doc_id and the source sha256 it stands for (None: an error record, a refused input)."""


def record_key(record: object) -> ResumeKey | None:
    """The key of one output record (a parsed JSON line): its doc_id and its Document's
    `provenance.source_sha256`, None for an error record; None for what is no record."""
    if not isinstance(record, dict) or not isinstance(record.get("doc_id"), str):
        return None
    provenance = record.get("provenance")
    sha256 = provenance.get("source_sha256") if isinstance(provenance, dict) else None
    return record["doc_id"], sha256 if isinstance(sha256, str) and "error" not in record else None


def input_key(item: Job | Refused) -> ResumeKey:
    """The key of one input of this run: its doc_id and its text's sha256, None for an input
    that could not be read (its earlier error record is replaced, never kept twice)."""
    return item.doc_id, item.sha256 if isinstance(item, Job) else None


@dataclass(frozen=True, slots=True)
class ResumeState:
    """What an earlier run left in the output: the Documents that need not be redone."""

    documents: dict[str, Document]
    dropped_lines: int


def prepare_resume(path: Path, wanted: Mapping[str, str | None]) -> ResumeState:
    """Clean an output file for `--resume` and return the Documents already done.

    `wanted` maps the doc_ids of this run to their source sha256. A Document of a wanted doc_id
    counts as done only when its `provenance.source_sha256` matches and no asked fact kind
    failed (`kinds_failed`); other records of wanted
    doc_ids (errors, stale Documents, duplicates) and a trailing partial line are dropped, so
    the run rewrites them once. Records of other doc_ids are kept as they are. When anything is
    dropped the file is rewritten atomically (temporary file, fsync, rename).
    """
    if not path.exists():
        return ResumeState(documents={}, dropped_lines=0)
    raw = path.read_bytes()
    complete, _, tail = raw.rpartition(b"\n")
    lines = complete.split(b"\n") if complete else []
    kept, documents = resumable(lines, wanted)
    dropped = len(lines) - len(kept) + bool(tail.strip())
    if dropped == bool(tail.strip()) and tail:
        os.truncate(path, len(raw) - len(tail))  # only a partial last line: needs no free space
    elif dropped:
        replace_atomically(path, b"".join(line + b"\n" for line in kept))
    return ResumeState(documents=documents, dropped_lines=dropped)


def resumable(
    lines: Iterable[bytes], wanted: Mapping[str, str | None]
) -> tuple[list[bytes], dict[str, Document]]:
    """The record lines to keep for `--resume`, and the Documents among them that are done:
    what `prepare_resume` keeps of a file, for any container of record lines."""
    kept: list[bytes] = []
    documents: dict[str, Document] = {}
    for line in lines:
        verdict = _resume_verdict(line, wanted, documents)
        if verdict is not None:
            kept.append(line)
            if isinstance(verdict, Document):
                documents[verdict.doc_id] = verdict
    return kept, documents


def recorded_ids(path: Path) -> dict[str, str | None]:
    """The doc_ids of the records an output file holds, with their source sha256 (None for an
    error record), for naming."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    return recorded_keys(raw.split(b"\n"))


def recorded_keys(lines: Iterable[bytes]) -> dict[str, str | None]:
    """The `record_key` of each record line, by doc_id: a Document's source sha256 wins over
    an error record of the same doc_id (None)."""
    recorded: dict[str, str | None] = {}
    for line in lines:
        try:
            key = record_key(json.loads(line))
        except ValueError:
            continue
        if key is not None and key[1] is not None:
            recorded[key[0]] = key[1]
        elif key is not None:
            recorded.setdefault(key[0], None)
    return recorded


@dataclass(frozen=True, slots=True)
class JsonlOutput:
    """The JSONL file of an earlier plain run, resumed (a `RunOutput`)."""

    path: Path

    def recorded(self) -> dict[str, str | None]:
        """The resume key of each record the file holds."""
        return recorded_ids(self.path)

    def resume(self, wanted: Callable[[], Mapping[str, str | None]]) -> dict[str, Document]:
        """The Documents the file holds done for `wanted`; its other records of wanted
        doc_ids are dropped (see `prepare_resume`)."""
        if not self.path.exists():
            return {}
        return prepare_resume(self.path, wanted()).documents


def resume_keys(items: Iterable[Job | Refused]) -> dict[str, str | None]:
    """What `prepare_resume` matches records on: the `input_key` of each input of this run."""
    return dict(map(input_key, items))


def _resume_verdict(
    line: bytes, wanted: Mapping[str, str | None], done: Mapping[str, Document]
) -> Document | bool | None:
    """A done Document to keep, True to keep the line untouched, or None to drop it."""
    if not line.strip():
        return None
    try:
        record: Any = json.loads(line)
    except ValueError:
        return None
    key = record_key(record)
    if key is None:
        return None
    doc_id, sha256 = key
    if doc_id not in wanted:
        return True
    if sha256 is None or sha256 != wanted[doc_id] or doc_id in done:
        return None
    try:
        document = Document.model_validate(record)
    except ValidationError:
        return None
    return None if document.provenance.kinds_failed else document
