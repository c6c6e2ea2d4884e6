"""The register on a real PostgreSQL server, started by the test from the Debian packages.

Fails where `initdb` is missing (deselect with `-m "not system"`); the server lives in a
temporary folder, listens on 127.0.0.1 only and asks for a password (SCRAM), as a shared
server does, so the tests see what a wrong password and a right one print.
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

PASSWORD = "s3cret-pw-51f0"


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
    data, port, password_file = root / "data", _free_port(), root / "password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(password_file, "postgres")
    initialise = [initdb, "-N", "-D", str(data), "-A", "scram-sha-256", "-U", "postgres"]
    subprocess.run(
        _as_postgres([*initialise, f"--pwfile={password_file}"]), check=True, capture_output=True
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = [pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]
    subprocess.run(_as_postgres(start), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres:{PASSWORD}@127.0.0.1:{port}/postgres"
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
    added = invoke("register", "add", str(run), "--db", postgres_url)
    assert added.exit_code == 1, added.output
    assert "skipped nul: arms_deals[0].seller_text holds a NUL character" in plain(added.output)
    assert PASSWORD not in added.output
    assert "postgres:***@127.0.0.1" in plain(added.output)
    listed = invoke(
        "register", "list", "--country", "ISL", "--format", "jsonl", "--db", postgres_url
    )
    assert listed.exit_code == 0, listed.output
    assert [source["doc_id"] for source in json.loads(listed.stdout)["sources"]] == [long_id]


@pytest.mark.system
def test_a_wrong_password_is_one_line_without_either_password(postgres_url: str) -> None:
    wrong = postgres_url.replace(PASSWORD, "wr0ng-pw-77", 1)
    result = invoke("register", "list", "--db", wrong)
    assert result.exit_code == 2, result.output
    shown = plain(result.output)
    assert "password authentication failed" in shown
    assert "postgres:***@127.0.0.1" in shown
    assert "wr0ng-pw-77" not in result.output
    assert PASSWORD not in result.output
    assert "Traceback" not in result.output


@pytest.mark.system
def test_a_password_from_the_environment_stays_off_the_terminal(
    postgres_url: str, tmp_path: Path
) -> None:
    """`EXTRACTOR_REGISTER_DB` with a password: the add summary, a number PostgreSQL's
    `integer` cannot hold (that Document alone is skipped) and a database error all show the
    URL masked."""
    deal = ArmsDeal(seller="RUS", buyer="IND", items=[ArmsItem(designation="AK-203")])
    run = tmp_path / "run.jsonl"
    run.write_text(
        "".join(
            Document(
                doc_id=doc_id, arms_deals=[deal.model_copy(update={"items": [item]})]
            ).model_dump_json()
            + "\n"
            for doc_id, item in (
                ("rounds", ArmsItem(designation="7.62", quantity=3_000_000_000)),
                ("rifles", ArmsItem(designation="AK-203", quantity=670_000)),
            )
        ),
        encoding="utf-8",
    )
    environment: dict[str, str | None] = {"EXTRACTOR_REGISTER_DB": postgres_url}
    added = invoke("register", "add", str(run), env=environment)
    assert added.exit_code == 1, added.output
    shown = plain(added.output)
    assert "skipped rounds: arms_deals[0].items[0].quantity holds the number 3000000000" in shown
    assert "added 1 documents" in shown
    assert "register postgresql+psycopg://postgres:***@127.0.0.1" in shown
    with Register(postgres_url) as register, register.engine.begin() as connection:
        connection.execute(text("alter table entries rename to entries_moved"))
    try:
        listed = invoke("register", "list", env=environment)
    finally:
        with Register(postgres_url, create=False) as register, register.engine.begin() as moved:
            moved.execute(text("alter table entries_moved rename to entries"))
    assert listed.exit_code == 2, listed.output
    assert "postgres:***@127.0.0.1" in plain(listed.output)
    assert "Traceback" not in listed.output
    for result in (added, listed):
        assert PASSWORD not in result.output
