"""An embargo's target checks stay linear in the text: each sentence that names the target looks
its countries up by bisection, not by a scan of every country mention in the article (which made
800,000 characters take 98 s). The case of `benchmarks/verify_pathological.py` after the seed."""

from __future__ import annotations

import gc
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


def _text(size: int) -> str:
    """The seed followed by sentences that name the embargo's target, `size` characters in all."""
    seed = SEED.read_text(encoding="utf-8")
    return seed + (UNIT * (size // len(UNIT) + 1))[: size - len(seed)]


def _cpu_seconds(text: str) -> float:
    """This process's CPU time to verify the embargo against `text`, with the collector off."""
    gc.disable()
    try:
        started = time.process_time()
        verify_document(EMBARGO, text)
        return time.process_time() - started
    finally:
        gc.enable()


def test_the_target_checks_are_linear_in_the_sentences_that_name_the_target() -> None:
    """4× the text takes 3-4× the time here; the quadratic scan took 16×. The sizes are timed in
    turn, best of three each, so that a busy spell on a shared machine slows both alike."""
    small_text, large_text = _text(62_500), _text(250_000)
    small, large = float("inf"), float("inf")
    for _ in range(3):
        small = min(small, _cpu_seconds(small_text))
        large = min(large, _cpu_seconds(large_text))
    ratio = large / max(small, 0.1)
    assert ratio < 10, f"4× the text took {ratio:.1f}× the time ({small:.2f} s, {large:.2f} s)"
