"""States and groups that a sentence puts under a sanction or embargo.

News names the target after the measure and `على` or `ضد` (`فرض حظر أسلحة على جنوب السودان`,
`عقوبات اقتصادية على إيران`, `عقوبات على الحوثيين`), or before `تحت` and the measure (`ليبيا
تظل تحت حظر أسلحة`). A target is a country (name, short form, capital) or a movement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractor.arabic.countries import country_mentions
from extractor.arabic.institutions import MOVEMENTS
from extractor.arabic.lexicon import Word, word_set, words_of
from extractor.arabic.sanctions import NAME_HEADS, SANCTION_WORDS

Span = tuple[int, int]

AGAINST = word_set("على", "ضد")
"""Words between a measure and its target."""

UNDER = word_set("تحت")
"""The word between a target and its measure (`ليبيا تحت حظر`)."""

_REACH = 4
"""Words a measure may stand from `على` (`حظر أسلحة دولي على`), and a target from it."""


@dataclass(frozen=True, slots=True)
class TargetMention:
    """A state or group under a measure: its surface as written, ORIGINAL span, and ISO3 code
    when it is a state."""

    surface: str
    span: Span
    iso3: str | None


def sanction_targets(text: str, span: Span) -> list[TargetMention]:
    """Every state or group that `text[span]` puts under a sanction or embargo, in text order."""
    words = words_of(text[span[0] : span[1]])
    stems = [word.stems for word in words]
    found: dict[Span, TargetMention] = {}
    for first, end, _ in SANCTION_WORDS.scan(stems):
        if first > 0 and NAME_HEADS.values([stems[first - 1]]):
            continue
        after = next(
            (i for i in range(end, min(end + _REACH, len(words))) if AGAINST.values([stems[i]])),
            None,
        )
        if after is not None:
            window = words[after + 1 : after + 1 + _REACH]
            _targets_in(text, span[0], window, found)
        if first > 1 and UNDER.values([stems[first - 1]]):
            _targets_in(text, span[0], words[max(first - 1 - _REACH, 0) : first - 1], found)
    return [found[key] for key in sorted(found)]


def _targets_in(
    text: str, base: int, window: Sequence[Word], found: dict[Span, TargetMention]
) -> None:
    """The countries and movements a run of words names."""
    if not window:
        return
    start, end = window[0].start, window[-1].end
    for mention in country_mentions(text[base + start : base + end]):
        if mention.kind == "demonym":
            continue  # `قائد ميليشيا ليبية`: the state is not the target
        where = (base + start + mention.start, base + start + mention.end)
        found.setdefault(where, TargetMention(mention.surface, where, mention.iso3))
    for first, last, _ in MOVEMENTS.scan([word.stems for word in window]):
        start, end = base + window[first].start, base + window[last - 1].end
        while (
            text[start] in "وفبل"
            and not text.startswith("ال", start)
            and MOVEMENTS.whole(text[start + 1 : end]) is not None
        ):
            start += 1  # a clitic (`والحوثيين`) is no part of the name
        found.setdefault((start, end), TargetMention(text[start:end], (start, end), None))
