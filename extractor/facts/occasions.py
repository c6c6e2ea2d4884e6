"""Across documents: when facts reported by different outlets are one real-world occasion.

The register groups facts with these rules. Each kind has a block (the parties: supplier and
recipient, the states of a meeting, the target) and only facts of one block are
ever compared, sorted by date and within the kind's window, so grouping n facts costs about
n log n. Groups are the connected components of "same occasion", which do not depend on the
order the facts arrive in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extractor.arabic.countries import country_for
from extractor.arabic.designations import designation_key
from extractor.arabic.normalize import normalize_text
from extractor.arabic.person_identity import same_person
from extractor.schemas import ArmsDeal, Embargo, FactKind, Meeting

AnyFact = ArmsDeal | Meeting | Embargo

KIND_OF: dict[type[AnyFact], FactKind] = {
    ArmsDeal: "arms_deals",
    Meeting: "meetings",
    Embargo: "embargoes",
}
"""The Document list each fact type lives in: the register's kind names."""


@dataclass(frozen=True, slots=True)
class Windows:
    """How far apart, in days, two reports of one occasion may be dated."""

    deals: int = 3
    meetings: int = 2
    embargoes: int = 3

    def of(self, kind: FactKind) -> int:
        """The window of a register kind (`arms_deals`, `meetings`, `embargoes`)."""
        return {"arms_deals": self.deals, "meetings": self.meetings, "embargoes": self.embargoes}[
            kind
        ]


@dataclass(frozen=True, slots=True)
class Reported:
    """One fact as one source reported it: `key` is unique and stable (source and position)."""

    key: str
    fact: AnyFact
    published: dt.date | None

    @property
    def kind(self) -> FactKind:
        """`arms_deals`, `meetings` or `embargoes`."""
        return KIND_OF[type(self.fact)]


def _full_date(value: str | None) -> dt.date | None:
    if value is None or len(value) != len("YYYY-MM-DD"):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def occasion_date(reported: Reported) -> dt.date | None:
    """When the occasion happened: the fact's own full date, else the publication date
    (a month or a year says too little to tell two occasions apart)."""
    fact = reported.fact
    own = fact.start if isinstance(fact, Embargo) else fact.date
    return _full_date(own) or reported.published


def _text_key(text: str | None) -> str:
    return " ".join(normalize_text(text).split()) if text else ""


def block_of(reported: Reported) -> str | None:
    """The parties every fact of one occasion shares; None when they are unknown (such a fact
    is never merged)."""
    fact = reported.fact
    if isinstance(fact, ArmsDeal):
        if fact.seller is None or fact.buyer is None:
            return None
        return f"arms_deals:{fact.seller}>{fact.buyer}"
    if isinstance(fact, Meeting):
        states = sorted(
            {*fact.guest_countries, *([fact.host_country] if fact.host_country else [])}
        )
        return f"meetings:{'+'.join(states)}" if states else None
    target = fact.target or _text_key(fact.target_text)
    return f"embargoes:{target}" if target else None


def _imposer(embargo: Embargo) -> str:
    return embargo.imposed_by or _text_key(embargo.imposed_by_text)


def _same_imposer(first: Embargo, second: Embargo) -> bool:
    """The same imposing body, or one report that does not name it: outlets often write
    'sanctions on Russia' without saying whose."""
    imposers = {_imposer(first), _imposer(second)}
    return len(imposers) == 1 or "" in imposers


def designation_keys(deal: ArmsDeal) -> frozenset[str]:
    """The systems a deal names, one key per system whatever the script or spelling."""
    return frozenset(key for item in deal.items if (key := designation_key(item.designation)))


def _names(meeting: Meeting) -> list[str]:
    return [person.name for person in meeting.participants if person.name]


def _same_meeting(first: Meeting, second: Meeting) -> bool:
    """Not in two states (a visit's stop in another country is another occasion), and named
    participants overlap; a report that names nobody is judged on states and date. Outlets
    word one place differently (`البيت الأبيض`, `واشنطن`), so only the place's state counts."""
    places = {country_for(m.location_text) for m in (first, second) if m.location_text}
    if len(places - {None}) > 1:
        return False
    names_a, names_b = _names(first), _names(second)
    if not names_a or not names_b:
        return True
    return any(same_person(a, b) for a in names_a for b in names_b)


def _same_deal(first: ArmsDeal, second: ArmsDeal) -> bool:
    """The same system named (or neither names one)."""
    keys_a, keys_b = designation_keys(first), designation_keys(second)
    return keys_a == keys_b if not keys_a or not keys_b else bool(keys_a & keys_b)


def same_occasion(first: Reported, second: Reported, windows: Windows = Windows()) -> bool:
    """True when two reported facts are one real-world occasion (the register's rule)."""
    block = block_of(first)
    if block is None or block != block_of(second):
        return False
    a, b = first.fact, second.fact
    if isinstance(a, Embargo) and isinstance(b, Embargo):
        if not _same_imposer(a, b):
            return False
        if set(a.resolutions) & set(b.resolutions):
            return True
    date_a, date_b = occasion_date(first), occasion_date(second)
    if date_a is None or date_b is None or abs((date_a - date_b).days) > windows.of(first.kind):
        return False
    if isinstance(a, ArmsDeal) and isinstance(b, ArmsDeal):
        return _same_deal(a, b)
    if isinstance(a, Meeting) and isinstance(b, Meeting):
        return _same_meeting(a, b)
    return True


class _Components:
    """Union-find over fact keys."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, first: str, second: str) -> None:
        root_a, root_b = self.find(first), self.find(second)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def _link_block(facts: Sequence[Reported], components: _Components, windows: Windows) -> None:
    """Union the facts of one block that are one occasion: a sweep over dates within the window,
    and for embargoes any two that share a resolution."""
    dated = sorted(
        ((date, item) for item in facts if (date := occasion_date(item)) is not None),
        key=lambda pair: (pair[0], pair[1].key),
    )
    for index, (date, item) in enumerate(dated):
        for later_date, later in dated[index + 1 :]:
            if (later_date - date).days > windows.of(item.kind):
                break
            if same_occasion(item, later, windows):
                components.union(item.key, later.key)
    sharing: dict[str, list[tuple[Embargo, str]]] = {}
    for item in facts:
        if isinstance(item.fact, Embargo):
            for resolution in item.fact.resolutions:
                earlier = sharing.setdefault(resolution, [])
                for embargo, key in earlier:
                    if _same_imposer(embargo, item.fact):
                        components.union(key, item.key)
                        break
                earlier.append((item.fact, item.key))


def group_occasions(
    facts: Iterable[Reported], windows: Windows = Windows()
) -> list[list[Reported]]:
    """The facts grouped into occasions: each group sorted by key, groups by their first key.
    The result does not depend on the order of `facts`."""
    everything = sorted(facts, key=lambda item: item.key)
    components = _Components(item.key for item in everything)
    blocks: dict[str, list[Reported]] = {}
    for item in everything:
        block = block_of(item)
        if block is not None:
            blocks.setdefault(block, []).append(item)
    for members in blocks.values():
        _link_block(members, components, windows)
    groups: dict[str, list[Reported]] = {}
    for item in everything:
        groups.setdefault(components.find(item.key), []).append(item)
    return sorted(groups.values(), key=lambda group: group[0].key)
