"""A partner referrer sends a contact through the partner portal."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

from kinfolio import codesets
from kinfolio.accounts.models import Role
from kinfolio.core.writes import create_record
from kinfolio.front_door.models import OnlineReferral


def submit_referral(
    *,
    source: str,
    referrer_role: str,
    referrer_phone: str,
    child_given_name: str,
    child_family_name: str,
    child_date_of_birth: dt.date | None,
    child_nhs_number: str,
    child_address: str,
    concern_summary: str,
    consent_obtained: bool | None,
    referrer_anonymous: bool,
    anonymity_reason: str,
    by,
) -> OnlineReferral:
    """Keep what the partner sent, as sent, for the front door to record as a contact."""
    if by.role != Role.PARTNER_REFERRER:
        raise ValidationError("Only a partner referrer can send a referral online")
    errors = {}
    if codesets.REFERRAL_SOURCE.get(source or "") is None:
        errors["source"] = "Select the kind of agency you work for"
    if not (child_given_name or "").strip() or not (child_family_name or "").strip():
        errors["child_family_name"] = "Enter the child's first and last names"
    if child_date_of_birth is None:
        errors["child_date_of_birth"] = "Enter the child's date of birth"
    elif child_date_of_birth > timezone.localdate():
        errors["child_date_of_birth"] = "The child's date of birth must be in the past"
    nhs = (child_nhs_number or "").replace(" ", "")
    if nhs and not (nhs.isdigit() and len(nhs) == 10):
        errors["child_nhs_number"] = "Enter the NHS number as 10 digits, or leave it empty"
    if not (concern_summary or "").strip():
        errors["concern_summary"] = "Enter what you are worried about"
    if consent_obtained is None:
        errors["consent_obtained"] = "Select whether the family agreed to this referral"
    if referrer_anonymous and not (anonymity_reason or "").strip():
        errors["anonymity_reason"] = "Enter why the family must not know you made the referral"
    if errors:
        raise ValidationError(errors)
    referral = OnlineReferral(
        referred_by=by,
        submitted_at=timezone.now(),
        source=source,
        referrer_role=referrer_role.strip(),
        referrer_phone=referrer_phone.strip(),
        child_given_name=child_given_name.strip(),
        child_family_name=child_family_name.strip(),
        child_date_of_birth=child_date_of_birth,
        child_nhs_number=nhs,
        child_address=child_address.strip(),
        concern_summary=concern_summary.strip(),
        consent_obtained=consent_obtained,
        referrer_anonymous=referrer_anonymous,
        anonymity_reason=anonymity_reason.strip() if referrer_anonymous else "",
    )
    return create_record(instance=referral, by=by)
