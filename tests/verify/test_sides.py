"""A delegate's side read from the text: the agent of a receiving verb hosts, of a visiting verb
is a guest; a delegate of the host state is no guest, one of a guest state no host."""

from __future__ import annotations

from typing import Any

from extractor.schemas import Document
from extractor.verify import drop_unsupported, failed_checks, verify_document

KUALA_LUMPUR = (
    "استقبل رئيس الوزراء الماليزي أنور إبراهيم، اليوم الاثنين، الرئيس التركي رجب طيب أردوغان "
    "في القصر الحكومي ببوتراجايا، وبحث الجانبان تعزيز التعاون الدفاعي بين البلدين."
)
AMMAN = (
    "زار وزير الدفاع الإيطالي غويدو كروسيتو العاصمة الأردنية عمان، حيث التقى رئيس هيئة "
    "الأركان المشتركة اللواء يوسف الحنيطي وبحث معه التعاون العسكري."
)


def _meeting(host: str | None, guests: list[str], *people: tuple[str, str, str, str]) -> Any:
    return {
        "host_country": host,
        "guest_countries": guests,
        "participants": [
            {"name": name, "titles": [title], "country": country, "side": side}
            for name, title, country, side in people
        ],
    }


def _verified(text: str, meeting: dict[str, Any]) -> Document:
    document = Document.model_validate(
        {"doc_id": "sides", "meetings": [{**meeting, "evidence": [text]}]}
    )
    return verify_document(document, text)


def _side_findings(document: Document) -> dict[str, str]:
    return {c.path: c.message for c in failed_checks(document) if c.path.endswith(".side")}


ANWAR = ("أنور إبراهيم", "رئيس الوزراء الماليزي", "MYS")
ERDOGAN = ("رجب طيب أردوغان", "الرئيس التركي", "TUR")
CROSETTO = ("غويدو كروسيتو", "وزير الدفاع الإيطالي", "ITA")
HUNAITI = ("يوسف الحنيطي", "رئيس هيئة الأركان المشتركة", "JOR")


def test_sides_that_follow_the_verbs_and_the_states_pass() -> None:
    right = _meeting("MYS", ["TUR"], (*ANWAR, "host"), (*ERDOGAN, "guest"))
    assert not _side_findings(_verified(KUALA_LUMPUR, right))
    visit = _meeting("JOR", ["ITA"], (*CROSETTO, "guest"), (*HUNAITI, "host"))
    assert not _side_findings(_verified(AMMAN, visit))


def test_the_agent_of_a_receiving_verb_is_no_guest() -> None:
    swapped = _meeting(None, [], (*ANWAR, "guest"), (*ERDOGAN, "host"))
    findings = _side_findings(_verified(KUALA_LUMPUR, swapped))
    assert list(findings) == ["meetings[0].participants[0].side"]
    assert 'makes "أنور إبراهيم" the host' in findings["meetings[0].participants[0].side"]


def test_the_agent_of_a_visiting_verb_is_no_host() -> None:
    swapped = _meeting(None, [], (*CROSETTO, "host"), (*HUNAITI, "guest"))
    findings = _side_findings(_verified(AMMAN, swapped))
    assert list(findings) == ["meetings[0].participants[0].side"]
    assert 'makes "غويدو كروسيتو" the guest' in findings["meetings[0].participants[0].side"]


def test_a_delegate_of_the_other_sides_state_is_flagged_and_strict_nulls_the_side() -> None:
    moved = _meeting("JOR", ["ITA"], (*CROSETTO, "guest"), (*HUNAITI[:2], "ITA", "host"))
    document = _verified(AMMAN, moved)
    assert "ITA, the state of this person, is a guest" in _side_findings(document).get(
        "meetings[0].participants[1].side", ""
    )
    strict = drop_unsupported(document)
    person = strict.meetings[0].participants[1]
    assert (person.name, person.side) == ("يوسف الحنيطي", None)
    assert "meetings[0].participants[1].side" in strict.provenance.strict_removed
