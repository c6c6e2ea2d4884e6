"""The verifier stays linear on pathological texts (benchmarks/verify_pathological.py).

A quadratic verifier took 20 s on 40,000 characters of `1,`; linear, the longest accepted
article (100,000 characters) of any of these patterns takes ≈ 1–4 s on a loaded 2-core machine.
The bound is ten times the figure measured for 20,000 characters, which a linear verifier meets
with room and a quadratic one misses.
"""

from __future__ import annotations

import time

import pytest

from benchmarks.verify_pathological import PATTERNS, pathological
from extractor.schemas import Document
from extractor.verify import verify_document

SIZE = 20_000
BOUND_S = 10 * 1.2
"""Ten times the slowest pattern's time at 20,000 characters (`1.2.3,4٫5٬6`: 1.1 s, loaded)."""


FLOOR_S = 0.1
"""Below this a CPU time is mostly noise, so a ratio is taken against at least this much."""


def _cpu_seconds(text: str) -> float:
    """This process's CPU time to verify an empty Document against `text`, best of three: wall
    time on a shared machine (or beside a Ray cluster left by an earlier test) measures the
    neighbours too."""
    times = []
    for _ in range(3):
        started = time.process_time()
        verify_document(Document(doc_id="bench"), text)
        times.append(time.process_time() - started)
    return min(times)


@pytest.mark.parametrize("unit", PATTERNS.values(), ids=PATTERNS.keys())
def test_verifier_is_linear_on_pathological_text(unit: str) -> None:
    small = _cpu_seconds(pathological(unit, SIZE // 4))
    large = _cpu_seconds(pathological(unit, SIZE))
    assert large < BOUND_S
    ratio = large / max(small, FLOOR_S)
    assert ratio < 10, f"4× the text took {ratio:.1f}× the time"
