"""Sentence-aligned chunks of a text too long for one call, overlapping by a sentence.

A chunk is a span of the whole text, so whatever is found in it keeps offsets into the whole.
Chunks start and end on sentence boundaries, at a section or paragraph break where one falls in
the chunk's second half; a sentence longer than a chunk is cut between words. Consecutive chunks
share their boundary sentence (when it is short and no blank line ends it), so a fact stated
across the cut is seen whole by at least one of them.
"""

from __future__ import annotations

import regex

from extractor.arabic.sentences import split_sentences
from extractor.article_text import MIN_CHUNK_CHARS as MIN_CHUNK_CHARS  # its bound, re-exported

RESERVED_TOKENS = 4096
"""Tokens of a call that are not the article: fixed instructions, the per-kind task, the answer
and one repair question."""

TOKENS_PER_CHAR = 0.9
"""Arabic news costs 0.5–0.9 tokens per character; the upper end keeps a chunk inside the budget."""

OVERLAP_SHARE = 4
"""A boundary sentence is repeated in the next chunk only when it is at most 1/4 of a chunk."""

_WORD = regex.compile(r"\S+")
_CLOSING = frozenset('.!?؟…:"»)')
"""Characters a sentence or paragraph ends with; a line without one is a heading."""


def chunk_chars_for_context(context_tokens: int) -> int:
    """The chunk size, in characters, that fits a backend's context of `context_tokens`."""
    return max(MIN_CHUNK_CHARS, int((context_tokens - RESERVED_TOKENS) / TOKENS_PER_CHAR))


def chunk_spans(text: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) spans of `text` of at most `max_chars` characters each, in order.

    A text that fits is one span over all of it; otherwise the spans are made of whole
    sentences (or, for a sentence longer than `max_chars`, of whole words).
    """
    if max_chars < MIN_CHUNK_CHARS:
        raise ValueError(f"chunks must be at least {MIN_CHUNK_CHARS} characters, not {max_chars}")
    if len(text) <= max_chars:
        return [(0, len(text))]
    pieces = [
        piece for sentence in split_sentences(text) for piece in _pieces(text, sentence, max_chars)
    ]
    spans: list[tuple[int, int]] = []
    first = 0
    while first < len(pieces):
        start, last = pieces[first][0], first
        while last + 1 < len(pieces) and pieces[last + 1][1] - start <= max_chars:
            last += 1
        last = _at_a_break(text, pieces, first, last, start + max_chars // 2)
        spans.append((start, pieces[last][1]))
        if last + 1 == len(pieces):
            break
        boundary = pieces[last]
        section = "\n\n" in _gap(text, pieces, last)
        shared = (
            last > first and not section and boundary[1] - boundary[0] <= max_chars // OVERLAP_SHARE
        )
        first = last if shared else last + 1
    return spans


def _at_a_break(
    text: str, pieces: list[tuple[int, int]], first: int, last: int, least_end: int
) -> int:
    """The piece a chunk ends with: the last that fits, or an earlier one that ends a section
    (a blank line) or else a paragraph (a line break) past half the chunk, never after a
    heading, so that what an article or section says stays in one chunk."""
    if last + 1 == len(pieces):
        return last
    for breaks in ("\n\n", "\n"):
        for index in range(last, first - 1, -1):
            if pieces[index][1] < least_end:
                break
            if breaks in _gap(text, pieces, index) and not _heading(text, pieces[index]):
                return index
    return last


def _heading(text: str, piece: tuple[int, int]) -> bool:
    """True for a line without closing punctuation (a headline): it belongs with what follows."""
    return text[piece[1] - 1] not in _CLOSING


def _gap(text: str, pieces: list[tuple[int, int]], index: int) -> str:
    """The text between a piece and the next (whitespace the sentences were trimmed of)."""
    following = pieces[index + 1][0] if index + 1 < len(pieces) else len(text)
    return text[pieces[index][1] : following]


def _pieces(text: str, sentence: tuple[int, int], max_chars: int) -> list[tuple[int, int]]:
    """The sentence itself, or runs of its words of at most `max_chars` when it is longer."""
    start, end = sentence
    if end - start <= max_chars:
        return [sentence]
    pieces: list[tuple[int, int]] = []
    piece_start = piece_end = start
    for word in _WORD.finditer(text, start, end):
        if word.end() - piece_start > max_chars and piece_end > piece_start:
            pieces.append((piece_start, piece_end))
            piece_start = word.start()
        piece_end = word.end()
        while piece_end - piece_start > max_chars:
            pieces.append((piece_start, piece_start + max_chars))
            piece_start += max_chars
    pieces.append((piece_start, piece_end))
    return pieces
