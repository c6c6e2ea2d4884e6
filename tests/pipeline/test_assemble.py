"""Assembly reads what the answer leaves out from the article's own words: an embargo's imposer
from the resolution it is filed under, a deal's value from the one amount of its sentences."""

from __future__ import annotations

import pytest

from extractor.arabic.countries import resolution_body
from extractor.pipeline.assemble import Article, embargo, values_from_evidence
from extractor.schemas import ArmsDeal, ArmsItem, Money
from extractor.schemas.response import EmbargoAnswer

SOUTH_SUDAN = (
    "وجدد المجلس حظر الأسلحة المفروض على جنوب السودان بموجب قرار مجلس الأمن الدولي رقم 2428 "
    "حتى نهاية مايو المقبل."
)
DEMAND = "وطالبت الحكومة اليمنية مجلس الأمن بتنفيذ القرار 2216 بالكامل."


@pytest.mark.parametrize(
    ("text", "numbers", "body"),
    [
        (SOUTH_SUDAN, ["2428"], ("مجلس الأمن الدولي", "UNSC")),
        (
            "بموجب قرارات مجلس الأمن 1267 و1989 الخاصة بتنظيم القاعدة",
            ["1989"],
            ("مجلس الأمن", "UNSC"),
        ),
        (DEMAND, ["2216"], None),
        (SOUTH_SUDAN, ["2206"], None),
    ],
)
def test_the_issuer_is_the_body_a_resolution_noun_names(
    text: str, numbers: list[str], body: tuple[str, str] | None
) -> None:
    assert resolution_body(text, numbers) == body


def _answer(imposed_by_text: str | None) -> EmbargoAnswer:
    return EmbargoAnswer(
        target_text="جنوب السودان",
        target="SSD",
        imposed_by_text=imposed_by_text,
        kind="arms",
        resolutions=["2428"],
        start_text=None,
        status="in_force",
    )


def test_an_embargo_without_an_imposer_takes_the_body_of_its_resolution() -> None:
    article = Article(SOUTH_SUDAN, None)
    filled = embargo(_answer(None), article).fact
    assert (filled.imposed_by_text, filled.imposed_by) == ("مجلس الأمن الدولي", "UNSC")
    stated = embargo(_answer("المجلس"), article).fact
    assert stated.imposed_by_text == "المجلس"


NEW_DELHI = (
    "ووقعت الهند عقدًا بقيمة 2.5 مليار دولار أمريكي لشراء 26 طائرة رافال مارين من فرنسا، على أن "
    "تسلم الطائرات خلال خمس سنوات."
)
TWO_DEALS = (
    "واشترت المغرب 24 مروحية أباتشي من الولايات المتحدة، واشترت الجزائر 14 مقاتلة سوخوي من روسيا "
    "بصفقة قيمتها مليار دولار."
)


def _deal(designation: str, evidence: list[str], value: Money | None = None) -> ArmsDeal:
    item = ArmsItem(designation=designation, category="fighter_aircraft")
    return ArmsDeal(items=[item], value=value, evidence=evidence)


def test_a_deal_without_a_value_takes_the_one_amount_of_its_own_sentences() -> None:
    (filled,) = values_from_evidence([_deal("رافال مارين", [NEW_DELHI])])
    assert filled.value is not None
    assert (filled.value.text, filled.value.amount) == ("2.5 مليار دولار أمريكي", 2.5e9)
    assert (filled.value.currency) == "USD"


def test_an_amount_in_a_sentence_two_deals_cite_is_left_to_the_model() -> None:
    deals = [_deal("أباتشي", [TWO_DEALS]), _deal("سوخوي", [TWO_DEALS])]
    assert [deal.value for deal in values_from_evidence(deals)] == [None, None]


def test_a_stated_value_is_kept() -> None:
    stated = Money(text="مليارات الدولارات", min_amount=2e9, currency="USD")
    (kept,) = values_from_evidence([_deal("رافال مارين", [NEW_DELHI], stated)])
    assert kept.value == stated
