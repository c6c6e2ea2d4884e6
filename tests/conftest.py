"""Shared fixtures: the dev set of real Arabic articles with their gold Documents, and a scripted
OpenAI-compatible server on 127.0.0.1 with an Extractor pointed at it."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from extractor.api import Extractor
from extractor.testing import FakeOpenAIServer

REPO = Path(__file__).resolve().parent.parent
DEV_DIR = Path(os.environ.get("EXTRACTOR_DEV_DIR", REPO / "eval" / "dev"))
SEED = REPO / "seeds" / "00_seed-pakistan-libya.txt"
API_KEY = "sk-test-0123456789-SECRET"
HAS_LOCAL_EXTRA = importlib.util.find_spec("xllamacpp") is not None


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked `local` needs the local extra: it fails without it (the README's test
    command installs it; `-m "not local"` leaves these tests out by choice)."""
    if HAS_LOCAL_EXTRA or item.get_closest_marker("local") is None:
        return
    unavailable('the local extra is not installed: pip install "arabic-fact-extractor[local]"')


def unavailable(missing: str) -> NoReturn:
    """What a test needs is missing here: the test fails, saying what to install, and never
    passes unrun; a machine without it leaves such tests out by choice (`-m "not system"`)."""
    pytest.fail(f"{missing}; or leave these tests out: pytest -m 'not local and not system'")


def dev_pairs() -> list[tuple[Path, Path]]:
    """Every (article, gold) pair of the dev set, sorted by name."""
    golds = sorted(DEV_DIR.glob("*.gold.json"))
    if not golds:
        raise RuntimeError(f"no dev set found at {DEV_DIR}; set EXTRACTOR_DEV_DIR")
    return [(gold.with_name(gold.name.replace(".gold.json", ".txt")), gold) for gold in golds]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as scripted:
        yield scripted


def make_extractor(server: FakeOpenAIServer, **options: Any) -> Extractor:
    """An Extractor on the scripted server, without cache and without recall questions unless
    asked: the scripts of the first-answer and repair tests hold exactly those calls."""
    settings: dict[str, Any] = {
        "backend": "openai",
        "base_url": server.base_url,
        "api_key": API_KEY,
        "model": "scripted-model",
        "cache": False,
        "recall_rounds": 0,
        "timeout": 10.0,
    }
    return Extractor(**(settings | options))


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"
