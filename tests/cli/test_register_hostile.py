"""The register commands against hostile values and careless arguments (issue 24): an export
onto the register itself, formulas in CSV cells, terminal escapes and rich markup in stored
values and paths, a NUL in one Document, dates at the ends of the calendar, passwords in URLs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from extractor.schemas import ArmsDeal, ArmsItem, Document, Money, Source
from tests.cli.conftest import invoke, plain
from tests.conftest import unavailable

ESCAPES = "\x1b]0;pwned\x07\x1b[2J"
FORMULAS = {
    "designation": '=HYPERLINK("http://127.0.0.1/x","click")',
    "doc_id": "=cmd|' /C calc'!A0",
    "number_text": "+12",
    "deal_value": "-1+2",
    "outlet": "@SUM(1+1)",
}


def _deal_document(
    doc_id: str,
    designation: str,
    *,
    text: str | None = None,
    value: str | None = None,
    **more: object,
) -> Document:
    deal = ArmsDeal(
        seller="PAK",
        buyer="LBY",
        items=[ArmsItem(designation=designation, quantity=16, quantity_text=text)],
        status="signed",
        value=Money(text=value) if value else None,
    )
    return Document.model_validate(
        {"doc_id": doc_id, "arms_deals": [deal], "published": dt.date(2019, 5, 2)} | more
    )


def _add(tmp_path: Path, documents: list[Document], db: str, *more: str) -> tuple[int, str]:
    run = tmp_path / "run.jsonl"
    run.write_text("".join(d.model_dump_json() + "\n" for d in documents), encoding="utf-8")
    result = invoke("register", "add", str(run), "--db", db, *more)
    return result.exit_code, result.output


@pytest.fixture
def register(tmp_path: Path) -> str:
    db = str(tmp_path / "reg.sqlite")
    code, output = _add(tmp_path, [_deal_document("a", "JF-17 Thunder")], db, "-q")
    assert code == 0, output
    return db


def test_export_onto_the_register_itself_or_a_hard_link_of_it_is_refused(
    register: str, tmp_path: Path
) -> None:
    before = Path(register).read_bytes()
    alias = tmp_path / "alias.csv"
    os.link(register, alias)
    for output in (register, str(alias)):
        result = invoke(
            "register", "export", "--kind", "arms_deals", "-o", output, "--db", register
        )
        assert result.exit_code == 2, result.output
        assert "is also the input" in plain(result.output)
    assert Path(register).read_bytes() == before
    assert invoke("register", "list", "--db", register).exit_code == 0


def test_an_export_replaces_the_file_whole_instead_of_truncating_it(
    register: str, tmp_path: Path
) -> None:
    """Written to a temporary sibling and renamed: another name of the old file keeps the old
    bytes (a file truncated in place would lose them), and no temporary file is left."""
    for file_format in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"deals.{file_format}"
        out.write_text("old export\n", encoding="utf-8")
        keep = tmp_path / f"keep.{file_format}"
        os.link(out, keep)
        result = invoke(
            "register", "export", "--kind", "arms_deals", "--format", file_format,
            "-o", str(out), "--db", register,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert keep.read_text(encoding="utf-8") == "old export\n"
        assert out.read_bytes() != keep.read_bytes()
    assert not [path.name for path in tmp_path.iterdir() if path.name.startswith(".")]


@pytest.fixture
def formulas(tmp_path: Path) -> str:
    """A register whose one deal carries spreadsheet formulas in its text values."""
    document = _deal_document(
        FORMULAS["doc_id"],
        FORMULAS["designation"],
        text=FORMULAS["number_text"],
        value=FORMULAS["deal_value"],
        source=Source(outlet=FORMULAS["outlet"]),
    )
    db = str(tmp_path / "formulas.sqlite")
    code, output = _add(tmp_path, [document], db, "-q")
    assert code == 0, output
    return db


def _cells(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))


def test_csv_text_cells_that_start_a_formula_get_a_quote_and_codes_do_not(
    formulas: str, tmp_path: Path
) -> None:
    out = tmp_path / "deals.csv"
    exported = invoke(
        "register", "export", "--kind", "arms_deals", "-o", str(out), "--db", formulas
    )
    assert exported.exit_code == 0, exported.output
    listed = invoke("register", "list", "--kind", "arms_deals", "--format", "csv", "--db", formulas)
    assert listed.exit_code == 0, listed.output
    for raw in (out.read_bytes(), listed.stdout.encode("utf-8")):
        [row] = _cells(raw)
        assert row["designation"] == "'" + FORMULAS["designation"]
        assert row["number_text"] == "'+12"
        assert row["deal_value"] == "'-1+2"
        assert row["sources"].startswith("'=cmd|")
        assert (row["supplier"], row["recipient"], row["number"]) == ("PAK", "LBY", "16")
        assert b'"\'=HYPERLINK(""http://127.0.0.1/x"",""click"")"' in raw
        starts = [cell[:1] for line in csv.reader(io.StringIO(raw.decode())) for cell in line]
        assert not set(starts) & {"=", "+", "-", "@", "\t", "\r"}


@pytest.mark.system
def test_libreoffice_reads_the_exported_formulas_as_text(formulas: str, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        unavailable("needs LibreOffice (apt-get install libreoffice-calc-nogui)")
    out = tmp_path / "deals.csv"
    exported = invoke(
        "register", "export", "--kind", "arms_deals", "-o", str(out), "--db", formulas
    )
    assert exported.exit_code == 0, exported.output
    converted = subprocess.run(
        [
            soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
            "--infilter=CSV:44,34,76,1", "--convert-to", "fods", "--outdir", str(tmp_path),
            str(out),
        ],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    sheet = tmp_path / "deals.fods"
    assert sheet.exists(), converted.stdout + converted.stderr
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    cells = list(ET.parse(sheet).iter(f"{{{table}}}table-cell"))
    assert not [cell.attrib for cell in cells if f"{{{table}}}formula" in cell.attrib]
    texts = ["".join(cell.itertext()) for cell in cells]
    assert any(FORMULAS["designation"] in text for text in texts), texts


def test_list_and_show_print_stored_escapes_and_markup_as_plain_text(tmp_path: Path) -> None:
    hostile = f"JF-17 {ESCAPES}[/]Thunder[bold]"
    db = str(tmp_path / "r.sqlite")
    code, output = _add(tmp_path, [_deal_document(f"doc{ESCAPES}[/]", hostile)], db, "-q")
    assert code == 0, output
    listed = invoke("register", "list", "--db", db)
    assert listed.exit_code == 0, listed.output
    entry_id = plain(listed.stdout).split("deal-", 1)[1].split()[0]
    shown = invoke("register", "show", f"deal-{entry_id}", "--db", db)
    assert shown.exit_code == 0, shown.output
    for output in (listed.stdout, shown.stdout):
        assert "\x1b" not in output
        assert "\x07" not in output
        assert "JF-17 [/]Thunder[bold]" in plain(output)
    assert "doc[/]" in plain(shown.stdout)


def test_add_to_a_register_whose_path_holds_markup(tmp_path: Path) -> None:
    (tmp_path / "x[").mkdir()
    db = str(tmp_path / "x[/]y.sqlite")
    code, output = _add(tmp_path, [_deal_document("a", "JF-17")], db)
    assert code == 0, output
    assert "x[/]y.sqlite" in plain(output)


def test_a_nul_fails_its_own_document_not_the_batch(tmp_path: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    documents = [_deal_document("bad", "JF\x0017"), _deal_document("good", "Super Mushak")]
    code, output = _add(tmp_path, documents, db)
    assert code == 1, output
    assert "skipped bad: arms_deals[0].items[0].designation holds a NUL character" in plain(output)
    listed = invoke("register", "list", "--format", "jsonl", "--db", db)
    assert "Super Mushak" in listed.stdout
    assert "JF" not in listed.stdout


def test_a_number_past_the_databases_integers_fails_its_own_document(tmp_path: Path) -> None:
    """SQLite raised OverflowError (a traceback) past 64 bits; PostgreSQL's `integer` column
    stops at 2,147,483,647 (tests/register/test_postgres.py)."""
    db = str(tmp_path / "r.sqlite")
    huge = _deal_document("huge", "7.62", text="مئة مليار مليار")
    huge.arms_deals[0].items[0].quantity = 10**20
    code, output = _add(tmp_path, [huge, _deal_document("good", "Super Mushak")], db)
    assert code == 1, output
    assert "Traceback" not in output
    assert "skipped huge: arms_deals[0].items[0].quantity holds the number" in plain(output)
    listed = invoke("register", "list", "--format", "jsonl", "--db", db)
    assert "Super Mushak" in listed.stdout
    assert "7.62" not in listed.stdout


def test_dates_at_the_ends_of_the_calendar_are_added_twice_and_exported(tmp_path: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    documents = [
        _deal_document("first", "JF-17", published=dt.date(1, 1, 1)),
        _deal_document("last", "Super Mushak", published=dt.date(9999, 12, 31)),
    ]
    for _ in range(2):
        code, output = _add(tmp_path, documents, db, "-q")
        assert code == 0, output
    out = tmp_path / "deals.csv"
    exported = invoke("register", "export", "--kind", "arms_deals", "-o", str(out), "--db", db)
    assert exported.exit_code == 0, exported.output
    assert sorted(row["year"] for row in _cells(out.read_bytes())) == ["1", "9999"]


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_database_password_never_reaches_the_terminal(how: str) -> None:
    url = "postgresql+psycopg://analyst:s3cret-pw@127.0.0.1:1/register"
    args = ["register", "list"] + (["--db", url] if how == "option" else [])
    result = invoke(*args, env={"EXTRACTOR_REGISTER_DB": url} if how == "environment" else {})
    assert result.exit_code == 2, result.output
    assert "s3cret-pw" not in result.output
    assert "analyst:***@127.0.0.1:1" in plain(result.output)


def test_an_unparsable_url_is_masked_too() -> None:
    result = invoke("register", "list", "--db", "postgresql+psycopg://analyst:s3cret-pw@h:port/db")
    assert result.exit_code == 2, result.output
    assert "s3cret-pw" not in result.output
