"""The facts of the output contract: Delegate, Meeting, ArmsItem, Money, ArmsDeal, Embargo.

Field descriptions are written for the LLM: they reach it through the prompt. Lists have no
caps: a real article may list 9 topics or 17 participants (docs/contract.md); the answer models the
LLM fills (response.py) bound each call instead.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from extractor.schemas.codes import ISO3, Currency, PartialDate

Side = Literal["host", "guest", "other"]
DealStatus = Literal[
    "proposed", "approved", "agreed", "signed", "in_delivery", "delivered", "cancelled", "unknown"
]
ItemCategory = Literal[
    "fighter_aircraft",
    "trainer_aircraft",
    "transport_aircraft",
    "helicopter",
    "drone",
    "ship",
    "submarine",
    "armoured_vehicle",
    "artillery",
    "missile",
    "air_defence",
    "small_arms",
    "ammunition",
    "other",
]
EmbargoKind = Literal["arms", "economic", "travel", "assets", "comprehensive", "other"]
EmbargoStatus = Literal["in_force", "imposed", "extended", "eased", "lifted", "proposed", "unknown"]
ImposingBody = Literal["UNSC", "EU", "AU", "AL"]

ResolutionNumber = Annotated[str, Field(pattern=r"^[0-9]{1,5}$")]


class Fact(BaseModel):
    """Base of every contract model: unknown keys are refused, so typos surface."""

    model_config = ConfigDict(extra="forbid")


class Delegate(Fact):
    """A person in a meeting or delegation."""

    name: str | None = Field(
        default=None,
        description="The person's name exactly as written, without titles (خليفة أبو القاسم حفتر); "
        "null when the text gives only a role.",
    )
    titles: list[str] = Field(
        default_factory=list,
        description="Titles and posts exactly as written, one per item (المشير، وزير الخارجية).",
    )
    country: ISO3 | None = Field(
        default=None, description="ISO 3166-1 alpha-3 code of the state the person represents."
    )
    organization: str | None = Field(
        default=None, description="Body the person belongs to, as written (البحرية الباكستانية)."
    )
    side: Side | None = Field(
        default=None, description="host, guest or other: the person's role in the meeting."
    )


class Meeting(Fact):
    """An official meeting, visit, call or talks that happened."""

    participants: list[Delegate] = Field(
        default_factory=list,
        description="Everyone named or titled as taking part.",
    )
    host_country: ISO3 | None = Field(default=None, description="ISO3 code of the host state.")
    guest_countries: list[ISO3] = Field(
        default_factory=list, description="ISO3 codes of the visiting states."
    )
    location_text: str | None = Field(
        default=None, description="The place exactly as written (إسلام آباد، قصر اليمامة)."
    )
    date_text: str | None = Field(
        default=None, description="When, exactly as written (يوم الثلاثاء، الخميس الماضي)."
    )
    date: PartialDate | None = Field(
        default=None, description="Resolved from date_text and the publication date."
    )
    topics: list[str] = Field(
        default_factory=list,
        description="Short phrases as written naming what was discussed (التعاون الدفاعي).",
    )
    evidence: list[str] = Field(
        default_factory=list,
        description="Verbatim sentences or clauses of the article that state the meeting.",
    )


class ArmsItem(Fact):
    """One weapon system in a deal."""

    designation: str = Field(
        description="The weapon system exactly as written (JF-17 Thunder، إف-16، باتريوت)."
    )
    category: ItemCategory = Field(default="other", description="The kind of weapon system.")
    quantity: int | None = Field(
        default=None, ge=0, description="How many, as a number; null when the text gives none."
    )
    quantity_text: str | None = Field(
        default=None, description="The quantity exactly as written (16، ستة عشر، ٢٤)."
    )


class Money(Fact):
    """A monetary value as written and as a number."""

    text: str = Field(
        description="The value exactly as written (1,8 مليار يورو، بمليارات الدولارات)."
    )
    amount: float | None = Field(
        default=None, ge=0, description="The value as a number; null when the text gives no figure."
    )
    min_amount: float | None = Field(
        default=None, ge=0, description="Lower bound for an indefinite value (بمليارات → 2e9)."
    )
    currency: Currency | None = Field(default=None, description="ISO 4217 code (USD، EUR، SAR).")


class ArmsDeal(Fact):
    """A sale, purchase, order, approval, delivery or cancellation of weapons."""

    buyer: ISO3 | None = Field(default=None, description="ISO3 code of the recipient state.")
    seller: ISO3 | None = Field(default=None, description="ISO3 code of the supplier state.")
    buyer_text: str | None = Field(default=None, description="The buyer exactly as written.")
    seller_text: str | None = Field(default=None, description="The seller exactly as written.")
    items: list[ArmsItem] = Field(
        default_factory=list,
        description="Every weapon system named in the deal.",
    )
    value: Money | None = Field(default=None, description="The deal's value, when stated.")
    status: DealStatus = Field(default="unknown", description="Stage of the deal.")
    date_text: str | None = Field(default=None, description="When, exactly as written.")
    date: PartialDate | None = Field(
        default=None, description="Resolved from date_text and the publication date."
    )
    duration_text: str | None = Field(
        default=None, description="Duration exactly as written (على مدى عامين ونصف)."
    )
    duration_months: float | None = Field(
        default=None, ge=0, description="The duration in months (عامين ونصف → 30)."
    )
    evidence: list[str] = Field(
        default_factory=list,
        description="Verbatim sentences of the article that state the deal.",
    )


class Embargo(Fact):
    """An arms embargo or sanctions regime."""

    target: ISO3 | None = Field(
        default=None, description="ISO3 code of the state under the measure; null for non-states."
    )
    target_text: str = Field(description="The target exactly as written (ليبيا، الحوثيين).")
    imposed_by_text: str | None = Field(
        default=None, description="Who imposed it, exactly as written (مجلس الأمن الدولي)."
    )
    imposed_by: ImposingBody | ISO3 | None = Field(
        default=None, description="UNSC, EU, AU, AL, or the ISO3 code of the imposing state."
    )
    kind: EmbargoKind = Field(default="other", description="What the measure restricts.")
    resolutions: list[ResolutionNumber] = Field(
        default_factory=list,
        description="Resolution numbers written in the text, as digits (1970).",
    )
    start_text: str | None = Field(
        default=None, description="Since when, exactly as written (منذ فبراير 2011)."
    )
    start: PartialDate | None = Field(
        default=None, description="Resolved from start_text and the publication date."
    )
    status: EmbargoStatus = Field(default="unknown", description="Where the measure stands.")
    evidence: list[str] = Field(
        default_factory=list,
        description="Verbatim sentences of the article that state the measure.",
    )
