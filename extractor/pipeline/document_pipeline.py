"""One document: prompt → LLM → assemble → verify → bounded repair reasks → bounded recall
questions → Document.

A run is a sequence of named steps over one Ledger: the article, each task's answers, and
what the run spent (usage, time) and met (errors, attempts). Steps read and write the ledger
only, so a new step (a fact-level check, a recall question) is one more entry in STEPS; the
best answers then make the Document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel

from extractor.arabic.triggers import kinds_mentioned
from extractor.errors import ExtractionError
from extractor.facts.identity import merged_deals, merged_meetings
from extractor.llm.client import InvalidAnswerError, LLMClient, Message, TruncatedAnswerError
from extractor.llm.metering import charge, metered
from extractor.pipeline import assemble, recall, repair
from extractor.pipeline.choices import chosen_model
from extractor.pipeline.kind_table import KINDS
from extractor.pipeline.measures import kinds_from_text, measures_from_text
from extractor.pipeline.occasion_split import occasions_from_text
from extractor.pipeline.prompting import opening, prompt_examples, prompt_version, question_request
from extractor.pipeline.reversals import turned_back
from extractor.pipeline.rounds import QuestionRound
from extractor.pipeline.tasks import TASKS, Strategy, Task
from extractor.progress import CallDone, Stage, StageName, report
from extractor.schemas import FACT_KINDS, Attempt, Check, Document, FactKind, RecallRound, Usage
from extractor.settings import QualityGroup
from extractor.verify import drop_unsupported, failed_checks, verify_document
from extractor.verify.document_checks import unaccounted_mentions
from extractor.verify.fact_kinds import reportable_kinds
from extractor.verify.paths import CheckPath
from extractor.verify.source import prepare

Applied = TypeVar("Applied")


@dataclass
class TaskState:
    """A task's latest answer, and its best answer so far."""

    task: Task
    latest: BaseModel | None = None
    best: BaseModel | None = None
    best_failures: int = 1 << 30


@dataclass
class Assembled:
    """A verified Document and, per fact kind, the answer entry each of its facts came from."""

    document: Document
    origins: dict[str, list[assemble.Origin]]
    repeats: int = 0
    """Answer entries and list elements dropped as repeats of earlier ones (padding)."""


@dataclass
class Ledger:
    """One document's run: its input, each task's answers, and what the run spent and met."""

    text: str
    doc_id: str
    published: dt.date | None
    article: assemble.Article
    mentioned: frozenset[str]
    states: list[TaskState]
    started: float
    usage: Usage = field(default_factory=Usage)
    llm_seconds: float = 0.0
    server_timings: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    failures: list[Check] = field(default_factory=list)
    """The checks the latest answers fail."""
    attempts: list[Attempt] = field(default_factory=list)
    echoed: list[repair.Question] = field(default_factory=list)
    """Values withdrawn as copies of the prompt's examples."""
    kinds_failed: list[str] = field(default_factory=list)
    """Fact kinds asked about whose first answer was unusable."""
    withdrawn: list[repair.Question] = field(default_factory=list)
    """Facts of the wrong kind, withdrawn unasked (docs/contract.md, rule 3)."""
    recalled: list[RecallRound] = field(default_factory=list)
    """What each round of recall questions asked and added."""
    recall_asked: set[tuple[str, tuple[int, int]]] = field(default_factory=set)
    """The mentions already asked about (kind, span): a later round asks only new ones."""
    calls: int = 0
    """LLM calls begun so far (as the progress display numbers them)."""
    stage: StageName = "answer"
    """The stage of the call under way."""

    def begin(self, stage: StageName, label: str, kind: str | None = None) -> None:
        """Report the next LLM call's stage, numbered among this document's calls."""
        self.calls += 1
        self.stage = stage
        message = f"{label} · call {self.calls}"
        report(Stage(stage, message, doc_id=self.doc_id, kind=kind, call=self.calls))

    def assembled(self, values: Sequence[BaseModel | None]) -> Assembled:
        """The verified Document these answers make, with each fact's origin."""
        return assemble_answers(self.doc_id, self.article, values)

    def latest(self) -> list[BaseModel | None]:
        """Each task's latest answer."""
        return [state.latest for state in self.states]

    def keep_best(self) -> None:
        """Each task keeps the answer whose facts failed the fewest checks."""
        for state in self.states:
            if state.latest is None:
                continue
            count = len(
                [c for c in self.failures if CheckPath.parse(c.path).kind in state.task.kinds]
            )
            if count < state.best_failures:
                state.best, state.best_failures = state.latest, count


def kinds_asked(text: str) -> frozenset[str]:
    """The kinds an article has words for and could support a fact of (a deal needs a weapon
    and a transfer, an embargo a stated measure): asked about any other, the model invents."""
    return kinds_mentioned(text) & reportable_kinds(prepare(text))


Step = Callable[["DocumentPipeline", Ledger], Awaitable[None]]


@dataclass
class DocumentPipeline:
    """Extracts one article at a time with a client, verifying and reasking within a bound."""

    client: LLMClient
    backend: str
    quality: QualityGroup = field(default_factory=QualityGroup)
    """What to ask and keep: reask and recall rounds, constrained or written replies, strict."""
    strategy: Strategy = "per_kind"

    async def run(self, text: str, doc_id: str, published: dt.date | None) -> Document:
        """The verified Document of one article, with what every attempt fixed and cost.

        Raises ExtractionError when fact kinds were asked about and none got a usable answer;
        a Document whose kinds only partly failed names them in `provenance.kinds_failed`.
        Every request is charged to the ledger's usage, failed ones included.
        """
        started = time.perf_counter()
        mentioned = frozenset(FACT_KINDS) if self.quality.every_kind else kinds_asked(text)
        tasks = [task for task in TASKS[self.strategy] if mentioned.intersection(task.kinds)]
        ledger = Ledger(
            text=text,
            doc_id=doc_id,
            published=published,
            article=assemble.Article(text, published),
            mentioned=mentioned,
            states=[TaskState(task) for task in tasks],
            started=started,
        )
        with metered(ledger.usage):
            for step in STEPS:
                await step(self, ledger)
        return self.best_document(ledger)

    async def ask(
        self,
        ledger: Ledger,
        conversation: list[Message],
        model: type[BaseModel],
        max_tokens: int,
        temperature: float,
    ) -> BaseModel | None:
        """One LLM call, its cost and time booked in the ledger; None when the answer was cut
        off or did not fit its schema (the error is booked too)."""
        call_started = time.perf_counter()
        server: dict[str, float] = {}
        try:
            answer = await self.client.complete(
                conversation, model, max_tokens=max_tokens, temperature=temperature
            )
            server = answer.server_timings
        except (TruncatedAnswerError, InvalidAnswerError) as exc:
            ledger.errors.append(str(exc))
            return None
        finally:
            seconds = time.perf_counter() - call_started
            ledger.llm_seconds += seconds
            report(CallDone(ledger.doc_id, ledger.calls, ledger.stage, round(seconds, 3), server))
        for name, value in answer.server_timings.items():
            ledger.server_timings[name] = ledger.server_timings.get(name, 0.0) + value
        return answer.value

    async def ask_round(self, ledger: Ledger, asked: QuestionRound[Applied]) -> Applied | None:
        """One call asking a round of repair or recall questions, its reply applied; what
        applying it did, or None when the reply was unusable (cut off, or off its schema)."""
        ledger.begin(asked.stage, asked.label, kind=asked.kind)
        reply = await self.ask(
            ledger,
            question_request(ledger.text, asked),
            asked.reply_model(),
            asked.output_budget(),
            asked.temperature,
        )
        return None if reply is None else asked.apply(reply.model_dump())

    async def first_answers(self, ledger: Ledger) -> None:
        """Step: each task's first answer, greedy."""
        for state in ledger.states:
            task = state.task
            conversation = opening(ledger.text, task.template)
            model = task.response_model
            if self.quality.choose_first:
                model = chosen_model(model, ledger.text)
            kinds = ", ".join(task.kinds)
            ledger.begin("answer", kinds, kind=kinds)
            state.latest = await self.ask(ledger, conversation, model, task.max_tokens, 0.0)
        ledger.kinds_failed = [k for s in ledger.states if s.latest is None for k in s.task.kinds]
        if ledger.states and all(state.latest is None for state in ledger.states):
            raise ExtractionError(
                "no usable answer for any fact kind asked about "
                f"({', '.join(ledger.kinds_failed)}); {ledger.errors[-1]}"
            )

    async def first_checks(self, ledger: Ledger) -> None:
        """Step: verify the first answers, and withdraw unasked the failing values that are
        copies of the prompt's own examples and the facts of the wrong kind."""
        first = ledger.assembled(ledger.latest())
        failures = failed_checks(first.document)
        ledger.attempts.append(
            Attempt(attempt=1, failed_checks=len(failures), still_failing=_paths(failures))
        )
        asked = repair.questions(failures, first.origins, limit=len(failures))
        echoed = repair.echoes(asked, prompt_examples())
        withdrawn = repair.withdrawals(failures, first.origins)
        if echoed or withdrawn:
            repair.apply([*echoed, *withdrawn], {})
            failures = failed_checks(ledger.assembled(ledger.latest()).document)
        ledger.echoed = echoed
        ledger.withdrawn = withdrawn
        ledger.failures = failures
        ledger.keep_best()

    async def repairs(self, ledger: Ledger) -> None:
        """Step: up to max_reasks rounds of repair questions about the failing values."""
        for round_number in range(1, self.quality.max_reasks + 1):
            patched = [s.latest.model_copy(deep=True) if s.latest else None for s in ledger.states]
            origins = ledger.assembled(patched).origins
            repair.apply(repair.withdrawals(ledger.failures, origins), {})
            asked = repair.offer_choices(repair.questions(ledger.failures, origins), ledger.text)
            if not asked:
                break
            charge(reasks=1)
            changed = await self.ask_round(ledger, repair.RepairQuestions(asked, round_number))
            if changed is None:
                break
            for state, value in zip(ledger.states, patched, strict=True):
                state.latest = value
            previous = set(_paths(ledger.failures))
            ledger.failures = failed_checks(ledger.assembled(patched).document)
            ledger.keep_best()
            now = _paths(ledger.failures)
            ledger.attempts.append(
                Attempt(
                    attempt=round_number + 1,
                    failed_checks=len(ledger.failures),
                    fixed=sorted(previous - set(now)),
                    still_failing=now,
                )
            )
            if not changed:
                break

    async def recall_questions(self, ledger: Ledger) -> None:
        """Step: up to recall_rounds rounds of recall questions, one call per fact kind, about
        the mentions that no fact of the best answers accounts for; what the replies add joins
        the best answers, to be verified with them."""
        for round_number in range(1, self.quality.recall_rounds + 1):
            best = [state.best for state in ledger.states]
            document = ledger.assembled(best).document
            mentions = [
                mention
                for mention in unaccounted_mentions(document, ledger.text)
                if (mention.kind, mention.span) not in ledger.recall_asked
            ]
            grew = False
            for state in ledger.states:
                for kind in state.task.kinds:
                    asked = recall.questions(
                        kind, [m for m in mentions if m.kind == kind], document, ledger.text
                    )
                    if asked:
                        grew |= await self._recall_kind(ledger, state, kind, asked, round_number)
            if not grew:
                break

    async def _recall_kind(
        self,
        ledger: Ledger,
        state: TaskState,
        kind: FactKind,
        asked: list[recall.Question],
        round_number: int,
    ) -> bool:
        """One call about one kind's mentions; True when its reply added to the facts."""
        answer = state.best.model_copy(deep=True) if state.best is not None else None
        if answer is None:
            answer = state.task.response_model.model_validate({k: [] for k in state.task.kinds})
        constrained = self.quality.constrained
        questions = recall.RecallQuestions(kind, asked, answer, ledger.text, constrained)
        added = await self.ask_round(ledger, questions) or []
        ledger.recall_asked.update((q.mention.kind, q.mention.span) for q in asked)
        ledger.recalled.append(
            RecallRound(
                round=round_number,
                kind=kind,
                asked=list(dict.fromkeys(q.mention.text for q in asked)),
                added=added,
            )
        )
        if added:
            state.best = state.latest = answer
        return bool(added)

    def best_document(self, ledger: Ledger) -> Document:
        """The Document of each task's best answer after the steps: one deal and one meeting
        per occasion (a deal's value read from its own sentences once its parts are one),
        strict mode if asked, and the provenance of the whole run."""
        verify_started = time.perf_counter()
        text = ledger.text
        assembled = ledger.assembled([state.best for state in ledger.states])
        best = assembled.document
        deals = assemble.values_from_evidence(merged_deals(best.arms_deals))
        merged = best.model_copy(
            update={"arms_deals": deals, "meetings": merged_meetings(best.meetings)}
        )
        source = prepare(text, best.published)
        merged, swapped = turned_back(merged, source)
        merged, occasions = occasions_from_text(merged, source)
        merged, kinds = kinds_from_text(merged)
        merged, measures = measures_from_text(merged, source)
        if merged != best:
            best = verify_document(merged, text, source)
        best.provenance.roles_resolved = [*swapped, *occasions, *kinds, *measures]
        if self.quality.strict:
            best = drop_unsupported(best)
        provenance = best.provenance
        provenance.source_sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        provenance.source_length = len(text)
        provenance.backend = self.backend
        provenance.model = self.client.model
        provenance.prompt_version = prompt_version()
        provenance.usage = ledger.usage.model_copy()
        provenance.attempts = ledger.attempts
        provenance.timings = {
            "llm_s": round(ledger.llm_seconds, 3),
            "verify_s": round(time.perf_counter() - verify_started, 3),
            "total_s": round(time.perf_counter() - ledger.started, 3),
            **{name: round(value, 3) for name, value in ledger.server_timings.items()},
        }
        provenance.strategy = self.strategy
        provenance.kinds_not_mentioned = [k for k in FACT_KINDS if k not in ledger.mentioned]
        provenance.prompt_examples_withdrawn = [question.old for question in ledger.echoed]
        provenance.records_withdrawn = [question.message for question in ledger.withdrawn]
        provenance.errors = ledger.errors
        provenance.kinds_failed = ledger.kinds_failed
        provenance.repeats_dropped = assembled.repeats
        provenance.recall = ledger.recalled
        return best


STEPS: tuple[Step, ...] = (
    DocumentPipeline.first_answers,
    DocumentPipeline.first_checks,
    DocumentPipeline.repairs,
    DocumentPipeline.recall_questions,
)
"""The steps of one run, in order; the best answers then make the Document."""


def assemble_answers(
    doc_id: str, article: assemble.Article, values: Sequence[BaseModel | None]
) -> Assembled:
    """The Document that LLM answers make, verified against the article, with the answer
    entry each of its facts came from (for repair questions); repeated entries count once."""
    document = Document(doc_id=doc_id, published=article.published)
    origins: dict[str, list[assemble.Origin]] = {kind: [] for kind in FACT_KINDS}
    repeated = 0
    for value in values:
        for kind in KINDS:
            entries: list[BaseModel] = getattr(value, kind.name, None) or []
            unique = assemble.without_repeats(entries)
            repeated += len(entries) - len(unique) + sum(map(assemble.repeats, unique))
            for entry in unique:
                if (built := kind.build(entry, article)) is not None:
                    getattr(document, kind.name).append(built.fact)
                    origins[kind.name].append(built.origin(entries, entry))
    return Assembled(verify_document(document, article.text), origins, repeated)


def _paths(checks: Sequence[Check]) -> list[str]:
    return [check.path for check in checks]
