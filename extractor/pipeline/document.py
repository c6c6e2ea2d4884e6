"""One document: prompt → LLM → assemble → verify → bounded reask → Document."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel

from extractor.llm.client import Answer as LLMAnswer
from extractor.llm.client import InvalidAnswerError, LLMClient, Message, TruncatedAnswerError
from extractor.pipeline import assemble
from extractor.pipeline.prompting import opening, prompt_version
from extractor.pipeline.tasks import TASKS, Strategy, Task
from extractor.verify import drop_unsupported, failed_checks, verify_document
from schemas import Attempt, Check, Document, Usage


def _kind_of(path: str) -> str:
    return path.split("[", 1)[0].split(".", 1)[0]


def _failures(checks: Sequence[Check], kinds: Sequence[str]) -> list[Check]:
    return [check for check in checks if _kind_of(check.path) in kinds]


REASK_TEMPERATURE = 0.7
"""Reasks sample: at temperature 0 the small model gives the same answer despite the hints,
and the best attempt is kept anyway."""


@dataclass
class _TaskState:
    """A task's conversation, its latest answer, and its best answer so far."""

    task: Task
    conversation: list[Message]
    latest: LLMAnswer[BaseModel] | None = None
    best: LLMAnswer[BaseModel] | None = None
    best_failures: int = 1 << 30
    errors: list[str] = field(default_factory=list)


@dataclass
class DocumentPipeline:
    """Extracts one article at a time with a client, verifying and reasking within a bound."""

    client: LLMClient
    backend: str
    max_reasks: int = 2
    strict: bool = False
    strategy: Strategy = "per_kind"

    async def run(self, text: str, doc_id: str, published: dt.date | None) -> Document:
        """The verified Document of one article, with what every attempt fixed and cost."""
        started = time.perf_counter()
        usage = Usage()
        llm_seconds = 0.0
        server_timings: dict[str, float] = {}
        article = assemble.Article(text, published)
        states = [_TaskState(task, opening(text, task.template)) for task in TASKS[self.strategy]]

        async def ask(state: _TaskState, conversation: list[Message], temperature: float) -> None:
            nonlocal llm_seconds
            call_started = time.perf_counter()
            try:
                answer = await self.client.complete(
                    conversation,
                    state.task.response_model,
                    max_tokens=state.task.max_tokens,
                    temperature=temperature,
                )
            except (TruncatedAnswerError, InvalidAnswerError) as exc:
                state.errors.append(str(exc))
                return
            finally:
                llm_seconds += time.perf_counter() - call_started
            _add(usage, answer.usage)
            for name, value in answer.server_timings.items():
                server_timings[name] = server_timings.get(name, 0.0) + value
            state.latest = answer

        for state in states:
            await ask(state, state.conversation, 0.0)
        document = self._verified(doc_id, text, published, article, [s.latest for s in states])
        failures = failed_checks(document)
        self._keep_best(states, failures)
        attempts = [Attempt(attempt=1, failed_checks=len(failures), still_failing=_paths(failures))]

        for round_number in range(1, self.max_reasks + 1):
            to_reask = [s for s in states if s.latest and _failures(failures, s.task.kinds)]
            if not to_reask:
                break
            for state in to_reask:
                problems = [c.message for c in _failures(failures, state.task.kinds)]
                state.conversation = opening(text, state.task.template, problems)
                usage.reasks += 1
                await ask(state, state.conversation, REASK_TEMPERATURE)
            previous = set(_paths(failures))
            document = self._verified(doc_id, text, published, article, [s.latest for s in states])
            failures = failed_checks(document)
            self._keep_best(states, failures)
            now = _paths(failures)
            attempts.append(
                Attempt(
                    attempt=round_number + 1,
                    failed_checks=len(failures),
                    fixed=sorted(previous - set(now)),
                    still_failing=now,
                )
            )

        verify_started = time.perf_counter()
        best = self._verified(doc_id, text, published, article, [s.best for s in states])
        if self.strict:
            best = drop_unsupported(best)
        provenance = best.provenance
        provenance.source_sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        provenance.source_length = len(text)
        provenance.backend = self.backend
        provenance.model = self.client.model
        provenance.prompt_version = prompt_version()
        provenance.usage = usage
        provenance.attempts = attempts
        provenance.timings = {
            "llm_s": round(llm_seconds, 3),
            "verify_s": round(time.perf_counter() - verify_started, 3),
            "total_s": round(time.perf_counter() - started, 3),
            **{name: round(value, 3) for name, value in server_timings.items()},
        }
        extra = {"strategy": self.strategy}
        errors = [error for state in states for error in state.errors]
        best.provenance = provenance.model_copy(
            update={**extra, "errors": errors} if errors else extra
        )
        return best

    def _verified(
        self,
        doc_id: str,
        text: str,
        published: dt.date | None,
        article: assemble.Article,
        answers: Sequence[LLMAnswer[BaseModel] | None],
    ) -> Document:
        """The Document the answers make, with the verifier's checks."""
        document = Document(doc_id=doc_id, published=published)
        for answer in answers:
            if answer is None:
                continue
            for entry in getattr(answer.value, "meetings", ()):
                if (meeting := assemble.meeting(entry, article)) is not None:
                    document.meetings.append(meeting)
            for entry in getattr(answer.value, "arms_deals", ()):
                if (deal := assemble.arms_deal(entry, article)) is not None:
                    document.arms_deals.append(deal)
            for entry in getattr(answer.value, "embargoes", ()):
                document.embargoes.append(assemble.embargo(entry, article))
        return verify_document(document, text)

    @staticmethod
    def _keep_best(states: Sequence[_TaskState], failures: Sequence[Check]) -> None:
        """Each task keeps the answer whose facts failed the fewest checks."""
        for state in states:
            if state.latest is None:
                continue
            count = len(_failures(failures, state.task.kinds))
            if count < state.best_failures:
                state.best, state.best_failures = state.latest, count


def _paths(checks: Sequence[Check]) -> list[str]:
    return [check.path for check in checks]


def _add(total: Usage, part: Usage) -> None:
    for name in Usage.model_fields:
        setattr(total, name, getattr(total, name) + getattr(part, name))
