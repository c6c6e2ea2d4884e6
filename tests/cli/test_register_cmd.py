"""`extractor register` and `extractor eval register` end to end on the register set."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli.conftest import invoke, plain
from tests.register.cluster_documents import REGISTER_DIR, documents


@pytest.fixture
def results(tmp_path: Path) -> Path:
    """A run's JSONL: the set's Documents, an error record and a line that is not a Document."""
    path = tmp_path / "run.jsonl"
    lines = [document.model_dump_json() for document in documents()]
    lines.append(json.dumps({"doc_id": "lost", "error": {"type": "BackendError", "message": "x"}}))
    lines.append('{"doc_id": "half"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_round_trip(tmp_path: Path, results: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    added = invoke("register", "add", str(results), "--db", db)
    assert added.exit_code == 1, added.output
    summary = plain(added.stderr)
    assert "added 27 documents" in summary
    assert "1 error records skipped; 1 unreadable lines" in summary
    assert f"skipped {results}:29: not JSON" in summary
    assert "grouping" in summary

    listed = invoke("register", "list", "--kind", "meetings", "--format", "jsonl", "--db", db)
    assert listed.exit_code == 0, listed.output
    meetings = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [meeting["date"] for meeting in meetings] == [
        "2018-03-20",
        "2018-04-10",
        "2018-04-10",
        "2018-08-14",
    ]
    tamim = next(meeting for meeting in meetings if meeting["guests"] == ["QAT"])
    assert {source["outlet"] for source in tamim["sources"]} == {"Alarabia", "BBC", "CNN"}

    table = invoke("register", "list", "--country", "tur", "--until", "2018-05-31", "--db", db)
    assert table.exit_code == 0
    assert "RUS → TUR" in table.stdout
    assert "USA → TUR" in table.stdout

    shown = invoke("register", "show", tamim["entry_id"], "--db", db)
    assert shown.exit_code == 0, shown.output
    text = plain(shown.stdout)
    assert "ترمب" in text
    assert "tamim-trump-white-house__alarabia" in text
    assert "التقى أمير قطر الشيخ تميم بن حمد، الثلاثاء" in text

    unknown = invoke("register", "show", "deal-000000000000", "--db", db)
    assert unknown.exit_code == 1
    assert "no entry deal-000000000000" in plain(unknown.stderr)

    out = tmp_path / "deals.csv"
    exported = invoke(
        "register", "export", "--format", "csv", "--kind", "arms_deals", "-o", str(out), "--db", db
    )
    assert exported.exit_code == 0, exported.output
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(row["item"], row["designation"]) for row in rows] == [
        ("S400", "S-400"),
        ("F35", "إف-35"),
        ("F35", "إف-35"),
        ("S300", "S 300"),
    ]
    assert rows[1]["number"] == "100"
    assert rows[0]["disputed"] == "deal_value; designation"


def test_export_jsonl_and_parquet(tmp_path: Path, results: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    invoke("register", "add", str(results), "--db", db, "--quiet")
    out = tmp_path / "all.jsonl"
    assert (
        invoke("register", "export", "--format", "jsonl", "-o", str(out), "--db", db).exit_code == 0
    )
    entries = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {entry["kind"] for entry in entries} == {"arms_deals", "meetings", "embargoes"}
    assert all(entry["sources"][0]["doc_id"] for entry in entries)
    import pyarrow.parquet as pyarrow_parquet

    parquet = tmp_path / "embargoes.parquet"
    result = invoke(
        "register",
        "export",
        "--format",
        "parquet",
        "--kind",
        "embargoes",
        "-o",
        str(parquet),
        "--db",
        db,
    )
    assert result.exit_code == 0, result.output
    table = pyarrow_parquet.read_table(parquet)
    assert table.column("imposed_by").to_pylist() == ["USA", "USA"]
    assert table.column("source_count").to_pylist() == [4, 1]


def test_eval_register_scores_pairs(tmp_path: Path, results: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    invoke("register", "add", str(results), "--db", db, "--quiet")
    out = tmp_path / "scores.json"
    clusters = str(REGISTER_DIR / "clusters.json")
    result = invoke("eval", "register", "--clusters", clusters, "--db", db, "-o", str(out))
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["overall"]["precision"] == figures["overall"]["recall"] == 1.0
    assert figures["overall"]["near_misses_merged"] == 0
    printed = invoke("eval", "register", "--clusters", clusters, "--db", db, "--json")
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.stdout) == figures
    old = invoke("eval", "register", "--clusters", clusters, "--db", db, "--json", "x.json")
    assert old.exit_code == 2
    assert "-o x.json" in plain(old.output)


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["register", "add", "missing.jsonl"], 2, "missing.jsonl: cannot be read"),
        (["register", "list", "--db", "typo.sqlite"], 2, "typo.sqlite: holds no register yet"),
        (["register", "list", "--since", "10/4/2018"], 2, "--since '10/4/2018' is not a date"),
        (["register", "export", "--format", "csv", "-o", "x.csv"], 2, "add --kind"),
        (["register", "list", "--db", "nosuch+driver://x"], 2, "--db nosuch+driver://x"),
        (["eval"], 2, "give --gold FOLDER and --pred RUN.jsonl"),
    ],
)
def test_mistakes_are_one_line_and_an_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str], code: int, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(*arguments)
    assert result.exit_code == code, result.output
    assert message in plain(result.stderr)
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["add", "list", "show", "export"])
def test_help_says_the_exit_codes(command: str) -> None:
    result = invoke("register", command, "--help")
    assert result.exit_code == 0
    assert "2 usage error" in plain(result.stdout)
    assert "--db" in result.stdout
