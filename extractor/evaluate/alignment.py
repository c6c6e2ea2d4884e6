"""Pairing predicted tuples with gold tuples of one document: a maximum bipartite matching,
so one fuzzy name cannot be credited twice and the credit goes where it fits best."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractor.evaluate.tuples import FactTuple


@dataclass(frozen=True, slots=True)
class Alignment:
    """Which predicted tuple each gold tuple was paired with, and what was left over."""

    pairs: tuple[tuple[FactTuple, FactTuple], ...]  # (predicted, gold)
    false_positives: tuple[FactTuple, ...]
    false_negatives: tuple[FactTuple, ...]
    restated: tuple[FactTuple, ...]  # unpaired predictions that restate a paired gold tuple


def _augment(
    predicted: int,
    edges: Sequence[Sequence[int]],
    gold_owner: list[int | None],
    seen: set[int],
) -> bool:
    """Kuhn's augmenting path from one predicted tuple."""
    for gold in edges[predicted]:
        if gold in seen:
            continue
        seen.add(gold)
        owner = gold_owner[gold]
        if owner is None or _augment(owner, edges, gold_owner, seen):
            gold_owner[gold] = predicted
            return True
    return False


def align(predicted: Sequence[FactTuple], gold: Sequence[FactTuple]) -> Alignment:
    """Pair as many predicted tuples with matching gold tuples as possible."""
    edges = [[j for j, g in enumerate(gold) if p.matches(g)] for p in predicted]
    gold_owner: list[int | None] = [None] * len(gold)
    for index in range(len(predicted)):
        _augment(index, edges, gold_owner, set())
    paired_predicted = {owner for owner in gold_owner if owner is not None}
    paired_gold = {j for j, owner in enumerate(gold_owner) if owner is not None}
    pairs = tuple(
        (predicted[owner], gold[j]) for j, owner in enumerate(gold_owner) if owner is not None
    )
    leftovers = [i for i in range(len(predicted)) if i not in paired_predicted]
    restated = tuple(predicted[i] for i in leftovers if paired_gold.intersection(edges[i]))
    false_positives = tuple(
        predicted[i] for i in leftovers if not paired_gold.intersection(edges[i])
    )
    false_negatives = tuple(g for j, g in enumerate(gold) if j not in paired_gold)
    return Alignment(pairs, false_positives, false_negatives, restated)
