"""Fixtures for CLI tests: a fake OpenAI-compatible endpoint and a way to run `extractor run`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from extractor.cli import app
from extractor.testing import FakeOpenAIServer, schema_answers

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def endpoint() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(schema_answers()) as server:
        yield server


def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
    """Run the CLI in-process, as a user would type it (stdin empty, env with a test key)."""
    environment: dict[str, str | None] = {"OPENAI_API_KEY": "test", "COLUMNS": "400"}
    return CliRunner().invoke(app, list(args), env={**environment, **(env or {})})


def plain(text: str) -> str:
    """Terminal output without rich's box drawing and line wrapping."""
    return " ".join(text.replace("│", " ").split())


def openai_args(endpoint: FakeOpenAIServer) -> list[str]:
    return ["--backend", "openai", "--base-url", endpoint.base_url, "--model", "fake", "--no-cache"]


def records(path: Path) -> dict[str, dict[str, Any]]:
    """The JSONL output by doc_id; fails on a half line or a doc_id written twice."""
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n")
    lines = [json.loads(line) for line in raw.splitlines()]
    by_id = {line["doc_id"]: line for line in lines}
    assert len(by_id) == len(lines), "a doc_id was written twice"
    return by_id
