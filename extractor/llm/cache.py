"""An on-disk cache of LLM answers, keyed by everything that determines the answer."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
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
    """Raw answer texts by request digest, in a size-bounded diskcache directory.

    A cache that cannot be opened or read (garbage in `cache.db`, a file where its folder should
    be, a full disk) is switched off, not fatal: `problem` then says why, and the run goes on
    asking the model.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_cache_dir()
        self.problem: str | None = None
        self.dropped = 0
        """Cached answers found not to be answers (a damaged row, an older schema), dropped."""
        self._store: diskcache.Cache | None = None
        try:
            self._store = diskcache.Cache(str(self.directory), size_limit=_SIZE_LIMIT)
        except (OSError, sqlite3.Error) as exc:
            self._switch_off(exc)

    def get(self, key: str) -> str | None:
        """The cached answer text for a request digest, or None."""
        if self._store is None:
            return None
        try:
            value = self._store.get(key)
        except (OSError, sqlite3.Error) as exc:
            self._switch_off(exc)
            return None
        return value if isinstance(value, str) else None

    def put(self, key: str, content: str) -> None:
        """Remember the answer text of a request."""
        if self._store is None:
            return
        try:
            self._store.set(key, content)
        except (OSError, sqlite3.Error) as exc:
            self._switch_off(exc)

    def drop(self, key: str) -> None:
        """Forget the cached text of a request digest that is not a valid answer, so that the
        model is asked again and its answer cached in its place."""
        self.dropped += 1
        if self._store is None:
            return
        try:
            self._store.delete(key)
        except (OSError, sqlite3.Error) as exc:
            self._switch_off(exc)

    def warnings(self) -> list[str]:
        """What went wrong with the cache so far, as messages for the user."""
        found = [self.problem] if self.problem else []
        if self.dropped:
            found.append(
                f"{self.dropped} cached answer(s) in {self.directory} did not validate as answers; "
                "they were dropped and the model asked again"
            )
        return found

    def close(self) -> None:
        """Close the underlying database."""
        if self._store is not None:
            with contextlib.suppress(OSError, sqlite3.Error):
                self._store.close()

    def _switch_off(self, exc: BaseException) -> None:
        self.close()
        self._store = None
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        self.problem = (
            f"the response cache at {self.directory} is unusable ({reason}); going on without "
            "it: delete that folder, or run without the cache (`cache=False`)"
        )
