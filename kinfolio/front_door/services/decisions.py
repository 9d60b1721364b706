"""The front door's work on a contact: partner agency checks, the RAG rating, and the
decision, which stops the one-working-day clock (``contact_decision_1wd``).

A decision of referral or strategy discussion hands the child to the referral and
protection services (``referrals.services.referrals.open_referral(contact=...)``).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio import codesets
from kinfolio.core.writes import create_record, edit_record, refuse_future_dates
from kinfolio.front_door.models import Contact, PartnerCheck, RAGRating, received_on
from kinfolio.workforce.models import Worker


def _undecided(contact: Contact) -> None:
    if contact.decided_at is not None:
        raise ValidationError("A decision has already been made on this contact")


def request_check(*, contact: Contact, agency: str, requested_date: dt.date, by) -> PartnerCheck:
    """Ask a partner agency what it knows, before the decision."""
    if codesets.CONTACT_SOURCE_AGENCY.get(agency or "") is None:
        raise ValidationError({"agency": "Select the agency asked"})
    if requested_date is None:
        raise ValidationError({"requested_date": "Enter the date the check was requested"})
    refuse_future_dates(requested_date=requested_date)
    _undecided(contact)
    check = PartnerCheck(contact=contact, agency=agency, requested_date=requested_date)
    return create_record(instance=check, by=by, child=contact.child)


def record_check_response(
    *, check: PartnerCheck, response_date: dt.date, summary: str, by
) -> PartnerCheck:
    """What the agency said, and when."""
    errors = {}
    if response_date is None:
        errors["response_date"] = "Enter the date the agency replied"
    if not (summary or "").strip():
        errors["summary"] = "Enter what the agency said"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(response_date=response_date)
    if check.response_date is not None:
        raise ValidationError("This check already has a reply")
    with edit_record(instance=check, by=by, child=check.contact.child) as row:
        row.response_date, row.summary = response_date, summary.strip()
    return check


def rate(*, contact: Contact, rag_rating: str, opened_version: int | None, by) -> Contact:
    """The front door's first view of urgency (red, amber, green)."""
    if rag_rating not in RAGRating.values:
        raise ValidationError({"rag_rating": "Select a RAG rating"})
    _undecided(contact)
    with edit_record(
        instance=contact, by=by, opened_version=opened_version, child=contact.child
    ) as row:
        row.rag_rating = rag_rating
    return contact


def decide(
    *,
    contact: Contact,
    decision: str,
    decided_at: dt.datetime | None = None,
    opened_version: int | None,
    by,
) -> Contact:
    """Decide what happens next. Needs a RAG rating first; decided by a worker; never
    before the contact was received nor in the future."""
    if codesets.CONTACT_OUTCOME.get(decision or "") is None:
        raise ValidationError({"decision": "Select the decision"})
    worker = Worker.objects.filter(user=by).first()
    if worker is None:
        raise ValidationError("Only a member of staff with a worker record can decide")
    decided_at = decided_at or timezone.now()
    if decided_at > timezone.now():
        raise ValidationError({"decided_at": "The decision cannot be in the future"})
    with transaction.atomic():
        _undecided(contact)
        if not contact.rag_rating:
            raise ValidationError({"decision": "Give the contact a RAG rating before deciding"})
        if timezone.localtime(decided_at).date() < received_on(contact):
            raise ValidationError(
                {"decided_at": "The decision cannot be before the contact was received"}
            )
        with edit_record(
            instance=contact, by=by, opened_version=opened_version, child=contact.child
        ) as row:
            row.decision, row.decided_at, row.decided_by = decision, decided_at, worker
    return contact
