"""What `--strict` removes from a saved default run, offline: each Document re-verified against
its article, then `drop_unsupported`; tuples scored before and after against the gold.

    python benchmarks/strict_effect.py --gold ../shared/eval/dev2 --pred default.jsonl

Prints the share of the default run's correct tuples that strict removes (issue 21 aims at
≤ 5 %) and of its wrong ones (≥ 40 %).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractor.evaluate import Score, load_gold, load_predictions, score_document
from extractor.verify import drop_unsupported, verify_document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, required=True, help="gold folder")
    parser.add_argument("--pred", type=Path, required=True, help="the default run's JSONL")
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    before, after = Score(), Score()
    for doc_id, prediction in sorted(load_predictions(args.pred).documents.items()):
        entry = gold.get(doc_id)
        if entry is None or entry.source is None:
            continue
        strict = drop_unsupported(verify_document(prediction, entry.source))
        before += sum(score_document(prediction, entry.document).values(), Score())
        after += sum(score_document(strict, entry.document).values(), Score())
    right = before.true_positives - after.true_positives
    wrong = before.false_positives - after.false_positives
    print(
        f"default: {before.true_positives} correct, {before.false_positives} wrong, F1 {before.f1}"
    )
    print(f"strict:  {after.true_positives} correct, {after.false_positives} wrong, F1 {after.f1}")
    kept, dropped = before.true_positives, before.false_positives
    print(f"removed: {right} of {kept} correct, {wrong} of {dropped} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
