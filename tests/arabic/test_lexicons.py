"""The integrity of every word table of the extractor: each word is listed once after
normalization, every Arabic word table lives in the Arabic layer (`extractor/arabic/`) or in the
evaluation, which keeps its own on purpose, and two tables share a word only where the overlap
is documented beside the table.

A table is found however it is written, so a new lexicon is checked without being named here:
every literal tuple, list, set or dict, and every call (`word_set(...)`, `normalized_words(...)`,
`Lexicon(...)`), whose string elements name two Arabic words or more is a word list; and so is a
regex alternation of Arabic words (`اسبوع|شهر|عام`).
"""

from __future__ import annotations

import ast
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

import extractor
from extractor.arabic import (
    countries,
    country_aliases,
    currencies,
    designations,
    number_roles,
    number_words,
    titles,
    triggers,
    weapons,
)
from extractor.arabic.lexicon import entry_key
from extractor.arabic.normalize import normalize_text
from extractor.evaluate import matching

PACKAGE = Path(extractor.__file__).parent
WORD_TABLE_HOMES = (PACKAGE / "arabic", PACKAGE / "evaluate")
"""Where Arabic word tables may live: the Arabic layer, and the evaluation's own."""
MODULES = sorted(PACKAGE.rglob("*.py"))
# normalize.py's folding table maps several characters onto one on purpose: it is the
# normalization itself, not a word list.
WORD_LIST_MODULES = [
    path
    for path in MODULES
    if path.parent in WORD_TABLE_HOMES and path.name not in ("normalize.py", "__init__.py")
]
_ARABIC_LETTER = regex.compile(r"\p{Arabic}")
_ARABIC_WORD = regex.compile(r"\p{Arabic}{2,}")


def _key(word: str) -> str:
    """How a lexicon compares words: normalized, single spaces."""
    return " ".join(normalize_text(word).split())


def _strings(nodes: list[ast.expr]) -> list[str] | None:
    """The strings of a literal or a call's arguments when every one is a string constant (a
    `*spread` of another table aside) and two or more are Arabic, else None."""
    listed = [node for node in nodes if not isinstance(node, ast.Starred)]
    values = [n.value if isinstance(n, ast.Constant) else None for n in listed]
    words = [value for value in values if isinstance(value, str)]
    arabic = [word for word in words if _ARABIC_LETTER.search(word)]
    return words if len(words) == len(listed) and len(arabic) >= 2 else None


def _elements(node: ast.AST) -> list[ast.expr] | None:
    """The elements of a tuple, list, set, dict's keys or call's positional arguments."""
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return list(node.elts)
    if isinstance(node, ast.Dict):
        return [key for key in node.keys if key is not None]
    if isinstance(node, ast.Call):
        return list(node.args)
    return None


def word_lists(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, words) of every word list in a module, however written."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        elements = _elements(node)
        words = _strings(elements) if elements is not None else None
        if words is not None:
            yield getattr(node, "lineno", 0), words


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of a module's docstrings: the string statements, which are prose."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def word_alternations(path: Path) -> Iterator[tuple[int, str]]:
    """(line, pattern) of every string holding a regex alternation of two Arabic words."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prose = _docstrings(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        words = [part for part in node.value.split("|") if _ARABIC_WORD.search(part)]
        if id(node) not in prose and len(words) >= 2:
            yield node.lineno, node.value


def _twice(words: list[str]) -> list[str]:
    return sorted(key for key, count in Counter(map(_key, words)).items() if count > 1)


def _twice_in_a_table(words: list[str]) -> list[str]:
    """Entries of a `word_set` that it reads as one: normalized, with or without the article."""
    keys = Counter(" ".join(entry_key(word)) for word in words)
    return sorted(key for key, count in keys.items() if count > 1)


def word_sets(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, words) of every `word_set(...)` call in a module."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "word_set":
            words = _strings(list(node.args))
            if words is not None:
                yield node.lineno, words


def test_the_scan_finds_the_tables_however_written(tmp_path: Path) -> None:
    found = {path.name: sum(1 for _ in word_lists(path)) for path in WORD_LIST_MODULES}
    assert found["country_aliases.py"] > 30
    assert found["titles.py"] >= 2
    assert found["matching.py"] >= 2
    assert found["number_roles.py"] >= 8  # normalized_words(...) calls
    assert found["sanctions.py"] >= 8  # word_set(...) calls and Lexicon(...) tuples
    assert _twice(["إفريقيا الوسطى", "أفريقيا  الوسطى", "ليبيا"]) == ["افريقيا الوسطي"]
    sample = tmp_path / "sample_table.py"
    sample.write_text(
        'ON = word_set("على", "ضد")\nUNITS = regex.compile(r"اسبوع|شهر|عام")\n', encoding="utf-8"
    )
    assert list(word_lists(sample)) == [(1, ["على", "ضد"])]
    assert [line for line, _ in word_alternations(sample)] == [2]


@pytest.mark.parametrize("path", WORD_LIST_MODULES, ids=lambda path: path.name)
def test_no_word_list_names_a_word_twice_after_normalization(path: Path) -> None:
    repeated = {line: _twice(words) for line, words in word_lists(path) if _twice(words)}
    assert not repeated, f"{path.name}: listed twice after normalization, by line: {repeated}"


@pytest.mark.parametrize("path", WORD_LIST_MODULES, ids=lambda path: path.name)
def test_no_word_set_names_an_entry_with_and_without_its_article(path: Path) -> None:
    """A `word_set` matches `الوفد` and `وفد` alike: listing both is a copy."""
    repeated = {
        line: _twice_in_a_table(words)
        for line, words in word_sets(path)
        if _twice_in_a_table(words)
    }
    assert not repeated, f"{path.name}: listed with and without the article, by line: {repeated}"


def test_every_arabic_word_table_lives_in_the_arabic_layer() -> None:
    """A rule about Arabic words is written once, in `extractor/arabic/`: a word list elsewhere
    is a copy waiting to disagree with it."""
    outside = [
        path for path in MODULES if not any(home in path.parents for home in WORD_TABLE_HOMES)
    ]
    found = {
        f"{path.relative_to(PACKAGE)}:{line}": table
        for path in outside
        for line, table in [*word_lists(path), *word_alternations(path)]
    }
    assert not found, f"Arabic word tables outside extractor/arabic/: {found}"


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


def test_the_counting_nouns_add_to_the_weapon_nouns_and_repeat_none() -> None:
    """The nouns a number counts weapons in are the weapon nouns, plus the units that name no
    weapon (`قطعة`, `وحدة`): one table of weapon nouns, not two."""
    assert number_roles.COUNTING_NOUNS.isdisjoint(weapons.COUNTED_WEAPON_NOUNS)
    assert weapons.COUNTED_WEAPON_NOUNS < number_roles.COUNTED_NOUNS


def test_the_designation_letters_are_spelled_letters_or_known_names() -> None:
    known = set(designations.LETTERS) | set(designations.NAMES)
    spelled = {word for letters in designations.STANDALONE_LETTERS for word in letters.split()}
    assert spelled <= known


def test_the_nouns_whose_dual_is_a_number_are_counted_nouns() -> None:
    """`طائرتين` is two aircraft: the nouns whose dual the number parser reads are a chosen few
    of the counted nouns, never a list of their own."""
    assert number_words._SINGULARS <= number_roles.COUNTED_NOUNS
