"""Adding in batches, in any order, with re-extractions, gives the entries of one add of the final
Documents: only the entries within reach of new facts are regrouped, and that is enough."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path

from extractor.register import Register
from extractor.schemas import ArmsDeal, ArmsItem, Delegate, Document, Embargo, Meeting, Provenance

PAIRS = [("RUS", "TUR"), ("USA", "TUR"), ("RUS", "SYR")]
SYSTEMS = ["إس-400", "S-400", "اس 300", "S-300", "إف-35", "F-35"]
NAMES = ["دونالد ترامب", "ترمب", "رجب طيب أردوغان", "فلاديمير بوتين", "بوتن"]


def _document(index: int, rng: random.Random, version: int = 0) -> Document:
    seller, buyer = rng.choice(PAIRS)
    day = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(90))
    kind = rng.random()
    facts: dict[str, list[ArmsDeal | Meeting | Embargo]] = {}
    if kind < 0.5:
        item = ArmsItem(designation=rng.choice(SYSTEMS))
        dated = day.isoformat() if rng.random() < 0.7 else None
        facts["arms_deals"] = [ArmsDeal(seller=seller, buyer=buyer, items=[item], date=dated)]
    elif kind < 0.85:
        people = [Delegate(name=name) for name in rng.sample(NAMES, 2)]
        meeting = Meeting(host_country=seller, guest_countries=[buyer], participants=people)
        facts["meetings"] = [meeting]
    else:
        resolutions = rng.sample(["2231", "1970", "2292"], rng.randrange(2))
        embargo = Embargo(
            target=buyer, target_text="هدف", imposed_by=seller, resolutions=resolutions
        )
        facts["embargoes"] = [embargo]
    digest = hashlib.sha256(f"article {index}".encode()).hexdigest()
    return Document(
        doc_id=f"a{index:03d}-v{version}",
        published=day,
        provenance=Provenance(source_sha256=digest),
        **facts,
    )


def _memberships(register: Register) -> set[frozenset[str]]:
    return {frozenset(source.sha256 for source in entry.sources) for entry in register.entries()}


def test_batches_in_any_order_with_re_extractions_equal_one_add(tmp_path: Path) -> None:
    rng = random.Random(15)
    first = [_document(index, rng) for index in range(160)]
    rerun = [_document(index, rng, version=1) for index in rng.sample(range(160), 25)]
    final = {document.provenance.source_sha256: document for document in first + rerun}
    with Register(str(tmp_path / "once.sqlite")) as once:
        once.add(final.values())
        expected = _memberships(once)
    assert any(len(members) > 2 for members in expected)
    for seed in (1, 2, 3):
        order = random.Random(seed)
        shuffled = first[:]
        order.shuffle(shuffled)
        with Register(str(tmp_path / f"batches-{seed}.sqlite")) as register:
            start = 0
            while start < len(shuffled):
                size = order.randint(1, 30)
                register.add(shuffled[start : start + size])
                start += size
            register.add(rerun)
            assert _memberships(register) == expected
