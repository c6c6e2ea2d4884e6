"""One look at an OpenAI-compatible endpoint before the first document, so that a server that
is down or refuses the key is one clear message, not the same error once per document."""

from __future__ import annotations

import httpx

from extractor.errors import ConfigurationError

PREFLIGHT_SECONDS = 3.0
"""How long the look may take: a server that accepts no connection within it is down."""


def check_endpoint(
    base_url: str, api_key: str | None, *, seconds: float = PREFLIGHT_SECONDS
) -> None:
    """Raise ConfigurationError when `base_url` accepts no connection or refuses the API key.

    It asks for the model list, which every OpenAI-compatible server answers quickly. Any other
    answer lets the run go on: not every server lists its models (404), a key may be allowed
    to chat but not to list (403), and a slow answer still means the server is up.
    """
    url = f"{base_url.rstrip('/')}/models"
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    try:
        response = httpx.get(url, headers=headers, timeout=seconds)
    except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
        raise ConfigurationError(
            f"cannot reach the endpoint {base_url} ({_reason(exc)}): is the server running, "
            "and is `base_url` (or OPENAI_BASE_URL) right?"
        ) from None
    except httpx.TimeoutException:
        return
    except httpx.HTTPError as exc:
        raise ConfigurationError(f"cannot use the endpoint {base_url}: {_reason(exc)}") from None
    if response.status_code == 401:
        raise ConfigurationError(
            f"the endpoint {base_url} refused the API key (HTTP 401): set OPENAI_API_KEY to a "
            "valid key for it"
        )


def _reason(exc: httpx.HTTPError) -> str:
    """The error in one line (its type when it says nothing)."""
    return " ".join(str(exc).split()) or type(exc).__name__
