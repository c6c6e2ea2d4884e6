"""Extraction quality, same model, side by side: ours (`extractor run`, embedded backend),
LangExtract and plain instructor on the dev set, all scored by `extractor eval`'s scorer.

    python -m benchmarks.extraction_quality [--systems ours,langextract,instructor]
        [--limit N] [--docs 02,22] [--out DIR] [--json OUT] [--ours-from RUN.jsonl]

- ours: `python -m extractor run ARTICLES --backend embedded --no-cache` (its own llama.cpp
  server with the built-in model), publication dates from sidecar .meta.json files.
- LangExtract 1.7.1: `lx.extract` with its defaults (chunks of 1000 characters, schema
  constraints from the examples, one pass; the only setting added is an output cap of
  MAX_TOKENS per call, without which the small model can generate until its context is full)
  through its OpenAI provider, pointed at a llama.cpp
  server started by `extractor.llm.embedded.EmbeddedServer` with the same built-in GGUF; few-shot
  examples and the mapping onto the contract in langextract_adapter.py.
- plain instructor: `instructor.from_openai(..., mode=Mode.JSON_SCHEMA)` with the contract's
  Meeting/ArmsDeal/Embargo models as the response model, one call per article, the article in
  the prompt, output capped at MAX_TOKENS, no verification; instructor's own validation
  retries are left at its default (3 attempts, as ours makes at most 1 + 2 reasks).

The two baselines reach the server through a counting proxy (counting_proxy.py), so calls and
tokens are measured the same way for both; ours reports its own in each Document's provenance.
Seconds per document: ours from provenance.timings.total_s, the baselines by wall clock around
each article. "unflagged" counts output values that fail verification and carry no failed Check:
what a reader would take on trust.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import instructor
import langextract as lx
import openai
from pydantic import BaseModel, Field
from rich.console import Console
from rich.table import Table

from benchmarks.counting_proxy import CountingProxy
from benchmarks.langextract_adapter import EXAMPLES, PROMPT, to_document
from extractor.evaluate import EvalReport, evaluate, load_gold
from extractor.evaluate.loading import GoldDocument
from extractor.llm.embedded import EmbeddedServer
from extractor.schemas import ArmsDeal, Document, Embargo, Meeting

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "eval" / "dev"
SYSTEMS = ("ours", "langextract", "instructor")
MAX_TOKENS = 1200
"""Output budget per call for the baselines: what our single-call strategy allows."""


@dataclass
class Run:
    """One system's output file and cost."""

    name: str
    output: Path
    seconds: list[float]
    prompt_tokens: int
    completion_tokens: int
    calls: int


class Facts(BaseModel):
    """Plain instructor's response model: the contract's facts, lists capped like ours."""

    meetings: list[Meeting] = Field(default_factory=list, max_length=4)
    arms_deals: list[ArmsDeal] = Field(default_factory=list, max_length=4)
    embargoes: list[Embargo] = Field(default_factory=list, max_length=4)


INSTRUCTOR_PROMPT = (
    "Extract from the Arabic news article the official meetings that took place (with their "
    "participants), the arms deals between states (with their weapon systems) and the arms "
    "embargoes or sanctions it reports. Copy names, titles, places, designations and every "
    "*_text field exactly from the article. Countries are ISO 3166-1 alpha-3 codes. Return "
    "empty lists when the article reports none of these facts."
)


def _write_articles(gold: dict[str, GoldDocument], folder: Path) -> None:
    for doc_id, entry in gold.items():
        assert entry.source is not None
        (folder / f"{doc_id}.txt").write_text(entry.source, encoding="utf-8")
        if entry.document.published:
            meta = {"published": entry.document.published.isoformat()}
            (folder / f"{doc_id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def run_ours(gold: dict[str, GoldDocument], out: Path) -> Run:
    """`extractor run` with the embedded backend over the articles."""
    output = out / "ours.jsonl"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        _write_articles(gold, folder)
        command = [
            sys.executable, "-m", "extractor", "run", str(folder), "--backend", "embedded",
            "--no-cache", "--quiet", "-o", str(output),
        ]  # fmt: skip
        finished = subprocess.run(command, capture_output=True, text=True)
    if finished.returncode not in (0, 1):
        raise SystemExit(f"extractor run failed ({finished.returncode}): {finished.stderr[-2000:]}")
    return ours_from(output)


def ours_from(output: Path) -> Run:
    """Our figures from a finished `extractor run` output (its Documents carry their cost)."""
    documents = [
        Document.model_validate(record)
        for record in map(json.loads, output.read_text(encoding="utf-8").splitlines())
        if "error" not in record
    ]
    return Run(
        name="ours",
        output=output,
        seconds=[d.provenance.timings.get("total_s", 0.0) for d in documents],
        prompt_tokens=sum(d.provenance.usage.prompt_tokens for d in documents),
        completion_tokens=sum(d.provenance.usage.completion_tokens for d in documents),
        calls=sum(d.provenance.usage.llm_calls for d in documents),
    )


Extract = Callable[[str, str, dt.date | None], Document]


def run_baseline(
    name: str, gold: dict[str, GoldDocument], out: Path, proxy: CountingProxy, extract: Extract
) -> Run:
    """One baseline over the articles, one at a time, errors recorded like `extractor run`."""
    output = out / f"{name}.jsonl"
    before = proxy.snapshot()
    seconds: list[float] = []
    with output.open("w", encoding="utf-8") as lines:
        for doc_id, entry in gold.items():
            assert entry.source is not None
            started = time.perf_counter()
            try:
                record = extract(entry.source, doc_id, entry.document.published).model_dump_json()
            except Exception as exc:  # a baseline's failure is its result, as in a batch run
                error = {"type": type(exc).__name__, "message": str(exc)[:500]}
                record = json.dumps({"doc_id": doc_id, "error": error}, ensure_ascii=False)
            seconds.append(time.perf_counter() - started)
            lines.write(record + "\n")
            print(f"{name}: {doc_id} {seconds[-1]:.1f} s", file=sys.stderr)
    after = proxy.snapshot()
    return Run(
        name=name,
        output=output,
        seconds=seconds,
        prompt_tokens=after.prompt_tokens - before.prompt_tokens,
        completion_tokens=after.completion_tokens - before.completion_tokens,
        calls=after.calls - before.calls,
    )


def langextract_extractor(base_url: str, model: str) -> Extract:
    """LangExtract with its defaults against the OpenAI-compatible server."""
    config = lx.factory.ModelConfig(
        model_id=model,
        provider="OpenAILanguageModel",
        provider_kwargs={
            "api_key": "local",
            "base_url": base_url,
            "temperature": 0.0,
            "max_output_tokens": MAX_TOKENS,
        },
    )

    def extract(text: str, doc_id: str, published: dt.date | None) -> Document:
        annotated = lx.extract(
            text, prompt_description=PROMPT, examples=EXAMPLES, config=config, show_progress=False
        )
        return to_document(doc_id, published, annotated.extractions or [])

    return extract


def instructor_extractor(base_url: str, model: str) -> Extract:
    """One instructor call per article with the contract's fact models, nothing verified."""
    client = instructor.from_openai(
        openai.OpenAI(base_url=base_url, api_key="local", timeout=600.0, max_retries=0),
        mode=instructor.Mode.JSON_SCHEMA,
    )

    def extract(text: str, doc_id: str, published: dt.date | None) -> Document:
        facts = client.chat.completions.create(
            model=model,
            response_model=Facts,
            messages=[
                {"role": "system", "content": INSTRUCTOR_PROMPT},
                {"role": "user", "content": text},
            ],
            max_tokens=MAX_TOKENS,
            temperature=0.0,
        )
        return Document(doc_id=doc_id, published=published, **dict(facts))

    return extract


def _f1(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def table(runs: list[Run], reports: dict[str, EvalReport]) -> Table:
    """F1 overall and per kind, unflagged hallucinated values and cost, one row per system."""
    result = Table(title="Dev set, same model: tuple F1 and cost per document")
    for column in ("system", "F1", "deals", "meetings", "embargoes", "distractor facts",
                   "failed values", "unflagged", "errors", "s/doc (median)", "tokens in",
                   "tokens out", "calls"):  # fmt: skip
        result.add_column(column, justify="left" if column == "system" else "right")
    for run in runs:
        report = reports[run.name]
        documents = len(report.documents)
        result.add_row(
            run.name,
            _f1(report.overall.f1),
            *(_f1(report.by_kind[kind].f1) for kind in ("arms_deals", "meetings", "embargoes")),
            str(report.distractors.false_facts),
            f"{report.checks.failed} / {report.checks.values}",
            str(report.checks.unflagged),
            str(len(report.errors)),
            f"{statistics.median(run.seconds):.1f}" if run.seconds else "—",
            f"{run.prompt_tokens / documents:.0f}",
            f"{run.completion_tokens / documents:.0f}",
            f"{run.calls / documents:.1f}",
        )
    return result


def summary(run: Run, report: EvalReport, documents: int) -> dict[str, object]:
    """The figures of one system."""
    return {
        "f1": report.overall.f1,
        "precision": report.overall.precision,
        "recall": report.overall.recall,
        "f1_by_kind": {kind: score.f1 for kind, score in report.by_kind.items()},
        "distractor_false_facts": report.distractors.false_facts,
        "values": report.checks.values,
        "failed_values": report.checks.failed,
        "unflagged_failed_values": report.checks.unflagged,
        "errors": len(report.errors),
        "seconds_per_document_median": statistics.median(run.seconds) if run.seconds else None,
        "seconds_per_document_mean": statistics.fmean(run.seconds) if run.seconds else None,
        "prompt_tokens_per_document": run.prompt_tokens / documents,
        "completion_tokens_per_document": run.completion_tokens / documents,
        "calls_per_document": run.calls / documents,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--docs", help="only these doc_ids (comma-separated prefixes: 02,22)")
    parser.add_argument("--out", type=Path, help="keep each system's JSONL here")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument(
        "--ours-from", type=Path, help="score this finished `extractor run` JSONL as ours"
    )
    args = parser.parse_args(argv)
    systems = [name.strip() for name in args.systems.split(",") if name.strip()]
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        parser.error(f"unknown systems: {', '.join(sorted(unknown))}")
    prefixes = tuple(args.docs.split(",")) if args.docs else ("",)
    chosen = [item for item in sorted(load_gold(args.gold).items()) if item[0].startswith(prefixes)]
    gold = dict(chosen[: args.limit])
    out = args.out or Path(tempfile.mkdtemp(prefix="extraction-quality-"))
    out.mkdir(parents=True, exist_ok=True)
    gold_dir = Path(tempfile.mkdtemp(prefix="gold-", dir=out))
    for doc_id, entry in gold.items():
        (gold_dir / f"{doc_id}.gold.json").write_text(entry.document.model_dump_json(), "utf-8")
        (gold_dir / f"{doc_id}.txt").write_text(entry.source or "", "utf-8")

    runs: list[Run] = []
    if args.ours_from:
        runs.append(ours_from(args.ours_from))
    elif "ours" in systems:
        runs.append(run_ours(gold, out))
    baselines = [name for name in systems if name != "ours"]
    if baselines:
        os.environ.setdefault("OPENAI_API_KEY", "local")
        with EmbeddedServer() as server, CountingProxy(server.base_url) as proxy:
            makers = {"langextract": langextract_extractor, "instructor": instructor_extractor}
            for name in baselines:
                extract = makers[name](proxy.base_url, server.model_name)
                runs.append(run_baseline(name, gold, out, proxy, extract))

    reports = {run.name: evaluate(gold_dir, run.output) for run in runs}
    Console(width=200).print(table(runs, reports))
    figures = {run.name: summary(run, reports[run.name], len(gold)) for run in runs}
    print(f"outputs in {out}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
