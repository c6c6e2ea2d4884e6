"""What `extractor run` prints while it works when stderr is not a terminal (a CI log, nohup,
a pipe): one line per document with its facts, its time and an estimate; nothing with --quiet."""

from __future__ import annotations

import re
from pathlib import Path

from extractor.testing import FakeOpenAIServer, error
from tests.cli.conftest import invoke, openai_args
from tests.conftest import SEED

LINE = re.compile(
    r"^\[(\d+)/3\] (a\d): (\d+) facts?, (\d+) flagged in (\d+\.\d) s · elapsed \d:\d\d:\d\d"
    r" · ≈ \d:\d\d:\d\d left$"
)


def _articles(folder: Path, count: int = 3) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"a{number}.txt").write_bytes(SEED.read_bytes())
    return folder


def test_one_log_line_per_document_off_a_terminal(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    folder = _articles(tmp_path / "in")
    result = invoke("run", str(folder), "-o", str(tmp_path / "out.jsonl"), *openai_args(endpoint))
    assert result.exit_code == 0, result.stderr
    matches = [LINE.match(line) for line in result.stderr.splitlines()]
    logged = [match for match in matches if match]
    assert [int(match[1]) for match in logged] == [1, 2, 3]
    assert sorted(match[2] for match in logged) == ["a0", "a1", "a2"]
    assert all(int(match[3]) >= 1 for match in logged)


def test_a_failed_document_is_logged_as_failed(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "in", count=1)
    with FakeOpenAIServer(lambda request: error(400, "bad request")) as server:
        result = invoke("run", str(folder), "-o", str(tmp_path / "o.jsonl"), *openai_args(server))
    assert result.exit_code == 1
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("[1/1]")]
    assert re.match(r"^\[1/1\] a0: failed in \d+\.\d s \(BackendError\) · elapsed", line), line


def test_quiet_logs_no_document(tmp_path: Path, endpoint: FakeOpenAIServer) -> None:
    folder = _articles(tmp_path / "in")
    output = tmp_path / "out.jsonl"
    result = invoke("run", str(folder), "-o", str(output), *openai_args(endpoint), "--quiet")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_the_log_goes_to_stderr_when_the_records_go_to_stdout(endpoint: FakeOpenAIServer) -> None:
    result = invoke("run", str(SEED), *openai_args(endpoint))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('{"doc_id"')
    assert "[1/1] 00_seed-pakistan-libya: " in result.stderr
    assert "[1/1]" not in result.stdout
