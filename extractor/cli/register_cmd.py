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
from rich.text import Text

from extractor.cli.app import app
from extractor.cli.shown import printable

if TYPE_CHECKING:
    from extractor.register import Entry, FieldValue, Register
    from extractor.schemas import FactKind

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


def _fact_kind(kind: Kind | None) -> FactKind | None:
    """The fact kind a `--kind` option names; None without one."""
    from extractor.schemas import fact_kind

    return None if kind is None else fact_kind(kind)


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
        metavar="<db>",
        help="The register: a SQLite file path or a SQLAlchemy URL.",
        envvar="EXTRACTOR_REGISTER_DB",
    ),
]
DEFAULT_DB = "register.sqlite"
SupportedOnly = Annotated[
    bool,
    typer.Option(
        "--supported-only",
        help="Leave out values no source supports (their checks failed): an empty cell.",
    ),
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    Console(stderr=True).print(f"error: {printable(message)}", highlight=False, markup=False)
    return typer.Exit(code)


@contextmanager
def opened(db: str, *, create: bool = False) -> Iterator[Register]:
    """The register at `db` (created only when `create`); a database that cannot be opened
    exits 2 with one line."""
    from sqlalchemy.exc import OperationalError, SQLAlchemyError  # here: `--help` loads none

    from extractor.register import Register, RegisterError
    from extractor.register.store import without_password

    try:
        register = Register(db, create=create)
    except RegisterError as exc:
        raise _fail(str(exc)) from exc
    try:
        yield register
    except SQLAlchemyError as exc:
        busy = " (is another process writing to it?)" if isinstance(exc, OperationalError) else ""
        message = f"{db}: {str(exc).splitlines()[0]}{busy}"
        raise _fail(without_password(message, db)) from exc
    finally:
        register.close()


@register_app.command(epilog=EXIT_CODES)
def add(
    results: Annotated[
        list[Path],
        typer.Argument(help="Result files of `extractor run` (JSONL).", metavar="RESULTS"),
    ],
    db: Db = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress.")] = False,
) -> None:
    """Add the Documents of extraction runs.

    A document is its source sha256: adding the same text again replaces its facts. Error
    records are skipped and counted. The entries do not depend on the order documents come in,
    and an entry keeps its id when sources join it."""
    from extractor.cli.outputs import check_inputs, check_outputs
    from extractor.register import RegisterError
    from extractor.register.reading import count_lines, read_results
    from extractor.register.store import shown_url

    check_inputs(results)
    check_outputs(results, {"--db": sqlite_file(db)})
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
    for problem in (*found.unreadable, *report.refused):
        Console(stderr=True).print(f"skipped {printable(problem)}", highlight=False, markup=False)
    console.print(
        f"added {report.added} documents, replaced {report.replaced}; {report.facts} facts in "
        f"{report.entries} entries regrouped; {found.error_records} error records skipped; "
        f"{len(found.unreadable)} unreadable lines; {len(report.refused)} documents refused; "
        f"register {printable(shown_url(db))}",
        highlight=False,
        markup=False,
    )
    if found.unreadable or report.refused:
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


def _country(value: str | None) -> str | None:
    """An ISO3 code for `--country`: a code, or a state's name in Arabic or English."""
    if value is None:
        return None
    import pycountry

    from extractor.arabic.countries import country_named, is_iso3

    if is_iso3(value.strip().upper()):
        return value.strip().upper()
    try:
        return country_named(value) or str(pycountry.countries.lookup(value.strip()).alpha_3)
    except LookupError as exc:
        raise _fail(
            f"--country {value!r}: not an ISO3 code or a state's name this extractor knows; "
            "write the ISO3 code (LBY) or the name (ليبيا, Libya)"
        ) from exc


def _items(entry: Entry, supported_only: bool = False) -> str:
    """A deal's items, each with its own number: `JF-17 Thunder ×16, Super Mushak ×12`."""
    parts = []
    for item in entry.items:
        merged = item.merged(supported_only=supported_only)
        number = f" ×{merged['number']}" if "number" in merged else ""
        parts.append(f"{merged.get('designation', '?')}{number}")
    return ", ".join(parts) or "—"


def _summary(entry: Entry, supported_only: bool = False) -> str:
    merged = entry.merged(supported_only=supported_only)
    if entry.kind == "arms_deals":
        return (
            f"{merged.get('supplier', '?')} → {merged.get('recipient', '?')}: "
            f"{_items(entry, supported_only)}"
        )
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
        str | None,
        typer.Option(
            "--country",
            metavar="<state>",
            help="Only entries involving this state: ISO3, or its name (ليبيا, Libya).",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="<date>", help="Dated on or after (YYYY-MM-DD)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="<date>", help="Dated on or before (YYYY-MM-DD)."),
    ] = None,
    output: Annotated[
        ListFormat, typer.Option("--format", help="table, jsonl or csv.")
    ] = ListFormat.table,
    supported_only: SupportedOnly = False,
    db: Db = DEFAULT_DB,
) -> None:
    """List entries, oldest first, with their sources' count."""
    start, end = _parse_date(since, "--since"), _parse_date(until, "--until")
    code = _country(country)
    with opened(db) as register:
        entries = register.entries(kind=_fact_kind(kind), country=code, since=start, until=end)
    if output is ListFormat.jsonl:
        for entry in entries:
            typer.echo(json.dumps(entry.record(), ensure_ascii=False))
        return
    if output is ListFormat.csv:
        _echo_csv(entries, _fact_kind(kind), supported_only)
        return
    table = Table(title=f"{len(entries)} entries", title_justify="left")
    for column in ("entry_id", "kind", "date", "fact", "sources"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        table.add_row(
            entry.entry_id,
            entry.kind,
            entry.first_date.isoformat() if entry.first_date else "—",
            Text(printable(_summary(entry, supported_only))),
            str(len(entry.sources)),
        )
    Console().print(table)


def _echo_csv(entries: list[Entry], kind: FactKind | None, supported_only: bool) -> None:
    """Entries as CSV on stdout: a kind's export columns, or a summary row per entry."""
    from extractor.register.export import header, spreadsheet_safe
    from extractor.register.rows import flat
    from extractor.register.rows import rows as rows_of

    if kind is not None:
        fields = header(kind)
        rows = [
            flat(row) for entry in entries for row in rows_of(entry, supported_only=supported_only)
        ]
    else:
        fields = ["entry_id", "kind", "date", "fact", "source_count"]
        rows = [
            {
                "entry_id": entry.entry_id,
                "kind": entry.kind,
                "date": entry.first_date.isoformat() if entry.first_date else "",
                "fact": _summary(entry, supported_only),
                "source_count": len(entry.sources),
            }
            for entry in entries
        ]
    writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(map(spreadsheet_safe, rows))


@register_app.command(epilog=EXIT_CODES)
def show(
    entry_id: Annotated[str, typer.Argument(help="An entry_id from `list`.", metavar="ENTRY_ID")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the entry as JSON.")] = False,
    db: Db = DEFAULT_DB,
) -> None:
    """Show one entry: the merged fact, its sources, every value.

    Every source is listed with doc_id, outlet, date and evidence sentences, and each field's
    distinct values with the sources that give them, majority first."""
    from extractor.register.store import shown_url

    with opened(db) as register:
        entry = register.entry(entry_id)
    if entry is None:
        raise _fail(
            f"no entry {entry_id} in {shown_url(db)}; `extractor register list` shows the ids", 1
        )
    if as_json:
        typer.echo(json.dumps(entry.record(), ensure_ascii=False, indent=2))
        return
    console = Console()
    dates = " – ".join(
        sorted({date.isoformat() for date in (entry.first_date, entry.last_date) if date})
    )
    heading = f"{entry.entry_id} {entry.kind} {dates} {' '.join(entry.countries)}"
    console.print(Text(printable(heading), style="bold"))
    console.print(Text(printable(_summary(entry))), highlight=False)
    sources = Table(title=f"{len(entry.sources)} sources", title_justify="left")
    for column in ("doc_id", "outlet", "published", "evidence"):
        sources.add_column(column, overflow="fold")
    for source in entry.sources:
        sources.add_row(
            Text(printable(source.doc_id)),
            Text(printable(source.outlet or "—")),
            source.published.isoformat() if source.published else "—",
            Text("\n".join(map(printable, source.evidence))),
        )
    console.print(sources)
    values = Table(
        title="values (majority first; ⚑ no source supports it, ? a source's check flagged it)",
        title_justify="left",
    )
    for column in ("item", "field", "value", "sources"):
        values.add_column(column, overflow="fold")
    _value_rows(values, "", entry.fields)
    for item in entry.items:
        _value_rows(values, item.key, item.fields)
    for doc_id, status in entry.record_flags.items():
        values.add_row("", "record", f"⚑ {status}", Text(printable(doc_id)))
    console.print(values)


def _value_rows(table: Table, item: str, fields: dict[str, list[FieldValue]]) -> None:
    """One row per value of each field, marked when flagged, with each source's status."""
    first = True
    for field, field_values in fields.items():
        for rank, value in enumerate(field_values):
            mark = "⚑ " if value.flagged else ("? " if value.flags else "")
            sources = ", ".join(
                f"{source} ({value.flags[source]})" if source in value.flags else source
                for source in value.sources
            )
            table.add_row(
                Text(printable(item)) if first else "",
                field if rank == 0 else "",
                Text(printable(f"{mark}{value.value}")),
                Text(printable(sources)),
            )
            first = False


@register_app.command(epilog=EXIT_CODES)
def export(
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="<file>", help="The file to write.")
    ],
    file_format: Annotated[
        ExportFormat, typer.Option("--format", help="csv, parquet (needs pyarrow) or jsonl.")
    ] = ExportFormat.csv,
    kind: Annotated[
        Kind | None,
        typer.Option("--kind", help="One kind's rows (required for csv and parquet)."),
    ] = None,
    supported_only: SupportedOnly = False,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV with a byte-order mark, for Excel.")
    ] = False,
    db: Db = DEFAULT_DB,
) -> None:
    """Write the register as CSV, Parquet or JSON lines.

    Deals are one row per weapon system, as SIPRI's trade register reads (entry_id, item,
    supplier, recipient, designation, category, number, number_text, status, date, year,
    deal_value: the whole deal's, repeated on each item row, never to be summed), meetings
    (date, year, place, host, guests, participants, topics), embargoes (target, imposed_by,
    measure, resolutions, start, year, status); every row ends with flagged (fields no source
    supports), disputed (fields its sources disagree on), source_count and sources. The
    columns have the same names in CSV, Parquet (lists as list columns) and jsonl; jsonl
    without --kind holds every entry whole, with its items, sources and every value.

    A CSV text cell that starts with = + - @, tab or CR gets a leading ' so that spreadsheets
    show it as text instead of running it as a formula (number, date and code columns are never
    changed). The file is written whole or not at all (a temporary file renamed into place);
    an output that is the register itself is refused."""
    from extractor.cli.outputs import check_outputs
    from extractor.register import RegisterError
    from extractor.register.export import write_csv, write_jsonl, write_parquet

    chosen = _fact_kind(kind)
    if file_format is not ExportFormat.jsonl and chosen is None:
        raise _fail(
            f"{file_format} holds one kind's columns: add --kind arms_deals|meetings|embargoes"
        )
    stored = sqlite_file(db)
    check_outputs([stored] if stored else [], {"--output": output})
    with opened(db) as register:
        entries = register.entries(kind=chosen)
    try:
        if file_format is ExportFormat.jsonl or chosen is None:
            count = write_jsonl(output, entries, chosen, supported_only=supported_only)
        elif file_format is ExportFormat.csv:
            count = write_csv(output, chosen, entries, supported_only=supported_only, excel=excel)
        else:
            count = write_parquet(output, chosen, entries, supported_only=supported_only)
    except RegisterError as exc:
        raise _fail(str(exc)) from exc
    except OSError as exc:
        raise _fail(f"{output}: cannot be written ({exc.strerror or exc})") from exc
    Console(stderr=True).print(
        f"wrote {count} rows of {len(entries)} entries to {output}", highlight=False, markup=False
    )


@register_app.command(epilog=EXIT_CODES)
def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", metavar="<host>", help="The address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", metavar="<port>", help="The port to listen on.")
    ] = 8001,
) -> None:
    """Browse a SQLite register in Datasette (pip install 'arabic-fact-extractor\\[serve]').

    The analysts' tables (deals, deal_items, meetings, participants, embargoes, resolutions,
    entry_sources) with their descriptions and facets; the store's own tables hidden."""
    import tempfile
    from importlib.util import find_spec

    from extractor.register.datasette import metadata
    from extractor.register.store import shown_url

    path = sqlite_file(db)
    if path is None:
        raise _fail(
            f"--db {shown_url(db)}: serve reads a SQLite register; "
            "query PostgreSQL with its own tools (the same tables: deal_items, meetings, …)"
        )
    if find_spec("datasette") is None:
        raise _fail("serve needs Datasette: pip install 'arabic-fact-extractor[serve]'")
    with opened(db):  # refuses what is not a register, migrates an older one
        pass
    with tempfile.TemporaryDirectory() as folder:
        described = Path(folder) / "metadata.json"
        described.write_text(json.dumps(metadata(path.stem), ensure_ascii=False), "utf-8")
        command = [
            sys.executable, "-m", "datasette", "serve", "--immutable", str(path),
            "--metadata", str(described), "--host", host, "--port", str(port),
        ]  # fmt: skip
        raise typer.Exit(_run_until_stopped(command))


def sqlite_file(db: str) -> Path | None:
    """The file of a SQLite register, or None for another database (or no URL at all)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from extractor.register import database_url

    try:
        url = make_url(database_url(db))
    except (ArgumentError, ValueError):
        return None
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _run_until_stopped(command: list[str]) -> int:
    """Run `command` to its end; a SIGTERM to this process stops it too (Ctrl-C reaches both),
    so no server outlives the command that started it."""
    import signal
    import subprocess

    process = subprocess.Popen(command)
    previous = signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
