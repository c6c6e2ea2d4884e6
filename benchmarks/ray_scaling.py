"""Ray scaling: 200 documents through `extractor run --engine ray --workers N --concurrency 4`
(N = 1, 2, 4 actors) against a loopback endpoint that answers every call after exactly 1 s,
beside a plain `extractor run --concurrency 4N` on the same documents.

    python -m benchmarks.ray_scaling [--documents 200] [--actors 1 2 4] [--concurrency 4]

Reported per N: the batch span (first request to last answer, so Ray's start-up is apart),
the throughput in documents/s, its ratio to N × the 1-actor throughput (target ≥ 0.9), the
whole command's wall time (Ray start-up included), and the overhead per document against the
plain run at the same total concurrency (slot-seconds a document holds beyond its calls' delay).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.remote_concurrency import DEV_DIR, write_documents
from extractor.testing import FakeOpenAIServer, schema_answers

TARGET = 0.9


def _run(folder: Path, output: Path, delay: float, concurrency: int, *ray: str) -> dict[str, Any]:
    """One `extractor run` against a fresh delayed server: its span, calls and wall time."""
    with FakeOpenAIServer(schema_answers(delay=delay)) as server:
        command = [
            sys.executable, "-m", "extractor", "run", str(folder), "-o", str(output),
            "--backend", "openai", "--base-url", server.base_url, "--model", "loopback",
            "--concurrency", str(concurrency), "--no-cache", "--quiet", *ray,
        ]  # fmt: skip
        environment = {**os.environ, "OPENAI_API_KEY": "loopback", "RAY_AUTH_MODE": "disabled"}
        started = time.monotonic()
        finished = subprocess.run(command, env=environment, capture_output=True, text=True)
        wall = time.monotonic() - started
    if finished.returncode != 0 or server.errors:
        raise SystemExit(f"{' '.join(ray) or 'plain'}: exit {finished.returncode}\n"
                         f"{finished.stderr[-3000:]}")  # fmt: skip
    span = max(server.departures) - min(request.at for request in server.requests)
    return {"span_s": span, "calls": len(server.requests), "command_wall_s": wall}


def _slot_overhead(run: dict[str, Any], documents: int, concurrency: int, delay: float) -> float:
    span, calls = float(run["span_s"]), int(run["calls"])
    return span * concurrency / documents - calls / documents * delay


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--actors", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--concurrency", type=int, default=4, help="documents in flight per actor")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds per answer")
    parser.add_argument("--dev", type=Path, default=DEV_DIR, help="articles to copy from")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "articles"
        folder.mkdir()
        write_documents(folder, args.documents, args.dev)
        for actors in args.actors:
            total = actors * args.concurrency
            plain = _run(folder, Path(scratch) / f"plain{actors}.jsonl", args.delay, total)
            ray = _run(
                folder, Path(scratch) / f"ray{actors}", args.delay, args.concurrency,
                "--engine", "ray", "--workers", str(actors),
            )  # fmt: skip
            rows.append(
                {
                    "actors": actors,
                    "total_concurrency": total,
                    "calls": ray["calls"],
                    "ray_span_s": ray["span_s"],
                    "ray_docs_per_s": args.documents / ray["span_s"],
                    "ray_command_wall_s": ray["command_wall_s"],
                    "plain_span_s": plain["span_s"],
                    "plain_docs_per_s": args.documents / plain["span_s"],
                    "ray_overhead_per_doc_s": _slot_overhead(
                        ray, args.documents, total, args.delay
                    ),
                    "plain_overhead_per_doc_s": _slot_overhead(
                        plain, args.documents, total, args.delay
                    ),
                }
            )
    base = rows[0]["ray_docs_per_s"] / rows[0]["actors"]
    for row in rows:
        row["ratio_to_linear"] = row["ray_docs_per_s"] / (base * row["actors"])
    for row in rows:
        print("  ".join(f"{name}={value:.3f}" if isinstance(value, float) else
                        f"{name}={value}" for name, value in row.items()))  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0 if all(row["ratio_to_linear"] >= TARGET for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
