"""Transport retries: timeouts, dropped connections, 429 (honouring Retry-After) and 5xx.

Client errors (400, 401, 403, 404, 422) are never retried: they cannot get better by waiting.
"""

from __future__ import annotations

import email.utils
import math
import time

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential_jitter,
)

MAX_ATTEMPTS = 5
MAX_TOTAL_SECONDS = 300.0
MAX_RETRY_AFTER = 60.0

_backoff = wait_exponential_jitter(initial=1.0, max=20.0, jitter=1.0)


class RequestDeadlineError(Exception):
    """No complete response within the request deadline (a server that trickles its answer)."""


def is_transient(error: BaseException) -> bool:
    """True for errors worth another try: timeouts, connection errors, 429 and 5xx."""
    if isinstance(error, openai.APIConnectionError | RequestDeadlineError):
        return True
    if isinstance(error, openai.APIStatusError):
        return error.status_code == 429 or error.status_code >= 500
    return False


def retry_after(error: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (Retry-After as seconds or an HTTP date), capped."""
    if not isinstance(error, openai.APIStatusError):
        return None
    header = error.response.headers.get("retry-after")
    if header is None:
        return None
    try:
        seconds = float(header)
    except ValueError:
        try:
            seconds = email.utils.parsedate_to_datetime(header).timestamp() - time.time()
        except (ValueError, TypeError, IndexError):
            return None  # neither seconds nor a date (`soon`): back off as without the header
    if not math.isfinite(seconds):
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _wait(state: RetryCallState) -> float:
    """Retry-After when the server gave one, else exponential backoff with jitter."""
    error = state.outcome.exception() if state.outcome else None
    asked = retry_after(error)
    return asked if asked is not None else _backoff(state)


def transport_retrying(max_attempts: int = MAX_ATTEMPTS) -> AsyncRetrying:
    """A bounded tenacity policy for one LLM request; the last error is re-raised as is."""
    return AsyncRetrying(
        retry=retry_if_exception(is_transient),
        wait=_wait,
        stop=stop_after_attempt(max_attempts) | stop_after_delay(MAX_TOTAL_SECONDS),
        reraise=True,
    )
