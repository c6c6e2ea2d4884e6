"""A long document in chunks: each chunk extracted with its repairs, the facts merged by
identity, the whole verified against the whole text (so every span indexes the whole text)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence

from extractor.facts.identity import merged_deals, merged_embargoes, merged_meetings
from extractor.pipeline.assemble import values_from_evidence
from extractor.pipeline.document_pipeline import DocumentPipeline
from extractor.schemas import Document, Provenance, total_usage
from extractor.verify import drop_unsupported, verify_document

ChunkProgress = Callable[[int, int], None]
"""Called as `on_chunk(done, total)` before the first and after each chunk of a document that
needs several."""

SUMMED_TIMINGS = ("llm_s",)
"""Timings that add up over chunks; the document's own verify and total time are measured."""


async def run_in_chunks(
    pipeline: DocumentPipeline,
    text: str,
    doc_id: str,
    published: dt.date | None,
    spans: Sequence[tuple[int, int]],
    *,
    on_chunk: ChunkProgress | None = None,
) -> Document:
    """The verified Document of `text`, extracted in one piece when `spans` (as `chunk_spans`
    gives them) is one span, else chunk by chunk."""
    if len(spans) == 1:
        whole = await pipeline.run(text, doc_id, published)
        whole.provenance = whole.provenance.model_copy(update={"chunks": 1})
        return whole
    started = time.perf_counter()
    parts: list[Document] = []
    if on_chunk is not None:
        on_chunk(0, len(spans))
    for number, (start, end) in enumerate(spans, 1):
        parts.append(await pipeline.run(text[start:end], doc_id, published))
        if on_chunk is not None:
            on_chunk(number, len(spans))
    verify_started = time.perf_counter()
    document = verify_document(merged_document(doc_id, published, parts), text)
    if pipeline.quality.strict:
        document = drop_unsupported(document)
    document.provenance = _provenance(document.provenance, parts, pipeline, len(spans))
    document.provenance.timings.update(
        verify_s=round(time.perf_counter() - verify_started, 3),
        total_s=round(time.perf_counter() - started, 3),
    )
    return document


def merged_document(doc_id: str, published: dt.date | None, parts: Sequence[Document]) -> Document:
    """One Document with the facts of every part, each fact once (unverified: no checks)."""
    return Document(
        doc_id=doc_id,
        published=published,
        meetings=merged_meetings([fact for part in parts for fact in part.meetings]),
        arms_deals=values_from_evidence(
            merged_deals([fact for part in parts for fact in part.arms_deals])
        ),
        embargoes=merged_embargoes([fact for part in parts for fact in part.embargoes]),
    )


def _provenance(
    verified: Provenance, parts: Sequence[Document], pipeline: DocumentPipeline, chunks: int
) -> Provenance:
    """The whole document's provenance: the chunks' usage and LLM time summed, their repair
    attempts kept per chunk, their errors and failed fact kinds together (a kind that failed
    in one chunk leaves the document incomplete), what the text rules changed in each chunk
    (with the chunk's own paths), their recall rounds in chunk order, the fact kinds no chunk
    mentions."""
    timings = {
        name: round(sum(part.provenance.timings.get(name, 0.0) for part in parts), 3)
        for name in SUMMED_TIMINGS
    }
    first = parts[0].provenance
    unmentioned = [
        kind
        for kind in first.kinds_not_mentioned
        if all(kind in part.provenance.kinds_not_mentioned for part in parts)
    ]
    return verified.model_copy(
        update={
            "backend": first.backend,
            "model": first.model,
            "prompt_version": first.prompt_version,
            "usage": total_usage(part.provenance.usage for part in parts),
            "timings": timings,
            "chunks": chunks,
            "chunk_attempts": [part.provenance.attempts for part in parts],
            "strategy": pipeline.strategy,
            "kinds_not_mentioned": unmentioned,
            "errors": [error for part in parts for error in part.provenance.errors],
            "kinds_failed": list(
                dict.fromkeys(kind for part in parts for kind in part.provenance.kinds_failed)
            ),
            "recall": [round for part in parts for round in part.provenance.recall],
            "roles_resolved": [
                f"chunk {number}: {note}"
                for number, part in enumerate(parts, 1)
                for note in part.provenance.roles_resolved
            ],
        }
    )
