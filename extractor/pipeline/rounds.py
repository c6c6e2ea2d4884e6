"""Question rounds: repair and recall each ask the model about parts of a Document in one call
and apply its replies to the answers. Both are a QuestionRound, asked by
`DocumentPipeline.ask_round` (a repair round: `repair.RepairQuestions`; a recall call about one
kind: `recall.RecallQuestions`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from extractor.progress import StageName

Applied = TypeVar("Applied", covariant=True)


class QuestionRound(Protocol[Applied]):
    """The questions of one call, how their reply is typed and bounded, and how it is applied."""

    @property
    def questions(self) -> Sequence[Any]:
        """One reply key each, in the order the prompt lists them."""

    @property
    def template(self) -> str:
        """The prompt template that words the questions (prompts/<template>.j2)."""

    @property
    def kind(self) -> str | None:
        """The fact kind asked about, when the round is about one."""

    @property
    def stage(self) -> StageName:
        """The stage the progress display shows during the call."""

    @property
    def label(self) -> str:
        """How the progress display names the call."""

    @property
    def temperature(self) -> float:
        """The sampling temperature of the call."""

    def reply_model(self) -> type[BaseModel]:
        """The reply's schema: one key per question."""

    def output_budget(self) -> int:
        """max_tokens for the reply."""

    def apply(self, replies: Mapping[str, Any]) -> Applied:
        """Apply the reply to the answers; what that did."""
