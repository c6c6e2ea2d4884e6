"""Sentence spans of Arabic news text.

`.` `؟` `?` `!` `؛` `;` `…` `۔` and line breaks end a sentence. A dot does not when it sits inside a
token (1.5, كيو.إيه, U.S.), after a one-letter abbreviation (د. for doctor, أ. for professor),
or after a common Latin abbreviation (Mr., Dr.).
"""

from __future__ import annotations

import regex

_TERMINATOR = regex.compile(r"[.؟?!؛;…۔\n]+")
_CLOSERS = "\"'»”’)]}"
_WORD_BEFORE = regex.compile(r"[\p{L}\p{M}\u0640]+$")
_DIGITS_BEFORE = regex.compile(r"\d\s?[\p{L}\u0640]+$")  # 2011م. and 1439هـ. end sentences
_LATIN_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "capt",
        "sgt",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "vs",
        "approx",
    ]
)
_SHORT_WORD = 3  # an Arabic transliteration piece joined by a dot: كيو.إيه
_LOOK_BACK = 40  # characters before a dot that can hold the word it ends


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in `text`, leading and trailing whitespace trimmed, empty ones dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _TERMINATOR.finditer(text):
        if match.group() == "." and not _ends_sentence(text, match.start()):
            continue
        end = match.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        _append_trimmed(spans, text, start, end)
        start = end
    _append_trimmed(spans, text, start, len(text))
    return spans


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the single dot at `dot` ends a sentence."""
    following = text[dot + 1] if dot + 1 < len(text) else ""
    window = max(0, dot - _LOOK_BACK)
    word_match = _WORD_BEFORE.search(text, window, dot)
    word = word_match.group().replace("\u0640", "") if word_match else ""
    if following and not following.isspace() and following not in _CLOSERS:
        if following.isdigit() or following.isascii() or not word:
            return False  # 1.5, U.S, www.example
        return len(word) > _SHORT_WORD  # كيو.إيه, but not الاجتماع.وقال
    if not word or _DIGITS_BEFORE.search(text, window, dot):
        return True
    if len(word) == 1:
        return not following or following == "\n"  # د. أحمد, U.S. Army
    return word.lower() not in _LATIN_ABBREVIATIONS


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add the span without its surrounding whitespace, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
