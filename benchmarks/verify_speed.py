"""How fast the verifier runs: documents verified per second on one core over the dev set (the
gold files as the extractions), and how the normalizer scales with text length.

    python benchmarks/verify_speed.py [--dev DIR] [--rounds N]

The verifier keeps nothing across documents: each one's Source (normalized text, sentences,
numbers, countries) is built afresh. The Arabic layer memoizes per input (normalized texts,
compiled needles, country mentions, resolved dates: the bounded `lru_cache`s); "cold" clears
those before every round, which is what a stream of new articles costs; "warm" verifies the
same documents again with them full. Tables built once per process (unbounded caches: the
gazetteer, the currency nouns) are kept in both, as a long-running process keeps them.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extractor.arabic.normalize import normalize
from extractor.verify import verify_document
from schemas import Document

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


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
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    pairs = _pairs(args.dev)
    checks = sum(len(verify_document(d, t).checks) for d, t in pairs)
    chars = sum(len(t) for _, t in pairs)
    print(f"dev set: {len(pairs)} documents, {chars} characters, {checks} checks")
    print(f"{'run':<6} {'docs/s (median)':>16} {'ms/doc (median)':>16} {'ms/doc (worst)':>15}")
    for label, cold in (("cold", True), ("warm", False)):
        seconds = [_round(pairs, cold=cold) for _ in range(args.rounds)]
        median = statistics.median(seconds)
        print(
            f"{label:<6} {len(pairs) / median:>16.0f} {1000 * median / len(pairs):>16.2f} "
            f"{1000 * max(seconds) / len(pairs):>15.2f}"
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
