"""Persons named with a title or listed in a delegation, on real news sentences."""

from __future__ import annotations

import pytest

from extractor.arabic.named_people import people_named

SEED_DELEGATION = (
    "وذكر بيان صادر عن مكتب رئيس الوزراء أن وفدًا ليبيًا رفيع المستوى زار رئيس الوزراء في "
    "ديوان رئاسة الوزراء اليوم، ضم رئيس الوزراء الليبي حمد، وقائد القوات المسلحة الليبية "
    "المشير خليفة أبو القاسم حفتر، ونائب القائد العام الفريق أول ركن صدام خليفة حفتر."
)
SAUDI_DELEGATION = (
    'ويضم الوفد المرافق أيضا وفقا للوكالة، "معالي المستشار في الديوان الملكي المشرف العام على '
    "مكتب سمو وزير الدفاع الأستاذ فهد العيسى ومعالي وزير الدولة لشؤون أفريقيا الأستاذ أحمد "
    'قطان ومعالي رئيس هيئة الأركان العامة الفريق أول ركن فياض الرويلي."'
)


def _names(text: str) -> list[str]:
    return [person.name for person in people_named(text, (0, len(text)))]


def test_a_delegation_list_gives_each_name_without_its_post() -> None:
    assert _names(SEED_DELEGATION) == ["حمد", "خليفة أبو القاسم حفتر", "صدام خليفة حفتر"]


def test_names_after_honorifics_and_ranks_with_family_names_that_carry_the_article() -> None:
    assert _names(SAUDI_DELEGATION) == ["فهد العيسى", "أحمد قطان", "فياض الرويلي"]


def test_the_title_before_a_name_is_kept_as_written() -> None:
    text = "استقبل الرئيس عبد الفتاح السيسي وزير الدفاع الأمريكي لويد أوستن في القاهرة."
    people = people_named(text, (0, len(text)))
    assert [(p.name, p.titles) for p in people] == [
        ("عبد الفتاح السيسي", ("الرئيس",)),
        ("لويد أوستن", ("وزير الدفاع الأمريكي",)),
    ]
    assert all(text[p.span[0] : p.span[1]] == p.name for p in people)


def test_a_list_of_names_without_titles_after_a_delegation_marker() -> None:
    text = "وضم الوفد الزائر خالد عبد الرحمن، وسامي يوسف الحربي، وماجد علي."
    assert _names(text) == ["خالد عبد الرحمن", "سامي يوسف الحربي", "ماجد علي"]


def test_posts_without_names_groups_and_verbs_are_no_persons() -> None:
    text = (
        "وصل ولي عهد أبوظبي يصل موسكو، وحضر اللقاء عدد من المسؤولين والوفد المرافق، كما "
        "شارك رئيس هيئة الأركان المشتركة في المباحثات."
    )
    assert _names(text) == []


def test_a_verb_in_the_future_and_an_indefinite_adverb_end_or_make_no_name() -> None:
    text = (
        "وقال الرئيس الأمريكي دونالد ترامب إن العاهل السعودي الملك سلمان بن عبد العزيز سيزور "
        "واشنطن، مضيفا أن الرئيس طابعًا خاصًا للعلاقة."
    )
    assert _names(text) == ["دونالد ترامب", "سلمان بن عبد العزيز"]


def test_a_place_named_after_a_person_names_no_participant() -> None:
    text = (
        "ووصل ولي العهد إلى مطار الملك عبدالعزيز الدولي بجدة، وكان في استقباله أمير منطقة "
        "مكة المكرمة الأمير خالد الفيصل."
    )
    assert _names(text) == ["خالد الفيصل"]


def test_a_name_after_its_title_and_a_comma_and_a_given_name_spelled_as_a_post() -> None:
    text = (
        "استقبل العاهل السعودي الملك سلمان بن العزيز، الثلاثاء، بمكتبه في قصر اليمامة بالعاصمة "
        "الرياض، وزير الخارجية الأميركي، مايك بومبيو. وحضر اللقاء ووزير الدولة عضو مجلس "
        "الوزراء، مساعد بن محمد العيبان."
    )
    people = people_named(text, (0, len(text)))
    assert [(p.name, p.titles) for p in people] == [
        ("سلمان بن العزيز", ("العاهل السعودي الملك",)),
        ("مايك بومبيو", ("وزير الخارجية الأميركي",)),
        ("مساعد بن محمد العيبان", ("عضو مجلس الوزراء",)),
    ]


def test_no_name_after_a_title_and_a_comma_where_a_clause_follows() -> None:
    text = "وصرح مدير عام الخطوط السعودية، بأنه تم تزويد الطائرات بمقاعد جديدة، ونظيره، الثلاثاء."
    assert _names(text) == []


def test_a_delegation_that_gives_each_name_before_its_post() -> None:
    text = (
        "ويرافق ولي عهد أبوظبي وفد يضم الشيخ طحنون بن زايد مستشار الأمن الوطني، وأنور قرقاش "
        "وزير الدولة للشؤون الخارجية، وعلي بن حماد الشامسي نائب الأمين العام للمجلس الأعلى "
        "للأمن الوطني."
    )
    people = people_named(text, (0, len(text)))
    assert [(p.name, p.titles) for p in people] == [
        ("طحنون بن زايد", ("الشيخ",)),
        ("أنور قرقاش", ("وزير الدولة للشؤون الخارجية",)),
        ("علي بن حماد الشامسي", ("نائب الأمين العام للمجلس الأعلى للأمن الوطني",)),
    ]
    assert all(text[p.span[0] : p.span[1]] == p.name for p in people)


def test_persons_after_an_attendance_word_carry_it_and_those_before_do_not() -> None:
    text = (
        "استقبل الرئيس عبد الفتاح السيسي وزير الدفاع الأمريكي لويد أوستن، وحضر اللقاء وزير "
        "الخارجية سامح شكري."
    )
    marked = {
        p.name: p.marker and text[p.marker[0] : p.marker[1]]
        for p in people_named(text, (0, len(text)))
    }
    assert marked == {"عبد الفتاح السيسي": None, "لويد أوستن": None, "سامح شكري": "وحضر"}


NO_NAME_AFTER_THE_POST = (
    "التقى وزير الخارجية المصري أثناء زيارته إلى روما رئيس الوزراء الإيطالي.",
    "واجتمع رئيس الوزراء العراقي إثر وصوله إلى عمان بالعاهل الأردني.",
    "واستقبل الرئيس التونسي وزير الدفاع الجزائري وتحدثا عن أمن الحدود.",
    "واستقبل رئيس الوزراء الإسباني نظيره البرتغالي وبحثا سبل التعاون، ثم عقدا مؤتمرا صحفيا.",
    "وكان وزير الدفاع الأردني عقب الاجتماع قد أعلن موافقة بلاده.",
    "وبحث رئيس الوزراء مع وزير الداخلية الإيطالي ظاهرة الهجرة غير الشرعية.",
    "وأقيمت لرئيس الوزراء الهندي مراسم استقبال رسمية في القصر.",
    "الرئيس المصري والعاهل الأردني يستعرضان هاتفيا الأوضاع الإقليمية.",
    "والتقى الرئيس التونسي وزير خارجية الجزائر وجرى خلال اللقاء بحث العلاقات.",
)
"""Time links, counterparts, the verbs two sides share, news verbs and nouns after a post."""


@pytest.mark.parametrize("text", NO_NAME_AFTER_THE_POST)
def test_words_that_follow_a_post_in_news_writing_are_no_names(text: str) -> None:
    assert _names(text) == []


def test_a_post_continued_by_affairs_keeps_the_name_after_it() -> None:
    text = "واستقبل نائب رئيس الوزراء وزير الخارجية وشؤون المغتربين أيمن الصفدي نظيره القبرصي."
    assert _names(text) == ["أيمن الصفدي"]
    text = (
        "ويرأس الوفد المغربي وزير الخارجية ناصر بوريطة، ويشارك به وزير الداخلية عبد الوافي لفتيت."
    )
    assert _names(text) == ["ناصر بوريطة", "عبد الوافي لفتيت"]
