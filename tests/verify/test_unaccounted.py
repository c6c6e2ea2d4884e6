"""Recall coverage: what the article states and no fact accounts for, on real news text."""

from __future__ import annotations

import pytest

from extractor.schemas import ArmsDeal, ArmsItem, Document
from extractor.verify import verify_document
from tests.conftest import DEV_DIR

RAFALE = (
    "أعلنت فرنسا يوم الاثنين أنها باعت 48 طائرة رافال إلى مصر، كما باعت 24 طائرة رافال "
    "إلى قطر، إضافة إلى 900 عربة مدرعة و منظومة باتريوت. ويحمل الاتفاق رقم القرار 2231."
)


def _gold(name: str) -> tuple[Document, str]:
    gold = Document.model_validate_json((DEV_DIR / f"{name}.gold.json").read_text("utf-8"))
    return gold, (DEV_DIR / f"{name}.txt").read_text("utf-8")


def _left(document: Document, text: str) -> list[tuple[str, str]]:
    verified = verify_document(document, text)
    return [(m.what, m.text) for m in verified.provenance.uncovered_mentions]


def test_an_empty_answer_leaves_every_delegate_weapon_resolution_and_target() -> None:
    gold, text = _gold("00_seed-pakistan-libya")
    left = _left(Document(doc_id="seed", published=gold.published), text)
    assert ("person", "صدام خليفة حفتر") in left
    assert ("person", "عاصم منير") in left
    assert ("weapon", "16 طائرة مقاتلة من طراز JF-17 Thunder") in left
    assert ("resolution", "1973") in left
    assert ("target", "ليبيا") in left


@pytest.mark.parametrize(
    "name",
    [
        "00_seed-pakistan-libya",
        "24_mbs-cairo-visit-delegation",
        "22_mbz-moscow-visit-delegation",
        "27_king-salman-receives-pompeo",
        "14_unsc-south-sudan-arms-embargo",
    ],
)
def test_a_gold_document_accounts_for_its_article(name: str) -> None:
    gold, text = _gold(name)
    left = _left(gold, text)
    assert not [m for m in left if m[0] in ("person", "resolution", "target")]


def test_the_second_buyer_of_the_same_aircraft_is_left_out_by_one_deal() -> None:
    deal = {
        "buyer": "EGY",
        "seller": "FRA",
        "buyer_text": "مصر",
        "seller_text": "فرنسا",
        "items": [{"designation": "رافال", "category": "fighter_aircraft", "quantity": 48}],
        "status": "agreed",
    }
    document = Document.model_validate({"doc_id": "rafale", "arms_deals": [deal]})
    left = _left(document, RAFALE)
    assert ("weapon", "24 طائرة رافال") in left
    assert ("weapon", "48 طائرة رافال") not in left
    assert ("weapon", "900 عربة مدرعة") in left
    assert ("resolution", "2231") in left


def test_an_airliner_is_no_weapon_to_account_for() -> None:
    gold, text = _gold("36_distractor-saudia-boeing-777")
    assert not [m for m in _left(gold, text) if m[0] == "weapon"]


def test_the_mentions_are_not_written_when_there_are_none() -> None:
    gold, text = _gold("14_unsc-south-sudan-arms-embargo")
    recorded = verify_document(gold, text).model_dump(mode="json")["provenance"]
    assert "uncovered_mentions" not in recorded


def test_a_number_word_alone_or_a_duration_counts_no_weapon() -> None:
    text = (
        "وبعد أسبوعين على إسقاط طائرة روسية، سلمت موسكو دمشق منظومة إس-300، وهي واحدة من "
        "ثلاث منظومات، إضافة إلى أربع منصات لإطلاق الصواريخ وتتألف من أربع."
    )
    weapons = [m[1] for m in _left(Document(doc_id="s300"), text) if m[0] == "weapon"]
    assert "إس-300" in weapons
    assert "أربع منصات لإطلاق الصواريخ" in weapons
    assert not [w for w in weapons if w.startswith("أسبوعين") or w == "أربع"]


def test_a_headline_count_repeated_with_its_designation_is_asked_about_once() -> None:
    text = (
        "اليابان تشتري 20 مقاتلة أمريكية\n"
        "قررت اليابان شراء 20 مقاتلة إضافية من مقاتلات الشبح طراز إف-35 الأمريكية."
    )
    weapons = [m[1] for m in _left(Document(doc_id="jpn"), text) if m[0] == "weapon"]
    assert weapons == ["20 مقاتلة إضافية من مقاتلات الشبح طراز إف-35"]


def test_a_son_named_after_his_father_is_another_person() -> None:
    gold, text = _gold("27_king-salman-receives-pompeo")
    meeting = gold.meetings[0]
    king = [p for p in meeting.participants if p.name and p.name.startswith("سلمان")]
    only_king = meeting.model_copy(update={"participants": king})
    left = _left(gold.model_copy(update={"meetings": [only_king]}), text)
    assert ("person", "خالد بن سلمان بن العزيز") in left, "the ambassador is the king's son"
    assert ("person", "مايك بومبيو") in left, "named after his post and a comma"
    assert ("person", "مساعد بن محمد العيبان") in left, "a given name spelled as a post"
    assert not [name for what, name in left if name.startswith("سلمان")]


def test_a_delegation_written_name_first_is_left_out_name_by_name() -> None:
    gold, text = _gold("22_mbz-moscow-visit-delegation")
    meeting = gold.meetings[0]
    heads = [p for p in meeting.participants if p.name in ("محمد بن زايد", "فلاديمير بوتن")]
    left = _left(
        gold.model_copy(update={"meetings": [meeting.model_copy(update={"participants": heads})]}),
        text,
    )
    assert [name for what, name in left if what == "person"] == [
        "طحنون بن زايد",
        "أنور قرقاش",
        "علي بن حماد الشامسي",
        "خلدون خليفة المبارك",
        "محمد مبارك المزروعي",
        "معضد حارب مغير الخييلي",
    ]


def test_a_number_counts_the_destroyers_but_not_the_block_of_a_fighter() -> None:
    text = (
        "وقعت البحرية المصرية عقدا لشراء 3 مدمرات من إيطاليا، فيما تسلم سلاح الجو "
        "البحريني مقاتلات إف-16 بلوك 70 القتالية."
    )
    left = _left(Document(doc_id="destroyers"), text)
    assert ("weapon", "3 مدمرات") in left
    assert not [found for what, found in left if found.startswith("70")]


def test_a_dual_after_a_year_counts_no_weapon() -> None:
    text = "ووقعت فرنسا مع روسيا في 2011 عقدا بشأن شراء حاملتي مروحيات من طراز ميسترال."
    left = _left(Document(doc_id="mistral"), text)
    assert not [found for what, found in left if found.startswith("2011")]


def test_a_designation_spelled_in_arabic_is_the_item_written_in_latin() -> None:
    text = "وأعلنت وارسو أنها ستتسلم مقاتلات إف 35 الأميركية قبل نهاية العام."
    deal = ArmsDeal(buyer="POL", seller="USA", items=[ArmsItem(designation="F-35")])
    left = _left(Document(doc_id="f35", arms_deals=[deal]), text)
    assert not [found for what, found in left if what == "weapon"]
