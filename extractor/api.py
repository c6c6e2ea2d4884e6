"""The public Python API: Extractor (one backend for many documents), extract, aextract, verify."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from types import TracebackType
from typing import Any

from extractor.errors import ConfigurationError, InputError
from extractor.llm.backends import BACKENDS, BackendName, BackendSettings, choose_backend
from extractor.llm.cache import ResponseCache
from extractor.llm.client import LLMClient
from extractor.pipeline.document import DocumentPipeline
from extractor.pipeline.prompting import instructions
from extractor.schemas import Document, Usage
from extractor.verify import verify_document


class Extractor:
    """Holds one open backend for many extractions; close it after (an embedded server stops)."""

    def __init__(
        self,
        *,
        backend: BackendName | None = None,
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
        self.backend: BackendName = choose_backend(backend, base_url)
        self._cache = ResponseCache(cache_dir) if cache else None
        self._usage = Usage()
        settings = BackendSettings(model, gguf, base_url, api_key, concurrency, instructions())
        self._backend = BACKENDS[self.backend](settings)
        self.endpoint = self._backend.open()
        client = LLMClient(
            base_url=self.endpoint.base_url,
            api_key=self.endpoint.api_key,
            model=self.endpoint.model,
            timeout=max(timeout, self.endpoint.min_timeout),
            cache=self._cache,
            cache_identity=self.endpoint.cache_identity,
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
        return self.endpoint.parallelism

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
        """Close the client, the backend (an embedded server stops) and the response cache
        (idempotent)."""
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
