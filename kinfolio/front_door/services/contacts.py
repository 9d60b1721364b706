"""Recording a contact at the front door: who it is about (a child already known, or a
new one, with duplicate detection), who made it and what worried them.

The decision clock starts when the contact is received: ``decision_due_at`` is the end
of the working day the timescales engine gives for ``contact_decision_1wd``.
"""

import datetime as dt
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio import codesets
from kinfolio.core.writes import create_record
from kinfolio.front_door.models import Contact, OnlineReferral
from kinfolio.front_door.queue import possible_duplicates
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_visible_to
from kinfolio.timescales.engine import NoRuleInForce
from kinfolio.timescales.services import due_date

NEW_CHILD = "new"  # no possible duplicate was found: a new child
NOT_LISTED = "not-listed"  # possible duplicates were shown, and none of them is this child


def record_contact(
    *,
    match: str,
    child_given_name: str,
    child_family_name: str,
    child_date_of_birth: dt.date | None,
    child_nhs_number: str,
    received_at: dt.datetime,
    source: str,
    referrer_name: str,
    referrer_agency: str,
    referrer_role: str = "",
    referrer_phone: str = "",
    referrer_email: str = "",
    concern_summary: str,
    consent_obtained: bool | None,
    referrer_anonymous: bool,
    anonymity_reason: str,
    online_referral: OnlineReferral | None = None,
    by,
) -> Contact:
    """Record a contact about the child chosen in ``match`` (a Kinfolio ID from the
    possible duplicates, or ``"new"`` for a child not yet known)."""
    errors = {}
    if codesets.REFERRAL_SOURCE.get(source or "") is None:
        errors["source"] = "Select the source of the contact"
    if received_at is None:
        errors["received_at"] = "Enter when the contact was received"
    elif received_at > timezone.now():
        errors["received_at"] = "The contact cannot be received in the future"
    if not (concern_summary or "").strip():
        errors["concern_summary"] = "Enter the concern"
    if referrer_anonymous and not (anonymity_reason or "").strip():
        errors["anonymity_reason"] = "Enter why the referrer asked to stay anonymous"
    if online_referral is not None and online_referral.contact_id is not None:
        errors["match"] = "This online referral has already been recorded as a contact"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        child = _the_child(
            match=match,
            given_name=child_given_name,
            family_name=child_family_name,
            date_of_birth=child_date_of_birth,
            nhs_number=(child_nhs_number or "").replace(" ", ""),
            by=by,
        )
        contact = Contact(
            child=child,
            received_at=received_at,
            source=source,
            referrer_name=referrer_name.strip(),
            referrer_agency=referrer_agency.strip(),
            referrer_role=referrer_role.strip(),
            referrer_phone=referrer_phone.strip(),
            referrer_email=referrer_email.strip(),
            referred_by=online_referral.referred_by if online_referral else None,
            concern_summary=concern_summary.strip(),
            consent_obtained=consent_obtained,
            referrer_anonymous=referrer_anonymous,
            anonymity_reason=anonymity_reason.strip() if referrer_anonymous else "",
            decision_due_at=_decision_due(received_at),
        )
        create_record(instance=contact, by=by, child=child)
        if online_referral is not None:
            online_referral.contact = contact
            online_referral.save(update_fields=["contact", "updated_at"])
    return contact


def _decision_due(received_at: dt.datetime) -> dt.datetime | None:
    """The end of the working day the engine gives. Without a rule in force the contact
    is still recorded (a safeguarding contact is never refused for want of a timescale):
    the due date stays empty and the deadline pages show it cannot be calculated."""
    try:
        day = due_date("contact_decision_1wd", timezone.localtime(received_at).date())
    except NoRuleInForce:
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))


def _the_child(*, match, given_name, family_name, date_of_birth, nhs_number, by) -> Person:
    if match and match not in (NEW_CHILD, NOT_LISTED):
        child = children_visible_to(by).filter(local_id=match).first()
        if child is None:
            raise ValidationError({"match": "Select a child from the list"})
        return child
    duplicates = possible_duplicates(
        by,
        given_name=given_name,
        family_name=family_name,
        date_of_birth=date_of_birth,
        nhs_number=nhs_number,
    )
    if duplicates and match != NOT_LISTED:
        raise ValidationError(
            {
                "match": f"We found {len(duplicates)} child{'ren' if len(duplicates) > 1 else ''} "
                "who may be this child: select them, or select none of these"
            }
        )
    if not match:
        raise ValidationError({"match": "Select who this contact is about"})
    if nhs_number and any(d.nhs_number == nhs_number for d in duplicates):
        raise ValidationError(
            {"match": "A child with this NHS number is already recorded: select them"}
        )
    errors = {}
    if not (given_name or "").strip() or not (family_name or "").strip():
        errors["child_family_name"] = "Enter the child's first and last names"
    if date_of_birth is None:
        errors["child_date_of_birth"] = "Enter the child's date of birth"
    if errors:
        raise ValidationError(errors)
    child = Person(
        local_id=f"new-{uuid4().hex[:12]}",  # fits the 20-character ID; replaced below
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        date_of_birth=date_of_birth,
        nhs_number=nhs_number,
        sex="U",
        is_child_subject=True,
    )
    child.save()
    child.local_id = f"N{child.pk:06d}"  # N: first known at the front door
    return create_record(instance=child, by=by, child=child)
