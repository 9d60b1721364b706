"""Restricting a child's record to named people, and break-glass access to it."""

from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import Role, User
from kinfolio.audit.models import AccessAction, BreakGlassGrant, PrivacyAlert, RestrictedRecord
from kinfolio.audit.services.access_log import record_access

REASON_REQUIRED = "Enter why you need to open this record"


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
    if not reason.strip():
        raise ValidationError({"reason": "Enter why this record is restricted"})
    restriction = RestrictedRecord(
        child=child,
        reason=reason.strip(),
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
    the restriction. The grant is logged in the access log with the reason, and the
    managers of the child's teams and of the user's team, and the DPO, are told at
    once (an in-app alert now, an email when the transaction commits).
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
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
    recipients = people_to_notify(child=child, user=by)
    PrivacyAlert.objects.bulk_create(PrivacyAlert(recipient=r, grant=grant) for r in recipients)
    emails = sorted({r.email for r in recipients if r.email})
    if emails:
        transaction.on_commit(partial(_email_alert, grant_id=grant.pk, emails=emails))
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


def _email_alert(*, grant_id: int, emails: list[str]) -> None:
    grant = BreakGlassGrant.objects.select_related("child", "user").get(pk=grant_id)
    path = reverse("audit:child-access", args=[grant.child.local_id])
    send_mail(
        subject=f"Restricted record opened: {grant.child.local_id}",
        message=(
            f"{grant.user} ({grant.user.get_role_display()}) used break-glass access to open "
            f"the restricted record {grant.child.local_id} at "
            f"{timezone.localtime(grant.granted_at):%d %B %Y %H:%M}.\n\n"
            f"Reason given: {grant.reason}\n\n"
            f"Access ends at {timezone.localtime(grant.expires_at):%H:%M}. "
            f"See who has opened this record: {path}\n"
        ),
        from_email=None,
        recipient_list=emails,
    )
