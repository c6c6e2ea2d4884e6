"""`extractor verify`: check an extraction made anywhere against its Arabic source."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from extractor.cli.app import app
from extractor.cli.outputs import check_inputs, check_outputs, replaced
from extractor.cli.shown import printable

if TYPE_CHECKING:
    from extractor.schemas import Document

USAGE_ERROR = 2
MAX_SCHEMA_ERRORS = 10


@app.command()
def verify(
    extraction: Annotated[
        Path,
        typer.Argument(
            help="A contract Document as JSON: a gold file, another tool's output, a person's.",
            metavar="EXTRACTION",
        ),
    ],
    source: Annotated[
        Path,
        typer.Option(
            "--source",
            "-s",
            metavar="<file>",
            help="The UTF-8 article the extraction was made from.",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="<file>",
            help="Write the verified Document here, not to stdout.",
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="<date>",
            help="Publication date YYYY-MM-DD (overrides the Document's).",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Drop unsupported or contradicted values and bare facts."),
    ] = False,
) -> None:
    """Fill `checks` of an extraction from its source and print a one-line summary to stderr.

    Exits 0 when it ran, whatever it found; 2 when an input cannot be read or the output
    cannot be written.
    """
    check_inputs([extraction, source])
    check_outputs([extraction, source], {"--output": output})
    from extractor.verify import drop_unsupported, summarize_checks, verify_document

    document = _read_document(extraction)
    text = _read_source(source)
    if published is not None:
        document = document.model_copy(update={"published": _parse_date(published)})
    verified = verify_document(document, text)
    if strict:
        verified = verify_document(drop_unsupported(verified), text)
    rendered = verified.model_dump_json(indent=2) + "\n"
    if output is None:
        typer.echo(rendered, nl=False)
    else:
        try:
            with replaced(output) as written:
                written.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            raise _fail(f"cannot write {output}: {exc.strerror or exc}") from exc
    typer.echo(summarize_checks(verified.checks), err=True)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {printable(message)}", err=True)
    return typer.Exit(USAGE_ERROR)


def _read_bytes(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _fail(f"cannot read {what} {path}: {exc.strerror or exc}") from exc


def _read_source(path: Path) -> str:
    data = _read_bytes(path, "source")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(
            f"source {path} is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"convert it first, e.g. iconv -f CP1256 -t UTF-8 {path}"
        ) from exc


def _read_document(path: Path) -> Document:
    from pydantic import ValidationError

    from extractor.schemas import Document

    data = _read_bytes(path, "extraction")
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise _fail(f"extraction {path} is not UTF-8 JSON") from exc
    except json.JSONDecodeError as exc:
        raise _fail(
            f"extraction {path} is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from exc
    except RecursionError:
        raise _fail(
            f"extraction {path} is nested too deeply to be a contract Document; check the file"
        ) from None
    try:
        return Document.model_validate(raw)
    except ValidationError as exc:
        problems = [
            f"{_path(error['loc'])}: {error['msg']}" for error in exc.errors()[:MAX_SCHEMA_ERRORS]
        ]
        raise _fail(
            f"extraction {path} is not a contract Document ({exc.error_count()} errors):\n  "
            + "\n  ".join(problems)
        ) from exc


def _path(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location in the contract's path style: `arms_deals[0].buyer`."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(document)"


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise _fail(f"--published {value!r} is not a date (YYYY-MM-DD)") from exc
