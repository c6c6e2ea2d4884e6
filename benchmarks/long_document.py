"""Long-document time against the sum of its parts: dev articles extracted one by one, then
joined into one text extracted in chunks of `--chunk-chars`.

    python -m benchmarks.long_document [--chunk-chars 1200 [1500 …]] [--delay 1.0]
    python -m benchmarks.long_document --embedded      # the built-in model (the lead runs it)

Against the loopback endpoint every call costs exactly `--delay` s, so the figures count the
calls chunking adds; on the embedded model they are the real cost of a long text.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.remote_concurrency import DEV_DIR
from extractor.api import Extractor
from extractor.evaluate.tuples import document_tuples, share_found
from extractor.schemas import Document
from extractor.testing import FakeOpenAIServer, schema_answers

ARTICLES = (
    "02_bahrain-f16-block70-lockheed",
    "14_unsc-south-sudan-arms-embargo",
    "22_mbz-moscow-visit-delegation",
    "24_mbs-cairo-visit-delegation",
)


def _timed(extractor: Extractor, text: str, doc_id: str) -> tuple[float, Document]:
    started = time.perf_counter()
    document = extractor.extract(text, doc_id=doc_id)
    return time.perf_counter() - started, document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunk-chars", type=int, nargs="+", default=[1200])
    parser.add_argument("--delay", type=float, default=1.0, help="seconds per loopback answer")
    parser.add_argument("--embedded", action="store_true", help="the built-in model instead")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)

    texts = {name: (DEV_DIR / f"{name}.txt").read_text(encoding="utf-8") for name in ARTICLES}
    joined = "\n\n".join(texts.values())
    with contextlib.ExitStack() as stack:
        if args.embedded:
            options: dict[str, Any] = {"backend": "embedded", "cache": False}
        else:
            server = stack.enter_context(FakeOpenAIServer(schema_answers(delay=args.delay)))
            options = {"backend": "openai", "base_url": server.base_url, "model": "loopback",
                       "api_key": "loopback", "cache": False}  # fmt: skip
        extractor = stack.enter_context(Extractor(**options))
        extractor.chunk_chars = None
        parts = [_timed(extractor, text, name) for name, text in texts.items()]
        parts_s = sum(seconds for seconds, _ in parts)
        alone = [tuple_ for _, part in parts for tuple_ in document_tuples(part)]
        runs = []
        for size in args.chunk_chars:
            extractor.chunk_chars = size
            whole_s, whole = _timed(extractor, joined, "joined")
            runs.append(
                {
                    "chunk_chars": size,
                    "joined_chunks": whole.provenance.chunks,
                    "joined_s": round(whole_s, 2),
                    "joined_calls": whole.provenance.usage.llm_calls,
                    "joined_to_parts": round(whole_s / parts_s, 2),
                    "tuples_kept": round(share_found(alone, document_tuples(whole)), 2),
                }
            )
    figures = {
        "backend": "embedded" if args.embedded else f"loopback {args.delay} s per call",
        "articles": len(texts),
        "characters": len(joined),
        "parts_s": round(parts_s, 2),
        "parts_calls": sum(part.provenance.usage.llm_calls for _, part in parts),
        "parts_tuples": len(alone),
        "joined": runs,
    }
    for name, value in figures.items():
        print(f"{name:>16}: {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
