"""The doc_id of each input of a run: unique in the run, portable, and stable across resumes.

The rule (README "Guarantees"): an input's doc_id is its file stem (`stdin` for `-`). A doc_id a
corpus record gives is the caller's and wins: a stem equal to one yields. Where several inputs
of one run share a stem (or a stem yields), those that yield get `STEM-XXXXXXXX`, the first 8
hex digits of their text's sha256 (`provenance.source_sha256`; for an input that could not be
read, of its path as given), and `-2`, `-3` … if even that repeats. One of them keeps the bare
stem unless a corpus gives it: the one whose Document the output already holds under it (so a
resume never renames a finished record), else the first in input order whose `STEM-XXXXXXXX`
the output does not hold already (so reordering the arguments renames nothing; for identical
texts, which share it, whose last `STEM-XXXXXXXX-N` it does not hold). So a doc_id
never holds a directory, and does not change when the folder moves or when inputs are added to
a resumed run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Named:
    """What an input's doc_id is made of: its stem and a fingerprint of its content."""

    stem: str
    fingerprint: str


def unique_doc_ids(
    inputs: Sequence[Named],
    claimed: Mapping[str, str | None],
    reserved: Collection[str] = frozenset(),
) -> list[str]:
    """A doc_id per input, in order; `claimed` maps the doc_ids of the records already in the
    output (on `--resume`) to their source sha256 (None for an error record); `reserved` are
    the doc_ids the run's corpora give, which no stem takes."""
    by_stem: dict[str, list[int]] = defaultdict(list)
    for index, named in enumerate(inputs):
        by_stem[named.stem].append(index)
    ids = [named.stem for named in inputs]
    for stem, members in by_stem.items():
        if len(members) == 1 and stem not in reserved:
            continue
        suffixed = {i: f"{stem}-{inputs[i].fingerprint[:8]}" for i in members}
        candidates = [i for i in members if _last_suffixed(i, suffixed) not in claimed]
        owner = (
            None
            if stem in reserved or not candidates
            else next(
                (i for i in candidates if claimed.get(stem) == inputs[i].fingerprint),
                candidates[0],
            )
        )
        for index in members:
            if index != owner:
                ids[index] = suffixed[index]
    return _numbered(ids, reserved)


def _last_suffixed(index: int, suffixed: Mapping[int, str]) -> str:
    """The id the last of the inputs that share `index`'s `STEM-XXXXXXXX` (identical texts)
    gets when none of them keeps the bare stem: that id itself, else it numbered `-N`. The
    output holds it only if none of them kept the stem last time."""
    twins = sum(1 for other in suffixed.values() if other == suffixed[index])
    return suffixed[index] if twins == 1 else f"{suffixed[index]}-{twins}"


def _numbered(ids: list[str], reserved: Collection[str]) -> list[str]:
    """`ids` with each repeat after the first (identical texts, one stem), and any id a corpus
    gives, suffixed `-2`, `-3` …"""
    seen: dict[str, int] = {}
    taken = {*ids, *reserved}
    unique: list[str] = []
    for doc_id in ids:
        count = seen.get(doc_id, 0) + 1
        seen[doc_id] = count
        if doc_id in reserved:
            count = max(count, 2)
        candidate = doc_id
        while count > 1 and candidate in taken:
            candidate = f"{doc_id}-{count}"
            count += 1
        taken.add(candidate)
        unique.append(candidate)
    return unique
