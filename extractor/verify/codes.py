"""ISO country codes and imposing bodies: named in the fact's own surface text, else in its
evidence, else anywhere in the source; contradicted when the fact's own text names another."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.arabic.countries import body_for, is_iso3
from extractor.verify.checks import contradicted, found, show, unsupported
from extractor.verify.source import Source, Span
from extractor.verify.surface import FUZZY_FIELDS
from extractor.verify.walk import Leaf
from schemas import Check

OWN_TEXT: dict[str, tuple[str, ...]] = {
    "country": ("titles", "organization", "name"),
    "host_country": ("location_text",),
    "buyer": ("buyer_text",),
    "seller": ("seller_text",),
    "target": ("target_text",),
    "imposed_by": ("imposed_by_text",),
}
"""The surface fields of the same model that state each code (guests have none of their own:
a meeting's place names its host)."""


def check_country(leaf: Leaf, source: Source) -> Check:
    """An ISO3 code must be named by the fact's own text, its evidence, or the source."""
    code = str(leaf.value)
    own = list(_own_texts(leaf, source))
    others: list[tuple[str, str, Span]] = []
    for field, text, span in own:
        for mention in source.countries_in(span):
            mention_span = (mention.start, mention.end)
            if mention.iso3 == code:
                return found(leaf, "exact", mention_span, source, f"{code} is named in {field}")
            others.append((field, text, mention_span))
    if others:
        field, text, span = others[0]
        named = sorted({m.iso3 for _, _, s in others for m in source.countries_in(s)})
        return contradicted(
            leaf,
            f"{leaf.label} {code} but {field} {show(text)} names {', '.join(named)}",
            span,
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
    return unsupported(leaf, f"{leaf.label} {code}: no name of that country is in the text")


def check_imposed_by(leaf: Leaf, source: Source) -> Check:
    """`imposed_by`: a state as any ISO3 code, or a body (UNSC, EU, AU, AL) that its own text
    names, else that an evidence sentence names (and no other body there)."""
    code = str(leaf.value)
    if is_iso3(code):
        return check_country(leaf, source)
    for field, text, span in _own_texts(leaf, source):
        body = body_for(text)
        if body == code:
            return found(leaf, "exact", span, source, f"{code} is {field} {show(text)}")
        states = sorted({m.iso3 for m in source.countries_in(span)})
        if body is not None or states:
            return contradicted(
                leaf,
                f"imposed_by {code} but {field} {show(text)} names {body or ', '.join(states)}",
                span,
                source,
            )
    for sentence in source.evidence_sentences(leaf.fact.evidence):
        if body_for(source.at(sentence)) == code:
            return found(leaf, "normalized", sentence, source, f"{code} is named in the evidence")
    return unsupported(
        leaf, f"imposed_by {code}: neither imposed_by_text nor the evidence names it"
    )


def _own_texts(leaf: Leaf, source: Source) -> Iterator[tuple[str, str, Span]]:
    """The located surface strings of the code's own model: (field, text, span)."""
    for field in OWN_TEXT.get(leaf.field, ()):
        value = getattr(leaf.holder, field)
        for text in value if isinstance(value, list) else [value]:
            if text is None:
                continue
            match = source.locate(text, fuzzy=field in FUZZY_FIELDS)
            if match is not None:
                yield field, text, (match.start, match.end)
