"""How fast the verifier runs: documents verified per second on one core over the dev set (the
gold files as the extractions), and how the normalizer scales with text length.

    python benchmarks/verify_speed.py [--dev DIR] [--rounds N]

The verifier keeps nothing across documents: each one's Source (normalized text, sentences,
numbers, countries) is built afresh. The Arabic layer memoizes per input (normalized texts,
compiled needles, country mentions, resolved dates, clitic readings of words: the bounded
`lru_cache`s). Three ways to count:

- "cold": those memos cleared before every round: nothing was seen before but the tables
  built once per process (the gazetteer, the currency nouns), an upper bound;
- "stream": a fresh process verifies the first article (imports, tables), then each of the
  others once, in order: what a batch of new articles costs;
- "warm": the same documents again, every memo full.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extractor.arabic.normalize import normalize
from extractor.schemas import Document
from extractor.verify import verify_document

DEV = Path(__file__).resolve().parents[1] / "eval" / "dev"


def _pairs(dev: Path) -> list[tuple[Document, str]]:
    pairs = []
    for gold in sorted(dev.glob("*.gold.json")):
        text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        pairs.append((Document.model_validate_json(gold.read_text(encoding="utf-8")), text))
    return pairs


def _clear_input_caches() -> None:
    """Forget every per-input memo (bounded lru_cache) of the extractor, as if every article
    were new; keep the tables built once per process (unbounded caches)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("extractor."):
            continue
        for value in vars(module).values():
            info: Callable[[], Any] | None = getattr(value, "cache_info", None)
            if info is not None and info().maxsize is not None:
                value.cache_clear()


def _round(pairs: list[tuple[Document, str]], *, cold: bool) -> float:
    """Seconds to verify every pair once."""
    if cold:
        _clear_input_caches()
    start = time.perf_counter()
    for document, text in pairs:
        verify_document(document, text)
    return time.perf_counter() - start


def _first_sight(pairs: list[tuple[Document, str]]) -> float:
    """Seconds for a fresh process to verify each article after the first one once."""
    verify_document(*pairs[0])
    return _round(pairs[1:], cold=False)


def _stream_round(dev: Path) -> float:
    """One `_first_sight` pass in a fresh interpreter on the same core."""
    command = [sys.executable, __file__, "--dev", str(dev), "--first-sight"]
    return float(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def _normalize_seconds(text: str, repeat: int) -> float:
    """Best time of `repeat` uncached normalizations, the garbage collector paused (as
    `timeit` does: its passes over every live object would be timed as the normalizer's)."""
    best = float("inf")
    for _ in range(repeat):
        normalize.cache_clear()
        gc.disable()
        start = time.perf_counter()
        normalize(text)
        best = min(best, time.perf_counter() - start)
        gc.enable()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV, help="the dev set directory")
    parser.add_argument("--rounds", type=int, default=20, help="rounds over the dev set")
    parser.add_argument("--first-sight", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    pairs = _pairs(args.dev)
    if args.first_sight:
        print(_first_sight(pairs))
        return
    checks = sum(len(verify_document(d, t).checks) for d, t in pairs)
    chars = sum(len(t) for _, t in pairs)
    print(f"dev set: {len(pairs)} documents, {chars} characters, {checks} checks")
    print(f"{'run':<6} {'docs/s (median)':>16} {'ms/doc (median)':>16} {'ms/doc (worst)':>15}")
    rows = {
        "cold": ([_round(pairs, cold=True) for _ in range(args.rounds)], len(pairs)),
        "stream": ([_stream_round(args.dev) for _ in range(5)], len(pairs) - 1),
        "warm": ([_round(pairs, cold=False) for _ in range(args.rounds)], len(pairs)),
    }
    for label, (timings, documents) in rows.items():
        median = statistics.median(timings)
        print(
            f"{label:<6} {documents / median:>16.0f} {1000 * median / documents:>16.2f} "
            f"{1000 * max(timings) / documents:>15.2f}"
        )
    text = "\n".join(t for _, t in pairs)
    print("\nnormalize(): best of 5 (gc paused), the whole dev set's text repeated k times")
    print(f"{'k':>4} {'chars':>9} {'ms':>9} {'µs/char':>8} {'x time for 10x text':>20}")
    previous = None
    for k in (1, 10, 100):
        seconds = _normalize_seconds(text * k, 5)
        per_char = 1e6 * seconds / (len(text) * k)
        ratio = "" if previous is None else f"{seconds / previous:.1f}"
        print(f"{k:>4} {len(text) * k:>9} {1000 * seconds:>9.2f} {per_char:>8.3f} {ratio:>20}")
        previous = seconds


if __name__ == "__main__":
    main()
