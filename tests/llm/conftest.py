"""Fixtures of the LLM tests: a scripted server and an Extractor pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.api import Extractor
from tests.llm.scripted_server import ScriptedServer

API_KEY = "sk-test-0123456789-SECRET"


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as scripted:
        yield scripted


def make_extractor(server: ScriptedServer, **options: object) -> Extractor:
    """An Extractor on the scripted server, without cache unless asked."""
    settings: dict[str, object] = {
        "backend": "openai",
        "base_url": server.base_url,
        "api_key": API_KEY,
        "model": "scripted-model",
        "cache": False,
        "timeout": 10.0,
    }
    settings.update(options)
    return Extractor(**settings)  # type: ignore[arg-type]


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"
