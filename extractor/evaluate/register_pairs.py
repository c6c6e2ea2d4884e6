"""Scoring a register against `clusters.json`: pairwise "same entry" precision and recall per
kind, and near misses merged into the entry of the event they shadow.

A pair of articles is predicted when one entry of the kind has both among its sources; only
articles of that kind's clusters (and near misses) count, so a meeting that two deal articles
both mention is not a false deal pair. Articles are recognised by source sha256, else by
doc_id = file stem. This module judges the register and shares no code with its rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from extractor.evaluate.loading import EvaluationInputError
from extractor.schemas import FactKind

KIND_NAMES: dict[str, FactKind] = {
    "arms_deal": "arms_deals",
    "meeting": "meetings",
    "embargo": "embargoes",
}
"""clusters.json's singular kinds → the register's (Document list) kinds."""

Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Cluster:
    """One event of clusters.json: its kind (register name), articles (file stems) and, for a
    near miss, the event it shadows."""

    event: str
    kind: str
    articles: tuple[str, ...]
    near_miss_of: str | None = None


@dataclass(frozen=True, slots=True)
class ClusterSet:
    """The clusters and how to recognise their articles."""

    clusters: tuple[Cluster, ...]
    by_sha256: dict[str, str]

    def article(self, source: str) -> str | None:
        """The file stem a register source (sha256 or doc_id) stands for, if in the set."""
        if source in self.by_sha256:
            return self.by_sha256[source]
        stems = {stem for cluster in self.clusters for stem in cluster.articles}
        return source if source in stems else None


@dataclass(slots=True)
class PairScore:
    """Pairwise figures for one kind."""

    gold_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    near_misses_merged: int = 0
    """Near-miss articles put in one entry with an article of the event they shadow."""
    missed_unextracted: int = 0
    missed_split: int = 0

    @property
    def precision(self) -> float | None:
        """Share of predicted pairs that are gold pairs (None when nothing was predicted)."""
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else None

    @property
    def recall(self) -> float | None:
        """Share of gold pairs predicted (None when the kind has no gold pair)."""
        return self.correct_pairs / self.gold_pairs if self.gold_pairs else None


@dataclass(slots=True)
class RegisterScore:
    """Per kind and overall (pairs summed over kinds)."""

    by_kind: dict[str, PairScore] = field(default_factory=dict)
    false_pairs: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def overall(self) -> PairScore:
        """Every kind's pairs together."""
        total = PairScore()
        for score in self.by_kind.values():
            for name in PairScore.__dataclass_fields__:
                setattr(total, name, getattr(total, name) + getattr(score, name))
        return total

    def figures(self) -> dict[str, dict[str, float | int | None]]:
        """The numbers per kind and overall, as JSON-ready dicts."""
        kinds = {**self.by_kind, "overall": self.overall}
        return {
            kind: {
                **{name: getattr(score, name) for name in PairScore.__dataclass_fields__},
                "precision": score.precision,
                "recall": score.recall,
            }
            for kind, score in kinds.items()
        }


def load_clusters(path: Path) -> ClusterSet:
    """Read clusters.json (a list of events with `kind`, `articles[].file`, `.sha256`)."""
    try:
        events = json.loads(path.read_text(encoding="utf-8"))
        clusters, by_sha256 = [], {}
        for event in events:
            stems = []
            for article in event["articles"]:
                stem = Path(article["file"]).stem
                stems.append(stem)
                if article.get("sha256"):
                    by_sha256[article["sha256"]] = stem
            clusters.append(
                Cluster(
                    event=event["event"],
                    kind=KIND_NAMES[event["kind"]],
                    articles=tuple(stems),
                    near_miss_of=event.get("near_miss_of"),
                )
            )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EvaluationInputError(f"{path}: not a readable clusters.json ({exc!r})") from exc
    return ClusterSet(tuple(clusters), by_sha256)


def _pairs(articles: Iterable[str]) -> set[Pair]:
    return {(a, b) for a, b in combinations(sorted(set(articles)), 2)}


def score_register(
    clusters: ClusterSet, entries: Iterable[tuple[str, Sequence[str]]]
) -> RegisterScore:
    """Score entries given as (kind, source ids) against the clusters."""
    predicted: dict[str, set[Pair]] = {}
    found: dict[str, set[str]] = {}
    for kind, sources in entries:
        articles = [stem for source in sources if (stem := clusters.article(source))]
        predicted.setdefault(kind, set()).update(_pairs(articles))
        found.setdefault(kind, set()).update(articles)
    score = RegisterScore()
    for kind in sorted({cluster.kind for cluster in clusters.clusters}):
        of_kind = [cluster for cluster in clusters.clusters if cluster.kind == kind]
        members = {stem for cluster in of_kind for stem in cluster.articles}
        gold = set().union(*(_pairs(c.articles) for c in of_kind if c.near_miss_of is None))
        guessed = {pair for pair in predicted.get(kind, set()) if set(pair) <= members}
        near = {stem for c in of_kind if c.near_miss_of is not None for stem in c.articles}
        shadowed = {
            pair
            for miss in of_kind
            if miss.near_miss_of is not None
            for cluster in of_kind
            if cluster.event == miss.near_miss_of
            for pair in _pairs([*miss.articles, *cluster.articles])
            if pair not in gold
        }
        missed = gold - guessed
        extracted = found.get(kind, set())
        unextracted = sum(1 for pair in missed if not set(pair) <= extracted)
        score.by_kind[kind] = PairScore(
            gold_pairs=len(gold),
            predicted_pairs=len(guessed),
            correct_pairs=len(guessed & gold),
            near_misses_merged=len({a for pair in guessed & shadowed for a in pair} & near),
            missed_unextracted=unextracted,
            missed_split=len(missed) - unextracted,
        )
        score.false_pairs += [(kind, a, b) for a, b in sorted(guessed - gold)]
    return score
