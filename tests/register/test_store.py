"""The register on the register evaluation set: entries, ids, re-adding, conflicts kept."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from extractor.evaluate.register_pairs import load_clusters, score_register
from extractor.register import Entry, Register, RegisterError
from extractor.schemas import Document
from tests.register.cluster_documents import REGISTER_DIR, document, documents


def _memberships(register: Register) -> set[frozenset[str]]:
    return {frozenset(source.doc_id for source in entry.sources) for entry in register.entries()}


def _records(entries: list[Entry]) -> list[dict[str, Any]]:
    return sorted((entry.record() for entry in entries), key=lambda record: record["entry_id"])


def test_hand_written_documents_give_every_cluster_and_no_near_miss(tmp_path: Path) -> None:
    with Register(str(tmp_path / "r.sqlite")) as register:
        report = register.add(documents())
        entries = register.entries()
    assert (report.added, report.replaced, report.facts, report.entries) == (27, 0, 27, 10)
    score = score_register(
        load_clusters(REGISTER_DIR / "clusters.json"),
        [(entry.kind, [source.sha256 for source in entry.sources]) for entry in entries],
    )
    assert {kind: (s.precision, s.recall) for kind, s in score.by_kind.items()} == {
        "arms_deals": (1.0, 1.0),
        "meetings": (1.0, 1.0),
        "embargoes": (1.0, 1.0),
    }
    assert score.overall.near_misses_merged == 0
    assert score.overall.gold_pairs == 28


def test_one_call_gives_the_same_entries_and_ids_in_any_order(tmp_path: Path) -> None:
    shuffled = documents()
    random.Random(15).shuffle(shuffled)
    with (
        Register(str(tmp_path / "a.sqlite")) as first,
        Register(str(tmp_path / "b.sqlite")) as second,
    ):
        first.add(documents())
        second.add(shuffled)
        assert _records(first.entries()) == _records(second.entries())


def test_one_by_one_in_any_order_gives_the_same_entries(tmp_path: Path) -> None:
    with Register(str(tmp_path / "all.sqlite")) as together:
        together.add(documents())
        expected = _memberships(together)
        values = {entry.entry_id: entry.fields for entry in together.entries()}
    for seed in (1, 2):
        shuffled = documents()
        random.Random(seed).shuffle(shuffled)
        with Register(str(tmp_path / f"one-{seed}.sqlite")) as register:
            for item in shuffled:
                register.add([item])
            assert _memberships(register) == expected
            by_members = {
                frozenset(s.doc_id for s in entry.sources): entry.fields
                for entry in register.entries()
            }
        assert sorted(map(str, by_members.values())) == sorted(map(str, values.values()))


def test_an_entry_keeps_its_id_as_sources_join(tmp_path: Path) -> None:
    stems = [
        "russia-syria-s300-delivered__skynews",
        "russia-syria-s300-delivered__bbc",
        "russia-syria-s300-delivered__cnn",
    ]
    with Register(str(tmp_path / "r.sqlite")) as register:
        register.add([document(stems[0])])
        (entry,) = register.entries()
        for stem in stems[1:]:
            register.add([document(stem)])
            (joined,) = register.entries()
            assert joined.entry_id == entry.entry_id
        assert [source.outlet for source in joined.sources] == ["BBC", "SkyNews", "CNN"]


def test_a_source_that_bridges_two_entries_keeps_one_of_their_ids(tmp_path: Path) -> None:
    bbc, sky, cnn = (
        document(f"russia-syria-s300-delivered__{outlet}") for outlet in ("bbc", "skynews", "cnn")
    )
    late = cnn.model_copy(
        update={"published": dt.date.fromisoformat("2018-10-05")}
    )  # 4 days after BBC's date
    with Register(str(tmp_path / "r.sqlite")) as register:
        register.add([bbc, late])
        before = {entry.entry_id for entry in register.entries()}
        register.add([sky])  # 1 day after BBC, 3 before the late CNN
        (merged,) = register.entries()
    assert len(before) == 2
    assert merged.entry_id == min(before)
    assert len(merged.sources) == 3


def test_re_adding_a_text_replaces_its_facts(tmp_path: Path) -> None:
    original = document("tamim-trump-white-house__cnn")
    rerun = original.model_copy(deep=True)
    rerun.meetings[0].location_text = "واشنطن"
    with Register(str(tmp_path / "r.sqlite")) as register:
        register.add(documents())
        report = register.add([rerun, rerun])
        entry = next(e for e in register.entries(country="QAT"))
    assert (report.added, report.replaced) == (0, 1)
    assert [source.doc_id for source in entry.sources].count(original.doc_id) == 1
    places = {value.value: value.sources for value in entry.fields["place"]}
    assert places == {
        "البيت الأبيض": ["tamim-trump-white-house__alarabia", "tamim-trump-white-house__bbc"],
        "واشنطن": [original.doc_id],
    }


def test_conflicts_are_kept_with_their_sources_majority_first(tmp_path: Path) -> None:
    with Register(str(tmp_path / "r.sqlite")) as register:
        register.add(documents())
        (deal,) = register.entries(
            kind="arms_deals", country="TUR", until=dt.date.fromisoformat("2018-05-31")
        )[1:]
    (item,) = deal.items
    designations = [(value.value, len(value.sources)) for value in item.fields["designation"]]
    assert designations == [("إف-35", 3), ("F-35", 1)]
    assert [value.value for value in item.fields["number_text"]] == [
        "أكثر من مئة",
        "ما يزيد على 100",
    ]
    assert item.merged()["number"] == 100
    assert "status" in deal.conflicts()


def test_filters_by_kind_country_and_dates(tmp_path: Path) -> None:
    with Register(str(tmp_path / "r.sqlite")) as register:
        register.add(documents())
        assert len(register.entries(kind="meetings")) == 4
        assert len(register.entries(country="SAU")) == 3
        assert (
            len(
                register.entries(
                    since=dt.date.fromisoformat("2018-04-10"),
                    until=dt.date.fromisoformat("2018-04-10"),
                )
            )
            == 2
        )
        assert register.entry("deal-000000000000") is None


def test_a_document_without_a_fingerprint_is_its_doc_id(tmp_path: Path) -> None:
    bare = Document(doc_id="hand-made", meetings=document("mbs-macron-elysee__cnn").meetings)
    with Register(str(tmp_path / "r.sqlite")) as register:
        assert register.add([bare, bare]).added == 1
        assert register.add([bare]).replaced == 1


def test_a_database_of_another_layout_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    Register(str(path)).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE schema_version SET version = 99"))
    engine.dispose()
    with pytest.raises(RegisterError, match="schema version 99"):
        Register(str(path))


def test_a_bad_url_is_one_clear_error() -> None:
    with pytest.raises(RegisterError, match="driver"):
        Register("mysql+nosuchdriver://user@127.0.0.1/db")


def test_reading_a_missing_register_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "typo.sqlite"
    with pytest.raises(RegisterError, match="holds no register yet"):
        Register(str(path), create=False)
    assert not path.exists()


def test_a_register_of_schema_1_is_migrated_with_every_status_unknown(tmp_path: Path) -> None:
    """register-v1.sqlite was written by 20dcc84 (schema 1: no items, no statuses) from two
    reports of the S-300 delivery and one of the Tamim-Trump meeting."""
    path = tmp_path / "r.sqlite"
    path.write_bytes((Path(__file__).parent / "register-v1.sqlite").read_bytes())
    with sqlite3.connect(path) as connection:
        before = sorted(row[0] for row in connection.execute("select entry_id from entries"))
    with Register(str(path)) as register:
        entries = register.entries()
        assert sorted(entry.entry_id for entry in entries) == before
        deal = next(entry for entry in entries if entry.kind == "arms_deals")
        assert [item.key for item in deal.items] == ["S300"]
        assert all(value.flagged for values in deal.fields.values() for value in values)
        assert deal.flagged() == ["supplier", "recipient", "status", "date", "record"]
        assert deal.merged(supported_only=True) == {}
        report = register.add([document("russia-syria-s300-delivered__cnn")])
        assert (report.added, report.entries) == (1, 1)
        (joined,) = register.entries(kind="arms_deals")
        assert joined.merged(supported_only=True)["supplier"] == "RUS"
    with sqlite3.connect(path) as connection:
        assert connection.execute("select version from schema_version").fetchall() == [(2,)]
        assert connection.execute("select count(*) from deal_items").fetchone() == (1,)
