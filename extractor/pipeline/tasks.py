"""The LLM calls that make up one extraction, per strategy: one call per fact kind, or one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from extractor.schemas.response import DealsAnswer, DocumentAnswer, EmbargoesAnswer, MeetingsAnswer

Strategy = Literal["per_kind", "single"]
KINDS = ("meetings", "arms_deals", "embargoes")


@dataclass(frozen=True)
class Task:
    """One LLM call: its template, the answer model, the fact lists it fills, its output budget."""

    template: str
    response_model: type[BaseModel]
    kinds: tuple[str, ...]
    max_tokens: int


TASKS: dict[Strategy, tuple[Task, ...]] = {
    "per_kind": (
        Task("task_arms_deals", DealsAnswer, ("arms_deals",), 350),
        Task("task_embargoes", EmbargoesAnswer, ("embargoes",), 250),
        Task("task_meetings", MeetingsAnswer, ("meetings",), 500),
    ),
    "single": (Task("task_all", DocumentAnswer, KINDS, 1000),),
}
"""Deals first: the article is evaluated once, and the cheaper kinds then reuse it."""
