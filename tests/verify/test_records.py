"""Whole-record findings (docs/contract.md, rule 3): a true string in the wrong role is flagged at
the record's path, with a message that can be asked as a repair question, and --strict drops
the record."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.schemas import Check, Document
from extractor.verify import drop_unsupported, failed_checks
from tests.verify.corpus import SEED_ID, article, check_at, gold_raw, verify_raw

QATAR = "11_qatar-f15-12bn-mattis-attiyah"
PAC3 = "08_us-saudi-pac3-5-4bn"
MOSCOW = "22_mbz-moscow-visit-delegation"
RIYADH = "27_king-salman-receives-pompeo"


def _verified(doc_id: str, raw: dict[str, Any]) -> Document:
    return verify_raw(raw, article(doc_id))


def _finding(document: Document, path: str) -> Check:
    found = [check for check in failed_checks(document) if check.path == path]
    assert found, [(c.path, c.message) for c in failed_checks(document)]
    return found[0]


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("وزير الخارجية الأميركي", "a post"),
        ("الأميركي", "a state"),
        ("الرياض", "a state"),
        ("الثلاثاء", "a time"),
        ("وكالة الأنباء السعودية", "an institution"),
        ("الجانب الأميركي", "a generic reference"),
    ],
)
def test_a_name_that_names_no_person_is_flagged(name: str, what: str) -> None:
    raw = gold_raw(RIYADH)
    raw["meetings"][0]["participants"][1]["name"] = name
    check = _finding(_verified(RIYADH, raw), "meetings[0].participants[1]")
    assert check.status == "unsupported"
    assert f'"{name}" is {what}, not a person' in check.message
    assert check.value == name


def test_a_post_as_name_asks_who_holds_it() -> None:
    raw = gold_raw(MOSCOW)
    raw["meetings"][0]["participants"][1]["name"] = "الرئيس الروسي"
    check = _finding(_verified(MOSCOW, raw), "meetings[0].participants[1]")
    assert 'who holds the post "الرئيس الروسي" in this meeting?' in check.message


def test_a_person_named_only_outside_the_meeting_is_flagged() -> None:
    raw = gold_raw(SEED_ID)
    raw["meetings"][1]["participants"][1]["name"] = "إسحاق دار"  # at the first meeting only
    verified = _verified(SEED_ID, raw)
    check = _finding(verified, "meetings[1].participants[1]")
    assert "named only outside this meeting" in check.message
    assert check_at(verified, "meetings[1].participants[1].name").status == "exact"


def test_a_person_quoted_outside_any_meeting_sentence_is_flagged() -> None:
    raw = gold_raw(RIYADH)
    raw["meetings"][0]["participants"][1]["name"] = "جمال خاشقجي"
    _finding(_verified(RIYADH, raw), "meetings[0].participants[1]")


def test_buyer_equal_to_seller_is_contradicted() -> None:
    raw = gold_raw(QATAR)
    raw["arms_deals"][0].update(seller="QAT", seller_text="قطر")
    check = _finding(_verified(QATAR, raw), "arms_deals[0]")
    assert check.status == "contradicted"
    assert "buyer and seller are both QAT" in check.message


def test_a_pair_the_sale_verb_reverses_is_contradicted_with_the_cue() -> None:
    raw = gold_raw(QATAR)
    deal = raw["arms_deals"][1]
    deal.update(buyer="USA", buyer_text="الولايات المتحدة", seller="QAT", seller_text="قطر")
    check = _finding(_verified(QATAR, raw), "arms_deals[1]")
    assert check.status == "contradicted"
    assert '"بيع" makes QAT the buyer' in check.message
    assert check.found == "بيع"


def test_the_recipient_of_a_deal_is_its_buyer() -> None:
    raw = gold_raw(PAC3)
    raw["arms_deals"][0].update(
        buyer="USA", buyer_text="الولايات المتحدة", seller="SAU", seller_text="السعودية"
    )
    check = _finding(_verified(PAC3, raw), "arms_deals[0]")
    assert "makes SAU the buyer" in check.message


def test_a_deal_with_neither_party_is_flagged() -> None:
    raw = gold_raw(QATAR)
    raw["arms_deals"][0].update(buyer=None, buyer_text=None, seller=None, seller_text=None)
    assert "neither buyer nor seller" in _finding(_verified(QATAR, raw), "arms_deals[0]").message


@pytest.mark.parametrize(
    ("designation", "what"),
    [
        ("قطر", "a state"),
        ("بقيمة نحو 12 مليار دولار", "no weapon named"),
    ],
)
def test_an_item_that_is_no_weapon_is_flagged(designation: str, what: str) -> None:
    raw = gold_raw(QATAR)
    raw["arms_deals"][0]["items"][0]["designation"] = designation
    raw["arms_deals"][0]["items"][0]["quantity"] = None
    check = _finding(_verified(QATAR, raw), "arms_deals[0].items[0]")
    assert what in check.message


@pytest.mark.parametrize(
    ("designation", "what"),
    [
        ("حظر الأسلحة الكيماوية", "a ban, treaty or attack"),
        ("الطائرات السعودية", "a generic plural with a nationality"),
    ],
)
def test_a_ban_or_an_air_force_is_no_weapon(designation: str, what: str) -> None:
    text = (
        "وبينما شنت الطائرات السعودية غارات جديدة على صنعاء، صوتت الدول الأعضاء على تعزيز "
        "اتفاقية حظر الأسلحة الكيماوية، وقالت فرنسا إنها ستبيع مصر 24 مقاتلة رافال."
    )
    raw = {
        "doc_id": "ban",
        "arms_deals": [
            {
                "buyer": "EGY",
                "buyer_text": "مصر",
                "seller": "FRA",
                "seller_text": "فرنسا",
                "items": [{"designation": designation, "category": "other"}],
                "evidence": [text],
            }
        ],
    }
    check = _finding(verify_raw(raw, text), "arms_deals[0].items[0]")
    assert what in check.message


def test_a_category_the_weapon_words_contradict() -> None:
    raw = gold_raw(SEED_ID)
    raw["arms_deals"][0]["items"][1]["category"] = "fighter_aircraft"  # طائرة تدريب
    verified = _verified(SEED_ID, raw)
    check = check_at(verified, "arms_deals[0].items[1].category")
    assert check.status == "contradicted"
    assert "name trainer_aircraft" in check.message
    assert check_at(verified, "arms_deals[0].items[0].category").status == "exact"
    strict = drop_unsupported(verified)
    assert [item.category for item in strict.arms_deals[0].items] == [
        "fighter_aircraft",
        "other",
    ]
    assert not failed_checks(verify_raw(strict.model_dump(mode="json"), article(SEED_ID)))


def test_a_missile_of_an_air_defence_system_fits_either_category() -> None:
    raw = gold_raw(PAC3)  # صواريخ اضافية طراز باك-3
    for category in ("air_defence", "missile"):
        raw["arms_deals"][0]["items"][0]["category"] = category
        assert check_at(_verified(PAC3, raw), "arms_deals[0].items[0].category").status == "exact"


def test_a_meeting_with_one_party_is_no_meeting() -> None:
    raw = gold_raw(RIYADH)
    meeting = raw["meetings"][0]
    meeting.update(participants=meeting["participants"][:1], guest_countries=[])
    assert "needs two parties" in _finding(_verified(RIYADH, raw), "meetings[0]").message


def test_an_organisation_named_after_a_ban_is_no_embargo() -> None:
    text = (
        "انتخبت منظمة حظر الأسلحة الكيميائية مديرا عاما جديدا لها، وقالت سوريا إنها تتعاون مع "
        "المفتشين."
    )
    raw = {
        "doc_id": "opcw",
        "embargoes": [
            {"target": "SYR", "target_text": "سوريا", "kind": "arms", "evidence": [text]}
        ],
    }
    check = _finding(verify_raw(raw, text), "embargoes[0]")
    assert "no sanction or embargo word" in check.message


def test_host_and_guests_swapped_are_contradicted() -> None:
    raw = gold_raw(MOSCOW)
    raw["meetings"][0].update(host_country="ARE", guest_countries=["RUS"])
    check = _finding(_verified(MOSCOW, raw), "meetings[0]")
    assert check.status == "contradicted"
    assert 'the meeting is in "موسكو" (RUS)' in check.message


def test_a_host_that_is_also_a_guest_is_contradicted() -> None:
    raw = gold_raw(SEED_ID)
    raw["meetings"][1]["guest_countries"] = ["LBY", "PAK"]
    assert "host PAK is also a guest" in _finding(_verified(SEED_ID, raw), "meetings[1]").message


def test_strict_drops_refuted_participants_items_and_facts_and_keeps_asked_ones() -> None:
    raw = gold_raw(SEED_ID)
    raw["meetings"][0]["participants"][0]["name"] = "ليبيا"
    raw["meetings"][1]["participants"][1]["name"] = "إسحاق دار"
    raw["meetings"][2]["guest_countries"] = []  # one person, no visiting state: no meeting
    raw["arms_deals"][0]["items"][1].update(
        designation="باكستان", quantity=None, quantity_text=None
    )
    strict = drop_unsupported(_verified(SEED_ID, raw))
    [asked] = failed_checks(strict)
    assert (asked.path, asked.value) == ("meetings[1].participants[1]", "إسحاق دار")
    assert "named only outside this meeting" in asked.message
    assert [p.name for p in strict.meetings[0].participants][:2] == [
        "أسامة سعد حمد",
        "خليفة أبو القاسم حفتر",
    ]
    assert [p.name for p in strict.meetings[1].participants] == ["صدام خليفة حفتر", "إسحاق دار"]
    assert len(strict.meetings) == 3
    assert [item.designation for item in strict.arms_deals[0].items] == ["JF-17 Thunder"]


def test_a_buyer_marked_as_the_other_side_of_a_purchase_is_contradicted() -> None:
    text = "أكدت قطر إبرام صفقة مع الولايات المتحدة لشراء مقاتلات إف 15 بقيمة نحو 12 مليار دولار."
    raw: dict[str, Any] = {
        "doc_id": "f15",
        "arms_deals": [
            {
                "buyer": "USA",
                "buyer_text": "الولايات المتحدة",
                "items": [{"designation": "إف 15", "category": "fighter_aircraft"}],
                "status": "agreed",
                "evidence": [text],
            }
        ],
    }
    check = _finding(verify_raw(raw, text), "arms_deals[0]")
    assert check.status == "contradicted"
    assert 'buyer USA but "لشراء" makes QAT the buyer' in check.message
    raw["arms_deals"][0].update(
        buyer="QAT", buyer_text="قطر", seller="USA", seller_text="الولايات المتحدة"
    )
    assert not failed_checks(verify_raw(raw, text))


def test_weapons_named_without_a_transfer_are_no_deal() -> None:
    text = (
        "صوت مجلس الأمن الدولي على فرض حظر أسلحة على جنوب السودان، بعد معارك استخدمت فيها "
        "الدبابات والمدفعية الثقيلة."
    )
    raw = {
        "doc_id": "ssd",
        "arms_deals": [
            {
                "buyer": "SSD",
                "buyer_text": "جنوب السودان",
                "items": [{"designation": "الدبابات", "category": "armoured_vehicle"}],
                "status": "unknown",
                "evidence": [text],
            }
        ],
    }
    check = _finding(verify_raw(raw, text), "arms_deals[0]")
    assert "no transfer of them is reported" in check.message


def _embargo_on(target: str, target_text: str, sentence: str, kind: str = "arms") -> Document:
    """A one-embargo Document whose evidence is the sentence, verified against it."""
    embargo = {"target": target, "target_text": target_text, "kind": kind, "evidence": [sentence]}
    return verify_raw({"doc_id": "embargo", "embargoes": [embargo]}, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "وانتقدت منظمات حقوقية حظر كل أشكال التعبير السلمي في البحرين.",
        "وأعلنت السلطات في البحرين حظر التجول في المنطقة الشرقية ليلا.",
    ],
)
def test_a_ban_at_home_is_no_embargo(sentence: str) -> None:
    check = _finding(_embargo_on("BHR", "البحرين", sentence), "embargoes[0]")
    assert "no sanction or embargo word" in check.message


@pytest.mark.parametrize(
    "sentence",
    [
        "وقرر مجلس الأمن تمديد حظر الأسلحة المفروض على ليبيا عاما آخر.",
        "ويحظر القرار على ليبيا استيراد السلاح.",
        "وفرض الاتحاد الأوروبي حظرا على تصدير الأسلحة إلى ليبيا.",
    ],
)
def test_a_ban_on_a_state_is_an_embargo(sentence: str) -> None:
    assert not failed_checks(_embargo_on("LBY", "ليبيا", sentence))


def test_the_state_imposing_sanctions_is_not_their_target() -> None:
    text = "كذلك فرضت الولايات المتحدة والاتحاد الأوروبي عقوبات اقتصادية على إيران."
    check = _finding(_embargo_on("USA", "الولايات المتحدة", text, "economic"), "embargoes[0]")
    assert check.status == "contradicted"
    assert '"عقوبات اقتصادية على إيران" puts the measure on IRN' in check.message
    assert not failed_checks(_embargo_on("IRN", "إيران", text, "economic"))


def test_a_participant_named_only_in_a_place_name_is_flagged() -> None:
    text = (
        "وصلت الطائرة إلى مطار الملك عبدالعزيز الدولي بجدة، حيث جرى استقبالها بحضور مدير عام "
        "الخطوط السعودية المهندس صالح الجاسر."
    )
    raw = {
        "doc_id": "airport",
        "meetings": [
            {
                "participants": [
                    {"name": "عبدالعزيز", "titles": ["الملك"]},
                    {"name": "صالح الجاسر", "titles": ["المهندس"]},
                ],
                "evidence": [text],
            }
        ],
    }
    check = _finding(verify_raw(raw, text), "meetings[0].participants[0]")
    assert '"عبدالعزيز" is named only in "مطار الملك عبدالعزيز"' in check.message


DOHA = (
    "استقبل أمير قطر الشيخ تميم بن حمد آل ثاني في الدوحة أمس وزير الخارجية التركي مولود جاويش "
    "أوغلو. وفي وقت لاحق، التقى جاويش أوغلو رئيس مجلس الوزراء الشيخ عبدالله بن ناصر بن خليفة "
    "آل ثاني."
)
"""Two meetings; the host of each carries the family name `آل ثاني`."""


def _doha(second_host: str) -> Document:
    guest = {"name": "مولود جاويش أوغلو", "country": "TUR", "side": "guest"}
    first, second = DOHA.split(". ")
    meetings = [
        {
            "host_country": "QAT",
            "guest_countries": ["TUR"],
            "participants": [
                {"name": "تميم بن حمد آل ثاني", "country": "QAT", "side": "host"},
                guest,
            ],
            "evidence": [first],
        },
        {
            "host_country": "QAT",
            "guest_countries": ["TUR"],
            "participants": [{"name": second_host, "country": "QAT", "side": "host"}, guest],
            "evidence": [second],
        },
    ]
    return verify_raw({"doc_id": "doha", "meetings": meetings}, DOHA)


def test_a_family_name_inside_another_persons_full_name_names_that_person() -> None:
    """`آل ثاني` in `عبدالله بن ناصر بن خليفة آل ثاني` is no reference back to `تميم بن حمد آل
    ثاني`: the emir put at the second meeting is asked about."""
    assert failed_checks(_doha("عبدالله بن ناصر بن خليفة آل ثاني")) == []
    verified = _doha("تميم بن حمد آل ثاني")
    check = _finding(verified, "meetings[1].participants[0]")
    assert "named only outside this meeting" in check.message


def test_a_ban_on_what_a_measure_restricts_states_an_embargo() -> None:
    """`حظر التعاملات المالية`: a ban beside a measure's object (`مالية`) is a sanction."""
    text = (
        "قررت الحكومة اليابانية حظر التعاملات المالية مع كوريا الشمالية ردا على تجاربها الصاروخية."
    )
    raw = {
        "doc_id": "dprk",
        "embargoes": [
            {
                "target": "PRK",
                "target_text": "كوريا الشمالية",
                "kind": "economic",
                "evidence": [text],
            }
        ],
    }
    verified = verify_raw(raw, text)
    assert not [check for check in verified.checks if check.path == "embargoes[0]"]
