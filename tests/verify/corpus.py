"""Helpers for the verifier tests: the dev set's articles with their gold Documents."""

from __future__ import annotations

import json
from typing import Any

from extractor.schemas import Check, Document
from extractor.verify import verify_document
from tests.conftest import dev_pairs

PAIRS = {gold.name.removesuffix(".gold.json"): (text, gold) for text, gold in dev_pairs()}
SEED_ID = "00_seed-pakistan-libya"


def article(doc_id: str) -> str:
    """The text of a dev article."""
    return PAIRS[doc_id][0].read_text(encoding="utf-8")


def gold_raw(doc_id: str) -> dict[str, Any]:
    """A dev gold Document as plain JSON, ready to be corrupted."""
    raw: dict[str, Any] = json.loads(PAIRS[doc_id][1].read_text(encoding="utf-8"))
    return raw


def gold(doc_id: str) -> Document:
    """A dev gold Document."""
    return Document.model_validate(gold_raw(doc_id))


def check_at(document: Document, path: str) -> Check:
    """The one check of a path."""
    found = [check for check in document.checks if check.path == path]
    assert len(found) == 1, f"{len(found)} checks for {path}: {[c.path for c in document.checks]}"
    return found[0]


def bump_digit(text: str) -> str:
    """The same string with its last ASCII digit changed by one (16 -> 17, 1970 -> 1971)."""
    for index in range(len(text) - 1, -1, -1):
        if text[index].isascii() and text[index].isdigit():
            return text[:index] + str((int(text[index]) + 1) % 10) + text[index + 1 :]
    raise ValueError(f"no digit in {text!r}")


def verify_raw(raw: dict[str, Any], text: str) -> Document:
    """Validate a (possibly corrupted) gold Document and verify it against `text`."""
    return verify_document(Document.model_validate(raw), text)


def to_arabic_indic(text: str) -> str:
    """The same text with ASCII digits in Arabic-Indic script and `.` between digits as `٫`,
    as many Arabic outlets print numbers."""
    converted = "".join(
        chr(0x0660 + int(ch)) if ch.isascii() and ch.isdigit() else ch for ch in text
    )
    return "".join(
        "٫"
        if ch == "."
        and 0 < i < len(converted) - 1
        and converted[i - 1] in DIGITS
        and converted[i + 1] in DIGITS
        else ch
        for i, ch in enumerate(converted)
    )


DIGITS = frozenset(chr(0x0660 + i) for i in range(10))
