"""Strict mode keeps only what the source supports, and the checks still point at the values."""

from __future__ import annotations

from typing import Any

from extractor.schemas import Document
from extractor.verify import drop_unsupported, failed_checks, verify_document
from tests.verify.corpus import SEED_ID, article, gold, gold_raw, verify_raw


def _strict(raw: dict[str, Any]) -> tuple[Document, Document]:
    verified = verify_raw(raw, article(SEED_ID))
    return verified, drop_unsupported(verified)


def test_gold_is_left_as_it_is() -> None:
    verified = verify_document(gold(SEED_ID), article(SEED_ID))
    assert drop_unsupported(verified) == verified


def test_failed_scalars_become_null_and_failed_list_elements_go() -> None:
    raw = gold_raw(SEED_ID)
    deal = raw["arms_deals"][0]
    deal["duration_months"] = 24
    deal["evidence"].insert(0, "وقعت باكستان وليبيا صفقة بقيمة 4 مليارات دولار")
    raw["embargoes"][0]["resolutions"] = ["1970", "1971", "1973"]
    raw["meetings"][0]["topics"].insert(1, "التعاون النووي")
    _, strict = _strict(raw)
    assert strict.arms_deals[0].duration_months is None
    assert strict.arms_deals[0].duration_text == deal["duration_text"]
    assert strict.arms_deals[0].evidence == gold(SEED_ID).arms_deals[0].evidence
    assert strict.embargoes[0].resolutions == ["1970", "1973"]
    assert strict.meetings[0].topics == gold(SEED_ID).meetings[0].topics
    assert failed_checks(strict) == []


def test_records_without_support_go_whole() -> None:
    raw = gold_raw(SEED_ID)
    participants = raw["meetings"][0]["participants"]
    participants[0]["name"] = "شريف شريف"  # its title is supported: the delegate stays, unnamed
    participants[1].update(name="نواز شريف", titles=["رئيس وزراء الهند"])  # nothing supported
    raw["meetings"][1]["participants"] = [
        {"name": "أحمد زكي", "titles": ["وزير الدفاع الهندي"], "country": "IND"}
    ]
    raw["arms_deals"][0]["items"][1]["designation"] = "Mirage 2000"
    raw["embargoes"][0]["target_text"] = "السودان"
    _, strict = _strict(raw)
    first = strict.meetings[0].participants
    assert first[0].name is None
    assert first[0].titles == ["رئيس وزراء باكستان"]
    assert [p.name for p in first[1:]] == [p["name"] for p in participants[2:]]
    assert len(strict.meetings) == 3  # the meeting left without participants is gone
    assert [i.designation for i in strict.arms_deals[0].items] == ["JF-17 Thunder"]
    assert strict.embargoes == []


def test_deal_without_a_supported_item_or_value_goes() -> None:
    raw = gold_raw(SEED_ID)
    deal = raw["arms_deals"][0]
    for item in deal["items"]:
        item["designation"] = "Mirage 2000"
    deal["value"]["text"] = "بملايين الدولارات"
    _, strict = _strict(raw)
    assert strict.arms_deals == []


def test_checks_are_repathed_to_the_surviving_values() -> None:
    raw = gold_raw(SEED_ID)
    raw["meetings"][0]["participants"][1].update(name="نواز شريف", titles=["رئيس وزراء الهند"])
    raw["meetings"][1]["participants"] = [{"name": "أحمد زكي", "titles": ["وزير الدفاع الهندي"]}]
    raw["arms_deals"][0]["items"][0]["designation"] = "Mirage 2000"
    _, strict = _strict(raw)
    again = verify_document(strict, article(SEED_ID))
    assert [(c.path, c.status, c.span) for c in strict.checks] == [
        (c.path, c.status, c.span) for c in again.checks
    ]


def test_a_disputed_role_is_nulled_and_the_fact_kept() -> None:
    """Host and guests swapped: the meeting keeps its people and place, its states go; a pair
    the verbs reverse: the deal keeps its items, the disputed party goes; provenance says what."""
    raw = gold_raw(SEED_ID)
    meeting = raw["meetings"][0]
    meeting["host_country"], meeting["guest_countries"] = (
        meeting["guest_countries"][0],
        [meeting["host_country"]],
    )
    verified = verify_document(Document.model_validate(raw), article(SEED_ID))
    assert any(c.path == "meetings[0]" and c.failed for c in verified.checks)
    strict = drop_unsupported(verified)
    kept = strict.meetings[0]
    assert kept.participants == verified.meetings[0].participants
    assert kept.location_text == verified.meetings[0].location_text
    assert kept.host_country is None
    assert kept.guest_countries == []
    assert "meetings[0].host_country" in strict.provenance.strict_removed
    assert failed_checks(strict) == []


JAKARTA = (
    "وقعت إندونيسيا عقدًا لشراء 42 طائرة مقاتلة من طراز رافال من فرنسا، وقالت وزارة الدفاع "
    "الإندونيسية إن الطائرات ستسلم على ثلاث دفعات."
)


def _deal(buyer: str, buyer_text: str, seller: str, seller_text: str) -> Document:
    deal = {
        "buyer": buyer,
        "buyer_text": buyer_text,
        "seller": seller,
        "seller_text": seller_text,
        "items": [{"designation": "رافال", "category": "fighter_aircraft", "quantity": 42}],
        "status": "signed",
        "evidence": [JAKARTA],
    }
    document = Document.model_validate({"doc_id": "jakarta", "arms_deals": [deal]})
    return verify_document(document, JAKARTA)


def test_a_deal_read_the_wrong_way_round_loses_both_parties_and_goes() -> None:
    """`لشراء … من فرنسا`: a deal that makes France the buyer has neither party right, and a
    deal with no party is no fact an analyst can file; one party disputed keeps the deal."""
    right = drop_unsupported(_deal("IDN", "إندونيسيا", "FRA", "فرنسا"))
    assert (right.arms_deals[0].buyer, right.arms_deals[0].seller) == ("IDN", "FRA")
    reversed_ = _deal("FRA", "فرنسا", "IDN", "إندونيسيا")
    assert any(c.path == "arms_deals[0]" and c.failed for c in reversed_.checks)
    strict = drop_unsupported(reversed_)
    assert strict.arms_deals == []
    assert {"arms_deals[0].buyer", "arms_deals[0].seller"} <= set(strict.provenance.strict_removed)
    one_wrong = drop_unsupported(_deal("IDN", "إندونيسيا", "IDN", "إندونيسيا"))
    assert [{d.buyer, d.seller} for d in one_wrong.arms_deals] == [{"IDN", None}]
