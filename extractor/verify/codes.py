"""ISO country codes and imposing bodies: named in the fact's own surface text, else in its
evidence, else anywhere in the source; contradicted when the fact's own text names another."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from extractor.arabic import country_aliases
from extractor.arabic.countries import CountryMention, body_for, cldr_names, country_for, is_iso3
from extractor.arabic.meeting_words import ENVOY_WORDS, POSTED_IN
from extractor.arabic.normalize import normalize_text
from extractor.arabic.titles import object_post_start
from extractor.schemas import Check, CheckStatus
from extractor.schemas.roles import CODE_TEXTS
from extractor.verify.checks import contradicted, found, show, unsupported
from extractor.verify.source import Source, Span
from extractor.verify.surface import FUZZY_FIELDS
from extractor.verify.walk import Leaf


def check_country(leaf: Leaf, source: Source) -> Check:
    """An ISO3 code must be named by the fact's own text, its evidence, or the source."""
    code = str(leaf.value)
    others: list[tuple[OwnText, CountryMention]] = []
    for own in _own_texts(leaf, source):
        for mention in source.countries_in(own.span):
            if _posted_to(own, mention, source):
                continue
            if mention.iso3 == code:
                span = (mention.start, mention.end)
                return found(leaf, own.status, span, source, f"{code} is named in {own.field}")
            if _states_another(own, mention, code):
                others.append((own, mention))
    if others:
        own, first = others[0]
        named = sorted({mention.iso3 for _, mention in others})
        return contradicted(
            leaf,
            f"{leaf.label} {code} but {own.field} {show(own.text)} names {', '.join(named)}",
            (first.start, first.end),
            source,
        )
    for sentence in source.evidence_sentences(leaf.fact.evidence):
        for mention in source.countries_in(sentence):
            if mention.iso3 == code:
                span = (mention.start, mention.end)
                return found(leaf, "normalized", span, source, f"{code} is named in the evidence")
    for mention in source.countries:
        if mention.iso3 == code:
            span = (mention.start, mention.end)
            return found(leaf, "normalized", span, source, f"{code} is named in the text")
    for own in _own_texts(leaf, source):
        if spelled_like(own.text) == code:
            message = f"{code} is {own.field} {show(own.text)}, another spelling of its name"
            return found(leaf, "fuzzy", own.span, source, message)
    return unsupported(leaf, f"{leaf.label} {code}: no name of that country is in the text")


SPELLING_SIMILARITY = 88.0
"""Least `fuzz.ratio` between a transliterated state name and another spelling of it
(`ليخنيشتاين` / `ليختنشتاين` 90, `لوكسمبورج` / `لوكسمبورغ` 88.9); different states score
lower (`البانيا` / `المانيا`, `ايرلندا` / `ايسلندا` 85.7)."""

SPELLING_LETTERS = 7
"""Fewest letters of a state name read by its spelling: shorter names differ by one letter
from other states' (`ليبيا`, `ليبيريا`)."""


@cache
def _state_names() -> tuple[tuple[str, str], ...]:
    """(iso3, normalized name) for every state name of CLDR and the alias table."""
    names = list(cldr_names())
    names += [(iso3, name) for iso3, spelled in country_aliases.NAMES.items() for name in spelled]
    return tuple((iso3, normalize_text(name)) for iso3, name in names)


def spelled_like(text: str) -> str | None:
    """The state a text names in another spelling of a long transliterated name (`ليخنيشتاين`
    for Liechtenstein): closest to that state's name and to no other's, and naming no state
    itself; None otherwise."""
    key = normalize_text(text.strip())
    if len(key) < SPELLING_LETTERS or country_for(text) is not None:
        return None
    scored = sorted(
        (
            (fuzz.ratio(key, name), iso3)
            for iso3, name in _state_names()
            if len(name) >= SPELLING_LETTERS
        ),
        reverse=True,
    )
    if not scored or scored[0][0] < SPELLING_SIMILARITY:
        return None
    rivals = {iso3 for score, iso3 in scored if score >= SPELLING_SIMILARITY}
    return scored[0][1] if len(rivals) == 1 else None


NAMES_ONLY_SUPPORT = frozenset({"name"})
"""Fields that support a code but never contradict it: a person's name uses demonyms as given
and family names (`تركي بن محمد`, `فيصل المصري`)."""

CAPITAL_HOMOGRAPHS: dict[str, str] = {normalize_text("عمّان"): "JOR"}
"""Country names spelled like another state's capital once normalized: `عمان` is Oman and
Amman, Jordan's capital (`أمين عمان`, the mayor of Amman)."""


def _states_another(own: OwnText, mention: CountryMention, code: str) -> bool:
    """True when a state named in a fact's own text contradicts `code`: not in a name, not a
    homograph of that state's capital."""
    if own.field in NAMES_ONLY_SUPPORT:
        return False
    return CAPITAL_HOMOGRAPHS.get(normalize_text(mention.surface)) != code


def _posted_to(own: OwnText, mention: CountryMention, source: Source) -> bool:
    """True when a post names the state it is held in, not the state of its holder: after
    `لدى` or `إلى`, or with `لـ` after an envoy (`مبعوث الملك للمملكة العربية السعودية`)."""
    sentence = source.sentence_of(own.span[0])
    before = [
        word
        for word in source.words_in((sentence[0], mention.start))
        if own.span[0] < word.end <= mention.start
    ]
    stems = [word.stems for word in before]
    if stems and POSTED_IN.values(stems[-1:]):
        return True
    clitic = source.text[before[-1].end if before else own.span[0] : mention.start].strip()
    marked = "ل" in clitic or normalize_text(mention.surface).startswith("لل")
    return marked and bool(ENVOY_WORDS.values(stems))


def check_imposed_by(leaf: Leaf, source: Source) -> Check:
    """`imposed_by`: a state as any ISO3 code, or a body (UNSC, EU, AU, AL) that its own text
    names, else that an evidence sentence names (and no other body there)."""
    code = str(leaf.value)
    if is_iso3(code):
        return check_country(leaf, source)
    for own in _own_texts(leaf, source):
        body = body_for(own.text)
        if body == code:
            return found(
                leaf, own.status, own.span, source, f"{code} is {own.field} {show(own.text)}"
            )
        states = sorted({m.iso3 for m in source.countries_in(own.span)})
        if body is not None or states:
            named = body or ", ".join(states)
            return contradicted(
                leaf,
                f"imposed_by {code} but {own.field} {show(own.text)} names {named}",
                own.span,
                source,
            )
    for sentence in source.evidence_sentences(leaf.fact.evidence):
        if body_for(source.at(sentence)) == code:
            return found(leaf, "normalized", sentence, source, f"{code} is named in the evidence")
    return unsupported(
        leaf, f"imposed_by {code}: neither imposed_by_text nor the evidence names it"
    )


@dataclass(frozen=True, slots=True)
class OwnText:
    """A surface string of the code's own model, located in the source."""

    field: str
    text: str
    span: Span
    status: CheckStatus
    """`exact` when the string is in the source verbatim, else `normalized`."""


def _own_texts(leaf: Leaf, source: Source) -> Iterator[OwnText]:
    """The located surface strings of the code's own model; of a title copied across a verb,
    the object's part only (`titles.object_post_start`)."""
    for field in CODE_TEXTS.get(leaf.field, ()):
        value = getattr(leaf.holder, field)
        for text in value if isinstance(value, list) else [value]:
            if text is None:
                continue
            if field == "titles":
                text = text[object_post_start(text) :]
            match = source.locate(text, fuzzy=field in FUZZY_FIELDS)
            if match is not None:
                status: CheckStatus = "exact" if match.status == "exact" else "normalized"
                yield OwnText(field, text, (match.start, match.end), status)
