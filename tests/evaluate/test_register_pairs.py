"""The register scorer on clusters.json: pairs per kind, near misses, and why pairs were missed."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.evaluate import EvaluationInputError
from extractor.evaluate.register_pairs import load_clusters, score_register
from tests.register.cluster_documents import REGISTER_DIR

F35 = "turkey-f35-us-arms-sales-halt-threat__"
S400 = "russia-turkey-s400-delivery-brought-forward__"
S300 = "russia-syria-s300-delivered__"
NEAR_MISS = "nearmiss-turkey-first-f35-delivery__skynews"


def test_a_register_that_merges_the_near_miss_and_splits_a_cluster() -> None:
    clusters = load_clusters(REGISTER_DIR / "clusters.json")
    entries = [
        ("arms_deals", [F35 + "alarabia", F35 + "bbc", F35 + "cnn", NEAR_MISS]),
        ("arms_deals", [S400 + "alarabia", S400 + "bbc"]),
        ("arms_deals", [S400 + "skynews"]),
        ("arms_deals", [S300 + "bbc", S300 + "cnn"]),
        ("meetings", [S400 + "alarabia", S400 + "skynews"]),  # Putin in Ankara: not a deal pair
    ]
    deals = score_register(clusters, entries).by_kind["arms_deals"]
    assert deals.gold_pairs == 6 + 3 + 3
    assert deals.predicted_pairs == 6 + 1 + 1
    assert deals.correct_pairs == 3 + 1 + 1
    assert deals.near_misses_merged == 1
    assert deals.precision == pytest.approx(5 / 8)
    assert deals.recall == pytest.approx(5 / 12)
    assert deals.missed_unextracted == 3 + 2  # F-35 SkyNews, S-300 SkyNews never in a deal
    assert deals.missed_split == 2  # S-400 SkyNews apart from the other two


def test_articles_are_known_by_sha256_or_doc_id() -> None:
    clusters = load_clusters(REGISTER_DIR / "clusters.json")
    sha = "44d09c244b53859c536290bba113c407a6b4215e2c7f6fd3e6d5de49b9f362c8"  # BBC, MBS-Trump
    score = score_register(clusters, [("meetings", [sha, "mbs-trump-white-house__cnn", "x"])])
    assert score.by_kind["meetings"].correct_pairs == 1
    assert score.by_kind["meetings"].predicted_pairs == 1


def test_an_unreadable_clusters_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "clusters.json"
    path.write_text('[{"event": "x"}]', encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=r"clusters\.json"):
        load_clusters(path)
