"""A deal's weapon systems keep their own numbers, and flagged values stay flagged, in every
form the register gives: CSV, JSON lines, Parquet, `show` and the `deal_items` table."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extractor import verify
from extractor.schemas import Document
from tests.cli.conftest import invoke, plain
from tests.conftest import DEV_DIR

SEED = "00_seed-pakistan-libya"
FLAGGED_PLACE = "مدينة رئاسة الوزراء"  # what a model run wrote; the seed says ديوان رئاسة الوزراء


@pytest.fixture
def seed_register(tmp_path: Path, seed_text: str) -> str:
    """A register of the seed's gold Document, with its first meeting's place replaced by one
    the text does not support, verified against the seed as `extractor run` does."""
    gold = Document.model_validate_json((DEV_DIR / f"{SEED}.gold.json").read_text("utf-8"))
    gold.meetings[0].location_text = FLAGGED_PLACE
    checked = verify(gold, seed_text)
    run = tmp_path / "run.jsonl"
    run.write_text(checked.model_dump_json() + "\n", encoding="utf-8")
    db = str(tmp_path / "r.sqlite")
    added = invoke("register", "add", str(run), "--db", db, "-q")
    assert added.exit_code == 0, added.output
    return db


def _export(db: str, tmp_path: Path, kind: str, file_format: str, *more: str) -> Path:
    out = tmp_path / f"{kind}{'-'.join(more)}.{file_format}"
    result = invoke(
        "register", "export", "--kind", kind, "--format", file_format, "-o", str(out), "--db", db,
        *more,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out


def test_the_seed_keeps_each_systems_number_in_every_form(
    seed_register: str, tmp_path: Path
) -> None:
    expected = [("JF-17 Thunder", 16), ("Super Mushak", 12)]
    csv_rows = list(
        csv.DictReader(
            io.StringIO(_export(seed_register, tmp_path, "arms_deals", "csv").read_text("utf-8"))
        )
    )
    assert [(row["designation"], int(row["number"])) for row in csv_rows] == expected
    assert {row["category"] for row in csv_rows} == {"fighter_aircraft", "trainer_aircraft"}
    assert csv_rows[0]["deal_value"] == csv_rows[1]["deal_value"] == "بمليارات الدولارات"
    lines = _export(seed_register, tmp_path, "arms_deals", "jsonl").read_text("utf-8").splitlines()
    assert [
        (json.loads(line)["designation"], json.loads(line)["number"]) for line in lines
    ] == expected
    table = pq.read_table(_export(seed_register, tmp_path, "arms_deals", "parquet"))
    assert (
        list(
            zip(
                table.column("designation").to_pylist(),
                table.column("number").to_pylist(),
                strict=True,
            )
        )
        == expected
    )
    assert table.column("sources").to_pylist()[0][0]["doc_id"] == SEED
    with sqlite3.connect(seed_register) as connection:
        view = connection.execute(
            "select designation, number from deal_items where recipient = 'LBY' order by item"
        ).fetchall()
    assert view == expected
    listed = invoke(
        "register", "list", "--kind", "arms_deals", "--country", "Libya", "--format", "jsonl",
        "--db", seed_register,
    )  # fmt: skip
    (entry_id,) = [json.loads(line)["entry_id"] for line in listed.stdout.splitlines()]
    shown = plain(invoke("register", "show", entry_id, "--db", seed_register).stdout)
    assert "JF-17 Thunder ×16, Super Mushak ×12" in shown  # fmt: skip


def test_the_flagged_place_is_marked_and_left_out_on_request(
    seed_register: str, tmp_path: Path
) -> None:
    plain_rows = list(
        csv.DictReader(
            io.StringIO(_export(seed_register, tmp_path, "meetings", "csv").read_text("utf-8"))
        )
    )
    flagged = next(row for row in plain_rows if row["place"] == FLAGGED_PLACE)
    assert "place" in flagged["flagged"].split("; ")
    supported = list(
        csv.DictReader(
            io.StringIO(
                _export(seed_register, tmp_path, "meetings", "csv", "--supported-only").read_text(
                    "utf-8"
                )
            )
        )
    )
    same = next(row for row in supported if row["entry_id"] == flagged["entry_id"])
    assert same["place"] == ""
    assert same["participants"] == flagged["participants"]
    shown = plain(invoke("register", "show", flagged["entry_id"], "--db", seed_register).stdout)
    assert f"⚑ {FLAGGED_PLACE}" in shown
    assert f"{SEED} (unsupported)" in shown
    with sqlite3.connect(seed_register) as connection:
        (marked,) = connection.execute(
            "select flagged from meetings where entry_id = ?", (flagged["entry_id"],)
        ).fetchone()
    assert "place" in marked  # fmt: skip


@pytest.mark.parametrize("name", ["ليبيا", "Libya", "lby", "LBY"])
def test_country_takes_a_code_or_a_name(seed_register: str, name: str) -> None:
    listed = invoke("register", "list", "--country", name, "--format", "csv", "--db", seed_register)
    assert listed.exit_code == 0, listed.output
    assert len(listed.stdout.splitlines()) == 7  # header, 4 meetings, a deal, an embargo


def test_an_unknown_country_says_so(seed_register: str) -> None:
    listed = invoke("register", "list", "--country", "Atlantis", "--db", seed_register)
    assert listed.exit_code == 2
    assert "--country 'Atlantis': not an ISO3 code or a state's name" in plain(listed.stderr)


def test_excel_adds_a_byte_order_mark(seed_register: str, tmp_path: Path) -> None:
    plain_csv = _export(seed_register, tmp_path, "arms_deals", "csv").read_bytes()
    excel = _export(seed_register, tmp_path, "arms_deals", "csv", "--excel").read_bytes()
    assert not plain_csv.startswith(b"\xef\xbb\xbf")
    assert excel == b"\xef\xbb\xbf" + plain_csv
