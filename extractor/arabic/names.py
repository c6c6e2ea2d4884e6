"""Locate names, titles, places, designations and evidence in Arabic text.

Matching runs in tiers, strongest first: the needle verbatim in the original; the needle after
normalization with clitic-aware word boundaries (`التقى` in `والتقى`, `بإسلام آباد` for
`إسلام آباد`, `السلام` in `للسلام`) and punctuation/whitespace differences ignored; for names
only (``fuzzy=True``), the needle's words in order within a short window (`خليفة حفتر` in
`خليفة أبو القاسم حفتر`) and then a small edit distance. Spans are always ORIGINAL offsets.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Literal

import regex
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from extractor.arabic.normalize import Normalized, normalize_text

FUZZY_THRESHOLD: float = 85.0
"""Least `rapidfuzz.fuzz.ratio` (0-100, normalized text, `processor=None`) for a fuzzy name.

Measured on real names: one wrong letter in a two-word name scores 88.9 (`عاصم منيز`) and in
`ظاهر أحمد بابر صدهو` 94.7-97.4; different people sharing a family name score far lower
(`شريف شريف` / `شهباز شريف` 63.2, `خالد بن سلمان` / `محمد بن سلمان` 76.9,
`محمد بن زايد` / `محمد بن سلمان` 72.0).
"""

FUZZY_MAX_EDITS: int = 2
"""Most Levenshtein edits a fuzzy name may be from the text, whatever its length."""

PARTIAL_MAX_GAP: int = 2
"""Most words the text may insert between two words of a name (`خليفة [أبو القاسم] حفتر`)."""

_FUZZY_MAX_WORDS = 8  # longer needles are sentences: evidence is never matched fuzzily
# one word is never fuzzy: one letter turns a word into another (منير / منيرة, دار / مدار)
_PARTIAL_MAX_WORDS = 6
_MIN_STEM = 3  # a needle's word keeps at least this many letters when a clitic is cut off

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_LEFT = r"(?<![\p{L}\p{M}\p{N}])"
_RIGHT = r"(?![\p{L}\p{M}\p{N}])"
_SOURCE_PREFIX = r"(?P<pre>[وف]??[بكل]??)"  # lazy: prefer the fewest clitics in the source
_GAP = r"[^\p{L}\p{N}]+"
_SOURCE_PREFIXES = frozenset(
    conj + prep for conj in ("", "و", "ف") for prep in ("", "ب", "ك", "ل")
)  # clitics the source may put before a needle: never the article (`دار` is not in `الدار`)
_PROCLITICS = tuple(sorted(_SOURCE_PREFIXES - {""}, key=len, reverse=True))

Status = Literal["exact", "normalized", "fuzzy"]


@dataclass(frozen=True, slots=True)
class TextMatch:
    """Where a needle was found: ORIGINAL offsets into `Normalized.source`, and how."""

    status: Status
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class _Needle:
    """A needle prepared once: its normalized words and its compiled patterns."""

    text: str
    words: tuple[str, ...]
    stems: tuple[str, ...]  # the first word's alternatives: as given, then without a clitic
    strips: tuple[str, ...]  # for each alternative, the clitic the needle carries
    patterns: tuple[regex.Pattern[str], ...]  # the first word as given; then clitics cut off
    partial: regex.Pattern[str] | None
    anchors: tuple[str, ...]  # words every match contains verbatim: a cheap test before the regex
    reach: int  # how far from an anchor a match may begin or end, punctuation changes included
    has_digits: bool


def _clitic_splits(word: str, *, article: bool) -> Iterator[tuple[str, str]]:
    """(clitic, stem) pairs for a normalized word: `والتقى` -> (`و`, `التقى`); `للسلام` ->
    (`ل`, `السلام`); with `article`, also the article itself (`السلام` -> (`ال`, `سلام`))."""
    for clitic in _PROCLITICS:
        if word.startswith(clitic):
            stem = word[len(clitic) :]
            readings = [stem]
            if stem.startswith("ل") and clitic.endswith("ل"):
                readings.append("ا" + stem)  # ل + ال is written لل
            for reading in readings:
                yield clitic, reading
                if article and reading.startswith("ال"):
                    yield clitic + "ال", reading[2:]
    if article and word.startswith("ال"):
        yield "ال", word[2:]


def proclitic_splits(word: str) -> list[tuple[str, str]]:
    """(clitic, stem) readings of a normalized word, the bare word first, the article kept:
    `وبالسعوديه` -> ('', …), ('و', `بالسعوديه`), ('وب', `السعوديه`); `للسعوديه` also gives
    ('ل', `السعوديه`)."""
    return [("", word), *_clitic_splits(word, article=False)]


def stems_behind_bi(word: str) -> frozenset[str]:
    """The stems of a normalized word read as the clitic `ب` on a noun (`بمقر` -> `مقر`,
    `برئيس` -> `رئيس`), for a table to say whether one is listed; none without that clitic."""
    return frozenset(stem for clitic, stem in proclitic_splits(word) if clitic == "ب")


def strip_clitics(word: str) -> list[str]:
    """Candidate stems of a normalized word, longest first: the word itself, then without its
    proclitics and article (`وبالسعوديه` -> `وبالسعوديه`, `بالسعوديه`, `السعوديه`, `سعوديه`)."""
    stems = {word} | {
        stem for _, stem in _clitic_splits(word, article=True) if len(stem) >= 2 or stem.isdigit()
    }
    return sorted(stems, key=lambda stem: (-len(stem), stem != word, stem))


PLURAL_CASES = (("ين", "ون"), ("ون", "ين"))
"""The endings of a sound masculine plural in its two cases: the oblique `الحوثيين` and the
nominative `الحوثيون` name the same group."""


def case_forms(name: str) -> tuple[str, ...]:
    """The name, and the name with its last word in the plural's other case (`المتمردين`,
    `المتمردون`) when that word is long enough to be a plural."""
    head, _, last = name.rpartition(" ")
    for ending, other in PLURAL_CASES:
        if len(last) >= 5 and last.endswith(ending):
            swapped = last[: -len(ending)] + other
            return name, f"{head} {swapped}" if head else swapped
    return (name,)


def _escape(literal: str) -> str:
    """`regex.escape`, typed."""
    escaped: str = regex.escape(literal)
    return escaped


def _word_pattern(word: str) -> str:
    """A normalized word as a pattern; an article-initial word also matches after ل (`للسلام`)."""
    if word.startswith("ال") and len(word) > 2:
        return "(?:ال|(?<=ل)ل)" + _escape(word[2:])
    return _escape(word)


@lru_cache(maxsize=4096)
def _prepare(needle: str) -> _Needle | None:
    """Normalize and compile a needle once; None when it has no letters or digits."""
    normalized = normalize_text(needle)
    found = list(_WORD.finditer(normalized))
    if not found:
        return None
    words = tuple(match.group() for match in found)
    first = words[0]
    alternatives = [("", first)] + [
        (clitic, stem)
        for clitic, stem in _clitic_splits(first, article=False)
        if len(stem) >= _MIN_STEM or stem.isdigit()
    ]
    choices = [alternatives[:1], alternatives] if len(alternatives) > 1 else [alternatives]
    heads = [
        "|".join(f"(?P<a{index}>{_word_pattern(stem)})" for index, (_, stem) in enumerate(chosen))
        for chosen in choices
    ]
    head = heads[-1]
    rest = []
    for previous, current in pairwise(found):
        between = normalized[previous.end() : current.start()]
        if previous.group().isdigit() and current.group().isdigit():
            rest.append(_escape(between))  # 1,8 is not 1.8: separators inside numbers count
        else:
            rest.append(_GAP)
        rest.append(_escape(current.group()))
    patterns = tuple(
        regex.compile(
            _LEFT + _SOURCE_PREFIX + f"(?P<core>(?:{choice})" + "".join(rest) + ")" + _RIGHT
        )
        for choice in heads
    )
    has_digits = any(char.isdigit() for char in normalized)
    partial = None
    if 2 <= len(words) <= _PARTIAL_MAX_WORDS and not has_digits:
        skip = rf"(?:\s+[\p{{L}}\p{{N}}]+){{0,{PARTIAL_MAX_GAP}}}\s+"
        gaps = "".join(skip + _escape(word) for word in words[1:])
        partial = regex.compile(
            _LEFT + _SOURCE_PREFIX + "(?P<core>" + f"(?:{head})" + gaps + ")" + _RIGHT
        )
    return _Needle(
        text=needle,
        words=words,
        stems=tuple(stem for _, stem in alternatives),
        strips=tuple(clitic for clitic, _ in alternatives),
        patterns=patterns,
        partial=partial,
        anchors=tuple(sorted(words[1:], key=len, reverse=True)[:2]),
        reach=2 * len(normalized) + 16,
        has_digits=has_digits,
    )


def _is_word_char(char: str) -> bool:
    """Letters and digits make words; normalized text has no marks left."""
    return char.isalnum()


def _left_boundary_ok(text: str, index: int) -> bool:
    """True when `text[index]` starts a word, or follows only a proclitic (`و`, `بـ`, `ول`...)."""
    start = index
    while start > 0 and index - start < 3 and _is_word_char(text[start - 1]):
        start -= 1
    if start > 0 and _is_word_char(text[start - 1]):
        return False
    return text[start:index] in _SOURCE_PREFIXES


def _exact(needle: str, source: Normalized) -> TextMatch | None:
    """The first verbatim occurrence of `needle` in the original that stands on word boundaries."""
    text, offsets = source.text, source.offsets
    check_left = _is_word_char(needle[0])
    check_right = _is_word_char(needle[-1])
    at = source.source.find(needle)
    while at >= 0:
        end = at + len(needle)
        start_index = bisect_left(offsets, at)
        end_index = bisect_left(offsets, end)
        left_ok = not check_left or _left_boundary_ok(text, start_index)
        right_ok = not check_right or end_index >= len(text) or not _is_word_char(text[end_index])
        if left_ok and right_ok:
            return TextMatch("exact", at, end, 100.0)
        at = source.source.find(needle, at + 1)
    return None


def _to_match(prepared: _Needle, match: regex.Match[str], source: Normalized) -> TextMatch:
    """A regex match on normalized text as a TextMatch; the span keeps a source clitic only
    when the needle carries it too (`وليبيا` for `وليبيا`, `ليبيا` for `ليبيا`)."""
    start = match.start("core")
    pre = match.group("pre")
    for index, clitic in enumerate(prepared.strips):
        if match.group(f"a{index}") is not None:
            if clitic and pre.endswith(clitic):
                start -= len(clitic)
            elif not source.text.startswith("ال", start) and prepared.stems[index][:2] == "ال":
                start -= 1  # للسلام: the article is merged into the clitic, keep the whole word
            break
    original_start, original_end = source.to_original(start, match.end("core"))
    same = source.source[original_start:original_end] == prepared.text
    return TextMatch("exact" if same else "normalized", original_start, original_end, 100.0)


@lru_cache(maxsize=16)
def _windows(text: str, size: int) -> tuple[list[str], list[tuple[int, int]]]:
    """Every run of `size` consecutive words of `text` (also without a leading clitic), joined
    by single spaces, with its normalized span."""
    spans = [(match.start(), match.end()) for match in _WORD.finditer(text)]
    choices: list[str] = []
    where: list[tuple[int, int]] = []
    for index in range(len(spans) - size + 1):
        run = spans[index : index + size]
        words = [text[start:end] for start, end in run]
        choices.append(" ".join(words))
        where.append((run[0][0], run[-1][1]))
        for clitic, stem in _clitic_splits(words[0], article=False):
            if len(stem) >= _MIN_STEM and stem == words[0][len(clitic) :]:
                choices.append(" ".join([stem, *words[1:]]))
                where.append((run[0][0] + len(clitic), run[-1][1]))
    return choices, where


def _fuzzy(prepared: _Needle, source: Normalized) -> TextMatch | None:
    """The closest run of words within FUZZY_THRESHOLD and FUZZY_MAX_EDITS, if any."""
    key = " ".join(prepared.words)
    best: tuple[float, int, tuple[int, int]] | None = None
    count = len(prepared.words)
    for size in range(max(1, count - 1), count + 2):
        choices, where = _windows(source.text, size)
        for _, score, index in process.extract(
            key, choices, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_THRESHOLD, limit=5
        ):
            edits = Levenshtein.distance(key, choices[index])
            if edits <= FUZZY_MAX_EDITS and (best is None or (score, -edits) > best[:2]):
                best = (score, -edits, where[index])
    if best is None:
        return None
    start, end = source.to_original(*best[2])
    return TextMatch("fuzzy", start, end, round(best[0], 1))


def _search_near_anchor(
    prepared: _Needle, pattern: regex.Pattern[str], text: str
) -> regex.Match[str] | None:
    """The first match, tried only around the needle's longest later word: a sentence-long
    needle is otherwise attempted at every position of the text."""
    if not prepared.anchors:
        return pattern.search(text)
    anchor = prepared.anchors[0]
    at = text.find(anchor)
    while at >= 0:
        start, end = max(0, at - prepared.reach), min(len(text), at + prepared.reach)
        for candidate in pattern.finditer(text, start, end, overlapped=True):
            if candidate.end() < end or end == len(text):
                return candidate
            match = pattern.match(text, candidate.start())  # the window's end is no
            if match is not None:  # word boundary: confirm against the whole text
                return match
        at = text.find(anchor, at + 1)
    return None


def find_text(needle: str, source: Normalized, *, fuzzy: bool = False) -> TextMatch | None:
    """Locate `needle` in `source`: exact, else normalized (clitics, punctuation), else, with
    `fuzzy` (names, titles, places — never numbers or codes), its words within a short window
    ("normalized") or a near spelling ("fuzzy"). None when nothing supports it."""
    return _verbatim_first(
        needle, source, lambda stripped: _find_normalized(stripped, source, fuzzy)
    )


def _verbatim_first(
    needle: str, source: Normalized, search: Callable[[str], TextMatch | None]
) -> TextMatch | None:
    """`needle` found verbatim before any pattern is compiled (most are), else by `search`;
    never one without a letter or digit."""
    needle = needle.strip()
    if not any(char.isalnum() for char in needle):
        return None
    found = _exact(needle, source)
    return found if found is not None else search(needle)


def _find_normalized(needle: str, source: Normalized, fuzzy: bool) -> TextMatch | None:
    """`needle` normalized, or with `fuzzy` its words in a window or a near spelling."""
    prepared = _prepare(needle)
    if prepared is None:
        return None
    anchored = all(anchor in source.text for anchor in prepared.anchors)
    for pattern in prepared.patterns if anchored else ():
        match = _search_near_anchor(prepared, pattern, source.text)
        if match is not None:
            return _to_match(prepared, match, source)
    if not fuzzy or prepared.has_digits or not 2 <= len(prepared.words) <= _FUZZY_MAX_WORDS:
        return None
    if prepared.partial is not None and anchored:
        match = prepared.partial.search(source.text)
        if match is not None:
            return _to_match(prepared, match, source)
    return _fuzzy(prepared, source)


def find_all(needle: str, source: Normalized) -> list[TextMatch]:
    """Every exact or normalized occurrence of `needle`, in text order."""
    needle = needle.strip()
    prepared = _prepare(needle) if needle else None
    if prepared is None:
        return []
    every = prepared.patterns[-1].finditer(source.text)
    return [_to_match(prepared, match, source) for match in every]


_DESIGNATION_RUN = regex.compile(r"\p{N}+|[\p{L}\p{M}]+")
_DESIGNATION_GAP = r"[\s\-./]*"


@lru_cache(maxsize=1024)
def _designation_pattern(designation: str) -> regex.Pattern[str] | None:
    """`JF-17` -> a pattern for `jf-17`, `jf17`, `jf 17`, `jf.17` on normalized text."""
    runs = _DESIGNATION_RUN.findall(normalize_text(designation))
    if not runs:
        return None
    body = _DESIGNATION_GAP.join(_escape(run) for run in runs)
    return regex.compile(_LEFT + r"(?:[وف]?[بكل]?(?:ال)?)??(?P<core>" + body + ")" + _RIGHT)


def find_designation(designation: str, source: Normalized) -> TextMatch | None:
    """Locate a weapon designation allowing only spacing, hyphen and dot variants and case
    (`JF-17` / `JF17` / `JF 17`, `إف-16` / `اف16`); never another number (`إف-15`, `JF-171`)."""
    return _verbatim_first(designation, source, lambda stripped: _find_spaced(stripped, source))


def _find_spaced(designation: str, source: Normalized) -> TextMatch | None:
    """A designation with other spacing, hyphens, dots or case than the source's."""
    pattern = _designation_pattern(designation)
    if pattern is None:
        return None
    match = pattern.search(source.text)
    if match is None:
        return None
    start, end = source.to_original(match.start("core"), match.end("core"))
    status: Status = "exact" if source.source[start:end] == designation else "normalized"
    return TextMatch(status, start, end, 100.0)
