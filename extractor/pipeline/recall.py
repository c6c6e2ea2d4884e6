"""Recall questions: what the article states and no fact accounts for, asked about per kind.

After the first answers and their repairs, the verifier's unaccounted mentions (a delegate the
meeting leaves out, a weapon no deal holds, a sanction target, a resolution number) become
short questions, one call per fact kind. Each answer is chosen, not written: one key per
mention, its value a small enum (a role, a kind of measure) or one of the article's own spans
(the states of the weapon's sentence as buyer or seller), so the output has a fixed length with
no padding. The span an answer adds (a name, a designation, a quantity) is the mention itself,
copied by code; the assembled facts are then verified like every other value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Literal, get_args

from pydantic import BaseModel, create_model

from extractor.arabic.countries import countries_in, country_mentions
from extractor.arabic.country_aliases import BODIES
from extractor.arabic.designations import same_system
from extractor.arabic.lexicon import phrase_words
from extractor.arabic.names import find_text
from extractor.arabic.normalize import normalize, normalize_text
from extractor.arabic.weapons import categories
from extractor.pipeline.assemble import country_of
from extractor.progress import StageName
from extractor.schemas import Document, FactKind
from extractor.schemas.facts import ItemCategory
from extractor.schemas.response import (
    Answer,
    DealAnswer,
    EmbargoAnswer,
    ItemAnswer,
    MeetingAnswer,
    PersonAnswer,
    Text,
)
from extractor.verify.paths import CheckPath
from extractor.verify.source import Span
from extractor.verify.unaccounted import Mention

MAX_QUESTIONS = 12
"""Mentions asked about in one call; the rest wait for the next round."""

MAX_CHOICES = 16
"""Most spans one enum offers: the model chooses worse from many (docs/architecture.md,
"Candidate spans")."""

TOKENS_PER_KEY = 20
"""Output budget per reply key: the key, and a short enum value or span."""

CLAUSE_CHARS = 90
"""Characters of the mention's sentence shown on each side of it."""

Role = Literal["host", "guest", "other", "absent"]
Side = Literal["host", "guest", "other"]
"""A listed delegate's reply: the article states they took part, so only the side is asked."""
Measure = Literal["arms", "economic", "travel", "assets", "comprehensive", "other", "none"]


@dataclass(frozen=True)
class Question:
    """One reply key about one mention: the sentence shown with it, and what the reply may be
    (`choices` are article spans or fact labels; `free` is the type when they cannot be
    enumerated). The recall prompt words the question (prompts/recall.j2)."""

    key: str
    mention: Mention
    clause: str = ""
    """The mention's sentence around it, shown with the key; empty for a second key about the
    mention of the key before it (a weapon's seller after its buyer)."""
    again: bool = False
    """The sentence was shown with an earlier question: the mention is named alone."""
    choices: tuple[str, ...] = ()
    fixed: Any = None
    """A reply type that is always an enum (a role, a kind of measure), else None."""

    def annotation(self, constrained: bool) -> Any:
        """The reply's type: the fixed enum; the choices when constrained; else free text."""
        if self.fixed is not None:
            return self.fixed
        if constrained and 0 < len(self.choices) <= MAX_CHOICES:
            return Literal[self.choices] | None
        return Text | None


@dataclass(frozen=True)
class RecallQuestions:
    """One call's recall questions about one kind (a `rounds.QuestionRound`): applying its
    reply adds what it says to `answer`, a copy of the kind's best answer, and lists what was
    added."""

    kind: FactKind
    questions: Sequence[Question]
    answer: BaseModel
    text: str
    constrained: bool
    """Spans are offered as enums (else free text)."""

    template: ClassVar[str] = "recall"
    stage: ClassVar[StageName] = "recall"
    temperature: ClassVar[float] = 0.0

    @property
    def label(self) -> str:
        """`recall: meetings`."""
        return f"recall: {self.kind}"

    def reply_model(self) -> type[BaseModel]:
        """One key per question."""
        return reply_model(self.questions, self.constrained)

    def output_budget(self) -> int:
        """max_tokens for the reply."""
        return output_budget(self.questions)

    def apply(self, replies: Mapping[str, Any]) -> list[str]:
        """Add what the replies say to the answer; what was added, one line each."""
        return apply(self.kind, self.questions, replies, self.answer, self.text)


def questions(
    kind: FactKind, mentions: Sequence[Mention], document: Document, text: str
) -> list[Question]:
    """The questions about one kind's unaccounted mentions (at most MAX_QUESTIONS mentions)."""
    asked = list(mentions)[:MAX_QUESTIONS]
    if kind == "meetings":
        if not document.meetings and len(asked) < 2:
            return []  # one person alone makes no meeting
        return _sentences_once([_person_question(n, m, text) for n, m in enumerate(asked, 1)])
    if kind == "arms_deals":
        return [q for n, m in enumerate(asked, 1) for q in _weapon_questions(n, m, document, text)]
    if kind == "embargoes":
        numbered = list(enumerate(asked, 1))
        labels = _embargo_labels(document) + tuple(
            _target_label(n, m) for n, m in numbered if m.what == "target"
        )
        return _sentences_once(
            [q for n, m in numbered for q in _embargo_questions(n, m, document, text, labels)]
        )
    return []


def _sentences_once(asked: list[Question]) -> list[Question]:
    """The questions with each sentence shown once: a later mention of a sentence already shown
    is named alone (a delegation of nine, the seven resolutions of one sentence), which keeps
    the prompt short."""
    shown: set[Span] = set()
    once: list[Question] = []
    for question in asked:
        sentence = question.mention.sentence
        if question.clause and sentence in shown:
            question = replace(question, again=True)
        shown.add(sentence)
        once.append(question)
    return once


def _clause(mention: Mention, text: str) -> str:
    """The mention's sentence around it, cut to a short window of whole words; a listed
    person's window begins with the words that list them (`ويرافق ولي العهد وفد يضم … `)."""
    first, last = mention.sentence
    start = _word_start(text, max(first, mention.span[0] - CLAUSE_CHARS), first)
    end = min(last, mention.span[1] + CLAUSE_CHARS)
    while end < last and not text[end].isspace():
        end -= 1
    marker = mention.marker
    if marker is not None and marker[0] < start <= marker[1] + CLAUSE_CHARS // 2:
        start = marker[0]
    shown = " ".join(text[start:end].split())
    if marker is None or marker[0] >= start:
        return shown
    lead_end = marker[1] + CLAUSE_CHARS // 2
    while not text[lead_end].isspace():
        lead_end -= 1
    return f"{' '.join(text[marker[0] : max(lead_end, marker[1])].split())} … {shown}"


def _word_start(text: str, offset: int, floor: int) -> int:
    """`offset`, moved forward to the start of a word when it falls inside one."""
    if offset == floor or text[offset - 1].isspace():
        return offset
    while offset < len(text) and not text[offset].isspace():
        offset += 1
    return offset


def _person_question(number: int, mention: Mention, text: str) -> Question:
    reply = Side if mention.marker is not None else Role
    return Question(f"p{number}", mention, _clause(mention, text), fixed=reply)


def _weapon_questions(
    number: int, mention: Mention, document: Document, text: str
) -> list[Question]:
    states = _states(mention, document, text)
    return [
        Question(f"w{number}_buyer", mention, _clause(mention, text), choices=states),
        Question(f"w{number}_seller", mention, choices=states),
    ]


def _states(mention: Mention, document: Document, text: str) -> tuple[str, ...]:
    """The states the mention's sentence names, then the parties of the deals already found,
    each once by its code, as written."""
    surfaces: dict[str, str] = {}
    sentence = text[mention.sentence[0] : mention.sentence[1]]
    for found in country_mentions(sentence):
        surfaces.setdefault(found.iso3, found.surface)
    for deal in document.arms_deals:
        for code, surface in ((deal.buyer, deal.buyer_text), (deal.seller, deal.seller_text)):
            if code and surface:
                surfaces.setdefault(code, surface)
    return tuple(dict.fromkeys(surfaces.values()))


def _embargo_labels(document: Document) -> tuple[str, ...]:
    """One label per embargo already found and not refuted as a record, for a resolution to be
    filed under."""
    failed = {CheckPath.parse(check.path) for check in document.checks if check.failed}
    return tuple(
        f"{i}. {e.target_text} ({e.kind})"
        for i, e in enumerate(document.embargoes, 1)
        if not {(path := CheckPath.fact("embargoes", i - 1)), path.then("target_text")} & failed
    )


def _target_label(number: int, mention: Mention) -> str:
    """The label of a target asked about in the same call (`t2: إيران`): a resolution filed
    under it joins the embargo its reply makes."""
    return f"t{number}: {mention.text}"


def _embargo_questions(
    number: int, mention: Mention, document: Document, text: str, labels: tuple[str, ...]
) -> list[Question]:
    clause = _clause(mention, text)
    if mention.what == "resolution":
        return [Question(f"r{number}", mention, clause, choices=labels)] if labels else []
    imposers = _imposers(mention, document, text)
    return [
        Question(f"t{number}", mention, clause, fixed=Measure),
        Question(f"t{number}_by", mention, choices=imposers),
    ]


def _imposers(mention: Mention, document: Document, text: str) -> tuple[str, ...]:
    """The bodies and states of the mention's sentence (not the target), and the imposers of
    the embargoes already found, as written."""
    sentence = text[mention.sentence[0] : mention.sentence[1]]
    normalized = normalize(sentence)
    found: list[str] = []
    for phrases in BODIES.values():
        for phrase in sorted(phrases, key=len, reverse=True):
            if (match := find_text(phrase, normalized)) is not None:
                found.append(sentence[match.start : match.end])
                break
    found += [m.surface for m in country_mentions(sentence) if m.iso3 != mention.iso3]
    found += [e.imposed_by_text for e in document.embargoes if e.imposed_by_text]
    return tuple(dict.fromkeys(found))


def reply_model(asked: Sequence[Question], constrained: bool) -> type[BaseModel]:
    """The reply's schema: one key per question. Spans are enumerated when `constrained`; a
    schema that cannot be built so falls back to free text, which verification then checks."""
    try:
        return _model(asked, constrained)
    except (TypeError, ValueError):
        return _model(asked, False)


def _model(asked: Sequence[Question], constrained: bool) -> type[BaseModel]:
    fields: dict[str, Any] = {q.key: (q.annotation(constrained), ...) for q in asked}
    model = create_model("Recall", __base__=Answer, **fields)
    model.model_json_schema()
    return model


def output_budget(asked: Sequence[Question]) -> int:
    """max_tokens for the reply to these questions."""
    return 16 + TOKENS_PER_KEY * len(asked)


def apply(
    kind: FactKind,
    asked: Sequence[Question],
    replies: Mapping[str, Any],
    answer: BaseModel,
    text: str,
) -> list[str]:
    """Add what the replies say to the kind's answer (a copy of the best one); what was added,
    one line each."""
    if kind == "meetings":
        return _add_people(asked, replies, answer, text)
    if kind == "arms_deals":
        return _add_weapons(asked, replies, answer)
    return _add_measures(asked, replies, answer)


def _add_people(
    asked: Sequence[Question], replies: Mapping[str, Any], answer: Any, text: str
) -> list[str]:
    """Each person the reply places in a meeting joins the meeting whose people or place their
    sentence names (else the first); without a meeting, two such persons make one."""
    meetings: list[MeetingAnswer] = answer.meetings
    placed = [
        (question.mention, role)
        for question in asked
        if (role := replies.get(question.key)) in ("host", "guest", "other")
    ]
    if not meetings and len(placed) >= 2:
        meetings.append(_empty_meeting())
    if not meetings:
        return []
    added: list[str] = []
    for mention, role in placed:
        meeting = _meeting_of(meetings, text[mention.sentence[0] : mention.sentence[1]])
        titles = [title for title in mention.titles if len(title) <= 120]
        nameless = _nameless_with(meeting, titles)
        if nameless is not None:
            nameless.name = mention.text
        else:
            meeting.participants.append(
                PersonAnswer(
                    name=mention.text,
                    titles=titles[:2],
                    country=_country(role, titles, meeting),
                    side=role,
                )
            )
        added.append(f"meetings: {mention.text} ({role})")
    return added


def _nameless_with(meeting: MeetingAnswer, titles: Sequence[str]) -> PersonAnswer | None:
    """The participant written by post alone whose post the person's titles hold: the reply
    names them (`رئيس وزراء باكستان` is `شهباز شريف`)."""
    held = [normalize_text(title) for title in titles]
    for person in meeting.participants:
        if person.name is None and any(
            normalize_text(own) in title for own in person.titles for title in held
        ):
            return person
    return None


def _meeting_of(meetings: Sequence[MeetingAnswer], sentence: str) -> MeetingAnswer:
    """The meeting whose participants or place the sentence names most, else the first."""
    normalized = normalize(sentence)

    def named(meeting: MeetingAnswer) -> int:
        anchors = [p.name for p in meeting.participants] + [meeting.location_text]
        return sum(1 for a in anchors if a and find_text(a, normalized) is not None)

    return max(meetings, key=named)


def _empty_meeting() -> MeetingAnswer:
    return MeetingAnswer(
        participants=[],
        host_country=None,
        guest_countries=[],
        location_text=None,
        date_text=None,
        topics=[],
    )


def _country(role: str, titles: Sequence[str], meeting: MeetingAnswer) -> str | None:
    """The state a recalled person represents: the one their titles name, else their side's."""
    named = countries_in(" ".join(titles))
    if len(named) == 1:
        return next(iter(named))
    if role == "host":
        return meeting.host_country
    if role == "guest" and len(meeting.guest_countries) == 1:
        return meeting.guest_countries[0]
    return None


def _add_weapons(asked: Sequence[Question], replies: Mapping[str, Any], answer: Any) -> list[str]:
    """Each weapon the reply puts in a deal joins the deal of those parties, or a new one;
    named systems first, so that a count without a name can number one of them."""
    deals: list[DealAnswer] = answer.arms_deals
    added: list[str] = []
    buyers = [question for question in asked if question.key.endswith("_buyer")]
    for question in sorted(buyers, key=lambda question: not question.mention.named):
        buyer = _text(replies.get(question.key))
        seller = _text(replies.get(question.key.removesuffix("_buyer") + "_seller"))
        if buyer is None and seller is None:
            continue
        if buyer and seller and country_of(buyer, None) == country_of(seller, None):
            continue  # one state on both sides: the reply contradicts itself
        deal = _deal_of(deals, buyer, seller)
        if deal is None:
            deal = DealAnswer(
                buyer_text=buyer,
                buyer=None,
                seller_text=seller,
                seller=None,
                items=[],
                value_text=None,
                status="unknown",
                date_text=None,
                duration_text=None,
            )
            deals.append(deal)
        if (placed := _place(question.mention, deal)) is not None:
            added.append(f"arms_deals: {placed} ({buyer} ← {seller})")
    return added


def _place(mention: Mention, deal: DealAnswer) -> str | None:
    """Put a weapon in a deal, saying how; None when the deal already holds it. A count
    without a name (`36 طائرة`) numbers the deal's one unnumbered system of a kind its noun
    can be (an aircraft, not a tank); a system the deal
    holds under another spelling (`إف 35`, `إف-35`) takes the count if it had none."""
    count = mention.quantity_text
    kinds = categories(phrase_words(mention.designation or ""))
    unnumbered = [
        item
        for item in deal.items
        if item.quantity_text is None and (not kinds or item.category in kinds)
    ]
    if not mention.named and count and len(unnumbered) == 1:
        unnumbered[0].quantity_text = count
        return f"{mention.text} is {unnumbered[0].designation}"
    designation = mention.designation or mention.text
    held = [item for item in deal.items if same_system(item.designation, designation)]
    if held:
        if held[0].quantity_text is not None or count is None:
            return None
        held[0].quantity_text = count
        return f"{mention.text} is {held[0].designation}"
    category = _category(mention.category)
    deal.items.append(ItemAnswer(designation=designation, category=category, quantity_text=count))
    return mention.text


def _deal_of(
    deals: Sequence[DealAnswer], buyer: str | None, seller: str | None
) -> DealAnswer | None:
    """The deal between these parties, by the states their texts name."""
    wanted = (country_of(buyer, None), country_of(seller, None))
    for deal in deals:
        if (
            country_of(deal.buyer_text, deal.buyer),
            country_of(deal.seller_text, deal.seller),
        ) == wanted:
            return deal
    return None


def _category(category: str | None) -> Any:
    return category if category in get_args(ItemCategory) else "other"


def _add_measures(asked: Sequence[Question], replies: Mapping[str, Any], answer: Any) -> list[str]:
    """Each target the reply puts under a measure becomes an embargo; each resolution joins
    the embargo the reply files it under, one found before or one just made."""
    embargoes: list[EmbargoAnswer] = answer.embargoes
    existing = list(embargoes)
    filed = {_label_key(reply) for key, reply in replies.items() if key.startswith("r")}
    made: dict[str, EmbargoAnswer] = {}
    added: list[str] = []
    for question in asked:
        reply = replies.get(question.key)
        if not question.key.startswith("t") or question.key.endswith("_by"):
            continue
        if reply in (None, "none"):
            if question.key not in filed:
                continue
            reply = "other"  # resolutions filed under it say a measure exists, of a kind untold
        mention = question.mention
        made[question.key] = EmbargoAnswer(
            target_text=mention.text,
            target=mention.iso3,
            imposed_by_text=_text(replies.get(question.key + "_by")),
            kind=reply,
            resolutions=[],
            start_text=None,
            status="unknown",
        )
        embargoes.append(made[question.key])
        added.append(f"embargoes: {mention.text} ({reply})")
    for question in asked:
        reply = replies.get(question.key)
        if not question.key.startswith("r") or not isinstance(reply, str):
            continue
        embargo = _filed_under(reply, existing, made)
        number = question.mention.text
        if embargo is not None and number not in embargo.resolutions:
            embargo.resolutions.append(number)
            added.append(f"embargoes: resolution {number} → {embargo.target_text}")
    return added


def _filed_under(
    label: str, existing: Sequence[EmbargoAnswer], made: Mapping[str, EmbargoAnswer]
) -> EmbargoAnswer | None:
    """The embargo a resolution's reply names: `2. …` one found before, `t1: …` one made."""
    head = _label_key(label)
    if head.isdigit():
        index = int(head) - 1
        return existing[index] if 0 <= index < len(existing) else None
    return made.get(head)


def _label_key(label: Any) -> str:
    """What a filing label points at: an embargo's number (`2`) or a target's key (`t1`)."""
    return str(label).split(".", 1)[0].split(":", 1)[0] if isinstance(label, str) else ""


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
