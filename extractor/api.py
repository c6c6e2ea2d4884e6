"""The public Python API: Extractor (one backend for many documents), extract, aextract, verify."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import weakref
from types import TracebackType
from typing import Any

from extractor.arguments import checked_request
from extractor.deadlines import DEFAULT_CONCURRENCY, document_deadline
from extractor.errors import ConfigurationError, DeadlineError
from extractor.llm.backends import BACKENDS, BackendSettings, choose_backend
from extractor.llm.cache import ResponseCache
from extractor.llm.client import LLMClient
from extractor.llm.metering import metered
from extractor.llm.preflight import check_endpoint
from extractor.pipeline.chunk_spans import MIN_CHUNK_CHARS, chunk_chars_for_context, chunk_spans
from extractor.pipeline.document_pipeline import DocumentPipeline
from extractor.pipeline.long_documents import ChunkProgress, run_in_chunks
from extractor.pipeline.prompting import instructions
from extractor.progress import DocumentDone, ProgressCallback, report, reporting
from extractor.schemas import Document, Usage
from extractor.settings import BackendGroup, BackendName, Settings, chosen_settings

__all__ = [
    "DEFAULT_CONCURRENCY",
    "MIN_CHUNK_CHARS",
    "ChunkProgress",
    "Extractor",
    "aextract",
    "extract",
]


class Extractor:
    """Holds one open backend for many extractions; close it after (an embedded server stops)."""

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        on_progress: ProgressCallback | None = None,
        **options: Any,
    ) -> None:
        """Open the backend of `settings`, or of the keyword settings `options` (the flat form
        of a Settings, `Settings.of(**options)`: `backend`, `model`, `timeout`, `strict`, ...);
        a value that cannot work, or both forms at once, is a ConfigurationError."""
        self.settings = chosen_settings(settings, options)
        """What this Extractor was opened with."""
        chosen, quality, run = self.settings.backend, self.settings.quality, self.settings.run
        self._closed = False
        self._gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )
        self.backend: BackendName = choose_backend(chosen.backend, chosen.base_url)
        self._cache = ResponseCache(run.cache_dir) if run.cache else None
        self._usage = Usage()
        self._backend = BACKENDS[self.backend](_backend_settings(chosen))
        self._on_progress = on_progress
        """Told each stage (the backend's start, each document's calls) and each document done."""
        with reporting(on_progress):
            self.endpoint = self._backend.open()
        client = LLMClient(
            base_url=self.endpoint.base_url,
            api_key=self.endpoint.api_key,
            model=self.endpoint.model,
            timeout=max(chosen.timeout, self.endpoint.min_timeout),
            cache=self._cache,
            cache_identity=self.endpoint.cache_identity,
        )
        self._document_timeout = run.document_timeout or document_deadline(
            client.timeout, quality.max_reasks, quality.recall_rounds
        )
        context = self.endpoint.context_tokens
        self.chunk_chars = run.chunk_chars or (
            chunk_chars_for_context(context) if context else None
        )
        """Longest text extracted in one piece; longer ones go in chunks (None: never chunked)."""
        self.pipeline = DocumentPipeline(client=client, backend=self.backend, quality=quality)

    def __repr__(self) -> str:
        return f"Extractor(backend={self.backend!r}, client={self.pipeline.client!r})"

    @property
    def parallelism(self) -> int:
        """How many documents are usefully in flight at once (embedded: its slots)."""
        return self.endpoint.parallelism

    def check_endpoint(self) -> None:
        """Look once at a remote endpoint: ConfigurationError at once when it is down or refuses
        the key, instead of a BackendError per document (the embedded server needs no look)."""
        if self.backend == "openai":
            check_endpoint(self.endpoint.base_url, self.endpoint.api_key)

    def warnings(self) -> list[str]:
        """What the Extractor had to do without so far (an unusable response cache, cached
        answers that were no answers)."""
        return self._cache.warnings() if self._cache is not None else []

    def usage(self) -> Usage:
        """Tokens, requests, retries, reasks and cache hits of every extraction so far, the
        requests of failed documents included."""
        return self._usage.model_copy()

    async def aextract(
        self,
        text: str,
        *,
        doc_id: str = "document",
        published: dt.date | str | None = None,
        on_chunk: ChunkProgress | None = None,
    ) -> Document:
        """The verified Document of one article.

        At most `parallelism` documents are extracted at once per event loop (more calls wait
        their turn), each within `document_timeout` seconds per chunk (DeadlineError after
        it). A text longer than `chunk_chars` is extracted in chunks, each finished chunk
        reported to `on_chunk(done, total)`. The Extractor's `on_progress` hears of each
        call's stage and of the document done, failed or not.
        """
        started = time.perf_counter()
        with reporting(self._on_progress):
            try:
                document = await self._aextract(text, doc_id, published, on_chunk)
            except Exception as exc:
                report(
                    DocumentDone(str(doc_id), _since(started), error=f"{type(exc).__name__}: {exc}")
                )
                raise
            report(DocumentDone.of(document, _since(started)))
            return document

    async def _aextract(
        self,
        text: str,
        doc_id: str,
        published: dt.date | str | None,
        on_chunk: ChunkProgress | None,
    ) -> Document:
        """aextract without the reports of its start and end."""
        text, date = checked_request(text, doc_id, published)
        whole = [(0, len(text))]
        spans = whole if self.chunk_chars is None else chunk_spans(text, self.chunk_chars)
        deadline = self._document_timeout * len(spans)
        self._refuse_if_closed()
        async with self._gate():
            self._refuse_if_closed()
            try:
                async with asyncio.timeout(deadline):
                    with metered(self._usage):
                        return await run_in_chunks(
                            self.pipeline, text, doc_id, date, spans, on_chunk=on_chunk
                        )
            except TimeoutError:
                per_chunk = f" ({len(spans)} chunks)" if len(spans) > 1 else ""
                raise DeadlineError(
                    f"{doc_id}: not done within the document deadline of {deadline:g} s"
                    f"{per_chunk}; raise `document_timeout`"
                ) from None

    def _gate(self) -> asyncio.Semaphore:
        """This event loop's limit on documents in flight."""
        loop = asyncio.get_running_loop()
        gate = self._gates.get(loop)
        if gate is None:
            gate = self._gates[loop] = asyncio.Semaphore(self.parallelism)
        return gate

    def _refuse_if_closed(self) -> None:
        if self._closed:
            raise ConfigurationError("this Extractor is closed; make a new one to extract more")

    def extract(
        self, text: str, *, doc_id: str = "document", published: dt.date | str | None = None
    ) -> Document:
        """The verified Document of one article (blocking; use aextract inside an event loop)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(self._extract_in_own_loop(text, doc_id, published))
        raise ConfigurationError("extract() was called inside an event loop: await aextract()")

    async def _extract_in_own_loop(
        self, text: str, doc_id: str, published: dt.date | str | None
    ) -> Document:
        """aextract in a loop that ends with it: the loop's HTTP client is closed before."""
        try:
            return await self.aextract(text, doc_id=doc_id, published=published)
        finally:
            await self.pipeline.client.release_this_loop()

    def close(self) -> None:
        """Close the client, the backend (an embedded server stops) and the response cache
        (idempotent); a closed Extractor refuses further work with ConfigurationError."""
        self._closed = True
        self.pipeline.client.close()
        self._backend.close()
        if self._cache is not None:
            self._cache.close()

    def __enter__(self) -> Extractor:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    async def __aenter__(self) -> Extractor:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.pipeline.client.release_this_loop()
        self.close()


def _backend_settings(chosen: BackendGroup) -> BackendSettings:
    """What the chosen backend reads of the settings, with the fixed instructions to load."""
    return BackendSettings(
        chosen.model, chosen.gguf, chosen.base_url, chosen.api_key, chosen.concurrency,
        instructions(),
    )  # fmt: skip


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 3)


def extract(
    text: str, *, doc_id: str = "document", published: dt.date | str | None = None, **options: Any
) -> Document:
    """Extract one article with a short-lived Extractor of the keyword settings `options`."""
    with Extractor(**options) as extractor:
        return extractor.extract(text, doc_id=doc_id, published=published)


async def aextract(
    text: str, *, doc_id: str = "document", published: dt.date | str | None = None, **options: Any
) -> Document:
    """Extract one article with a short-lived Extractor of the keyword settings `options`
    (async)."""
    async with Extractor(**options) as extractor:
        return await extractor.aextract(text, doc_id=doc_id, published=published)
