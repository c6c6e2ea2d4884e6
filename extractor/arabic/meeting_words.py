"""Words that attach people to a meeting: a delegation list or an attendance phrase.

The meeting's own verbs and nouns are the triggers' (`استقبل`, `زيارة`, `مباحثات`); these are
the words that list who took part (`وضم الوفد`, `بحضور`, `ورافقه`, `من الجانب`).
"""

from __future__ import annotations

from extractor.arabic.lexicon import phrase_words, word_set

_ATTENDANCE = ("حضر", "بحضور", "حضور", "حضرها", "حضره", "شارك", "يشارك", "شاركت")

DELEGATION_MARKERS = word_set(
    "ضم", "يضم", "تضم", "ضمت", "يرافق", "يرافقه", "ترافق", "رافق", "رافقه", "رافقها",
    "المرافق", "المرافقة", "مشاركة", "الجانب", "برئاسة", "يرأس", "ترأس", "رأس", "يترأس",
    "يتقدمهم", "وفد", "عن الجانب", "بمعية", "برفقة", *_ATTENDANCE,
)  # fmt: skip
"""Delegation and attendance words. Leaves out `مع` (it joins any two nouns) and `كما`."""

RECEIVING_VERBS = word_set(
    "استقبل", "يستقبل", "استقبلت", "تستقبل", "استضاف", "يستضيف", "استضافت", "تستضيف", "رحب",
    "يرحب", "رحبت", "ترحب",
)  # fmt: skip
"""Verbs whose agent receives the meeting's other side: the host."""

VISITING_VERBS = word_set(
    "زار", "يزور", "زارت", "تزور", "زاروا", "وصل", "يصل", "وصلت", "تصل", "وصلوا",
)  # fmt: skip
"""Verbs whose agent comes to the meeting's other side: a guest."""

VISIT_NOUNS = word_set(
    "زيارة", "زيارته", "زيارتها", "زيارتهم", "زيارتي", "زيارات", "جولة", "جولته", "جولتها",
)  # fmt: skip
"""Nouns of a visit, whose destination (`زيارته الرسمية للكويت`) is the host."""

RECEPTION_NOUNS = word_set("استقبال", "استقباله", "استقبالها", "استقبالهم", "استقبالهما")
"""Nouns of a reception: a passive agent after one (`استقباله من قبل أمير الكويت`) hosts, and
the persons listed after one led by `في` (`وكان في استقباله …`) are the receiving side."""

PASSIVE_AGENTS = word_set("من قبل", "من طرف")
"""The words that bring in a passive noun's agent (`استقباله من قبل …`)."""

RECEPTION_LEADS = word_set("في")
"""The preposition before a reception noun that lists its receivers (`وكان في استقباله`)."""

RECEIVERS = word_set("مستقبليه", "مستقبليها", "مستقبليهم", "مستقبليهما")
"""`his receivers`: the persons listed after it (`وكان في مقدمة مستقبليه …`) receive."""

DESTINATION_WORDS = word_set("إلى")
"""Prepositions that lead to a visit's destination (`وصل … إلى الرياض`); `ل` is a clitic."""

CLAUSE_OPENERS = word_set("و", "ف", "قد", "وقد", "لقد", "كما", "حيث", "ثم", "كان", "وكان", "إذ")
"""Words that may stand before a verb that opens its clause (`وقد استقبل`, `كما زار`)."""

DELEGATION_NOUNS = word_set("وفد", "وفدا", "وفود", "بعثة")
"""Nouns that head a delegation (`وفد ليبي رفيع المستوى`): a demonym after one names the
delegation's state, or it is that of the person it accompanies (`الوفد المرافق لولي العهد`)."""

_POSTED_IN = ("لدى", "إلى")

POSTED_IN = word_set(*_POSTED_IN)
"""Words before the state a post is held in rather than for (`سفير مصر لدى فرنسا`)."""

POSTED_TO = word_set(*_POSTED_IN, "في", "لشؤون")
"""Words after which a title names where a post serves, not whom it represents (`سفير الإمارات
لدى روسيا`, `المبعوث الأممي إلى ليبيا`)."""

ENVOY_WORDS = word_set("سفير", "مبعوث", "ممثل", "مندوب", "قنصل")
"""Posts held in another state: a state with `لـ` after one is where its holder is sent
(`مبعوث الملك للمملكة العربية السعودية`)."""

COUNTERPARTS = word_set("نظير", "نظيره", "نظيرته", "نظيرها", "نظراء", "نظرائه")
"""Words that refer to a participant by the post they share with another (`نظيرته الفرنسية`)."""

SIDE_NOUNS = word_set("الجانب")
"""The noun of a side, whose state is named right after it (`وفي الجانب الأميركي، حضر …`)."""

ATTENDANCE = word_set(*_ATTENDANCE)
"""Words that list who attended: after a delegation, they list others than its members
(`استقبل وفدا ليبيا، وحضر اللقاء وزير الخارجية …`)."""


OCCASION_NOUNS = word_set(
    "مؤتمر", "مؤتمرا", "هاتفي", "هاتفيا", "اتصال", "اتصالا", "مكالمة", "مستهل", "ختام", "بداية",
    "نهاية", "إطار", "خلال", "أثناء", "زيارة", "جولة", "مناسبة", "هامش", "لقاء", "اجتماع",
    "مباحثات", "محادثات",
)  # fmt: skip
"""Nouns that head an occasion, a call or a time, never a place (`مؤتمر صحفي`, `اتصال هاتفي`,
`مستهل زيارة`, `على هامش القمة`). Leaves out `قمة`, which news also uses for where it meets."""

PLACE_PREPOSITIONS = word_set("في", "على", "لدى")
"""Words a copied place may begin with (`في روما`, `على هامش`)."""


def occasion_head(phrase: str) -> str | None:
    """The occasion noun a phrase given as a place begins with, after a preposition, if any."""
    words = phrase.split()
    if words and PLACE_PREPOSITIONS.first(words[0]):
        words = words[1:]
    if words and OCCASION_NOUNS.values(phrase_words(words[0])):
        return words[0]
    return None
