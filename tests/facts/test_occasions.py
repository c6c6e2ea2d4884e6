"""Cross-document identity: which reported facts are one occasion, on the register set's facts."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from extractor.facts.occasions import (
    Reported,
    Windows,
    block_of,
    group_occasions,
    same_occasion,
    same_person,
)
from extractor.schemas import ArmsDeal, ArmsItem, Delegate, Embargo, Meeting
from tests.register.cluster_documents import FACTS, documents


def _reported(stem: str) -> Reported:
    published = {
        "nearmiss-turkey-first-f35-delivery__skynews": dt.date(2018, 6, 21),
        "turkey-f35-us-arms-sales-halt-threat__bbc": dt.date(2018, 5, 6),
        "russia-syria-s300-delivered__cnn": dt.date(2018, 10, 4),
    }.get(stem)
    return Reported(f"{stem}:0", FACTS[stem][0], published)


def _deal(designation: str, day: str | None, **more: object) -> ArmsDeal:
    return ArmsDeal.model_validate(
        {
            "seller": "RUS",
            "buyer": "TUR",
            "items": [ArmsItem(designation=designation)],
            "date": day,
            **more,
        }
    )


def test_one_deal_in_two_scripts_is_one_occasion() -> None:
    arabic = Reported("a", _deal("إس-400", "2018-04-03"), None)
    latin = Reported("b", _deal("S-400", None), dt.date(2018, 4, 4))
    assert same_occasion(arabic, latin)


def test_the_near_miss_delivery_is_another_occasion() -> None:
    cluster = _reported("turkey-f35-us-arms-sales-halt-threat__bbc")
    near_miss = _reported("nearmiss-turkey-first-f35-delivery__skynews")
    assert block_of(cluster) == block_of(near_miss) == "arms_deals:USA>TUR"
    assert not same_occasion(cluster, near_miss)
    assert same_occasion(cluster, near_miss, Windows(deals=46))


def test_the_window_is_a_parameter() -> None:
    monday = Reported("a", _deal("اس-300", "2018-10-01"), None)
    thursday = Reported("b", _deal("S 300", None), dt.date(2018, 10, 4))
    assert same_occasion(monday, thursday)
    assert not same_occasion(monday, thursday, Windows(deals=2))


def test_another_system_or_an_unknown_party_never_merges() -> None:
    s400 = Reported("a", _deal("إس-400", "2018-04-03"), None)
    s300 = Reported("b", _deal("إس-300", "2018-04-03"), None)
    unknown = Reported("c", _deal("إس-400", "2018-04-03", buyer=None), None)
    assert not same_occasion(s400, s300)
    assert block_of(unknown) is None
    assert not same_occasion(s400, unknown)


def _meeting(names: list[str], day: str, host: str = "USA", guest: str = "QAT") -> Meeting:
    return Meeting(
        host_country=host,
        guest_countries=[guest],
        participants=[Delegate(name=name) for name in names],
        date=day,
    )


def test_meetings_need_the_same_states_a_shared_participant_and_close_dates() -> None:
    alarabia = Reported("a", _meeting(["ترمب", "تميم بن حمد آل ثاني"], "2018-04-10"), None)
    cnn = Reported("b", _meeting(["تميم بن حمد", "دونالد ترامب"], "2018-04-10"), None)
    strangers = Reported("c", _meeting(["مايك بومبيو"], "2018-04-10"), None)
    later = Reported("d", _meeting(["دونالد ترامب"], "2018-04-13"), None)
    saudi = Reported("e", _meeting(["دونالد ترامب"], "2018-04-10", guest="SAU"), None)
    assert same_occasion(alarabia, cnn)
    assert not same_occasion(alarabia, strangers)
    assert not same_occasion(cnn, later)
    assert not same_occasion(cnn, saudi)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("ترمب", "دونالد ترامب", True),
        ("سلمان بن عبد العزيز", "سلمان بن عبدالعزيز آل سعود", True),
        ("بوتن", "فلاديمير بوتين", True),
        ("محمد بن سلمان", "سلمان بن عبدالعزيز", False),
        ("محمد بن زايد", "محمد بن سلمان", False),
    ],
)
def test_same_person_across_spellings(first: str, second: str, same: bool) -> None:
    assert same_person(first, second) is same


def _sanctions(day: str, resolutions: list[str]) -> Embargo:
    return Embargo(
        target="LBY", target_text="ليبيا", imposed_by="UNSC", start=day, resolutions=resolutions
    )


def test_embargoes_merge_on_a_shared_resolution_or_the_same_window() -> None:
    first = Reported("a", _sanctions("2011-02-26", ["1970"]), None)
    renewal = Reported("b", _sanctions("2016-06-14", ["1970", "2292"]), None)
    same_week = Reported("c", _sanctions("2011-02-27", []), None)
    other = Reported("d", _sanctions("2016-06-14", ["2292"]), None)
    assert same_occasion(first, renewal)
    assert same_occasion(first, same_week)
    assert not same_occasion(first, other)
    groups = group_occasions([other, same_week, renewal, first])
    assert [[item.key for item in group] for group in groups] == [["a", "b", "c", "d"]]


def test_grouping_does_not_depend_on_order() -> None:
    facts = [
        Reported(f"{document.doc_id}:{kind}:{position}", fact, document.published)
        for document in documents()
        for kind in ("arms_deals", "meetings", "embargoes")
        for position, fact in enumerate(getattr(document, kind))
    ]
    expected = [[item.key for item in group] for group in group_occasions(facts)]
    shuffler = random.Random(15)
    for _ in range(5):
        shuffler.shuffle(facts)
        assert [[item.key for item in group] for group in group_occasions(facts)] == expected
    assert len(expected) == 10
