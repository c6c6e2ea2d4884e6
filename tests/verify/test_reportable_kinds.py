"""Triage by the kind checks: a kind none of whose facts could pass `check_kinds` in an article
is not asked about, and no kind a gold Document reports is ever left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.arabic.triggers import kinds_mentioned
from extractor.pipeline.document_pipeline import kinds_asked
from extractor.schemas import FACT_KINDS, Document
from extractor.verify.fact_kinds import reportable_kinds
from extractor.verify.source import prepare
from tests.conftest import dev_pairs


@pytest.mark.parametrize(
    ("snippet", "reportable"),
    [
        (
            "أعلنت شركة طيران الإمارات عن صفقة لشراء 50 طائرة من طراز إيرباص إيه 350 بقيمة 16 "
            "مليار دولار",
            set(),
        ),
        (
            "أتم نادي مانشستر سيتي صفقة التعاقد مع اللاعب الجزائري رياض محرز مقابل 60 مليون "
            "جنيه إسترليني",
            set(),
        ),
        (
            "واستحوذت شركة لوكهيد مارتن على شركة سيكورسكي المصنعة لمروحيات بلاك هوك",
            set(),
        ),
        ("وقرر مجلس الأمن الدولي تمديد حظر توريد السلاح إلى جنوب السودان عاما آخر", {"embargoes"}),
        ("وقررت الأردن تجميد العمل باتفاقية التجارة الحرة مع تركيا", set()),
        ("وأعلنت السلطات التونسية فرض حظر التجول في العاصمة من الساعة الثامنة مساء", set()),
        ("وقررت الحكومة رفع حظر التجول الليلي المفروض على المدينة", set()),
        ("وفرض الاتحاد الأوروبي حظرا على تصدير الأسلحة إلى روسيا", {"arms_deals", "embargoes"}),
        ("وافقت الخارجية الأمريكية على بيع 16 مقاتلة إف-16 إلى البحرين", {"arms_deals"}),
        ("تسلمت القوات الجوية المصرية الدفعة الأولى من طائرات رافال الفرنسية", {"arms_deals"}),
        ("وقررت واشنطن تشديد العقوبات على طهران", {"embargoes"}),
    ],
)
def test_deals_and_embargoes_the_article_can_report(snippet: str, reportable: set[str]) -> None:
    assert kinds_mentioned(snippet) - {"meetings"}, "each snippet has a word of a deal or embargo"
    assert reportable_kinds(prepare(snippet)) == reportable | {"meetings"}


@pytest.mark.parametrize(("article", "gold"), dev_pairs(), ids=lambda path: path.stem[:24])
def test_every_kind_a_gold_document_reports_is_asked(article: Path, gold: Path) -> None:
    document = Document.model_validate_json(gold.read_text(encoding="utf-8"))
    reported = {kind for kind in FACT_KINDS if getattr(document, kind)}
    assert reported <= kinds_asked(article.read_text(encoding="utf-8"))


def test_the_dev_distractors_are_not_asked_about_arms_deals() -> None:
    asked = {
        article.stem: kinds_asked(article.read_text(encoding="utf-8")) for article, _ in dev_pairs()
    }
    assert "arms_deals" not in asked["34_distractor-orouba-club-signings"]
    assert "arms_deals" not in asked["36_distractor-saudia-boeing-777"]
