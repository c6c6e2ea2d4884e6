"""`extractor register add|list|show|export`: the cross-document register on the command line."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.table import Table

from extractor.cli.app import app

if TYPE_CHECKING:
    from extractor.register import Entry, Register

EXIT_CODES = (
    "Exit codes: 0 done; 1 some input lines were not Documents (skipped, each named) or no such "
    "entry; 2 usage error (bad option, missing file, a database that cannot be opened)."
)

register_app = typer.Typer(
    name="register",
    help=(
        "The register: one entry per real-world fact, with every outlet that reported it and "
        "every value they give (conflicts kept, majority first).\n\n"
        "Documents from `extractor run` go in with `add`; `list`, `show` and `export` read the "
        "entries. The database is a SQLite file (default ./register.sqlite) or any SQLAlchemy "
        "URL, e.g. postgresql+psycopg://user@host/db (pip install "
        "'arabic-fact-extractor\\[postgres]')."
    ),
    epilog=EXIT_CODES,
    no_args_is_help=True,
)
app.add_typer(register_app)


class Kind(enum.StrEnum):
    """The fact kinds of the register, named as the Document's lists."""

    arms_deals = "arms_deals"
    meetings = "meetings"
    embargoes = "embargoes"


class ListFormat(enum.StrEnum):
    """How `list` prints entries."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(enum.StrEnum):
    """What `export` writes."""

    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


Db = Annotated[
    str,
    typer.Option(
        "--db",
        help="The register: a SQLite file path or a SQLAlchemy URL.",
        envvar="EXTRACTOR_REGISTER_DB",
    ),
]
DEFAULT_DB = "register.sqlite"


def _fail(message: str, code: int = 2) -> typer.Exit:
    Console(stderr=True).print(f"error: {message}", highlight=False, markup=False)
    return typer.Exit(code)


@contextmanager
def opened(db: str, *, create: bool = False) -> Iterator[Register]:
    """The register at `db` (created only when `create`); a database that cannot be opened
    exits 2 with one line."""
    from sqlalchemy.exc import SQLAlchemyError  # here: `--help` needs no database library

    from extractor.register import Register, RegisterError

    try:
        register = Register(db, create=create)
    except RegisterError as exc:
        raise _fail(str(exc)) from exc
    try:
        yield register
    except SQLAlchemyError as exc:
        raise _fail(
            f"{db}: {str(exc).splitlines()[0]} (is another process writing to it?)"
        ) from exc
    finally:
        register.close()


@register_app.command(epilog=EXIT_CODES)
def add(
    results: Annotated[
        list[Path],
        typer.Argument(help="Result files of `extractor run` (JSONL).", metavar="RESULTS.jsonl..."),
    ],
    db: Db = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress.")] = False,
) -> None:
    """Add the Documents of extraction runs.

    A document is its source sha256: adding the same text again replaces its facts. Error
    records are skipped and counted. The entries do not depend on the order documents come in,
    and an entry keeps its id when sources join it."""
    from extractor.register import RegisterError
    from extractor.register.reading import count_lines, read_results

    console = Console(stderr=True, quiet=quiet)
    with opened(db, create=True) as register, _progress(console) as progress:
        reading = progress.add_task("reading", total=count_lines(results))
        tasks: dict[str, TaskID] = {}

        def advance(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = progress.add_task(step, total=total)
            progress.update(tasks[step], completed=done)

        try:
            found = read_results(results, on_line=lambda: progress.advance(reading))
            report = register.add(found.documents, progress=advance)
        except RegisterError as exc:
            raise _fail(str(exc)) from exc
    for problem in found.unreadable:
        Console(stderr=True).print(f"skipped {problem}", highlight=False, markup=False)
    console.print(
        f"added {report.added} documents, replaced {report.replaced}; {report.facts} facts in "
        f"{report.entries} entries regrouped; {found.error_records} error records skipped; "
        f"{len(found.unreadable)} unreadable lines; register {register.url}",
        highlight=False,
    )
    if found.unreadable:
        raise typer.Exit(1)


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=False,
    )


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise _fail(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from exc


def _summary(entry: Entry) -> str:
    merged = entry.merged()
    if entry.kind == "arms_deals":
        designations = ", ".join(map(str, merged.get("designation", []))) or "—"
        return f"{merged.get('supplier', '?')} → {merged.get('recipient', '?')}: {designations}"
    if entry.kind == "meetings":
        guests = ", ".join(map(str, merged.get("guests", [])))
        names = "، ".join(map(str, merged.get("participants", [])[:4]))
        return f"{merged.get('host', '?')} hosts {guests or '?'}: {names}"
    resolutions = ", ".join(map(str, merged.get("resolutions", [])))
    by = merged.get("imposed_by") or merged.get("imposed_by_text", "?")
    return f"{merged.get('target') or merged.get('target_text', '?')} by {by} {resolutions}".strip()


@register_app.command(name="list", epilog=EXIT_CODES)
def list_(
    kind: Annotated[Kind | None, typer.Option("--kind", help="Only entries of this kind.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Only entries involving this state (ISO3).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Dated on or after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Dated on or before (YYYY-MM-DD).")
    ] = None,
    output: Annotated[
        ListFormat, typer.Option("--format", help="table, jsonl or csv.")
    ] = ListFormat.table,
    db: Db = DEFAULT_DB,
) -> None:
    """List entries, oldest first, with their sources' count."""
    start, end = _parse_date(since, "--since"), _parse_date(until, "--until")
    with opened(db) as register:
        entries = register.entries(kind=kind, country=country, since=start, until=end)
    if output is ListFormat.jsonl:
        for entry in entries:
            typer.echo(json.dumps(entry.record(), ensure_ascii=False))
        return
    if output is ListFormat.csv:
        _echo_csv(entries, kind)
        return
    table = Table(title=f"{len(entries)} entries", title_justify="left")
    for column in ("entry_id", "kind", "date", "fact", "sources"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        table.add_row(
            entry.entry_id,
            entry.kind,
            entry.first_date.isoformat() if entry.first_date else "—",
            _summary(entry),
            str(len(entry.sources)),
        )
    Console().print(table)


def _echo_csv(entries: list[Entry], kind: Kind | None) -> None:
    """Entries as CSV on stdout: a kind's export columns, or a summary row per entry."""
    from extractor.register.export import header, row

    if kind is not None:
        fields, rows = header(kind), [row(entry) for entry in entries]
    else:
        fields = ["entry_id", "kind", "date", "fact", "source_count"]
        rows = [
            {
                "entry_id": entry.entry_id,
                "kind": entry.kind,
                "date": entry.first_date.isoformat() if entry.first_date else "",
                "fact": _summary(entry),
                "source_count": len(entry.sources),
            }
            for entry in entries
        ]
    writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


@register_app.command(epilog=EXIT_CODES)
def show(
    entry_id: Annotated[str, typer.Argument(help="An entry_id from `list`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the entry as JSON.")] = False,
    db: Db = DEFAULT_DB,
) -> None:
    """Show one entry: the merged fact, its sources, every value.

    Every source is listed with doc_id, outlet, date and evidence sentences, and each field's
    distinct values with the sources that give them, majority first."""
    with opened(db) as register:
        entry = register.entry(entry_id)
    if entry is None:
        raise _fail(f"no entry {entry_id} in {db}; `extractor register list` shows the ids", 1)
    if as_json:
        typer.echo(json.dumps(entry.record(), ensure_ascii=False, indent=2))
        return
    console = Console()
    dates = " – ".join(
        sorted({date.isoformat() for date in (entry.first_date, entry.last_date) if date})
    )
    console.print(f"[bold]{entry.entry_id}[/] {entry.kind} {dates} {' '.join(entry.countries)}")
    console.print(_summary(entry), highlight=False)
    sources = Table(title=f"{len(entry.sources)} sources", title_justify="left")
    for column in ("doc_id", "outlet", "published", "evidence"):
        sources.add_column(column, overflow="fold")
    for source in entry.sources:
        sources.add_row(
            source.doc_id,
            source.outlet or "—",
            source.published.isoformat() if source.published else "—",
            "\n".join(source.evidence),
        )
    console.print(sources)
    values = Table(title="values (majority first)", title_justify="left")
    for column in ("field", "value", "sources"):
        values.add_column(column, overflow="fold")
    for field, field_values in entry.fields.items():
        for rank, value in enumerate(field_values):
            values.add_row(field if rank == 0 else "", str(value.value), ", ".join(value.sources))
    console.print(values)


@register_app.command(epilog=EXIT_CODES)
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    file_format: Annotated[
        ExportFormat, typer.Option("--format", help="csv, parquet (needs pyarrow) or jsonl.")
    ] = ExportFormat.csv,
    kind: Annotated[
        Kind | None,
        typer.Option("--kind", help="One kind's entries (required for csv and parquet)."),
    ] = None,
    db: Db = DEFAULT_DB,
) -> None:
    """Write the register as CSV, Parquet or JSON lines.

    Deals get SIPRI-like columns (supplier, recipient, designation, description, number, status,
    date, value, sources), meetings (date, place, host, guests, participants, sources),
    embargoes (target, imposed by, kind, resolutions, start, status, sources), each with the
    fields its sources disagree on. jsonl holds every entry with its sources and every value."""
    from extractor.register import RegisterError
    from extractor.register.export import write_csv, write_jsonl, write_parquet

    if file_format is not ExportFormat.jsonl and kind is None:
        raise _fail(
            f"{file_format} holds one kind's columns: add --kind arms_deals|meetings|embargoes"
        )
    with opened(db) as register:
        entries = register.entries(kind=kind)
    try:
        if file_format is ExportFormat.jsonl:
            count = write_jsonl(output, entries)
        elif file_format is ExportFormat.csv:
            count = write_csv(output, str(kind), entries)
        else:
            count = write_parquet(output, str(kind), entries)
    except RegisterError as exc:
        raise _fail(str(exc)) from exc
    except OSError as exc:
        raise _fail(f"{output}: cannot be written ({exc.strerror or exc})") from exc
    Console(stderr=True).print(f"wrote {count} entries to {output}", highlight=False)
