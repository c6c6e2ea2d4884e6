"""An on-disk cache of LLM answers, keyed by everything that determines the answer."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import diskcache

from extractor.llm.model_file import cache_dir

_SIZE_LIMIT = 256 * 1024 * 1024


def request_key(request: dict[str, Any]) -> str:
    """A stable digest of a request: model, messages, response schema and sampling parameters."""
    canonical = json.dumps(request, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def default_cache_dir() -> Path:
    """Where answers are cached unless the caller says otherwise."""
    return cache_dir() / "responses"


class ResponseCache:
    """Raw answer texts by request digest, in a size-bounded diskcache directory."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_cache_dir()
        self._store = diskcache.Cache(str(self.directory), size_limit=_SIZE_LIMIT)

    def get(self, key: str) -> str | None:
        """The cached answer text for a request digest, or None."""
        value = self._store.get(key)
        return value if isinstance(value, str) else None

    def put(self, key: str, content: str) -> None:
        """Remember the answer text of a request."""
        self._store.set(key, content)

    def close(self) -> None:
        """Close the underlying database."""
        self._store.close()
