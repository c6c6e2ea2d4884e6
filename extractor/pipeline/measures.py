"""An embargo's kind read from its own sentences when the answer's kind has no word there.

A small model answers `arms` for almost every sanction. When none of an embargo's evidence
sentences names weapons but they name what the measure restricts (`حظر السفر`, `تجميد الأصول`,
`عقوبات اقتصادية`), the record takes that kind, one record per kind named (the contract's one
record per measure); naming none, it is `other` (docs/contract.md, rule 3).
"""

from __future__ import annotations

from typing import cast

from extractor.arabic.lexicon import words_of
from extractor.arabic.sanctions import measure_kinds
from extractor.schemas import Document, Embargo
from extractor.schemas.facts import EmbargoKind


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
