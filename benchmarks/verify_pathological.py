"""How the verifier scales on pathological texts: number-dense, separator-dense, repeated number
words, long clitic chains, designations. A linear verifier takes about twice as long when the
text doubles; a quadratic one four times.

    python benchmarks/verify_pathological.py [--sizes 5000,10000,20000,40000,100000]

The pipeline verifies every answer, so this bounds the time a hostile or odd article can cost
before any model call. Target: ≤ 2 s for the longest accepted article (100,000 characters).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from extractor.schemas import Document
from extractor.verify import verify_document

PATTERNS: dict[str, str] = {
    "number words": "ألف ",
    "digits and commas": "1,",
    "digit runs": "16 طائرة و",
    "separators": "1.2.3,4٫5٬6 ",
    "clitic chains": "وبالمليارات ",
    "designations": "إف-16 ",
    "years": "عام 2011 ",
    "resolutions": "القرار 1973 و",
    "money": "1,12 مليار دولار ",
}
"""One repeated unit per kind of pathology, each a piece of real Arabic news wording."""


def pathological(unit: str, size: int) -> str:
    """`unit` repeated to `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def seconds(run: Callable[[], object]) -> float:
    """Wall time of one call."""
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def verify_seconds(text: str) -> float:
    """Seconds to verify an empty Document against `text` (coverage scans every number)."""
    return seconds(lambda: verify_document(Document(doc_id="bench"), text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,10000,20000,40000,100000")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    print("| text | " + " | ".join(f"{size:,} chars" for size in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for name, unit in PATTERNS.items():
        cells = [f"{verify_seconds(pathological(unit, size)):.2f} s" for size in sizes]
        print(f"| {name} (`{unit.strip()}`) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
