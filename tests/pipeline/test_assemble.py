"""Assembly reads what the answer leaves out from the article's own words: an embargo's imposer
from the resolution it is filed under."""

from __future__ import annotations

import pytest

from extractor.arabic.countries import resolution_body
from extractor.pipeline.assemble import Article, embargo
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
    filled = embargo(_answer(None), article)
    assert (filled.imposed_by_text, filled.imposed_by) == ("مجلس الأمن الدولي", "UNSC")
    stated = embargo(_answer("المجلس"), article)
    assert stated.imposed_by_text == "المجلس"
