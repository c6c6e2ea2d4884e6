"""Corrupted and value-preserving variants of gold Documents, one change each, for the
hallucination benchmark.

Every case records the paths it changed (as Check paths) and the surface strings a
string-grounding tool would be given for them ("claims"): the changed surface field itself, or,
for a derived value (a count, an amount, a code, a date), the surface field it was derived from,
which the corruption leaves as it was. A derived value with no surface field of its own (a
participant's country, a meeting's host) gives such a tool nothing to check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

import regex

from extractor.arabic.countries import countries_in, country_mentions
from extractor.arabic.normalize import normalize_text
from extractor.schemas import FACT_KINDS, Document
from extractor.schemas.roles import CODES, ENUMERATIONS, SURFACE_OF, UNWRITTEN_CODES
from extractor.verify.walk import get_path, with_values

Family = Literal["number", "name", "code", "date", "fact", "preserving"]

FAKE_NAMES = (
    "يوسف عبد الكريم المنصوري",
    "سالم راشد العتيبي",
    "مراد حسين القاسمي",
    "كريم الطاهر بن علي",
    "نادر فؤاد الحلبي",
    "هشام وليد الزعبي",
)
"""Plausible names written for this benchmark; a case uses the first one absent from the text."""

FAKE_GIVEN_NAMES = ("نواز", "كمال", "ياسر", "فيصل", "طارق", "منصور")
"""Given names that replace a real name's first token (`شهباز شريف` -> `نواز شريف`)."""

FAKE_CODES = ("BRA", "IND", "NGA", "DEU", "KOR", "ARG", "VNM", "POL")
"""Country codes for `wrong country code`; a case uses the first one the text never mentions."""

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FATHA, KASRA = "\u064e", "\u0650"
_DIGITS = re.compile(r"[0-9]")
_NUMERAL = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_ARABIC_LETTER = regex.compile(r"\p{Arabic}")

WRONG_CATEGORY = {"ship": "fighter_aircraft", "submarine": "fighter_aircraft"}
"""The wrong category a `wrong category` case files an item under: `ship`, else this."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A surface string as the gold has it and as the changed Document has it."""

    original: str
    text: str


@dataclass(frozen=True, slots=True)
class Case:
    """One changed Document: what kind of change, where, and what a grounding tool sees."""

    doc_id: str
    kind: str
    family: Family
    paths: tuple[str, ...]
    document: Document
    claims: tuple[Claim, ...]
    note: str


_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def _surface_path(path: str) -> str | None:
    """The path of the surface field a derived field is read from, if it has one."""
    prefix, _, name = path.rpartition(".")
    surface = SURFACE_OF.get(name)
    return f"{prefix}.{surface}" if surface else None


def _claims(gold: Document, document: Document, paths: tuple[str, ...]) -> tuple[Claim, ...]:
    """The surface strings a string-grounding tool would check for the changed paths."""
    claims: dict[str, Claim] = {}
    for path in paths:
        field = _STEP.findall(path)[-1][0]
        if field in UNWRITTEN_CODES or field in ENUMERATIONS:
            continue
        surface = _surface_path(path) or path
        text, original = get_path(document, surface), get_path(gold, surface)
        if isinstance(text, str) and isinstance(original, str) and text:
            claims[surface] = Claim(original, text)
    return tuple(claims.values())


def _bump_last_digit(text: str) -> str:
    """The text with its last ASCII digit raised by one (16 -> 17, 1,12 -> 1,13, 19 -> 10)."""
    last = [m.start() for m in _DIGITS.finditer(text)][-1]
    return f"{text[:last]}{(int(text[last]) + 1) % 10}{text[last + 1 :]}"


def _numeral_value(text: str) -> float:
    match = _NUMERAL.search(text)
    if match is None:
        raise ValueError(f"no numeral in {text!r}")
    return float(match.group().replace(",", "."))


def _absent(candidates: tuple[str, ...], source: str) -> str:
    """The first candidate that does not occur in the normalized source."""
    folded = normalize_text(source)
    for candidate in candidates:
        if normalize_text(candidate) not in folded:
            return candidate
    raise ValueError("every candidate occurs in the text")


class _Builder:
    """Makes the cases of one gold Document."""

    def __init__(self, gold: Document, source: str) -> None:
        self.gold = gold
        self.source = source
        self.absent_codes = [code for code in FAKE_CODES if code not in countries_in(source)]

    def case(
        self,
        kind: str,
        family: Family,
        changes: Mapping[str, object],
        note: str,
        record: str | None = None,
    ) -> Case:
        """One changed Document; `record` is the path of the record whose role the change makes
        wrong (a fact-level change is flagged by a finding there, or at a changed path)."""
        document = with_values(self.gold, changes)
        return Case(
            doc_id=self.gold.doc_id,
            kind=kind,
            family=family,
            paths=(*changes, *([record] if record else [])),
            document=document,
            claims=_claims(self.gold, document, tuple(changes)),
            note=note,
        )

    def items(self) -> Iterator[tuple[str, int | None, str | None]]:
        """(item path, quantity, quantity_text) of every item."""
        for d, deal in enumerate(self.gold.arms_deals):
            for i, item in enumerate(deal.items):
                yield f"arms_deals[{d}].items[{i}]", item.quantity, item.quantity_text

    def number_digit(self) -> Iterator[Case]:
        for path, quantity, text in self.items():
            if quantity is not None and text and _DIGITS.search(text):
                new_text = _bump_last_digit(text)
                changes = {
                    f"{path}.quantity": int(_numeral_value(new_text)),
                    f"{path}.quantity_text": new_text,
                }
                yield self.case("number ±1 digit", "number", changes, f"{text} -> {new_text}")
        for d, deal in enumerate(self.gold.arms_deals):
            money = deal.value
            if money is None or money.amount is None or not _DIGITS.search(money.text):
                continue
            new_text = _bump_last_digit(money.text)
            amount = money.amount * _numeral_value(new_text) / _numeral_value(money.text)
            changes = {
                f"arms_deals[{d}].value.amount": round(amount, 2),
                f"arms_deals[{d}].value.text": new_text,
            }
            yield self.case("number ±1 digit", "number", changes, f"{money.text} -> {new_text}")

    def quantity_swap(self) -> Iterator[Case]:
        counted = [(path, q, t) for path, q, t in self.items() if q is not None and t]
        for index, (left, left_q, left_t) in enumerate(counted):
            for right, right_q, right_t in counted[index + 1 :]:
                if left_q == right_q:
                    continue
                changes = {
                    f"{left}.quantity": right_q,
                    f"{left}.quantity_text": right_t,
                    f"{right}.quantity": left_q,
                    f"{right}.quantity_text": left_t,
                }
                yield self.case("quantities swapped", "number", changes, f"{left_t} <-> {right_t}")

    def value_scale(self) -> Iterator[Case]:
        for d, deal in enumerate(self.gold.arms_deals):
            if deal.value is None:
                continue
            for field in ("amount", "min_amount"):
                figure = getattr(deal.value, field)
                if figure is not None:
                    changes = {f"arms_deals[{d}].value.{field}": figure * 10}
                    yield self.case("value scale ×10", "number", changes, f"{figure:g} -> ×10")

    def resolution(self) -> Iterator[Case]:
        for e, embargo in enumerate(self.gold.embargoes):
            for r, number in enumerate(embargo.resolutions):
                wrong = _bump_last_digit(number)
                changes = {f"embargoes[{e}].resolutions[{r}]": wrong}
                yield self.case(
                    "wrong resolution number", "number", changes, f"{number} -> {wrong}"
                )

    def participants(self) -> Iterator[tuple[str, str]]:
        seen: set[str] = set()
        for m, meeting in enumerate(self.gold.meetings):
            for p, person in enumerate(meeting.participants):
                if person.name and person.name not in seen:
                    seen.add(person.name)
                    yield f"meetings[{m}].participants[{p}].name", person.name

    def names(self) -> Iterator[Case]:
        for index, (path, name) in enumerate(self.participants()):
            stranger = _absent(FAKE_NAMES[index % len(FAKE_NAMES) :] + FAKE_NAMES, self.source)
            yield self.case(
                "name not in the text", "name", {path: stranger}, f"{name} -> {stranger}"
            )
            tokens = name.split()
            if len(tokens) > 1:
                given = (f"{g} {' '.join(tokens[1:])}" for g in FAKE_GIVEN_NAMES)
                changed = _absent(tuple(given), self.source)
                yield self.case(
                    "given name replaced", "name", {path: changed}, f"{name} -> {changed}"
                )

    def code_paths(self) -> Iterator[tuple[str, str]]:
        for m, meeting in enumerate(self.gold.meetings):
            if meeting.host_country:
                yield f"meetings[{m}].host_country", meeting.host_country
            for g, guest in enumerate(meeting.guest_countries):
                yield f"meetings[{m}].guest_countries[{g}]", guest
            for p, person in enumerate(meeting.participants):
                if person.country:
                    yield f"meetings[{m}].participants[{p}].country", person.country
        for d, deal in enumerate(self.gold.arms_deals):
            for field in ("buyer", "seller"):
                code = getattr(deal, field)
                if code:
                    yield f"arms_deals[{d}].{field}", code
        for e, embargo in enumerate(self.gold.embargoes):
            if embargo.target:
                yield f"embargoes[{e}].target", embargo.target

    def codes(self) -> Iterator[Case]:
        for index, (path, code) in enumerate(self.code_paths()):
            wrong = self.absent_codes[index % len(self.absent_codes)]
            yield self.case("wrong country code", "code", {path: wrong}, f"{code} -> {wrong}")

    def dates(self) -> Iterator[Case]:
        dated = [(f"meetings[{m}].date", x.date) for m, x in enumerate(self.gold.meetings)]
        dated += [(f"arms_deals[{d}].date", x.date) for d, x in enumerate(self.gold.arms_deals)]
        dated += [(f"embargoes[{e}].start", x.start) for e, x in enumerate(self.gold.embargoes)]
        for path, value in dated:
            if value:
                wrong = _shift_date(value)
                yield self.case("wrong date", "date", {path: wrong}, f"{value} -> {wrong}")

    def surface_paths(self) -> Iterator[tuple[str, str]]:
        """Every name, place, designation and *_text field with a value."""
        yield from self.participants()
        for m, meeting in enumerate(self.gold.meetings):
            for field in ("location_text", "date_text"):
                if getattr(meeting, field):
                    yield f"meetings[{m}].{field}", getattr(meeting, field)
        for d, deal in enumerate(self.gold.arms_deals):
            for field in ("buyer_text", "seller_text", "date_text", "duration_text"):
                if getattr(deal, field):
                    yield f"arms_deals[{d}].{field}", getattr(deal, field)
            for i, item in enumerate(deal.items):
                yield f"arms_deals[{d}].items[{i}].designation", item.designation
                if item.quantity_text:
                    yield f"arms_deals[{d}].items[{i}].quantity_text", item.quantity_text
            if deal.value is not None:
                yield f"arms_deals[{d}].value.text", deal.value.text
        for e, embargo in enumerate(self.gold.embargoes):
            for field in ("target_text", "imposed_by_text", "start_text"):
                if getattr(embargo, field):
                    yield f"embargoes[{e}].{field}", getattr(embargo, field)

    def rewrites(self) -> Iterator[Case]:
        for path, value in self.surface_paths():
            if _DIGITS.search(value):
                indic = value.translate(ARABIC_INDIC)
                yield self.case("digit script changed", "preserving", {path: indic}, indic)
            if _ARABIC_LETTER.search(value):
                cliticized = self._cliticized(value)
                yield self.case("clitic added", "preserving", {path: cliticized}, cliticized)
                voweled = _with_diacritics(value)
                yield self.case("diacritics added", "preserving", {path: voweled}, voweled)

    def _cliticized(self, value: str) -> str:
        """The value with a clitic the text itself puts on it, else with a leading و."""
        if value.startswith("ال"):
            stem = value[2:]
            candidates = [f"{c}{value}" for c in ("و", "ف", "ب", "وب")]
            candidates += [f"{c}{stem}" for c in ("لل", "ولل", "بال", "وبال")]
        else:
            candidates = [f"{c}{value}" for c in ("و", "ب", "ل", "ف", "وب", "ول", "وف")]
        found = [candidate for candidate in candidates if candidate in self.source]
        return found[0] if found else "و" + value

    def all(self) -> Iterator[Case]:
        for make in self.makers():
            yield from make()

    def makers(self) -> tuple[Callable[[], Iterator[Case]], ...]:
        return (
            self.number_digit,
            self.quantity_swap,
            self.value_scale,
            self.resolution,
            self.names,
            self.codes,
            self.dates,
            self.parties,
            self.roles,
            self.designations,
            self.categories,
            self.hosts,
            self.sides,
            self.rewrites,
        )

    def parties(self) -> Iterator[Case]:
        """Buyer and seller swapped; the seller made the buyer."""
        for d, deal in enumerate(self.gold.arms_deals):
            if deal.buyer is None or deal.seller is None or deal.buyer == deal.seller:
                continue
            path = f"arms_deals[{d}]"
            swapped = {
                f"{path}.buyer": deal.seller,
                f"{path}.seller": deal.buyer,
                f"{path}.buyer_text": deal.seller_text,
                f"{path}.seller_text": deal.buyer_text,
            }
            note = f"{deal.buyer} <-> {deal.seller}"
            yield self.case("buyer and seller swapped", "fact", swapped, note, path)
            same = {f"{path}.seller": deal.buyer, f"{path}.seller_text": deal.buyer_text}
            yield self.case("seller = buyer", "fact", same, f"seller {deal.buyer}", path)

    def roles(self) -> Iterator[Case]:
        """A participant's name replaced by one of its titles, by a state the article names,
        or by a person the article names outside that meeting."""
        states = [m.surface for m in country_mentions(self.source)]
        for m, meeting in enumerate(self.gold.meetings):
            elsewhere = [
                person.name
                for other, held in enumerate(self.gold.meetings)
                if other != m
                for person in held.participants
                if person.name and all(p.name != person.name for p in meeting.participants)
            ]
            for p, person in enumerate(meeting.participants):
                record = f"meetings[{m}].participants[{p}]"
                path = f"{record}.name"
                if person.name is None:
                    continue
                posts = [title for title in person.titles if len(title.split()) > 1]
                if posts:
                    yield self.case("name is a title", "fact", {path: posts[0]}, posts[0], record)
                if states:
                    state = states[p % len(states)]
                    yield self.case("name is a state", "fact", {path: state}, state, record)
                if elsewhere:
                    other = elsewhere[p % len(elsewhere)]
                    note = f"{person.name} -> {other}"
                    yield self.case(
                        "name of a person elsewhere", "fact", {path: other}, note, record
                    )

    def designations(self) -> Iterator[Case]:
        """A designation replaced by a state the article names, or by a phrase of the article
        that names no weapon (the deal's value or date as written)."""
        states = [m.surface for m in country_mentions(self.source)]
        for path, _, _ in self.items():
            deal = self.gold.arms_deals[int(path.split("[")[1].split("]")[0])]
            phrases = [text for text in (deal.value and deal.value.text, deal.date_text) if text]
            changes: list[tuple[str, str]] = []
            if states:
                changes.append(("designation is a state", states[0]))
            if phrases:
                changes.append(("designation is no weapon", phrases[0]))
            for kind, text in changes:
                yield self.case(kind, "fact", {f"{path}.designation": text}, text, path)

    def categories(self) -> Iterator[Case]:
        """A category the weapon words do not name."""
        for d, deal in enumerate(self.gold.arms_deals):
            for i, item in enumerate(deal.items):
                wrong = WRONG_CATEGORY.get(item.category, "ship")
                path = f"arms_deals[{d}].items[{i}].category"
                note = f"{item.category} -> {wrong}"
                yield self.case("wrong category", "fact", {path: wrong}, note)

    def hosts(self) -> Iterator[Case]:
        """Host and guests swapped."""
        for m, meeting in enumerate(self.gold.meetings):
            if meeting.host_country is None or len(meeting.guest_countries) != 1:
                continue
            path = f"meetings[{m}]"
            guest = meeting.guest_countries[0]
            changes = {
                f"{path}.host_country": guest,
                f"{path}.guest_countries": [meeting.host_country],
            }
            note = f"{meeting.host_country} <-> {guest}"
            yield self.case("host and guests swapped", "fact", changes, note, path)

    def sides(self) -> Iterator[Case]:
        """A delegate's side swapped (host <-> guest), flagged at the side or, when the sides
        then dispute the host as a whole, at the meeting; a delegate given the state of the
        other side, which the side check flags as the side its state contradicts."""
        for m, meeting in enumerate(self.gold.meetings):
            host = [meeting.host_country] if meeting.host_country else []
            other_states = {"host": meeting.guest_countries, "guest": host}
            for p, person in enumerate(meeting.participants):
                if person.side not in ("host", "guest"):
                    continue
                path = f"meetings[{m}].participants[{p}]"
                flipped = "guest" if person.side == "host" else "host"
                note = f"{person.name}: {person.side} -> {flipped}"
                yield self.case(
                    "delegate's side swapped",
                    "fact",
                    {f"{path}.side": flipped},
                    note,
                    f"meetings[{m}]",
                )
                states = [s for s in other_states[person.side] if s != person.country]
                if states:
                    changes = {f"{path}.country": states[0]}
                    note = f"{person.name}: {person.country} -> {states[0]}"
                    yield self.case(
                        "delegate given the other side's state",
                        "fact",
                        changes,
                        note,
                        f"{path}.side",
                    )


def _shift_date(value: str) -> str:
    """A different date at the same precision: the day before, the month before, the year before."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        year, month, day = parts
        day = day - 1 if day > 1 else 28
        return f"{year:04d}-{month:02d}-{day:02d}"
    if len(parts) == 2:
        year, month = parts
        month = month - 1 if month > 1 else 12
        return f"{year:04d}-{month:02d}"
    return f"{parts[0] - 1:04d}"


def _with_diacritics(value: str) -> str:
    """Fatha after the first letter and kasra after the third letter of each Arabic word."""
    words = []
    for word in value.split(" "):
        letters = list(word)
        if len(letters) >= 4 and _ARABIC_LETTER.match(letters[2]):
            letters.insert(3, KASRA)
        if letters and _ARABIC_LETTER.match(letters[0]):
            letters.insert(1, FATHA)
        words.append("".join(letters))
    return " ".join(words)


def cases_for(gold: Document, source: str) -> list[Case]:
    """Every corruption and value-preserving rewrite of one gold Document."""
    return list(_Builder(gold, source).all())


NOT_SURFACE = CODES | set(SURFACE_OF) | ENUMERATIONS
"""Fields that hold codes, enumerations or derived values rather than text from the article."""


def surface_strings(document: Document) -> list[str]:
    """Every string a fact copies from the article (names, titles, designations, *_text,
    resolutions, evidence): what a string-grounding tool can check."""
    found: list[str] = []

    def collect(value: object, field: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                collect(inner, key)
        elif isinstance(value, list):
            for inner in value:
                collect(inner, field)
        elif isinstance(value, str) and value and field not in NOT_SURFACE:
            found.append(value)

    for kind in FACT_KINDS:
        collect(document.model_dump(mode="json")[kind], kind)
    return found
