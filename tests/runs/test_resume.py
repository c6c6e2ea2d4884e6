"""The resume key: the record written for an input reads back as that input's key."""

from __future__ import annotations

import json

from extractor.errors import InputError
from extractor.runs.articles import read_article
from extractor.runs.jobs import Refused, job_from
from extractor.runs.outcomes import Outcome
from extractor.runs.pool import contract_problem
from extractor.runs.resume import input_key, record_key
from extractor.schemas import Document
from tests.conftest import SEED, dev_pairs


def _document(doc_id: str, sha256: str) -> Document:
    gold = next(gold for text, gold in dev_pairs() if text.stem == SEED.stem)
    document = Document.model_validate_json(gold.read_text(encoding="utf-8"))
    provenance = document.provenance.model_copy(update={"source_sha256": sha256})
    return document.model_copy(update={"doc_id": doc_id, "provenance": provenance})


def test_a_documents_record_has_the_key_of_its_input() -> None:
    job = job_from(read_article(SEED))
    document = _document(job.doc_id, job.sha256)
    assert contract_problem(document) is None
    record = json.loads(Outcome(job.doc_id, document).record())
    assert record_key(record) == input_key(job) == (SEED.stem, job.sha256)


def test_an_error_record_and_a_refused_input_have_no_source() -> None:
    refused = Refused("empty", InputError("empty.txt: is empty or only whitespace"))
    error = Outcome("empty", error_type="InputError", error_message="empty.txt: is empty")
    assert record_key(json.loads(error.record())) == input_key(refused) == ("empty", None)


def test_what_is_no_record_has_no_key() -> None:
    assert record_key(["a"]) is None
    assert record_key({"doc_id": 7, "error": {}}) is None
    assert record_key({"text": "مرحبا"}) is None
