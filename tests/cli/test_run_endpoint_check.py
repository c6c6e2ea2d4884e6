"""A remote endpoint is looked at once before the first document: a server that is down, or
one that refuses the key, is one message and exit 2 at once, not one error per document."""

from __future__ import annotations

import socket
import time
from pathlib import Path

from extractor.testing import FakeOpenAIServer, error, schema_answers
from tests.cli.conftest import invoke, plain, records
from tests.conftest import SEED

DOCUMENTS = 16


def _articles(folder: Path) -> Path:
    folder.mkdir()
    for number in range(DOCUMENTS):
        (folder / f"a{number:02d}.txt").write_bytes(SEED.read_bytes())
    return folder


def _closed_port() -> int:
    """A loopback port nothing listens on (bound for a moment, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(folder: Path, base_url: str, *extra: str) -> tuple[int, str, float]:
    output = folder.parent / "out.jsonl"
    started = time.monotonic()
    result = invoke(
        "run", str(folder), "-o", str(output), "--backend", "openai", "--base-url", base_url,
        "--model", "fake", "--no-cache", *extra,
    )  # fmt: skip
    return result.exit_code, plain(result.stderr), time.monotonic() - started


def test_a_closed_port_is_one_message_and_exit_2(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "in")
    base_url = f"http://127.0.0.1:{_closed_port()}/v1"
    for extra in ([], ["--timeout", "1"]):
        code, stderr, seconds = _run(folder, base_url, *extra)
        assert code == 2, stderr
        assert stderr.count("error:") == 1, stderr
        assert f"cannot reach the endpoint {base_url}" in stderr
        assert "is the server running" in stderr
        assert "deadline" not in stderr
        assert seconds < 5.0
    assert not (tmp_path / "out.jsonl").exists()


def test_a_refused_key_is_one_message_and_exit_2_before_any_completion(tmp_path: Path) -> None:
    refusal = error(401, "Incorrect API key provided")
    folder = _articles(tmp_path / "in")
    with FakeOpenAIServer(lambda request: refusal, listing=lambda request: refusal) as server:
        code, stderr, seconds = _run(folder, server.base_url)
    assert code == 2, stderr
    assert stderr.count("error:") == 1, stderr
    assert "refused the API key (HTTP 401)" in stderr
    assert "OPENAI_API_KEY" in stderr
    assert seconds < 5.0
    assert server.requests == []
    (look,) = server.looks
    assert look.path == "/v1/models"
    assert look.headers["Authorization"] == "Bearer test"


def test_a_server_that_lists_no_models_still_runs(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "in")
    unlisted = error(404, "no such route")
    with FakeOpenAIServer(schema_answers(), listing=lambda request: unlisted) as server:
        code, stderr, _ = _run(folder, server.base_url, "--quiet")
    assert code == 0, stderr
    assert len(server.looks) == 1
    assert len(records(tmp_path / "out.jsonl")) == DOCUMENTS
