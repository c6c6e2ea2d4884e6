"""Transport reliability against a real loopback server: retries, refusals, the cache, secrets."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from extractor.errors import BackendError, ConfigurationError
from extractor.llm.embedded import EmbeddedServer
from extractor.testing import FakeOpenAIServer, Reply, answer, error
from tests.answers import DEAL, EMBARGO, MEETING
from tests.conftest import API_KEY, make_extractor


def _good() -> list[Reply]:
    return [answer(DEAL), answer(EMBARGO), answer(MEETING)]


def test_429_waits_as_long_as_retry_after_says(server: FakeOpenAIServer, seed_text: str) -> None:
    server.script(error(429, "slow down", {"Retry-After": "1"}), *_good())
    with make_extractor(server) as extractor:
        document = extractor.extract(seed_text)
    waited = server.requests[1].at - server.requests[0].at
    assert 0.95 <= waited < 3.0
    assert document.provenance.usage.retries == 1
    assert document.arms_deals[0].buyer == "LBY"


def test_500_then_success(server: FakeOpenAIServer, seed_text: str) -> None:
    server.script(error(500, "upstream crashed"), *_good())
    with make_extractor(server) as extractor:
        document = extractor.extract(seed_text)
    assert len(server.requests) == 4
    assert document.provenance.usage.retries == 1
    assert document.arms_deals


def test_timeout_is_retried(server: FakeOpenAIServer, seed_text: str) -> None:
    slow = answer(DEAL)
    server.script(Reply(slow.status, slow.body, delay=1.5), *_good())
    with make_extractor(server, timeout=0.5) as extractor:
        document = extractor.extract(seed_text)
    assert len(server.requests) == 4
    assert document.provenance.usage.retries == 1
    assert document.arms_deals


def test_401_fails_at_once_without_the_key(
    server: FakeOpenAIServer, seed_text: str, caplog: pytest.LogCaptureFixture
) -> None:
    server.script(error(401, f"Incorrect API key provided: {API_KEY}"))
    caplog.set_level(logging.DEBUG)
    with make_extractor(server) as extractor:
        with pytest.raises(BackendError) as raised:
            extractor.extract(seed_text)
        shown = repr(extractor)
    assert len(server.requests) == 1
    message = str(raised.value)
    assert "refused the API key" in message
    assert "OPENAI_API_KEY" in message
    for text in (message, repr(raised.value), shown, caplog.text):
        assert API_KEY not in text


def test_400_is_not_retried(server: FakeOpenAIServer, seed_text: str) -> None:
    server.script(error(400, "bad request: unknown parameter"))
    with make_extractor(server) as extractor, pytest.raises(BackendError, match="HTTP 400"):
        extractor.extract(seed_text)
    assert len(server.requests) == 1


def test_cache_answers_an_identical_request(
    server: FakeOpenAIServer, seed_text: str, cache_dir: Path
) -> None:
    server.script(*_good())
    with make_extractor(server, cache=True, cache_dir=cache_dir) as extractor:
        first = extractor.extract(seed_text)
    with make_extractor(server, cache=True, cache_dir=cache_dir) as extractor:
        second = extractor.extract(seed_text)
        total = extractor.usage()
    assert len(server.requests) == 3
    assert second.provenance.usage.cache_hits == 3
    assert second.provenance.usage.llm_calls == 0
    assert total.cache_hits == 3
    assert second.arms_deals == first.arms_deals


def test_usage_is_summed_over_documents(server: FakeOpenAIServer, seed_text: str) -> None:
    server.script(*_good(), *_good())
    with make_extractor(server) as extractor:
        extractor.extract(seed_text, doc_id="a")
        extractor.extract(seed_text, doc_id="b")
        total = extractor.usage()
    assert total.llm_calls == 6
    assert total.prompt_tokens == 6 * 900
    assert total.completion_tokens == 6 * 60


@pytest.mark.local
def test_missing_gguf_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="not found"):
        EmbeddedServer(tmp_path / "absent.gguf")


def test_openai_backend_needs_a_model(server: FakeOpenAIServer) -> None:
    with pytest.raises(ConfigurationError, match="`model` \\(or OPENAI_MODEL\\)"):
        make_extractor(server, model=None)
