"""Reads for the front door's own staff: the queue, one contact, possible duplicates,
and the referrers not yet told the outcome. Every contact is reached through the
children the user may see (``visible_child``, the rule of ``children_visible_to``)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.front_door.models import Contact, OnlineReferral
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_visible_to, visible_child

QUEUE_LIMIT = 200
DUPLICATES_LIMIT = 10


def contacts_for(user: User) -> QuerySet[Contact]:
    """Contacts about children this user may see. The scope is a condition on the
    contact's own child, so a list that shows the child joins people once, not twice."""
    return Contact.objects.filter(visible_child(user))


def contact_for(user: User, pk: int) -> Contact | None:
    return contacts_for(user).select_related("child", "decided_by").filter(pk=pk).first()


@dataclass(frozen=True)
class Waiting:
    """One contact in the queue, with how long it has waited against its clock."""

    contact: Contact
    waited: dt.timedelta
    overdue: bool
    due_today: bool


def front_door_queue(user: User, *, now: dt.datetime | None = None) -> list[Waiting]:
    """Contacts awaiting a decision, longest waiting first (one query)."""
    now = now or timezone.now()
    rows = (
        contacts_for(user)
        .filter(decided_at__isnull=True)
        .select_related("child")
        .order_by("received_at", "pk")[:QUEUE_LIMIT]
    )
    today = timezone.localdate(now)
    return [
        Waiting(
            contact=c,
            waited=now - c.received_at,
            overdue=c.decision_due_at is not None and c.decision_due_at < now,
            due_today=c.decision_due_at is not None
            and timezone.localdate(c.decision_due_at) == today,
        )
        for c in rows
    ]


def online_referrals_waiting(*, limit: int = QUEUE_LIMIT) -> QuerySet[OnlineReferral]:
    """Referrals partners sent online, not yet recorded as contacts, oldest first. They
    name no child record yet, so they are for front door staff only (the view checks)."""
    return OnlineReferral.objects.filter(contact__isnull=True).order_by("submitted_at", "pk")[
        :limit
    ]


def possible_duplicates(
    user: User,
    *,
    given_name: str,
    family_name: str,
    date_of_birth: dt.date | None,
    nhs_number: str,
) -> list[Person]:
    """Children already recorded who may be this child: the same NHS number, or the same
    last name and date of birth, or the same first and last names."""
    match = Q(pk__in=[])
    if nhs_number:
        match |= Q(nhs_number=nhs_number)
    if family_name and date_of_birth:
        match |= Q(family_name__iexact=family_name.strip(), date_of_birth=date_of_birth)
    if given_name and family_name:
        match |= Q(given_name__iexact=given_name.strip(), family_name__iexact=family_name.strip())
    return list(
        children_visible_to(user)
        .filter(match)
        .order_by("family_name", "given_name")[:DUPLICATES_LIMIT]
    )


def referrers_not_told(user: User) -> QuerySet[Contact]:
    """Decided contacts whose referrer has not been told the outcome, oldest decision
    first (the 2012 inspection found feedback to referrers "frequently delayed")."""
    return (
        contacts_for(user)
        .filter(decided_at__isnull=False, referrer_informed_at__isnull=True)
        .select_related("child")
        .order_by("decided_at", "pk")
    )
