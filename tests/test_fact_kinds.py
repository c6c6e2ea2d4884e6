"""The fact kinds are typed once (`FactKind`), and every table keyed by kind holds each of them:
a kind added to the Literal fails here for each table that still lacks it."""

from __future__ import annotations

from collections.abc import Collection
from typing import get_args, get_origin

import pytest

from extractor.arabic.triggers import PREFIXES
from extractor.cli.register_cmd import Kind as KindOption
from extractor.evaluate import register_pairs, tuples
from extractor.facts.occasions import KIND_OF, Windows
from extractor.pipeline.kind_table import HEADINGS, KINDS
from extractor.pipeline.tasks import TASKS
from extractor.pipeline.templates import templates
from extractor.register import analyst, fields, rows, store
from extractor.register.entry import Entry
from extractor.schemas import FACT_KINDS, Document, FactKind, fact_kind
from extractor.schemas.facts import Fact
from extractor.schemas.response import DocumentAnswer

EVERY_KIND = frozenset(get_args(FactKind))

TABLES: dict[str, Collection[str]] = {
    "schemas.FACT_KINDS": FACT_KINDS,
    "pipeline.kind_table.KINDS": [kind.name for kind in KINDS],
    "pipeline.kind_table.HEADINGS": HEADINGS,
    "pipeline.tasks.TASKS['single']": TASKS["single"][0].kinds,
    "pipeline.tasks.TASKS['per_kind']": [k for task in TASKS["per_kind"] for k in task.kinds],
    "schemas.response.DocumentAnswer": DocumentAnswer.model_fields,
    "facts.occasions.KIND_OF": KIND_OF.values(),
    "register.store._MODELS": store._MODELS,
    "register.store._ID_PREFIX": store._ID_PREFIX,
    "register.fields.FIELDS": fields.FIELDS,
    "register.rows.COLUMNS": rows.COLUMNS,
    "register.analyst._MAIN": analyst._MAIN,
    "arabic.triggers.PREFIXES": PREFIXES,
    "evaluate.tuples.FACT_KINDS": tuples.FACT_KINDS,
    "evaluate.register_pairs.KIND_NAMES": register_pairs.KIND_NAMES.values(),
    "cli.register_cmd.Kind": [option.value for option in KindOption],
}
"""Every table keyed by kind, by where it lives."""


@pytest.mark.parametrize("table", TABLES)
def test_each_table_holds_every_kind_once(table: str) -> None:
    names = list(TABLES[table])
    assert sorted(names) == sorted(EVERY_KIND), f"{table} does not hold exactly the fact kinds"


def test_the_kinds_are_the_documents_lists_of_facts_in_field_order() -> None:
    lists = [
        name
        for name, field in Document.model_fields.items()
        if get_origin(field.annotation) is list
        and all(
            isinstance(arg, type) and issubclass(arg, Fact) for arg in get_args(field.annotation)
        )
    ]
    assert FACT_KINDS == get_args(FactKind) == tuple(lists)


@pytest.mark.parametrize("kind", sorted(EVERY_KIND))
def test_each_kind_has_its_prompts_and_its_window(kind: FactKind) -> None:
    assert {f"task_{kind}", f"recall_{kind}"} <= set(templates().sources)
    assert Windows().of(kind) >= 1


@pytest.mark.parametrize("kind", sorted(EVERY_KIND))
def test_a_kinds_name_becomes_the_kind(kind: str) -> None:
    assert fact_kind(kind) == kind
    assert fact_kind(KindOption(kind)) == kind


@pytest.mark.parametrize("name", ["arms_deal", "meeting", "Meetings", ""])
def test_any_other_name_is_no_kind(name: str) -> None:
    with pytest.raises(ValueError, match="not a fact kind"):
        fact_kind(name)


def test_a_register_entry_refuses_an_unknown_kind_and_publishes_a_plain_string() -> None:
    assert Entry(entry_id="meeting-1", kind="meetings").kind == "meetings"
    with pytest.raises(ValueError, match="kind"):
        Entry.model_validate({"entry_id": "meeting-1", "kind": "meeting"})
    assert Entry.model_json_schema()["properties"]["kind"] == {"title": "Kind", "type": "string"}
