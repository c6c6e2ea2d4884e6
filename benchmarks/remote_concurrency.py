"""Remote-endpoint concurrency: 200 documents through `extractor run --backend openai
--concurrency 16` against a loopback server that answers every call after exactly 1 s.

    python -m benchmarks.remote_concurrency [--documents 200] [--concurrency 16] [--delay 1.0]

The ideal is documents × calls per document × delay / concurrency (the server counts the
calls). Target: the run finishes within 1.15× of it. Reported: the span from the first request
to the last answer (the batch itself) and the whole command (interpreter start-up included),
the overhead per document (slot-seconds a document holds beyond its calls' delay), and the
client's CPU seconds per document.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extractor.testing import FakeOpenAIServer, schema_answers

DEV_DIR = Path(__file__).resolve().parents[1] / "eval" / "dev"
TARGET = 1.15


def write_documents(folder: Path, count: int, dev_dir: Path) -> None:
    """`count` article files made from the dev set's texts, each with its own name."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(dev_dir.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no articles in {dev_dir}")
    for index in range(count):
        (folder / f"doc{index:04d}.txt").write_text(texts[index % len(texts)], encoding="utf-8")


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--delay", type=float, default=1.0, help="seconds per answer")
    parser.add_argument("--dev", type=Path, default=DEV_DIR, help="articles to copy from")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)

    with (
        tempfile.TemporaryDirectory() as scratch,
        FakeOpenAIServer(schema_answers(delay=args.delay)) as server,
    ):
        folder = Path(scratch) / "articles"
        folder.mkdir()
        write_documents(folder, args.documents, args.dev)
        output = Path(scratch) / "out.jsonl"
        command = [
            sys.executable, "-m", "extractor", "run", str(folder),
            "--backend", "openai", "--base-url", server.base_url, "--model", "loopback",
            "--concurrency", str(args.concurrency), "--no-cache", "--quiet", "-o", str(output),
        ]  # fmt: skip
        environment = {**os.environ, "OPENAI_API_KEY": "loopback"}
        cpu_before, started = _child_cpu(), time.monotonic()
        finished = subprocess.run(command, env=environment, capture_output=True, text=True)
        wall = time.monotonic() - started
        cpu = _child_cpu() - cpu_before
        records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]

    errors = [record for record in records if "error" in record]
    calls = len(server.requests)
    if finished.returncode != 0 or errors or server.errors or len(records) != args.documents:
        print(finished.stderr[-2000:], file=sys.stderr)
        summary = f"exit {finished.returncode}; {len(records)} records, {len(errors)} errors"
        print(f"{summary}; server: {server.errors[:3]}; first: {errors[:1]}", file=sys.stderr)
        return 1
    per_document = calls / args.documents
    ideal = args.documents * per_document * args.delay / args.concurrency
    span = max(server.departures) - min(request.at for request in server.requests)
    slot_seconds = span * args.concurrency / args.documents
    figures = {
        "documents": args.documents,
        "concurrency": args.concurrency,
        "delay_s": args.delay,
        "calls": calls,
        "calls_per_document": per_document,
        "ideal_s": ideal,
        "batch_span_s": span,
        "batch_ratio": span / ideal,
        "command_wall_s": wall,
        "command_ratio": wall / ideal,
        "overhead_per_document_s": slot_seconds - per_document * args.delay,
        "client_cpu_per_document_s": cpu / args.documents,
        "target_ratio": TARGET,
        "batch_within_target": span / ideal <= TARGET,
    }
    for name, value in figures.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{name:>28}: {shown}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if figures["batch_within_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
