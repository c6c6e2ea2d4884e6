"""What llama.cpp's own options do to the embedded model's speed on this machine, and whether
they change its answers: the server-side levers of issue 23, measured one at a time.

    python benchmarks/server_options.py [--articles eval/dev/02_….txt eval/dev/05_….txt]
        [--only NAME …] [--json OUT]

Each option starts a fresh embedded server (the saved instructions restored into every slot)
and sends the first arms-deal question of each article, as the pipeline would, with the
response cache off. One after the other in one slot, except `two-slots`, which sends both
articles at once to a server with two slots: the throughput lever of several documents decoded
together. Per option it prints the wall clock, the prompt and generation rates llama.cpp
reported, the draft tokens accepted (speculative options) and whether every answer is the
baseline's, byte for byte. The options are set on `xllamacpp.CommonParams` just before the
server starts, so the product's own settings stay as they are.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import xllamacpp

from extractor.llm import embedded
from extractor.pipeline.prompting import instructions, opening
from extractor.pipeline.tasks import TASKS

DEV = Path(__file__).resolve().parents[1] / "eval" / "dev"
ARTICLES = (DEV / "02_bahrain-f16-block70-lockheed.txt", DEV / "05_japan-f35a-20-more.txt")
SPECULATIVE = xllamacpp.common_speculative_type
FLASH = xllamacpp.CommonParams().flash_attn_type.__class__

Tuning = Callable[[Any], None]


def _ngram(kind: str, member: Any, **sizes: int) -> Tuning:
    """Prompt-lookup speculative decoding: drafts copied from earlier tokens of the context."""

    def tune(params: Any) -> None:
        params.speculative.types = [member]
        for name, value in sizes.items():
            setattr(getattr(params.speculative, kind), name, value)

    return tune


def _flash(member: Any) -> Tuning:
    def tune(params: Any) -> None:
        params.flash_attn_type = member

    return tune


OPTIONS: dict[str, Tuning | None] = {
    "baseline": None,
    "ngram-simple": _ngram("ngram_simple", SPECULATIVE.COMMON_SPECULATIVE_TYPE_NGRAM_SIMPLE),
    "ngram-simple-3-8": _ngram(
        "ngram_simple", SPECULATIVE.COMMON_SPECULATIVE_TYPE_NGRAM_SIMPLE, size_n=3, size_m=8
    ),
    "ngram-map-k-3-8": _ngram(
        "ngram_map_k", SPECULATIVE.COMMON_SPECULATIVE_TYPE_NGRAM_MAP_K, size_n=3, size_m=8
    ),
    "flash-attention-on": _flash(FLASH.LLAMA_FLASH_ATTN_TYPE_ENABLED),
    "flash-attention-off": _flash(FLASH.LLAMA_FLASH_ATTN_TYPE_DISABLED),
    "two-slots": None,
}


async def _ask(client: httpx.AsyncClient, base_url: str, article: str) -> dict[str, Any]:
    """The first arms-deal answer of one article, with llama.cpp's timings."""
    task = next(task for task in TASKS["per_kind"] if "arms_deals" in task.kinds)
    schema = task.response_model.model_json_schema()
    body = {
        "messages": opening(article, task.template),
        "max_tokens": task.max_tokens,
        "temperature": 0.0,
        "seed": 0,
        "response_format": {"type": "json_schema", "json_schema": {"name": "a", "schema": schema}},
    }
    reply = await client.post(f"{base_url}/chat/completions", json=body, timeout=None)
    reply.raise_for_status()
    return dict(reply.json())


async def _answers(base_url: str, articles: list[str], together: bool) -> list[dict[str, Any]]:
    async with httpx.AsyncClient() as client:
        if together:
            return list(await asyncio.gather(*(_ask(client, base_url, a) for a in articles)))
        return [await _ask(client, base_url, article) for article in articles]


def measure(name: str, articles: list[str]) -> dict[str, Any]:
    """One option's row: wall clock, llama.cpp's rates and counts, and the answers."""
    tune = OPTIONS[name]
    start_server = xllamacpp.Server

    def tuned_server(params: Any) -> Any:
        if tune is not None:
            tune(params)
        return start_server(params)

    xllamacpp.Server = tuned_server
    try:
        server = embedded.EmbeddedServer(slots=2 if name == "two-slots" else 1)
    finally:
        xllamacpp.Server = start_server
    try:
        server.load_prefix(instructions())
        started = time.perf_counter()
        replies = asyncio.run(_answers(server.base_url, articles, together=name == "two-slots"))
        wall = time.perf_counter() - started
    finally:
        server.close()
    timings = [reply["timings"] for reply in replies]

    def total(key: str) -> float:
        return float(sum(t.get(key) or 0 for t in timings))

    return {
        "option": name,
        "wall_s": round(wall, 1),
        "prompt_tokens": int(total("prompt_n")),
        "prompt_tok_s": round(1000 * total("prompt_n") / total("prompt_ms"), 1),
        "generated_tokens": int(total("predicted_n")),
        "generation_tok_s": round(1000 * total("predicted_n") / total("predicted_ms"), 1),
        "drafted": int(total("draft_n")),
        "accepted": int(total("draft_n_accepted")),
        "answers": [reply["choices"][0]["message"]["content"] for reply in replies],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", nargs="+", type=Path, default=list(ARTICLES))
    parser.add_argument("--only", nargs="+", choices=list(OPTIONS), default=list(OPTIONS))
    parser.add_argument("--json", type=Path, help="write the rows here as JSON")
    args = parser.parse_args()
    articles = [path.read_text(encoding="utf-8") for path in args.articles]
    names = ["baseline", *(name for name in args.only if name != "baseline")]
    header = f"{'option':<20}{'wall s':>8}{'prompt t/s':>12}{'gen t/s':>9}{'gen':>6}{'draft':>9}"
    print(header + "  same", flush=True)
    rows: list[dict[str, Any]] = []
    for name in names:
        row = measure(name, articles)
        rows.append(row)
        same = "yes" if row["answers"] == rows[0]["answers"] else "NO"
        drafts = f"{row['accepted']}/{row['drafted']}" if row["drafted"] else "-"
        print(
            f"{row['option']:<20}{row['wall_s']:>8}{row['prompt_tok_s']:>12}"
            f"{row['generation_tok_s']:>9}{row['generated_tokens']:>6}{drafts:>9}  {same}",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
