"""Restricted records and break-glass access to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class RestrictedRecord(models.Model):
    """A child whose record only named people may open: a staff member's child, a
    high-profile case, adoption records after an adoption order.

    While the restriction is in force (``lifted_on`` empty) nobody else sees the child
    anywhere in Kinfolio, whatever their role, unless they use break-glass access.
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="restrictions"
    )
    reason = models.TextField()
    restricted_on = models.DateField()
    restricted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    allowed_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="restricted_records_allowed",
        blank=True,
        help_text="The named people who may open this child's record",
    )
    lifted_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-restricted_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(lifted_on__isnull=True),
                name="one_current_restriction_per_child",
                violation_error_message="This child's record is already restricted.",
            ),
        ]

    def __str__(self) -> str:
        return f"Restricted record for {self.child} since {self.restricted_on}"


class BreakGlassGrant(models.Model):
    """Time-limited access to a restricted record, given because someone said why they
    needed it; logged in the access log and notified to managers and the DPO."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="break_glass_grants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass_grants"
    )
    reason = models.TextField()
    granted_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["user", "child", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.user} opened {self.child} at {self.granted_at:%Y-%m-%d %H:%M}"
