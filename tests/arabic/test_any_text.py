"""No text makes the Arabic layer or the verifier raise: every public function of every module of
`extractor.arabic`, and `verify_document`, run over arbitrary Unicode text and over every dev
article with random insertions. A crash there turns a real article into an error record (a lone
tatweel used as a dash did: its normalized form is empty)."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractor.arabic
from extractor.arabic.countries import country_mentions
from extractor.arabic.lexicon import Word, phrase_words, words_of
from extractor.arabic.named_people import people_named
from extractor.arabic.normalize import normalize, normalize_text
from extractor.arabic.sentences import split_sentences
from extractor.schemas import Document
from extractor.verify import verify_document
from tests.conftest import dev_pairs

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
"""Enough examples to reach the odd characters, few enough that the file runs in seconds."""

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱؤئىة"
TATWEEL = "\u0640"
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
JOINERS = "\u200c\u200d\ufeff"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
PUNCTUATION = "٫٬،؛؟.,:;!?-–—()[]«»\"'/%٪ـ"
SPACES = " \u00a0\n\t"
WORDS = (
    "الأمير", "وزير", "الخارجية", "وضم", "الوفد", "بن", "عبد", "الله", "ليبيا", "باكستان",
    "طائرة", "JF-17", "مليون", "دولار", "حظر", "أسلحة", "على", "استقبل", "الرئيس", "عام",
    "1437هـ", "ـ", "ـــ", "الـ", "ﻻ", "ﷲ", "١٦", "٢٠١٩", "ألفي", "عقوبات",
)  # fmt: skip
"""Words the layer reacts to, so generated text reaches past the first check of each function."""

FRAGMENTS = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=ARABIC_LETTERS + TATWEEL + DIACRITICS, min_size=1, max_size=6),
    st.text(alphabet=TATWEEL + DIACRITICS + BIDI_MARKS + JOINERS, min_size=1, max_size=4),
    st.text(alphabet=DIGITS + PUNCTUATION, min_size=1, max_size=4),
    st.text(min_size=1, max_size=4),
)
SEPARATORS = st.sampled_from([" ", "", "\n", "، ", ". ", " ـ ", TATWEEL])
TEXTS = st.lists(st.tuples(FRAGMENTS, SEPARATORS), max_size=24).map(
    lambda pairs: "".join(fragment + separator for fragment, separator in pairs)
)
"""Arabic letters, tatweel, diacritics alone, bidi marks, digits of three scripts, punctuation,
any other character, and the words that start names, posts, deals, embargoes and dates."""


def _pieces(text: str) -> list[str]:
    """The strings a word-level function is handed: each word as written and normalized."""
    words = regex.findall(r"\S+", text)
    return [*words, *(normalize_text(word) for word in words)]


ArgumentsFor = Callable[[str, list[str]], list[Any]]
ARGUMENTS: dict[str, ArgumentsFor] = {
    "str": lambda text, pieces: [text, normalize_text(text), *pieces],
    "str | None": lambda text, pieces: [text, None, *pieces],
    "Span": lambda text, _: [(0, len(text)), *split_sentences(text)],
    "Normalized": lambda text, _: [normalize(text)],
    "dt.date | None": lambda *_: [dt.date(2019, 3, 20), None],
    "bool": lambda *_: [False, True],
    "list[str]": lambda _, pieces: [pieces],
    "Iterable[str]": lambda _, pieces: [pieces],
    "Iterable[frozenset[str]]": lambda text, _: [phrase_words(text)],
    "Sequence[Word]": lambda text, _: [words_of(text)],
    "Word": lambda text, _: list(words_of(text)[:2]) or [Word(0, 0, frozenset())],
    "Sequence[frozenset[str]]": lambda text, _: [phrase_words(text)],
    "Sequence[CountryMention]": lambda text, _: [country_mentions(text)],
    "int": lambda text, _: [0, len(words_of(text)) // 2],
}
"""For each parameter type of the layer's functions, the values drawn from a text."""


def _public_functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    """Every public function (cached or not) that a module of the Arabic layer defines and that
    takes an argument."""
    for module_info in pkgutil.iter_modules(extractor.arabic.__path__):
        module = importlib.import_module(f"extractor.arabic.{module_info.name}")
        for name, value in vars(module).items():
            defined_here = getattr(value, "__module__", None) == module.__name__
            if name.startswith("_") or inspect.isclass(value) or not callable(value):
                continue
            if defined_here and inspect.signature(value).parameters:
                yield f"{module.__name__}.{name}", value


LAYER = sorted(_public_functions())
ARTICLES = [
    (text.read_text("utf-8"), Document.model_validate_json(gold.read_text("utf-8")))
    for text, gold in dev_pairs()
]
"""Every dev article with its gold Document: facts of every kind for the verifier to check."""


Call = tuple[list[Any], dict[str, Any]]


def _calls(function: Callable[..., Any], text: str, pieces: list[str]) -> Iterator[Call]:
    """Arguments for `function` from `text`: each parameter's values in turn, the shorter lists
    cycled; a `*args` parameter gets every piece, a keyword-only one its value by name."""
    parameters = list(inspect.signature(function).parameters.values())
    annotations = [str(parameter.annotation) for parameter in parameters]
    values: list[list[Any]] = []
    for parameter, annotation in zip(parameters, annotations, strict=True):
        assert annotation in ARGUMENTS, (
            f"{function.__qualname__}({parameter.name}: {annotation}): add the type to ARGUMENTS"
        )
        if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            values.append([pieces])  # one call with every piece
        elif annotation == "str" and "Span" in annotations:
            values.append([text])  # a span is an offset into the whole text
        else:
            values.append(ARGUMENTS[annotation](text, pieces))
    for index in range(max(len(options) for options in values)):
        positional: list[Any] = []
        keywords: dict[str, Any] = {}
        for parameter, options in zip(parameters, values, strict=True):
            value = options[index % len(options)]
            if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
                positional += value
            elif parameter.kind is inspect.Parameter.KEYWORD_ONLY:
                keywords[parameter.name] = value
            else:
                positional.append(value)
        yield positional, keywords


def run_arabic_layer(text: str, pieces: Sequence[str]) -> None:
    """Every public function of the Arabic layer on `text` and on each of `pieces`."""
    for name, function in LAYER:
        for positional, keywords in _calls(function, text, list(pieces)):
            try:
                function(*positional, **keywords)
            except Exception as error:
                shown = ", ".join([*map(repr, positional), *map(repr, keywords.items())])
                raise AssertionError(f"{name}({shown}) raised {error!r}") from error


def test_the_layer_is_every_public_function_of_the_arabic_modules() -> None:
    names = {name.rsplit(".", 1)[1] for name, _ in LAYER}
    assert {"people_named", "sanction_targets", "find_numbers", "normalize"} <= names
    assert len(LAYER) >= 30


def test_a_lone_tatweel_used_as_a_dash_reads_as_a_dash() -> None:
    """The article that was lost: `ـ` between the honorific and the name is punctuation, as a
    hyphen there is, and the delegate listed after it is found."""
    for dash in ("ـ", "-"):
        text = f"وضم الوفد الأمير {dash} خالد بن سلمان"
        named = people_named(text, (0, len(text)))
        assert [(text[slice(*person.span)], person.marker) for person in named] == [
            ("خالد بن سلمان", (0, 3))
        ]
        for _, gold in ARTICLES:
            verify_document(gold, text)


@FUZZ
@given(text=TEXTS, gold=st.sampled_from([gold for _, gold in ARTICLES]))
def test_no_text_makes_the_arabic_layer_or_the_verifier_raise(text: str, gold: Document) -> None:
    run_arabic_layer(text, _pieces(text))
    verify_document(gold, text)


@FUZZ
@given(
    article=st.sampled_from(ARTICLES),
    insertions=st.lists(st.tuples(st.floats(0, 1), FRAGMENTS, SEPARATORS), min_size=1, max_size=4),
)
def test_no_insertion_into_a_dev_article_makes_the_layer_or_the_verifier_raise(
    article: tuple[str, Document], insertions: list[tuple[float, str, str]]
) -> None:
    """The layer runs on the stretch around each insertion (the verifier runs it on the whole
    article), so that an example costs a fraction of a second."""
    text, gold = article
    stretches = []
    for where, fragment, separator in insertions:
        at = int(where * len(text))
        text = text[:at] + fragment + separator + text[at:]
        stretches.append((max(at - 50, 0), at + len(fragment) + 50))
    for start, end in stretches:
        run_arabic_layer(text[start:end], _pieces(text[start:end]))
    verify_document(gold, text)
