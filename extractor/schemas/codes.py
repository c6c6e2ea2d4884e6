"""Validated code types: ISO 3166-1 alpha-3 countries, ISO 4217 currencies, partial dates."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Annotated

import pycountry
from pydantic import AfterValidator, Field


@cache
def iso3_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 code (pycountry's copy of the standard)."""
    return frozenset(country.alpha_3 for country in pycountry.countries)


@cache
def currency_codes() -> frozenset[str]:
    """Every active ISO 4217 alphabetic currency code."""
    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


def _check_iso3(code: str) -> str:
    if code not in iso3_codes():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 country code (e.g. LBY, PAK, USA)")
    return code


def _check_currency(code: str) -> str:
    if code not in currency_codes():
        raise ValueError(f"{code!r} is not an ISO 4217 currency code (e.g. USD, EUR, SAR)")
    return code


def _check_partial_date(value: str) -> str:
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)") from exc
    return value


ISO3 = Annotated[
    str,
    Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code"),
    AfterValidator(_check_iso3),
]
"""An ISO 3166-1 alpha-3 country code, checked against the real list."""

Currency = Annotated[
    str,
    Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 currency code"),
    AfterValidator(_check_currency),
]
"""An ISO 4217 currency code, checked against the real list."""

PartialDate = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
        description="ISO date, or a partial one: YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    AfterValidator(_check_partial_date),
]
"""An ISO 8601 calendar date that may stop at the year or the month."""
