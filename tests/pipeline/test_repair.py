"""Repair reasks on real answers about the seed article: what is asked, and how replies patch."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from extractor.pipeline import assemble, repair
from extractor.pipeline.document_pipeline import assemble_answers
from extractor.pipeline.prompting import prompt_examples
from extractor.schemas.response import DealsAnswer, EmbargoesAnswer, MeetingsAnswer
from extractor.verify import failed_checks
from tests.answers import DEAL, EMBARGO, MEETING, deal_with_quantities

Answers = tuple[DealsAnswer, EmbargoesAnswer, MeetingsAnswer]


def _answers(
    deal: dict[str, Any], embargo: dict[str, Any] = EMBARGO, meeting: dict[str, Any] = MEETING
) -> Answers:
    return (
        DealsAnswer.model_validate(deal),
        EmbargoesAnswer.model_validate(embargo),
        MeetingsAnswer.model_validate(meeting),
    )


def _ask(values: Answers, seed_text: str) -> list[repair.Question]:
    assembled = assemble_answers("seed", assemble.Article(seed_text, None), values)
    return repair.questions(failed_checks(assembled.document), assembled.origins)


def _failures(values: Answers, seed_text: str) -> set[str]:
    assembled = assemble_answers("seed", assemble.Article(seed_text, None), values)
    return {check.path for check in failed_checks(assembled.document)}


def _reply(asked: list[repair.Question], **values: str | None) -> dict[str, str | None]:
    """The replies as the schema of these questions admits them."""
    return repair.reply_model(asked).model_validate(values).model_dump()


def test_a_correct_answer_asks_nothing(seed_text: str) -> None:
    assert _ask(_answers(DEAL), seed_text) == []


def test_a_wrong_quantity_is_one_question_about_its_text(seed_text: str) -> None:
    values = _answers(deal_with_quantities("18", "12"))
    asked = _ask(values, seed_text)
    assert [(q.key, q.field, q.old) for q in asked] == [("q1", "quantity_text", "18")]
    assert asked[0].message.startswith('quantity_text "18" for "JF-17 Thunder"')
    repair.apply(asked, _reply(asked, q1="16"))
    assert values[0].arms_deals[0].items[0].quantity_text == "16"
    assert not _failures(values, seed_text)


def test_a_name_the_text_lacks_is_asked_about_and_replaced(seed_text: str) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["meetings"][0]["participants"][0]["name"] = "شريف شريف"
    values = _answers(DEAL, meeting=meeting)
    asked = _ask(values, seed_text)
    assert [(q.field, q.old) for q in asked] == [("name", "شريف شريف")]
    repair.apply(asked, _reply(asked, q1="شهباز شريف"))
    assert not _failures(values, seed_text)


def test_participants_without_name_or_title_do_not_shift_the_mapping(seed_text: str) -> None:
    meeting = copy.deepcopy(MEETING)
    people = meeting["meetings"][0]["participants"]
    people.insert(0, {"name": None, "titles": [], "country": None, "side": None})
    people[2]["name"] = "مصطفى صنع الله"
    values = _answers(DEAL, meeting=meeting)
    asked = _ask(values, seed_text)
    assert [(q.field, q.old) for q in asked] == [("name", "مصطفى صنع الله")]
    person = values[2].meetings[0].participants[2]
    assert [place.holder for place in asked[0].places] == [person]


def test_a_wrong_list_element_is_replaced_or_removed(seed_text: str) -> None:
    embargo = copy.deepcopy(EMBARGO)
    embargo["embargoes"][0]["resolutions"] = ["1970", "2016"]
    meeting = copy.deepcopy(MEETING)
    meeting["meetings"][0]["topics"] = ["التعاون البحري"]
    values = _answers(DEAL, embargo=embargo, meeting=meeting)
    asked = _ask(values, seed_text)
    assert [(q.field, q.old) for q in asked] == [
        ("topics", "التعاون البحري"),
        ("resolutions", "2016"),
    ]
    repair.apply(asked, _reply(asked, q1=None, q2="1973"))
    assert values[1].embargoes[0].resolutions == ["1970", "1973"]
    assert values[2].meetings[0].topics == []
    assert not _failures(values, seed_text)


def test_an_invented_item_is_one_question_and_null_removes_it(seed_text: str) -> None:
    deal = copy.deepcopy(DEAL)
    deal["arms_deals"][0]["items"].insert(
        0, {"designation": "F-35 Lightning", "category": "fighter_aircraft", "quantity_text": "4"}
    )
    values = _answers(deal)
    asked = _ask(values, seed_text)
    assert [(q.field, q.old) for q in asked] == [("designation", "F-35 Lightning")]
    repair.apply(asked, _reply(asked, q1=None))
    items = values[0].arms_deals[0].items
    assert [item.designation for item in items] == ["JF-17 Thunder", "Super Mushak"]


def test_an_item_after_a_repeated_one_is_asked_about_in_its_own_entry(seed_text: str) -> None:
    deal = deal_with_quantities("16", "14")
    items = deal["arms_deals"][0]["items"]
    items.insert(1, copy.deepcopy(items[0]))
    values = _answers(deal)
    asked = _ask(values, seed_text)
    assert [(q.field, q.old) for q in asked] == [("quantity_text", "14")]
    assert [place.holder for place in asked[0].places] == [values[0].arms_deals[0].items[2]]
    repair.apply(asked, _reply(asked, q1="12"))
    assert not _failures(values, seed_text)


def test_a_reply_that_insists_changes_nothing(seed_text: str) -> None:
    values = _answers(deal_with_quantities("12", "16"))
    before = values[0].model_dump()
    asked = _ask(values, seed_text)
    assert [q.old for q in asked] == ["12", "16"]
    repair.apply(asked, _reply(asked, q1="12", q2="16"))
    assert values[0].model_dump() == before


def test_the_reply_schema_types_codes_and_resolutions(seed_text: str) -> None:
    deal = copy.deepcopy(DEAL)
    deal["arms_deals"][0].update(buyer_text=None, buyer="EGY")
    embargo = copy.deepcopy(EMBARGO)
    embargo["embargoes"][0]["resolutions"] = ["2016"]
    asked = _ask(_answers(deal, embargo=embargo), seed_text)
    fields = {q.field: q.key for q in asked}
    assert set(fields) == {"buyer", "resolutions"}
    model = repair.reply_model(asked)
    with pytest.raises(ValidationError):
        model.model_validate({fields["buyer"]: "Libya", fields["resolutions"]: "1973"})
    with pytest.raises(ValidationError):
        model.model_validate({fields["buyer"]: "LBY", fields["resolutions"]: "القرار"})
    assert model.model_validate({fields["buyer"]: "LBY", fields["resolutions"]: None})


def test_questions_are_capped(seed_text: str) -> None:
    deal = copy.deepcopy(DEAL)
    deal["arms_deals"][0]["items"] = [
        {"designation": f"Hawk-{n}", "category": "other", "quantity_text": None} for n in range(6)
    ]
    meeting = copy.deepcopy(MEETING)
    meeting["meetings"][0]["topics"] = ["التعاون البحري", "الصيد"]
    people = meeting["meetings"][0]["participants"]
    for person, title in zip(people, ["المهندس", "العقيد"], strict=True):
        person["name"] += " الثالث"
        person["titles"] = [title]
    asked = _ask(_answers(deal, meeting=meeting), seed_text)
    assert len(asked) == repair.MAX_QUESTIONS
    assert [q.key for q in asked] == [f"q{n}" for n in range(1, repair.MAX_QUESTIONS + 1)]


def test_one_wrong_title_on_every_delegate_is_one_question(seed_text: str) -> None:
    meeting = copy.deepcopy(MEETING)
    for person in meeting["meetings"][0]["participants"]:
        person["titles"] = ["وزير الشؤون الإسلامية"]
    values = _answers(DEAL, meeting=meeting)
    asked = _ask(values, seed_text)
    assert [(q.field, q.old, len(q.places)) for q in asked] == [
        ("titles", "وزير الشؤون الإسلامية", 2)
    ]
    assert repair.apply(asked, _reply(asked, q1="null")) == 1, "the word null is a null"
    people = values[2].meetings[0].participants
    assert [person.titles for person in people] == [[], []]


def test_values_copied_from_the_prompt_examples_are_echoes(seed_text: str) -> None:
    deal = copy.deepcopy(DEAL)
    deal["arms_deals"][0]["items"].append(
        {"designation": "F-16 Block 70", "category": "fighter_aircraft", "quantity_text": None}
    )
    values = _answers(deal, embargo=copy.deepcopy(EMBARGO))
    values[1].embargoes[0].resolutions.append("2011")
    asked = _ask(values, seed_text)
    assert "F-16 Block 70" in prompt_examples()
    echoed = repair.echoes(asked, prompt_examples())
    assert [q.old for q in echoed] == ["F-16 Block 70"], "2011 is wrong, but no example"
    repair.apply(echoed, {})
    assert len(values[0].arms_deals[0].items) == 2


def test_repeated_delegates_count_once_and_questions_still_find_their_answer(
    seed_text: str,
) -> None:
    meeting = copy.deepcopy(MEETING)
    people = meeting["meetings"][0]["participants"]
    people.insert(1, copy.deepcopy(people[0]))
    people[2]["name"] = "مصطفى صنع الله"
    people[2]["titles"] = ["null", *people[2]["titles"]]
    values = _answers(DEAL, meeting=meeting)
    assembled = assemble_answers("seed", assemble.Article(seed_text, None), values)
    delegates = assembled.document.meetings[0].participants
    assert [person.titles for person in delegates] == [["رئيس وزراء باكستان"], ["رئيس وزراء ليبيا"]]
    asked = repair.questions(failed_checks(assembled.document), assembled.origins)
    person = values[2].meetings[0].participants[2]
    assert [(q.field, [place.holder for place in q.places]) for q in asked] == [("name", [person])]


def _origins(values: Answers, seed_text: str) -> tuple[list[Any], dict[str, Any]]:
    assembled = assemble_answers("seed", assemble.Article(seed_text, None), values)
    return failed_checks(assembled.document), assembled.origins


def test_a_post_written_as_a_name_moves_to_the_titles_and_asks_who_holds_it(
    seed_text: str,
) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["meetings"][0]["participants"][1].update(name="رئيس الوزراء الليبي", titles=[])
    values = _answers(DEAL, meeting=meeting)
    asked = _ask(values, seed_text)
    assert [(q.field, q.old, q.to_titles) for q in asked] == [("name", "رئيس الوزراء الليبي", True)]
    assert 'who holds the post "رئيس الوزراء الليبي"' in asked[0].message
    repair.apply(asked, _reply(asked, q1="أسامة سعد حمد"))
    person = values[2].meetings[0].participants[1]
    assert (person.name, person.titles) == ("أسامة سعد حمد", ["رئيس الوزراء الليبي"])
    assert not _failures(values, seed_text)


def test_a_post_with_no_name_given_stays_as_a_title(seed_text: str) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["meetings"][0]["participants"][1].update(name="رئيس الوزراء الليبي", titles=[])
    values = _answers(DEAL, meeting=meeting)
    asked = _ask(values, seed_text)
    repair.apply(asked, _reply(asked, q1=None))
    person = values[2].meetings[0].participants[1]
    assert (person.name, person.titles) == (None, ["رئيس الوزراء الليبي"])


def test_a_reversed_pair_asks_who_sells_quoting_the_cue(seed_text: str) -> None:
    text = seed_text.replace("تضمنت شراء", "تضمنت شراء ليبيا")
    deal = copy.deepcopy(DEAL)
    deal["arms_deals"][0].update(
        buyer_text="باكستان", buyer="PAK", seller_text="ليبيا", seller="LBY"
    )
    values = _answers(deal)
    asked = _ask(values, text)
    assert [(q.field, q.old, q.status) for q in asked] == [("seller_text", "ليبيا", "contradicted")]
    assert '"شراء" makes LBY the buyer' in asked[0].message


def test_a_fact_of_the_wrong_kind_is_withdrawn_unasked(seed_text: str) -> None:
    meeting = copy.deepcopy(MEETING)
    meeting["meetings"][0].update(
        participants=meeting["meetings"][0]["participants"][:1], guest_countries=[]
    )
    values = _answers(DEAL, meeting=meeting)
    failures, origins = _origins(values, seed_text)
    assert _ask(values, seed_text) == []
    withdrawn = repair.withdrawals(failures, origins)
    assert [(q.field, q.old) for q in withdrawn] == [(repair.RECORD, "")]
    assert withdrawn[0].message.endswith("no meeting is reported")
    repair.apply(withdrawn, {})
    assert values[2].meetings == []
    assert not _failures(values, seed_text)
