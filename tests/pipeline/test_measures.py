"""An `arms` embargo whose sentences name no weapon takes the kinds they name; a measure against
the target that no record has becomes a record of its own."""

from __future__ import annotations

import pytest

from extractor.arabic.lexicon import words_of
from extractor.arabic.sanctions import measures_named
from extractor.pipeline.measures import kinds_from_text, measures_from_text
from extractor.schemas import Document, Embargo
from extractor.verify.source import prepare

TRAVEL_AND_ASSETS = (
    "وفرض الاتحاد الأوروبي حظر السفر وتجميد الأصول على خمسة مسؤولين بيلاروسيين بسبب قمع المتظاهرين."
)
SANCTIONS = "وفرضت واشنطن عقوبات جديدة على شركة شحن إيرانية، وفق بيان وزارة الخزانة."
ARMS = "ومدد مجلس الأمن حظر توريد الأسلحة إلى جمهورية أفريقيا الوسطى عاما آخر."


def _kinds(sentence: str) -> tuple[list[str], list[str]]:
    embargo = Embargo(target_text="المسؤولين", kind="arms", evidence=[sentence])
    document, notes = kinds_from_text(Document(doc_id="m", embargoes=[embargo]))
    return [e.kind for e in document.embargoes], notes


def test_a_weaponless_arms_answer_takes_one_record_per_kind_its_sentences_name() -> None:
    kinds, notes = _kinds(TRAVEL_AND_ASSETS)
    assert kinds == ["assets", "travel"]
    assert notes == ["embargoes[0]: kind arms → assets, travel: no weapon word"]


def test_sanctions_without_a_named_restriction_are_other_and_an_arms_ban_stays() -> None:
    assert _kinds(SANCTIONS)[0] == ["other"]
    assert _kinds(ARMS) == (["arms"], [])


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("وقرر المجلس فرض حظر للسفر وتجميد أرصدة قادة الانقلاب في النيجر", {"travel", "assets"}),
        ("ورفعت واشنطن العقوبات الاقتصادية عن كوبا", {"economic"}),
        ("وأبقى مجلس الأمن حظر توريد الأسلحة إلى الصومال", {"arms"}),
        ("وقدمت واشنطن المساعدات العسكرية لأوكرانيا رغم العقوبات", set()),
    ],
)
def test_a_measure_names_its_kind_in_the_words_after_the_sanction_word(
    sentence: str, kinds: set[str]
) -> None:
    assert measures_named([word.stems for word in words_of(sentence)]) == kinds


MEASURES = (
    "مدد الاتحاد الأوروبي العقوبات المفروضة على بيلاروسيا ستة أشهر. "
    "وتشمل العقوبات تجميد أصول وحظر السفر بحق 180 شخصا. "
    "وكانت كندا قد فرضت حظر تصدير النفط على فنزويلا."
)
"""An invented article: one target, two further measures in a sentence that names no state, and
a measure against another state."""


def test_each_further_measure_against_the_target_becomes_its_own_record() -> None:
    answered = Embargo(
        target="BLR",
        target_text="بيلاروسيا",
        imposed_by="EU",
        imposed_by_text="الاتحاد الأوروبي",
        kind="other",
        evidence=["مدد الاتحاد الأوروبي العقوبات المفروضة على بيلاروسيا ستة أشهر."],
    )
    document, notes = measures_from_text(
        Document(doc_id="m", embargoes=[answered]), prepare(MEASURES)
    )
    records = [(e.target, e.kind, e.imposed_by, e.evidence) for e in document.embargoes]
    told = "وتشمل العقوبات تجميد أصول وحظر السفر بحق 180 شخصا."
    assert records == [
        ("BLR", "other", "EU", answered.evidence),
        ("BLR", "assets", None, [told]),  # the imposer is kept only where the sentence names it
        ("BLR", "travel", None, [told]),
    ]
    assert notes == [
        "embargoes[0]: assets measure added from its sentence",
        "embargoes[0]: travel measure added from its sentence",
    ]
