"""Seconds and tokens per document on the dev set with the embedded model, warm.

    python -m benchmarks.extraction_speed [--strategy per_kind|single] [--max-reasks N]
        [--recall-rounds N] [--free-recall] [--choose-first] [--strict] [--every-kind]
        [--limit N] [--dev DIR ...] [--json OUT] [--base-url URL --model NAME]

The server is started and the fixed instructions evaluated once (a warm-up extraction of a
short sentence) before the clock runs; then every dev article is extracted with the response
cache off, and each Document's own provenance gives its seconds, tokens, calls and reasks.
Tuple F1 against the gold files comes from `extractor eval`'s scorer. `--dev` may be given
more than once (`--dev eval/dev --dev eval/dev2`: issue 23's 43 articles); each article is
extracted with its sidecar's publication date, as `extractor run` does. The summary also
gives each stage's calls, seconds and tokens (first answers, repair and recall questions),
from the progress events every call reports.

Beside each measured time stands its floor (issue 23): the article evaluated once and its final
facts generated once, at the prompt and generation rates llama.cpp reported for that document's
own calls (`provenance.timings`), the token counts from the server's `/tokenize`. `--base-url`
measures another llama.cpp server instead of the embedded one.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import get_args

import httpx

from extractor.api import Extractor
from extractor.evaluate.report import Score
from extractor.evaluate.scoring import score_document
from extractor.llm.client import SERVER_TIMINGS
from extractor.pipeline.tasks import Strategy
from extractor.progress import CallDone, ProgressEvent
from extractor.runs.articles import read_article
from extractor.schemas import Document
from extractor.schemas.document import FACT_KINDS
from extractor.verify import failed_checks

DEV_DIR = Path(__file__).resolve().parents[1] / "eval" / "dev"
TARGET_SECONDS = 30.0
"""The issue's target for an article of at most 400 words, reasks included."""
WARM_UP = "التقى وزير الخارجية نظيره في العاصمة يوم الأحد."


class Tokenizer:
    """Token counts from a llama.cpp server's `/tokenize` (beside its OpenAI-style `/v1`)."""

    def __init__(self, base_url: str) -> None:
        self.root = base_url.rstrip("/").removesuffix("/v1")

    def count(self, text: str) -> int:
        """How many tokens the server's model makes of `text`."""
        reply = httpx.post(f"{self.root}/tokenize", json={"content": text}, timeout=60.0)
        reply.raise_for_status()
        return len(reply.json()["tokens"])


def final_facts(document: Document) -> str:
    """The Document's facts as JSON, what the fewest generated tokens would have to say."""
    kinds: set[str] = set(FACT_KINDS)
    return document.model_dump_json(include=kinds, exclude_none=True)


def floor_seconds(timings: dict[str, float], article_tokens: int, fact_tokens: int) -> float | None:
    """The article evaluated once and the final facts generated once, at the rates llama.cpp
    reported for the document's calls; None when the server reported no timings."""
    evaluated, evaluating = timings.get("prompt_evaluated_tokens"), timings.get("prompt_eval_s")
    generated, generating = timings.get("generated_tokens"), timings.get("generation_s")
    if not (evaluated and evaluating and generated and generating):
        return None
    return article_tokens * evaluating / evaluated + fact_tokens * generating / generated


def _floor(text: str, document: Document, tokenizer: Tokenizer) -> dict[str, object]:
    """The floor's columns of a row: its token counts and seconds."""
    article, facts = tokenizer.count(text), tokenizer.count(final_facts(document))
    floor = floor_seconds(document.provenance.timings, article, facts)
    return {
        "article_tokens": article,
        "fact_tokens": facts,
        "floor_seconds": None if floor is None else round(floor, 1),
    }


class StageTotals:
    """Calls, seconds and llama.cpp's token counts summed per stage, from each CallDone."""

    def __init__(self) -> None:
        self.totals: defaultdict[str, defaultdict[str, float]] = defaultdict(
            lambda: defaultdict(float)
        )

    def hear(self, event: ProgressEvent) -> None:
        """The progress callback: add one call's figures to its stage's."""
        if not isinstance(event, CallDone):
            return
        stage = self.totals[event.stage]
        stage["calls"] += 1
        stage["seconds"] += event.seconds
        for name in SERVER_TIMINGS.values():
            stage[name] += event.server.get(name, 0.0)

    def summary(self) -> dict[str, dict[str, float]]:
        """Each stage's totals, rounded."""
        return {
            stage: {name: round(value, 1) for name, value in figures.items()}
            for stage, figures in self.totals.items()
        }


def _row(
    path: Path, document: Document, gold: Document, seconds: float, tokenizer: Tokenizer
) -> dict[str, object]:
    usage = document.provenance.usage
    scores = score_document(document, gold)
    total = sum(scores.values(), Score())
    text = path.read_text(encoding="utf-8")
    return {
        "set": path.parent.name,
        "doc": path.stem,
        "words": len(text.split()),
        "seconds": round(seconds, 1),
        **_floor(text, document, tokenizer),
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "llm_calls": usage.llm_calls,
        "reasks": usage.reasks,
        "recall_added": sum(len(r.added) for r in document.provenance.recall),
        "repeats_dropped": document.provenance.repeats_dropped,
        "failed_checks": len(failed_checks(document)),
        "tp": total.true_positives,
        "fp": total.false_positives,
        "fn": total.false_negatives,
    }


def _floor_summary(rows: list[dict[str, object]]) -> dict[str, float | None]:
    """The median floor and the median of measured seconds over floor, of the rows with one."""
    pairs = [
        (float(str(row["seconds"])), float(str(row["floor_seconds"])))
        for row in rows
        if row["floor_seconds"]
    ]
    if not pairs:
        return {"median_floor_seconds": None, "median_seconds_over_floor": None}
    return {
        "median_floor_seconds": statistics.median(floor for _, floor in pairs),
        "median_seconds_over_floor": round(statistics.median(s / f for s, f in pairs), 2),
    }


def _f1(rows: list[dict[str, object]]) -> float | None:
    """Tuple F1 pooled over the rows' true and false positives and false negatives."""
    tp, fp, fn = (sum(int(str(row[key])) for row in rows) for key in ("tp", "fp", "fn"))
    return round(2 * tp / (2 * tp + fp + fn), 3) if tp + fp + fn else None


def _per_set(rows: list[dict[str, object]]) -> dict[str, dict[str, float | None]]:
    """Each gold folder's median seconds and tuple F1."""
    sets: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        sets.setdefault(str(row["set"]), []).append(row)
    return {
        name: {
            "median_seconds": statistics.median(float(str(row["seconds"])) for row in chosen),
            "tuple_f1": _f1(chosen),
        }
        for name, chosen in sets.items()
    }


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print one line per article and a summary."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--strategy", choices=get_args(Strategy), default="per_kind")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--max-reasks", type=int, default=2)
    parser.add_argument("--recall-rounds", type=int, default=1)
    parser.add_argument("--free-recall", action="store_true", help="recall replies unconstrained")
    parser.add_argument("--choose-first", action="store_true", help="first answers as enums")
    parser.add_argument("--strict", action="store_true", help="drop unsupported values")
    parser.add_argument("--every-kind", action="store_true", help="no fact-kind triage")
    parser.add_argument("--dev", type=Path, action="append", help="a gold folder (repeatable)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--base-url", help="a llama.cpp server's /v1 instead of the embedded")
    parser.add_argument("--model", help="the model name to ask --base-url for")
    options = parser.parse_args(argv)
    folders = options.dev or [DEV_DIR]
    articles = [path for folder in folders for path in sorted(folder.glob("*.txt"))]
    articles = articles[: options.limit or None]
    rows: list[dict[str, object]] = []
    stages = StageTotals()
    with Extractor(
        backend="openai" if options.base_url else "embedded",
        base_url=options.base_url,
        model=options.model,
        cache=False,
        max_reasks=options.max_reasks,
        recall_rounds=options.recall_rounds,
        constrained=not options.free_recall,
        choose_first=options.choose_first,
        strict=options.strict,
        every_kind=options.every_kind,
        on_progress=stages.hear,
    ) as extractor:
        extractor.pipeline.strategy = options.strategy
        extractor.extract(WARM_UP, doc_id="warm-up")
        stages.totals.clear()
        tokenizer = Tokenizer(extractor.pipeline.client.base_url)
        for path in articles:
            gold = Document.model_validate_json(
                path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8")
            )
            article = read_article(path)
            started = time.perf_counter()
            document = extractor.extract(
                article.text, doc_id=article.doc_id, published=article.published
            )
            elapsed = time.perf_counter() - started
            rows.append(_row(path, document, gold, elapsed, tokenizer))
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    seconds = [float(str(row["seconds"])) for row in rows]
    short = [s for s, row in zip(seconds, rows, strict=True) if int(str(row["words"])) <= 400]
    tokens = [int(str(row["prompt_tokens"])) + int(str(row["completion_tokens"])) for row in rows]
    summary = {
        "strategy": options.strategy,
        "max_reasks": options.max_reasks,
        "recall_rounds": options.recall_rounds,
        "constrained": not options.free_recall,
        "choose_first": options.choose_first,
        "strict": options.strict,
        "every_kind": options.every_kind,
        "documents": len(rows),
        "median_seconds": statistics.median(seconds),
        **_floor_summary(rows),
        "mean_seconds": round(statistics.mean(seconds), 1),
        "median_tokens": statistics.median(tokens),
        "median_completion_tokens": statistics.median(
            int(str(r["completion_tokens"])) for r in rows
        ),
        "at_most_400_words_within_30_s": f"{sum(s <= TARGET_SECONDS for s in short)}/{len(short)}",
        "tuple_f1": _f1(rows),
        "per_set": _per_set(rows),
        "seconds_all": round(sum(seconds), 1),
        "articles_per_hour": round(3600 * len(seconds) / sum(seconds), 1) if rows else None,
        "stages": stages.summary(),
    }
    print(json.dumps(summary), file=sys.stderr)
    if options.json:
        options.json.write_text(json.dumps({"rows": rows, "summary": summary}, indent=1))


if __name__ == "__main__":
    main()
