"""One document through prompt → LLM → verify → reask, against a scripted server on loopback."""

from __future__ import annotations

import copy

from extractor.schemas import Document
from extractor.schemas.response import DealsAnswer
from extractor.testing import FakeOpenAIServer, answer, completion
from extractor.verify import failed_checks
from tests.answers import (
    DEAL,
    EMBARGO,
    MEETING,
    NO_EMBARGO,
    NO_MEETING,
    deal_with_quantities,
)
from tests.conftest import DEV_DIR, make_extractor

JF17 = "arms_deals[0].items[0].quantity"
MUSHAK = "arms_deals[0].items[1].quantity"


def _quantities(document: Document) -> list[int | None]:
    return [item.quantity for item in document.arms_deals[0].items]


def _failed_paths(document: Document) -> set[str]:
    return {check.path for check in failed_checks(document)}


def test_correct_answer_becomes_a_verified_document(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    server.script(answer(DEAL), answer(EMBARGO), answer(MEETING))
    with make_extractor(server) as extractor:
        document = extractor.extract(seed_text, doc_id="seed")
    deal = document.arms_deals[0]
    assert (deal.buyer, deal.seller) == ("LBY", "PAK")
    assert [item.designation for item in deal.items] == ["JF-17 Thunder", "Super Mushak"]
    assert _quantities(document) == [16, 12]
    assert deal.value is not None
    assert deal.value.min_amount == 2e9
    assert deal.duration_months == 30
    assert document.embargoes[0].imposed_by == "UNSC"
    assert document.meetings[0].participants[0].name == "شهباز شريف"
    assert all(deal.evidence)
    assert all(sentence in seed_text for sentence in deal.evidence)
    assert not _failed_paths(document) & {JF17, MUSHAK}
    provenance = document.provenance
    assert provenance.usage.llm_calls == 3
    assert provenance.usage.reasks == 0
    assert provenance.backend == "openai"
    assert provenance.model == "scripted-model"
    assert provenance.prompt_version
    assert provenance.source_length == len(seed_text)
    assert len(server.requests) == 3


def test_json_schema_and_prompt_order_reach_the_server(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    server.script(answer(DEAL), answer(EMBARGO), answer(MEETING))
    with make_extractor(server) as extractor:
        extractor.extract(seed_text)
    body = server.requests[0].body
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"] == DealsAnswer.model_json_schema()
    assert body["temperature"] == 0
    assert body["max_tokens"] > 0
    systems = {request.body["messages"][0]["content"] for request in server.requests}
    assert len(systems) == 1, "the fixed instructions must be identical for every call"
    users = [request.body["messages"][1]["content"] for request in server.requests]
    article_ends = [user.index(seed_text.strip()) + len(seed_text.strip()) for user in users]
    prefixes = {user[:end] for user, end in zip(users, article_ends, strict=True)}
    assert len(prefixes) == 1, "the article comes before the per-call task"


def test_hallucinated_number_is_fixed_by_the_reask(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    server.script(
        answer(deal_with_quantities("18", "12")),
        answer(EMBARGO),
        answer(MEETING),
        answer({"q1": "16"}),
    )
    with make_extractor(server) as extractor:
        document = extractor.extract(seed_text)
    assert _quantities(document) == [16, 12]
    assert len(server.requests) == 4
    first_call, reask_call = server.requests[0].body, server.requests[3].body
    assert reask_call["messages"][0] == first_call["messages"][0]
    assert reask_call["temperature"] == 0
    schema = reask_call["response_format"]["json_schema"]["schema"]
    assert schema["required"] == ["q1"], "one question: the failing quantity, nothing else"
    assert reask_call["max_tokens"] < first_call["max_tokens"]
    article_end = first_call["messages"][-1]["content"].index(seed_text.strip()) + len(
        seed_text.strip()
    )
    question = reask_call["messages"][-1]["content"]
    assert question[:article_end] == first_call["messages"][-1]["content"][:article_end]
    hints = question[article_end:]
    assert 'quantity_text "18" for "JF-17 Thunder": the text puts 16 next to it' in hints
    first, second = document.provenance.attempts
    assert JF17 in first.still_failing
    assert JF17 in second.fixed
    assert JF17 not in second.still_failing
    assert document.provenance.usage.reasks == 1


def test_swapped_quantities_stay_flagged(server: FakeOpenAIServer, seed_text: str) -> None:
    server.script(
        answer(deal_with_quantities("12", "16")),
        answer(NO_EMBARGO),
        answer(NO_MEETING),
        answer({"q1": "14", "q2": "16"}),
        answer({"q1": "14", "q2": "16"}),
        answer({"q1": "12", "q2": "16"}),
    )
    with make_extractor(server, max_reasks=3) as extractor:
        document = extractor.extract(seed_text)
    assert len(server.requests) == 5, "a reply that changes nothing ends the reasks"
    assert [request.body["temperature"] for request in server.requests[3:]] == [0, 0.7]
    assert _quantities(document) == [12, 16]
    statuses = {check.path: check.status for check in document.checks}
    assert statuses[JF17] == "contradicted"
    assert statuses[MUSHAK] == "contradicted"
    assert [attempt.attempt for attempt in document.provenance.attempts] == [1, 2, 3]
    assert [attempt.failed_checks for attempt in document.provenance.attempts] == [4, 4, 4]


def test_reasks_stop_at_max_reasks(server: FakeOpenAIServer, seed_text: str) -> None:
    server.script(
        answer(deal_with_quantities("18", "12")),
        answer(NO_EMBARGO),
        answer(NO_MEETING),
        answer({"q1": "15"}),
        answer({"q1": "19"}),
    )
    with make_extractor(server, max_reasks=2) as extractor:
        document = extractor.extract(seed_text)
    assert len(server.requests) == 5
    assert _quantities(document) == [18, 12], "every attempt failed once: the first is kept"
    assert document.provenance.usage.reasks == 2


def test_swapped_quantities_are_dropped_when_strict(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    server.script(
        answer(deal_with_quantities("12", "16")),
        answer(NO_EMBARGO),
        answer(NO_MEETING),
        answer({"q1": "12", "q2": "16"}),
    )
    with make_extractor(server, max_reasks=1, strict=True) as extractor:
        document = extractor.extract(seed_text)
    assert _quantities(document) == [None, None]
    assert not failed_checks(document)


def test_an_invented_weapon_withdrawn_on_reask_is_removed(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    invented = deal_with_quantities("16", "12")
    invented["arms_deals"][0]["items"].append(
        {"designation": "F-35 Lightning", "category": "fighter_aircraft", "quantity_text": "4"}
    )
    server.script(answer(invented), answer(NO_EMBARGO), answer(NO_MEETING), answer({"q1": None}))
    with make_extractor(server) as extractor:
        document = extractor.extract(seed_text)
    assert len(server.requests) == 4, "the withdrawal leaves nothing to ask again"
    assert "F-35 Lightning" in server.requests[3].body["messages"][-1]["content"]
    assert [item.designation for item in document.arms_deals[0].items] == [
        "JF-17 Thunder",
        "Super Mushak",
    ]
    assert not failed_checks(document)
    first, second = document.provenance.attempts
    assert "arms_deals[0].items[2].designation" in first.still_failing
    assert "arms_deals[0].items[2].designation" in second.fixed


def test_malformed_json_is_repaired(server: FakeOpenAIServer, seed_text: str) -> None:
    server.script(
        completion('{"arms_deals": [{"buyer_text": "ليبيا", '),
        answer(DEAL),
        answer(EMBARGO),
        answer(MEETING),
    )
    with make_extractor(server) as extractor:
        document = extractor.extract(seed_text)
    assert _quantities(document) == [16, 12]
    repair = server.requests[1].body["messages"]
    assert repair[-2]["role"] == "assistant"
    assert "json" in repair[-1]["content"].lower()


def test_truncated_answer_gets_one_larger_budget_then_is_reported(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    cut = completion('{"arms_deals": [', finish_reason="length")
    server.script(cut, cut, answer(EMBARGO), answer(MEETING))
    with make_extractor(server) as extractor:
        document = extractor.extract(seed_text)
    first, second = (request.body["max_tokens"] for request in server.requests[:2])
    assert second == 2 * first
    assert document.arms_deals == []
    assert document.embargoes
    assert "max_tokens" in " ".join(getattr(document.provenance, "errors", []))


def test_an_invented_seller_is_replaced_by_the_state_the_deal_sentence_names(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    invented = deal_with_quantities("16", "12")
    invented["arms_deals"][0].update(
        seller_text="الدولة العربية المتحدة",
        seller="USA",
        value_text="بقيمة 16 طائرة مقاتلة من طراز JF-17 Thunder",
    )
    server.script(answer(invented), answer(NO_EMBARGO), answer(NO_MEETING))
    with make_extractor(server, max_reasks=0) as extractor:
        document = extractor.extract(seed_text)
    deal = document.arms_deals[0]
    assert (deal.seller, deal.seller_text) == ("PAK", "باكستان")
    assert deal.value is not None, "the deal sentence's own amount stands in for a non-price"
    assert deal.value.text == "بمليارات الدولارات"
    assert not _failed_paths(document)


def test_kinds_the_article_has_no_words_for_are_not_asked(server: FakeOpenAIServer) -> None:
    article = (DEV_DIR / "27_king-salman-receives-pompeo.txt").read_text(encoding="utf-8")
    server.script(answer(NO_MEETING))
    with make_extractor(server) as extractor:
        document = extractor.extract(article)
    assert len(server.requests) == 1
    assert (
        "meetings"
        in server.requests[0].body["response_format"]["json_schema"]["schema"]["properties"]
    )
    assert document.provenance.kinds_not_mentioned == ["arms_deals", "embargoes"]


def test_every_kind_asks_about_all_three(server: FakeOpenAIServer) -> None:
    article = (DEV_DIR / "27_king-salman-receives-pompeo.txt").read_text(encoding="utf-8")
    server.script(answer({"arms_deals": []}), answer(NO_EMBARGO), answer(NO_MEETING))
    with make_extractor(server, every_kind=True) as extractor:
        document = extractor.extract(article)
    assert len(server.requests) == 3
    assert document.provenance.kinds_not_mentioned == []
    assert "kinds_not_mentioned" not in document.provenance.model_dump(), "written when not empty"


def test_values_echoed_from_the_prompt_examples_are_withdrawn_unasked(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    echoing = deal_with_quantities("16", "12")
    echoing["arms_deals"][0]["items"].append(
        {"designation": "F-16 Block 70", "category": "fighter_aircraft", "quantity_text": "16"}
    )
    server.script(answer(echoing), answer(EMBARGO), answer(MEETING))
    with make_extractor(server) as extractor:
        document = extractor.extract(seed_text)
    assert len(server.requests) == 3, "nothing left to ask"
    assert [item.designation for item in document.arms_deals[0].items] == [
        "JF-17 Thunder",
        "Super Mushak",
    ]
    assert document.provenance.prompt_examples_withdrawn == ["F-16 Block 70"]
    first = document.provenance.attempts[0]
    assert "arms_deals[0].items[2].designation" in first.still_failing


def test_a_visit_gets_its_host_from_the_place_and_guests_from_the_delegates(
    server: FakeOpenAIServer,
) -> None:
    article = (DEV_DIR / "22_mbz-moscow-visit-delegation.txt").read_text(encoding="utf-8")
    visit = {
        "meetings": [
            {
                "participants": [
                    {
                        "name": "ولي عهد أبوظبي الشيخ محمد بن زايد",
                        "titles": ["ولي عهد أبوظبي"],
                        "country": "ARE",
                        "side": "guest",
                    },
                    {"name": "محمد بن زايد", "titles": [], "country": "ARE", "side": "guest"},
                    {
                        "name": "الرئيس الروسي فلاديمير بوتن",
                        "titles": [],
                        "country": "RUS",
                        "side": "host",
                    },
                ],
                "host_country": "SAU",
                "guest_countries": [],
                "location_text": "موسكو",
                "date_text": "الخميس",
                "topics": [],
            }
        ]
    }
    server.script(answer(visit))
    with make_extractor(server) as extractor:
        document = extractor.extract(article)
    meeting = document.meetings[0]
    assert (meeting.host_country, meeting.guest_countries) == ("RUS", ["ARE"])
    assert [(person.name, person.titles) for person in meeting.participants] == [
        ("محمد بن زايد", ["ولي عهد أبوظبي", "الشيخ"]),
        ("فلاديمير بوتن", ["الرئيس الروسي"]),
    ]
    assert not failed_checks(document)


def test_a_sale_written_as_one_deal_per_weapon_becomes_one_deal(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    split = deal_with_quantities("16", "12")
    first = split["arms_deals"][0]
    second = {**first, "items": first["items"][1:], "value_text": None}
    first["items"] = first["items"][:1]
    split["arms_deals"] = [first, second]
    server.script(answer(split), answer(NO_EMBARGO), answer(NO_MEETING))
    with make_extractor(server) as extractor:
        document = extractor.extract(seed_text)
    assert len(document.arms_deals) == 1
    assert _quantities(document) == [16, 12]
    assert document.arms_deals[0].value is not None
    assert MUSHAK in {check.path for check in document.checks}
    assert not _failed_paths(document)


def test_a_sale_answered_as_one_deal_per_weapon_takes_its_sentences_amount_once_merged(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    """Both halves cite the deal sentence, so neither alone may take its amount; the merged
    deal does."""
    split = copy.deepcopy(DEAL)
    whole = split["arms_deals"][0]
    whole["value_text"] = None
    first, second = ({**whole, "items": [item]} for item in whole["items"])
    split["arms_deals"] = [first, second]
    server.script(answer(split), answer(NO_EMBARGO), answer(NO_MEETING))
    with make_extractor(server, max_reasks=0) as extractor:
        document = extractor.extract(seed_text)
    [deal] = document.arms_deals
    assert [item.quantity for item in deal.items] == [16, 12]
    assert deal.value is not None
    assert (deal.value.text, deal.value.min_amount) == ("بمليارات الدولارات", 2e9)


def test_a_meeting_read_the_wrong_way_round_is_turned_back_from_the_visiting_verb(
    server: FakeOpenAIServer, seed_text: str
) -> None:
    """`أن وفدًا ليبيًا رفيع المستوى زار رئيس الوزراء`: an answer hosting the meeting in Libya,
    with every side to match, becomes Pakistan's, and provenance says so."""
    reversed_ = copy.deepcopy(MEETING)
    meeting = reversed_["meetings"][0]
    meeting["host_country"], meeting["guest_countries"] = "LBY", ["PAK"]
    for person in meeting["participants"]:
        person["side"] = {"host": "guest", "guest": "host"}[person["side"]]
    server.script(answer({"arms_deals": []}), answer(NO_EMBARGO), answer(reversed_))
    with make_extractor(server, max_reasks=0) as extractor:
        document = extractor.extract(seed_text)
    [turned] = document.meetings
    assert (turned.host_country, turned.guest_countries) == ("PAK", ["LBY"])
    assert [(p.country, p.side) for p in turned.participants] == [("PAK", "host"), ("LBY", "guest")]
    [note] = document.provenance.roles_resolved
    assert note.startswith("meetings[0]: host LBY → PAK")
    assert not [c for c in failed_checks(document) if c.path == "meetings[0]"]


JAKARTA = (
    "وقعت إندونيسيا عقدًا لشراء 42 طائرة مقاتلة من طراز رافال من فرنسا، وقالت وزارة الدفاع "
    "الإندونيسية إن الطائرات ستسلم على ثلاث دفعات."
)


def test_a_deal_read_the_wrong_way_round_is_turned_back_from_its_purchase_verb(
    server: FakeOpenAIServer,
) -> None:
    """`وقعت إندونيسيا عقدًا لشراء … من فرنسا`: France answered as the buyer is the seller."""
    item = {"designation": "رافال", "category": "fighter_aircraft", "quantity_text": "42"}
    deal = {
        "buyer_text": "فرنسا",
        "buyer": "FRA",
        "seller_text": "إندونيسيا",
        "seller": "IDN",
        "items": [item],
        "value_text": None,
        "status": "signed",
        "date_text": None,
        "duration_text": None,
    }
    server.script(answer({"arms_deals": [deal]}))
    with make_extractor(server, max_reasks=0, recall_rounds=0) as extractor:
        document = extractor.extract(JAKARTA)
    [turned] = document.arms_deals
    assert (turned.buyer, turned.buyer_text) == ("IDN", "إندونيسيا")
    assert (turned.seller, turned.seller_text) == ("FRA", "فرنسا")
    [note] = document.provenance.roles_resolved
    assert note.startswith("arms_deals[0]: buyer FRA and seller IDN swapped")
    assert not [c for c in failed_checks(document) if c.path == "arms_deals[0]"]


MANAMA_TO_RABAT = (
    "واختتم ولي عهد البحرين الأمير سلمان بن حمد زيارته الرسمية للمغرب، التي التقى خلالها "
    "العاهل المغربي الملك محمد السادس."
)


def test_a_destination_hosts_even_beside_a_stray_guest_state(server: FakeOpenAIServer) -> None:
    """`زيارته الرسمية للمغرب`: Morocco hosts; Bahrain, answered as host, becomes a guest, and a
    third state the answer added stays a guest."""
    meeting = {
        "participants": [
            {
                "name": "سلمان بن حمد",
                "titles": ["ولي عهد البحرين"],
                "country": "BHR",
                "side": "host",
            },
            {
                "name": "محمد السادس",
                "titles": ["العاهل المغربي"],
                "country": "MAR",
                "side": "guest",
            },
        ],
        "host_country": "BHR",
        "guest_countries": ["MAR", "TUR"],
        "location_text": None,
        "date_text": None,
        "topics": [],
    }
    server.script(answer({"meetings": [meeting]}))
    with make_extractor(server, max_reasks=0, recall_rounds=0) as extractor:
        document = extractor.extract(MANAMA_TO_RABAT)
    [turned] = document.meetings
    assert (turned.host_country, turned.guest_countries) == ("MAR", ["BHR", "TUR"])
    assert [(p.country, p.side) for p in turned.participants] == [("BHR", "guest"), ("MAR", "host")]
    assert document.provenance.roles_resolved[0].startswith("meetings[0]: host BHR → MAR")


def test_an_airliner_order_is_not_asked_about_as_an_arms_deal(server: FakeOpenAIServer) -> None:
    order = (
        "أعلنت شركة طيران الإمارات اليوم عن صفقة لشراء 50 طائرة من طراز إيرباص إيه 350 بقيمة "
        "16 مليار دولار، على أن تتسلم الشركة أولى الطائرات عام 2026."
    )
    with make_extractor(server) as extractor:
        document = extractor.extract(order)
    assert server.requests == [], "no sentence names a weapon: no question is worth its time"
    assert document.provenance.kinds_not_mentioned == ["meetings", "arms_deals", "embargoes"]
