"""The verifier stays linear on pathological texts (benchmarks/verify_pathological.py).

A quadratic verifier took 20 s on 40,000 characters of `1,`; linear, the longest accepted
article (100,000 characters) of any of these patterns takes ≈ 1–4 s on a loaded 2-core machine.
The bound is ten times the figure measured for 20,000 characters, which a linear verifier meets
with room and a quadratic one misses.
"""

from __future__ import annotations

import pytest

from benchmarks.verify_pathological import PATTERNS, pathological, verify_seconds

SIZE = 20_000
BOUND_S = 10 * 1.2
"""Ten times the slowest pattern's time at 20,000 characters (`1.2.3,4٫5٬6`: 1.1 s, loaded)."""


@pytest.mark.parametrize("unit", PATTERNS.values(), ids=PATTERNS.keys())
def test_verifier_is_linear_on_pathological_text(unit: str) -> None:
    small = verify_seconds(pathological(unit, SIZE // 4))
    large = verify_seconds(pathological(unit, SIZE))
    assert large < BOUND_S
    ratio = large / max(small, 0.05)
    assert ratio < 10, f"4× the text took {ratio:.1f}× the time"
