"""The field roles name real fields of the contract and of the answers the LLM fills."""

from __future__ import annotations

from pydantic import BaseModel

from extractor.schemas import ArmsDeal, ArmsItem, Delegate, Embargo, Meeting, Money
from extractor.schemas.response import DealAnswer
from extractor.schemas.roles import (
    CODE_TEXTS,
    COUNTRY_CODES,
    DEFINING_FIELD,
    FLATTENED,
    SURFACE_OF,
    UNWRITTEN_CODES,
)

CONTRACT: tuple[type[BaseModel], ...] = (Delegate, Meeting, ArmsItem, Money, ArmsDeal, Embargo)


def _models_with(field: str) -> list[type[BaseModel]]:
    return [model for model in CONTRACT if field in model.model_fields]


def test_every_derived_field_has_its_surface_field_beside_it() -> None:
    for derived, surface in SURFACE_OF.items():
        holders = _models_with(derived)
        assert holders, f"{derived} is no contract field"
        assert all(surface in model.model_fields for model in holders), (derived, surface)


def test_every_code_is_stated_by_fields_of_its_own_model() -> None:
    assert set(CODE_TEXTS) <= COUNTRY_CODES
    for code in COUNTRY_CODES:
        holders = _models_with(code)
        assert holders, f"{code} is no contract field"
        for model in holders:
            assert set(CODE_TEXTS.get(code, ())) <= set(model.model_fields), (model, code)
    assert {"country", "host_country", "guest_countries"} == UNWRITTEN_CODES


def test_defining_fields_and_flattened_records_exist() -> None:
    for model, field in DEFINING_FIELD.items():
        assert field in model.model_fields
        assert model.model_fields[field].is_required(), f"{model.__name__}.{field}"
    for record, text in FLATTENED.items():
        assert ArmsDeal.model_fields[record].annotation == Money | None
        assert text in DealAnswer.model_fields
