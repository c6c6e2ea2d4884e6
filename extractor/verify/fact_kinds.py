"""Facts of their kind: a deal its sentences call military, an embargo a sanction word states,
a meeting its evidence reports between two parties (docs/contract.md, rule 3)."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.arabic.deal_cues import DEAL_NOUNS, PURCHASE_VERBS, SALE_VERBS, TRANSFER_WORDS
from extractor.arabic.names import case_forms
from extractor.arabic.not_names import not_a_person
from extractor.arabic.sanctions import (
    BAN_COMPLEMENTS,
    BAN_REACH,
    BAN_WORDS,
    CURFEW_WORDS,
    NAME_HEADS,
    SANCTION_WORDS,
    halts_arms_exports,
)
from extractor.arabic.weapons import (
    AIRCRAFT,
    AIRLINER_MAKERS,
    MILITARY_WORDS,
    SYSTEMS,
    WEAPON_NOUNS,
    designation_category,
    is_airline,
    is_airliner,
)
from extractor.schemas import ArmsDeal, Check, Document, Embargo, FactKind, Meeting
from extractor.verify.checks import finding, show
from extractor.verify.scope import deal_sentences, has_words, kinds_of, sentences_naming
from extractor.verify.source import Source, Span


def check_kinds(document: Document, source: Source) -> Iterator[Check]:
    """A finding per fact whose sentences do not report a fact of its kind."""
    for index, meeting in enumerate(document.meetings):
        if (reason := _not_a_meeting(meeting, source)) is not None:
            yield finding(f"meetings[{index}]", None, "unsupported", reason)
    for index, deal in enumerate(document.arms_deals):
        if (reason := _not_an_arms_deal(deal, source)) is not None:
            yield finding(f"arms_deals[{index}]", None, "unsupported", reason)
    for index, embargo in enumerate(document.embargoes):
        if (check := _not_an_embargo(f"embargoes[{index}]", embargo, source)) is not None:
            yield check


def reportable_kinds(source: Source) -> frozenset[FactKind]:
    """The kinds a fact of which can pass `check_kinds` here, so the model is asked only about them.

    An arms deal needs a sentence with a military word or weapon and one with a word of a
    transfer (a football `صفقة`, an airliner order and an arms embargo have only one of the
    two); an embargo needs a sentence that states a measure (the `تجميد` of a trade agreement
    is no sanction). Meetings are not narrowed: their check passes a meeting whose sentences
    cannot be placed.
    """
    sentences = source.sentences
    kinds: set[FactKind] = {"meetings"}
    if any(_military(source, s) for s in sentences) and any(
        _transfer(source, s) for s in sentences
    ):
        kinds.add("arms_deals")
    if any(_states_sanction(source, s) for s in sentences):
        kinds.add("embargoes")
    return frozenset(kinds)


def _not_a_meeting(meeting: Meeting, source: Source) -> str | None:
    sentences = set(source.evidence_sentences(meeting.evidence))
    for person in meeting.participants:
        if person.name is not None:
            sentences |= sentences_naming(source, person.name)
    if sentences and not any("meetings" in kinds_of(source, s) for s in sentences):
        return (
            "neither the evidence nor the sentences that name the participants have a word of "
            "a meeting, visit, call or talks: no meeting is reported"
        )
    people = [p for p in meeting.participants if p.name is None or not_a_person(p.name) is None]
    visited = meeting.host_country is not None and any(
        guest != meeting.host_country for guest in meeting.guest_countries
    )
    if len(people) < 2 and not visited:
        return (
            "a meeting needs two parties (two participants, or a host and a visiting state): "
            "this names one, so it is no meeting"
        )
    return None


def _not_an_arms_deal(deal: ArmsDeal, source: Source) -> str | None:
    sentences = sorted(deal_sentences(deal, source))
    civil = _civil(deal, source, sentences)
    if civil is not None:
        return f"{civil}: a civil purchase, not an arms deal"
    if not any(_military(source, sentence) for sentence in sentences):
        return "no military word or weapon in the deal's sentences: no arms deal is reported"
    if sentences and not any(_transfer(source, sentence) for sentence in sentences):
        return (
            "no word of a sale, purchase, deal, order or delivery in the deal's sentences: "
            "weapons are named, but no transfer of them is reported"
        )
    return None


def _transfer(source: Source, sentence: Span) -> bool:
    return any(
        has_words(source, sentence, lexicon)
        for lexicon in (SALE_VERBS, PURCHASE_VERBS, DEAL_NOUNS, TRANSFER_WORDS)
    )


def _civil(deal: ArmsDeal, source: Source, sentences: list[Span]) -> str | None:
    for item in deal.items:
        if is_airliner(item.designation):
            return f"{show(item.designation)} is an airliner"
    for text in (deal.buyer_text, deal.seller_text):
        if text is not None and is_airline(text):
            return f"{show(text)} is an airline"
    for sentence in sentences:
        if has_words(source, sentence, AIRLINER_MAKERS) and is_airliner(source.at(sentence)):
            return "the aircraft is an airliner"
    return None


def _military(source: Source, sentence: Span) -> bool:
    stems = [word.stems for word in source.words_in(sentence)]
    if MILITARY_WORDS.values(stems) or SYSTEMS.values(stems):
        return True
    if any(value not in (AIRCRAFT, "other") for value in WEAPON_NOUNS.values(stems)):
        return True
    return any(
        designation_category(source.at(span)) is not None
        for span in source.designations
        if sentence[0] <= span[0] < sentence[1]
    )


NO_MEASURE_BESIDE = "no sanction or embargo word in the sentences that name"
"""How an embargo finding that rests on the absence of a measure beside its target begins: a
question about the target (`embargoes[0]`, valued by its `target_text`), never a withdrawal."""


def _not_an_embargo(path: str, embargo: Embargo, source: Source) -> Check | None:
    """No measure in the whole article: no embargo is reported (a withdrawal). A measure stated
    elsewhere, but none in the sentences that name the target, by its text, its other case
    (`الحوثيين`, `الحوثيون`) or its state's name or demonym: which words name the target?"""
    named = set()
    for form in case_forms(embargo.target_text):
        named |= sentences_naming(source, form)
    if embargo.target is not None:
        named |= {
            source.sentence_of(mention.start)
            for mention in source.countries
            if mention.iso3 == embargo.target
        }
    if not named or any(_states_sanction(source, sentence) for sentence in named):
        return None
    if not any(_states_sanction(source, sentence) for sentence in source.sentences):
        return finding(
            path,
            None,
            "unsupported",
            "no sanction or embargo word in the article: no measure against "
            f"{show(embargo.target_text)} is reported",
        )
    return finding(
        path,
        embargo.target_text,
        "unsupported",
        f"{NO_MEASURE_BESIDE} {show(embargo.target_text)}: which words beside the measure "
        "name its target? answer with them as written, or null",
    )


def _states_sanction(source: Source, sentence: Span) -> bool:
    """True when a sanction word stands in the sentence outside a name (`منظمة حظر …`)."""
    stems = [word.stems for word in source.words_in(sentence)]
    if halts_arms_exports(stems):
        return True
    for start, _, _ in SANCTION_WORDS.scan(stems):
        if start == 0 or not NAME_HEADS.values(stems[start - 1 : start]):
            return True
    for start, end, _ in BAN_WORDS.scan(stems):
        if start > 0 and NAME_HEADS.values(stems[start - 1 : start]):
            continue
        if CURFEW_WORDS.values(stems[end : end + 1]):
            continue
        if BAN_COMPLEMENTS.values(stems[max(0, start - BAN_REACH) : end + BAN_REACH]):
            return True
    return False
