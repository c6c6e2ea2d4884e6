"""Property: whatever the items of a deal, every export form returns each item's number with
its own designation (the register once ranked designations and numbers apart)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, event

from extractor.register import Register
from extractor.register.export import write_csv, write_jsonl, write_parquet
from extractor.schemas import ArmsDeal, ArmsItem, Document
from tests.cli.conftest import invoke, plain

SYSTEMS = [
    "F-16C",
    "F-16D",
    "إف-16",
    "JF-17 Thunder",
    "Super Mushak",
    "إس-400",
    "S-400",
    "باتريوت",
    "Rafale",
]
PARTIES = ["PAK", "LBY", "USA", "TUR", "RUS", "SYR", "FRA", "EGY", "QAT", "SAU", "IND", "CHN"]

items = st.lists(
    st.builds(ArmsItem, designation=st.sampled_from(SYSTEMS), quantity=st.integers(0, 500)),
    min_size=1,
    max_size=4,
    unique_by=lambda item: item.designation,
)
pairs = st.lists(
    st.tuples(st.sampled_from(PARTIES), st.sampled_from(PARTIES)).filter(lambda p: p[0] != p[1]),
    min_size=1,
    max_size=3,
    unique=True,
)


@pytest.fixture(autouse=True, scope="module")
def _no_fsync() -> Iterator[None]:
    """SQLite without fsync while this module runs: the property is about what the register
    keeps, not durability, and 200 examples of two commits each waited minutes on a busy disk."""

    def unsynced(connection: Any, _: object) -> None:
        connection.execute("PRAGMA synchronous = OFF")

    event.listen(Engine, "connect", unsynced)
    yield
    event.remove(Engine, "connect", unsynced)


def _documents(deals: list[tuple[tuple[str, str], list[ArmsItem]]]) -> list[Document]:
    return [
        Document(
            doc_id=f"doc{index}",
            arms_deals=[ArmsDeal(seller=seller, buyer=buyer, items=list(found), status="signed")],
        )
        for index, ((seller, buyer), found) in enumerate(deals)
    ]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_form_keeps_each_items_number(data: st.DataObject) -> None:
    chosen = data.draw(pairs)
    deals = [(pair, data.draw(items)) for pair in chosen]
    expected = sorted(
        (f"doc{index}", item.designation, item.quantity)
        for index, (_, found) in enumerate(deals)
        for item in found
    )
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        db = str(root / "r.sqlite")
        with Register(db) as register:
            register.add(_documents(deals))
            entries = register.entries(kind="arms_deals")
        write_csv(root / "d.csv", "arms_deals", entries)
        write_jsonl(root / "d.jsonl", entries, "arms_deals")
        write_parquet(root / "d.parquet", "arms_deals", entries)
        csv_rows = list(csv.DictReader(io.StringIO((root / "d.csv").read_text("utf-8"))))
        assert (
            sorted((r["sources"], r["designation"], int(r["number"])) for r in csv_rows) == expected
        )
        lines = [json.loads(line) for line in (root / "d.jsonl").read_text("utf-8").splitlines()]
        assert (
            sorted((r["sources"][0]["doc_id"], r["designation"], r["number"]) for r in lines)
            == expected
        )
        table = pq.read_table(root / "d.parquet").to_pylist()
        assert (
            sorted((r["sources"][0]["doc_id"], r["designation"], r["number"]) for r in table)
            == expected
        )
        with sqlite3.connect(db) as connection:
            view = connection.execute(
                "select s.doc_id, i.designation, i.number from deal_items i "
                "join entry_sources s on s.entry_id = i.entry_id"
            ).fetchall()
        assert sorted(view) == expected
        for entry in entries:
            shown = plain(invoke("register", "show", entry.entry_id, "--db", db).stdout)
            doc = entry.sources[0].doc_id
            for _, designation, number in (row for row in expected if row[0] == doc):
                assert f"{designation} ×{number}" in shown
