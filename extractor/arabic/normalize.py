"""Arabic normalization that keeps an offset map back to the original text.

Every character of the normalized text knows the index of the original character it came
from, so a match found in normalized text is reported in ORIGINAL offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

TATWEEL = "\u0640"

_FOLD: dict[str, str] = {
    # alef and hamza forms
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ة": "ه",
    # Persian and Urdu letters that Arabic news copies (`وزیر` with Farsi yeh, `ھ`) and the
    # extra letters it writes foreign sounds with (`ڤ` for v, `گ` for g, `پ` for p)
    "ی": "ي",
    "ې": "ي",
    "ے": "ي",
    "ک": "ك",
    "ھ": "ه",
    "ہ": "ه",
    "ە": "ه",
    "ۀ": "ه",
    "گ": "ك",
    "ڨ": "ق",
    "ڤ": "ف",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    # Arabic separators and punctuation
    "٫": ".",
    "٬": ",",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "−": "-",
}
_FOLD.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_FOLD.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian digits
# dropped: tatweel, diacritics, and invisible marks such as RLM / ZWNJ
_DROP_CLASS = f"{TATWEEL}\\p{{Mn}}\\p{{Cf}}"
_DROP = regex.compile(f"[{_DROP_CLASS}]")


@cache
def _fold_char(char: str) -> str:
    """What one original character becomes: '' (dropped), ' ' (space) or its folded form."""
    if char in _FOLD:
        return _FOLD[char]
    if _DROP.match(char):
        return ""
    if char.isspace():
        return " "
    if "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff":  # presentation forms
        composed = unicodedata.normalize("NFKC", char)
        if composed != char:  # ﴾ and unassigned code points compose to themselves
            return "".join(_fold_char(c) for c in composed)
    if char.isascii():
        return char.lower()
    return char


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text and, for each of its characters, the original index it came from.

    `offsets` has one entry more than `text`: the last is the original length, so that a
    normalized span [start, end) maps to original [offsets[start], offsets[end]).
    """

    text: str
    source: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span to the original span that produced it.

        The original span ends where the next kept character begins, so it includes any
        diacritics that follow the last matched letter; trailing whitespace is trimmed.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside 0..{len(self.text)}")
        if start == end:
            at = self.offsets[start]
            return at, at
        original_start = self.offsets[start]
        original_end = self.offsets[end]
        while original_end > original_start and self.source[original_end - 1].isspace():
            original_end -= 1
        return original_start, original_end

    def original(self, start: int, end: int) -> str:
        """The original text behind a normalized span."""
        original_start, original_end = self.to_original(start, end)
        return self.source[original_start:original_end]


@lru_cache(maxsize=256)
def normalize(source: str) -> Normalized:
    """Fold diacritics, tatweel, alef/hamza forms, ى/ي, ة/ه, digit scripts, punctuation, case
    and whitespace runs, keeping the map back to `source`.

    Cached, because the verifier, the name finder and the number finder all normalize the same
    article. The folds keep one character per character, so only the gaps (dropped marks,
    whitespace runs) need offset bookkeeping, not every character."""
    folded = source
    for char, replacement in _FOLD.items():
        if char in folded:
            folded = folded.replace(char, replacement)
    if folded != folded.lower():
        folded = _UPPER.sub(_lower, folded)
    chars: list[str] = []
    offsets: list[int] = []
    kept_from = 0
    for gap in _GAP.finditer(folded):
        if gap["expands"] is not None:
            return _normalize_by_char(source)
        start, end = gap.span()
        chars.append(folded[kept_from:start])
        offsets.extend(range(kept_from, start))
        kept_from = end
        if start > 0 and end < len(folded):
            space = next((i for i in range(start, end) if folded[i] in _WHITESPACE), None)
            if space is not None:
                chars.append(" ")
                offsets.append(space)
    chars.append(folded[kept_from:])
    offsets.extend(range(kept_from, len(folded)))
    offsets.append(len(source))
    return Normalized(text="".join(chars), source=source, offsets=tuple(offsets))


def _lower(match: re.Match[str]) -> str:
    """ASCII capitals in lower case (Latin designations: JF-17 matches jf-17)."""
    return match.group().lower()


_UPPER = re.compile("[A-Z]+")
_WHITESPACE = frozenset(char for char in map(chr, range(0x3001)) if char.isspace())
_SPACE_CLASS = "".join(f"\\u{ord(char):04x}" for char in sorted(_WHITESPACE))
# Where the text is not kept one-for-one: presentation forms that expand (handled one
# character at a time), runs of whitespace and dropped marks, a lone dropped mark or
# whitespace other than a space, and a space at either end.
_GAP = regex.compile(
    "(?P<expands>[\\ufb50-\\ufdff\\ufe70-\\ufefe])"
    f"|[{_SPACE_CLASS}{_DROP_CLASS}]{{2,}}"
    f"|(?! )[{_SPACE_CLASS}{_DROP_CLASS}]"
    "|\\A | \\Z"
)


def _normalize_by_char(source: str) -> Normalized:
    """`normalize` one character at a time: for text with presentation forms, which may expand
    to several characters (ﻻ → لا)."""
    chars: list[str] = []
    offsets: list[int] = []
    previous_space = True  # drops leading whitespace
    for index, char in enumerate(source):
        folded = _fold_char(char)
        if not folded:
            continue
        if folded == " ":
            if previous_space:
                continue
            previous_space = True
        else:
            previous_space = False
        for out in folded:
            chars.append(out)
            offsets.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    offsets.append(len(source))
    return Normalized(text="".join(chars), source=source, offsets=tuple(offsets))


def normalize_text(source: str) -> str:
    """The normalized string alone, for comparisons that need no offsets."""
    return normalize(source).text


def normalized_words(*words: str) -> frozenset[str]:
    """Words as normalized text compares them (`طائرة` -> `طايره`): a table of single words."""
    return frozenset(normalize_text(word) for word in words)
