"""Money values: `amount`, `min_amount` and `currency` must be what `value.text` says, and
`value.text` (or the same figure in another spelling) must be in the source."""

from __future__ import annotations

import math

from extractor.arabic.currencies import currency_code
from extractor.arabic.numbers import MoneyValue, parse_money
from extractor.schemas import Check, Money
from extractor.verify.checks import contradicted, found, show, unsupported
from extractor.verify.source import Source
from extractor.verify.walk import Leaf


def check_amount(leaf: Leaf, source: Source) -> Check:
    """`value.amount` / `value.min_amount` against the parse of `value.text`, then the source."""
    money = _money(leaf)
    claimed = float(leaf.value)
    parsed = parse_money(money.text)
    stated = _stated(parsed, leaf.field)
    if stated is None:
        return _no_figure(leaf, money, parsed, source)
    if not _same(stated, claimed):
        return contradicted(
            leaf,
            f"{leaf.label} {show(claimed)} but value.text {show(money.text)} says {show(stated)}",
            _text_span(money, source),
            source,
        )
    match = source.locate(money.text)
    if match is not None:
        return found(leaf, match.status, (match.start, match.end), source)
    lower_bound = leaf.field == "min_amount"
    for mention in source.numbers:
        if mention.lower_bound == lower_bound and _same(mention.value, claimed):
            return found(
                leaf,
                "normalized",
                (mention.start, mention.end),
                source,
                f"value.text {show(money.text)} is not in the text, but the same figure is",
            )
    return unsupported(
        leaf,
        f"{leaf.label} {show(claimed)}: neither value.text {show(money.text)} nor that figure "
        "is in the text",
    )


def check_currency(leaf: Leaf, source: Source) -> Check:
    """`value.currency` must be the currency `value.text` names."""
    money = _money(leaf)
    parsed = parse_money(money.text)
    if parsed is None or parsed.currency is None:
        return _currency_nearby(leaf, money, source)
    if parsed.currency != leaf.value:
        return contradicted(
            leaf,
            f"value.currency {leaf.value} but value.text {show(money.text)} is in "
            f"{parsed.currency}",
            _text_span(money, source),
            source,
        )
    match = source.locate(money.text)
    if match is None:
        return unsupported(
            leaf, f"value.currency {leaf.value}: value.text {show(money.text)} is not in the text"
        )
    return found(leaf, match.status, (match.start, match.end), source)


def _currency_nearby(leaf: Leaf, money: Money, source: Source) -> Check:
    """A value.text without a currency (`5 مليارات`) may have it named in its sentence."""
    span = _text_span(money, source)
    if span is not None:
        sentence = source.sentence_of(span[0])
        if currency_code(source.at(sentence)) == leaf.value:
            return found(
                leaf,
                "normalized",
                sentence,
                source,
                f"value.text {show(money.text)} names no currency; its sentence names {leaf.value}",
            )
    return unsupported(
        leaf, f"value.currency {leaf.value} but value.text {show(money.text)} names no currency"
    )


def _same(a: float, b: float) -> bool:
    """Equal up to float rounding (1,12 مليار is 1120000000.0000002 once multiplied out)."""
    return math.isclose(a, b, rel_tol=1e-9)


def _stated(parsed: MoneyValue | None, field: str) -> float | None:
    if parsed is None:
        return None
    return parsed.amount if field == "amount" else parsed.min_amount


def _other_figure(field: str, parsed: MoneyValue | None) -> str | None:
    """What value.text gives instead of the field's kind of figure, as the message says it."""
    if parsed is None:
        return None
    if field == "amount" and parsed.min_amount is not None:
        return (
            f"gives no definite figure, only a lower bound ({show(parsed.min_amount)}): "
            "use min_amount"
        )
    if field == "min_amount" and parsed.amount is not None:
        return f"is a definite figure ({show(parsed.amount)}): use amount"
    return None


def _no_figure(leaf: Leaf, money: Money, parsed: MoneyValue | None, source: Source) -> Check:
    """value.text gives no figure of this kind: a definite one where a bound was claimed (or
    the other way round) contradicts; no figure at all leaves the value unsupported."""
    other = _other_figure(leaf.field, parsed)
    if other is not None:
        return contradicted(
            leaf,
            f"value.{leaf.field} {show(leaf.value)} but value.text {show(money.text)} {other}",
            _text_span(money, source),
            source,
        )
    return unsupported(
        leaf, f"{leaf.label} {show(leaf.value)} but value.text {show(money.text)} states no amount"
    )


def _text_span(money: Money, source: Source) -> tuple[int, int] | None:
    match = source.locate(money.text)
    return None if match is None else (match.start, match.end)


def _money(leaf: Leaf) -> Money:
    if not isinstance(leaf.holder, Money):
        raise TypeError(f"{leaf.path} is not a field of a Money value")
    return leaf.holder
