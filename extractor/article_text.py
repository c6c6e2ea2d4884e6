"""What every layer agrees on about an article's text: its size bounds and its fingerprint.

Reading (`extractor.runs`), chunking (`extractor.pipeline.chunk_spans`), the verifier, the API's
checks and the CLI's help share these; the module imports nothing, so `--help` stays fast.
"""

from __future__ import annotations

import hashlib

MAX_CHARS = 2_000_000
"""Longest text accepted, in characters (≈ 4 MB of Arabic UTF-8): a bound that protects memory.
Texts longer than one call holds are extracted in chunks; a 100,000-character report is real
work (≈ 15–30 minutes on 2 cores with the embedded model), this bound is not."""

MIN_CHUNK_CHARS = 200
"""Smallest chunk size accepted (`--chunk-chars`): below it a chunk no longer holds a sentence
and its context (see extractor.pipeline.chunk_spans)."""


def source_sha256(text: str) -> str:
    """The sha256 of the text's UTF-8 bytes: `provenance.source_sha256`, the fingerprint that
    `--resume` matches documents on."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
