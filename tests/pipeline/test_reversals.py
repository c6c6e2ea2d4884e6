"""A meeting answered with no host takes the one the article's arrival or reception names."""

from __future__ import annotations

from extractor.pipeline.reversals import missing_host_from_text
from extractor.schemas import Delegate, Document, Meeting
from extractor.verify.source import prepare

ARRIVAL = (
    "وصل الرئيس الموريتاني محمد ولد الغزواني اليوم إلى الجزائر في زيارة دولة تستغرق ثلاثة أيام. "
    "وكان في استقباله لدى وصوله الوزير الأول نذير العرباوي."
)
"""An invented arrival: the destination after the visitor's post and name, then a receiver."""


def _meeting(host: str | None) -> Meeting:
    return Meeting(
        participants=[
            Delegate(name="محمد ولد الغزواني", titles=["الرئيس"], country="MRT", side="host"),
            Delegate(name="نذير العرباوي", titles=["الوزير الأول"], side="host"),
            Delegate(name="محمد سالم ولد مرزوك", titles=["وزير الخارجية"], side="guest"),
        ],
        host_country=host,
        evidence=["وكان في استقباله لدى وصوله الوزير الأول نذير العرباوي."],
    )


def test_the_arrival_s_destination_hosts_a_meeting_answered_with_no_host() -> None:
    document = Document(doc_id="arrival", meetings=[_meeting(None)])
    found, notes = missing_host_from_text(document, prepare(ARRIVAL))
    meeting = found.meetings[0]
    assert meeting.host_country == "DZA"
    assert meeting.guest_countries == ["MRT"]
    assert [(p.country, p.side) for p in meeting.participants] == [
        ("MRT", "guest"),
        ("DZA", "host"),  # listed after `في استقباله`
        ("MRT", "guest"),  # a guest of no state, the one guest state's
    ]
    cue = "وصل الرئيس الموريتاني محمد ولد الغزواني اليوم إلى الجزائر"
    assert notes == [f'meetings[0]: host DZA, "{cue}" makes it the host']


def test_a_host_answered_or_several_meetings_are_left_as_they_are() -> None:
    answered = Document(doc_id="answered", meetings=[_meeting("MRT")])
    assert missing_host_from_text(answered, prepare(ARRIVAL)) == (answered, [])
    several = Document(doc_id="several", meetings=[_meeting(None), _meeting(None)])
    assert missing_host_from_text(several, prepare(ARRIVAL)) == (several, [])
