"""The public Python API: Extractor (one backend for many documents), extract, aextract, verify."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from extractor.errors import ConfigurationError, InputError
from extractor.llm.cache import ResponseCache
from extractor.llm.client import LLMClient
from extractor.llm.embedded import EmbeddedServer
from extractor.pipeline.document import DocumentPipeline
from extractor.pipeline.prompting import instructions
from extractor.schemas import Document, Usage
from extractor.verify import verify_document

Backend = Literal["embedded", "openai"]
DEFAULT_CONCURRENCY = 8
OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"
EMBEDDED_MIN_TIMEOUT = 900.0
"""A local CPU server is slow, not down: retrying a timed-out request only queues it again."""


def choose_backend(backend: Backend | None, base_url: str | None) -> Backend:
    """The backend asked for; else "openai" when an endpoint is configured, else "embedded"."""
    if backend is not None:
        return backend
    return "openai" if base_url or os.environ.get("OPENAI_BASE_URL") else "embedded"


class Extractor:
    """Holds one backend (and the embedded server, if any) for many extractions; close it after."""

    def __init__(
        self,
        *,
        backend: Backend | None = None,
        model: str | None = None,
        gguf: Path | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        max_reasks: int = 2,
        strict: bool = False,
        every_kind: bool = False,
        cache: bool = True,
        cache_dir: Path | None = None,
        concurrency: int | None = None,
        timeout: float = 120.0,
    ) -> None:
        if max_reasks < 0:
            raise ConfigurationError(f"max_reasks must be 0 or more, not {max_reasks}")
        self.backend: Backend = choose_backend(backend, base_url)
        self._server: EmbeddedServer | None = None
        self._cache = ResponseCache(cache_dir) if cache else None
        self._usage = Usage()
        if self.backend == "embedded":
            self._server = EmbeddedServer(gguf, slots=concurrency)
            self._server.load_prefix(instructions())
            self._parallelism = self._server.slots
            client = LLMClient(
                base_url=self._server.base_url,
                api_key=None,
                model=model or self._server.model_name,
                timeout=max(timeout, EMBEDDED_MIN_TIMEOUT),
                cache=self._cache,
                cache_identity=f"embedded:{self._server.model_name}",
            )
        else:
            endpoint = base_url or os.environ.get("OPENAI_BASE_URL") or OPENAI_DEFAULT_BASE_URL
            chosen_model = model or os.environ.get("OPENAI_MODEL")
            if not chosen_model:
                raise ConfigurationError(
                    f"name the model to use at {endpoint}: --model NAME (or OPENAI_MODEL)"
                )
            self._parallelism = concurrency or DEFAULT_CONCURRENCY
            client = LLMClient(
                base_url=endpoint,
                api_key=api_key or os.environ.get("OPENAI_API_KEY"),
                model=chosen_model,
                timeout=timeout,
                cache=self._cache,
            )
        self.pipeline = DocumentPipeline(
            client=client,
            backend=self.backend,
            max_reasks=max_reasks,
            strict=strict,
            every_kind=every_kind,
        )

    def __repr__(self) -> str:
        return f"Extractor(backend={self.backend!r}, client={self.pipeline.client!r})"

    @property
    def parallelism(self) -> int:
        """How many documents are usefully in flight at once (embedded: its slots)."""
        return self._parallelism

    def usage(self) -> Usage:
        """Tokens, calls, retries, reasks and cache hits summed over every extraction so far."""
        return self._usage.model_copy()

    async def aextract(
        self, text: str, *, doc_id: str = "document", published: dt.date | None = None
    ) -> Document:
        """The verified Document of one article."""
        if not text.strip():
            raise InputError(f"{doc_id}: the document is empty")
        document = await self.pipeline.run(text, doc_id, published)
        spent = document.provenance.usage
        for name in Usage.model_fields:
            setattr(self._usage, name, getattr(self._usage, name) + getattr(spent, name))
        return document

    def extract(
        self, text: str, *, doc_id: str = "document", published: dt.date | None = None
    ) -> Document:
        """The verified Document of one article (blocking; use aextract inside an event loop)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(self.aextract(text, doc_id=doc_id, published=published))
        raise ConfigurationError("extract() was called inside an event loop: await aextract()")

    def close(self) -> None:
        """Stop the embedded server and close the response cache (idempotent)."""
        if self._server is not None:
            self._server.close()
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
        self.close()


def extract(
    text: str, *, doc_id: str = "document", published: dt.date | None = None, **options: Any
) -> Document:
    """Extract one article with a short-lived Extractor built from `options`."""
    with Extractor(**options) as extractor:
        return extractor.extract(text, doc_id=doc_id, published=published)


async def aextract(
    text: str, *, doc_id: str = "document", published: dt.date | None = None, **options: Any
) -> Document:
    """Extract one article with a short-lived Extractor built from `options` (async)."""
    async with Extractor(**options) as extractor:
        return await extractor.aextract(text, doc_id=doc_id, published=published)


def verify(document: Document, text: str) -> Document:
    """A copy of `document` with its checks filled against `text` (no model involved)."""
    return verify_document(document, text)
