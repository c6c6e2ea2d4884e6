"""The integrity of every lexicon and alias table of the Arabic layer, and of the evaluation's
honorifics: each word is listed once after normalization, and two tables share a word only
where the overlap is documented beside the table.

A table is found wherever it is written, so a new lexicon is checked without being named here:
every literal tuple, list, set or dict whose strings are all Arabic is a word list.
"""

from __future__ import annotations

import ast
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

import extractor.arabic
from extractor.arabic import countries, country_aliases, currencies, titles, triggers
from extractor.arabic.normalize import normalize_text
from extractor.evaluate import matching

ARABIC = Path(extractor.arabic.__file__).parent
# normalize.py's folding table maps several characters onto one on purpose: it is the
# normalization itself, not a word list.
WORD_LIST_MODULES = sorted(
    [path for path in ARABIC.glob("*.py") if path.name != "normalize.py"]
    + [Path(matching.__file__)]
)
_ARABIC_LETTER = regex.compile(r"\p{Arabic}")


def _key(word: str) -> str:
    """How a lexicon compares words: normalized, single spaces."""
    return " ".join(normalize_text(word).split())


def _strings(nodes: list[ast.expr | None]) -> list[str] | None:
    """The strings of a literal when every element is an Arabic string constant, else None."""
    values = [n.value if isinstance(n, ast.Constant) else None for n in nodes]
    words = [value for value in values if isinstance(value, str) and _ARABIC_LETTER.search(value)]
    return words if len(words) == len(nodes) >= 2 else None


def word_lists(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, words) of every literal word list in a module: tuples, lists, sets, dict keys."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            words = _strings(list(node.elts))
        elif isinstance(node, ast.Dict):
            words = _strings(list(node.keys))
        else:
            continue
        if words is not None:
            yield node.lineno, words


def _twice(words: list[str]) -> list[str]:
    return sorted(key for key, count in Counter(map(_key, words)).items() if count > 1)


def test_the_scan_finds_the_tables() -> None:
    found = {path.name: sum(1 for _ in word_lists(path)) for path in WORD_LIST_MODULES}
    assert found["country_aliases.py"] > 30
    assert found["titles.py"] >= 2
    assert found["matching.py"] >= 2
    assert _twice(["إفريقيا الوسطى", "أفريقيا  الوسطى", "ليبيا"]) == ["افريقيا الوسطي"]


@pytest.mark.parametrize("path", WORD_LIST_MODULES, ids=lambda path: path.name)
def test_no_word_list_names_a_word_twice_after_normalization(path: Path) -> None:
    repeated = {line: _twice(words) for line, words in word_lists(path) if _twice(words)}
    assert not repeated, f"{path.name}: listed twice after normalization, by line: {repeated}"


def test_honorifics_and_posts_share_only_the_documented_words() -> None:
    documented = {normalize_text(word) for word in ("الملك", "الأمير", "الشيخ", "الرئيس")}
    assert documented == titles.HONORIFICS & titles.POSTS


def test_the_evaluation_counts_every_honorific_of_the_verifier_as_generic() -> None:
    """The evaluation keeps its own list, but a word the verifier strips off as an honorific
    must never make two names the same person in the evaluation."""
    missing = [
        word
        for word in sorted(titles.HONORIFICS)
        if not set(matching.name_tokens(word)) <= matching.GENERIC_TOKENS
    ]
    assert not missing


def test_a_country_phrase_names_one_country_except_the_documented_common_words() -> None:
    """UNMAPPED shadows, on purpose, the CLDR names that are common words or a US state."""
    codes: defaultdict[str, set[str | None]] = defaultdict(set)
    for phrase, value in countries._country_entries():
        codes[countries._key(phrase)].add(None if value is None else value[0])
    ambiguous = {phrase: found for phrase, found in codes.items() if len(found) > 1}
    assert ambiguous == {"مالي": {None, "MLI"}, "بنين": {None, "BEN"}, "جيرسي": {None, "JEY"}}


def test_national_security_councils_are_never_a_body() -> None:
    bodies = {_key(phrase) for phrases in country_aliases.BODIES.values() for phrase in phrases}
    assert bodies.isdisjoint(map(_key, country_aliases.NOT_BODIES))
    assert not _twice([phrase for phrases in country_aliases.BODIES.values() for phrase in phrases])


def test_a_currency_noun_belongs_to_one_currency() -> None:
    nouns = [noun for entry in currencies._CURRENCIES for noun in entry]
    assert not _twice(nouns)


def test_each_trigger_word_announces_one_kind_and_none_is_redundant() -> None:
    prefixes = {
        kind: [normalize_text(prefix) for prefix in words]
        for kind, words in triggers.PREFIXES.items()
    }
    for kind, own in prefixes.items():
        others = [prefix for other, words in prefixes.items() if other != kind for prefix in words]
        assert not [p for p in own if any(p.startswith(o) for o in others)], kind
        assert not [p for p in own if any(p != o and p.startswith(o) for o in own)], kind
        whole = [normalize_text(word) for word in triggers.WORDS.get(kind, ())]
        assert not [w for w in whole if any(w.startswith(o) for o in own)], kind
