"""The fact kinds, one row each: the answer the LLM fills, the prompt that asks for it, the
builder that turns an answer entry into a contract fact (with the answer entries behind its
records), and the review page's heading."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from extractor.pipeline import assemble
from extractor.schemas import FactKind
from extractor.schemas.response import Answer, DealsAnswer, EmbargoesAnswer, MeetingsAnswer


@dataclass(frozen=True)
class Kind:
    """One fact kind: `name` is the Document's list of it (and the answer's)."""

    name: FactKind
    answer: type[Answer]
    template: str
    max_tokens: int
    """Output budget of the kind's own call."""
    build: Callable[[Any, assemble.Article], assemble.Built[Any] | None]
    heading: str
    """The Arabic heading of the kind's cards on the review page."""


KINDS: tuple[Kind, ...] = (
    Kind("arms_deals", DealsAnswer, "task_arms_deals", 450, assemble.arms_deal, "صفقة أسلحة"),
    Kind("embargoes", EmbargoesAnswer, "task_embargoes", 450, assemble.embargo, "حظر / عقوبات"),
    Kind("meetings", MeetingsAnswer, "task_meetings", 500, assemble.meeting, "اجتماع"),
)
"""In the order they are asked about: deals first, so the article is evaluated once and the
cheaper kinds then reuse it."""

HEADINGS: dict[str, str] = {kind.name: kind.heading for kind in KINDS}
"""Each kind's heading by its name (the Document's provenance names kinds as plain strings)."""
