"""The API checks its arguments before any model call, holds to its concurrency, refuses work
once closed, and leaves nothing for a later event loop to clean up."""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import sys
import threading
import time
from typing import Any

import pytest

from extractor import verify
from extractor.errors import ConfigurationError, InputError
from extractor.schemas import Document
from extractor.testing import FakeOpenAIServer, Reply, Request, schema_answers
from tests.conftest import REPO, SEED, make_extractor


@pytest.mark.parametrize(
    ("text", "options", "message"),
    [
        (123, {}, "must be a str, not int"),
        (None, {}, "must be a str, not NoneType"),
        (b"\xd8\xa8", {}, "is bytes; decode it first"),
        ("نص", {"doc_id": None}, "doc_id must be a non-empty str"),
        ("نص", {"published": "garbage"}, "published must be a date"),
        ("  ", {}, "is empty"),
    ],
)
def test_bad_requests_raise_input_error_before_any_call(
    server: FakeOpenAIServer, text: Any, options: dict[str, Any], message: str
) -> None:
    with make_extractor(server) as extractor, pytest.raises(InputError, match=message):
        extractor.extract(text, **options)
    assert server.requests == []


def test_published_may_be_an_iso_string(seed_text: str) -> None:
    with FakeOpenAIServer(schema_answers()) as good, make_extractor(good) as extractor:
        document = extractor.extract(seed_text, published="2025-10-07")
    assert document.published == dt.date(2025, 10, 7)


@pytest.mark.parametrize(
    "options",
    [
        {"concurrency": 0},
        {"concurrency": -3},
        {"concurrency": 2.5},
        {"backend": "bogus"},
        {"max_reasks": -1},
        {"timeout": 0},
        {"timeout": float("nan")},
        {"document_timeout": -1},
    ],
)
def test_impossible_settings_raise_configuration_error(
    server: FakeOpenAIServer, options: dict[str, Any]
) -> None:
    with pytest.raises(ConfigurationError):
        make_extractor(server, **options)


def test_a_closed_extractor_refuses_work(server: FakeOpenAIServer, seed_text: str) -> None:
    extractor = make_extractor(server)
    extractor.close()
    with pytest.raises(ConfigurationError, match="closed"):
        extractor.extract(seed_text)
    assert server.requests == []


class _InFlight:
    """A responder that answers after 0.1 s and remembers the most requests it held at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._now = 0
        self.most = 0
        self._answers = schema_answers()

    def __call__(self, request: Request) -> Reply:
        with self._lock:
            self._now += 1
            self.most = max(self.most, self._now)
        time.sleep(0.1)
        with self._lock:
            self._now -= 1
        return self._answers(request)


def test_concurrency_is_a_real_limit_under_gather(seed_text: str) -> None:
    counter = _InFlight()
    with FakeOpenAIServer(counter) as server:
        extractor = make_extractor(server, concurrency=4)

        async def fifty() -> list[Document]:
            async with extractor:
                calls = [extractor.aextract(seed_text, doc_id=f"d{n}") for n in range(50)]
                return await asyncio.gather(*calls)

        documents = asyncio.run(fifty())
    assert len(documents) == 50
    assert counter.most == 4


def test_verify_takes_a_dict_and_refuses_anything_else(seed_text: str) -> None:
    checked = verify({"doc_id": "x", "meetings": []}, seed_text)
    assert checked.provenance.source_length == len(seed_text)
    with pytest.raises(InputError, match="needs a Document"):
        verify(None, seed_text)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="not a contract Document"):
        verify({"doc_id": 5}, seed_text)
    with pytest.raises(InputError, match="source text as a str"):
        verify(Document(doc_id="x"), None)  # type: ignore[arg-type]


SCRIPT = """
import asyncio, gc
from extractor.api import Extractor
from extractor.testing import FakeOpenAIServer, schema_answers
text = open({seed!r}, encoding="utf-8").read()
with FakeOpenAIServer(schema_answers()) as server:
    for number in range(5):
        extractor = Extractor(backend="openai", base_url=server.base_url, model="x", cache=False)
        extractor.extract(text)
        extractor.close()
        del extractor

        async def later() -> None:
            gc.collect()
            await asyncio.sleep(0.01)

        asyncio.run(later())
"""


def test_no_task_is_left_for_a_later_event_loop() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(seed=str(SEED))],
        capture_output=True, text=True, cwd=REPO, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "never retrieved" not in result.stderr
    assert "Event loop is closed" not in result.stderr
