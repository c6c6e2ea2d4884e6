"""The doc_id rule: stems, unique in a run, portable, and stable when inputs are added."""

from __future__ import annotations

from extractor.runs.doc_ids import Named, unique_doc_ids

SHA_A = "a1" * 32
SHA_B = "b2" * 32
SHA_C = "c3" * 32


def test_a_unique_stem_is_the_doc_id() -> None:
    assert unique_doc_ids([Named("seed", SHA_A), Named("other", SHA_B)], {}) == ["seed", "other"]


def test_colliding_stems_get_the_first_sha256_digits_never_a_path() -> None:
    ids = unique_doc_ids([Named("dup", SHA_A), Named("dup", SHA_B)], {})
    assert ids == ["dup", f"dup-{SHA_B[:8]}"]


def test_a_finished_record_keeps_its_bare_stem_when_a_colliding_input_is_added() -> None:
    claimed = {"dup": SHA_B}
    ids = unique_doc_ids([Named("dup", SHA_A), Named("dup", SHA_B)], claimed)
    assert ids == [f"dup-{SHA_A[:8]}", "dup"]


def test_an_edited_file_keeps_its_stem() -> None:
    assert unique_doc_ids([Named("dup", SHA_C)], {"dup": SHA_A}) == ["dup"]


def test_identical_texts_under_one_stem_are_numbered() -> None:
    ids = unique_doc_ids([Named("x", SHA_A), Named("x", SHA_B), Named("x", SHA_B)], {})
    assert ids == ["x", f"x-{SHA_B[:8]}", f"x-{SHA_B[:8]}-2"]
    assert len(set(ids)) == 3


def test_identical_texts_keep_their_ids_when_the_arguments_are_reordered() -> None:
    first = unique_doc_ids([Named("x", SHA_A), Named("x", SHA_A)], {})
    assert first == ["x", f"x-{SHA_A[:8]}"]
    for held in (SHA_A, None):  # the output holds their Documents, or their error records
        claimed = dict.fromkeys(first, held)
        assert unique_doc_ids([Named("x", SHA_A), Named("x", SHA_A)], claimed) == first


def test_identical_texts_that_yielded_the_stem_stay_suffixed() -> None:
    claimed = {"x": SHA_B, f"x-{SHA_A[:8]}": SHA_A, f"x-{SHA_A[:8]}-2": SHA_A}
    ids = unique_doc_ids([Named("x", SHA_A), Named("x", SHA_A), Named("x", SHA_B)], claimed)
    assert ids == [f"x-{SHA_A[:8]}", f"x-{SHA_A[:8]}-2", "x"]
