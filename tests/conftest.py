"""Shared fixtures: the dev set of real Arabic articles with their gold Documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEV_DIR = Path(os.environ.get("EXTRACTOR_DEV_DIR", REPO.parent / "shared" / "eval" / "dev"))
SEED = REPO / "seeds" / "00_seed-pakistan-libya.txt"


def dev_pairs() -> list[tuple[Path, Path]]:
    """Every (article, gold) pair of the dev set, sorted by name."""
    golds = sorted(DEV_DIR.glob("*.gold.json"))
    if not golds:
        raise RuntimeError(f"no dev set found at {DEV_DIR}; set EXTRACTOR_DEV_DIR")
    return [(gold.with_name(gold.name.replace(".gold.json", ".txt")), gold) for gold in golds]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
