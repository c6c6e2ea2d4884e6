"""A cached answer that does not validate is a miss: dropped, asked again and cached afresh, with
a warning, never a document failed on every run until `--no-cache`."""

from __future__ import annotations

from pathlib import Path

import diskcache
import pytest

from extractor.testing import FakeOpenAIServer, Reply, answer
from tests.answers import DEAL, EMBARGO, MEETING
from tests.conftest import make_extractor


def _good() -> list[Reply]:
    return [answer(DEAL), answer(EMBARGO), answer(MEETING)]


def _poison(cache_dir: Path, value: object) -> int:
    """Overwrite every cached answer with `value`; how many rows there were."""
    with diskcache.Cache(str(cache_dir)) as store:
        keys = list(store.iterkeys())
        for key in keys:
            store.set(key, value)
    return len(keys)


@pytest.mark.parametrize(
    "poison", ['{"not": "an answer"}', "not JSON at all", '{"arms_deals": 7}'], ids=repr
)
def test_a_poisoned_cache_row_is_dropped_and_asked_again(
    server: FakeOpenAIServer, seed_text: str, cache_dir: Path, poison: str
) -> None:
    server.script(*_good(), *_good())
    with make_extractor(server, cache=True, cache_dir=cache_dir) as extractor:
        first = extractor.extract(seed_text)
    assert _poison(cache_dir, poison) == 3
    with make_extractor(server, cache=True, cache_dir=cache_dir) as extractor:
        second = extractor.extract(seed_text)
        warnings = extractor.warnings()
    assert second.arms_deals == first.arms_deals
    assert len(server.requests) == 6
    assert second.provenance.usage.cache_hits == 0
    assert len(warnings) == 1
    assert "3 cached answer(s)" in warnings[0]
    assert "dropped" in warnings[0]
    with make_extractor(server, cache=True, cache_dir=cache_dir) as extractor:
        third = extractor.extract(seed_text)
        assert extractor.warnings() == []
    assert third.provenance.usage.cache_hits == 3
    assert len(server.requests) == 6
