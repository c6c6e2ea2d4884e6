"""The README's Python examples run verbatim from the clone, against the scripted
OpenAI-compatible server, so they cannot rot; the docs' API reference names every export."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
import regex

import extractor
from extractor.testing import FakeOpenAIServer, schema_answers

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
PYTHON_BLOCK = regex.compile(r"^```python\n(.*?)^```$", regex.MULTILINE | regex.DOTALL)


def python_blocks(markdown: str) -> list[str]:
    """The ```python blocks of a Markdown text, in order."""
    return [str(block) for block in PYTHON_BLOCK.findall(markdown)]


def test_the_readme_has_python_examples() -> None:
    assert len(python_blocks(README.read_text(encoding="utf-8"))) >= 1


def test_readme_python_blocks_run_verbatim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    printed = io.StringIO()
    with FakeOpenAIServer(schema_answers()) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "test")
        monkeypatch.setenv("OPENAI_MODEL", "fake")
        namespace: dict[str, object] = {"__name__": "readme"}
        with contextlib.redirect_stdout(printed):
            for block in python_blocks(README.read_text(encoding="utf-8")):
                exec(compile(block, str(README), "exec"), namespace)
    assert server.requests, "the examples never reached the endpoint"
    assert regex.search(r"^\d+ checks; \[\]$", printed.getvalue(), regex.MULTILINE), (
        printed.getvalue()
    )


def test_the_readme_stays_short() -> None:
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 150


def test_the_api_reference_documents_every_export() -> None:
    page = (REPO / "docs" / "python.md").read_text(encoding="utf-8")
    documented = set(regex.findall(r"^::: extractor\.(\w+)$", page, regex.MULTILINE))
    assert documented == set(extractor.__all__) - {"__version__"}
