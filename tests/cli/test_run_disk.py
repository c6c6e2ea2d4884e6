"""Disks and files that fail under a run: a one-line message and valid JSONL, never a traceback.

Root ignores permission bits, so failures come from real mounts: a tiny tmpfs fills up, a
tmpfs remounted read-only refuses writes. Where mounting is not allowed those tests fail,
saying so (deselect them with `-m "not system"`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from extractor.testing import FakeOpenAIServer, schema_answers
from tests.answers import DEAL
from tests.cli.conftest import invoke, openai_args, plain, records
from tests.conftest import SEED, unavailable

Mount = Callable[[str], Path]


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Mount]:
    """Mount a tmpfs with the given options under tmp_path; unmounted after the test."""
    mounted: list[Path] = []

    def mount(options: str) -> Path:
        point = tmp_path / f"mount{len(mounted)}"
        point.mkdir()
        command = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            unavailable(f"cannot mount a tmpfs here (needs root and mount rights): {done.stderr}")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], check=False)


def _remount(point: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(point)], check=True)


def _deal(conversation: str) -> dict[str, list[dict[str, Any]]]:
    return DEAL


def _articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        shutil.copy(SEED, folder / f"a{number:02d}.txt")
    return folder


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def _valid_jsonl(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert b"\x00" not in raw, f"{raw.count(0)} NUL bytes where a failed line was taken back"
    assert not raw or raw.endswith(b"\n"), "a partial last line was left"
    return [json.loads(line) for line in raw.splitlines()]


@pytest.mark.system
@pytest.mark.parametrize("concurrency", ["1", "4", "8"])
def test_a_full_disk_stops_with_a_message_and_resume_finishes_once_there_is_room(
    tmp_path: Path, tmpfs: Mount, concurrency: str
) -> None:
    """With several documents in flight, those finishing after the failed line still write
    whole lines after the last good one."""
    articles = _articles(tmp_path / "articles", 10)
    disk = tmpfs("size=24k")
    output = disk / "out.jsonl"
    with FakeOpenAIServer(schema_answers(_deal)) as endpoint:
        args = [str(articles), "-o", str(output), *openai_args(endpoint)]
        args += ["--concurrency", concurrency]
        full = invoke("run", *args)
        written = _valid_jsonl(output)
        _no_traceback(full)
        assert full.exit_code == 1
        assert "No space left on device" in plain(full.output)
        assert "--resume" in plain(full.output)
        assert 0 < len(written) < 10

        again = invoke("run", *args, "--resume")
        _no_traceback(again)
        assert again.exit_code == 1
        assert len(_valid_jsonl(output)) >= len(written)

        _remount(disk, "size=4m")
        finished = invoke("run", *args, "--resume")
    assert finished.exit_code == 0, finished.output
    assert len(_valid_jsonl(output)) == len(records(output)) == 10


@pytest.mark.system
def test_a_read_only_output_folder_is_a_usage_error_before_any_work(
    tmp_path: Path, tmpfs: Mount
) -> None:
    articles = _articles(tmp_path / "articles", 1)
    disk = tmpfs("size=1m")
    _remount(disk, "ro")
    with FakeOpenAIServer(schema_answers()) as endpoint:
        for where in (["-o", str(disk / "out.jsonl")], ["--report", str(disk / "r.html")]):
            result = invoke("run", str(articles), *where, *openai_args(endpoint))
            _no_traceback(result)
            assert result.exit_code == 2
            assert "Read-only file system" in plain(result.output)
        assert endpoint.requests == []


def test_report_into_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    articles = _articles(tmp_path / "articles", 1)
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers()) as endpoint:
        result = invoke(
            "run", str(articles), "-o", str(output), "--report", str(tmp_path / "no" / "r.html"),
            *openai_args(endpoint),
        )  # fmt: skip
        assert endpoint.requests == []
    _no_traceback(result)
    assert result.exit_code == 2
    assert "does not exist" in plain(result.output)
    assert not output.exists()


@pytest.mark.parametrize("clash", ["output is the input", "report is the output"])
def test_an_output_that_would_overwrite_an_input_or_output_is_refused(
    tmp_path: Path, clash: str
) -> None:
    article = tmp_path / "a.txt"
    shutil.copy(SEED, article)
    output = tmp_path / "x.html"
    where = (
        ["-o", str(article)]
        if clash == "output is the input"
        else ["-o", str(output), "--report", str(tmp_path / "." / "x.html")]
    )
    with FakeOpenAIServer(schema_answers()) as endpoint:
        result = invoke("run", str(article), *where, *openai_args(endpoint))
    assert result.exit_code == 2, result.output
    assert "would destroy" in plain(result.output)
    assert article.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("damage", ["garbage in cache.db", "a file where the folder is"])
def test_a_corrupt_response_cache_is_switched_off_with_a_warning(
    tmp_path: Path, damage: str
) -> None:
    articles = _articles(tmp_path / "articles", 1)
    responses = tmp_path / "cache" / "arabic-fact-extractor" / "responses"
    responses.parent.mkdir(parents=True)
    if damage == "garbage in cache.db":
        responses.mkdir()
        (responses / "cache.db").write_bytes(b"\x00garbage, not SQLite" * 100)
    else:
        responses.write_text("not a folder")
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers()) as endpoint:
        args = ["--backend", "openai", "--base-url", endpoint.base_url, "--model", "fake"]
        result = invoke(
            "run", str(articles), "-o", str(output), *args,
            env={"XDG_CACHE_HOME": str(tmp_path / "cache")},
        )  # fmt: skip
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    assert "warning: the response cache" in plain(result.output)
    assert "error" not in records(output)["a00"]


def test_verify_on_deeply_nested_json_says_so(tmp_path: Path) -> None:
    extraction = tmp_path / "deep.json"
    extraction.write_text("[" * 100_000 + "]" * 100_000)
    result = invoke("verify", str(extraction), "--source", str(SEED))
    _no_traceback(result)
    assert result.exit_code == 2
    assert "nested too deeply" in result.output


def test_report_reads_provenance_of_unexpected_types(tmp_path: Path) -> None:
    results = tmp_path / "odd.jsonl"
    odd = {
        "doc_id": "odd",
        "provenance": {
            "kinds_not_mentioned": 5,
            "prompt_examples_withdrawn": {"a": 1},
            "kinds_failed": "arms_deals",
            "errors": 7,
        },
    }
    results.write_text(json.dumps(odd) + "\n" + json.dumps({"doc_id": "e", "error": "x"}) + "\n")
    result = invoke("report", str(results), "-o", str(tmp_path / "r.html"))
    _no_traceback(result)
    assert result.exit_code == 0, result.output
