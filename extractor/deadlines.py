"""How long a request and a document may take: the defaults the API and the CLI share.

A request's deadline covers its whole response (a server that sends one byte a second is cut
off), and is retried like a timeout; a document's deadline bounds all its calls and retries.
"""

from __future__ import annotations

DEFAULT_CONCURRENCY = 8
"""Documents in flight at once against a remote endpoint, unless the caller says otherwise."""

DEFAULT_TIMEOUT = 120.0
"""Seconds one request may take, its whole response included."""

EMBEDDED_MIN_TIMEOUT = 900.0
"""A local CPU server is slow, not down: retrying a timed-out request only queues it again."""

DEADLINE_CALLS = 3
"""The first-round calls a document's deadline allows for: one per fact kind."""

DEFAULT_MAX_REASKS = 2
"""Repair rounds per document by default; each is a call the deadline allows for."""

DEFAULT_RECALL_ROUNDS = 1
"""Recall rounds per document by default; each asks up to one call per fact kind."""


def document_deadline(request_timeout: float, max_reasks: int, recall_rounds: int = 0) -> float:
    """The default deadline of one document: twice (for one transport retry each) the request
    timeout per call it may make, one per fact kind, one per reask and one per fact kind and
    recall round."""
    calls = DEADLINE_CALLS * (1 + recall_rounds) + max_reasks
    return 2 * request_timeout * calls


def deadline_formula(timeout: str, recall_rounds: str, max_reasks: str) -> str:
    """`document_deadline` as a formula over the settings named as the caller names them, for
    help texts (a test evaluates it against the function)."""
    return f"2 × {timeout} × ({DEADLINE_CALLS} × (1 + {recall_rounds}) + {max_reasks})"


DEFAULT_DOCUMENT_TIMEOUT = document_deadline(
    DEFAULT_TIMEOUT, DEFAULT_MAX_REASKS, DEFAULT_RECALL_ROUNDS
)
"""A document's deadline with every default setting (the figure help texts quote)."""
