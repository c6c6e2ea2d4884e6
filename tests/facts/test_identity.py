"""Fact identity: the same fact seen twice (two chunks of one text) becomes one fact."""

from __future__ import annotations

from extractor.facts.identity import merged_deals, merged_embargoes, merged_meetings
from extractor.schemas import ArmsDeal, Embargo, Meeting
from extractor.schemas.facts import ArmsItem, Delegate

DEAL_SENTENCE = (
    "وتتمتع باكستان وليبيا بعلاقات دبلوماسية وعسكرية قوية، حيث أبرمتا الشهر الماضي صفقة أسلحة "
    "تقليدية بمليارات الدولارات"
)
ITEMS_SENTENCE = (
    "تضمنت شراء 16 طائرة مقاتلة من طراز JF-17 Thunder و12 طائرة تدريب من طراز Super Mushak"
)
EMBARGO_SENTENCE = (
    "يُشار إلى أن ليبيا تظل تقنيًا تحت حظر أسلحة دولي منذ فبراير 2011 بموجب قرار مجلس الأمن "
    "الدولي رقم 1970"
)
MEETING_SENTENCE = "أكد رئيس وزراء باكستان شهباز شريف ورئيس وزراء ليبيا الدكتور أسامة سعد حمد"


def _deal(*items: ArmsItem, evidence: str, **fields: object) -> ArmsDeal:
    return ArmsDeal(
        buyer="LBY",
        seller="PAK",
        buyer_text="ليبيا",
        seller_text="باكستان",
        status="agreed",
        items=list(items),
        evidence=[evidence],
        **fields,
    )


JF17 = ArmsItem(designation="JF-17 Thunder", category="fighter_aircraft", quantity=16)
MUSHAK = ArmsItem(designation="Super Mushak", category="trainer_aircraft", quantity=12)


def test_the_same_deal_from_two_chunks_is_one_deal_with_both_evidences() -> None:
    first = _deal(JF17, evidence=DEAL_SENTENCE)
    second = _deal(JF17, MUSHAK, evidence=ITEMS_SENTENCE, duration_text="على مدى عامين ونصف")
    [merged] = merged_deals([first, second])
    assert [item.designation for item in merged.items] == ["JF-17 Thunder", "Super Mushak"]
    assert merged.evidence == [DEAL_SENTENCE, ITEMS_SENTENCE]
    assert merged.duration_text == "على مدى عامين ونصف"
    assert first.items == [JF17], "the inputs are left as they were"


def test_deals_of_other_parties_or_stages_stay_apart() -> None:
    agreed = _deal(JF17, evidence=DEAL_SENTENCE)
    delivered = agreed.model_copy(update={"status": "delivered"})
    other_buyer = agreed.model_copy(update={"buyer": "EGY", "buyer_text": "مصر"})
    assert len(merged_deals([agreed, delivered, other_buyer])) == 3


def test_a_deal_with_an_unknown_party_merges_only_with_its_twin() -> None:
    unknown = _deal(JF17, evidence=DEAL_SENTENCE).model_copy(update={"seller": None})
    twin = unknown.model_copy(update={"evidence": [ITEMS_SENTENCE]})
    other = unknown.model_copy(update={"items": [MUSHAK]})
    merged = merged_deals([unknown, twin, other])
    assert len(merged) == 2
    assert merged[0].evidence == [DEAL_SENTENCE, ITEMS_SENTENCE]


def _embargo(evidence: str, **fields: object) -> Embargo:
    values: dict[str, object] = {
        "target": "LBY",
        "target_text": "ليبيا",
        "imposed_by_text": "مجلس الأمن الدولي",
        "imposed_by": "UNSC",
        "kind": "arms",
        "resolutions": ["1970"],
        "evidence": [evidence],
    }
    return Embargo.model_validate({**values, **fields})


def test_the_same_embargo_from_two_chunks_unites_resolutions_and_evidence() -> None:
    first = _embargo(EMBARGO_SENTENCE, status="unknown")
    second = _embargo(
        "مع تعزيز لاحق بواسطة قرارات لاحقة بما فيها القرار 1973",
        resolutions=["1973"],
        start_text="منذ فبراير 2011",
        status="in_force",
    )
    [merged] = merged_embargoes([first, second])
    assert merged.resolutions == ["1970", "1973"]
    assert merged.start_text == "منذ فبراير 2011"
    assert merged.status == "in_force"
    assert len(merged.evidence) == 2


def test_embargoes_by_other_bodies_or_of_other_kinds_stay_apart() -> None:
    unsc = _embargo(EMBARGO_SENTENCE)
    eu = _embargo(EMBARGO_SENTENCE, imposed_by="EU", imposed_by_text="الاتحاد الأوروبي")
    assets = _embargo(EMBARGO_SENTENCE, kind="assets")
    assert len(merged_embargoes([unsc, eu, assets])) == 3


def test_imposers_named_only_in_words_keep_their_embargoes_apart() -> None:
    sentence = "وفرضت وزارة الخزانة وهيئة الرقابة المالية عقوبات على شبكة لتهريب الوقود"
    fields = {"target": None, "target_text": "شبكة لتهريب الوقود", "imposed_by": None}
    treasury = _embargo(sentence, **fields, imposed_by_text="وزارة الخزانة")
    regulator = _embargo(sentence, **fields, imposed_by_text="هيئة الرقابة المالية")
    again = _embargo(sentence, **fields, imposed_by_text="وزارة الخزانه", resolutions=["2231"])
    merged = merged_embargoes([treasury, regulator, again])
    assert [e.imposed_by_text for e in merged] == ["وزارة الخزانة", "هيئة الرقابة المالية"]
    assert merged[0].resolutions == ["1970", "2231"], "the same imposer, its spelling normalized"


SHARIF = Delegate(name="شهباز شريف", titles=["رئيس وزراء باكستان"], country="PAK", side="host")
HAMAD = Delegate(name="أسامة سعد حمد", titles=["رئيس وزراء ليبيا"], country="LBY", side="guest")
HAFTAR = Delegate(name="خليفة أبو القاسم حفتر", titles=["المشير"], country="LBY", side="guest")


def test_the_same_meeting_from_two_chunks_unites_its_participants() -> None:
    first = Meeting(
        participants=[SHARIF, HAMAD],
        host_country="PAK",
        guest_countries=["LBY"],
        date_text="يوم الثلاثاء",
        evidence=[MEETING_SENTENCE],
    )
    second = Meeting(
        participants=[HAMAD, HAFTAR],
        guest_countries=["LBY"],
        location_text="ديوان رئاسة الوزراء",
        topics=["التعاون الدفاعي"],
        evidence=["زار رئيس الوزراء في ديوان رئاسة الوزراء اليوم"],
    )
    [merged] = merged_meetings([first, second])
    assert [person.name for person in merged.participants] == [
        "شهباز شريف",
        "أسامة سعد حمد",
        "خليفة أبو القاسم حفتر",
    ]
    assert (merged.host_country, merged.location_text) == ("PAK", "ديوان رئاسة الوزراء")
    assert merged.topics == ["التعاون الدفاعي"]
    assert len(merged.evidence) == 2


def test_meetings_on_other_dates_or_with_other_people_stay_apart() -> None:
    tuesday = Meeting(participants=[SHARIF, HAMAD], host_country="PAK", date="2025-10-07")
    later = tuesday.model_copy(update={"date": "2025-11-02"})
    others = Meeting(participants=[HAFTAR], host_country="PAK", guest_countries=["LBY"])
    assert len(merged_meetings([tuesday, later, others])) == 3


def test_a_visits_stops_at_other_places_or_with_other_hosts_stay_apart() -> None:
    """`وزار قائد الجيش الإندونيسي مقر البحرية … كما التقى قائد القوات الجوية في مقر القوات
    الجوية`: the same guest on one visit meets other hosts in other places."""
    guest = Delegate(name="أغوس سوبيانتو", titles=["قائد الجيش الإندونيسي"], side="guest")
    navy = Delegate(name="محمد علي", titles=["قائد البحرية"], side="host")
    air = Delegate(name="طارق أحمد", titles=["قائد القوات الجوية"], side="host")
    at_navy = Meeting(
        participants=[guest, navy],
        host_country="PAK",
        guest_countries=["IDN"],
        location_text="مقر البحرية",
    )
    at_air_force = at_navy.model_copy(
        update={"participants": [guest, air], "location_text": "مقر القوات الجوية"}
    )
    assert len(merged_meetings([at_navy, at_air_force])) == 2
    no_places = [m.model_copy(update={"location_text": None}) for m in (at_navy, at_air_force)]
    assert len(merged_meetings(no_places)) == 2
    same_place = at_navy.model_copy(update={"location_text": "مقر البحرية في كراتشي"})
    assert len(merged_meetings([at_navy, same_place])) == 1


def test_an_article_names_the_host_two_ways_in_two_chunks() -> None:
    """`استقبل الرئيس الأمريكي دونالد ترامب … وقال ترمب`: one host, one meeting."""
    guest = Delegate(name="تميم بن حمد آل ثاني", side="guest")
    first = Meeting(participants=[Delegate(name="دونالد ترامب", side="host"), guest])
    later = Meeting(participants=[Delegate(name="ترمب", side="host")], date_text="الثلاثاء")
    [merged] = merged_meetings([first, later])
    assert merged.date_text == "الثلاثاء"


def test_two_hosts_of_one_family_receive_the_guest_apart() -> None:
    """The emir and the crown prince of Kuwait share two words of their names, in another order."""
    guest = Delegate(name="محمد بن سلمان", side="guest")
    emir = Meeting(participants=[guest, Delegate(name="صباح الأحمد الصباح", side="host")])
    heir = Meeting(participants=[guest, Delegate(name="نواف الأحمد الجابر الصباح", side="host")])
    assert len(merged_meetings([emir, heir])) == 2
