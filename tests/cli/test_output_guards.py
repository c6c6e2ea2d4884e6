"""Every command that writes a file refuses to write over one of its inputs (by device and inode,
so a hard link is the file it names), writes its output whole or not at all (a temporary file
renamed into place), and says in one line when it cannot: `run`, `report`, `verify`, `eval`,
`eval register` and `register add`. Those but `run` also refuse an input that is a FIFO or a
device instead of waiting on it forever."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from extractor.testing import FakeOpenAIServer
from tests.cli.conftest import REPO, invoke, openai_args, plain
from tests.conftest import SEED, dev_pairs, unavailable
from tests.register.cluster_documents import REGISTER_DIR, documents

SECRET = "PRIVATE-FILE-OUTSIDE-THE-SOURCES-0123"


def _one_line_error(result: Result, exit_code: int) -> str:
    """The command failed with `exit_code` and a message, not a traceback; the message."""
    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return plain(result.output)


@pytest.fixture
def run_folder(tmp_path: Path) -> Path:
    """A seed article, its gold Document, and a run's JSONL holding that Document."""
    article, gold = dev_pairs()[0]
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(article, folder / "a01.txt")
    document = json.loads(gold.read_text(encoding="utf-8")) | {"doc_id": "a01"}
    (tmp_path / "gold.json").write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    (tmp_path / "rep.jsonl").write_text(json.dumps(document, ensure_ascii=False) + "\n", "utf-8")
    golds = tmp_path / "golds"
    golds.mkdir()
    shutil.copy(article, golds / article.name)
    shutil.copy(gold, golds / gold.name)
    pred = json.loads(gold.read_text(encoding="utf-8")) | {"doc_id": article.stem}
    (tmp_path / "pred.jsonl").write_text(json.dumps(pred, ensure_ascii=False) + "\n", "utf-8")
    return tmp_path


def _register(at: Path) -> Path:
    """The register set's Documents in a SQLite register beside the run folder's files, and
    its clusters.json."""
    db = at / "reg.sqlite"
    if not db.exists():
        run = at / "register-run.jsonl"
        run.write_text("".join(d.model_dump_json() + "\n" for d in documents()), "utf-8")
        added = invoke("register", "add", str(run), "--db", str(db), "-q")
        assert added.exit_code == 0, added.output
        shutil.copy(REGISTER_DIR / "clusters.json", at / "clusters.json")
    return db


def _command(name: str, at: Path) -> list[str]:
    """A command that reads the run folder's files, without its output option."""
    if name == "eval register":
        db = _register(at)
        return ["eval", "register", "--clusters", str(at / "clusters.json"), "--db", str(db)]
    if name == "register export":
        return ["register", "export", "--format", "jsonl", "--db", str(_register(at))]
    commands = {
        "report": ["report", str(at / "rep.jsonl"), "--sources", str(at / "in")],
        "verify": ["verify", str(at / "gold.json"), "--source", str(at / "in" / "a01.txt")],
        "eval": ["eval", "--gold", str(at / "golds"), "--pred", str(at / "pred.jsonl")],
    }
    return commands[name]


OUTPUT_OPTION = {
    "report": "-o",
    "verify": "-o",
    "eval": "-o",
    "eval register": "-o",
    "register export": "-o",
}
WRITERS = list(OUTPUT_OPTION)
CLASHES = [
    ("report", "rep.jsonl"),
    ("report", "in/a01.txt"),
    ("verify", "in/a01.txt"),
    ("verify", "gold.json"),
    ("eval", "pred.jsonl"),
    ("eval register", "reg.sqlite"),
    ("eval register", "clusters.json"),
]


@pytest.mark.parametrize("link", ["the input itself", "a hard link of it"])
@pytest.mark.parametrize(("command", "input_name"), CLASHES)
def test_an_output_onto_an_input_is_refused(
    run_folder: Path, command: str, input_name: str, link: str
) -> None:
    original = run_folder / input_name
    command_line = _command(command, run_folder)
    before = original.read_bytes()
    target = original
    if link == "a hard link of it":
        target = run_folder / "linked.out"
        os.link(original, target)
    result = invoke(*command_line, OUTPUT_OPTION[command], str(target))
    message = _one_line_error(result, 2)
    assert "would destroy" in message
    assert original.read_bytes() == before


def test_run_refuses_an_output_that_is_a_hard_link_of_its_input(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    article = tmp_path / "a.txt"
    shutil.copy(SEED, article)
    os.link(article, tmp_path / "out.jsonl")
    result = invoke("run", str(article), "-o", str(tmp_path / "out.jsonl"), *openai_args(endpoint))
    assert "would destroy" in _one_line_error(result, 2)
    assert article.read_bytes() == SEED.read_bytes()
    assert endpoint.requests == []


@pytest.mark.parametrize("link", ["the results file itself", "a hard link of it"])
def test_register_add_refuses_a_register_that_is_one_of_its_results(
    run_folder: Path, link: str
) -> None:
    results = run_folder / "rep.jsonl"
    before = results.read_bytes()
    db = results
    if link == "a hard link of it":
        db = run_folder / "linked.sqlite"
        os.link(results, db)
    result = invoke("register", "add", str(results), "--db", str(db))
    assert "would destroy" in _one_line_error(result, 2)
    assert results.read_bytes() == before


@pytest.mark.parametrize("command", WRITERS)
def test_an_output_is_renamed_into_place_not_written_over(run_folder: Path, command: str) -> None:
    """Written in place, the old output's other name (a hard link) would change with it, and a
    crash halfway would leave it truncated; renamed into place, the old file stays whole."""
    output = run_folder / "out.data"
    output.write_text("an earlier output", encoding="utf-8")
    os.link(output, run_folder / "earlier.data")
    result = invoke(*_command(command, run_folder), OUTPUT_OPTION[command], str(output))
    assert result.exit_code == 0, result.output
    assert (run_folder / "earlier.data").read_text(encoding="utf-8") == "an earlier output"
    assert output.read_text(encoding="utf-8") != "an earlier output"
    assert [path.name for path in run_folder.glob(".*")] == []


@pytest.mark.parametrize("command", WRITERS)
def test_an_output_in_a_missing_folder_is_one_line(run_folder: Path, command: str) -> None:
    output = run_folder / "missing" / "x.out"
    result = invoke(*_command(command, run_folder), OUTPUT_OPTION[command], str(output))
    assert "does not exist" in _one_line_error(result, 2)
    assert not output.parent.exists()


@pytest.mark.parametrize("command", WRITERS)
def test_an_output_that_is_a_folder_is_one_line(run_folder: Path, command: str) -> None:
    output = run_folder / "a-folder"
    output.mkdir()
    result = invoke(*_command(command, run_folder), OUTPUT_OPTION[command], str(output))
    assert "is a directory" in _one_line_error(result, 2).lower()
    assert list(output.iterdir()) == []


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs mounted read-only (root ignores permission bits, not a read-only mount)."""
    point = tmp_path / "ro"
    point.mkdir()
    command = ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(point)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        unavailable(f"cannot mount a tmpfs here (needs root and mount rights): {done.stderr}")
    yield point
    subprocess.run(["umount", str(point)], check=False)


@pytest.mark.system
@pytest.mark.parametrize("command", WRITERS)
def test_an_output_on_a_read_only_mount_is_one_line(
    run_folder: Path, read_only: Path, command: str
) -> None:
    result = invoke(*_command(command, run_folder), OUTPUT_OPTION[command], str(read_only / "x"))
    assert "cannot write" in _one_line_error(result, 2)


@pytest.mark.parametrize("doc_id", ["../private", "ABSOLUTE"])
def test_report_reads_sources_inside_the_sources_folder_only(run_folder: Path, doc_id: str) -> None:
    private = run_folder / "private.txt"
    private.write_text(f"{SEED.read_text(encoding='utf-8')}\n{SECRET}\n", encoding="utf-8")
    doc_id = str(run_folder / "private") if doc_id == "ABSOLUTE" else doc_id
    (run_folder / "hostile.jsonl").write_text(json.dumps({"doc_id": doc_id}) + "\n", "utf-8")
    page = run_folder / "page.html"
    result = invoke(
        "report", str(run_folder / "hostile.jsonl"), "--sources", str(run_folder / "in"),
        "-o", str(page),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert SECRET not in html
    assert "not found under" in html


def _in_a_process(*line: str) -> subprocess.CompletedProcess[str]:
    """The command line run in its own process, stopped after a minute (a command that waits on
    a pipe forever fails the test instead of hanging it)."""
    return subprocess.run(
        [sys.executable, "-m", "extractor", *line],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "400"},
        timeout=60,
    )


@pytest.mark.parametrize("command", WRITERS)
def test_an_output_through_a_symbolic_link_replaces_the_target_and_keeps_the_link(
    run_folder: Path, command: str
) -> None:
    target = run_folder / "kept" / "out.data"
    target.parent.mkdir()
    target.write_text("an earlier output", encoding="utf-8")
    link = run_folder / "out.link"
    link.symlink_to(target)
    result = invoke(*_command(command, run_folder), OUTPUT_OPTION[command], str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") != "an earlier output"


@pytest.mark.parametrize("command", WRITERS)
def test_an_output_that_is_a_pipe_is_written_into_it_not_replaced(
    run_folder: Path, command: str
) -> None:
    """`-o /dev/stdout` is a pipe or a terminal: renamed over, it became a file (as root, in
    /dev) or failed (elsewhere); it is written into, as a FIFO here."""
    fifo = run_folder / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = _in_a_process(*_command(command, run_folder), OUTPUT_OPTION[command], str(fifo))
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    (written,) = received
    assert written.strip()


READERS = [
    ("report", "rep.jsonl"),
    ("verify", "gold.json"),
    ("verify", "in/a01.txt"),
    ("eval", "pred.jsonl"),
    ("eval register", "clusters.json"),
    ("register add", "rep.jsonl"),
]


@pytest.mark.parametrize(("command", "input_name"), READERS)
def test_an_input_that_is_a_fifo_is_refused_at_once(
    run_folder: Path, command: str, input_name: str
) -> None:
    """A FIFO with no writer blocked the command forever (as `/dev/urandom` never ended)."""
    if command == "register add":
        line = ["register", "add", str(run_folder / "rep.jsonl"), "--db", str(run_folder / "r.db")]
    else:
        line = _command(command, run_folder)
    fifo = run_folder / input_name
    fifo.unlink()
    os.mkfifo(fifo)
    done = _in_a_process(*line)
    assert done.returncode == 2, done.stderr
    assert f"{fifo} is not a regular file (a FIFO, socket or device)" in plain(done.stderr)
