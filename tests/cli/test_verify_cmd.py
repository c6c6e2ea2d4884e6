"""`extractor verify` run as a user runs it: a subprocess on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extractor.schemas import Document
from tests.verify.corpus import PAIRS, SEED_ID, gold_raw

SEED_TEXT, SEED_GOLD = PAIRS[SEED_ID]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extractor", "verify", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_gold_file_verifies_to_stdout_with_summary_on_stderr() -> None:
    result = run(SEED_GOLD, "--source", SEED_TEXT)
    assert result.returncode == 0, result.stderr
    verified = Document.model_validate_json(result.stdout)
    assert len(verified.checks) > 50
    assert result.stderr.strip() == (
        f"{len(verified.checks)} checks: "
        + ", ".join(
            f"{n} {s}"
            for s in ("exact", "normalized", "fuzzy", "unsupported", "contradicted")
            if (n := sum(c.status == s for c in verified.checks))
        )
    )


def test_swapped_quantities_are_reported_and_exit_is_still_zero(tmp_path: Path) -> None:
    raw = gold_raw(SEED_ID)
    first, second = raw["arms_deals"][0]["items"]
    first["quantity"], second["quantity"] = second["quantity"], first["quantity"]
    first["quantity_text"], second["quantity_text"] = (
        second["quantity_text"],
        first["quantity_text"],
    )
    extraction = tmp_path / "swapped.json"
    extraction.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.json"
    result = run(extraction, "--source", SEED_TEXT, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "contradicted" in result.stderr
    verified = Document.model_validate_json(out.read_text(encoding="utf-8"))
    statuses = {c.path: c.status for c in verified.checks}
    assert statuses["arms_deals[0].items[0].quantity"] == "contradicted"


def test_strict_drops_what_the_source_does_not_support(tmp_path: Path) -> None:
    raw = gold_raw(SEED_ID)
    raw["meetings"][0]["participants"][0]["name"] = "شريف شريف"
    raw["meetings"][0]["participants"][0]["titles"] = ["رئيس وزراء الهند"]
    extraction = tmp_path / "bad-name.json"
    extraction.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    result = run(extraction, "--source", SEED_TEXT, "--strict")
    assert result.returncode == 0, result.stderr
    verified = Document.model_validate_json(result.stdout)
    names = [p.name for p in verified.meetings[0].participants]
    assert "شريف شريف" not in names
    assert "unsupported" not in result.stderr
    assert "contradicted" not in result.stderr


def test_published_option_resolves_weekdays(tmp_path: Path) -> None:
    raw = gold_raw("27_king-salman-receives-pompeo")
    raw["published"] = None
    extraction = tmp_path / "undated.json"
    extraction.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    source = PAIRS["27_king-salman-receives-pompeo"][0]
    undated = run(extraction, "--source", source)
    assert "1 unsupported" in undated.stderr
    dated = run(extraction, "--source", source, "--published", "2018-10-16")
    assert "unsupported" not in dated.stderr, dated.stderr


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path / "nope.json", "--source", SEED_TEXT)
    assert result.returncode == 2
    assert "cannot read extraction" in result.stderr
    assert "nope.json" in result.stderr


def test_bad_json_says_where(tmp_path: Path) -> None:
    extraction = tmp_path / "broken.json"
    extraction.write_text('{"doc_id": "x",\n "meetings": [}', encoding="utf-8")
    result = run(extraction, "--source", SEED_TEXT)
    assert result.returncode == 2
    assert "is not JSON" in result.stderr
    assert "line 2" in result.stderr


def test_schema_errors_name_the_field(tmp_path: Path) -> None:
    raw = gold_raw(SEED_ID)
    raw["arms_deals"][0]["buyer"] = "UKA"
    raw["meetings"][0]["guest_countries"] = ["QTR"]
    extraction = tmp_path / "codes.json"
    extraction.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    result = run(extraction, "--source", SEED_TEXT)
    assert result.returncode == 2
    assert "arms_deals[0].buyer" in result.stderr
    assert "'UKA'" in result.stderr
    assert "meetings[0].guest_countries[0]" in result.stderr
    assert "'QTR'" in result.stderr


def test_non_utf8_source_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_bytes(SEED_TEXT.read_text(encoding="utf-8").encode("cp1256"))
    result = run(SEED_GOLD, "--source", source)
    assert result.returncode == 2
    assert "is not UTF-8" in result.stderr


def test_bad_published_date_is_refused() -> None:
    result = run(SEED_GOLD, "--source", SEED_TEXT, "--published", "15/06/2017")
    assert result.returncode == 2
    assert "--published" in result.stderr


def test_unwritable_output_is_a_usage_error(tmp_path: Path) -> None:
    result = run(SEED_GOLD, "--source", SEED_TEXT, "-o", tmp_path / "missing" / "out.json")
    assert result.returncode == 2
    assert "cannot write" in result.stderr
