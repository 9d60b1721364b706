"""Inspectors' access: a time-limited, read-only account scoped to an inspection period."""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from kinfolio.accounts.models import Role, User
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services import changes, record_event

# The longest an inspector's account stays open: an inspection and its write-up.
LONGEST_ACCESS = timedelta(days=42)


class InspectorGrant(models.Model):
    """An inspector's account for one inspection: the period their lists cover and the
    days they may sign in. The account itself expires with the grant."""

    inspector = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="inspector_grant"
    )
    inspectorate = models.CharField(max_length=200, default="Ofsted")
    period_start = models.DateField(help_text="The start of the period the inspection covers")
    period_end = models.DateField()
    access_until = models.DateTimeField()
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "inspection"
        ordering = ["-granted_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="inspector_grant_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.inspector} ({self.inspectorate}) until {self.access_until:%-d %b %Y}"


@transaction.atomic
def grant_inspector_access(
    *,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    period_start: date,
    period_end: date,
    days: int,
    by: User,
    inspectorate: str = "Ofsted",
) -> tuple[InspectorGrant, str]:
    """A new inspector account and its grant; returns the grant and a one-off password
    to hand over in person (the inspector sets up two-factor sign-in on first use)."""
    if period_end < period_start:
        raise ValidationError({"period_end": "The period must end on or after its start"})
    until = timezone.now() + timedelta(days=days)
    if not 0 < days <= LONGEST_ACCESS.days:
        raise ValidationError({"days": f"Give access for 1 to {LONGEST_ACCESS.days} days"})
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": "That username is taken"})
    password = secrets.token_urlsafe(12)
    inspector = User.objects.create_user(
        username=username,
        password=password,
        first_name=first_name,
        last_name=last_name,
        email=email,
        role=Role.INSPECTOR,
        access_expires_at=until,
    )
    grant = InspectorGrant.objects.create(
        inspector=inspector,
        inspectorate=inspectorate,
        period_start=period_start,
        period_end=period_end,
        access_until=until,
        granted_by=by,
    )
    record_event(by=by, instance=grant, changes=changes(None, grant), kind=ChangeEvent.Kind.CREATED)
    return grant, password


@transaction.atomic
def end_inspector_access(*, grant: InspectorGrant, by: User) -> InspectorGrant:
    before = {"access_until": str(grant.access_until)}
    grant.access_until = timezone.now()
    grant.save(update_fields=["access_until"])
    User.objects.filter(pk=grant.inspector_id).update(access_expires_at=grant.access_until)
    record_event(by=by, instance=grant, changes=changes(before, grant))
    return grant
