"""An embargo's target checks stay linear in the text: each sentence that names the target looks
its countries up by bisection, not by a scan of every country mention in the article (which made
800,000 characters take 98 s). The case of `benchmarks/verify_pathological.py` after the seed."""

from __future__ import annotations

import time

from extractor.schemas import Document, Embargo
from extractor.verify import verify_document
from tests.conftest import SEED

UNIT = "اشترت ليبيا 16 طائرة JF-17 من باكستان بقيمة ألفي مليون دولار. "
EMBARGO = Document(
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


def _cpu_seconds(size: int) -> float:
    """This process's CPU time, best of two, to verify the embargo against the seed followed by
    sentences that name its target, `size` characters in all."""
    seed = SEED.read_text(encoding="utf-8")
    text = seed + (UNIT * (size // len(UNIT) + 1))[: size - len(seed)]
    times = []
    for _ in range(2):
        started = time.process_time()
        verify_document(EMBARGO, text)
        times.append(time.process_time() - started)
    return min(times)


def test_the_target_checks_are_linear_in_the_sentences_that_name_the_target() -> None:
    small = _cpu_seconds(62_500)
    large = _cpu_seconds(250_000)
    ratio = large / max(small, 0.1)
    assert ratio < 8, f"4× the text took {ratio:.1f}× the time ({small:.2f} s, {large:.2f} s)"
