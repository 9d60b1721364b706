"""Restricting a child's record to named people, and break-glass access to it."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import Role, User
from kinfolio.audit.models import AccessAction, BreakGlassGrant, RestrictedRecord
from kinfolio.audit.services.access_log import record_access
from kinfolio.core.text import count_letters_and_digits, visible_text
from kinfolio.notifications.models import NotificationKind
from kinfolio.notifications.services import notify

REASON_REQUIRED = "Enter why you need to open this record"
REASON_MIN, REASON_MAX = 10, 2000
REASON_TOO_SHORT = (
    f"Your reason must be at least {REASON_MIN} characters: say why you need to open "
    "this record now"
)
REASON_TOO_LONG = f"Your reason must be {REASON_MAX:,} characters or fewer"
REASON_NOT_WORDS = "Write your reason in words"
NOT_RESTRICTED = "This record is open to you: you do not need emergency access"


def clean_reason(reason: str) -> str:
    """The reason as it is stored, logged and sent: normalised, only visible text, of a
    sensible length and made of words (not a row of dots or invisible characters)."""
    text = visible_text(reason)
    if not text:
        raise ValidationError({"reason": REASON_REQUIRED})
    if len(text) < REASON_MIN:
        raise ValidationError({"reason": REASON_TOO_SHORT})
    if len(text) > REASON_MAX:
        raise ValidationError({"reason": REASON_TOO_LONG})
    if count_letters_and_digits(text) < REASON_MIN // 2:
        raise ValidationError({"reason": REASON_NOT_WORDS})
    return text


@transaction.atomic
def restrict_record(
    *,
    child,
    reason: str,
    allowed_users: list[User],
    by: User | None,
    restricted_on: date | None = None,
) -> RestrictedRecord:
    """Hide a child's record from everyone except the named people."""
    reason = visible_text(reason)
    if not reason:
        raise ValidationError({"reason": "Enter why this record is restricted"})
    restriction = RestrictedRecord(
        child=child,
        reason=reason,
        restricted_by=by,
        restricted_on=restricted_on or timezone.localdate(),
    )
    restriction.full_clean()
    restriction.save()
    restriction.allowed_users.set(allowed_users)
    return restriction


def is_restricted(child) -> bool:
    return RestrictedRecord.objects.filter(child=child, lifted_on__isnull=True).exists()


@transaction.atomic
def break_glass(
    *, child, by: User, reason: str, request: HttpRequest | None = None
) -> BreakGlassGrant:
    """Give ``by`` time-limited access to a restricted record they said they need.

    The caller has already checked that the child is in the user's scope apart from
    the restriction. The reason is normalised and validated (``clean_reason``); the
    grant is logged in the access log with it, and the managers of the child's teams
    and of the user's team, and the DPO, are notified at once (in Kinfolio now, by
    e-mail when the transaction commits). Asking again while a grant is in force adds a
    new grant with the new reason, so a fuller reason given later is recorded too.
    """
    reason = clean_reason(reason)
    restriction = RestrictedRecord.objects.filter(child=child, lifted_on__isnull=True).first()
    if restriction is None or restriction.allowed_users.filter(pk=by.pk).exists():
        raise ValidationError(NOT_RESTRICTED)
    now = timezone.now()
    grant = BreakGlassGrant.objects.create(
        child=child,
        user=by,
        reason=reason,
        granted_at=now,
        expires_at=now + timedelta(minutes=settings.KINFOLIO_BREAK_GLASS_MINUTES),
    )
    record_access(
        by=by, action=AccessAction.BREAK_GLASS, request=request, child=child, reason=reason
    )
    _notify(grant)
    return grant


def people_to_notify(*, child, user: User) -> list[User]:
    """The managers of the teams that hold the child and of the user's own team, and
    every current data protection officer; never the user themselves."""
    from kinfolio.workforce.models import Team

    team_ids = set(child.allocations.filter(end_date__isnull=True).values_list("team", flat=True))
    worker = getattr(user, "worker", None)
    if worker is not None:
        team_ids.add(worker.team_id)
    managers = User.objects.filter(
        worker__managed_teams__in=Team.objects.filter(pk__in=team_ids), is_active=True
    )
    dpos = User.objects.filter(role=Role.DATA_PROTECTION_OFFICER, is_active=True)
    return list((managers | dpos).exclude(pk=user.pk).distinct().order_by("pk"))


def _notify(grant: BreakGlassGrant) -> None:
    """Managers are told who, when and why; the DPO also gets the page of who has
    opened the record (a page managers may not use)."""
    recipients = people_to_notify(child=grant.child, user=grant.user)
    dpos = [r for r in recipients if r.role == Role.DATA_PROTECTION_OFFICER]
    managers = [r for r in recipients if r.role != Role.DATA_PROTECTION_OFFICER]
    message = {
        "kind": NotificationKind.BREAK_GLASS,
        "subject": f"Restricted record opened: {grant.child.local_id}",
        "body": (
            f"{grant.user} ({grant.user.get_role_display()}) used emergency access to open "
            f"the restricted record {grant.child.local_id} at "
            f"{timezone.localtime(grant.granted_at):%-d %B %Y %H:%M}.\n\n"
            f"Reason given: {grant.reason}\n\n"
            f"Access ends at {timezone.localtime(grant.expires_at):%H:%M}."
        ),
        "child": grant.child,
    }
    notify(recipients=managers, **message)
    notify(
        recipients=dpos, link=reverse("audit:child-access", args=[grant.child.local_id]), **message
    )
