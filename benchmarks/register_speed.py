"""How the time to add Documents to the register grows with their number.

    python benchmarks/register_speed.py [--sizes 12500,25000,50000,100000] [--db-dir DIR]

Synthetic Documents, one fact each (60 % deals, 30 % meetings, 10 % embargoes) drawn from 40
states, 12 weapon systems written in Latin or Arabic, and dates over three years, so that
outlets' reports of one occasion (3 per occasion on average) fall in one entry and the rest
spread over ~1,500 country blocks. Each size is added in one `add` call into a fresh SQLite
file; the figure is wall time (store + regroup + commit) per document. Near-linear growth
means seconds per document that stay about flat as the count doubles. Also measured: adding the
largest size in 10 batches (each regroups the blocks it touches, against what is stored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import tempfile
import time
from pathlib import Path

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


def _fact(kind: float, occasion: tuple[str, str, int, int], rng: random.Random) -> dict[str, list]:
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


def _timed_add(path: Path, documents: list[Document], batches: int = 1) -> tuple[float, int]:
    with Register(str(path)) as register:
        started = time.perf_counter()
        size = -(-len(documents) // batches)
        for start in range(0, len(documents), size):
            register.add(documents[start : start + size])
        elapsed = time.perf_counter() - started
        entries = len(register.entries())
    return elapsed, entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="12500,25000,50000,100000")
    parser.add_argument("--db-dir", type=Path, default=None)
    parser.add_argument("--batches", type=int, default=10, help="batches for the largest size")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    with tempfile.TemporaryDirectory(dir=arguments.db_dir) as folder:
        print("| documents | entries | seconds | µs per document |")
        print("|---:|---:|---:|---:|")
        for size in sizes:
            documents = synthetic_documents(size)
            elapsed, entries = _timed_add(Path(folder) / f"one-{size}.sqlite", documents)
            print(
                f"| {size:,} | {entries:,} | {elapsed:.1f} | {elapsed / size * 1e6:.0f} |",
                flush=True,
            )
        largest = sizes[-1]
        documents = synthetic_documents(largest)
        path = Path(folder) / f"batches-{largest}.sqlite"
        elapsed, entries = _timed_add(path, documents, arguments.batches)
        print(
            f"| {largest:,} in {arguments.batches} batches | {entries:,} | {elapsed:.1f} | "
            f"{elapsed / largest * 1e6:.0f} |"
        )


if __name__ == "__main__":
    main()
