"""Hallucination detection, side by side: our verifier, LangExtract's aligner and instructor's
CitationMixin on the same corrupted copies of the dev gold.

    python benchmarks/hallucination.py [--gold eval/dev] [--json OUT] [--misses]

Each case changes one thing in a gold Document (corruptions.py). Ours flags a case when the
check of a changed path is unsupported or contradicted (`extractor.verify.verify_document`).
The two baselines only ground strings: they are given the changed surface strings ("span":
the field as is; "clause": the field inside the three words either side of it in the article,
the way an LLM quotes a fact) and flag a case when one of them cannot be found.

- LangExtract 1.7.1: `langextract.resolver.Resolver().align(...)` with its defaults (exact DP
  alignment, then LCS fuzzy alignment at threshold 0.75), one extraction at a time against the
  whole article. MATCH_EXACT, MATCH_LESSER, MATCH_GREATER and MATCH_FUZZY count as accepted
  (LangExtract keeps all of them), no alignment as flagged.
- instructor 1.17: `instructor.CitationMixin` (instructor/v2/dsl/citation.py), validated with
  `context={"context": article}`: its quote is searched with the `regex` module's fuzzy
  matching `(quote){e<=n}` for n = 0..5; a quote with no span is dropped, which counts as flagged.

A change to a derived value whose surface text stays as it was (an amount ×10 next to its
unchanged text, a code, a date) gives the baselines the unchanged text, which they accept: they
have no way to check attributes. A code with no surface field of its own (a participant's
country) gives them nothing to check at all: accepted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex
from instructor import CitationMixin
from langextract.core.data import Extraction
from langextract.resolver import Resolver
from rich.console import Console
from rich.table import Table

from benchmarks.corruptions import Case, Claim, cases_for, surface_strings
from extractor.evaluate import load_gold
from extractor.verify import verify_document

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "eval" / "dev"
CONTEXT_WORDS = 3
_WORD = regex.compile(r"\S+")

Detector = Callable[[str, str], bool]
"""(claim, article) -> True when the tool accepts the claim as grounded."""


def langextract_accepts(claim: str, article: str) -> bool:
    """LangExtract's resolver aligns the claim somewhere in the article (any match status)."""
    extraction = Extraction(extraction_class="claim", extraction_text=claim)
    aligned = list(Resolver().align([extraction], article, token_offset=0, char_offset=0))
    return any(item.char_interval is not None and item.alignment_status for item in aligned)


def citation_accepts(claim: str, article: str) -> bool:
    """instructor's CitationMixin keeps the quote (it found a span within its edit budget)."""
    model = CitationMixin.model_validate(
        {"substring_quotes": [claim]}, context={"context": article}
    )
    return bool(model.substring_quotes)


def in_clause(claim: Claim, article: str) -> str:
    """The claimed text inside the words around the original's first occurrence in the article."""
    start = article.find(claim.original)
    if start < 0:
        return claim.text
    end = start + len(claim.original)
    line_start = article.rfind("\n", 0, start) + 1
    line_end = article.find("\n", end)
    line_end = len(article) if line_end < 0 else line_end
    before = list(_WORD.finditer(article, line_start, start))[-CONTEXT_WORDS:]
    after = list(_WORD.finditer(article, end, line_end))[:CONTEXT_WORDS]
    left = article[before[0].start() : start] if before else ""
    right = article[end : after[-1].end()] if after else ""
    return f"{left}{claim.text}{right}"


@dataclass
class Tally:
    """Flagged cases out of all cases, per detector."""

    cases: int = 0
    family: str = "preserving"
    flagged: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def share(self, detector: str) -> float | None:
        return self.flagged[detector] / self.cases if self.cases else None


DETECTORS: dict[str, tuple[Detector, bool]] = {
    "LangExtract span": (langextract_accepts, False),
    "LangExtract clause": (langextract_accepts, True),
    "CitationMixin span": (citation_accepts, False),
    "CitationMixin clause": (citation_accepts, True),
}
"""Baseline name -> (detector, whether the claim is given in its clause)."""


def ours_flags(case: Case, article: str) -> bool:
    """True when a changed path's check is unsupported or contradicted."""
    checks = verify_document(case.document, article).checks
    failed = {check.path for check in checks if check.failed}
    return any(path in failed for path in case.paths)


def baseline_flags(detector: Detector, clause: bool, case: Case, article: str) -> bool:
    """True when the tool cannot ground one of the case's claims."""
    return any(
        not detector(in_clause(claim, article) if clause else claim.text, article)
        for claim in case.claims
    )


def run_cases(gold_dir: Path, show_misses: bool, console: Console) -> dict[str, Tally]:
    """Every case of every gold document through ours and the baselines, tallied by kind."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for doc_id, entry in sorted(load_gold(gold_dir).items()):
        if entry.source is None:
            continue
        for case in cases_for(entry.document, entry.source):
            keys = (case.kind, f"all {case.family}")
            for key in keys:
                tallies[key].cases += 1
                tallies[key].family = case.family
            results = {"ours": ours_flags(case, entry.source)}
            for name, (detector, clause) in DETECTORS.items():
                results[name] = baseline_flags(detector, clause, case, entry.source)
            for name, flagged in results.items():
                for key in keys:
                    tallies[key].flagged[name] += flagged
            wrong = results["ours"] != (case.family != "preserving")
            if show_misses and wrong:
                what = "false alarm" if case.family == "preserving" else "missed"
                console.print(
                    f"{what}: {doc_id} {case.kind} {case.paths} {case.note}", markup=False
                )
    return tallies


def untouched(gold_dir: Path) -> dict[str, Tally]:
    """False alarms on the gold itself: failed checks (ours) or ungrounded strings (baselines)."""
    tallies: dict[str, Tally] = {"ours": Tally(), "baselines": Tally()}
    for entry in load_gold(gold_dir).values():
        if entry.source is None:
            continue
        checks = verify_document(entry.document, entry.source).checks
        tallies["ours"].cases += len(checks)
        tallies["ours"].flagged["ours"] += sum(check.failed for check in checks)
        strings = surface_strings(entry.document)
        tallies["baselines"].cases += len(strings)
        for name, (detector, _) in DETECTORS.items():
            if name.endswith("span"):
                flagged = sum(not detector(text, entry.source) for text in strings)
                tallies["baselines"].flagged[name] += flagged
    return tallies


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


COLUMNS = ("ours", *DETECTORS)


def table(tallies: dict[str, Tally], gold: dict[str, Tally]) -> Table:
    """Share flagged per kind and detector (for value-preserving kinds: false alarms)."""
    result = Table(title="Share of cases flagged (value-preserving rows: false alarms)")
    result.add_column("change")
    result.add_column("cases", justify="right")
    for name in COLUMNS:
        result.add_column(name, justify="right")

    def order(key: str) -> tuple[bool, int, str]:
        return key.startswith("all "), FAMILIES.index(tallies[key].family), key

    for key in sorted(tallies, key=order):
        tally = tallies[key]
        style = "bold" if key.startswith("all ") else None
        result.add_row(
            key, str(tally.cases), *(_percent(tally.share(name)) for name in COLUMNS), style=style
        )
    result.add_section()
    ours, baselines = gold["ours"], gold["baselines"]
    result.add_row(
        "untouched gold (values / strings)",
        f"{ours.cases} / {baselines.cases}",
        _percent(ours.share("ours")),
        *(_percent(baselines.share(name)) if name.endswith("span") else "=" for name in DETECTORS),
    )
    return result


FAMILIES = ("number", "name", "code", "date", "fact", "preserving")


def as_json(tallies: dict[str, Tally], gold: dict[str, Tally], seconds: float) -> dict[str, object]:
    def shares(tally: Tally, names: Iterable[str]) -> dict[str, object]:
        return {"cases": tally.cases, **{name: tally.share(name) for name in names}}

    return {
        "by_kind": {key: shares(tally, COLUMNS) for key, tally in tallies.items()},
        "untouched_gold": {
            "ours": shares(gold["ours"], ["ours"]),
            "baselines": shares(gold["baselines"], [n for n in DETECTORS if n.endswith("span")]),
        },
        "seconds": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold folder (dev set)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list what ours got wrong")
    args = parser.parse_args(argv)
    console = Console(width=160)
    started = time.perf_counter()
    tallies = run_cases(args.gold, args.misses, console)
    gold = untouched(args.gold)
    seconds = time.perf_counter() - started
    console.print(table(tallies, gold))
    console.print(f"{seconds:.1f} s", highlight=False)
    if args.json:
        figures = as_json(tallies, gold, seconds)
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
