"""`extractor run` end to end: stdin and stdout, dates, help, setup errors, the review pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from extractor.article_text import MAX_CHARS
from extractor.schemas import Document
from extractor.testing import FakeOpenAIServer, schema_answers
from tests.cli.conftest import REPO, invoke, openai_args, plain, records
from tests.conftest import DEV_DIR, SEED


def test_stdin_to_piped_stdout(endpoint: FakeOpenAIServer, seed_text: str) -> None:
    env = {**os.environ, "OPENAI_API_KEY": "test"}
    result = subprocess.run(
        [sys.executable, "-m", "extractor", "run", "-", *openai_args(endpoint), "--quiet"],
        input=seed_text.encode("utf-8"),
        capture_output=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    (line,) = result.stdout.decode("utf-8").splitlines()
    document = Document.model_validate_json(line)
    assert document.doc_id == "stdin"
    assert document.provenance.source_length == len(seed_text)


def test_output_reader_going_away_stops_cleanly(tmp_path: Path, seed_text: str) -> None:
    for number in range(6):
        (tmp_path / f"a{number}.txt").write_text(seed_text, encoding="utf-8")
    env = {**os.environ, "OPENAI_API_KEY": "test"}
    with FakeOpenAIServer(schema_answers(delay=0.05)) as endpoint:
        command = [sys.executable, "-m", "extractor", "run", str(tmp_path), *openai_args(endpoint)]
        process = subprocess.Popen(
            [*command, "--concurrency", "1", "--quiet"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=REPO,
            env=env,
        )
        assert process.stdout is not None
        Document.model_validate_json(process.stdout.readline())
        process.stdout.close()
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1
    assert b"Traceback" not in stderr
    assert b"the reader of the output went away" in stderr


def test_published_option_and_sidecar(tmp_path: Path, endpoint: FakeOpenAIServer) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_bytes(SEED.read_bytes())
    sidecar = {"published": "2025-10-07", "outlet": "SkyNews", "url": "https://example.org/b"}
    (tmp_path / "b.meta.json").write_text(json.dumps(sidecar))
    output = tmp_path / "out.jsonl"
    result = invoke(
        "run", str(tmp_path), "-o", str(output), "--published", "2024-01-31", *openai_args(endpoint)
    )
    assert result.exit_code == 0, result.output
    lines = records(output)
    assert lines["a"]["published"] == "2024-01-31"
    assert lines["b"]["published"] == "2025-10-07"
    assert lines["a"]["source"] is None
    assert lines["b"]["source"] == {"outlet": "SkyNews", "url": "https://example.org/b"}


def test_bad_published_date_is_a_usage_error(endpoint: FakeOpenAIServer) -> None:
    result = invoke("run", str(SEED), "--published", "7/10/2025", *openai_args(endpoint))
    assert result.exit_code == 2
    assert "--published" in plain(result.stderr)


def test_help_documents_exit_codes_and_limits() -> None:
    result = invoke("run", "--help")
    assert result.exit_code == 0
    text = plain(result.stdout)
    assert "0 all documents done; 1 some documents failed" in text
    assert "2 usage error" in text
    assert f"{MAX_CHARS:,} characters" in text
    assert "[default: stdout when piped, else ./extractions.jsonl]" in text
    for option in ("--concurrency", "--resume", "--report", "--strict", "--published", "--gguf"):
        assert option in text


def test_incomplete_backend_setup_is_a_usage_error_that_keeps_old_results(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text('{"doc_id": "earlier", "error": {"type": "X", "message": "kept"}}\n')
    args = ["-o", str(output), "--backend", "openai", "--base-url", endpoint.base_url]
    result = invoke("run", str(SEED), *args, "--no-cache", env={"OPENAI_MODEL": None})
    assert result.exit_code == 2
    assert "--model" in plain(result.stderr)
    assert len(endpoint.requests) == 0
    assert "kept" in output.read_text()


def test_run_report_and_report_command(tmp_path: Path, endpoint: FakeOpenAIServer) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for stem in ("08_us-saudi-pac3-5-4bn", "22_mbz-moscow-visit-delegation"):
        (sources / f"{stem}.txt").write_bytes((DEV_DIR / f"{stem}.txt").read_bytes())
    (sources / "empty.txt").write_text("")
    output, page = tmp_path / "out.jsonl", tmp_path / "run.html"
    result = invoke(
        "run", str(sources), "-o", str(output), "--report", str(page), *openai_args(endpoint)
    )
    assert result.exit_code == 1
    html = page.read_text(encoding="utf-8")
    assert html.count('<article class="source"') == 2
    assert "is empty or only whitespace" in html

    again = tmp_path / "again.html"
    result = invoke("report", str(output), "--sources", str(sources), "-o", str(again))
    assert result.exit_code == 0, result.output
    html = again.read_text(encoding="utf-8")
    assert html.count('<article class="source"') == 2
    assert "وافقت على صفقة محتملة للسعودية" in html


def test_report_notes_a_missing_or_changed_source(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "seed.txt").write_bytes(SEED.read_bytes())
    output = tmp_path / "out.jsonl"
    assert invoke("run", str(sources), "-o", str(output), *openai_args(endpoint)).exit_code == 0
    (sources / "seed.txt").write_text(SEED.read_text(encoding="utf-8") + "تحديث.\n")
    page = tmp_path / "r.html"
    assert invoke("report", str(output), "--sources", str(sources), "-o", str(page)).exit_code == 0
    assert "changed since it was extracted" in page.read_text(encoding="utf-8")
    (sources / "seed.txt").unlink()
    assert invoke("report", str(output), "--sources", str(sources), "-o", str(page)).exit_code == 0
    assert "seed.txt not found" in page.read_text(encoding="utf-8")
