"""Reading corpora: records streamed one by one, a line too long for memory refused alone."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from extractor.runs.articles import MAX_BYTES, Article
from extractor.runs.corpora import BadRecord, count_records, read_corpus
from tests.cli.test_run_corpus import bahrain, line, seed


def test_a_corpus_is_read_as_a_stream(tmp_path: Path) -> None:
    """The first record is ready while the writer still holds back the second."""
    pipe = tmp_path / "corpus.jsonl"
    os.mkfifo(pipe)
    more = threading.Event()

    def write() -> None:
        with pipe.open("w", encoding="utf-8") as writer:
            writer.write(line(doc_id="seed", text=seed()) + "\n")
            writer.flush()
            more.wait(10)
            writer.write(line(doc_id="bahrain", text=bahrain()) + "\n")

    writer = threading.Thread(target=write)
    writer.start()
    stream = read_corpus(pipe)
    first = next(stream)
    assert not more.is_set()
    more.set()
    rest = list(stream)
    writer.join()
    assert isinstance(first, Article)
    assert first.doc_id == "seed"
    assert [entry.doc_id for entry in rest] == ["bahrain"]


def test_a_line_over_the_byte_limit_is_refused_without_being_held(tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        handle.write(line(doc_id="huge", text="ب" * (MAX_BYTES // 2 + 10)) + "\n")
        handle.write(line(doc_id="seed", text=seed()) + "\n")
    entries = list(read_corpus(corpus))
    assert isinstance(entries[0], BadRecord)
    assert "split the article" in str(entries[0].error)
    assert [entry.doc_id for entry in entries[1:]] == ["seed"]
    assert count_records(corpus) == 2
