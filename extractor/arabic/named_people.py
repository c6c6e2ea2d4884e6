"""People an article names with a title, or lists in a delegation: the persons a meeting's
answer should account for.

Arabic news writes a person as post, honorific, then name (`وزير الخارجية الأستاذ عادل
الجبير`), and lists a delegation after a marker, the persons apart by `،` or by `و` before the
next post (`ضم رئيس الوزراء الليبي حمد، وقائد القوات المسلحة المشير خليفة حفتر`). A post
(`رئيس`, `وزير`) is followed by its complement up to the first word with the article or a
country (`رئيس هيئة الأركان`, `رئيس وزراء باكستان`), then adjectives (`العامة`, `الليبي`); an
honorific (`الأمير`, `الدكتور`) stands right before the name, or after a comma in apposition
(`وزير الخارجية الأميركي، مايك بومبيو`). The name runs to a comma, a conjunction before another
post, a function word or a time word. A delegation list may also give the name first and the post
after it (`وأنور قرقاش وزير الدولة للشؤون الخارجية`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import zip_longest

import regex

from extractor.arabic.countries import country_mentions
from extractor.arabic.institutions import is_body, is_generic_reference
from extractor.arabic.lexicon import phrase_words
from extractor.arabic.meeting_words import DELEGATION_MARKERS
from extractor.arabic.names import proclitic_splits
from extractor.arabic.normalize import normalize_text, normalized_words
from extractor.arabic.place_names import is_place_head
from extractor.arabic.titles import HONORIFICS, POSTS
from extractor.arabic.triggers import kinds_mentioned

Span = tuple[int, int]


MORE_HONORIFICS = normalized_words(
    "الأستاذ", "الأستاذة", "الجنرال", "الأدميرال", "العماد", "المارشال", "الحاج", "القاضي",
)  # fmt: skip
"""Honorifics and ranks before a name that `titles.HONORIFICS` does not list."""

RANK_TAILS = normalized_words("أول", "ركن", "بحري", "طيار", "ثان")
"""Words that end a military rank (`الفريق أول ركن`): part of the title, never of the name."""

POST_LINKS = normalized_words("لشؤون", "لدى", "شؤون", "لشئون", "شئون", "وشؤون", "وشئون")
"""Words that continue a post after its complement (`وزير الدولة لشؤون أفريقيا`)."""

FILIATIONS = normalized_words("بن", "ابن", "بنت")
"""`son of`: the word before it is a given name, even one spelled as a post (`مساعد بن محمد`)."""

COMPOUND_HEADS = normalized_words("عبد", "أبو")
"""Words a name writes together with the next or apart (`عبد العزيز`, `عبدالعزيز`)."""

JOINERS = FILIATIONS | COMPOUND_HEADS | normalized_words("أبي", "آل", "ولد", "أبا")
"""Words inside a name after which a word with the article is still the name (`عبد الله`,
`آل الشيخ`, `أبو القاسم`)."""

STOP_WORDS = normalized_words(
    "في", "من", "إلى", "على", "عن", "مع", "خلال", "حيث", "الذي", "التي", "الذين", "أن",
    "كما", "لدى", "عند", "بين", "منذ", "حول", "بعد", "قبل", "ثم", "أو", "وذلك", "قد",
    "لقد", "كان", "كانت", "هو", "هي", "يوم", "اليوم", "أمس", "غدا", "الأحد", "الاثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "صباح", "مساء", "الماضي", "المقبل",
    "الجاري", "أيضا", "نيابة", "بحضور", "برئاسة", "وفد", "الوفد", "عدد", "عددا", "كلا", "كل",
    "جميع", "بعض", "الجانب", "الجانبين", "الجانبان", "حتى", "ضد", "قال", "يقول", "أكد", "يؤكد",
    "أعلن", "يعلن", "أشار", "يشير", "أضاف", "شدد", "أعرب", "أجرى", "يجري", "تلقى", "يتلقى", "وصل",
    "يصل", "وصلت", "غادر", "يغادر", "توجه", "يتوجه", "شن", "يشن", "أصبح", "يبقى", "وفقا", "طبقا",
    "حسب", "بحسب", "إنه", "إنها", "باسم", "بأن", "بأنه", "بأنها", "لأن", "لأنه",
    "لأنها", "تم", "يتم", "أثناء", "إثر", "عقب", "نظيره", "نظيرها", "نظيرته", "نظيريه", "جرى",
    "جدد", "يجدد", "تضمنت", "تضمن", "يتضمن", "شارك", "يشارك", "تشارك", "يستعرض", "يستعرضان",
    "يبحثان", "يناقشان", "مراسم", "ظاهرة", "تحدثا", "بحثا", "ناقشا", "أكدا", "اتفقا", "تبادلا",
    "عقدا", "شددا", "أعربا", "التقيا", "استعرضا", "وقعا", "تناولا", "أجريا",
)  # fmt: skip
"""Words that end a name or stand where no name is: prepositions, conjunctions, times,
references to a group or a counterpart (`نظيره`), the verbs two sides share (`وتحدثا`). The
words of the fact kinds (`يستقبل`, `لبحث`, `طائرة`) end one too."""

_ALA = normalize_text("على")
_MAX_NAME_WORDS = 7
_MAX_COMPLEMENT_WORDS = 4
_MIN_APPOSITION_WORDS = 2
"""A name after a title and a comma has at least two words: one word there is a pronoun or a
noun (`نظيره`), rarely a person."""
_COMMAS = frozenset("،,")
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]")


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person as the article names them: the name and the titles before it, as written, and
    the name's ORIGINAL span."""

    name: str
    titles: tuple[str, ...]
    span: Span
    marker: Span | None = None
    """The delegation or attendance word the person is listed after (`وضم الوفد`, `وحضر`), if
    any: the article states they took part."""


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    word: str
    """Normalized; empty for punctuation."""
    clitic: int
    """Characters of a conjunction or preposition before a post or honorific (`و` in
    `ووزير`), else 0."""
    kind: str
    """`post`, `honorific`, `definite`, `country`, `stop`, `boundary` or `word`."""


@lru_cache(maxsize=8192)
def _classify(word: str) -> tuple[str, int]:
    """A normalized word's kind, and the length of the clitic in front of a post or an
    honorific."""
    for clitic, rest in proclitic_splits(word):
        if rest in HONORIFICS or rest in MORE_HONORIFICS:
            return "honorific", len(clitic)
        if rest in POSTS or (rest.startswith("ال") and rest[2:] in POSTS):
            return ("post" if not rest.startswith("ال") else "honorific"), len(clitic)
    if (
        word in STOP_WORDS
        or (word[0] in "وف" and word[1:] in STOP_WORDS)
        or kinds_mentioned(word)
        or (word[0] == "س" and kinds_mentioned(word[1:]))  # `سيزور`: a verb in the future
    ):
        return "stop", 0
    if _is_country(word):
        return "country", 0
    if word.startswith("لل") or any(
        rest.startswith("ال") and len(rest) > 3 for _, rest in proclitic_splits(word)
    ):
        return "definite", 0
    return "word", 0


def _tokens(text: str, span: Span) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text, span[0], span[1]):
        raw = match.group()
        word = normalize_text(raw) if raw[0].isalpha() else ""
        if not word:  # a digit, punctuation, or a tatweel used as a dash (`الأمير ـ خالد`)
            kind = "stop" if raw[0].isdigit() else "boundary"
            tokens.append(_Token(match.start(), match.end(), "", 0, kind))
            continue
        kind, clitic = _classify(word)
        if "\u064b" in raw:
            kind = "stop"  # tanween: an indefinite noun or adverb (`طابعًا`), never a name
        if kind == "stop" and word in (_ALA, "و" + _ALA) and raw.endswith("ي"):
            kind = "word"  # `(و)علي` is a name where the text spells it so; `على` a preposition
        if clitic and kind in ("post", "honorific"):
            clitic = _clitic_chars(raw, clitic)
        tokens.append(_Token(match.start(), match.end(), word, clitic, kind))
    return [
        _Token(token.start, token.end, token.word, 0, "word")
        if token.kind == "post" and following is not None and following.word in FILIATIONS
        else token
        for token, following in zip_longest(tokens, tokens[1:])
    ]


def _clitic_chars(raw: str, letters: int) -> int:
    """Original characters of the first `letters` letters, diacritics after them included."""
    seen = 0
    for index, char in enumerate(raw):
        if char.isalpha():
            if seen == letters:
                return index
            seen += 1
    return len(raw)


def _title_end(tokens: Sequence[_Token], index: int) -> int | None:
    """Where the title that starts at `index` ends (a post with its complement and adjectives,
    honorifics and ranks, chained), or None when a post has no complement."""
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "honorific":
            index += 1
            while index < len(tokens) and tokens[index].word in RANK_TAILS:
                index += 1
        elif token.kind == "post":
            complement = _complement_end(tokens, index + 1)
            if complement is None:
                return None
            index = complement
        else:
            return index
        index = _adjectives_end(tokens, index)
        if index < len(tokens) and tokens[index].clitic == 0 and tokens[index].kind == "post":
            return index  # another person's post: this title has no name
    return index


def _complement_end(tokens: Sequence[_Token], index: int) -> int | None:
    """After a post: its complement runs to the first word with the article or a country."""
    for offset in range(_MAX_COMPLEMENT_WORDS):
        position = index + offset
        if position >= len(tokens) or tokens[position].kind in ("boundary", "stop"):
            return None
        if tokens[position].clitic:
            return None
        if tokens[position].kind in ("definite", "country", "honorific"):
            end = position + 1
            while end + 1 < len(tokens) and tokens[end].word in POST_LINKS:
                end += 2
            return end
    return None


def _adjectives_end(tokens: Sequence[_Token], index: int) -> int:
    """Past the adjectives and coordinated nouns of a title (`العامة`, `والإرشاد`)."""
    while index < len(tokens) and tokens[index].kind in ("definite", "country"):
        index += 1
    return index


def _name_end(tokens: Sequence[_Token], index: int) -> int:
    """Where the name that starts at `index` ends (`index` when no name stands there)."""
    end = index
    while end < len(tokens) and end - index < _MAX_NAME_WORDS:
        token = tokens[end]
        joined = end > index and tokens[end - 1].word in JOINERS
        if token.kind in ("boundary", "stop", "post") or token.clitic:
            break
        if token.kind == "honorific" and not joined:
            break
        if token.kind == "country" and not joined:
            break
        if token.kind == "definite" and not joined:
            if end == index or not _ends_name(tokens, end + 1):
                break
            return end + 1  # a family name with the article (`الجبير`) ends the name
        end += 1
    return end


def _ends_name(tokens: Sequence[_Token], index: int) -> bool:
    """True when nothing, or something that no name continues into, stands at `index`."""
    if index >= len(tokens):
        return True
    token = tokens[index]
    return token.kind in ("boundary", "stop", "post", "honorific") or token.clitic > 0


def _titled_people(text: str, tokens: Sequence[_Token]) -> list[PersonMention]:
    """Every person named after a post or an honorific among the tokens."""
    people: list[PersonMention] = []
    index = 0
    while index < len(tokens):
        if tokens[index].kind not in ("post", "honorific"):
            index += 1
            continue
        start = index
        if start > 0 and is_place_head(tokens[start - 1].word):  # `مطار الملك عبدالعزيز`
            index += 1
            continue
        title_end = _title_end(tokens, index)
        if title_end is None or title_end == start:
            index += 1
            continue
        name_start = _apposition(text, tokens, title_end)
        name_end = _name_end(tokens, name_start)
        if name_end > name_start and (person := _person(text, tokens, start, title_end, name_end)):
            people.append(person)
            index = name_end
        else:
            index = title_end if title_end > start else start + 1
    return people


def _apposition(text: str, tokens: Sequence[_Token], title_end: int) -> int:
    """Where the name after a title starts: right after it, or past a comma when a name of two
    words or more stands alone there (`وزير الخارجية الأميركي، مايك بومبيو.`), not before a
    post (`مستشار الأمن، وأنور قرقاش وزير الدولة` is the next person of a list)."""
    if _name_end(tokens, title_end) > title_end or title_end >= len(tokens):
        return title_end
    if text[tokens[title_end].start : tokens[title_end].end] not in _COMMAS:
        return title_end
    end = _name_end(tokens, title_end + 1)
    closed = end >= len(tokens) or tokens[end].kind in ("boundary", "stop")
    if end - (title_end + 1) >= _MIN_APPOSITION_WORDS and closed:
        return title_end + 1
    return title_end


def _person(
    text: str, tokens: Sequence[_Token], start: int, title_end: int, name_end: int
) -> PersonMention | None:
    name_start = title_end + 1 if tokens[title_end].kind == "boundary" else title_end
    name_span = (tokens[name_start].start, tokens[name_end - 1].end)
    name = text[name_span[0] : name_span[1]]
    if not _may_name_a_person(name):
        return None
    title_start = tokens[start].start + tokens[start].clitic
    title = text[title_start : tokens[title_end - 1].end].strip()
    return PersonMention(name, (title,) if title else (), name_span)


def _may_name_a_person(phrase: str) -> bool:
    return not (is_body(phrase) or is_generic_reference(phrase) or _is_country(phrase))


def _is_country(phrase: str) -> bool:
    """True when the whole phrase, a clitic aside, names a country (`الليبي`, `بمصر`)."""
    mentions = country_mentions(phrase)
    rest = phrase.strip()
    return len(mentions) == 1 and rest.endswith(mentions[0].surface) and mentions[0].start <= 2


def _marker_end(tokens: Sequence[_Token]) -> int | None:
    """The token after the first delegation or attendance word, or None without one."""
    words = [phrase_words(token.word)[0] if token.word else frozenset() for token in tokens]
    return next((end for _, end, _ in DELEGATION_MARKERS.scan(words)), None)


def _listed_people(text: str, tokens: Sequence[_Token], marker: int) -> list[PersonMention]:
    """The persons listed without a title before their name after the delegation marker that
    ends at token `marker`: each part between commas that reads as a name alone (`وضم الوفد
    فلان الفلاني، وفلان`) or as a name and then a post (`وأنور قرقاش وزير الدولة`)."""
    people: list[PersonMention] = []
    part: list[_Token] = []
    parts = 0
    for token in [*tokens[marker:], None]:
        if token is not None and token.kind != "boundary":
            part.append(token)
            continue
        if parts == 0:  # the marker's own object comes first: `وضم الوفد الزائر فلان`
            while part and part[0].kind in ("stop", "definite", "country"):
                part.pop(0)
        if (person := _listed(text, part, conjunction=parts > 0)) is not None:
            people.append(person)
        parts += 1
        part = []
    return people


def _listed(text: str, part: Sequence[_Token], conjunction: bool) -> PersonMention | None:
    """The person one part of a list names, with the post written after the name, if any."""
    end = _name_end(part, 0)
    if not 2 <= end <= _MAX_NAME_WORDS:
        return None
    titles: tuple[str, ...] = ()
    if end < len(part):
        title_end = _title_end(part, end) if part[end].kind == "post" else None
        if title_end is None or title_end == end:
            return None
        titles = (text[part[end].start : part[title_end - 1].end],)
    skip = int(conjunction and part[0].word.startswith("و"))
    name_span = (part[0].start + skip, part[end - 1].end)
    name = text[name_span[0] : name_span[1]]
    return PersonMention(name, titles, name_span) if _may_name_a_person(name) else None


def people_named(text: str, span: Span) -> list[PersonMention]:
    """Every person `text[span]` names with a title or lists in a delegation, each once, in
    text order; those after a delegation or attendance word carry it as their marker."""
    tokens = _tokens(text, span)
    found = {person.span: person for person in _titled_people(text, tokens)}
    marker_end = _marker_end(tokens)
    if marker_end is None:
        return [found[key] for key in sorted(found)]
    for person in _listed_people(text, tokens, marker_end):
        if not any(s[0] < person.span[1] and person.span[0] < s[1] for s in found):
            found[person.span] = person
    marker = (tokens[marker_end - 1].start, tokens[marker_end - 1].end)
    return [
        replace(found[key], marker=marker) if key[0] >= marker[1] else found[key]
        for key in sorted(found)
    ]
