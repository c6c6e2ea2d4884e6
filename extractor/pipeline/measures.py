"""An embargo's kinds read from the article: one record per measure (docs/contract.md, rule 3).

A small model answers `arms` for almost every sanction. When none of an embargo's evidence
sentences names weapons but they name what the measure restricts (`حظر السفر`, `تجميد الأصول`,
`عقوبات اقتصادية`), the record takes that kind, one record per kind named; naming none, it is
`other`. And it answers one record where an article reports several measures against one
target: each further measure that a sentence naming the target states (`فرض حظر للسفر وتجميد
أرصدة`) becomes a record of its own, with that sentence as its evidence.
"""

from __future__ import annotations

from typing import cast

from extractor.arabic.lexicon import words_of
from extractor.arabic.normalize import normalize_text
from extractor.arabic.sanctions import measure_kinds, measures_named
from extractor.schemas import Document, Embargo
from extractor.schemas.facts import EmbargoKind
from extractor.verify.source import Source, Span


def kinds_from_text(document: Document) -> tuple[Document, list[str]]:
    """The document with each weaponless `arms` embargo given the kinds its sentences name,
    and a note per change."""
    embargoes: list[Embargo] = []
    notes: list[str] = []
    for index, embargo in enumerate(document.embargoes):
        named: set[str] = set()
        for sentence in embargo.evidence:
            named |= measure_kinds([word.stems for word in words_of(sentence)])
        if embargo.kind != "arms" or "arms" in named or not embargo.evidence:
            embargoes.append(embargo)
            continue
        kinds = sorted(named) or ["other"]
        taken = {(e.target, e.target_text, e.kind) for e in embargoes}
        embargoes += [
            embargo.model_copy(update={"kind": cast(EmbargoKind, kind)})
            for kind in kinds
            if (embargo.target, embargo.target_text, kind) not in taken
        ]
        notes.append(f"embargoes[{index}]: kind arms → {', '.join(kinds)}: no weapon word")
    return document.model_copy(update={"embargoes": embargoes}), notes


def measures_from_text(document: Document, source: Source) -> tuple[Document, list[str]]:
    """The document with a record for each measure that a sentence naming an embargo's target
    states and no record of that target has (its kind, that sentence as evidence, the imposer
    kept only where the sentence names it), and a note per record added."""
    embargoes = list(document.embargoes)
    notes: list[str] = []
    alone = len({_target_key(e) for e in embargoes}) == 1
    for index, embargo in enumerate(document.embargoes):
        for sentence in _naming(source, embargo, alone):
            stems = [word.stems for word in source.words_in(sentence)]
            had = {e.kind for e in embargoes if _target_key(e) == _target_key(embargo)}
            for kind in sorted(measures_named(stems) - had):
                embargoes.append(_measure(embargo, cast(EmbargoKind, kind), source.at(sentence)))
                notes.append(f"embargoes[{index}]: {kind} measure added from its sentence")
    return document.model_copy(update={"embargoes": embargoes}), notes


def _naming(source: Source, embargo: Embargo, alone: bool) -> list[Span]:
    """The sentences that name an embargo's target (its state, else its words), and, when it is
    the article's only target, those that name no state (`كما جرى تمديد العقوبات، التي تشمل
    تجميد أصول وحظر السفر` goes on about it)."""
    words = normalize_text(embargo.target_text)
    found = []
    for sentence in source.sentences:
        states = {mention.iso3 for mention in source.countries_in(sentence)}
        if embargo.target is not None:
            named = embargo.target in states
        else:
            named = bool(words) and words in normalize_text(source.at(sentence))
        if named or (alone and not states):
            found.append(sentence)
    return found


def _target_key(embargo: Embargo) -> str:
    """What a record sanctions: its state, else its target's words."""
    return embargo.target or normalize_text(embargo.target_text)


def _measure(embargo: Embargo, kind: EmbargoKind, sentence: str) -> Embargo:
    """A record of another measure against the embargo's target, told by `sentence`."""
    named = embargo.imposed_by_text is not None and normalize_text(
        embargo.imposed_by_text
    ) in normalize_text(sentence)
    return embargo.model_copy(
        update={
            "kind": kind,
            "evidence": [sentence],
            "resolutions": [],
            "start_text": None,
            "start": None,
            "imposed_by_text": embargo.imposed_by_text if named else None,
            "imposed_by": embargo.imposed_by if named else None,
        }
    )
