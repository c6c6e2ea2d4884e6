"""The gold false-alarm benchmark groups failed checks by message class and counts the
fact-level corruptions it flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.gold_false_alarms import measure, message_class

DEV = Path(__file__).resolve().parents[2] / "eval" / "dev"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "buyer SAU is not named in the deal's sentences: which state is the buyer?",
            "buyer <code> is not named in the deal's sentences",
        ),
        (
            'quantity 1 for "فرقاطة": the text puts 24 next to it',
            "quantity <n> for <text>",
        ),
        (
            'category ship but the words around "فرقاطة" name drone, fighter_aircraft: which?',
            "category <category> but the words around <text> name <categories>",
        ),
    ],
)
def test_a_message_class_strips_the_values(message: str, expected: str) -> None:
    assert message_class(message) == expected


def test_the_dev_gold_raises_no_false_alarm_and_its_corruptions_are_flagged() -> None:
    figures = measure(DEV, corruptions=True)
    assert figures.checks > 0
    assert figures.alarms == []
    assert figures.flagged_share >= 0.95
