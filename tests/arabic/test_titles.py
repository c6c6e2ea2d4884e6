"""Names apart from posts and honorifics, on delegates as a small model wrote them."""

from __future__ import annotations

import pytest

from extractor.arabic.titles import object_post_start, split_person


@pytest.mark.parametrize(
    ("name", "titles", "expected"),
    [
        (
            "العاهل السعودي الملك سلمان بن عبد العزيز",
            ["العاهل"],
            ("سلمان بن عبد العزيز", ["العاهل السعودي", "الملك", "العاهل"]),
        ),
        (
            "وزير الداخلية الأمير عبد العزيز بن سعود بن نايف",
            ["وزير الداخلية"],
            ("عبد العزيز بن سعود بن نايف", ["وزير الداخلية", "الأمير"]),
        ),
        (
            "مدير عام الخطوط الجوية العربية السعودية المهندس صالح بن ناصر الجاسر",
            [],
            ("صالح بن ناصر الجاسر", ["مدير عام الخطوط الجوية العربية السعودية", "المهندس"]),
        ),
        ("الرئيس الأمريكي دونالد ترامب", [], ("دونالد ترامب", ["الرئيس الأمريكي"])),
        ("الشيخ محمد بن زايد", ["ولي عهد أبوظبي"], ("محمد بن زايد", ["الشيخ", "ولي عهد أبوظبي"])),
        ("وزير الخارجية عادل الجبير", ["وزير الخارجية"], ("عادل الجبير", ["وزير الخارجية"])),
        (
            "خالد العطية",
            ["وزير الدولة لشؤون الدفاع خالد العطية"],
            ("خالد العطية", ["وزير الدولة لشؤون الدفاع"]),
        ),
    ],
)
def test_posts_and_honorifics_leave_the_name(
    name: str, titles: list[str], expected: tuple[str, list[str]]
) -> None:
    assert split_person(name, titles) == expected


def test_a_post_in_the_name_swaps_with_the_name_in_the_titles() -> None:
    assert split_person("رئيس وزراء ليبيا", [" الدكتور أسامة سعد حمد"]) == (
        "أسامة سعد حمد",
        ["رئيس وزراء ليبيا", "الدكتور"],
    )
    assert split_person("رئيس وزراء باكستان", ["شهباز شريف"]) == (
        "شهباز شريف",
        ["رئيس وزراء باكستان"],
    )


@pytest.mark.parametrize(
    ("name", "titles"),
    [
        ("جيم ماتيس", ["وزير الدفاع الأمريكي"]),
        ("عدد من المسؤولين بالمؤسسة", ["مسؤولين بالمؤسسة"]),
        ("وزير الخارجية", ["وزير الدفاع"]),
        ("لي عهد أبوظبي", ["لي عهد"]),
        (None, ["وزير الدفاع"]),
    ],
)
def test_what_is_already_apart_stays(name: str | None, titles: list[str]) -> None:
    assert split_person(name, titles) == (name, titles)


@pytest.mark.parametrize(
    ("title", "tail"),
    [
        ("وزير الدفاع التركي بقائد الجيش الوطني الصومالي", "بقائد الجيش الوطني الصومالي"),
        ("نائب رئيس الوزراء الأردني برئيس مجلس الشورى", "برئيس مجلس الشورى"),
        ("رئيس وزراء باكستان", "رئيس وزراء باكستان"),
        ("سفير بلاده بالقاهرة", "سفير بلاده بالقاهرة"),
    ],
)
def test_a_title_copied_across_a_verb_is_the_object_s_from_its_post_behind_bi(
    title: str, tail: str
) -> None:
    assert title[object_post_start(title) :] == tail
