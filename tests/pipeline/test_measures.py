"""An `arms` embargo whose sentences name no weapon takes the kinds they name."""

from __future__ import annotations

from extractor.pipeline.measures import kinds_from_text
from extractor.schemas import Document, Embargo

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
