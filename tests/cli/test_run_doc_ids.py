"""doc_ids are unique across a run's inputs, files and corpora alike, and a resume keeps each
input's doc_id whatever the order of the arguments."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from extractor.testing import FakeOpenAIServer, completion, schema_answers
from tests.cli.conftest import invoke, openai_args, plain, records
from tests.conftest import DEV_DIR, SEED

BAHRAIN = DEV_DIR / "02_bahrain-f16-block70-lockheed.txt"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _corpus(path: Path, texts: dict[str, str]) -> Path:
    lines = [json.dumps({"doc_id": k, "text": v}, ensure_ascii=False) for k, v in texts.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_file_stem_yields_to_the_doc_id_a_corpus_gives(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(_text(SEED), encoding="utf-8")
    corpus = _corpus(tmp_path / "c1.jsonl", {"a": _text(BAHRAIN), "z": _text(SEED) + "\nوأضاف."})
    output = tmp_path / "out.jsonl"
    args = [str(article), str(corpus), "-o", str(output), *openai_args(endpoint)]
    assert invoke("run", *args).exit_code == 0
    first = records(output)
    stem_id = f"a-{_sha256(_text(SEED))[:8]}"
    assert sorted(first) == sorted(["a", "z", stem_id])
    assert first["a"]["provenance"]["source_sha256"] == _sha256(_text(BAHRAIN))
    assert first[stem_id]["provenance"]["source_sha256"] == _sha256(_text(SEED))

    asked = len(endpoint.requests)
    resumed = invoke("run", *args, "--resume")
    assert resumed.exit_code == 0, resumed.output
    assert len(endpoint.requests) == asked, "finished Documents were redone"
    assert records(output) == first


def test_a_doc_id_two_corpora_give_is_a_usage_error_naming_both(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(_text(SEED), encoding="utf-8")
    first = _corpus(tmp_path / "c1.jsonl", {"a": _text(BAHRAIN), "z": _text(SEED)})
    second = _corpus(tmp_path / "c2.jsonl", {"z": _text(BAHRAIN)})
    output = tmp_path / "out.jsonl"
    result = invoke(
        "run", str(article), str(first), str(second), "-o", str(output), *openai_args(endpoint)
    )
    assert result.exit_code == 2, result.output
    shown = plain(result.output)
    assert f"{first}:2" in shown
    assert f"{second}:1" in shown
    assert endpoint.requests == []
    assert not output.exists()


def test_resume_with_the_arguments_reordered_keeps_one_record_per_input(tmp_path: Path) -> None:
    one, two = tmp_path / "one" / "x.txt", tmp_path / "two" / "x.txt"
    for path, source in ((one, SEED), (two, BAHRAIN)):
        path.parent.mkdir()
        path.write_text(_text(source), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(lambda request: completion("هذا ليس JSON")) as broken:
        failed = invoke("run", str(one), str(two), "-o", str(output), *openai_args(broken))
    assert failed.exit_code == 1, failed.output
    before = records(output)
    assert all("error" in record for record in before.values())

    with FakeOpenAIServer(schema_answers()) as good:
        resumed = invoke(
            "run", str(two), str(one), "-o", str(output), "--resume", *openai_args(good)
        )
    assert resumed.exit_code == 0, resumed.output
    after = records(output)
    assert sorted(after) == sorted(before), "an input changed its doc_id, or a record was kept"
    shas = {doc_id: record["provenance"]["source_sha256"] for doc_id, record in after.items()}
    assert shas == {
        "x": _sha256(_text(SEED)),
        f"x-{_sha256(_text(BAHRAIN))[:8]}": _sha256(_text(BAHRAIN)),
    }


def test_resume_of_one_text_in_two_folders_reordered_keeps_no_old_error_record(
    tmp_path: Path,
) -> None:
    one, two = tmp_path / "one" / "x.txt", tmp_path / "two" / "x.txt"
    for path in (one, two):
        path.parent.mkdir()
        path.write_text(_text(SEED), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(lambda request: completion("هذا ليس JSON")) as broken:
        failed = invoke("run", str(one), str(two), "-o", str(output), *openai_args(broken))
    assert failed.exit_code == 1, failed.output
    before = records(output)
    assert sorted(before) == ["x", f"x-{_sha256(_text(SEED))[:8]}"]

    with FakeOpenAIServer(schema_answers()) as good:
        resumed = invoke(
            "run", str(two), str(one), "-o", str(output), "--resume", *openai_args(good)
        )
    assert resumed.exit_code == 0, resumed.output
    after = records(output)
    assert sorted(after) == sorted(before), "an old error record was kept beside the Documents"
    assert all("error" not in record for record in after.values())
