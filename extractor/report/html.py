"""Render the self-contained HTML review page (no network: inline CSS and JS, all text escaped)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import regex
from markupsafe import Markup, escape

from extractor.report.view import DocumentView, document_view
from extractor.schemas import CHECK_STATUSES, Document

_LATIN_RUN = regex.compile(r"[A-Za-z0-9_]+(?:[ \-./,:+][A-Za-z0-9_]+)*")

LEGEND = {
    "exact": "حرفي · exact",
    "normalized": "بعد التطبيع · normalized",
    "fuzzy": "تقريبي · fuzzy",
    "unsupported": "غير مدعوم · unsupported",
    "contradicted": "متناقض · contradicted",
}
"""What each status colour means, in Arabic and as the contract names it."""


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """One document for the page: its Document and source text, or the error recorded instead."""

    doc_id: str
    document: Document | None = None
    source: str | None = None
    error: str | None = None
    note: str | None = None


_BIDI_CONTROL = regex.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Marks, embeddings, overrides and isolates: in a model's value (U+202E) they would reorder
the page's own text around it, so the page shows them as visible codes instead."""


def shown_controls(value: str) -> str:
    """`value` with each bidi control character written out as `⟨U+202E⟩`."""
    shown: str = _BIDI_CONTROL.sub(lambda match: f"⟨U+{ord(match.group()):04X}⟩", value)
    return shown


def isolated(text: object) -> Markup:
    """A user or model string as an isolate of its own (<bdi>), so it cannot reorder the page."""
    return Markup(f"<bdi>{bidi(text)}</bdi>")


def bidi(text: object) -> Markup:
    """Escape text, show its bidi controls as codes, and isolate its Latin/digit runs in <bdi>
    so mixed text keeps its order."""
    value = str(text)
    parts: list[str] = []
    last = 0
    for control in _BIDI_CONTROL.finditer(value):
        parts.append(_latin_isolated(value[last : control.start()]))
        parts.append(f'<bdi class="control" dir="ltr">{shown_controls(control.group())}</bdi>')
        last = control.end()
    parts.append(_latin_isolated(value[last:]))
    return Markup("".join(parts))


def _latin_isolated(value: str) -> str:
    parts: list[str] = []
    last = 0
    for match in _LATIN_RUN.finditer(value):
        parts.append(str(escape(value[last : match.start()])))
        parts.append(f"<bdi>{escape(match.group())}</bdi>")
        last = match.end()
    parts.append(str(escape(value[last:])))
    return "".join(parts)


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("extractor.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["bidi"] = bidi
    environment.filters["isolated"] = isolated
    environment.filters["controls_shown"] = shown_controls
    return environment


def render_report(entries: Sequence[ReportEntry], *, title: str = "Extraction review") -> str:
    """The review page for these documents as one HTML string."""
    views: list[tuple[ReportEntry, DocumentView | None]] = [
        (
            entry,
            document_view(entry.document, entry.source, entry.note) if entry.document else None,
        )
        for entry in entries
    ]
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=title,
        views=views,
        legend=[(status, LEGEND[status]) for status in CHECK_STATUSES],
        nonce=secrets.token_urlsafe(16),
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(path: Path, entries: Sequence[ReportEntry], *, title: str | None = None) -> None:
    """Write the review page to `path` (UTF-8)."""
    html = render_report(entries, title=title or "Extraction review")
    path.write_text(html, encoding="utf-8")
