"""A meeting's place must name a place: a call, a press conference or the start of a visit
copied as `location_text` is unsupported (a repair question; nulled under --strict)."""

from __future__ import annotations

import pytest

from extractor.schemas import Document
from extractor.verify import drop_unsupported, failed_checks, verify_document

ROME = (
    "وقال وزير الخارجية الإيطالي أنطونيو تاياني في مؤتمر صحفي مشترك مع نظيره المصري بدر عبد "
    "العاطي في روما، في مستهل زيارة الأخير، إن البلدين اتفقا على تعزيز التعاون، وذلك بعد اتصال "
    "هاتفي بين رئيسي البلدين."
)


def _verified(location: str) -> Document:
    meeting = {
        "host_country": "ITA",
        "guest_countries": ["EGY"],
        "location_text": location,
        "participants": [
            {"name": "أنطونيو تاياني", "country": "ITA", "side": "host"},
            {"name": "بدر عبد العاطي", "country": "EGY", "side": "guest"},
        ],
        "evidence": [ROME],
    }
    document = Document.model_validate({"doc_id": "rome", "meetings": [meeting]})
    return verify_document(document, ROME)


@pytest.mark.parametrize("occasion", ["مؤتمر صحفي مشترك", "مستهل زيارة", "اتصال هاتفي"])
def test_an_occasion_given_as_the_place_is_unsupported_and_strict_nulls_it(occasion: str) -> None:
    verified = _verified(occasion)
    (failed,) = [c for c in failed_checks(verified) if c.path == "meetings[0].location_text"]
    assert "names an occasion" in failed.message
    strict = drop_unsupported(verified)
    assert strict.meetings[0].location_text is None
    assert len(strict.meetings[0].participants) == 2


def test_a_place_after_a_preposition_passes() -> None:
    verified = _verified("في روما")
    assert not [c for c in failed_checks(verified) if c.path == "meetings[0].location_text"]
