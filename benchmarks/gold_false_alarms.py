"""False alarms on gold Documents, and the fact-level corruptions flagged, per evaluation set.

    python benchmarks/gold_false_alarms.py [--gold eval/dev eval/dev2] [--list] [--json OUT]

Every fact of a gold Document is true, so every check of it that fails (a value unsupported or
contradicted, or a whole-record finding) is a false alarm: the verifier run on the gold against
its own article, as `extractor verify` runs it. Per set: checks, false alarms and their share,
the false alarms grouped by message class (the message up to its question, values stripped),
and the share of fact-level corruptions (corruptions.py, family `fact`: roles, parties, hosts,
sides, designations, categories) whose changed path fails. `--list` prints each false alarm.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from benchmarks.corruptions import Case, cases_for
from extractor.evaluate import load_gold
from extractor.schemas import Check, ItemCategory
from extractor.verify import verify_document

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = (ROOT / "eval" / "dev", ROOT / "eval" / "dev2")

_QUOTED = re.compile(r'"[^"]*"')
_CODE = re.compile(r"\b[A-Z]{3}\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CATEGORY = re.compile(r"\b(?:" + "|".join(get_args(ItemCategory)) + r")\b")
_LIST = re.compile(r"<category>(?:, <category>)+")


@dataclass(frozen=True, slots=True)
class FalseAlarm:
    """One failed check of a gold Document."""

    doc_id: str
    path: str
    message: str


@dataclass
class SetFigures:
    """What one gold set gives: checks, false alarms, fact-level corruptions and those flagged."""

    name: str
    checks: int = 0
    alarms: list[FalseAlarm] = field(default_factory=list)
    corruptions: int = 0
    flagged: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def alarm_share(self) -> float:
        """False alarms per check."""
        return len(self.alarms) / self.checks if self.checks else 0.0

    @property
    def flagged_share(self) -> float:
        """Fact-level corruptions flagged per case."""
        return self.flagged / self.corruptions if self.corruptions else 0.0


def message_class(message: str) -> str:
    """The message up to its question, with quoted strings, codes, numbers and categories
    replaced by placeholders: `buyer SAU is not named …` -> `buyer <code> is not named …`."""
    head = message.split(": ", 1)[0] if ": " in message else message
    head = _QUOTED.sub("<text>", head)
    head = _CODE.sub("<code>", head)
    head = _NUMBER.sub("<n>", head)
    head = _CATEGORY.sub("<category>", head)
    return _LIST.sub("<categories>", head)


def false_alarms(doc_id: str, checks: list[Check]) -> Iterator[FalseAlarm]:
    """The failed checks of one verified gold Document."""
    for check in checks:
        if check.failed:
            yield FalseAlarm(doc_id, check.path, check.message)


def flags(case: Case, article: str) -> bool:
    """True when a changed path's check fails (as benchmarks/hallucination.py counts it)."""
    failed = {
        check.path for check in verify_document(case.document, article).checks if check.failed
    }
    return any(path in failed for path in case.paths)


def measure(gold_dir: Path, corruptions: bool) -> SetFigures:
    """Verify every gold Document of a set against its article; flag its fact-level cases."""
    figures = SetFigures(gold_dir.name)
    for doc_id, entry in sorted(load_gold(gold_dir).items()):
        if entry.source is None:
            continue
        checks = verify_document(entry.document, entry.source).checks
        figures.checks += len(checks)
        figures.alarms.extend(false_alarms(doc_id, checks))
        if not corruptions:
            continue
        for case in cases_for(entry.document, entry.source):
            if case.family != "fact":
                continue
            figures.corruptions += 1
            if flags(case, entry.source):
                figures.flagged += 1
            else:
                figures.missed.append(f"{doc_id} {case.kind} {case.paths} {case.note}")
    return figures


def report(figures: SetFigures, listing: bool) -> list[str]:
    """The printed lines of one set."""
    lines = [
        f"{figures.name}: {figures.checks} checks, {len(figures.alarms)} false alarms "
        f"({figures.alarm_share:.1%})"
    ]
    if figures.corruptions:
        lines.append(
            f"  fact-level corruptions flagged: {figures.flagged}/{figures.corruptions} "
            f"({figures.flagged_share:.1%})"
        )
    classes = Counter(message_class(alarm.message) for alarm in figures.alarms)
    lines += [f"  {count:3d}  {name}" for name, count in classes.most_common()]
    if listing:
        lines += [f"  - {a.doc_id} {a.path}: {a.message}" for a in figures.alarms]
        lines += [f"  missed: {line}" for line in figures.missed]
    return lines


def as_json(figures: SetFigures) -> dict[str, object]:
    """One set's figures, false alarms listed."""
    return {
        "checks": figures.checks,
        "false_alarms": len(figures.alarms),
        "false_alarm_share": figures.alarm_share,
        "fact_corruptions": figures.corruptions,
        "fact_corruptions_flagged": figures.flagged,
        "fact_corruptions_flagged_share": figures.flagged_share,
        "alarms": [{"doc": a.doc_id, "path": a.path, "message": a.message} for a in figures.alarms],
    }


def main(argv: list[str] | None = None) -> int:
    """Measure each set given and print (or also write) its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, nargs="+", default=list(DEFAULT_SETS))
    parser.add_argument("--list", action="store_true", help="print each false alarm and miss")
    parser.add_argument("--no-corruptions", action="store_true", help="false alarms only")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    measured = [measure(gold, not args.no_corruptions) for gold in args.gold]
    for figures in measured:
        print("\n".join(report(figures, args.list)))
    print(f"{time.perf_counter() - started:.1f} s")
    if args.json:
        data = {figures.name: as_json(figures) for figures in measured}
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
