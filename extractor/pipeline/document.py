"""One document: prompt → LLM → assemble → verify → bounded repair reasks → Document."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from extractor.arabic.triggers import kinds_mentioned
from extractor.facts.identity import merged_deals
from extractor.llm.client import InvalidAnswerError, LLMClient, Message, TruncatedAnswerError
from extractor.pipeline import assemble, repair
from extractor.pipeline.prompting import (
    opening,
    prompt_examples,
    prompt_version,
    repair_request,
)
from extractor.pipeline.tasks import KINDS, TASKS, Strategy, Task
from extractor.schemas import Attempt, Check, Document, Usage
from extractor.verify import drop_unsupported, failed_checks, verify_document


def _kind_of(path: str) -> str:
    return path.split("[", 1)[0].split(".", 1)[0]


def _failures(checks: Sequence[Check], kinds: Sequence[str]) -> list[Check]:
    return [check for check in checks if _kind_of(check.path) in kinds]


REASK_TEMPERATURE = 0.7
"""The first reask is greedy; later ones sample, because the same question asked again at
temperature 0 gets the same reply. A reask whose reply changes nothing is the last one: the
model stands by its values, and asking again has not changed its mind in measurements."""


@dataclass
class _TaskState:
    """A task's latest answer, and its best answer so far."""

    task: Task
    latest: BaseModel | None = None
    best: BaseModel | None = None
    best_failures: int = 1 << 30


@dataclass
class _Assembled:
    """A verified Document and, per fact kind, the answer entry each of its facts came from."""

    document: Document
    origins: dict[str, list[repair.Origin]]


@dataclass
class DocumentPipeline:
    """Extracts one article at a time with a client, verifying and reasking within a bound."""

    client: LLMClient
    backend: str
    max_reasks: int = 2
    strict: bool = False
    strategy: Strategy = "per_kind"
    every_kind: bool = False
    """Ask about every fact kind; by default a kind none of whose words the article contains
    is not asked about (see extractor.arabic.triggers)."""

    async def run(self, text: str, doc_id: str, published: dt.date | None) -> Document:
        """The verified Document of one article, with what every attempt fixed and cost."""
        started = time.perf_counter()
        usage = Usage()
        llm_seconds = 0.0
        server_timings: dict[str, float] = {}
        errors: list[str] = []
        article = assemble.Article(text, published)
        mentioned = set(KINDS) if self.every_kind else kinds_mentioned(text)
        tasks = [task for task in TASKS[self.strategy] if mentioned.intersection(task.kinds)]
        states = [_TaskState(task) for task in tasks]

        async def ask(
            conversation: list[Message], model: type[BaseModel], max_tokens: int, temperature: float
        ) -> BaseModel | None:
            nonlocal llm_seconds
            call_started = time.perf_counter()
            try:
                answer = await self.client.complete(
                    conversation, model, max_tokens=max_tokens, temperature=temperature
                )
            except (TruncatedAnswerError, InvalidAnswerError) as exc:
                errors.append(str(exc))
                return None
            finally:
                llm_seconds += time.perf_counter() - call_started
            _add(usage, answer.usage)
            for name, value in answer.server_timings.items():
                server_timings[name] = server_timings.get(name, 0.0) + value
            return answer.value

        def verified(values: Sequence[BaseModel | None]) -> _Assembled:
            return _assembled(doc_id, text, published, article, values)

        for state in states:
            task = state.task
            conversation = opening(text, task.template)
            state.latest = await ask(conversation, task.response_model, task.max_tokens, 0.0)
        first = verified([state.latest for state in states])
        failures = failed_checks(first.document)
        attempts = [Attempt(attempt=1, failed_checks=len(failures), still_failing=_paths(failures))]
        asked = repair.questions(failures, first.origins, limit=len(failures))
        if echoed := repair.echoes(asked, prompt_examples()):
            repair.apply(echoed, {})
            failures = failed_checks(verified([state.latest for state in states]).document)
        _keep_best(states, failures)

        attempts += await self._repair(states, failures, text, usage, ask, verified)

        verify_started = time.perf_counter()
        best = verified([state.best for state in states]).document
        if len(deals := merged_deals(best.arms_deals)) < len(best.arms_deals):
            best = verify_document(best.model_copy(update={"arms_deals": deals}), text)
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
        extra: dict[str, object] = {"strategy": self.strategy}
        if skipped := [kind for kind in KINDS if kind not in mentioned]:
            extra["kinds_not_mentioned"] = skipped
        if echoed:
            extra["prompt_examples_withdrawn"] = [question.old for question in echoed]
        best.provenance = provenance.model_copy(
            update={**extra, "errors": errors} if errors else extra
        )
        return best

    async def _repair(
        self,
        states: Sequence[_TaskState],
        failures: list[Check],
        text: str,
        usage: Usage,
        ask: Callable[[list[Message], type[BaseModel], int, float], Awaitable[BaseModel | None]],
        verified: Callable[[Sequence[BaseModel | None]], _Assembled],
    ) -> list[Attempt]:
        """Up to max_reasks rounds of repair questions; the attempts after the first."""
        attempts: list[Attempt] = []
        for round_number in range(1, self.max_reasks + 1):
            patched = [s.latest.model_copy(deep=True) if s.latest else None for s in states]
            asked = repair.questions(failures, verified(patched).origins)
            if not asked:
                break
            usage.reasks += 1
            reply = await ask(
                repair_request(text, asked),
                repair.reply_model(asked),
                repair.output_budget(asked),
                0.0 if round_number == 1 else REASK_TEMPERATURE,
            )
            if reply is None:
                break
            changed = repair.apply(asked, reply.model_dump())
            for state, value in zip(states, patched, strict=True):
                state.latest = value
            previous = set(_paths(failures))
            failures = failed_checks(verified(patched).document)
            _keep_best(states, failures)
            now = _paths(failures)
            attempts.append(
                Attempt(
                    attempt=round_number + 1,
                    failed_checks=len(failures),
                    fixed=sorted(previous - set(now)),
                    still_failing=now,
                )
            )
            if not changed:
                break
        return attempts


def _assembled(
    doc_id: str,
    text: str,
    published: dt.date | None,
    article: assemble.Article,
    values: Sequence[BaseModel | None],
) -> _Assembled:
    """The Document the answers make, with the verifier's checks and each fact's origin."""
    document = Document(doc_id=doc_id, published=published)
    origins: dict[str, list[repair.Origin]] = {kind: [] for kind in KINDS}
    builders: dict[str, Callable[[Any], Any]] = {
        "meetings": lambda entry: assemble.meeting(entry, article),
        "arms_deals": lambda entry: assemble.arms_deal(entry, article),
        "embargoes": lambda entry: assemble.embargo(entry, article),
    }
    for value in values:
        for kind, build in builders.items():
            entries: list[Any] = getattr(value, kind, None) or []
            for entry in entries:
                if (fact := build(entry)) is not None:
                    getattr(document, kind).append(fact)
                    origins[kind].append(repair.Origin(entries, entry))
    return _Assembled(verify_document(document, text), origins)


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
