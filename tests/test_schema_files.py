"""The JSON Schemas in schemas/ are the pydantic models' own, and real output validates against
them with a JSON Schema validator, as a user outside Python would check it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema

from extractor.register import Register
from extractor.schema_files import PUBLISHED, schema_files
from extractor.schemas import Document
from tests.conftest import REPO, dev_pairs

SCHEMAS = REPO / "schemas"
WRITE = "extractor schema --write schemas/"


def _stale(folder: Path) -> list[str]:
    """The files of `folder` that differ from the models' schemas, are missing, or have no model."""
    wanted = schema_files()
    present = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.json")}
    return sorted(
        name for name in wanted.keys() | present.keys() if present.get(name) != wanted.get(name)
    )


def _extractor(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extractor", *args], capture_output=True, text=True, check=False
    )


def test_the_checked_in_schemas_are_the_models_schemas() -> None:
    assert not _stale(SCHEMAS), f"schemas/ is stale; regenerate it: {WRITE}"
    contract = {"Document", "Meeting", "Delegate", "ArmsDeal", "Embargo", "RegisterEntry"}
    assert {f"{name}.json" for name in contract} <= {path.name for path in SCHEMAS.iterdir()}


def test_a_changed_missing_or_orphaned_schema_file_is_stale(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(SCHEMAS, tmp_path / "schemas"))
    document = json.loads((folder / "Document.json").read_text(encoding="utf-8"))
    del document["properties"]["embargoes"]
    (folder / "Document.json").write_text(json.dumps(document, indent=2), encoding="utf-8")
    (folder / "Money.json").unlink()
    (folder / "Deal.json").write_text("{}", encoding="utf-8")

    assert _stale(folder) == ["Deal.json", "Document.json", "Money.json"]


def test_schema_write_makes_every_file_and_prints_each_model_alike(tmp_path: Path) -> None:
    result = _extractor("schema", "--write", str(tmp_path / "out"))

    assert result.returncode == 0, result.stderr
    assert f"wrote {len(PUBLISHED)} schemas" in result.stderr
    assert not _stale(tmp_path / "out")
    printed = _extractor("schema", "--type", "RegisterEntry")
    assert printed.stdout == (SCHEMAS / "RegisterEntry.json").read_text(encoding="utf-8")
    assert json.loads(printed.stdout)["title"] == "Entry"


def test_schema_write_to_a_file_says_to_choose_a_folder(tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("not a folder", encoding="utf-8")

    result = _extractor("schema", "--write", str(taken / "schemas"))

    assert result.returncode == 2
    assert "choose a writable folder" in result.stderr


def test_the_dev_documents_and_their_register_entries_validate_against_the_files(
    tmp_path: Path,
) -> None:
    documents = [
        Document.model_validate_json(gold.read_text(encoding="utf-8")) for _, gold in dev_pairs()
    ]
    schema = json.loads((SCHEMAS / "Document.json").read_text(encoding="utf-8"))
    for document in documents:
        jsonschema.validate(document.model_dump(mode="json"), schema)

    register = Register(str(tmp_path / "register.sqlite"))
    try:
        register.add(documents)
        entries = register.entries()
    finally:
        register.close()
    assert entries
    entry_schema = json.loads((SCHEMAS / "RegisterEntry.json").read_text(encoding="utf-8"))
    for entry in entries:
        jsonschema.validate(entry.model_dump(mode="json"), entry_schema)
