"""Findings that rest on a cue missing near one part of a fact ask about that part; only a
kind the whole text refutes withdraws the fact (docs/contract.md, rule 3)."""

from __future__ import annotations

from typing import Any

from extractor.arabic.targets import words_beside_measures
from extractor.schemas import Check, Document
from extractor.verify import drop_unsupported, failed_checks, verify_document

REBELS = (
    "اتهم تقرير أممي جديد طهران بمواصلة تهريب الصواريخ إلى اليمن. "
    "وكان مجلس الأمن قد فرض حظرا على توريد الأسلحة إلى المتمردين عام 2015. "
    "وقال التقرير إن الحوثيين أطلقوا عشرات الصواريخ على مدن سعودية خلال الأشهر الماضية."
)
"""A measure aimed at `المتمردين`; the group is named `الحوثيين` in another sentence."""


def _embargo(text: str, target_text: str, target: str | None = None) -> Document:
    raw: dict[str, Any] = {
        "doc_id": "embargo",
        "embargoes": [
            {
                "target": target,
                "target_text": target_text,
                "imposed_by_text": "مجلس الأمن",
                "imposed_by": "UNSC",
                "kind": "arms",
                "status": "in_force",
            }
        ],
    }
    return verify_document(Document.model_validate(raw), text)


def _record_findings(document: Document) -> list[Check]:
    return [check for check in failed_checks(document) if check.path == "embargoes[0]"]


def _finding(document: Document) -> Check:
    [check] = _record_findings(document)
    return check


def test_a_target_named_beside_no_measure_is_asked_about_not_withdrawn() -> None:
    check = _finding(_embargo(REBELS, "الحوثيين"))
    assert check.value == "الحوثيين", "a question about the target, not a withdrawal (None)"
    assert "no sanction or embargo word in the sentences that name" in check.message


def test_strict_keeps_an_embargo_whose_target_is_only_asked_about() -> None:
    strict = drop_unsupported(_embargo(REBELS, "الحوثيين"))
    assert [embargo.target_text for embargo in strict.embargoes] == ["الحوثيين"]
    assert [check.path for check in failed_checks(strict)] == ["embargoes[0]"]
    assert strict.provenance.strict_removed == []


def test_an_article_with_no_measure_withdraws_the_embargo() -> None:
    text = "وأعلنت السلطات اليمنية حظر التجول في عدن، وقالت إن الحوثيين قصفوا المدينة ليلا."
    document = _embargo(text, "الحوثيين")
    assert _finding(document).value is None
    assert drop_unsupported(document).embargoes == []


def test_the_target_in_its_other_case_is_named_beside_the_measure() -> None:
    text = (
        "وقال المتحدث إن الحوثيين يواصلون الهجمات. "
        "ورغم الحظر المفروض على الأسلحة، لا يزال الحوثيون يتلقون الصواريخ من الخارج."
    )
    assert not _record_findings(_embargo(text, "الحوثيين"))


def test_a_state_named_by_its_demonym_beside_the_measure_is_its_target() -> None:
    text = (
        "وصل وزير خارجية إيران إلى نيويورك. "
        "وينص القرار على استمرار الحظر على برنامج الصواريخ الإيرانية خمس سنوات."
    )
    assert not _record_findings(_embargo(text, "إيران", "IRN"))


def test_the_words_beside_a_measure_name_whom_it_is_aimed_at() -> None:
    sentence = "وفرضت وزارة الخزانة عقوبات على مسؤولين روس لستة أشهر، وعلى الحوثيين وحلفائهم."
    assert words_beside_measures(REBELS, (0, len(REBELS))) == ["المتمردين"]
    assert words_beside_measures(sentence, (0, len(sentence))) == [
        "مسؤولين",
        "مسؤولين روس",
        "الحوثيين",
    ]


def test_a_freeze_is_a_sanction_only_with_the_assets_it_freezes() -> None:
    """`تجميد أصول` is a sanction; `تجميد العمل باتفاقية` suspends an agreement."""
    suspended = "وقررت أنقرة تجميد العمل باتفاقية التجارة الحرة مع سوريا إلى أجل غير مسمى."
    document = _embargo(suspended, "سوريا", "SYR")
    assert _finding(document).value is None, "no measure anywhere: the embargo is withdrawn"
    frozen = "وقرر الاتحاد الأوروبي تجميد أصول عشرة مسؤولين سوريين ومنعهم من دخول أراضيه."
    assert not _record_findings(_embargo(frozen, "عشرة مسؤولين سوريين"))
    funds = "وأعلنت وزارة الخزانة بتجميد أموال شركة الطيران السورية المرتبطة بالحكومة."
    assert not _record_findings(_embargo(funds, "شركة الطيران السورية"))
