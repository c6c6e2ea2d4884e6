"""Date phrases of Arabic news resolved against the article's date: every gold date of the dev
set, weekdays, relative phrases, the month names of the Levant and the Maghreb, double forms,
and the precision the phrase supports, no more."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.arabic.dates import resolve_date
from tests.conftest import dev_pairs

D = dt.date


def _gold_dates() -> list[tuple[str, dt.date | None, str | None]]:
    """(date_text or start_text, published, gold date) of every dated gold fact."""
    found: list[tuple[str, dt.date | None, str | None]] = []
    for _, gold in dev_pairs():
        document: dict[str, Any] = json.loads(gold.read_text(encoding="utf-8"))
        published = D.fromisoformat(document["published"]) if document["published"] else None
        for fact in document["meetings"] + document["arms_deals"]:
            if fact["date_text"]:
                found.append((fact["date_text"], published, fact["date"]))
        for embargo in document["embargoes"]:
            if embargo["start_text"]:
                found.append((embargo["start_text"], published, embargo["start"]))
    return sorted(set(found), key=str)


GOLD_DATES = _gold_dates()


def test_the_dev_set_has_dates() -> None:
    assert len(GOLD_DATES) >= 10


@pytest.mark.parametrize(("text", "published", "expected"), GOLD_DATES)
def test_every_gold_date_resolves(
    text: str, published: dt.date | None, expected: str | None
) -> None:
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # weekdays: the most recent such day on or before the article's date
        ("يوم الثلاثاء", D(2018, 10, 18), "2018-10-16"),
        ("الثلاثاء", D(2018, 10, 16), "2018-10-16"),
        ("والخميس", D(2018, 6, 5), "2018-05-31"),
        ("أمس الأربعاء", D(2015, 7, 30), "2015-07-29"),
        ("أمس الاربعاء", D(2015, 7, 31), "2015-07-29"),  # the weekday decides
        ("أمس الأربعاء", D(2015, 7, 29), "2015-07-22"),
        ("الخميس الماضي", D(2018, 5, 31), "2018-05-24"),
        ("الخميس المقبل", D(2018, 5, 31), "2018-06-07"),
        # relative days, months and years
        ("اليوم", D(2018, 1, 10), "2018-01-10"),
        ("أمس", D(2018, 1, 1), "2017-12-31"),
        ("أول أمس", D(2018, 1, 10), "2018-01-08"),
        ("العام الماضي", D(2018, 1, 10), "2017"),
        ("السنة الماضية", D(2018, 1, 10), "2017"),
        ("العام الجاري", D(2018, 1, 10), "2018"),
        ("العام المقبل", D(2018, 1, 10), "2019"),
        ("الشهر الماضي", D(2018, 1, 10), "2017-12"),
        ("الشهر الجاري", D(2018, 1, 10), "2018-01"),
        ("قبل 3 أيام", D(2018, 6, 23), "2018-06-20"),
        ("قبل عامين", D(2018, 6, 23), "2016"),
        ("قبل ثلاثة أيام", D(2018, 6, 23), "2018-06-20"),
        ("منذ عشرة أعوام", D(2018, 6, 23), "2008"),
        ("قبل أربع سنوات", D(2018, 6, 23), "2014"),
        ("الأسبوع الماضي", D(2018, 6, 23), None),  # a week is not a date
        ("قبل خمسة أسابيع", D(2018, 6, 23), None),
        # explicit dates, at the precision written
        ("منذ فبراير 2011", None, "2011-02"),
        ("فبراير 2011", D(2018, 1, 1), "2011-02"),
        ("منذ 2006", None, "2006"),
        ("عام 2006", None, "2006"),
        ("15 فبراير 2011", None, "2011-02-15"),
        ("في 15 من شهر فبراير 2011", None, "2011-02-15"),
        ("٢٢ يونيو ٢٠١٨", None, "2018-06-22"),
        ("15/2/2011", None, "2011-02-15"),
        ("2011-02-15", None, "2011-02-15"),
        ("31 فبراير 2011", None, None),
        ("في الخامس عشر من فبراير 2011", None, "2011-02-15"),
        ("الحادي والعشرين من يونيو", D(2018, 6, 23), "2018-06-21"),
        ("الأول من مايو", D(2018, 6, 23), "2018-05-01"),
        # Levantine months
        ("كانون الثاني 2011", None, "2011-01"),
        ("شباط 2011", None, "2011-02"),
        ("آذار 2011", None, "2011-03"),
        ("نيسان 2011", None, "2011-04"),
        ("أيار 2011", None, "2011-05"),
        ("حزيران 2011", None, "2011-06"),
        ("تموز 2011", None, "2011-07"),
        ("آب 2011", None, "2011-08"),
        ("أيلول 2011", None, "2011-09"),
        ("تشرين الأول 2011", None, "2011-10"),
        ("تشرين الثاني 2011", None, "2011-11"),
        ("15 كانون الأول 2010", None, "2010-12-15"),
        # Maghrebi months
        ("جانفي 2011", None, "2011-01"),
        ("فيفري 2011", None, "2011-02"),
        ("أفريل 2011", None, "2011-04"),
        ("ماي 2011", None, "2011-05"),
        ("جوان 2011", None, "2011-06"),
        ("جويلية 2011", None, "2011-07"),
        ("أوت 2011", None, "2011-08"),
        # double forms and months without a year: the most recent on or before published
        ("فبراير/شباط", D(2018, 3, 4), "2018-02"),
        ("نوفمبر/تشرين الثاني", D(2017, 6, 15), "2016-11"),
        ("مارس", D(2018, 3, 4), "2018-03"),
        ("مارس الماضي", D(2018, 3, 4), "2017-03"),
        ("مايو الماضي", D(2018, 8, 4), "2018-05"),
        ("15 فبراير", D(2018, 3, 4), "2018-02-15"),
        ("15 مارس", D(2018, 3, 4), "2017-03-15"),
        # Hijri dates only with a Gregorian one beside them
        ("15 شوال 1439 هـ", D(2018, 7, 1), None),
        ("الأربعاء 13 شوال 1439 هـ الموافق 27 يونيو 2018", D(2018, 7, 1), "2018-06-27"),
        # nothing to anchor on
        ("يوم الثلاثاء", None, None),
        ("الشهر الماضي", None, None),
        ("مارس", None, None),
        ("أمس", None, None),
        ("", D(2018, 1, 1), None),
        ("في وقت سابق", D(2018, 1, 1), None),
    ],
)
def test_resolve_date(text: str, published: dt.date | None, expected: str | None) -> None:
    assert resolve_date(text, published) == expected


WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


@given(
    published=st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)),
    weekday=st.integers(min_value=0, max_value=6),
    yesterday=st.booleans(),
)
def test_a_weekday_is_the_most_recent_one(
    published: dt.date, weekday: int, yesterday: bool
) -> None:
    """The resolved day has the named weekday and lies within the week before the anchor."""
    text = ("أمس " if yesterday else "يوم ") + WEEKDAYS[weekday]
    resolved = D.fromisoformat(resolve_date(text, published) or "")
    anchor = published - dt.timedelta(days=1 if yesterday else 0)
    assert resolved.weekday() == weekday
    assert 0 <= (anchor - resolved).days < 7
