"""Look once at the endpoint that a run's backend settings name, before the client libraries
are imported (seconds on a slow machine): a server that is down or refuses the key is one
message in about a second, for the command line and the Ray engine alike."""

from __future__ import annotations

from extractor.llm.backends import BackendSettings, OpenAICompatibleBackend, choose_backend
from extractor.llm.preflight import check_endpoint
from extractor.settings import BackendGroup


def check_backend(chosen: BackendGroup) -> None:
    """Check the endpoint that an Extractor of these backend settings would call, when it is a
    remote one (the embedded server is started, not reached); raises ConfigurationError as
    check_endpoint."""
    if choose_backend(chosen.backend, chosen.base_url) != "openai":
        return
    settings = BackendSettings(model=chosen.model, base_url=chosen.base_url, api_key=chosen.api_key)
    endpoint = OpenAICompatibleBackend(settings).open()
    check_endpoint(endpoint.base_url, endpoint.api_key)
