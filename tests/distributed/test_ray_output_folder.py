"""The output folder of `extractor run --engine ray`: only our shards are read, rewritten or
added to, in the folder's own format; inputs, a user's files and the API key are left alone.

Most cases need no cluster: a run whose only input is refused (an empty file) records it from
the driver, and a refused folder stops the run before Ray starts.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from extractor.testing import FakeOpenAIServer, completion, schema_answers
from tests.cli.conftest import invoke, openai_args, plain
from tests.conftest import dev_pairs

NOTES = '{"note": "ask the desk about the Libyan deal"}\n{"doc_id": "empty", "seen": true}\n'
GARBAGE_SHARD = "part-20240101T000000-000000-000001.parquet"


def _paragraphs(count: int) -> list[str]:
    """`count` real news paragraphs of the dev set."""
    found = [
        line
        for text, _ in dev_pairs()
        for line in text.read_text(encoding="utf-8").splitlines()
        if len(line) > 150
    ]
    return found[:count]


def _corpus(path: Path, doc_ids: list[str]) -> Path:
    lines = [
        json.dumps({"doc_id": doc_id, "text": text}, ensure_ascii=False)
        for doc_id, text in zip(doc_ids, _paragraphs(len(doc_ids)), strict=True)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def _ray(*args: str, endpoint: FakeOpenAIServer) -> Result:
    return invoke("run", *args, "--engine", "ray", *openai_args(endpoint))


def _shard_doc_ids(folder: Path) -> list[str]:
    return [
        json.loads(line)["doc_id"]
        for shard in sorted(folder.glob("part-*.jsonl"))
        for line in shard.read_text(encoding="utf-8").splitlines()
    ]


def _refused_run(tmp_path: Path, endpoint: FakeOpenAIServer, *extra: str) -> tuple[Path, Path]:
    """An article folder holding one empty file, and the output folder of its Ray run."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "empty.txt").write_text("\n", encoding="utf-8")
    folder = tmp_path / "shards"
    result = _ray(str(articles), "-o", str(folder), *extra, endpoint=endpoint)
    assert result.exit_code == 1, result.output
    return articles, folder


def test_resume_into_the_folder_of_its_input_corpus_is_refused(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    folder = tmp_path / "cdir"
    folder.mkdir()
    corpus = _corpus(folder / "corpus.jsonl", ["a", "z"])
    content = corpus.read_bytes()
    result = _ray(str(corpus), "--workers", "2", "-o", str(folder), "--resume", endpoint=endpoint)
    assert corpus.read_bytes() == content, "the input corpus was rewritten"
    assert result.exit_code == 2, result.output
    assert "holds the input" in plain(result.output)
    assert endpoint.requests == []


@pytest.mark.parametrize("stranger", ["notes.jsonl", "notes.parquet", "a folder named x.jsonl"])
def test_resume_leaves_files_that_are_not_shards_alone(
    tmp_path: Path, endpoint: FakeOpenAIServer, stranger: str
) -> None:
    articles, folder = _refused_run(tmp_path, endpoint)
    if stranger == "a folder named x.jsonl":
        (folder / "x.jsonl").mkdir()
        (folder / "x.jsonl" / "keep.txt").write_text(NOTES, encoding="utf-8")
    else:
        (folder / stranger).write_text(NOTES, encoding="utf-8")
    result = _ray(str(articles), "-o", str(folder), "--resume", endpoint=endpoint)
    _no_traceback(result)
    assert result.exit_code == 1, result.output
    kept = folder / "x.jsonl" / "keep.txt" if stranger.startswith("a folder") else folder / stranger
    assert kept.read_text(encoding="utf-8") == NOTES
    assert _shard_doc_ids(folder) == ["empty"]


def test_resume_into_a_folder_that_is_not_ours_is_refused(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    articles, _ = _refused_run(tmp_path, endpoint)
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.jsonl").write_text(NOTES, encoding="utf-8")
    result = _ray(str(articles), "-o", str(folder), "--resume", endpoint=endpoint)
    assert (folder / "notes.jsonl").read_text(encoding="utf-8") == NOTES
    assert result.exit_code == 2, result.output
    assert "is not a folder of extractor shards" in plain(result.output)


def test_an_unreadable_shard_is_a_one_line_error(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    articles, folder = _refused_run(tmp_path, endpoint)
    (folder / GARBAGE_SHARD).write_bytes(b"PAR1 this is not Parquet")
    result = _ray(str(articles), "-o", str(folder), "--resume", endpoint=endpoint)
    _no_traceback(result)
    assert result.exit_code == 2, result.output
    assert f"{GARBAGE_SHARD}: cannot be read as a parquet shard" in plain(result.output)


def test_resume_keeps_the_format_of_a_parquet_folder(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    import pyarrow.parquet

    articles, folder = _refused_run(tmp_path, endpoint, "--shard-format", "parquet")
    resumed = _ray(str(articles), "-o", str(folder), "--resume", endpoint=endpoint)
    assert resumed.exit_code == 1, resumed.output
    assert not list(folder.glob("*.jsonl")), "JSONL shards were added to a Parquet folder"
    rows = pyarrow.parquet.read_table(folder).to_pylist()
    assert [(row["doc_id"], row["error_type"]) for row in rows] == [("empty", "InputError")]
    mixed = _ray(
        str(articles), "-o", str(folder), "--resume", "--shard-format", "jsonl", endpoint=endpoint
    )
    assert mixed.exit_code == 2, mixed.output
    assert "holds parquet shards" in plain(mixed.output)


def test_the_api_key_reaches_the_actors_but_no_ray_log_and_doc_ids_stay_unique(
    cluster: str, ray_folder: Path, tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    key = "sk-ray-" + hashlib.sha256(str(tmp_path).encode()).hexdigest()[:24]
    article = tmp_path / "a.txt"
    article.write_text(_paragraphs(3)[2] + "\n", encoding="utf-8")
    corpus = _corpus(tmp_path / "c1.jsonl", ["a", "z"])
    folder = tmp_path / "shards"
    result = invoke(
        "run", str(article), str(corpus), "-o", str(folder), "--engine", "ray",
        *openai_args(endpoint), env={"OPENAI_API_KEY": key},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    sent = {
        v for r in endpoint.requests for k, v in r.headers.items() if k.lower() == "authorization"
    }
    assert sent == {f"Bearer {key}"}, "the actors did not get the key"
    leaks = [
        str(path.relative_to(ray_folder))
        for path in ray_folder.rglob("*")
        if path.is_file() and key.encode() in path.read_bytes()
    ]
    stem_id = "a-" + hashlib.sha256(article.read_text(encoding="utf-8").encode()).hexdigest()[:8]
    found: dict[str, Any] = {"leaks": leaks, "doc_ids": sorted(_shard_doc_ids(folder))}
    assert found == {"leaks": [], "doc_ids": sorted(["a", "z", stem_id])}


def test_a_doc_id_two_corpora_give_is_a_usage_error_on_ray(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    first = _corpus(tmp_path / "c1.jsonl", ["a", "z"])
    second = _corpus(tmp_path / "c2.jsonl", ["z"])
    folder = tmp_path / "shards"
    result = _ray(str(first), str(second), "-o", str(folder), endpoint=endpoint)
    assert result.exit_code == 2, result.output
    shown = plain(result.output)
    assert f"{first}:2" in shown
    assert f"{second}:1" in shown
    assert endpoint.requests == []


@pytest.mark.parametrize("texts", [[1, 2], [1, 1]], ids=["two-texts", "one-text-twice"])
def test_resume_with_the_arguments_reordered_keeps_one_record_per_input_on_ray(
    cluster: str, tmp_path: Path, texts: list[int]
) -> None:
    one, two = tmp_path / "one" / "x.txt", tmp_path / "two" / "x.txt"
    paragraphs = _paragraphs(3)  # the first has no word of a fact kind: no request, no error
    for path, text in zip((one, two), (paragraphs[i] for i in texts), strict=True):
        path.parent.mkdir()
        path.write_text(text + "\n", encoding="utf-8")
    folder = tmp_path / "shards"
    with FakeOpenAIServer(lambda request: completion("هذا ليس JSON")) as broken:
        failed = _ray(str(one), str(two), "-o", str(folder), endpoint=broken)
    assert failed.exit_code == 1, failed.output
    before = sorted(_shard_doc_ids(folder))

    with FakeOpenAIServer(schema_answers()) as good:
        resumed = _ray(str(two), str(one), "-o", str(folder), "--resume", endpoint=good)
    assert resumed.exit_code == 0, resumed.output
    after = sorted(_shard_doc_ids(folder))
    assert after == before, "an input changed its doc_id, or an old record was kept"
    shas = {
        record["doc_id"]: record["provenance"]["source_sha256"]
        for shard in sorted(folder.glob("part-*.jsonl"))
        for record in map(json.loads, shard.read_text(encoding="utf-8").splitlines())
    }
    assert shas == {
        "x": hashlib.sha256(one.read_text(encoding="utf-8").encode()).hexdigest(),
        before[1]: hashlib.sha256(two.read_text(encoding="utf-8").encode()).hexdigest(),
    }
