"""Backends behind one interface: what an opened endpoint says, and secrets kept per client."""

from __future__ import annotations

import logging

import pytest

from extractor.deadlines import DEFAULT_CONCURRENCY
from extractor.errors import ConfigurationError
from extractor.llm.backends import (
    BACKENDS,
    BackendSettings,
    OpenAICompatibleBackend,
)
from extractor.llm.client import LLMClient
from extractor.testing import FakeOpenAIServer
from tests.conftest import make_extractor


def test_an_endpoint_reports_its_url_model_parallelism_and_cache_identity(
    server: FakeOpenAIServer,
) -> None:
    with make_extractor(server) as extractor:
        endpoint = extractor.endpoint
        assert extractor.parallelism == DEFAULT_CONCURRENCY
    assert endpoint.base_url == server.base_url
    assert endpoint.model == "scripted-model"
    assert endpoint.cache_identity == server.base_url
    assert endpoint.context_tokens is None, "an OpenAI endpoint does not say"


def test_the_environment_fills_what_the_caller_left_unset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("OPENAI_MODEL", "qwen2.5-7b-instruct")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    endpoint = BACKENDS["openai"](BackendSettings(concurrency=3)).open()
    assert (endpoint.base_url, endpoint.model, endpoint.api_key, endpoint.parallelism) == (
        "http://127.0.0.1:9/v1",
        "qwen2.5-7b-instruct",
        "sk-from-env",
        3,
    )


def test_an_endpoint_without_a_model_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_MODEL", raising=False)
    backend = OpenAICompatibleBackend(BackendSettings(base_url="http://127.0.0.1:9/v1"))
    with pytest.raises(ConfigurationError, match=r"`model` \(or OPENAI_MODEL\)"):
        backend.open()


def test_each_client_redacts_its_own_secret_until_it_is_closed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    first, second = "sk-first-0123456789", "sk-second-9876543210"
    clients = [
        LLMClient(base_url="http://127.0.0.1:9/v1", api_key=key, model="m", timeout=1.0)
        for key in (first, second)
    ]
    library = logging.getLogger("openai")
    library.debug("request failed: Authorization: Bearer %s / %s", first, second)
    assert first not in caplog.text
    assert second not in caplog.text
    clients[0].close()
    caplog.clear()
    library.debug("request failed: Authorization: Bearer %s / %s", first, second)
    assert first in caplog.text, "a closed client's secret is no longer tracked"
    assert second not in caplog.text
    clients[1].close()
