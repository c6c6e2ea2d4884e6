"""Bad input gets a clear error record, and the good article in the same batch is still done."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from extractor.article_text import MAX_CHARS
from extractor.schemas import Document
from extractor.testing import FakeOpenAIServer
from tests.cli.conftest import invoke, openai_args, plain, records
from tests.conftest import SEED


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


def _write(content: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(content)

    return write


def _html(path: Path) -> None:
    body = "".join(f"<p>{line}</p>\n" for line in _seed().splitlines() if line)
    path.write_text(f"<!DOCTYPE html><html><body>{body}</body></html>", encoding="utf-8")


def _huge(path: Path) -> None:
    path.write_text(_seed() * (5_000_000 // len(_seed().encode()) + 1), encoding="utf-8")


def _broken_link(path: Path) -> None:
    path.symlink_to(path.with_name("deleted-article.txt"))


REFUSED = {
    "empty": (_write(b""), "is empty or only whitespace"),
    "whitespace": (_write(b"  \n\t\n \r\n"), "is empty or only whitespace"),
    "binary": (_write(bytes(range(256)) * 40), "is a binary file"),
    "five-megabytes": (_huge, f"above the limit of {MAX_CHARS:,} characters"),
    "no-arabic": (
        _write(b"The UN Security Council extended the arms embargo on South Sudan."),
        "is not Arabic",
    ),
    "html": (_html, "looks like HTML"),
    "unreadable": (_broken_link, "does not exist"),
}


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(_seed(), encoding="utf-8")
    return folder


@pytest.mark.parametrize("kind", REFUSED)
def test_bad_document_is_recorded_and_costs_nothing_else(
    kind: str, batch: Path, endpoint: FakeOpenAIServer
) -> None:
    make, expected = REFUSED[kind]
    make(batch / "bad.txt")
    output = batch.parent / "out.jsonl"
    result = invoke("run", str(batch), "-o", str(output), *openai_args(endpoint))
    assert result.exit_code == 1, result.output
    lines = records(output)
    assert set(lines) == {"good", "bad"}
    Document.model_validate(lines["good"])
    assert lines["bad"]["error"]["type"] == "InputError"
    assert expected in lines["bad"]["error"]["message"]
    assert expected in plain(result.stderr)


@pytest.mark.parametrize(
    ("kind", "encoded"),
    [
        ("cp1256", _seed().encode("cp1256")),
        ("utf8-bom", b"\xef\xbb\xbf" + _seed().encode("utf-8")),
    ],
)
def test_legacy_encodings_are_decoded(
    kind: str, encoded: bytes, batch: Path, endpoint: FakeOpenAIServer
) -> None:
    (batch / f"{kind}.txt").write_bytes(encoded)
    output = batch.parent / "out.jsonl"
    result = invoke("run", str(batch), "-o", str(output), *openai_args(endpoint))
    assert result.exit_code == 0, result.output
    lines = records(output)
    same_source = lines[kind]["provenance"]["source_sha256"]
    assert same_source == lines["good"]["provenance"]["source_sha256"]


def test_folder_without_txt_is_a_usage_error(tmp_path: Path, endpoint: FakeOpenAIServer) -> None:
    (tmp_path / "notes.md").write_text("ملاحظات", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = invoke("run", str(tmp_path), "-o", str(output), *openai_args(endpoint))
    assert result.exit_code == 2
    assert "folder has no .txt files" in plain(result.stderr)
    assert not output.exists()
    assert len(endpoint.requests) == 0


def test_missing_path_is_a_usage_error(tmp_path: Path, endpoint: FakeOpenAIServer) -> None:
    result = invoke("run", str(tmp_path / "nope.txt"), *openai_args(endpoint))
    assert result.exit_code == 2
    assert "no such file or folder" in plain(result.stderr)


def test_a_folder_named_like_an_article_is_walked_not_read(
    batch: Path, endpoint: FakeOpenAIServer
) -> None:
    (batch / "archive.txt").mkdir()
    (batch / "archive.txt" / "old.txt").write_text(_seed(), encoding="utf-8")
    output = batch.parent / "out.jsonl"
    result = invoke("run", str(batch), "-o", str(output), *openai_args(endpoint))
    assert result.exit_code == 0, result.output
    assert set(records(output)) == {"good", "old"}
