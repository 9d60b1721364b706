"""Reads about the front door's contacts.

A partner referrer sees no child's record (``children_visible_to`` gives them none).
What they may see is decided here instead: the contacts they made themselves, and of
each only what the front door told them about the outcome. The child's name is the one
they told us about, except while the child's record is restricted (an adopted child's
new name, for example): then it is not shown.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.audit.models import RestrictedRecord
from kinfolio.front_door.models import Contact, OnlineReferral

REFERRALS_LIMIT = 100


@dataclass(frozen=True)
class ReferralMade:
    """One contact as its referrer may see it: never the decision, the RAG rating, the
    front door's notes or anything from the child's record."""

    received_on: date
    child_name: str | None  # None while the child's record is restricted
    outcome_sent_on: date | None
    outcome_told: str
    waiting: bool = False  # sent online, not yet recorded by the front door


def referrals_made_by(user: User, *, limit: int = REFERRALS_LIMIT) -> list[ReferralMade]:
    """The contacts this user made, newest first, with what they were told of each;
    first, those they sent online that the front door has not yet recorded."""
    waiting = [
        ReferralMade(
            received_on=timezone.localdate(r.submitted_at),
            child_name=f"{r.child_given_name} {r.child_family_name}",
            outcome_sent_on=None,
            outcome_told="",
            waiting=True,
        )
        for r in OnlineReferral.objects.filter(referred_by=user, contact__isnull=True).order_by(
            "-submitted_at", "-pk"
        )[:limit]
    ]
    return waiting + _contacts_made_by(user, limit=limit - len(waiting))


def _contacts_made_by(user: User, *, limit: int) -> list[ReferralMade]:
    contacts = (
        Contact.objects.filter(referred_by=user)
        .select_related("child")
        .annotate(
            child_restricted=Exists(
                RestrictedRecord.objects.filter(child=OuterRef("child"), lifted_on__isnull=True)
            )
        )
        .only(
            "received_at",
            "referrer_informed_at",
            "referrer_informed_content",
            "child__given_name",
            "child__family_name",
            "child__date_of_birth",
            "child__expected_date_of_birth",
        )
        .order_by("-received_at", "-pk")[:limit]
    )
    return [
        ReferralMade(
            received_on=timezone.localdate(contact.received_at),
            child_name=None if contact.child_restricted else contact.child.full_name,
            outcome_sent_on=timezone.localdate(contact.referrer_informed_at)
            if contact.referrer_informed_at
            else None,
            outcome_told=contact.referrer_informed_content if contact.referrer_informed_at else "",
        )
        for contact in contacts
    ]


def count_referrals_made_by(user: User) -> int:
    waiting = OnlineReferral.objects.filter(referred_by=user, contact__isnull=True).count()
    return waiting + Contact.objects.filter(referred_by=user).count()
