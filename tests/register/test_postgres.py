"""The register on a real PostgreSQL server, started by the test from the Debian packages.

Fails where `initdb` is missing (deselect with `-m "not system"`); the server lives in a
temporary folder and listens on 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from extractor.register import Register, tables
from extractor.schemas import ArmsDeal, ArmsItem, Document
from tests.cli.conftest import invoke, plain
from tests.conftest import unavailable
from tests.register.cluster_documents import documents


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_binary(name: str) -> str | None:
    """A PostgreSQL server program: on PATH, else where Debian's packages put it."""
    found = shutil.which(name)
    installed = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return found or (str(installed[-1]) if installed else None)


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the `postgres` user then."""
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser is None:
        unavailable("running as root without runuser: cannot start PostgreSQL")
    return [runuser, "-u", "postgres", "--", *command]


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    initdb, pg_ctl = _server_binary("initdb"), _server_binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    root = Path(tempfile.mkdtemp(prefix="register-postgres-"))  # the postgres user must reach it
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data, port = root / "data", _free_port()
    subprocess.run(
        _as_postgres([initdb, "-N", "-D", str(data), "-A", "trust", "-U", "postgres"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = [pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]
    subprocess.run(_as_postgres(start), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        stop = [pg_ctl, "-D", str(data), "-m", "immediate", "stop"]
        subprocess.run(_as_postgres(stop), check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.system
def test_the_register_on_postgresql(postgres_url: str) -> None:
    with Register(postgres_url) as register:
        report = register.add(documents())
        assert (report.added, report.entries) == (27, 10)
        entries = register.entries(kind="arms_deals", country="SYR")
        assert [len(entry.sources) for entry in entries] == [3]
        again = register.add(documents()[:3])
        assert (again.added, again.replaced) == (0, 3)
        assert len(register.entries()) == 10
    with Register(postgres_url) as reopened:
        assert reopened.entry(entries[0].entry_id) == entries[0]


@pytest.mark.system
def test_the_analysts_tables_read_the_same_on_postgresql_and_sqlite(
    postgres_url: str, tmp_path: Path
) -> None:
    queries = [
        "select recipient, designation, number from deal_items where supplier = 'RUS' "
        "order by entry_id, item",
        *(f"select * from {table.name} order by 1, 2" for table in tables.ANALYST_TABLES),
    ]
    answers = []
    for url in (postgres_url, f"sqlite:///{tmp_path / 'r.sqlite'}"):
        with Register(url) as register:
            register.add(documents())
            with register.engine.connect() as connection:
                answers.append([connection.execute(text(query)).all() for query in queries])
    assert answers[0] == answers[1]
    assert [row[:2] for row in answers[0][0]] == [("SYR", "S 300"), ("TUR", "S-400")]
    assert answers[0][0][0][2] == 4


@pytest.mark.system
def test_one_bad_document_fails_alone_and_the_password_stays_off_the_terminal(
    postgres_url: str, tmp_path: Path
) -> None:
    """A NUL (which PostgreSQL refuses in text) fails its own Document; a doc_id of 80
    characters (a key past the old 80-character column) is stored; a successful add prints the
    URL without its password."""
    deal = ArmsDeal(seller="ISL", buyer="NZL", items=[ArmsItem(designation="F-16", quantity=4)])
    long_id = "مقال-" + "x" * 75
    run = tmp_path / "run.jsonl"
    run.write_text(
        "".join(
            Document(doc_id=doc_id, arms_deals=[deal.model_copy(update=more)]).model_dump_json()
            + "\n"
            for doc_id, more in (
                ("nul", {"seller_text": "آيسلندا\x00"}),
                (long_id, {"date": "2019-03-01"}),
            )
        ),
        encoding="utf-8",
    )
    url = postgres_url.replace("postgres@", "postgres:s3cret-pw@", 1)
    added = invoke("register", "add", str(run), "--db", url)
    assert added.exit_code == 1, added.output
    assert "skipped nul: arms_deals[0].seller_text holds a NUL character" in plain(added.output)
    assert "s3cret-pw" not in added.output
    assert "postgres:***@127.0.0.1" in plain(added.output)
    listed = invoke("register", "list", "--country", "ISL", "--format", "jsonl", "--db", url)
    assert listed.exit_code == 0, listed.output
    assert [source["doc_id"] for source in json.loads(listed.stdout)["sources"]] == [long_id]
