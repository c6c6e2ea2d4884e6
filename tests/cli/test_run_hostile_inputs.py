"""Hostile inputs on real files: markup and terminal controls in names and server messages,
colliding stems, resumes, damaged UTF-8, FIFOs. Each once crashed, hung or lost a record."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from extractor.testing import FakeOpenAIServer, error, schema_answers
from tests.cli.conftest import REPO, invoke, openai_args, plain, records
from tests.conftest import SEED

ESCAPES = "\x1b[31m\x1b]0;pwned\x07"


def test_markup_and_terminal_controls_are_printed_as_text(tmp_path: Path) -> None:
    odd = tmp_path / "a[" / "]b.txt"
    odd.parent.mkdir()
    odd.write_bytes(SEED.read_bytes())
    (tmp_path / f"e{ESCAPES}.txt").write_text("")
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer() as server:
        server.script(error(400, f"bad [/]request {ESCAPES}[bold]"))
        args = ["--backend", "openai", "--base-url", server.base_url, "--model", "x"]
        result = invoke("run", str(tmp_path), "-o", str(output), *args, "--no-cache")
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output
    assert "\x07" not in result.output
    assert "bad [/]request" in result.output
    assert "e.txt: is empty" in plain(result.output)
    assert set(records(output)) == {"]b", f"e{ESCAPES}"}


def test_colliding_stems_get_unique_portable_ids_and_resume_keeps_them(tmp_path: Path) -> None:
    first, second = tmp_path / "dir", tmp_path / "more"
    (first / "dup").mkdir(parents=True)
    (first / "dup.txt").write_bytes(SEED.read_bytes())
    (first / "dup" / "dup.txt").write_text(
        SEED.read_text(encoding="utf-8").replace("16", "18"), encoding="utf-8"
    )
    (first / "empty.txt").write_text("   \n")
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers()) as endpoint:
        done = invoke("run", str(first), "-o", str(output), *openai_args(endpoint))
        assert done.exit_code == 1, done.output
        before = records(output)
        assert len(before) == 3
        assert "dup" in before
        assert not any(str(tmp_path) in doc_id or "/" in doc_id for doc_id in before)

        second.mkdir()
        (second / "dup.txt").write_text(
            SEED.read_text(encoding="utf-8").replace("12", "14"), encoding="utf-8"
        )
        for _ in range(2):
            again = invoke(
                "run", str(first), str(second), "-o", str(output), "--resume",
                *openai_args(endpoint),
            )  # fmt: skip
            assert again.exit_code == 1, again.output
    after = records(output)
    assert len(after) == 4, "one record per input: none lost, none duplicated"
    for doc_id, record in before.items():
        assert after[doc_id] == record, f"{doc_id} was redone or renamed by the resume"
    assert after["empty"]["error"]["type"] == "InputError"


def test_utf8_missing_its_last_byte_is_read_as_utf8_with_a_warning(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").rstrip() + " الليبية"
    (tmp_path / "cut.txt").write_bytes(text.encode("utf-8")[:-1])
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers()) as endpoint:
        result = invoke("run", str(tmp_path), "-o", str(output), *openai_args(endpoint))
    assert result.exit_code == 0, result.output
    provenance = records(output)["cut"]["provenance"]
    assert provenance["source_length"] == len(text), "characters, not bytes"
    assert "replaced by U+FFFD" in provenance["input_warnings"][0]


def test_utf8_with_a_line_in_another_encoding_is_refused(tmp_path: Path) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    mixed = b"\n".join(
        line.encode("cp1256" if number == 1 else "utf-8") for number, line in enumerate(lines)
    )
    (tmp_path / "mixed.txt").write_bytes(mixed)
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers()) as endpoint:
        result = invoke("run", str(tmp_path), "-o", str(output), *openai_args(endpoint))
    assert result.exit_code == 1, result.output
    found = records(output)
    assert "mostly UTF-8" in found["mixed"]["error"]["message"]
    assert "error" not in found["good"]


def test_a_fifo_named_txt_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.txt")
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    output = tmp_path / "out.jsonl"
    env = {**os.environ, "OPENAI_API_KEY": "test"}
    with FakeOpenAIServer(schema_answers()) as endpoint:
        result = subprocess.run(
            [sys.executable, "-m", "extractor", "run", str(tmp_path), "-o", str(output),
             *openai_args(endpoint), "--quiet"],
            capture_output=True, cwd=REPO, env=env, timeout=60,
        )  # fmt: skip
    assert result.returncode == 1, result.stderr.decode()
    found = records(output)
    assert "not a regular file" in found["x"]["error"]["message"]
    assert "error" not in found["good"]


def test_stdin_twice_is_a_usage_error(tmp_path: Path) -> None:
    with FakeOpenAIServer(schema_answers()) as endpoint:
        result = invoke("run", "-", "-", "-o", str(tmp_path / "o.jsonl"), *openai_args(endpoint))
    assert result.exit_code == 2
    assert "more than once" in result.output


def test_report_finds_the_sources_of_colliding_stems(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    for folder, text in (("a", SEED.read_text(encoding="utf-8")), ("b", "وصلت 18 طائرة.\n")):
        (articles / folder).mkdir(parents=True)
        (articles / folder / "x.txt").write_text(text, encoding="utf-8")
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers()) as endpoint:
        done = invoke("run", str(articles), "-o", str(output), *openai_args(endpoint))
    assert done.exit_code == 0, done.output
    assert len(records(output)) == 2
    page = tmp_path / "r.html"
    shown = invoke("report", str(output), "--sources", str(articles), "-o", str(page))
    assert shown.exit_code == 0, shown.output
    html = page.read_text(encoding="utf-8")
    assert "source text not available" not in html
    assert "not found under" not in html
