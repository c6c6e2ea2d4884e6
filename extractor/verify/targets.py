"""Embargo targets in their role: the state a measure is imposed on, not the one imposing it
(docs/contract.md, rule 3). `فرضت الولايات المتحدة … عقوبات على إيران` makes IRN the target,
not USA."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.arabic.sanctions import BAN_WORDS, SANCTION_WORDS
from extractor.arabic.targets import ON_WORDS
from extractor.schemas import Check, Document, Embargo
from extractor.verify.checks import finding, show
from extractor.verify.scope import sentences_naming
from extractor.verify.source import Source, Span

TARGET_REACH = 4
"""Most words between a sanction word and the `على` of its target."""


def check_targets(document: Document, source: Source) -> Iterator[Check]:
    """A finding per embargo whose target is named only before its measures, each of which
    the text aims at another state."""
    for index, embargo in enumerate(document.embargoes):
        if embargo.target is None:
            continue
        aimed = _aimed_at(embargo, source)
        if aimed and embargo.target not in aimed:
            other, span = next(iter(aimed.items()))
            yield finding(
                f"embargoes[{index}]",
                embargo.target_text,
                "contradicted",
                f'"{source.at(span)}" puts the measure on {other}, and '
                f"{show(embargo.target_text)} imposes it: which state or group is the target? "
                "answer with the target as written",
                span,
                source,
            )


def _aimed_at(embargo: Embargo, source: Source) -> dict[str, Span]:
    """The states the sentences naming the target put a measure on (`… عقوبات … على إيران`),
    each with the words that say so."""
    aimed: dict[str, Span] = {}
    for sentence in sorted(sentences_naming(source, embargo.target_text)):
        words = source.words_in(sentence)
        stems = [word.stems for word in words]
        mentions = source.countries_in(sentence)
        for lexicon in (SANCTION_WORDS, BAN_WORDS):
            for start, end, _ in lexicon.scan(stems):
                for at in range(end, min(end + TARGET_REACH, len(words))):
                    if not ON_WORDS.values(stems[at : at + 1]) or at + 1 >= len(words):
                        continue
                    after = words[at + 1]
                    for mention in mentions:
                        if after.start <= mention.start < after.end:
                            aimed.setdefault(mention.iso3, (words[start].start, mention.end))
    return aimed
