"""Messages to one person in Kinfolio: every feature that tells someone something."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class NotificationKind(models.TextChoices):
    DEADLINE_DIGEST = "deadline_digest", "Daily deadlines digest"
    BREAK_GLASS = "break_glass", "Restricted record opened"
    ASSESSMENT_TO_AUTHORISE = "assessment_to_authorise", "Assessment sent for authorisation"
    ASSESSMENT_AUTHORISED = "assessment_authorised", "Assessment authorised"
    ASSESSMENT_RETURNED = "assessment_returned", "Assessment returned for changes"


class Notification(models.Model):
    """A message to one person: listed on their notifications page, counted in the
    header until they read it, and e-mailed to them when they have an address.

    ``key`` makes a notification idempotent: a recipient gets at most one of a kind with
    the same key (the daily digest uses the day), so a job run twice tells nobody twice.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    link = models.CharField(
        max_length=200, blank=True, help_text="The page in Kinfolio the message is about"
    )
    child = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The child the message is about, when it is about one",
    )
    key = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "key"],
                condition=~Q(key=""),
                name="one_notification_per_recipient_kind_and_key",
                violation_error_message="This person already has that notification.",
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_unread(self) -> bool:
        return self.read_at is None
