"""The pydantic models of the output contract: the one source of truth for its shape."""

from extractor.schemas.codes import ISO3, Currency, PartialDate, currency_codes, iso3_codes
from extractor.schemas.document import (
    CHECK_STATUSES,
    FACT_KINDS,
    FAILED_STATUSES,
    Attempt,
    Check,
    CheckStatus,
    Document,
    FactKind,
    Provenance,
    RecallRound,
    Source,
    UncoveredMention,
    UncoveredNumber,
    Usage,
    fact_kind,
    total_usage,
)
from extractor.schemas.facts import (
    ArmsDeal,
    ArmsItem,
    DealStatus,
    Delegate,
    Embargo,
    EmbargoKind,
    EmbargoStatus,
    ItemCategory,
    Meeting,
    Money,
    Side,
)

MODELS = {
    model.__name__: model
    for model in (Document, Meeting, Delegate, ArmsDeal, ArmsItem, Money, Embargo, Check)
}
"""Every contract model by name, as `extractor schema --type NAME` accepts it."""

__all__ = [
    "CHECK_STATUSES",
    "FACT_KINDS",
    "FAILED_STATUSES",
    "ISO3",
    "MODELS",
    "ArmsDeal",
    "ArmsItem",
    "Attempt",
    "Check",
    "CheckStatus",
    "Currency",
    "DealStatus",
    "Delegate",
    "Document",
    "Embargo",
    "EmbargoKind",
    "EmbargoStatus",
    "FactKind",
    "ItemCategory",
    "Meeting",
    "Money",
    "PartialDate",
    "Provenance",
    "RecallRound",
    "Side",
    "Source",
    "UncoveredMention",
    "UncoveredNumber",
    "Usage",
    "currency_codes",
    "fact_kind",
    "iso3_codes",
    "total_usage",
]
