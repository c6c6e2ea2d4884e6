"""Strict mode: keep only what the source supports.

A failed whole-record finding that turns on no value refutes the record's kind, and the record
goes (no meeting word, no transfer, a ban that is no sanction; a participant or item found to be
no person or no weapon goes too). A finding about a fact that turns on one of its roles (a
host the participants' sides or the verbs dispute, a party the verbs reverse) nulls that role
and keeps the fact: the role's code and its text (`buyer` and `buyer_text`), or the host and
guest states; a deal read the wrong way round (its seller buys) loses both parties, and a deal
left with no party goes.
A finding that rests on a cue missing near one part of a fact (no sanction word beside an
embargo's target, a participant named only outside the meeting's sentences) only asks: strict
keeps what it is about, and the finding with it. Provenance lists what was removed or nulled
(`strict_removed`; docs/contract.md, rule 3). Every value whose
check failed is removed (an optional scalar becomes null, a category `other`, a list element
goes), then every record left without support goes too: an arms item whose designation is
unsupported, a delegate with neither a supported name nor a supported title, a Money value
whose text is unsupported, a meeting without participants, a deal without items or value,
an embargo whose target_text is unsupported. The surviving values keep their checks, re-pathed
to their new indices, so the result is verified without the source being read again.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from extractor.schemas import FACT_KINDS, ArmsDeal, Check, Delegate, Document, Meeting
from extractor.schemas.roles import DEFINING_FIELD, SURFACE_OF
from extractor.verify.fact_kinds import NO_MEASURE_BESIDE
from extractor.verify.participants import NAMED_ELSEWHERE

ROLE_FIELDS: dict[type[BaseModel], tuple[tuple[str, ...], ...]] = {
    ArmsDeal: (("buyer", "buyer_text"), ("seller", "seller_text")),
    Meeting: (("host_country", "guest_countries"),),
}
"""The roles of a fact that a finding may dispute, each as the fields that state it together;
a finding's value names the role through one of them."""

ABSENCE_FINDINGS = (NO_MEASURE_BESIDE, NAMED_ELSEWHERE)
"""Findings that rest on the absence of a cue near one part of a fact (no sanction word beside
its target, a participant named only outside the meeting's sentences): questions to the model,
never a drop (an unseen text names things in ways no cue list foresees)."""

Model = TypeVar("Model", bound=BaseModel)


def drop_unsupported(document: Document) -> Document:
    """The document without unsupported or contradicted values, its checks re-pathed."""
    failed = {check.path for check in document.checks if check.failed and not asks(check)}
    disputed = _disputed_roles(document)
    failed -= set(disputed)
    failed |= {role for roles in disputed.values() for role in roles}
    renames: dict[str, str] = {}
    updates: dict[str, list[BaseModel]] = {}
    for kind in FACT_KINDS:
        kept: list[BaseModel] = []
        for index, fact in enumerate(getattr(document, kind)):
            pruned = _prune(fact, f"{kind}[{index}]", f"{kind}[{len(kept)}]", failed, renames)
            if pruned is not None:
                kept.append(pruned)
        updates[kind] = kept
    checks = [
        check.model_copy(update={"path": renames[check.path]})
        for check in document.checks
        if check.path in renames and (not check.failed or asks(check))
    ]
    removed = sorted(failed - set(renames))
    provenance = document.provenance.model_copy(update={"strict_removed": removed})
    return document.model_copy(update={**updates, "checks": checks, "provenance": provenance})


def asks(check: Check) -> bool:
    """True for a finding that only asks (ABSENCE_FINDINGS): strict keeps what it is about."""
    return any(phrase in check.message for phrase in ABSENCE_FINDINGS)


def _disputed_roles(document: Document) -> dict[str, list[str]]:
    """Fact paths whose failed finding turns on one of the fact's roles, with the paths of the
    fields that state that role (nulled instead of dropping the fact)."""
    disputed: dict[str, list[str]] = {}
    for kind in FACT_KINDS:
        for index, fact in enumerate(getattr(document, kind)):
            path = f"{kind}[{index}]"
            for check in document.checks:
                if check.path == path and check.failed and not asks(check):
                    roles = _role_of(fact, check)
                    if roles is not None and _reversed_parties(fact, check):
                        roles = tuple(name for role in ROLE_FIELDS[ArmsDeal] for name in role)
                    if roles is None:
                        disputed.pop(path, None)
                        break
                    disputed.setdefault(path, []).extend(f"{path}.{name}" for name in roles)
    return disputed


def _role_of(fact: BaseModel, check: Check) -> tuple[str, ...] | None:
    """The fields of the role a finding turns on, or None when it refutes the whole fact."""
    if check.value is None:
        return None
    for role in ROLE_FIELDS.get(type(fact), ()):
        for name in role:
            value = getattr(fact, name)
            if value == check.value or (isinstance(value, list) and check.value in value):
                return role
            if SURFACE_OF.get(name) and getattr(fact, SURFACE_OF[name]) == check.value:
                return role
    return None


def _reversed_parties(fact: BaseModel, check: Check) -> bool:
    """True when a finding says a deal's seller buys or its buyer sells: the deal is read the
    wrong way round, so neither party stands."""
    if not isinstance(fact, ArmsDeal):
        return False
    return (fact.seller is not None and f"makes {fact.seller} the buyer" in check.message) or (
        fact.buyer is not None and f"makes {fact.buyer} the seller" in check.message
    )


def _has_party(deal: ArmsDeal) -> bool:
    """True when a deal names a buyer or a seller, by code or as written."""
    return any((deal.buyer, deal.seller, deal.buyer_text, deal.seller_text))


def _prune(
    model: Model, old: str, new: str, failed: set[str], renames: dict[str, str]
) -> Model | None:
    """`model` without its failed values, or None when the whole record must go."""
    whole = DEFINING_FIELD.get(type(model))
    if old in failed or (whole is not None and f"{old}.{whole}" in failed):
        return None
    local: dict[str, str] = {}
    updates: dict[str, object] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        old_path, new_path = f"{old}.{name}", f"{new}.{name}"
        if isinstance(value, list) and old_path in failed:
            updates[name] = []
        elif isinstance(value, list):
            kept: list[object] = []
            for index, element in enumerate(value):
                old_element, new_element = f"{old_path}[{index}]", f"{new_path}[{len(kept)}]"
                if isinstance(element, BaseModel):
                    pruned = _prune(element, old_element, new_element, failed, local)
                    if pruned is not None:
                        kept.append(pruned)
                elif old_element not in failed:
                    local[old_element] = new_element
                    kept.append(element)
            updates[name] = kept
        elif isinstance(value, BaseModel):
            updates[name] = _prune(value, old_path, new_path, failed, local)
        elif old_path in failed:
            updates[name] = type(model).model_fields[name].get_default()
        else:
            local[old_path] = new_path
    pruned_model = model.model_copy(update=updates)
    if _left_without_support(model, pruned_model):
        return None
    renames.update(local)
    renames[old] = new
    return pruned_model


def _left_without_support(before: BaseModel, after: BaseModel) -> bool:
    """True when pruning took away everything that made the record worth keeping."""
    if isinstance(before, Delegate) and isinstance(after, Delegate):
        had = before.name is not None or bool(before.titles)
        return had and after.name is None and not after.titles
    if isinstance(before, Meeting) and isinstance(after, Meeting):
        return bool(before.participants) and not after.participants
    if isinstance(before, ArmsDeal) and isinstance(after, ArmsDeal):
        had = bool(before.items) or before.value is not None
        lost_parties = _has_party(before) and not _has_party(after)
        return lost_parties or (had and not after.items and after.value is None)
    return False
