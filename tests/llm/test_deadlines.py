"""Deadlines: a server that trickles its answer is cut off per request and per document, and a
Retry-After that is not a number falls back to backoff."""

from __future__ import annotations

import json
import shutil
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from extractor.testing import FakeOpenAIServer, LoopbackServer, error, schema_answers
from tests.cli.conftest import invoke, plain, records
from tests.conftest import SEED, make_extractor


class _Trickle(BaseHTTPRequestHandler):
    """Sends the headers at once, then one byte of the body a second."""

    arrivals: list[float] = []  # noqa: RUF012  (one list per test: the class is made per test)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).arrivals.append(time.monotonic())
        body = json.dumps({"choices": []}).encode() * 100
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(1.0)
        except (BrokenPipeError, ConnectionResetError):
            return

    def log_message(self, format: str, *args: Any) -> None:
        return


def test_a_trickling_server_is_cut_off_per_request_and_per_document(tmp_path: Path) -> None:
    handler: type[_Trickle] = type("Trickle", (_Trickle,), {"arrivals": []})
    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    output = tmp_path / "out.jsonl"
    with LoopbackServer(handler) as server:
        started = time.monotonic()
        result = invoke(
            "run", str(article), "-o", str(output), "--backend", "openai",
            "--base-url", server.base_url, "--model", "x", "--no-cache",
            "--timeout", "1", "--document-timeout", "6",
        )  # fmt: skip
        took = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert took < 20, f"the document deadline of 6 s took {took:.0f} s"
    assert "document deadline of 6 s" in records(output)["seed"]["error"]["message"]
    arrivals = handler.arrivals
    assert len(arrivals) >= 2, "the first request was never cut off"
    assert arrivals[1] - arrivals[0] < 5, "the request deadline of 1 s was not applied"
    assert "--document-timeout" in plain(result.output)


def test_a_retry_after_that_is_not_a_number_falls_back_to_backoff(seed_text: str) -> None:
    with FakeOpenAIServer(schema_answers()) as server:
        server.script(error(429, "slow down", headers={"Retry-After": "soon"}))
        with make_extractor(server) as extractor:
            document = extractor.extract(seed_text)
    assert document.provenance.usage.retries == 1
    assert len(server.requests) == 4
