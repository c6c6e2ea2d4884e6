"""Many documents: concurrent extraction into a JSONL file that a kill at any moment leaves valid.

Each finished document becomes one line, written with a single `write()` of the whole line and
fsync'd before the next one, so the file only ever ends in a partial line if the process dies
inside that one call; `prepare_resume` drops such a tail. A document that fails becomes an error
record `{"doc_id", "error": {"type", "message"}}` and the run goes on. Output order follows
completion, not input: `doc_id` is the key.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import json
import os
import sys
from collections import Counter
from collections.abc import Awaitable, Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from pydantic import ValidationError

from extractor.errors import ConfigurationError, InputError
from extractor.inputs import STDIN_DOC_ID, Article, read_article, read_stdin_article
from extractor.pipeline.naming import Named, unique_doc_ids
from extractor.schemas import FACT_KINDS, FAILED_STATUSES, Document, Source

Extract = Callable[[str, str, dt.date | None], Awaitable[Document]]
"""`await extract(text, doc_id, published)`: one document in, one verified Document out."""


@dataclass(frozen=True, slots=True)
class Job:
    """One document to extract: its id, text, source fingerprint, publication date and outlet."""

    doc_id: str
    text: str
    sha256: str
    published: dt.date | None = None
    warnings: tuple[str, ...] = ()
    """What reading the input had to repair (bytes that were not UTF-8), for its provenance."""
    source: Source | None = None
    """Where the article came from (its sidecar's outlet and url), for the Document's `source`."""


@dataclass(frozen=True, slots=True)
class Refused:
    """An input that could not be read as an article; it is recorded as an error, not extracted."""

    doc_id: str
    error: InputError


def load_jobs(
    paths: Sequence[Path],
    *,
    stdin: BinaryIO | None = None,
    published: dt.date | None = None,
    claimed: Mapping[str, str | None] | None = None,
    reserved: Collection[str] = frozenset(),
) -> list[Job | Refused]:
    """Read every article up front (they are small): a Job each, or a Refused to record.

    doc_ids follow extractor.pipeline.naming; `claimed` (doc_id to source sha256 of the
    records an output already holds, on `--resume`) keeps earlier records' ids, and no file
    takes a doc_id in `reserved` (those the run's corpora give).
    """
    reads = [
        (path.stem, str(path), partial(read_article, path, published=published)) for path in paths
    ]
    if stdin is not None:
        reads.append((STDIN_DOC_ID, "-", partial(read_stdin_article, stdin, published=published)))
    loaded = [_job(stem, given, read) for stem, given, read in reads]
    names = [
        Named(stem, _fingerprint(item, given))
        for (stem, given, _), item in zip(reads, loaded, strict=True)
    ]
    doc_ids = unique_doc_ids(names, claimed or {}, reserved)
    return [replace(item, doc_id=doc_id) for item, doc_id in zip(loaded, doc_ids, strict=True)]


def _job(stem: str, given: str, read: Callable[[], Article]) -> Job | Refused:
    try:
        article = read()
    except InputError as exc:
        return Refused(stem, exc)
    return job_from(article, stem)


def job_from(article: Article, doc_id: str | None = None) -> Job:
    """The Job of a read article (under `doc_id`, else its own), its outlet and url as the
    Document's source."""
    source = (
        Source(outlet=article.outlet, url=article.url) if article.outlet or article.url else None
    )
    return Job(
        doc_id or article.doc_id,
        article.text,
        article.sha256,
        article.published,
        article.warnings,
        source,
    )


def _fingerprint(item: Job | Refused, given: str) -> str:
    """The text's sha256, or for an input that could not be read, that of its path as given."""
    if isinstance(item, Job):
        return item.sha256
    return hashlib.sha256(given.encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: its Document, or the error recorded in its place."""

    doc_id: str
    document: Document | None = None
    error_type: str | None = None
    error_message: str | None = None

    def record(self) -> str:
        """The JSONL line (without its newline) that stands for this outcome."""
        if self.document is not None:
            return self.document.model_dump_json()
        error = {"type": self.error_type, "message": self.error_message}
        record = {"doc_id": self.doc_id, "error": error}
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class BatchStats:
    """Running totals for progress and the end-of-run summary."""

    done: int = 0
    incomplete: int = 0
    """Documents done with some asked fact kind unanswered (counted in `done` too)."""
    failed: int = 0
    skipped: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    checks: Counter[str] = field(default_factory=Counter)

    @property
    def flagged(self) -> int:
        """Values the verifier found unsupported or contradicted."""
        return sum(self.checks[status] for status in FAILED_STATUSES)

    @property
    def fact_count(self) -> int:
        """Facts of every kind found so far."""
        return sum(self.facts.values())

    def add(self, outcome: Outcome) -> None:
        """Count one finished document."""
        if outcome.document is None:
            self.failed += 1
            return
        self.done += 1
        document = outcome.document
        self.incomplete += bool(document.provenance.kinds_failed)
        self.facts.update({kind: len(getattr(document, kind)) for kind in FACT_KINDS})
        self.checks.update(check.status for check in document.checks)


class RecordSink(Protocol):
    """Where finished records go, one JSONL line (without its newline) at a time."""

    def write(self, record: str) -> None:
        """Take one record."""


class JsonlSink:
    """Appends JSONL records: one write() of the full line each, flushed, and fsync'd on files."""

    def __init__(self, stream: BinaryIO, *, durable: bool) -> None:
        self._stream = stream
        self._durable = durable

    @classmethod
    def to_file(cls, path: Path, *, append: bool) -> JsonlSink:
        """A sink on a file, unbuffered so that each record is exactly one write() call."""
        return cls(path.open("ab" if append else "wb", buffering=0), durable=True)

    @classmethod
    def to_stdout(cls) -> JsonlSink:
        """A sink on standard output (flushed per record; pipes cannot be fsync'd)."""
        return cls(sys.stdout.buffer, durable=False)

    def write(self, record: str) -> None:
        """Append one record as a line and make it durable before returning.

        On a file, a write that fails (a full disk) takes back the part of the line it wrote
        and moves the file's offset back to where the line began, so the file still ends with
        a whole line and the next record (of a document still in flight) starts there instead
        of past a hole of NUL bytes, and re-raises.
        """
        data = memoryview((record + "\n").encode("utf-8"))
        start = self._stream.tell() if self._durable else 0
        try:
            while data:
                written = self._stream.write(data)
                data = data[written if written is not None else len(data) :]
            self._stream.flush()
            if self._durable:
                os.fsync(self._stream.fileno())
        except OSError:
            if self._durable:
                with contextlib.suppress(OSError):
                    os.ftruncate(self._stream.fileno(), start)
                    self._stream.seek(start)
            raise

    def close(self) -> None:
        """Close the underlying file (never stdout)."""
        if self._durable:
            self._stream.close()


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
    """The doc_ids of the records an output holds, with their source sha256 (None for an error
    record), for naming."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    recorded: dict[str, str | None] = {}
    for line in raw.split(b"\n"):
        try:
            record: Any = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("doc_id"), str):
            provenance = record.get("provenance")
            if "error" not in record and isinstance(provenance, dict):
                recorded[record["doc_id"]] = provenance.get("source_sha256")
            else:
                recorded.setdefault(record["doc_id"], None)
    return recorded


def resume_keys(items: Iterable[Job | Refused]) -> dict[str, str | None]:
    """What `prepare_resume` matches records on: each doc_id of this run with its source sha256
    (None for a refused input, whose earlier error record is replaced, never kept twice)."""
    return {item.doc_id: item.sha256 if isinstance(item, Job) else None for item in items}


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
    doc_id = record.get("doc_id") if isinstance(record, dict) else None
    if not isinstance(doc_id, str):
        return None
    if doc_id not in wanted:
        return True
    if "error" in record or doc_id in done:
        return None
    try:
        document = Document.model_validate(record)
    except ValidationError:
        return None
    if document.provenance.kinds_failed or wanted[doc_id] is None:
        return None
    return document if document.provenance.source_sha256 == wanted[doc_id] else None


def replace_atomically(path: Path, content: bytes) -> None:
    """Write `content` to a sibling temporary file, fsync it, and rename it over `path`."""
    temporary = path.with_name(f".{path.name}.partial-{os.getpid()}")
    with temporary.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    with contextlib.suppress(OSError):
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


async def run_batch(
    items: Iterable[Job | Refused],
    extract: Extract,
    sink: RecordSink,
    *,
    concurrency: int,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Extract every job with at most `concurrency` in flight, recording each as it finishes.

    A failed document is recorded as an error and the run goes on; a `ConfigurationError`
    (nothing can succeed) stops the run and propagates, leaving the unfinished documents for
    `--resume`.
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")
    pending = iter(items)
    outcomes: list[Outcome] = []

    def finish(outcome: Outcome) -> None:
        sink.write(outcome.record())
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    async def worker() -> None:
        for item in pending:
            if isinstance(item, Refused):
                finish(_error_outcome(item.doc_id, item.error))
                continue
            finish(await _extract_one(item, extract))

    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(concurrency):
                group.create_task(worker())
    except BaseExceptionGroup as failure:
        raise failure.exceptions[0] from None
    return outcomes


async def _extract_one(job: Job, extract: Extract) -> Outcome:
    """Run one extraction, turning any failure but a configuration error into an Outcome."""
    try:
        document = await extract(job.text, job.doc_id, job.published)
    except ConfigurationError:
        raise
    except Exception as exc:
        return _error_outcome(job.doc_id, exc)
    if job.warnings:
        provenance = document.provenance.model_copy(update={"input_warnings": list(job.warnings)})
        document = document.model_copy(update={"provenance": provenance})
    if job.source is not None and document.source is None:
        document = document.model_copy(update={"source": job.source})
    if problem := contract_problem(document):
        return Outcome(doc_id=job.doc_id, error_type="InvalidRecord", error_message=problem)
    return Outcome(doc_id=job.doc_id, document=document)


def contract_problem(document: Document) -> str | None:
    """Why the Document's JSON line would not read back as a Document (a non-finite number
    written as null, a value of the wrong type), or None when it is a valid record."""
    try:
        Document.model_validate_json(document.model_dump_json())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return (
            f"the Document does not meet the output contract ({where}: {first['msg']}); "
            "this is a bug in the extractor, please report it with the article"
        )
    return None


def _error_outcome(doc_id: str, exc: BaseException) -> Outcome:
    message = str(exc) or repr(exc)
    return Outcome(doc_id=doc_id, error_type=type(exc).__name__, error_message=message)


def still_to_do(
    items: Iterable[Job | Refused], done: Mapping[str, Document]
) -> Iterator[Job | Refused]:
    """The items a resumed run must still do (`done` as `prepare_resume` returns it), lazily."""
    return (item for item in items if isinstance(item, Refused) or item.doc_id not in done)
