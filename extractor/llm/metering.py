"""Usage charged where it is spent: every request sent, token and cache hit counts, even when
the answer turns out unusable or the call fails.

A caller opens a meter (`metered(usage)`) around the work it wants counted; the client charges
every open meter of the current task (a document's and its Extractor's), so a document that
fails still shows in the run's totals.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from extractor.schemas import Usage

_METERS: ContextVar[tuple[Usage, ...]] = ContextVar("usage_meters", default=())


@contextmanager
def metered(usage: Usage) -> Iterator[Usage]:
    """Charge `usage` with everything spent inside the block (in this task and its children)."""
    token = _METERS.set((*_METERS.get(), usage))
    try:
        yield usage
    finally:
        _METERS.reset(token)


def charge(**amounts: int) -> None:
    """Add `amounts` (Usage field names) to every open meter."""
    for usage in _METERS.get():
        for name, amount in amounts.items():
            setattr(usage, name, getattr(usage, name) + amount)
