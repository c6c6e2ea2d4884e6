"""How the verifier scales on pathological texts: number-dense, separator-dense, repeated number
words, long clitic chains, designations, and sentences that name an embargo's target. A linear
verifier takes about twice as long when the text doubles; a quadratic one four times.

    python benchmarks/verify_pathological.py [--sizes 5000,10000,20000,40000,100000] [--best-of 1]
    python benchmarks/verify_pathological.py --sizes 250000,500000,1000000,2000000 --best-of 3

The pipeline verifies every answer, so this bounds the time a hostile or odd article can cost
before any model call. Targets: ≤ 2 s for the longest accepted article (100,000 characters);
every pattern linear up to 2,000,000 characters (≤ 2.2× per doubling, the last column).
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from pathlib import Path

from extractor.schemas import Document, Embargo
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

SEED = Path(__file__).resolve().parent.parent / "seeds" / "00_seed-pakistan-libya.txt"
AFTER_THE_SEED: dict[str, str] = {
    "deals naming an embargo's target": (
        "اشترت ليبيا 16 طائرة JF-17 من باكستان بقيمة ألفي مليون دولار. "
    ),
}
"""Units repeated after the seed article and verified with a Document holding its embargo on
Libya: the target checks read every sentence that names the target, with its countries."""

SEED_EMBARGO = Document(
    doc_id="bench",
    embargoes=[
        Embargo(
            target="LBY",
            target_text="ليبيا",
            imposed_by_text="مجلس الأمن الدولي",
            imposed_by="UNSC",
            kind="arms",
            evidence=["ليبيا تظل تقنيًا تحت حظر أسلحة دولي منذ فبراير 2011"],
        )
    ],
)


def pathological(unit: str, size: int) -> str:
    """`unit` repeated to `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}
"""`cpu` counts this process's CPU time alone: steadier on a machine other jobs share."""


def seconds(run: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    """Time of one call on `clock`."""
    started = clock()
    run()
    return clock() - started


def verify_seconds(document: Document, text: str, best_of: int, clock: str = "wall") -> float:
    """Least seconds of `best_of` runs to verify `document` against `text`."""
    run = partial(verify_document, document, text)
    return min(seconds(run, CLOCKS[clock]) for _ in range(best_of))


def cases(sizes: list[int]) -> dict[str, list[tuple[Document, str]]]:
    """Each pattern's (Document, text) at each size: an empty Document against the unit
    repeated (coverage scans every number), or the seed's embargo against the seed and the
    unit repeated after it."""
    found = {
        f"{name} (`{unit.strip()}`)": [
            (Document(doc_id="bench"), pathological(unit, size)) for size in sizes
        ]
        for name, unit in PATTERNS.items()
    }
    seed = SEED.read_text(encoding="utf-8")
    for name, unit in AFTER_THE_SEED.items():
        texts = [seed + pathological(unit, size - len(seed)) for size in sizes]
        found[f"{name} (seed + `{unit.strip()}`)"] = [(SEED_EMBARGO, text) for text in texts]
    return found


def growth_per_doubling(sizes: list[int], times: list[float]) -> float:
    """The worst factor by which the time grows when the text doubles, between neighbours."""
    return max(
        float((later / earlier) ** (1 / math.log2(big / small)))
        for (small, big), (earlier, later) in zip(pairwise(sizes), pairwise(times), strict=True)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,10000,20000,40000,100000")
    parser.add_argument("--best-of", type=int, default=1, help="runs per cell; the least counts")
    parser.add_argument("--only", default="", help="run the patterns whose name has this text")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    header = " | ".join(f"{size:,} chars" for size in sizes)
    print(f"| text | {header} | ×/doubling |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    for name, runs in cases(sizes).items():
        if arguments.only not in name:
            continue
        times = [
            verify_seconds(document, text, arguments.best_of, arguments.clock)
            for document, text in runs
        ]
        cells = " | ".join(f"{elapsed:.2f} s" for elapsed in times)
        growth = f"{growth_per_doubling(sizes, times):.2f}" if len(sizes) > 1 else "-"
        print(f"| {name} | {cells} | {growth} |", flush=True)


if __name__ == "__main__":
    main()
