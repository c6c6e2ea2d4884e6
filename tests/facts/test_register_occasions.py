"""Across outlets: one embargo whoever the report names as imposing it, unless two name two
different bodies (the register's identity rules, extractor/facts/occasions.py)."""

from __future__ import annotations

import datetime as dt

from extractor.facts.occasions import Reported, group_occasions
from extractor.schemas import Embargo, Meeting


def _sanctions(
    key: str,
    day: int,
    imposed_by: str | None,
    text: str | None,
    resolutions: tuple[str, ...] = (),
    month: int = 3,
) -> Reported:
    embargo = Embargo(
        target="RUS",
        target_text="روسيا",
        imposed_by=imposed_by,
        imposed_by_text=text,
        kind="economic",
        resolutions=list(resolutions),
    )
    return Reported(key=key, fact=embargo, published=dt.date(2018, month, day))


def _groups(*reported: Reported) -> list[list[str]]:
    return [[item.key for item in group] for group in group_occasions(reported)]


def test_a_report_that_does_not_name_the_imposer_joins_the_one_that_does() -> None:
    named = _sanctions("bbc", 16, "USA", "الولايات المتحدة")
    unnamed = _sanctions("skynews", 15, None, None)
    assert _groups(named, unnamed) == [["bbc", "skynews"]]


def test_two_bodies_sanctioning_one_state_in_one_week_are_two_measures() -> None:
    american = _sanctions("a", 15, "USA", "واشنطن")
    european = _sanctions("b", 16, "EU", "الاتحاد الأوروبي")
    assert _groups(american, european) == [["a"], ["b"]]


def test_a_shared_resolution_joins_reports_months_apart_but_not_other_bodies() -> None:
    first = _sanctions("first", 1, "UNSC", "مجلس الأمن", ("2231",), month=3)
    later = _sanctions("later", 1, None, None, ("2231",), month=9)
    other = _sanctions("other", 2, "EU", "الاتحاد الأوروبي", ("2231",), month=12)
    assert _groups(first, later) == [["first", "later"]]
    assert _groups(first, other) == [["first"], ["other"]]


def _visit(key: str, guest: str, location: str) -> Reported:
    meeting = Meeting.model_validate(
        {
            "participants": [{"name": guest, "side": "guest"}],
            "host_country": None,
            "guest_countries": ["IDN"],
            "location_text": location,
            "date": "2024-05-14",
        }
    )
    return Reported(key=key, fact=meeting, published=dt.date(2024, 5, 14))


def test_a_tours_stops_in_two_states_are_two_occasions_one_place_worded_twice_is_one() -> None:
    """`وصل برابوو سوبيانتو إلى أنقرة … ثم توجه إلى القاهرة`, reported by two outlets."""
    ankara = _visit("a", "برابوو سوبيانتو", "أنقرة")
    cairo = _visit("b", "برابوو سوبيانتو", "القاهرة")
    palace = _visit("c", "برابوو سوبيانتو", "المجمع الرئاسي في أنقرة")
    assert sorted(_groups(ankara, cairo, palace)) == [["a", "c"], ["b"]]
