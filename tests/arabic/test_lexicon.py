"""Reviewed word tables match whole words through clitics and the article, longest phrase
first."""

from __future__ import annotations

from extractor.arabic.lexicon import Lexicon, phrase_words

TABLE = Lexicon([("دفاع جوي", "air_defence"), ("دفاع", "military"), ("منظومة", "system")])


def test_clitics_and_article_are_cut_off_each_word() -> None:
    words = phrase_words("ومنظومة الدفاع الجوي")
    assert list(TABLE.scan(words)) == [(0, 1, "system"), (1, 3, "air_defence")]


def test_words_match_whole() -> None:
    assert TABLE.values(phrase_words("الدفاعات")) == []
    assert TABLE.whole("بالدفاع") == "military"
    assert TABLE.whole("الدفاع الجوي القطري") is None
    assert TABLE.first("الدفاع الجوي القطري") == "air_defence"
