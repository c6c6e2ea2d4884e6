"""`extractor run --engine ray` on a local 2-CPU Ray cluster against a loopback endpoint."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from extractor.testing import FakeOpenAIServer, Reply, Request, Responder, error, schema_answers
from tests.cli.conftest import REPO, invoke, openai_args
from tests.conftest import SEED, dev_pairs


def _articles(folder: Path, count: int) -> Path:
    """`count` real news paragraphs of the dev set, one file each, and one empty file."""
    paragraphs = [
        line
        for text, _ in dev_pairs()
        for line in text.read_text(encoding="utf-8").splitlines()
        if len(line) > 150
    ]
    folder.mkdir()
    for number, paragraph in enumerate(paragraphs[:count]):
        (folder / f"p{number:02d}.txt").write_text(paragraph + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    return folder


def _shard_records(folder: Path) -> list[dict[str, Any]]:
    shards = sorted(folder.glob("*.jsonl"))
    assert shards
    return [json.loads(line) for shard in shards for line in shard.read_text().splitlines()]


def _without_timings(record: dict[str, Any]) -> dict[str, Any]:
    if "provenance" in record:
        record["provenance"].pop("timings")
    return record


def test_ray_records_equal_a_plain_run(
    cluster: str, tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    folder = _articles(tmp_path / "articles", 6)
    plain = tmp_path / "plain.jsonl"
    shards = tmp_path / "shards"
    assert invoke("run", str(folder), "-o", str(plain), *openai_args(endpoint)).exit_code == 1
    result = invoke(
        "run", str(folder), "-o", str(shards), "--engine", "ray", "--workers", "2",
        *openai_args(endpoint),
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    expected = [json.loads(line) for line in plain.read_text().splitlines()]
    found = _shard_records(shards)
    assert len(found) == len(expected) == 7
    by_id = {record["doc_id"]: _without_timings(record) for record in found}
    assert by_id == {record["doc_id"]: _without_timings(record) for record in expected}
    assert by_id["empty"]["error"]["type"] == "InputError"


def test_parquet_shards_hold_the_same_records_with_their_error_type_and_resume(
    cluster: str, tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    import pyarrow.parquet

    folder = _articles(tmp_path / "articles", 3)
    plain, shards = tmp_path / "plain.jsonl", tmp_path / "shards"
    ray_run = ("--engine", "ray", "--shard-format", "parquet", *openai_args(endpoint))
    assert invoke("run", str(folder), "-o", str(plain), *openai_args(endpoint)).exit_code == 1
    assert invoke("run", str(folder), "-o", str(shards), *ray_run).exit_code == 1
    assert not list(shards.glob("*.jsonl"))
    table = pyarrow.parquet.read_table(shards).to_pylist()
    expected = [json.loads(line) for line in plain.read_text().splitlines()]
    by_id = {row["doc_id"]: _without_timings(json.loads(row["record"])) for row in table}
    assert by_id == {record["doc_id"]: _without_timings(record) for record in expected}
    errors = {row["doc_id"]: (row["error_type"], row["sha256"]) for row in table}
    assert errors.pop("empty") == ("InputError", None)
    assert all(kind is None and sha256 for kind, sha256 in errors.values())
    assert invoke("run", str(folder), "-o", str(shards), "--resume", *ray_run).exit_code == 1
    doc_ids = [row["doc_id"] for row in pyarrow.parquet.read_table(shards).to_pylist()]
    assert sorted(doc_ids) == sorted(by_id), "the error is redone, the Documents kept, once each"


def test_parquet_shards_are_for_ray_runs(tmp_path: Path, endpoint: FakeOpenAIServer) -> None:
    folder = _articles(tmp_path / "articles", 1)
    result = invoke(
        "run", str(folder), "-o", str(tmp_path / "out.jsonl"), "--shard-format", "parquet",
        *openai_args(endpoint),
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--engine ray only" in " ".join(result.output.split())


def test_a_full_folder_is_refused_without_resume(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    folder = _articles(tmp_path / "articles", 1)
    shards = tmp_path / "shards"
    shards.mkdir()
    (shards / "part-1.jsonl").write_text("{}\n")
    result = invoke(
        "run", str(folder), "-o", str(shards), "--engine", "ray", *openai_args(endpoint)
    )
    assert result.exit_code == 2
    assert "is not empty; add --resume" in " ".join(result.output.split())


def test_rerun_after_a_killed_driver_has_every_doc_id_once(cluster: str, tmp_path: Path) -> None:
    folder = _articles(tmp_path / "articles", 16)
    shards = tmp_path / "shards"
    with FakeOpenAIServer(schema_answers(delay=0.2)) as endpoint:
        command = [
            sys.executable, "-m", "extractor", "run", str(folder), "-o", str(shards),
            "--engine", "ray", "--ray-address", cluster, "--workers", "2", "--concurrency", "2",
            "--quiet", *openai_args(endpoint),
        ]  # fmt: skip
        environment = {**os.environ, "OPENAI_API_KEY": "test", "PYTHONPATH": str(REPO)}
        driver = subprocess.Popen(command, env=environment, cwd=REPO)
        deadline = time.monotonic() + 120
        while len(list(shards.glob("part-*.jsonl"))) < 3 and time.monotonic() < deadline:
            assert driver.poll() is None, "the driver ended before it could be killed"
            time.sleep(0.05)
        driver.send_signal(signal.SIGKILL)
        driver.wait()
        before = {record["doc_id"] for record in _shard_records(shards)}
        assert 0 < len(before) < 17
        asked = len(endpoint.requests)
        result = invoke(
            "run", str(folder), "-o", str(shards), "--engine", "ray", "--resume",
            "--ray-address", cluster, *openai_args(endpoint),
        )  # fmt: skip
    assert result.exit_code == 1, result.output
    doc_ids = [record["doc_id"] for record in _shard_records(shards)]
    assert sorted(doc_ids) == sorted({*doc_ids}), "a doc_id was written twice"
    assert len(doc_ids) == 17
    done_before = len(before - {"empty"})
    assert len(endpoint.requests) - asked <= 3 * (16 - done_before), "done documents were redone"


def _refusing(paragraph: str) -> Responder:
    """A server that answers every request but those about `paragraph` (HTTP 400)."""
    answers = schema_answers()

    def respond(request: Request) -> Reply:
        asked = "\n".join(str(message.get("content")) for message in request.body["messages"])
        return error(400, "cannot read this article") if paragraph in asked else answers(request)

    return respond


@pytest.mark.parametrize("failing", [0, 1])
def test_quiet_silences_rays_own_log_lines_and_keeps_the_runs_errors(
    cluster: str, tmp_path: Path, failing: int
) -> None:
    """Ray's driver logs (connecting to the cluster, Ray Data's execution plan, its C++ core's
    lines) reached stderr; under `--quiet` a run prints only its own errors: nothing when every
    document succeeds, one line for a document that failed."""
    folder = _articles(tmp_path / "articles", 1)
    (folder / "empty.txt").unlink()
    shutil.copy(SEED, folder / "seed.txt")
    failed = SEED.read_text(encoding="utf-8").splitlines()[0] if failing else "\0"
    shards = tmp_path / "shards"
    with FakeOpenAIServer(_refusing(failed)) as endpoint:
        command = [
            sys.executable, "-m", "extractor", "run", str(folder), "-o", str(shards),
            "--engine", "ray", "--ray-address", cluster, "--quiet", "--max-reasks", "0",
            *openai_args(endpoint),
        ]  # fmt: skip
        environment = {
            **os.environ, "OPENAI_API_KEY": "test", "PYTHONPATH": str(REPO), "COLUMNS": "400"
        }  # fmt: skip
        done = subprocess.run(
            command, env=environment, cwd=REPO, capture_output=True, text=True, timeout=300
        )
    assert done.returncode == failing, done.stderr
    assert len(_shard_records(shards)) == 2
    lines = done.stderr.splitlines()
    assert len(lines) == failing, done.stderr
    assert all("seed" in line and "HTTP 400" in line for line in lines), done.stderr


def test_a_closed_port_is_one_message_before_ray_starts(tmp_path: Path) -> None:
    """The endpoint is looked at once in the driver: a server that is down is one message and
    exit 2, not one error record per document from the actors."""
    folder = _articles(tmp_path / "articles", 8)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        base_url = f"http://127.0.0.1:{probe.getsockname()[1]}/v1"
    shards = tmp_path / "shards"
    result = invoke(
        "run", str(folder), "-o", str(shards), "--engine", "ray", "--backend", "openai",
        "--base-url", base_url, "--model", "fake", "--no-cache",
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert result.stderr.count("error:") == 1, result.stderr
    assert f"cannot reach the endpoint {base_url}" in " ".join(result.stderr.split())
    assert list(shards.iterdir()) == [], "a plain rerun would be refused: the folder is not empty"
