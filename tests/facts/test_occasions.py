"""One deal per buyer, seller and occasion; one meeting per occasion (issue 13)."""

from __future__ import annotations

from typing import Any

from extractor.facts.identity import merged_deals, merged_meetings
from extractor.schemas import ArmsDeal, Meeting


def _deal(quantity: int, designation: str = "إف-35 إيه", **fields: Any) -> ArmsDeal:
    values: dict[str, Any] = {
        "buyer": "JPN",
        "seller": "USA",
        "buyer_text": "اليابان",
        "seller_text": "الولايات المتحدة",
        "status": "agreed",
        "items": [
            {"designation": designation, "category": "fighter_aircraft", "quantity": quantity}
        ],
    }
    return ArmsDeal.model_validate(values | fields)


def _meeting(name: str, **fields: Any) -> Meeting:
    values: dict[str, Any] = {
        "participants": [{"name": name, "side": "guest"}],
        "host_country": "EGY",
        "guest_countries": ["SAU"],
    }
    return Meeting.model_validate(values | fields)


def test_one_sale_written_as_one_deal_per_weapon_is_one_deal() -> None:
    merged = merged_deals([_deal(16, "JF-17 Thunder"), _deal(12, "Super Mushak")])
    assert [[item.designation for item in deal.items] for deal in merged] == [
        ["JF-17 Thunder", "Super Mushak"]
    ]


def test_another_date_is_another_occasion() -> None:
    first = _deal(20, date="2025-12", date_text="ديسمبر الماضي")
    earlier = _deal(42, date="2011-12", date_text="عام 2011")
    assert len(merged_deals([first, earlier])) == 2


def test_a_deal_without_a_date_joins_the_occasion_of_its_parties() -> None:
    dated = _deal(20, date="2025-12", date_text="ديسمبر الماضي")
    merged = merged_deals([dated, _deal(20, "إف-35 بي")])
    assert len(merged) == 1
    assert merged[0].date == "2025-12"


def test_another_status_step_or_buyer_is_another_deal() -> None:
    assert len(merged_deals([_deal(20), _deal(20, status="delivered")])) == 2
    assert len(merged_deals([_deal(48), _deal(24, buyer="QAT", buyer_text="قطر")])) == 2


def test_a_repeated_meeting_is_one_meeting_with_everyone_once() -> None:
    both = _meeting("محمد بن سلمان")
    both.participants.append(both.participants[0].model_copy(update={"name": "عادل الجبير"}))
    merged = merged_meetings([_meeting("محمد بن سلمان"), both, _meeting("محمد بن سلمان")])
    assert len(merged) == 1
    assert [p.name for p in merged[0].participants] == ["محمد بن سلمان", "عادل الجبير"]


def test_meetings_on_other_days_stay_apart() -> None:
    monday = _meeting("محمد بن سلمان", date="2018-03-05")
    tuesday = _meeting("محمد بن سلمان", date="2018-03-06")
    assert len(merged_meetings([monday, tuesday])) == 2
