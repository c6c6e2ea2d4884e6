"""How the time to add Documents to the register grows with their number.

    python benchmarks/register_speed.py [--sizes 12500,25000,50000,100000] [--db-dir DIR]

Synthetic Documents, one fact each (60 % deals, 30 % meetings, 10 % embargoes) drawn from 40
states, 12 weapon systems written in Latin or Arabic, and dates over three years, so that
outlets' reports of one occasion (3 per occasion on average) fall in one entry and the rest
spread over ~1,500 country blocks. Each size is added in one `add` call into a fresh SQLite
file; the figures are wall and CPU seconds (store + regroup + commit; CPU time is this
process's, so it shows the growth even on a machine shared with other jobs). Near-linear
growth means CPU per document that stays about flat as the count doubles. Also measured: the
largest size in 10 adds, each regrouping only the stored entries within reach of its facts,
with the documents in publication order (as news arrives) or shuffled (`--order random`: every
add then reaches entries of every date, the worst case).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from extractor.register import Register
from extractor.schemas import ArmsDeal, ArmsItem, Delegate, Document, Embargo, Meeting, Provenance

STATES = [
    "USA", "RUS", "CHN", "FRA", "GBR", "DEU", "TUR", "SAU", "ARE", "QAT", "EGY", "IRN", "ISR",
    "PAK", "IND", "LBY", "SYR", "IRQ", "JOR", "KWT", "OMN", "BHR", "DZA", "MAR", "TUN", "SDN",
    "YEM", "LBN", "ITA", "ESP", "KOR", "JPN", "BRA", "UKR", "POL", "GRC", "SWE", "NOR", "CAN",
    "AUS",
]  # fmt: skip
SYSTEMS = [
    ("S-400", "إس-400"), ("S-300", "اس 300"), ("F-35", "إف-35"), ("F-16", "إف-16"),
    ("JF-17", "جيه إف-17"), ("Su-35", "سو-35"), ("MiG-29", "ميغ-29"), ("PAC-3", "باك-3"),
    ("Patriot", "باتريوت"), ("Rafale", "رافال"), ("TB2", "تي بي 2"), ("T-90", "تي-90"),
]  # fmt: skip
NAMES = [
    "دونالد ترامب",
    "ترمب",
    "فلاديمير بوتين",
    "محمد بن سلمان",
    "إيمانويل ماكرون",
    "رجب طيب أردوغان",
]
START = dt.date(2016, 1, 1)
DAYS = 3 * 365
REPORTS_PER_OCCASION = 3


def _occasion(rng: random.Random) -> tuple[str, str, int, int]:
    first, second = rng.sample(STATES[:40], 2)
    return first, second, rng.randrange(len(SYSTEMS)), rng.randrange(DAYS)


def _fact(kind: float, occasion: tuple[str, str, int, int], rng: random.Random) -> dict[str, Any]:
    first, second, system, day = occasion
    date = (START + dt.timedelta(days=day + rng.randint(0, 1))).isoformat()
    if kind < 0.6:
        designation = SYSTEMS[system][rng.randrange(2)]
        item = ArmsItem(designation=designation, quantity=rng.choice([None, 4, 12, 24]))
        return {"arms_deals": [ArmsDeal(seller=first, buyer=second, items=[item], date=date)]}
    if kind < 0.9:
        people = [
            Delegate(name=name) for name in rng.sample(NAMES[:2], 1) + rng.sample(NAMES[2:], 1)
        ]
        meeting = Meeting(
            host_country=first, guest_countries=[second], participants=people, date=date
        )
        return {"meetings": [meeting]}
    embargo = Embargo(target=second, target_text="هدف", imposed_by=first, start=date)
    return {"embargoes": [embargo]}


def synthetic_documents(count: int, seed: int = 15) -> list[Document]:
    """`count` Documents reporting `count / 3` occasions, each by about three outlets."""
    rng = random.Random(seed)
    occasions = [
        (_occasion(rng), rng.random()) for _ in range(max(1, count // REPORTS_PER_OCCASION))
    ]
    documents = []
    for index in range(count):
        occasion, kind = occasions[rng.randrange(len(occasions))]
        published = START + dt.timedelta(days=occasion[3] + rng.randint(0, 1))
        digest = hashlib.sha256(f"{seed}:{index}".encode()).hexdigest()
        documents.append(
            Document(
                doc_id=f"doc-{index:06d}",
                published=published,
                provenance=Provenance(source_sha256=digest),
                **_fact(kind, occasion, rng),
            )
        )
    return documents


def _timed_add(path: Path, documents: list[Document], batches: int = 1) -> tuple[float, float, int]:
    """Wall and CPU seconds to add the documents in `batches` calls, and the entries made."""
    with Register(str(path)) as register:
        wall, cpu = time.perf_counter(), time.process_time()
        size = -(-len(documents) // batches)
        for start in range(0, len(documents), size):
            register.add(documents[start : start + size])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        entries = len(register.entries())
    return wall, cpu, entries


def _row(label: str, size: int, timing: tuple[float, float, int]) -> str:
    wall, cpu, entries = timing
    return f"| {label} | {entries:,} | {wall:.1f} | {cpu:.1f} | {cpu / size * 1e6:.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="12500,25000,50000,100000")
    parser.add_argument("--db-dir", type=Path, default=None)
    parser.add_argument("--batches", type=int, default=10, help="adds for the largest size")
    parser.add_argument(
        "--order",
        choices=("published", "random"),
        default="published",
        help="order of the documents over the adds: as news arrives, or shuffled (worst case: "
        "every add reaches entries of every date)",
    )
    parser.add_argument("--skip-sizes", action="store_true", help="only the run in adds")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    with tempfile.TemporaryDirectory(dir=arguments.db_dir) as folder:
        print("| documents | entries | wall s | CPU s | CPU µs per document |")
        print("|---:|---:|---:|---:|---:|")
        for size in [] if arguments.skip_sizes else sizes:
            timing = _timed_add(Path(folder) / f"one-{size}.sqlite", synthetic_documents(size))
            print(_row(f"{size:,}", size, timing), flush=True)
        largest = sizes[-1]
        documents = synthetic_documents(largest)
        if arguments.order == "published":
            documents.sort(key=lambda document: (document.published, document.doc_id))
        path = Path(folder) / f"adds-{largest}.sqlite"
        timing = _timed_add(path, documents, arguments.batches)
        label = f"{largest:,} in {arguments.batches} adds, {arguments.order} order"
        print(_row(label, largest, timing), flush=True)


if __name__ == "__main__":
    main()
