"""Delegates' state and side scored beside the tuples, over the gold delegates a run names."""

from __future__ import annotations

from extractor.evaluate import score_document, score_roles
from tests.verify.corpus import SEED_ID, gold


def test_gold_against_itself_has_every_role_right() -> None:
    document = gold(SEED_ID)
    roles = score_roles(document, document)
    assert roles.matched == roles.with_country == roles.country_right > 0
    assert roles.side_share == 1.0


def test_a_swapped_side_and_a_null_state_count_wrong_while_the_tuples_stay_perfect() -> None:
    document = gold(SEED_ID)
    changed = document.model_copy(deep=True)
    first = changed.meetings[0].participants[0]
    first.side = "guest" if first.side == "host" else "host"
    first.country = None
    roles = score_roles(changed, document)
    assert roles.country_right == roles.with_country - 1
    assert roles.side_right == roles.with_side - 1
    assert all(not s.false_positives for s in score_document(changed, document).values())


def test_a_delegate_the_run_does_not_name_is_not_matched() -> None:
    document = gold(SEED_ID)
    changed = document.model_copy(deep=True)
    del changed.meetings[0].participants[0]
    assert score_roles(changed, document).matched < score_roles(document, document).matched
