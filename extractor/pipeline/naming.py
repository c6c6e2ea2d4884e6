"""The doc_id of each input of a run: unique in the run, portable, and stable across resumes.

The rule (README "Guarantees"): an input's doc_id is its file stem (`stdin` for `-`). Where
several inputs of one run share a stem, one keeps the bare stem: the one whose Document the
output already holds under it (so a resume never renames a finished record), else the first
in input order. The others get `STEM-XXXXXXXX`, the first 8 hex digits of their text's sha256
(`provenance.source_sha256`; for an input that could not be read, of its path as given), and
`-2`, `-3` … if even that repeats. So a doc_id never holds a directory, and does not change when
the folder moves or when inputs are added to a resumed run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Named:
    """What an input's doc_id is made of: its stem and a fingerprint of its content."""

    stem: str
    fingerprint: str


def unique_doc_ids(inputs: Sequence[Named], claimed: Mapping[str, str | None]) -> list[str]:
    """A doc_id per input, in order; `claimed` maps the doc_ids of Documents already in the
    output (on `--resume`) to their source sha256."""
    by_stem: dict[str, list[int]] = defaultdict(list)
    for index, named in enumerate(inputs):
        by_stem[named.stem].append(index)
    ids = [named.stem for named in inputs]
    for stem, members in by_stem.items():
        if len(members) == 1:
            continue
        owner = next((i for i in members if claimed.get(stem) == inputs[i].fingerprint), members[0])
        for index in members:
            if index != owner:
                ids[index] = f"{stem}-{inputs[index].fingerprint[:8]}"
    return _numbered(ids)


def _numbered(ids: list[str]) -> list[str]:
    """`ids` with each repeat after the first suffixed `-2`, `-3` … (identical texts, one stem)."""
    seen: dict[str, int] = {}
    taken = set(ids)
    unique: list[str] = []
    for doc_id in ids:
        count = seen.get(doc_id, 0) + 1
        seen[doc_id] = count
        candidate = doc_id
        while count > 1 and candidate in taken:
            candidate = f"{doc_id}-{count}"
            count += 1
        taken.add(candidate)
        unique.append(candidate)
    return unique
