"""One row per fact kind of the Document, and the calls each strategy makes from the rows."""

from __future__ import annotations

from extractor.pipeline.kind_table import KINDS
from extractor.pipeline.tasks import TASKS
from extractor.pipeline.templates import templates
from extractor.schemas import FACT_KINDS, Document
from extractor.schemas.response import DocumentAnswer


def test_the_kinds_are_the_documents_lists_of_facts() -> None:
    assert FACT_KINDS == ("meetings", "arms_deals", "embargoes")
    assert sorted(kind.name for kind in KINDS) == sorted(FACT_KINDS)
    assert set(FACT_KINDS) <= set(Document.model_fields)


def test_each_row_names_its_answer_list_and_existing_templates() -> None:
    for kind in KINDS:
        assert list(kind.answer.model_fields) == [kind.name]
        assert {kind.template, f"recall_{kind.name}"} <= set(templates().sources)
        assert kind.heading


def test_the_single_answer_holds_every_kind_and_per_kind_asks_deals_first() -> None:
    assert list(DocumentAnswer.model_fields) == list(FACT_KINDS)
    assert [task.kinds for task in TASKS["per_kind"]] == [
        ("arms_deals",),
        ("embargoes",),
        ("meetings",),
    ]
