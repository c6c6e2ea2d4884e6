"""Killing a run at any moment leaves valid JSONL; --resume finishes the rest with no duplicates."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.testing import FakeOpenAIServer, schema_answers
from tests.cli.conftest import REPO, invoke, openai_args, records
from tests.conftest import dev_pairs

DOCUMENTS = 20


def _write_paragraphs(folder: Path, count: int) -> Path:
    """`count` real news paragraphs from the dev set, one file each."""
    paragraphs = [
        line
        for text, _ in dev_pairs()
        for line in text.read_text(encoding="utf-8").splitlines()
        if len(line) > 150
    ]
    assert len(paragraphs) >= count
    folder.mkdir()
    for number, paragraph in enumerate(paragraphs[:count]):
        (folder / f"p{number:02d}.txt").write_text(paragraph + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    return _write_paragraphs(tmp_path / "articles", DOCUMENTS)


@pytest.fixture
def few_articles(tmp_path: Path) -> Path:
    return _write_paragraphs(tmp_path / "few", 6)


def _command(folder: Path, output: Path, endpoint: FakeOpenAIServer, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "extractor", "run", str(folder), "-o", str(output),
        *openai_args(endpoint), "--concurrency", "3", "--quiet", *extra,
    ]  # fmt: skip


def _lines(output: Path) -> list[str]:
    return output.read_text(encoding="utf-8").splitlines() if output.exists() else []


def test_killed_run_leaves_valid_jsonl_and_resume_completes_it(
    articles: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    env = {**os.environ, "OPENAI_API_KEY": "test"}
    with FakeOpenAIServer(schema_answers(delay=0.2)) as slow:
        process = subprocess.Popen(
            _command(articles, output, slow), cwd=REPO, env=env, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while len(_lines(output)) < 5 and time.monotonic() < deadline:
            assert process.poll() is None, "the run ended before it could be killed"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    raw = output.read_bytes()
    assert raw.endswith(b"\n"), "a killed run left half a line"
    before = raw.decode("utf-8").splitlines()
    assert 5 <= len(before) < DOCUMENTS
    done_before = {json.loads(line)["doc_id"]: line for line in before}

    with FakeOpenAIServer(schema_answers()) as fast:
        resumed = subprocess.run(
            _command(articles, output, fast, "--resume"), cwd=REPO, env=env, timeout=120
        )
    assert resumed.returncode == 0
    final = records(output)
    assert sorted(final) == [f"p{number:02d}" for number in range(DOCUMENTS)]
    after = _lines(output)
    for doc_id, line in done_before.items():
        assert line in after, f"{doc_id} was redone instead of kept"


def test_resume_redoes_a_changed_article_and_skips_the_rest(
    few_articles: Path, tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    output = tmp_path / "out.jsonl"
    assert (
        invoke("run", str(few_articles), "-o", str(output), *openai_args(endpoint)).exit_code == 0
    )
    first = records(output)
    changed = few_articles / "p03.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "وأضاف المصدر.\n", encoding="utf-8")
    requests = len(endpoint.requests)

    result = invoke("run", str(few_articles), "-o", str(output), "--resume", *openai_args(endpoint))
    assert result.exit_code == 0, result.output
    final = records(output)
    assert sorted(final) == sorted(first)
    assert (
        final["p03"]["provenance"]["source_sha256"] != first["p03"]["provenance"]["source_sha256"]
    )
    assert final["p04"] == first["p04"]
    assert 0 < len(endpoint.requests) - requests < requests


def test_resume_of_a_finished_run_starts_no_backend(few_articles: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers()) as endpoint:
        assert (
            invoke("run", str(few_articles), "-o", str(output), *openai_args(endpoint)).exit_code
            == 0
        )
    content = output.read_bytes()
    unreachable = ["--backend", "openai", "--base-url", "http://127.0.0.1:9/v1", "--model", "x"]
    result = invoke("run", str(few_articles), "-o", str(output), "--resume", *unreachable)
    assert result.exit_code == 0, result.output
    assert output.read_bytes() == content


def test_resume_needs_an_output_file(few_articles: Path, endpoint: FakeOpenAIServer) -> None:
    result = invoke("run", str(few_articles), "-o", "-", "--resume", *openai_args(endpoint))
    assert result.exit_code == 2
