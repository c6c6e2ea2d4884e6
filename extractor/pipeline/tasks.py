"""The LLM calls that make up one extraction, per strategy: one call per fact kind, or one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from extractor.pipeline.kind_table import KINDS
from extractor.schemas import FACT_KINDS, FactKind
from extractor.schemas.response import DocumentAnswer

Strategy = Literal["per_kind", "single"]


@dataclass(frozen=True)
class Task:
    """One LLM call: its template, the answer model, the fact lists it fills, its output budget."""

    template: str
    response_model: type[BaseModel]
    kinds: tuple[FactKind, ...]
    max_tokens: int


TASKS: dict[Strategy, tuple[Task, ...]] = {
    "per_kind": tuple(
        Task(kind.template, kind.answer, (kind.name,), kind.max_tokens) for kind in KINDS
    ),
    "single": (Task("task_all", DocumentAnswer, FACT_KINDS, 1000),),
}
"""Per kind in the kinds' asking order, or every kind in one answer."""
