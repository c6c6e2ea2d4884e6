"""Backends behind one small interface: open one to learn where to send requests, close it after.

Every backend speaks the OpenAI protocol, so opening one yields an Endpoint (base URL, model,
parallelism, context size, cache identity) and one client code path serves them all, as
httpx's transports do. A new backend is one class with `open` and `close`, and a row in
BACKENDS.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from extractor.deadlines import DEFAULT_CONCURRENCY, EMBEDDED_MIN_TIMEOUT
from extractor.errors import ConfigurationError
from extractor.llm.embedded import SLOT_CONTEXT, EmbeddedServer
from extractor.llm.urls import without_password
from extractor.settings import BackendName

if TYPE_CHECKING:
    from extractor.llm.client import Message

OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"


@dataclass(frozen=True)
class Endpoint:
    """Where an open backend answers, and what it can take."""

    base_url: str
    model: str
    api_key: str | None
    parallelism: int
    """How many requests (documents) are usefully in flight at once."""
    context_tokens: int | None
    """Tokens of context per request, when the backend says (None: unknown)."""
    cache_identity: str
    """What tells this backend's answers apart from another's in the response cache."""
    min_timeout: float = 0.0
    """A floor under the caller's request timeout."""


class Backend(Protocol):
    """Something that serves the OpenAI protocol once opened, until closed."""

    def open(self) -> Endpoint:
        """Start or reach the backend; raises ConfigurationError when it cannot be used."""
        ...

    def close(self) -> None:
        """Release what open() started (idempotent)."""
        ...


@dataclass
class BackendSettings:
    """What the caller configured; each backend reads the part it needs."""

    model: str | None = None
    gguf: Path | None = None
    base_url: str | None = None
    api_key: str | None = None
    concurrency: int | None = None
    prefix: Sequence[Message] = ()
    """Messages every conversation starts with: a local server evaluates them once at open."""


class EmbeddedBackend:
    """llama.cpp in this process, serving a GGUF (the built-in model unless one is given)."""

    def __init__(self, settings: BackendSettings) -> None:
        self.settings = settings
        self._server: EmbeddedServer | None = None

    def open(self) -> Endpoint:
        """Start the server and evaluate the fixed prefix into every slot."""
        server = self._server = EmbeddedServer(self.settings.gguf, slots=self.settings.concurrency)
        server.load_prefix(list(self.settings.prefix))
        return Endpoint(
            base_url=server.base_url,
            model=self.settings.model or server.model_name,
            api_key=None,
            parallelism=server.slots,
            context_tokens=SLOT_CONTEXT,
            cache_identity=f"embedded:{server.model_name}",
            min_timeout=EMBEDDED_MIN_TIMEOUT,
        )

    def close(self) -> None:
        """Stop the server."""
        if self._server is not None:
            self._server.close()


class OpenAICompatibleBackend:
    """Any OpenAI-compatible endpoint: OpenAI, vLLM, Ollama, llama.cpp's own server…

    Unset settings come from OPENAI_BASE_URL, OPENAI_MODEL and OPENAI_API_KEY.
    """

    def __init__(self, settings: BackendSettings) -> None:
        self.settings = settings

    def open(self) -> Endpoint:
        """The configured endpoint; it is not contacted until the first request."""
        settings = self.settings
        base_url = settings.base_url or os.environ.get("OPENAI_BASE_URL") or OPENAI_DEFAULT_BASE_URL
        model = settings.model or os.environ.get("OPENAI_MODEL")
        if not model:
            raise ConfigurationError(
                f"name the model to use at {without_password(base_url)}: `model` (or OPENAI_MODEL)"
            )
        return Endpoint(
            base_url=base_url,
            model=model,
            api_key=settings.api_key or os.environ.get("OPENAI_API_KEY"),
            parallelism=settings.concurrency or DEFAULT_CONCURRENCY,
            context_tokens=None,
            cache_identity=base_url,
        )

    def close(self) -> None:
        """Nothing to release: the endpoint lives elsewhere."""


BACKENDS: dict[BackendName, Callable[[BackendSettings], Backend]] = {
    "embedded": EmbeddedBackend,
    "openai": OpenAICompatibleBackend,
}
"""Every backend by the name `--backend` gives it."""


def choose_backend(name: BackendName | None, base_url: str | None) -> BackendName:
    """The backend asked for; else "openai" when an endpoint is configured, else "embedded"."""
    if name is not None:
        return name
    return "openai" if base_url or os.environ.get("OPENAI_BASE_URL") else "embedded"
