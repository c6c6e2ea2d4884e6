"""Ray with the built-in model for real (slow: marked `model`, run by the lead)."""

from __future__ import annotations

import pytest

from extractor.distributed import extract_dataset
from extractor.schemas import Document

pytestmark = [pytest.mark.model, pytest.mark.local]


def test_ray_on_the_seed_with_the_embedded_model(seed_text: str) -> None:
    import ray
    import ray.data as data

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        rows = data.from_items([{"doc_id": "seed", "text": seed_text}])
        [row] = extract_dataset(rows, num_cpus=2, backend="embedded", cache=False).take_all()
    finally:
        ray.shutdown()
    document = Document.model_validate_json(row["record"])
    deals = [d for d in document.arms_deals if (d.buyer, d.seller) == ("LBY", "PAK")]
    assert deals, row["record"]
    assert row["sha256"] == document.provenance.source_sha256
