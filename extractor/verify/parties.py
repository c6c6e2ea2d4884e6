"""Deal parties as a whole: a buyer and a seller that differ, each named in the deal's own
sentences, in the roles the Arabic sale and purchase verbs give them (docs/contract.md, rule 3)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from extractor.arabic.countries import CountryMention
from extractor.arabic.deal_cues import (
    DEAL_NOUNS,
    GIVING_VERBS,
    OBJECT_NOUNS,
    PARTNER_WORDS,
    PLACE_WORDS,
    PURCHASE_VERBS,
    RECIPIENT_WORDS,
    SALE_VERBS,
    SOURCE_WORDS,
    SUBJECT_WORDS,
    VERBAL_NOUNS,
)
from extractor.arabic.lexicon import Lexicon, Word
from extractor.arabic.normalize import normalize_text
from extractor.arabic.weapons import SYSTEMS, WEAPON_NOUNS
from extractor.schemas import ArmsDeal, Check, Document
from extractor.verify.checks import finding
from extractor.verify.scope import deal_sentences
from extractor.verify.source import Source, Span

Role = Literal["buyer", "seller"]
Cue = Literal["sale", "purchase", "deal"]
Mark = Literal["recipient", "partner", "source", "place", ""]

AGENT_WORDS = 8
"""Most words between a verb and its agent: further off, another clause has begun."""

_CUES: tuple[tuple[Cue, Lexicon[bool]], ...] = (
    ("sale", SALE_VERBS),
    ("purchase", PURCHASE_VERBS),
    ("deal", DEAL_NOUNS),
)


@dataclass(frozen=True, slots=True)
class Reading:
    """A role that a cue word gives a state: `بيع … لقطر` makes QAT the buyer."""

    iso3: str
    role: Role
    cue: Span


def check_parties(document: Document, source: Source) -> Iterator[Check]:
    """Findings on each deal's pair: none named, one state on both sides, a party named
    outside the deal's sentences, or a pair the verbs reverse."""
    for index, deal in enumerate(document.arms_deals):
        path = f"arms_deals[{index}]"
        if not any((deal.buyer, deal.seller, deal.buyer_text, deal.seller_text)):
            yield finding(
                path,
                None,
                "unsupported",
                "the deal names neither buyer nor seller: which state buys these weapons? "
                "answer with the buyer as written, or null",
            )
            continue
        if _same_party(deal):
            yield finding(
                path,
                deal.seller_text or deal.seller,
                "contradicted",
                f"buyer and seller are both {deal.seller or deal.seller_text}: who sells the "
                "weapons in this deal? answer with the seller as written, or null",
            )
            continue
        yield from _parties_named(deal, path, source)


def _same_party(deal: ArmsDeal) -> bool:
    if deal.buyer is not None and deal.buyer == deal.seller:
        return True
    texts = (deal.buyer_text, deal.seller_text)
    return None not in texts and len({normalize_text(text or "") for text in texts}) == 1


def _parties_named(deal: ArmsDeal, path: str, source: Source) -> Iterator[Check]:
    sentences = sorted(deal_sentences(deal, source))
    named = {m.iso3 for sentence in sentences for m in source.countries_in(sentence)}
    roles: tuple[tuple[Role, str | None, str | None], ...] = (
        ("buyer", deal.buyer, deal.buyer_text),
        ("seller", deal.seller, deal.seller_text),
    )
    for role, code, text in roles:
        if code is not None and code not in named:
            yield finding(
                path,
                text or code,
                "unsupported",
                f"{role} {code} is not named in the deal's sentences: which state is the "
                f"{role}? answer with the {role} as written, or null",
            )
            return
    found = list(readings(source, sentences))
    if (reading := _reversing(deal, found)) is not None:
        other = "seller" if reading.role == "buyer" else "buyer"
        yield finding(
            path,
            deal.seller_text or deal.seller,
            "contradicted",
            f'{other} {reading.iso3} but "{source.at(reading.cue)}" makes {reading.iso3} the '
            f"{reading.role}: who sells the weapons in this deal? answer with the seller as "
            "written",
            reading.cue,
            source,
        )
        return
    yield from _displaced(deal, path, found, source)


def reversing_reading(deal: ArmsDeal, source: Source) -> Reading | None:
    """The cue that makes a deal's buyer its seller or its seller its buyer, if one does (the
    pair read the wrong way round), among the readings of the deal's own sentences."""
    if _same_party(deal):
        return None
    return _reversing(deal, list(readings(source, sorted(deal_sentences(deal, source)))))


def _reversing(deal: ArmsDeal, found: list[Reading]) -> Reading | None:
    """The first reading that gives a party the other role."""
    for reading in found:
        claimed = deal.buyer if reading.role == "seller" else deal.seller
        if reading.iso3 == claimed and reading.iso3 != getattr(deal, reading.role):
            return reading
    return None


def _displaced(deal: ArmsDeal, path: str, found: list[Reading], source: Source) -> Iterator[Check]:
    """A party that the cue's own sentence marks only as the other side (`صفقة مع الولايات
    المتحدة`, `من فرنسا`) while the cue makes another state that party: `أكدت قطر إبرام صفقة
    مع الولايات المتحدة لشراء` makes QAT the buyer, not USA."""
    for reading in found:
        claimed = deal.buyer if reading.role == "buyer" else deal.seller
        if claimed is None or claimed == reading.iso3:
            continue
        marks = _marks_in(source, source.sentence_of(reading.cue[0])).get(claimed)
        if not marks or not marks <= {"partner", "source"}:
            continue
        text = deal.buyer_text if reading.role == "buyer" else deal.seller_text
        yield finding(
            path,
            text or claimed,
            "contradicted",
            f'{reading.role} {claimed} but "{source.at(reading.cue)}" makes {reading.iso3} the '
            f"{reading.role}: which state is the {reading.role} in this deal? answer with the "
            f"{reading.role} as written",
            reading.cue,
            source,
        )
        return


def _marks_in(source: Source, sentence: Span) -> dict[str, set[Mark]]:
    """How each state of a sentence is marked, every time it is named there."""
    marks: dict[str, set[Mark]] = {}
    for _, mention, mark in _marked(source, source.words_in(sentence), sentence):
        marks.setdefault(mention.iso3, set()).add(mark)
    return marks


def _marked(
    source: Source, words: list[Word], sentence: Span
) -> list[tuple[int, CountryMention, Mark]]:
    """Each state the sentence names: the index of its word, the mention, how it is marked."""
    starts = [word.start for word in words]
    placed = [(bisect_right(starts, m.start) - 1, m) for m in source.countries_in(sentence)]
    return [(at, mention, _mark(source, words, at, mention)) for at, mention in placed]


def readings(source: Source, sentences: list[Span]) -> Iterator[Reading]:
    """The roles the sale and purchase cues of the sentences give the states around them."""
    for sentence in sentences:
        words = source.words_in(sentence)
        stems = [word.stems for word in words]
        cues = sorted(
            (start, end, cue) for cue, lexicon in _CUES for start, end, _ in lexicon.scan(stems)
        )
        marked = _marked(source, words, sentence) if cues else []
        for position, (start, end, cue) in enumerate(cues):
            before = max((e for _, e, c in cues[:position] if c != "deal"), default=0)
            after = cues[position + 1][0] if position + 1 < len(cues) else len(words)
            span = (words[start].start, words[end - 1].end)
            form = _form(stems, start, end, marked)
            yield from _cue_readings(cue, form, span, start, end, before, after, marked)


Form = Literal["verb", "noun", "given", "supplied"]
"""How a cue stands: a verb whose agent is read around it, a verbal noun (whose agent is a
state's name, never a demonym: `رئيس الوزراء العراقي … بشأن تسليم الطائرات` names who spoke,
not who delivers), a giving verb after its subject (the state after it is the recipient), or a
supply noun (`لتزويد تايوان بصواريخ`: the state after it is the recipient)."""


def _form(
    stems: list[frozenset[str]],
    start: int,
    end: int,
    marked: list[tuple[int, CountryMention, Mark]],
) -> Form:
    """`لتزويد تايوان` a supply noun; `تسليم الطائرات` a noun; `فرنسا منحت لبنان`, `بلاده سلمت
    مصر` a giving verb after its subject; anything else a verb."""
    cue = stems[start:end]
    if OBJECT_NOUNS.values(cue):
        return "supplied"
    if VERBAL_NOUNS.values(cue):
        return "noun"
    if GIVING_VERBS.values(cue) and start > 0:
        subject = SUBJECT_WORDS.values(stems[start - 1 : start]) or any(
            at == start - 1 and not mark for at, _, mark in marked
        )
        if subject:
            return "given"
    return "verb"


def _cue_readings(
    cue: Cue,
    form: Form,
    span: Span,
    start: int,
    end: int,
    before: int,
    after: int,
    marked: list[tuple[int, CountryMention, Mark]],
) -> Iterator[Reading]:
    following = [(at, m, mark) for at, m, mark in marked if end <= at < after]
    if cue in ("sale", "deal"):
        for _, mention, mark in following:
            if mark == "recipient":
                yield Reading(mention.iso3, "buyer", span)
                break
    if cue in ("purchase", "sale"):
        for _, mention, mark in following:
            if mark == "source":
                yield Reading(mention.iso3, "seller", span)
                break
    if cue == "deal":
        return
    role: Role = "seller" if cue == "sale" else "buyer"
    if form == "supplied":
        for at, mention, mark in following[:1]:
            if at < end + 2 and not mark:
                yield Reading(mention.iso3, "buyer", span)
        agent = _agent(start, start, before, start, marked)
        if agent is not None and agent.kind != "demonym":
            yield Reading(agent.iso3, "seller", span)
        return
    if form == "given":
        for at, mention, mark in following:
            if at < end + 3 and not mark:
                yield Reading(mention.iso3, "buyer", span)
                break
        for at, mention, mark in marked:
            if at == start - 1 and not mark:
                yield Reading(mention.iso3, "seller", span)
        return
    agent = _agent(start, end, before, after, marked)
    if agent is not None and not (form == "noun" and agent.kind == "demonym"):
        yield Reading(agent.iso3, role, span)


def _agent(
    start: int, end: int, before: int, after: int, marked: list[tuple[int, CountryMention, Mark]]
) -> CountryMention | None:
    """The unmarked state right after the verb (`اشترت مصر`), else the nearest before it."""
    for at, mention, mark in marked:
        if end <= at < min(end + 3, after) and not mark:
            return mention
    for at, mention, mark in reversed(marked):
        if max(before, start - AGENT_WORDS) <= at < start and not mark:
            return mention
    return None


def _mark(source: Source, words: list[Word], at: int, mention: CountryMention) -> Mark:
    """How the words around a state mark its role: `لقطر`, `إلى قطر` (recipient), `مع قطر`
    (partner), `من قطر` (source), `في وارسو` (place); a demonym after a weapon (`أسلحة
    فرنسية`, `طائرات رافال الفرنسية`) names where the weapon comes from (source)."""
    clitic = source.text[words[at].start : mention.start] if at >= 0 else ""
    if "ل" in clitic or normalize_text(mention.surface).startswith("لل"):
        return "recipient"
    previous = [words[at - 1].stems] if at > 0 else []
    if mention.kind == "demonym" and (WEAPON_NOUNS.values(previous) or SYSTEMS.values(previous)):
        return "source"
    if RECIPIENT_WORDS.values(previous):
        return "recipient"
    if PARTNER_WORDS.values(previous):
        return "partner"
    if SOURCE_WORDS.values(previous):
        return "source"
    if PLACE_WORDS.values(previous):
        return "place"
    return ""
