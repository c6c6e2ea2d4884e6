"""`extractor eval` end to end on the dev set: the table, the JSON, error records, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from extractor.cli import app
from tests.conftest import dev_pairs

runner = CliRunner()


def _write_run(path: Path, *, drop: str | None = None, error_for: str | None = None) -> None:
    """A JSONL run made of the gold Documents, one of them replaced by an error record."""
    lines = []
    for _, gold in dev_pairs():
        record = json.loads(gold.read_text(encoding="utf-8"))
        if record["doc_id"] == drop:
            continue
        if record["doc_id"] == error_for:
            record = {"doc_id": error_for, "error": {"type": "BackendError", "message": "timeout"}}
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _dev_dir() -> Path:
    return dev_pairs()[0][1].parent


def _scored(tmp_path: Path, **run_options: str) -> tuple[str, dict[str, Any]]:
    """Score a run written by `_write_run(**run_options)`: the printed table and the JSON."""
    run, out = tmp_path / "run.jsonl", tmp_path / "scores.json"
    _write_run(run, **run_options)
    result = runner.invoke(
        app, ["eval", "--gold", str(_dev_dir()), "--pred", str(run), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return result.output, json.loads(out.read_text(encoding="utf-8"))


def test_gold_run_scores_perfect_and_writes_json(tmp_path: Path) -> None:
    output, numbers = _scored(tmp_path)
    assert "overall" in output
    assert "100.0%" in output
    assert numbers["overall"]["f1"] == 1.0
    assert set(numbers["by_kind"]) == {"arms_deals", "meetings", "embargoes"}
    assert numbers["distractors"]["false_facts"] == 0


def test_json_prints_the_numbers_instead_of_the_table(tmp_path: Path) -> None:
    run = tmp_path / "run.jsonl"
    _write_run(run, drop="27_king-salman-receives-pompeo")
    result = runner.invoke(app, ["eval", "--gold", str(_dev_dir()), "--pred", str(run), "--json"])
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.stdout)
    assert numbers["overall"]["precision"] == 1.0
    assert numbers["overall"]["recall"] < 1.0


def test_the_earlier_json_file_form_names_its_new_spelling(tmp_path: Path) -> None:
    run = tmp_path / "run.jsonl"
    _write_run(run)
    for old in (["--json", "scores.json"], ["--json=scores.json"]):
        result = runner.invoke(app, ["eval", "--gold", str(_dev_dir()), "--pred", str(run), *old])
        assert result.exit_code == 2, result.output
        assert "-o scores.json" in " ".join(result.output.replace("│", " ").split())
    assert not (tmp_path / "scores.json").exists()


def test_error_records_count_as_no_facts_and_are_reported(tmp_path: Path) -> None:
    output, numbers = _scored(
        tmp_path, error_for="08_us-saudi-pac3-5-4bn", drop="27_king-salman-receives-pompeo"
    )
    assert "08_us-saudi-pac3-5-4bn: BackendError: timeout" in output
    assert "missing: 27_king-salman-receives-pompeo" in output
    assert numbers["overall"]["precision"] == 1.0
    assert numbers["overall"]["recall"] < 1.0
    statuses = {doc["doc_id"]: doc["status"] for doc in numbers["documents"]}
    assert statuses["08_us-saudi-pac3-5-4bn"] == "error"
    assert statuses["27_king-salman-receives-pompeo"] == "missing"


def test_missing_files_give_a_clear_error(tmp_path: Path) -> None:
    run = tmp_path / "run.jsonl"
    _write_run(run)
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "nowhere"), "--pred", str(run)])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    result = runner.invoke(
        app, ["eval", "--gold", str(_dev_dir()), "--pred", str(tmp_path / "no.jsonl")]
    )
    assert result.exit_code == 2
    assert "no.jsonl does not exist" in result.output


def test_invalid_line_is_named_with_its_number(tmp_path: Path) -> None:
    run = tmp_path / "run.jsonl"
    _write_run(run)
    with run.open("a", encoding="utf-8") as lines:
        lines.write('{"doc_id": "x", "arms_deals": [{"buyer": "QTR"}]}\n')
    result = runner.invoke(app, ["eval", "--gold", str(_dev_dir()), "--pred", str(run)])
    assert result.exit_code == 2
    assert f"run.jsonl:{len(dev_pairs()) + 1}: not a contract Document" in result.output
    assert "buyer" in result.output
    run.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(_dev_dir()), "--pred", str(run)])
    assert result.exit_code == 2
    assert "run.jsonl:1: not JSON" in result.output
