"""Sentence-aligned chunks of real Arabic news: bounded, ordered, overlapping by a sentence."""

from __future__ import annotations

import itertools

import pytest

from extractor.arabic.sentences import split_sentences
from extractor.llm.embedded import SLOT_CONTEXT
from extractor.pipeline.chunk_spans import MIN_CHUNK_CHARS, chunk_chars_for_context, chunk_spans
from tests.conftest import DEV_DIR


def _joined() -> str:
    parts = sorted(DEV_DIR.glob("*.txt"))[:4]
    return "\n\n".join(path.read_text(encoding="utf-8") for path in parts)


def test_a_text_that_fits_is_one_chunk(seed_text: str) -> None:
    assert chunk_spans(seed_text, len(seed_text)) == [(0, len(seed_text))]


@pytest.mark.parametrize("size", [300, 700, 1500])
def test_chunks_cover_the_text_on_sentence_boundaries_within_the_size(size: int) -> None:
    text = _joined()
    spans = chunk_spans(text, size)
    starts = {start for start, _ in split_sentences(text)}
    ends = {end for _, end in split_sentences(text)}
    assert len(spans) > 1
    assert all(end - start <= size for start, end in spans)
    assert all(start in starts and end in ends for start, end in spans)
    assert spans[0][0] == split_sentences(text)[0][0]
    assert spans[-1][1] == split_sentences(text)[-1][1]
    for first, last in split_sentences(text):
        assert any(start <= first and last <= end for start, end in spans), text[first:last]
    shared = [end - start for (_, end), (start, _) in itertools.pairwise(spans)]
    assert any(overlap > 0 for overlap in shared), "boundary sentences are repeated"
    assert all(overlap <= size // 4 for overlap in shared)


def test_a_sentence_longer_than_a_chunk_is_cut_between_words(seed_text: str) -> None:
    sentence = seed_text.splitlines()[1]
    spans = chunk_spans(sentence, MIN_CHUNK_CHARS)
    assert len(spans) > 1
    assert all(end - start <= MIN_CHUNK_CHARS for start, end in spans)
    assert all(sentence[end - 1] != " " and sentence[start] != " " for start, end in spans)
    assert " ".join(sentence[start:end] for start, end in spans) == " ".join(sentence.split())


def test_the_embedded_context_holds_every_dev_article_in_one_chunk() -> None:
    size = chunk_chars_for_context(SLOT_CONTEXT)
    longest = max(len(path.read_text(encoding="utf-8")) for path in DEV_DIR.glob("*.txt"))
    assert longest < size < SLOT_CONTEXT


def test_a_chunk_size_below_the_minimum_is_refused(seed_text: str) -> None:
    with pytest.raises(ValueError, match="at least"):
        chunk_spans(seed_text, MIN_CHUNK_CHARS - 1)


def test_a_chunk_ends_where_an_article_does_and_a_headline_stays_with_its_body() -> None:
    names = ("02_bahrain-f16-block70-lockheed", "14_unsc-south-sudan-arms-embargo")
    texts = [(DEV_DIR / f"{name}.txt").read_text(encoding="utf-8").strip() for name in names]
    joined = "\n\n".join(texts)
    spans = chunk_spans(joined, len(texts[0]) + 100)
    assert spans[0] == (0, len(texts[0])), "the cut falls at the blank line between articles"
    second = joined[spans[1][0] : spans[1][1]]
    assert second.startswith(texts[1].splitlines()[0]), "the next headline opens the next chunk"
    assert not second.startswith(texts[0].splitlines()[-1]), "no sentence is shared across it"
