"""The register: Documents in, one entry per real-world fact out, kept in a SQL database.

Adding a document stores its facts and then regroups only the blocks (parties) its facts touch,
from every fact of those blocks: the grouping is a function of the facts, not of the order they
came in. An entry keeps its id when sources join it; a new entry's id is derived from its first
fact's key, so documents added in one call get the same ids in any order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    Engine,
    Table,
    bindparam,
    create_engine,
    delete,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from extractor.errors import ExtractorError
from extractor.facts.occasions import (
    AnyFact,
    Reported,
    Windows,
    block_of,
    group_occasions,
)
from extractor.facts.occasions import occasion_date as occasion_of
from extractor.register import tables
from extractor.register.analyst import analyst_rows
from extractor.register.entry import Entry, EntrySource, FieldValue, Item
from extractor.register.fields import (
    FAILED,
    FIELDS,
    ITEM_FIELDS,
    Ranked,
    countries_of,
    fact_statuses,
    rank_entry,
    told_by,
    worst,
)
from extractor.register.storable import unstorable
from extractor.schemas import (
    FACT_KINDS,
    ArmsDeal,
    Document,
    Embargo,
    FactKind,
    Meeting,
    fact_kind,
)

DEFAULT_URL = "register.sqlite"
_MODELS: dict[FactKind, type[ArmsDeal] | type[Meeting] | type[Embargo]] = {
    "arms_deals": ArmsDeal,
    "meetings": Meeting,
    "embargoes": Embargo,
}
_ID_PREFIX: dict[FactKind, str] = {
    "arms_deals": "deal",
    "meetings": "meeting",
    "embargoes": "embargo",
}
_USERINFO = re.compile(r"(://[^/@:]*:)([^/@]*)@")
_CHUNK = 500  # bound parameters per IN (...) list, well under every backend's limit

Progress = Callable[[str, int, int], None]
"""`progress(step, done, total)`: called as a long add stores and regroups."""

T = TypeVar("T")


class RegisterError(ExtractorError):
    """The register database cannot be opened or used (bad URL, missing driver, other layout)."""


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one `add` did."""

    added: int
    replaced: int
    facts: int
    entries: int
    refused: tuple[str, ...] = ()
    """Documents not stored, each as `doc_id: why` (a value no database can hold)."""


def database_url(target: str) -> str:
    """A SQLAlchemy URL for a URL or a plain file path (a path means SQLite)."""
    return target if "://" in target else f"sqlite:///{target}"


def shown_url(target: str) -> str:
    """A --db path or URL fit to print: a URL's password replaced by ***."""
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        return _USERINFO.sub(r"\1***@", target)


def without_password(message: str, target: str) -> str:
    """`message` with `target` shown by `shown_url` and its password, wherever else it
    appears (a driver's message), replaced by ***."""
    message = message.replace(target, shown_url(target))
    try:
        password = make_url(target).password if "://" in target else None
    except (ArgumentError, ValueError):
        found = _USERINFO.search(target)
        password = found.group(2) if found else None
    return message.replace(str(password), "***") if password else message


def _sqlite_file_missing(url: str) -> bool:
    """True for a SQLite URL whose database file does not exist."""
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return False
    return not Path(database).exists()


def document_key(document: Document) -> str:
    """What identifies a document: its source sha256, else (hand-made Documents) its doc_id."""
    return document.provenance.source_sha256 or f"doc_id:{document.doc_id}"


def _chunks(values: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _report(progress: Progress | None, step: str, done: int, total: int) -> None:
    """Tell `progress` every thousand items and at the end."""
    if progress is not None and (done % 1000 == 0 or done == total):
        progress(step, done, total)


def _fresh_id(kind: FactKind, key: str, attempt: int) -> str:
    seed = key if attempt == 0 else f"{key}#{attempt}"
    return f"{_ID_PREFIX[kind]}-{hashlib.sha256(seed.encode()).hexdigest()[:12]}"


def _claimed_ids(
    groups: Sequence[Sequence[Reported]], previous: dict[str, str]
) -> list[str | None]:
    """The earlier id each group keeps: an old entry's id goes to the group holding most of its
    facts (the first such group on a tie); a group given several keeps its largest, then the
    smallest id."""
    held = [
        Counter(previous[item.key] for item in group if item.key in previous) for group in groups
    ]
    owner: dict[str, int] = {}
    for index, counts in enumerate(held):
        for old, count in counts.items():
            if old not in owner or count > held[owner[old]][old]:
                owner[old] = index
    claimed: list[str | None] = []
    for index, counts in enumerate(held):
        mine = [old for old in counts if owner[old] == index]
        claimed.append(min(mine, key=lambda old: (-counts[old], old)) if mine else None)
    return claimed


class Register:
    """A register of entries in a SQL database: `Register("register.sqlite")` or any SQLAlchemy
    URL (`postgresql+psycopg://user@host/db`)."""

    def __init__(
        self, url: str = DEFAULT_URL, *, windows: Windows | None = None, create: bool = True
    ) -> None:
        """Open the register at `url`, creating its tables unless `create` is False (then a
        database without a register is an error, and a missing SQLite file is not created)."""
        self.url = database_url(url)
        self.windows = windows or Windows()
        missing = f"{url}: holds no register yet; `extractor register add` creates one"
        try:
            self._open(url, create, missing)
        except RegisterError as exc:
            raise RegisterError(without_password(str(exc), url)) from exc.__cause__

    def _open(self, url: str, create: bool, missing: str) -> None:
        """Connect, and create or check the tables; every failure is a RegisterError."""
        try:
            try:
                make_url(self.url)
            except ValueError as exc:  # a port that is not a number
                raise ArgumentError(str(exc)) from exc
            if not create and _sqlite_file_missing(self.url):
                raise RegisterError(missing)
            self.engine: Engine = create_engine(self.url)
            with self.engine.begin() as connection:
                self._prepare(connection, create, missing)
        except (ArgumentError, NoSuchModuleError) as exc:
            raise RegisterError(
                f"--db {url}: not a database path or SQLAlchemy URL ({exc})"
            ) from exc
        except ModuleNotFoundError as exc:
            raise RegisterError(
                f"--db {url}: the database driver is not installed ({exc.name}); for PostgreSQL "
                "install the extra: pip install 'arabic-fact-extractor[postgres]'"
            ) from exc
        except SQLAlchemyError as exc:
            raise RegisterError(
                f"--db {url}: cannot open the register ({exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]})"
            ) from exc

    def _prepare(self, connection: Connection, create: bool, missing: str) -> None:
        """Create the tables in an empty database; refuse a database of another layout."""
        names = set(inspect(connection).get_table_names())
        if tables.schema_version.name not in names:
            if not create:
                raise RegisterError(missing)
            if names & set(tables.metadata.tables):
                raise RegisterError(f"{self.url}: has register tables but no schema version")
            tables.metadata.create_all(connection)
            connection.execute(insert(tables.schema_version).values(version=tables.SCHEMA_VERSION))
            return
        version = connection.execute(select(tables.schema_version.c.version)).scalar()
        if version == 1:
            self._migrate(connection)
        elif version != tables.SCHEMA_VERSION:
            raise RegisterError(
                f"{self.url}: is a register of schema version {version}; this extractor reads "
                f"version {tables.SCHEMA_VERSION} (add the documents again into a new --db)"
            )

    def _migrate(self, connection: Connection) -> None:
        """Bring a version-1 register (no items, no check statuses) to this layout: its facts'
        statuses become `unknown` (flagged: no one knows what their checks said), and every
        entry is rebuilt from its facts with its id kept."""
        connection.execute(
            text('ALTER TABLE facts ADD COLUMN checks TEXT NOT NULL DEFAULT \'{"*": "unknown"}\'')
        )
        tables.field_values.drop(connection)
        tables.metadata.create_all(connection)
        every = list(connection.execute(select(tables.entries.c.entry_id)).scalars())
        self._regroup(connection, sorted(every), {}, None)
        connection.execute(update(tables.schema_version).values(version=tables.SCHEMA_VERSION))

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, documents: Iterable[Document], *, progress: Progress | None = None) -> AddReport:
        """Add Documents (a document already present, same source sha256, has its facts
        replaced) and regroup the entries their facts can reach, in one transaction; a Document
        no database can store (a NUL character) is refused alone, named in the report."""
        latest: dict[str, Document] = {}
        refused: list[str] = []
        for document in documents:
            problem = unstorable(document)
            if problem is None:
                latest[document_key(document)] = document
            else:
                refused.append(f"{document.doc_id}: {problem}")
        keys = sorted(latest)
        facts = tables.facts
        with self.engine.begin() as connection:
            present = self._select_in(
                connection, tables.sources.c.sha256, keys, tables.sources.c.sha256
            )
            stale = set(self._select_in(connection, facts.c.entry_id, keys, facts.c.sha256))
            for chunk in _chunks(keys):
                connection.execute(delete(facts).where(facts.c.sha256.in_(chunk)))
                connection.execute(delete(tables.sources).where(tables.sources.c.sha256.in_(chunk)))
            source_rows: list[dict[str, Any]] = []
            new: dict[str, tuple[dict[str, Any], Reported]] = {}
            for done, key in enumerate(keys, 1):
                document = latest[key]
                source_rows.append(_source_row(key, document))
                new.update(
                    (row["fact_key"], (row, item)) for row, item in _fact_rows(key, document)
                )
                _report(progress, "storing", done, len(keys))
            if source_rows:
                connection.execute(insert(tables.sources), source_rows)
            if new:
                connection.execute(insert(facts), [row for row, _ in new.values()])
            stale |= self._reachable(connection, [row for row, _ in new.values()])
            stale.discard(None)
            entries = self._regroup(connection, sorted(stale), new, progress)
        return AddReport(
            added=len(keys) - len(present),
            replaced=len(present),
            facts=len(new),
            entries=entries,
            refused=tuple(refused),
        )

    @staticmethod
    def _select_in(
        connection: Connection, column: Any, values: Sequence[str], key: Any
    ) -> list[Any]:
        """Distinct values of `column` in rows whose `key` is one of `values`."""
        found: set[Any] = set()
        for chunk in _chunks(values):
            found.update(
                connection.execute(select(column).where(key.in_(chunk)).distinct()).scalars()
            )
        return sorted(found, key=str)

    def _reachable(self, connection: Connection, rows: Sequence[dict[str, Any]]) -> set[str]:
        """The entries new facts may join: in each block, those dated within the kind's window
        of the new facts' dates (every entry of an embargo block: a shared resolution links
        reports of any date). Entries farther away cannot change, so they are left alone."""
        spans: dict[str, tuple[dt.date, dt.date]] = {}
        for row in rows:
            block, occasion = row["block"], row["occasion"]
            if block.startswith("embargoes:"):
                spans[block] = (dt.date.min, dt.date.max)
            elif occasion is not None and not block.startswith("solo:"):
                day = dt.date.fromisoformat(occasion)
                low, high = spans.get(block, (day, day))
                spans[block] = (min(low, day), max(high, day))
        entries = tables.entries
        reachable: set[str] = set()
        for block, (low, high) in spans.items():
            reach = self.windows.of(_block_kind(block))
            query = select(entries.c.entry_id).where(entries.c.block == block)
            if low > dt.date.min:
                query = query.where(
                    entries.c.last_date >= _shifted(low, -reach).isoformat(),
                    entries.c.first_date <= _shifted(high, reach).isoformat(),
                )
            reachable.update(connection.execute(query).scalars())
        return reachable

    def _regroup(
        self,
        connection: Connection,
        entry_ids: Sequence[str],
        new: dict[str, tuple[dict[str, Any], Reported]],
        progress: Progress | None,
    ) -> int:
        """Group the facts of `entry_ids` and the new facts into entries again, keeping the ids
        of lasting entries."""
        reported, previous, origin, statuses = self._entry_facts(connection, entry_ids)
        reported += [item for _, item in new.values()]
        origin |= {key: row["sha256"] for key, (row, _) in new.items()}
        statuses |= {key: json.loads(row["checks"]) for key, (row, _) in new.items()}
        self._delete_entries(connection, entry_ids)
        groups = group_occasions(reported, self.windows)
        ids = self._entry_ids(connection, groups, previous)
        rows: dict[Table, list[dict[str, Any]]] = {
            table: [] for table in (tables.entries, tables.entry_countries, tables.field_values)
        }
        links: list[dict[str, str]] = []
        for done, (entry_id, group) in enumerate(zip(ids, groups, strict=True), 1):
            for table, table_rows in _entry_rows(entry_id, group, origin, statuses).items():
                rows[table].extend(table_rows)
            links.extend({"key": item.key, "entry": entry_id} for item in group)
            _report(progress, "grouping", done, len(groups))
        for table, table_rows in rows.items():
            if table_rows:
                connection.execute(insert(table), table_rows)
        if links:
            facts = tables.facts
            connection.execute(
                update(facts)
                .where(facts.c.fact_key == bindparam("key"))
                .values(entry_id=bindparam("entry")),
                links,
            )
        self._write_analyst_tables(connection, ids)
        return len(groups)

    def _write_analyst_tables(self, connection: Connection, entry_ids: Sequence[str]) -> None:
        """The analysts' rows of the entries, read back as `entry()` returns them."""
        rows: dict[Table, list[dict[str, Any]]] = {table: [] for table in tables.ANALYST_TABLES}
        for chunk in _chunks(entry_ids):
            for entry in self._load(connection, chunk):
                for table, table_rows in analyst_rows(entry).items():
                    rows[table].extend(table_rows)
        for table, table_rows in rows.items():
            if table_rows:
                connection.execute(insert(table), table_rows)

    @staticmethod
    def _entry_facts(
        connection: Connection, entry_ids: Sequence[str]
    ) -> tuple[list[Reported], dict[str, str], dict[str, str], dict[str, dict[str, str]]]:
        """Every stored fact of the entries, the entry each is in, its source sha256 and its
        check statuses."""
        facts, sources = tables.facts, tables.sources
        reported: list[Reported] = []
        previous: dict[str, str] = {}
        origin: dict[str, str] = {}
        statuses: dict[str, dict[str, str]] = {}
        for chunk in _chunks(entry_ids):
            rows = connection.execute(
                select(
                    facts.c.fact_key,
                    facts.c.kind,
                    facts.c.body,
                    facts.c.entry_id,
                    facts.c.sha256,
                    sources.c.published,
                    facts.c.checks,
                )
                .join(sources, sources.c.sha256 == facts.c.sha256)
                .where(facts.c.entry_id.in_(chunk))
            )
            for key, kind, body, entry_id, sha256, published, checks in rows:
                fact = _MODELS[kind].model_validate_json(body)
                reported.append(Reported(key, fact, _date(published)))
                origin[key] = sha256
                previous[key] = entry_id
                statuses[key] = json.loads(checks)
        return reported, previous, origin, statuses

    @staticmethod
    def _delete_entries(connection: Connection, entry_ids: Sequence[str]) -> None:
        for chunk in _chunks(entry_ids):
            for table in (
                *tables.ANALYST_TABLES,
                tables.field_values,
                tables.entry_countries,
                tables.entries,
            ):
                connection.execute(delete(table).where(table.c.entry_id.in_(chunk)))

    def _entry_ids(
        self, connection: Connection, groups: Sequence[Sequence[Reported]], previous: dict[str, str]
    ) -> list[str]:
        """Each group's id: the one it keeps from before, else one derived from its first key,
        never an id another entry holds."""
        claimed = _claimed_ids(groups, previous)
        used = {entry_id for entry_id in claimed if entry_id}
        fresh = [_fresh_id(group[0].kind, group[0].key, 0) for group in groups]
        used |= set(
            self._select_in(connection, tables.entries.c.entry_id, fresh, tables.entries.c.entry_id)
        )
        ids: list[str] = []
        for group, kept in zip(groups, claimed, strict=True):
            attempt = 0
            entry_id = kept or _fresh_id(group[0].kind, group[0].key, attempt)
            while kept is None and entry_id in used:
                attempt += 1
                entry_id = _fresh_id(group[0].kind, group[0].key, attempt)
            used.add(entry_id)
            ids.append(entry_id)
        return ids

    def entries(
        self,
        *,
        kind: FactKind | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[Entry]:
        """The entries of a kind, of a state, dated within [since, until], oldest first."""
        table = tables.entries
        query = select(table.c.entry_id).order_by(table.c.first_date, table.c.entry_id)
        if kind is not None:
            query = query.where(table.c.kind == kind)
        if country is not None:
            query = query.where(
                table.c.entry_id.in_(
                    select(tables.entry_countries.c.entry_id).where(
                        tables.entry_countries.c.country == country.upper()
                    )
                )
            )
        if since is not None:
            query = query.where(table.c.last_date >= since.isoformat())
        if until is not None:
            query = query.where(table.c.first_date <= until.isoformat())
        with self.engine.connect() as connection:
            ids = list(connection.execute(query).scalars())
            return self._load(connection, ids)

    def entry(self, entry_id: str) -> Entry | None:
        """One entry by id, or None when the register has no such entry."""
        with self.engine.connect() as connection:
            found = self._load(connection, [entry_id])
        return found[0] if found else None

    def _load(self, connection: Connection, ids: Sequence[str]) -> list[Entry]:
        """Entries with their sources and field values, in the order of `ids`."""
        loaded: dict[str, Entry] = {}
        for chunk in _chunks(ids):
            self._load_chunk(connection, chunk, loaded)
        return [loaded[entry_id] for entry_id in ids if entry_id in loaded]

    @staticmethod
    def _load_chunk(connection: Connection, ids: Sequence[str], loaded: dict[str, Entry]) -> None:
        entries, facts, sources = tables.entries, tables.facts, tables.sources
        for row in connection.execute(select(entries).where(entries.c.entry_id.in_(ids))):
            loaded[row.entry_id] = Entry(
                entry_id=row.entry_id,
                kind=row.kind,
                first_date=_date(row.first_date),
                last_date=_date(row.last_date),
            )
        for entry_id, code in connection.execute(
            select(tables.entry_countries)
            .where(tables.entry_countries.c.entry_id.in_(ids))
            .order_by(tables.entry_countries.c.country)
        ):
            loaded[entry_id].countries.append(code)
        by_source: dict[tuple[str, str], EntrySource] = {}
        rows = connection.execute(
            select(facts.c.entry_id, facts.c.body, facts.c.checks, sources)
            .join(sources, sources.c.sha256 == facts.c.sha256)
            .where(facts.c.entry_id.in_(ids))
            .order_by(sources.c.published, sources.c.doc_id, facts.c.position)
        )
        for row in rows:
            source = by_source.get((row.entry_id, row.sha256))
            if source is None:
                source = by_source[(row.entry_id, row.sha256)] = EntrySource(
                    doc_id=row.doc_id,
                    sha256=row.sha256,
                    outlet=row.outlet,
                    url=row.url,
                    published=_date(row.published),
                )
                loaded[row.entry_id].sources.append(source)
            evidence = json.loads(row.body).get("evidence", [])
            source.evidence.extend(line for line in evidence if line not in source.evidence)
            checks = json.loads(row.checks)
            flag = worst(
                checks.get(""),
                checks.get("*"),
                loaded[row.entry_id].record_flags.get(source.doc_id),
            )
            if flag in FAILED:
                loaded[row.entry_id].record_flags[source.doc_id] = flag
        doc_ids = {(entry_id, sha): source.doc_id for (entry_id, sha), source in by_source.items()}
        values = tables.field_values
        items: dict[tuple[str, int], Item] = {}
        for row in connection.execute(
            select(values)
            .where(values.c.entry_id.in_(ids))
            .order_by(values.c.entry_id, values.c.item, values.c.field, values.c.rank)
        ):
            entry = loaded[row.entry_id]
            named = {sha: doc_ids.get((row.entry_id, sha), sha) for sha in json.loads(row.sources)}
            value = FieldValue(
                value=json.loads(row.value),
                sources=sorted(named.values()),
                flags={named.get(sha, sha): status for sha, status in json.loads(row.flags)},
            )
            if row.item == 0:
                entry.fields.setdefault(row.field, []).append(value)
                continue
            item = items.get((row.entry_id, row.item))
            if item is None:
                item = items[(row.entry_id, row.item)] = Item(key=row.item_key)
                entry.items.append(item)
            item.fields.setdefault(row.field, []).append(value)
        for entry in loaded.values():
            entry.fields = _in_order(entry.fields, FIELDS[entry.kind])
            for item in entry.items:
                item.fields = _in_order(item.fields, ITEM_FIELDS)


def _in_order(
    values: dict[str, list[FieldValue]], order: Sequence[str]
) -> dict[str, list[FieldValue]]:
    return dict(sorted(values.items(), key=lambda pair: order.index(pair[0])))


def _shifted(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held at the ends of the calendar (0001-01-01, 9999-12-31)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _source_row(key: str, document: Document) -> dict[str, Any]:
    source = document.source
    return {
        "sha256": key,
        "doc_id": document.doc_id,
        "outlet": source.outlet if source else None,
        "url": source.url if source else None,
        "published": document.published.isoformat() if document.published else None,
    }


def _fact_rows(key: str, document: Document) -> list[tuple[dict[str, Any], Reported]]:
    """The `facts` rows of one document, each with the fact as the grouping sees it and the
    statuses its Document's checks gave its values."""
    by_fact: dict[str, list[tuple[str, str]]] = {}
    for check in document.checks:
        by_fact.setdefault(check.path.split(".", 1)[0], []).append((check.path, check.status))
    rows = []
    facts: list[tuple[FactKind, int, AnyFact]] = [
        (kind, position, fact)
        for kind in FACT_KINDS
        for position, fact in enumerate(getattr(document, kind))
    ]
    for kind, position, fact in facts:
        reported = Reported(f"{key}:{kind}:{position}", fact, document.published)
        occasion = occasion_of(reported)
        row = {
            "fact_key": reported.key,
            "sha256": key,
            "kind": kind,
            "position": position,
            "block": block_of(reported) or f"solo:{reported.key}",
            "occasion": occasion.isoformat() if occasion else None,
            "body": fact.model_dump_json(),
            "checks": json.dumps(
                fact_statuses(f"{kind}[{position}]", by_fact.get(f"{kind}[{position}]", []))
            ),
            "entry_id": None,
        }
        rows.append((row, reported))
    return rows


def _block_kind(block: str) -> FactKind:
    """The kind a block belongs to (blocks start with it: `arms_deals:USA>TUR`)."""
    return fact_kind(block.split(":", 1)[0])


def _value_rows(
    entry_id: str, item: int, item_key: str, ranked: dict[str, list[Ranked]]
) -> list[dict[str, Any]]:
    return [
        {
            "entry_id": entry_id,
            "item": item,
            "item_key": item_key,
            "field": field,
            "rank": rank,
            "value": json.dumps(value.value, ensure_ascii=False),
            "sources": json.dumps(value.sources),
            "flags": json.dumps(value.flags),
        }
        for field, values in ranked.items()
        for rank, value in enumerate(values)
    ]


def _entry_rows(
    entry_id: str,
    group: Sequence[Reported],
    origin: dict[str, str],
    statuses: dict[str, dict[str, str]],
) -> dict[Table, list[dict[str, Any]]]:
    """The rows of one entry: itself, its states and its ranked field values."""
    dates = sorted(date for item in group if (date := occasion_of(item)) is not None)
    entry = {
        "entry_id": entry_id,
        "kind": group[0].kind,
        "block": block_of(group[0]) or f"solo:{group[0].key}",
        "first_date": dates[0].isoformat() if dates else None,
        "last_date": dates[-1].isoformat() if dates else None,
        "source_count": len({origin[item.key] for item in group}),
    }
    countries = sorted(set().union(*(countries_of(item.fact) for item in group)))
    ranked = rank_entry(
        group[0].kind,
        ((origin[item.key], told_by(item.fact, statuses[item.key])) for item in group),
    )
    value_rows = _value_rows(entry_id, 0, "", ranked.fields)
    for position, (key, fields) in enumerate(ranked.items, 1):
        value_rows += _value_rows(entry_id, position, key, fields)
    return {
        tables.entries: [entry],
        tables.entry_countries: [{"entry_id": entry_id, "country": code} for code in countries],
        tables.field_values: value_rows,
    }
