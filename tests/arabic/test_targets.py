"""States and groups put under a sanction, on real news sentences."""

from __future__ import annotations

from extractor.arabic.targets import sanction_targets


def _targets(text: str) -> list[tuple[str, str | None]]:
    return [(t.surface, t.iso3) for t in sanction_targets(text, (0, len(text)))]


def test_states_and_groups_after_the_measure_and_ala() -> None:
    text = "كذلك فرضت الولايات المتحدة والاتحاد الأوروبي عقوبات اقتصادية على إيران والحوثيين."
    assert _targets(text) == [("إيران", "IRN"), ("الحوثيين", None)]


def test_an_arms_embargo_on_a_state_of_two_words() -> None:
    text = "بعد 5 سنوات من الحرب.. فرض حظر أسلحة على جنوب السودان"
    assert _targets(text) == [("جنوب السودان", "SSD")]


def test_a_state_under_an_embargo_before_the_measure() -> None:
    text = "يُشار إلى أن ليبيا تظل تقنيًا تحت حظر أسلحة دولي منذ فبراير 2011."
    assert _targets(text) == [("ليبيا", "LBY")]


def test_no_target_in_a_body_named_after_a_ban_nor_a_demonym() -> None:
    assert _targets("وأكدت منظمة حظر الأسلحة الكيميائية على سوريا التعاون.") == []
    assert _targets("فرضت وزارة الخزانة عقوبات على قائد ميليشيا ليبية.") == []
