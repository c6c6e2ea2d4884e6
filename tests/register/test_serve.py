"""`extractor register serve` for real: Datasette on a register built from the dev set's verified
gold Documents, read over HTTP and in headless Chromium."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from extractor import verify
from extractor.register.datasette import FACETS
from extractor.schemas import Document
from tests.cli.conftest import invoke
from tests.conftest import dev_pairs
from tests.report.conftest import DumpDom


def _verified_golds() -> list[Document]:
    return [
        verify(Document.model_validate_json(gold.read_text("utf-8")), text.read_text("utf-8"))
        for text, gold in dev_pairs()
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def dev_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register (`dev.sqlite`) of the dev set, added with `register add`."""
    folder = tmp_path_factory.mktemp("serve")
    run = folder / "run.jsonl"
    golds = _verified_golds()
    run.write_text("".join(gold.model_dump_json() + "\n" for gold in golds), encoding="utf-8")
    db = folder / "dev.sqlite"
    added = invoke("register", "add", str(run), "--db", str(db), "-q")
    assert added.exit_code == 0, added.output
    return db


@pytest.fixture(scope="module")
def served(dev_register: Path) -> Iterator[str]:
    """The address of `register serve` on the dev set's register (database `dev`)."""
    db = dev_register
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "extractor",
            "register",
            "serve",
            "--db",
            str(db),
            "--port",
            f"{port}",
        ],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.communicate()[0]
            try:
                httpx.get(f"{address}/-/versions.json", timeout=5).raise_for_status()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "register serve did not answer in 120 s"
                time.sleep(0.5)
        yield address
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=60)


def _stored(db: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(query).fetchall()


def test_deal_items_page_has_each_facet_once_and_every_item(
    served: str, dev_register: Path
) -> None:
    page = httpx.get(f"{served}/dev/deal_items", timeout=60)
    assert page.status_code == 200
    html = page.text
    assert "One row per weapon system of a deal" in html
    for facet in FACETS["deal_items"]:
        assert html.count(f'id="facet-{facet}"') == 1, facet
    assert "JF-17 Thunder" in html
    assert "Super Mushak" in html
    rows = httpx.get(f"{served}/dev/deal_items.json?_shape=objects", timeout=60).json()["rows"]
    stored = _stored(dev_register, "select entry_id, item, number from deal_items")
    assert sorted((row["entry_id"], row["item"], row["number"]) for row in rows) == sorted(stored)
    assert len(stored) >= 8
    hidden = httpx.get(f"{served}/dev", timeout=60).text
    assert "field_values" not in hidden


def test_a_category_facet_counts_the_items_and_filters_to_them(
    served: str, dev_register: Path
) -> None:
    table = httpx.get(f"{served}/dev/deal_items.json", timeout=60).json()
    facet = table["facet_results"]["category"]["results"]
    expected = Counter(row[0] for row in _stored(dev_register, "select category from deal_items"))
    assert {choice["value"]: choice["count"] for choice in facet} == expected
    fighters = next(choice for choice in facet if choice["value"] == "fighter_aircraft")
    chosen = httpx.get(fighters["toggle_url"], timeout=60).json()
    category = chosen["columns"].index("category")
    assert len(chosen["rows"]) == expected["fighter_aircraft"] > 1
    assert {row[category] for row in chosen["rows"]} == {"fighter_aircraft"}


@pytest.mark.system
def test_chromium_renders_the_faceted_deal_items_page(served: str, dump_dom: DumpDom) -> None:
    result = dump_dom(f"{served}/dev/deal_items")
    dom = result.stdout
    assert "<table" in dom, result.stderr[-2000:]
    assert "JF-17 Thunder" in dom
    assert all(f'data-column="{facet}"' in dom for facet in FACETS["deal_items"])


def test_serve_refuses_a_postgresql_register() -> None:
    result = invoke("register", "serve", "--db", "postgresql+psycopg://analyst:s3cret@db/reg")
    assert result.exit_code == 2
    assert "serve reads a SQLite register" in result.output
    assert "s3cret" not in result.output
