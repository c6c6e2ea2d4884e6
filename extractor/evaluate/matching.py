"""How a predicted value matches a gold value: names by shared tokens, designations by
containment, numbers and codes exactly (the rules of the evaluation issue)."""

from __future__ import annotations

from functools import cache

import regex

from extractor.arabic.names import strip_clitics
from extractor.arabic.normalize import normalize_text

_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_DESIGNATION_NOISE = regex.compile(r"[\s\-]+")

_HONORIFICS = (
    "الشيخ", "الشيخة", "الأمير", "الأميرة", "الملك", "الملكة", "الرئيس", "الدكتور", "الدكتورة",
    "د", "المهندس", "المهندسة", "السيد", "السيدة", "الأستاذ", "الحاج", "المشير", "الفريق",
    "اللواء", "العميد", "العقيد", "الجنرال", "الأدميرال", "الأميرال", "سمو", "السمو", "صاحب",
    "معالي", "فخامة", "جلالة", "سعادة", "الوزير", "وزير", "رئيس", "نائب", "السفير", "سفير",
    "ولي", "العهد",
)  # fmt: skip
"""Honorifics and the commonest posts. The evaluation keeps its own list, apart from the
verifier's `arabic.titles` that it judges, but holds every honorific of it (a test checks it);
the other posts of `titles.POSTS` (`أمين`, `وكيل`, `قائد`…) stay out, being names too."""
_NAME_PARTICLES = ("بن", "ابن", "بنت", "أبو", "أبي", "أم", "آل", "عبد")

GENERIC_TOKENS: frozenset[str] = frozenset(
    normalize_text(word) for word in _HONORIFICS + _NAME_PARTICLES
)
"""Normalized tokens that cannot make two names the same person on their own."""


@cache
def _token_forms(token: str) -> frozenset[str]:
    """The token and its clitic-stripped stems (`بالرياض` -> الرياض, رياض)."""
    return frozenset((token, *strip_clitics(token)))


def name_tokens(text: str) -> tuple[str, ...]:
    """The normalized word tokens of a name, title or place."""
    return tuple(_TOKEN.findall(normalize_text(text)))


def _same_token(left: str, right: str) -> bool:
    return left == right or left in _token_forms(right) or right in _token_forms(left)


def _is_generic(token: str) -> bool:
    return not _token_forms(token).isdisjoint(GENERIC_TOKENS)


def _contained(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """True when every token of `part` is a token of `whole` and one of them says who."""
    if not part:
        return False
    if not all(any(_same_token(token, other) for other in whole) for token in part):
        return False
    return any(not _is_generic(token) for token in part)


def names_match(predicted: str, gold: str) -> bool:
    """Names (and places, targets) match when all tokens of one are among the other's tokens
    after normalization and clitic stripping, and at least one of them is not a generic title."""
    left, right = name_tokens(predicted), name_tokens(gold)
    return _contained(left, right) or _contained(right, left)


def designation_key(designation: str) -> str:
    """A designation lowercased and normalized, with spaces and hyphens removed (إف-16 -> اف16)."""
    return str(_DESIGNATION_NOISE.sub("", normalize_text(designation)))


def designations_match(predicted: str, gold: str) -> bool:
    """Designations match when one contains the other once spaces and hyphens are removed."""
    left, right = designation_key(predicted), designation_key(gold)
    return bool(left and right) and (left in right or right in left)
