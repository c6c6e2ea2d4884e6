"""Arms items as whole records: the designation must be a weapon system, and `category` must
agree with the weapon words around it (docs/contract.md, rule 3 and "What gets a check")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from extractor.arabic.countries import country_named
from extractor.arabic.lexicon import Word, phrase_words
from extractor.arabic.weapons import (
    AIRCRAFT_KINDS,
    BANS,
    COMPATIBLE,
    MODEL_WORDS,
    SYSTEMS,
    WEAPON_NOUNS,
    categories,
    designation_category,
    is_airliner,
    names_weapon,
)
from extractor.schemas import ArmsItem, Check, Document
from extractor.verify.checks import finding, show
from extractor.verify.mentions import after_conjunction
from extractor.verify.source import Source, Span

WINDOW_WORDS = 6
"""Most words before a designation that can describe it (`16 طائرة مقاتلة من طراز`)."""


def check_items(document: Document, source: Source) -> Iterator[Check]:
    """A finding per item that is no weapon system, and a check per category its words name."""
    for d, deal in enumerate(document.arms_deals):
        for i, item in enumerate(deal.items):
            path = f"arms_deals[{d}].items[{i}]"
            spans = source.designation_spans(item.designation)
            if not spans:
                continue
            reason = _not_a_weapon(item.designation, spans, source)
            if reason is not None:
                yield finding(
                    path,
                    item.designation,
                    "unsupported",
                    f"{show(item.designation)} is {reason}, not a weapon system: which weapon "
                    "does this deal transfer? answer with its designation as written, or null",
                )
                continue
            category = _check_category(item, f"{path}.category", spans, source)
            if category is not None:
                yield category


def _not_a_weapon(designation: str, spans: list[Span], source: Source) -> str | None:
    if country_named(designation) is not None:
        return "a state"
    if BANS.first(designation) is not None:
        return "a ban, treaty or attack"
    if is_airliner(designation):
        return "an airliner"
    words = phrase_words(designation)
    if names_weapon(designation):
        if _only_nouns_and_states(designation, words):
            return "a generic plural with a nationality"
        return None
    if any(_marked_as_model(source, span) for span in spans):
        return None
    return "no weapon named in words or by a designation"


def _only_nouns_and_states(designation: str, words: Sequence[frozenset[str]]) -> bool:
    """`الطائرات السعودية`: weapon nouns and a demonym, and nothing that names one system."""
    if designation_category(designation) is not None:
        return False
    covered = {at for start, end, _ in WEAPON_NOUNS.scan(words) for at in range(start, end)}
    rest = [word for at, word in enumerate(words) if at not in covered]
    return bool(rest) and all(any(country_named(stem) for stem in word) for word in rest)


def _marked_as_model(source: Source, span: Span) -> bool:
    """True when the words right before the designation call it a model (`من طراز`) or name
    the weapon it is a model of (`لدبابات "أبرامز إم 1 إيه 1"`, `الفرقاطات الفرنسية "فريم"`)."""
    sentence = source.sentence_of(span[0])
    before = source.words_in((sentence[0], span[0]))[-2:]
    stems = [word.stems for word in before]
    return (
        any(not word.isdisjoint(MODEL_WORDS) for word in stems)
        or bool(SYSTEMS.values(stems))
        or any(value != "other" for value in WEAPON_NOUNS.values(stems))
    )


def _check_category(item: ArmsItem, path: str, spans: list[Span], source: Source) -> Check | None:
    """The category against the weapon words; `other` claims nothing (it is what `--strict`
    writes for a contradicted category), so it gets no check."""
    if item.category == "other":
        return None
    named: set[str] = set()
    where: Span | None = None
    own = designation_category(item.designation)
    for span in spans:
        words = _item_words(source, span)
        found = categories(word.stems for word in words)
        if own is not None:
            found = {own} | (set() if found == AIRCRAFT_KINDS else found)
        if found and words and where is None:
            where = (words[0].start, words[-1].end)
        named |= found
    if not named or where is None:
        return None
    fits = named | {c for name in named for c in COMPATIBLE.get(name, ())}
    if item.category in fits:
        return finding(
            path,
            item.category,
            "exact",
            f"{item.category} is named by the weapon words",
            where,
            source,
        )
    return finding(
        path,
        item.category,
        "contradicted",
        f"category {item.category} but the words around {show(item.designation)} name "
        f"{', '.join(sorted(named))}: which category is it? answer with one of those",
        where,
        source,
    )


def _item_words(source: Source, span: Span) -> list[Word]:
    """The designation's words, the describing words before it (back to a count, an earlier
    designation or a conjunction that begins this item: `24 طائرة وفرقاطة`, `فرقاطة فريم
    وبطائرات رافال`) and an adjective
    right after it (`إف 16 بلوك 70 القتالية`)."""
    sentence = source.sentence_of(span[0])
    earlier = [end for start, end in source.designations if end <= span[0] and start >= sentence[0]]
    floor = max([sentence[0], *earlier])
    before: list[Word] = []
    window = [] if after_conjunction(source, span) else source.words_in((floor, span[0]))
    for word in reversed(window[-WINDOW_WORDS:]):
        if any(stem.isdigit() for stem in word.stems):
            break
        before.insert(0, word)
        if _joined(source, word):
            break
    own = source.words_in(span)
    after = [
        word
        for word in source.words_in((span[1], sentence[1]))[:1]
        if source.text[word.start : word.end].lstrip("و").startswith("ال")
    ]
    return [*before, *own, *after]


def _joined(source: Source, word: Word) -> bool:
    """True for a weapon word that carries the conjunction `و` (`وبطائرات`): it begins this
    item, and the words before it describe another."""
    return source.text[word.start] == "و" and bool(categories([word.stems]))
