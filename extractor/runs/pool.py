"""The worker pool: many documents extracted concurrently, each recorded as it finishes.

`extract_many` is the entry point: an `Extractor` over a run's items, as `extractor run` and
each Ray actor drive it. A document that fails becomes an error record
`{"doc_id", "error": {"type", "message"}}` and the run goes on. Output order follows
completion, not input: `doc_id` is the key.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING

from pydantic import ValidationError

from extractor.errors import ConfigurationError
from extractor.runs.jobs import Job, Refused
from extractor.runs.outcomes import Outcome
from extractor.runs.sink import RecordSink
from extractor.schemas import Document

if TYPE_CHECKING:
    from extractor.api import ChunkProgress, Extractor

Extract = Callable[[str, str, dt.date | None], Awaitable[Document]]
"""`await extract(text, doc_id, published)`: one document in, one verified Document out."""


async def extract_many(
    items: Iterable[Job | Refused],
    extractor: Extractor | None,
    sink: RecordSink,
    *,
    concurrency: int | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_chunk: Callable[[str], ChunkProgress] | None = None,
) -> list[Outcome]:
    """Extract every Job with `extractor` and record every Refused, each written to `sink` as it
    finishes, `concurrency` at once (default: the extractor's `parallelism`); `on_chunk(doc_id)`
    gives a long document's chunk callback. A run whose items are all refused needs no
    extractor (None). Returns the outcomes in the order they finished."""
    if extractor is None:
        return await run_batch(items, _no_extraction, sink, concurrency=1, on_outcome=on_outcome)
    ready = extractor

    async def extract(text: str, doc_id: str, published: dt.date | None) -> Document:
        chunks = on_chunk(doc_id) if on_chunk is not None else None
        return await ready.aextract(text, doc_id=doc_id, published=published, on_chunk=chunks)

    in_flight = concurrency or ready.parallelism
    return await run_batch(items, extract, sink, concurrency=in_flight, on_outcome=on_outcome)


async def _no_extraction(text: str, doc_id: str, published: dt.date | None) -> Document:
    """The Extract of a run whose inputs were all refused: nothing is ever extracted."""
    raise AssertionError(f"{doc_id}: a run of refused inputs extracts nothing")


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
                finish(refused_outcome(item))
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


def refused_outcome(item: Refused) -> Outcome:
    """The error record of an input that could not be read."""
    return _error_outcome(item.doc_id, item.error)


def _error_outcome(doc_id: str, exc: BaseException) -> Outcome:
    message = str(exc) or repr(exc)
    return Outcome(doc_id=doc_id, error_type=type(exc).__name__, error_message=message)
