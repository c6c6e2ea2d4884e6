"""Which fact kinds an article has words for: never missing a kind its gold reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.arabic.triggers import kinds_mentioned
from extractor.schemas import FACT_KINDS, Document
from tests.conftest import dev_pairs


@pytest.mark.parametrize(("article", "gold"), dev_pairs(), ids=lambda path: path.stem[:24])
def test_every_kind_the_gold_reports_is_mentioned(article: Path, gold: Path) -> None:
    document = Document.model_validate_json(gold.read_text(encoding="utf-8"))
    reported = {kind for kind in FACT_KINDS if getattr(document, kind)}
    assert reported <= kinds_mentioned(article.read_text(encoding="utf-8"))


def test_the_dev_set_skips_kinds_it_has_no_words_for() -> None:
    skipped = sum(
        len(FACT_KINDS) - len(kinds_mentioned(article.read_text(encoding="utf-8")))
        for article, _ in dev_pairs()
    )
    assert skipped >= 12


@pytest.mark.parametrize(
    ("snippet", "kinds"),
    [
        ("واستقبل ولي العهد السعودي في الرياض وزير الخارجية الأميركي", {"meetings"}),
        ("وبحث الجانبان خلال الاتصال الهاتفي تطورات الأوضاع في المنطقة", {"meetings"}),
        ("أعلنت وزارة الخارجية الروسية أن موسكو ترفض هذه الاتهامات", set()),
        ("وافقت الخارجية الأمريكية على بيع 16 مقاتلة إف-16 إلى البحرين", {"arms_deals"}),
        ("وتسلمت القوات البحرية فرقاطتين وأربع مروحيات", {"arms_deals"}),
        ("وفرض مجلس الأمن الدولي حظرا على توريد السلاح إلى ليبيا", {"arms_deals", "embargoes"}),
        ("وقررت واشنطن تشديد العقوبات على طهران", {"embargoes"}),
        ("ضم نادي العروبة المهاجم البرازيلي لمدة موسمين", set()),
        ("زارت رئيسة الوزراء البريطانية برلين", {"meetings"}),
        ("وتسلمت أنقرة منظومة إس-400 الروسية", {"arms_deals"}),
        ("وأعلنت وارسو شراء 32 من طراز F-35A", {"arms_deals"}),
        ("وتضم القائمة كذلك طرازات إف-16", {"arms_deals"}),
        ("وأكد الوزير في كلمته عام 2024 أمام المؤتمر", set()),
        ("علقت فنلندا صادرات الأسلحة إلى تركيا", {"arms_deals", "embargoes"}),
        ("وقررت الحكومة النرويجية وقف تصدير السلاح إلى الإمارات", {"arms_deals", "embargoes"}),
        ("وارتفعت صادرات الأسلحة الفرنسية خلال العام الماضي", {"arms_deals"}),
        ("وتنوي أثينا شراء نسخة مطورة من اف 16 الأميركية", {"arms_deals"}),
        ("وصوت المجلس الذي يضم15 دولة على تمديد التفويض في2011", set()),
    ],
)
def test_kinds_in_news_snippets(snippet: str, kinds: set[str]) -> None:
    assert kinds_mentioned(snippet) == kinds


def test_two_officials_appearing_together_announce_a_meeting() -> None:
    joint = (
        "وعقد الرئيس الكيني وليام روتو مؤتمرا صحفيا مع نظيره الصومالي في نيروبي، وأكد "
        "الجانبان ضرورة مكافحة الإرهاب."
    )
    assert "meetings" in kinds_mentioned(joint)
    alone = "وقال وزير الخارجية في مؤتمر صحفي إن بلاده لن تتراجع."
    assert "meetings" not in kinds_mentioned(alone)
