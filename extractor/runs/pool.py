"""The worker pool: many documents extracted concurrently, each recorded as it finishes.

A document that fails becomes an error record `{"doc_id", "error": {"type", "message"}}` and the
run goes on. Output order follows completion, not input: `doc_id` is the key.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Iterable

from pydantic import ValidationError

from extractor.errors import ConfigurationError
from extractor.runs.jobs import Job, Refused
from extractor.runs.outcomes import Outcome
from extractor.runs.sink import RecordSink
from extractor.schemas import Document

Extract = Callable[[str, str, dt.date | None], Awaitable[Document]]
"""`await extract(text, doc_id, published)`: one document in, one verified Document out."""


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
