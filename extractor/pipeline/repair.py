"""Reasks as repairs: each value the verifier rejected goes back to the model as one question.

A small model asked to redo a whole answer mostly repeats it, and regenerating every fact
costs more time than the first answer did. So a reask lists only the failing values, each
with the verifier's message, and the model answers each with the value as the article writes
it, or null when the article does not state it. The replies are patched into a copy of the
answers, which are then assembled and verified like the first ones.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, create_model

from extractor.arabic.sentences import split_sentences
from extractor.arabic.targets import words_beside_measures
from extractor.pipeline.assemble import Origin
from extractor.progress import StageName
from extractor.schemas import Check
from extractor.schemas.facts import ItemCategory, Side
from extractor.schemas.response import (
    Answer,
    Code,
    DealAnswer,
    EmbargoAnswer,
    ItemAnswer,
    MeetingAnswer,
    PersonAnswer,
    ResolutionDigits,
    Text,
)
from extractor.schemas.roles import COUNTRY_CODES, DEFINING_FIELDS, FLATTENED, SURFACE_OF
from extractor.verify.participants import is_post_finding
from extractor.verify.paths import CheckPath, Step

MAX_QUESTIONS = 12
"""Failing values asked about in one reask; the rest wait for the next one."""

TOKENS_PER_QUESTION = 48
"""Output budget per question: a key, and a value of up to a short Arabic phrase."""

REASK_TEMPERATURE = 0.7
"""The first reask is greedy; later ones sample, because the same question asked again at
temperature 0 gets the same reply. A reask whose reply changes nothing is the last one: the
model stands by its values, and asking again has not changed its mind in measurements."""

RECORD = ""
"""The `field` of a question about a whole record that is withdrawn, not asked about: a fact
of the wrong kind (a sports deal, a ceremony with one official)."""

RECORD_LISTS = frozenset({"participants", "items"})
"""Lists of records inside a fact: a path ending in one of them names a whole record."""

RECORD_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {
    PersonAnswer: ("name",),
    ItemAnswer: ("designation",),
    DealAnswer: ("seller_text", "buyer_text", "seller", "buyer"),
    MeetingAnswer: ("host_country",),
    EmbargoAnswer: ("target_text",),
}
"""For a finding about a whole record (docs/contract.md, rule 3), the fields that may hold the
value it turns on, in the order asked: a reversed or equal pair asks who sells; a target named
beside no measure asks which words name it."""

MAX_CHOICES = 16
"""Most choices one question offers; beyond them the reply is free text (a small model chooses
worse among many)."""

Reply = Literal["code", "resolution", "category", "side", "choice", "text"]
REPLY_TYPES: dict[Reply, Any] = {
    "code": Code | None,
    "resolution": ResolutionDigits | None,
    "category": ItemCategory | None,
    "side": Side | None,
    "text": Text | None,
}
"""The type of each kind of reply in the reply schema (a choice's is its choices)."""


@dataclass(frozen=True)
class Place:
    """Where a value lives: the answer object holding it, and the list that holds the object."""

    holder: BaseModel
    container: list[Any]


@dataclass(frozen=True)
class Question:
    """One failing value, the places it was written, and what the verifier said about it."""

    key: str
    field: str
    old: str
    message: str
    status: str
    places: tuple[Place, ...]
    to_titles: bool = False
    """The old value is a post written as a name: it moves to the titles whatever the reply."""
    choices: tuple[str, ...] = ()
    """What the reply may be, as the article writes it (an embargo's target: the words beside
    its measures); free text when empty."""

    @property
    def reply(self) -> Reply:
        """What a reply is: a code, a resolution number, a weapon category, a side or one of the
        offered choices, each told by the repair prompt, or else text copied from the article."""
        if self.field in COUNTRY_CODES:
            return "code"
        if self.field == "resolutions":
            return "resolution"
        if self.field == "category":
            return "category"
        if self.field == "side":
            return "side"
        if self.choices:
            return "choice"
        return "text"

    @property
    def annotation(self) -> Any:
        """The type a reply to this question has in the reply schema."""
        if self.reply == "choice":
            return Literal[self.choices] | None
        return REPLY_TYPES[self.reply]


@dataclass(frozen=True)
class RepairQuestions:
    """One round of repair questions (a `rounds.QuestionRound`): applying its reply patches the
    answers and counts the values it changed."""

    questions: Sequence[Question]
    number: int
    """The round's number, from 1."""

    template: ClassVar[str] = "repair"
    kind: ClassVar[None] = None
    stage: ClassVar[StageName] = "repair"

    @property
    def label(self) -> str:
        """`repair round 2`."""
        return f"repair round {self.number}"

    @property
    def temperature(self) -> float:
        """Greedy in the first round, sampled after it."""
        return 0.0 if self.number == 1 else REASK_TEMPERATURE

    def reply_model(self) -> type[BaseModel]:
        """One nullable key per question."""
        return reply_model(self.questions)

    def output_budget(self) -> int:
        """max_tokens for the reply."""
        return output_budget(self.questions)

    def apply(self, replies: Mapping[str, Any]) -> int:
        """Patch the replies into the answers; the number of values changed."""
        return apply(self.questions, replies)


def questions(
    failures: Sequence[Check],
    origins: Mapping[str, Sequence[Origin]],
    limit: int = MAX_QUESTIONS,
    *,
    withdrawn: bool = False,
) -> list[Question]:
    """The failing values that answers can be asked about, each once, in document order.

    A derived value and its text fail together (`quantity` and `quantity_text`); they make one
    question, with the message about the text the reply replaces. One wrong value written in
    several places with the same finding (a title copied to every delegate) is one question.
    When an entry's defining value fails (an item's designation), its other values wait: they
    may go with it. A finding about a whole record asks about the value it turns on (a post
    written as a name: who holds it?); one that turns on none is a withdrawal (`withdrawn`).
    """
    located = [(check, where) for check in failures if (where := _locate(check, origins))]
    doubtful = {id(where[0]) for _, where in located if where[1] in DEFINING_FIELDS | {RECORD}}
    chosen: dict[tuple[int, str, str], tuple[Check, Place]] = {}
    for check, (holder, field, old, container) in located:
        if id(holder) in doubtful and field not in DEFINING_FIELDS | {RECORD}:
            continue
        value = (id(holder), field, old)
        if value not in chosen or CheckPath.parse(check.path).field == field:
            chosen[value] = (check, Place(holder, container))
    grouped: dict[tuple[str, str, str], list[tuple[Check, Place]]] = {}
    for (_, field, old), (check, place) in chosen.items():
        if (field == RECORD) == withdrawn:
            grouped.setdefault((field, old, check.message), []).append((check, place))
    return [
        Question(
            f"q{n}",
            field,
            old,
            message,
            group[0][0].status,
            tuple(p for _, p in group),
            to_titles=field == "name" and is_post_finding(group[0][0]),
        )
        for n, ((field, old, message), group) in enumerate(list(grouped.items())[:limit], 1)
    ]


def offer_choices(asked: Sequence[Question], text: str) -> list[Question]:
    """The questions, those about an embargo's target offering the words beside the article's
    measures (`حظر توريد الأسلحة إلى المتمردين`: `المتمردين`) instead of free text, so the
    target moves to the words its measure names instead of the record being withdrawn."""
    if not any(question.field == "target_text" for question in asked):
        return list(asked)
    beside = [w for span in split_sentences(text) for w in words_beside_measures(text, span)]
    offered: list[Question] = []
    for question in asked:
        choices = tuple(dict.fromkeys(w for w in beside if w != question.old))
        if question.field == "target_text" and 0 < len(choices) <= MAX_CHOICES:
            question = replace(question, choices=choices)
        offered.append(question)
    return offered


def withdrawals(
    failures: Sequence[Check], origins: Mapping[str, Sequence[Origin]]
) -> list[Question]:
    """The records of the wrong kind (a sports deal, a ceremony with one official): withdrawn
    unasked, by applying no reply to them."""
    return questions(failures, origins, limit=len(failures), withdrawn=True)


def echoes(asked: Sequence[Question], examples: Container[str]) -> list[Question]:
    """The questions about values that are not in the article but are in the prompt's own
    examples: the model copied them from its instructions, and they are withdrawn unasked."""
    return [q for q in asked if q.status == "unsupported" and q.old.strip() in examples]


def reply_model(asked: Sequence[Question]) -> type[BaseModel]:
    """The JSON schema of a reply: one nullable key per question, nothing else (a reply that
    says null in words is null, as in every answer)."""
    fields: dict[str, Any] = {question.key: (question.annotation, ...) for question in asked}
    return create_model("Corrections", __base__=Answer, **fields)


def output_budget(asked: Sequence[Question]) -> int:
    """max_tokens for a reply to these questions."""
    return 16 + TOKENS_PER_QUESTION * len(asked)


def apply(asked: Sequence[Question], replies: Mapping[str, Any]) -> int:
    """Patch every reply that differs from the value it replaces into its answer entries; the
    number of values changed. A missing reply withdraws the value."""
    changed = 0
    for question in asked:
        new = replies.get(question.key)
        if new == question.old:
            continue
        changed += 1
        for place in question.places:
            _patch(question, place, new)
    return changed


def _patch(question: Question, place: Place, new: str | None) -> None:
    if question.field == RECORD:
        place.container[:] = [entry for entry in place.container if entry is not place.holder]
        return
    if question.to_titles and isinstance(place.holder, PersonAnswer):
        place.holder.titles = [*place.holder.titles, question.old]
    current = getattr(place.holder, question.field)
    if question.field == "category" and new is None:
        setattr(place.holder, question.field, "other")
    elif isinstance(current, list):
        patched = [new if value == question.old else value for value in current]
        setattr(place.holder, question.field, [value for value in patched if value])
    elif new is None and question.field in DEFINING_FIELDS:
        place.container[:] = [entry for entry in place.container if entry is not place.holder]
    else:
        setattr(place.holder, question.field, new)


def _locate(
    check: Check, origins: Mapping[str, Sequence[Origin]]
) -> tuple[BaseModel, str, str, list[Any]] | None:
    """The answer object, field and written value behind a failing Document path, if any."""
    steps = CheckPath.parse(check.path).steps
    if not steps or any(step.name == "evidence" for step in steps):
        return None
    origin = _record_of(origins.get(steps[0].name, ()), steps[0])
    if origin is None:
        return None
    if len(steps) == 1:
        return _record(origin, check)
    for step in steps[1:-1]:
        if step.name in FLATTENED:  # a record the answer writes as text (value.amount)
            return _scalar(origin, FLATTENED[step.name])
        origin = _record_of(origin.records.get(step.name, ()), step)
        if origin is None:
            return None
    last = steps[-1]
    field = _written(origin.entry, last.name)
    if last.index is None:
        return _scalar(origin, field)
    if last.name in RECORD_LISTS:
        record = _record_of(origin.records.get(last.name, ()), last)
        if record is not None:
            return _record(record, check)
    values = getattr(origin.entry, field, None)
    if isinstance(values, list) and check.value in values:
        return origin.entry, field, check.value, origin.entries
    return None


def _written(holder: BaseModel, name: str) -> str:
    """The answer field that holds what the model wrote for a Document field: the field
    itself (a code, a name), else the surface text the value is derived from (a quantity)."""
    if name in type(holder).model_fields:
        return name
    return SURFACE_OF.get(name, name)


def _record_of(records: Sequence[Origin], step: Step) -> Origin | None:
    """The origin of the fact or record a Document index points to, as assembly recorded it."""
    if step.index is None or step.index >= len(records):
        return None
    return records[step.index]


def _record(origin: Origin, check: Check) -> tuple[BaseModel, str, str, list[Any]] | None:
    """A finding about a whole record: the field holding the value it turns on, asked about;
    a finding that turns on no value withdraws the record."""
    holder = origin.entry
    if check.value is None:
        return holder, RECORD, "", origin.entries
    for field in RECORD_FIELDS.get(type(holder), ()):
        if getattr(holder, field, None) == check.value:
            return holder, field, check.value, origin.entries
    return None


def _scalar(origin: Origin, field: str) -> tuple[BaseModel, str, str, list[Any]] | None:
    value = getattr(origin.entry, field, None)
    return (origin.entry, field, value, origin.entries) if isinstance(value, str) else None
