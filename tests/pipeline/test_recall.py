"""Recall questions against a scripted server on loopback: what reaches the server (one key per
mention, enums of roles and of the article's spans) and what the replies add to the facts."""

from __future__ import annotations

import copy
import json
from typing import Any, get_args

import pytest

from extractor.pipeline import recall
from extractor.schemas import Document
from extractor.schemas.response import DealsAnswer
from extractor.testing import FakeOpenAIServer, answer
from extractor.verify import verify_document
from extractor.verify.document_checks import unaccounted_mentions
from tests.answers import DEAL, EMBARGO, MEETING
from tests.conftest import make_extractor

SEED_DELEGATES = [
    "خليفة أبو القاسم حفتر",
    "صدام خليفة حفتر",
    "إسحاق دار",
    "عاصم منير",
    "نويد أشرف",
    "ظاهر أحمد بابَر صدهو",
]
"""The seed's persons that the scripted meeting answer (two prime ministers) leaves out."""

ROLES = {"p1": "guest", "p2": "guest", "p3": "host", "p4": "host", "p5": "absent", "p6": "absent"}

TWO_BUYERS = (
    "أعلنت فرنسا يوم الاثنين أنها باعت 48 طائرة رافال إلى مصر، كما باعت 24 طائرة رافال "
    "إلى قطر بقيمة 6,3 مليار يورو، في صفقتين منفصلتين للطائرات المقاتلة."
)
EGYPT_DEAL: dict[str, Any] = {
    "arms_deals": [
        {
            "buyer_text": "مصر",
            "buyer": "EGY",
            "seller_text": "فرنسا",
            "seller": "FRA",
            "items": [
                {"designation": "رافال", "category": "fighter_aircraft", "quantity_text": "48"}
            ],
            "value_text": None,
            "status": "agreed",
            "date_text": None,
            "duration_text": None,
        }
    ]
}


def _recall_schema(server: FakeOpenAIServer, index: int) -> dict[str, Any]:
    schema: dict[str, Any] = server.requests[index].body["response_format"]["json_schema"]["schema"]
    return schema


def _choices(schema: dict[str, Any], key: str) -> list[str]:
    """The values a reply key is limited to (null aside): an enum, or one constant."""
    options = schema["properties"][key].get("anyOf", [schema["properties"][key]])
    return [
        value
        for option in options
        for value in option.get("enum", [option["const"]] if "const" in option else [])
    ]


def test_delegates_left_out_are_asked_about_one_key_each_and_join_the_meeting(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    server.script(answer(DEAL), answer(EMBARGO), answer(MEETING), answer(ROLES))
    with make_extractor(server, recall_rounds=1) as extractor:
        document = extractor.extract(seed_text, doc_id="seed")
    assert len(server.requests) == 4, "one recall call: only the meeting leaves mentions out"
    schema = _recall_schema(server, 3)
    assert sorted(schema["properties"]) == sorted(ROLES)
    listed = ["p1", "p2", "p3", "p4"]  # after `ضم` and `حضر الاجتماع`: only their side is asked
    assert all(_choices(schema, key) == ["host", "guest", "other"] for key in listed)
    assert all(_choices(schema, key) == [*get_args(recall.Role)] for key in ("p5", "p6"))
    task = server.requests[3].body["messages"][1]["content"]
    assert seed_text.strip() in task, "the recall call keeps the article prefix"
    assert all(name in task for name in SEED_DELEGATES)
    names = [person.name for person in document.meetings[0].participants]
    assert names[2:] == SEED_DELEGATES[:4]
    sides = [person.side for person in document.meetings[0].participants[2:]]
    assert sides == ["guest", "guest", "host", "host"]
    assert document.meetings[0].participants[2].country == "LBY"
    (round_,) = document.provenance.recall
    assert (round_.round, round_.kind) == (1, "meetings")
    assert round_.asked == SEED_DELEGATES
    assert round_.added == [
        f"meetings: {name} ({ROLES[f'p{n}']})" for n, name in enumerate(SEED_DELEGATES[:4], 1)
    ]
    left = [m.text for m in document.provenance.uncovered_mentions if m.what == "person"]
    assert left == SEED_DELEGATES[4:], "the persons the reply left out stay uncovered"
    added = [c for c in document.checks if c.path.startswith("meetings[0].participants[2].")]
    assert added, "added values are verified"
    assert not any(check.failed for check in added)


def test_without_recall_rounds_the_first_answers_stand(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    server.script(answer(DEAL), answer(EMBARGO), answer(MEETING))
    with make_extractor(server, recall_rounds=0) as extractor:
        document = extractor.extract(seed_text, doc_id="seed")
    assert len(server.requests) == 3
    assert len(document.meetings[0].participants) == 2
    assert not document.provenance.recall
    recorded = document.model_dump(mode="json")["provenance"]
    assert len(recorded["uncovered_mentions"]) == len(SEED_DELEGATES)


def test_a_second_buyer_of_the_same_aircraft_is_a_second_deal(server: FakeOpenAIServer) -> None:
    server.script(answer(EGYPT_DEAL), answer({"w1_buyer": "قطر", "w1_seller": "فرنسا"}))
    with make_extractor(server, recall_rounds=1) as extractor:
        document = extractor.extract(TWO_BUYERS, doc_id="rafale")
    schema = _recall_schema(server, 1)
    assert set(_choices(schema, "w1_buyer")) == {"فرنسا", "مصر", "قطر"}
    assert _choices(schema, "w1_seller") == _choices(schema, "w1_buyer")
    assert "24 طائرة رافال" in server.requests[1].body["messages"][1]["content"]
    parties = [(deal.buyer, deal.seller) for deal in document.arms_deals]
    assert parties == [("EGY", "FRA"), ("QAT", "FRA")]
    second = document.arms_deals[1].items[0]
    assert (second.designation, second.quantity, second.category) == (
        "رافال",
        24,
        "fighter_aircraft",
    )
    assert not any(c.failed for c in document.checks if c.path.startswith("arms_deals[1]."))


def test_free_recall_asks_for_text_and_verification_judges_it(server: FakeOpenAIServer) -> None:
    server.script(answer(EGYPT_DEAL), answer({"w1_buyer": "قطر", "w1_seller": "فرنسا"}))
    with make_extractor(server, recall_rounds=1, constrained=False) as extractor:
        document = extractor.extract(TWO_BUYERS, doc_id="rafale")
    schema = _recall_schema(server, 1)
    assert _choices(schema, "w1_buyer") == []
    assert len(document.arms_deals) == 2


def test_recall_replies_that_place_nothing_add_nothing(server: FakeOpenAIServer) -> None:
    server.script(answer(EGYPT_DEAL), answer({"w1_buyer": None, "w1_seller": None}))
    with make_extractor(server, recall_rounds=2) as extractor:
        document = extractor.extract(TWO_BUYERS, doc_id="rafale")
    assert len(server.requests) == 2, "a round that adds nothing is the last"
    assert len(document.arms_deals) == 1
    assert document.provenance.recall[0].added == []


def test_a_group_under_sanctions_and_a_resolution_are_asked_about(
    server: FakeOpenAIServer,
) -> None:
    text = (
        "فرض مجلس الأمن الدولي حظر أسلحة على ليبيا بموجب القرار 1970. وفرضت الولايات المتحدة "
        "عقوبات اقتصادية على الحوثيين، وأكد مجلس الأمن تمديد الحظر بالقرار 2146."
    )
    first = copy.deepcopy(EMBARGO)
    first["embargoes"][0].update(resolutions=["1970"], start_text=None)
    reply = {"r1": "1. ليبيا (arms)", "t2": "economic", "t2_by": "الولايات المتحدة"}
    server.script(answer({"arms_deals": []}), answer(first), answer(reply))
    with make_extractor(server, recall_rounds=1) as extractor:
        document = extractor.extract(text, doc_id="sanctions")
    assert len(server.requests) == 3, "no weapon is unaccounted for: no deal question"
    schema = _recall_schema(server, 2)
    assert sorted(schema["properties"]) == ["r1", "t2", "t2_by"]
    assert "none" in _choices(schema, "t2")
    assert "الولايات المتحدة" in _choices(schema, "t2_by")
    assert _choices(schema, "r1") == ["1. ليبيا (arms)", "t2: الحوثيين"]
    targets = [(e.target_text, e.kind, e.imposed_by) for e in document.embargoes]
    assert targets == [("ليبيا", "arms", "UNSC"), ("الحوثيين", "economic", "USA")]
    assert document.embargoes[0].resolutions == ["1970", "2146"]


def test_no_schema_the_server_gets_uses_backslash_d(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    server.script(answer(DEAL), answer(EMBARGO), answer(MEETING), answer(ROLES))
    with make_extractor(server, recall_rounds=1) as extractor:
        extractor.extract(seed_text, doc_id="seed")
    for request in server.requests:
        schema = json.dumps(request.body["response_format"], ensure_ascii=False)
        assert "\\\\d" not in schema, "llama.cpp's converter does not understand \\d: use [0-9]"


def test_a_schema_that_cannot_be_built_falls_back_to_free_text(seed_text: str) -> None:
    document = verify_document(Document(doc_id="seed"), seed_text)
    mentions = unaccounted_mentions(document, seed_text)
    weapons = recall.questions(
        "arms_deals", [m for m in mentions if m.kind == "arms_deals"], document, seed_text
    )
    many = recall.Question("w9_buyer", weapons[0].mention, choices=tuple(map(str, range(40))))
    model = recall.reply_model([*weapons, many], constrained=True)
    schema = model.model_json_schema()
    assert _choices(schema, "w1_buyer") == ["باكستان", "ليبيا"]
    assert _choices(schema, "w9_buyer") == [], "too many spans to choose well among"


def test_a_list_padded_with_repeats_makes_each_fact_once(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    padded = copy.deepcopy(DEAL)
    deal = padded["arms_deals"][0]
    deal["items"] += [deal["items"][-1]] * 4
    padded["arms_deals"] *= 6
    embargo = copy.deepcopy(EMBARGO)
    embargo["embargoes"] *= 6
    server.script(answer(padded), answer(embargo), answer(MEETING))
    with make_extractor(server) as extractor:
        document = extractor.extract(seed_text, doc_id="seed")
    assert len(document.arms_deals) == 1
    assert [item.quantity for item in document.arms_deals[0].items] == [16, 12]
    assert len(document.embargoes) == 1
    assert document.provenance.repeats_dropped == 5 + 4 + 5


def test_a_participant_written_by_post_alone_gets_the_name_the_article_gives(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    by_post = copy.deepcopy(MEETING)
    by_post["meetings"][0]["participants"].append(
        {"name": None, "titles": ["وزير الخارجية"], "country": "PAK", "side": "host"}
    )
    server.script(answer(DEAL), answer(EMBARGO), answer(by_post), answer(ROLES))
    with make_extractor(server, recall_rounds=1) as extractor:
        document = extractor.extract(seed_text, doc_id="seed")
    names = [person.name for person in document.meetings[0].participants]
    assert names.count("إسحاق دار") == 1
    assert None not in names
    minister = document.meetings[0].participants[names.index("إسحاق دار")]
    assert minister.titles == ["وزير الخارجية"]


def test_resolutions_are_filed_under_a_target_asked_about_in_the_same_call(
    server: FakeOpenAIServer,
) -> None:
    text = (
        "يتم إلغاء القرارات السبعة التي اتخذتها الأمم المتحدة منذ 2006 لفرض عقوبات على إيران، "
        "وهي القرارات 1696 و1737 و1747."
    )
    label = "t4: إيران"
    server.script(
        answer({"embargoes": []}),
        answer({"r1": label, "r2": label, "r3": None, "t4": "economic", "t4_by": "الأمم المتحدة"}),
    )
    with make_extractor(server, recall_rounds=3) as extractor:
        document = extractor.extract(text, doc_id="iran")
    assert len(server.requests) == 2, "the second round has nothing new to ask"
    schema = _recall_schema(server, 1)
    assert sorted(schema["properties"]) == ["r1", "r2", "r3", "t4", "t4_by"]
    assert _choices(schema, "r1") == [label]
    task = server.requests[1].body["messages"][-1]["content"]
    assert task.count("1737") == 3, "the article, the first question's sentence, the number"
    assert '"1737", in the same sentence' in task
    (embargo,) = document.embargoes
    assert (embargo.target, embargo.imposed_by, embargo.resolutions) == (
        "IRN",
        "UNSC",
        ["1696", "1737"],
    )
    assert [(r.round, r.added) for r in document.provenance.recall] == [
        (
            1,
            [
                "embargoes: إيران (economic)",
                "embargoes: resolution 1696 → إيران",
                "embargoes: resolution 1737 → إيران",
            ],
        ),
    ]


def test_a_target_answered_none_that_resolutions_are_filed_under_is_a_measure_of_kind_other(
    server: FakeOpenAIServer,
) -> None:
    text = "وهي القرارات 1696 و1737 التي اتخذتها الأمم المتحدة لفرض عقوبات على إيران."
    label = "t3: إيران"
    server.script(
        answer({"embargoes": []}),
        answer({"r1": label, "r2": label, "t3": "none", "t3_by": None}),
    )
    with make_extractor(server, recall_rounds=1) as extractor:
        document = extractor.extract(text, doc_id="iran")
    (embargo,) = document.embargoes
    assert (embargo.target, embargo.kind, embargo.resolutions) == ("IRN", "other", ["1696", "1737"])


QATAR = (
    "أكدت قطر إبرام صفقة مع الولايات المتحدة لشراء مقاتلات إف 15 بقيمة نحو 12 مليار دولار. "
    "وذكرت وكالة بلومبرغ أن الصفقة تشتمل على 36 طائرة."
)
QATAR_DEAL: dict[str, Any] = {
    "arms_deals": [
        {
            "buyer_text": "قطر",
            "buyer": "QAT",
            "seller_text": "الولايات المتحدة",
            "seller": "USA",
            "items": [
                {"designation": "إف 15", "category": "fighter_aircraft", "quantity_text": None}
            ],
            "value_text": None,
            "status": "signed",
            "date_text": None,
            "duration_text": None,
        }
    ]
}


@pytest.mark.parametrize(
    ("seller", "quantities"),
    [("الولايات المتحدة", [36]), ("قطر", [None])],
    ids=["the count of the named system", "a reply with one state on both sides adds nothing"],
)
def test_a_count_without_a_name_is_the_quantity_of_the_deals_unnumbered_system(
    server: FakeOpenAIServer, seller: str, quantities: list[int | None]
) -> None:
    server.script(answer(QATAR_DEAL), answer({"w1_buyer": "قطر", "w1_seller": seller}))
    with make_extractor(server, recall_rounds=1) as extractor:
        document = extractor.extract(QATAR, doc_id="qatar")
    (deal,) = document.arms_deals
    assert [(item.designation, item.quantity) for item in deal.items] == [
        ("إف 15", quantity) for quantity in quantities
    ]


def test_chosen_first_answers_offer_the_articles_names_and_designations(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    server.script(answer(DEAL), answer(EMBARGO), answer(MEETING))
    with make_extractor(server, choose_first=True) as extractor:
        document = extractor.extract(seed_text, doc_id="seed")
    deals, embargoes, meetings = (r.body["response_format"]["json_schema"] for r in server.requests)
    assert _choices(deals["schema"]["$defs"]["ItemChoice"], "designation") == [
        "JF-17 Thunder",
        "Super Mushak",
    ]
    person = meetings["schema"]["$defs"]["PersonChoice"]
    assert {"شهباز شريف", "عاصم منير", "صدام خليفة حفتر"} <= set(_choices(person, "name"))
    assert "Choice" not in json.dumps(embargoes["schema"]), "embargoes have no names to offer"
    assert document.meetings[0].participants[0].name == "شهباز شريف"
    assert [i.quantity for i in document.arms_deals[0].items] == [16, 12]


def test_without_candidates_a_first_answer_stays_free_text(server: FakeOpenAIServer) -> None:
    text = "بحث وزير الخارجية مع نظيره الأوضاع في المنطقة خلال اتصال هاتفي مساء الأحد."
    server.script(answer({"meetings": []}))
    with make_extractor(server, choose_first=True) as extractor:
        extractor.extract(text, doc_id="call")
    assert "Choice" not in json.dumps(server.requests[0].body["response_format"])


def test_a_weapon_joins_its_deal_once_whatever_the_spelling_and_a_count_numbers_its_own_kind() -> (
    None
):
    text = (
        "أعلنت فرنسا أنها باعت طائرات رافال إلى مصر. وتشمل الصفقة 900 عربة مدرعة و24 طائرة، "
        "كما تسلمت مصر مقاتلات إف 35 الأمريكية."
    )
    deal = copy.deepcopy(EGYPT_DEAL["arms_deals"][0])
    deal["items"] = [
        {"designation": "رافال", "category": "fighter_aircraft", "quantity_text": None},
        {"designation": "إف-35", "category": "fighter_aircraft", "quantity_text": "20"},
    ]
    answer_ = DealsAnswer.model_validate({"arms_deals": [deal]})
    mentions = unaccounted_mentions(verify_document(Document(doc_id="egypt"), text), text)
    asked = recall.questions("arms_deals", [m for m in mentions if m.kind == "arms_deals"],
                             Document(doc_id="egypt"), text)  # fmt: skip
    replies = {q.key: "مصر" if q.key.endswith("_buyer") else "فرنسا" for q in asked}
    recall.apply("arms_deals", asked, replies, answer_, text)
    items = [(i.designation, i.quantity_text) for i in answer_.arms_deals[0].items]
    assert items == [("رافال", "24"), ("إف-35", "20"), ("عربة مدرعة", "900")]
