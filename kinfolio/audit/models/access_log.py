"""The access log: an append-only, tamper-evident record of who opened what."""

from django.conf import settings
from django.db import models


class AccessAction(models.TextChoices):
    VIEW_RECORD = "view_record", "Viewed a record"
    SEARCH = "search", "Searched"
    EXPORT = "export", "Exported"
    BREAK_GLASS = "break_glass", "Opened a restricted record (break-glass)"
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Failed to sign in"
    REFUSED_FORBIDDEN = "refused_forbidden", "Refused: not allowed (403)"
    REFUSED_NOT_FOUND = "refused_not_found", "Refused: not found or out of their scope (404)"


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk changes: the log is only ever added to."""

    def update(self, **kwargs):
        raise TypeError("The access log is append-only")

    def delete(self):
        raise TypeError("The access log is append-only")


class AccessLogEntry(models.Model):
    """One time someone looked at a child's record, searched, exported, signed in, or
    was refused a page (with the child, when the page was about one).

    Rows are chained: each stores the hash of the row before it and its own hash over
    a canonical form of its fields, so changing, removing or inserting a row breaks the
    chain (``audit.services.access_log.verify_chain``). The user's name and role are
    copied so the entry still reads correctly after the account changes.
    """

    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_log_entries",
    )
    username = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=32, blank=True)
    action = models.CharField(max_length=20, choices=AccessAction.choices)
    child = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_log_entries",
    )
    object_ref = models.CharField(max_length=200, blank=True)
    query = models.TextField(blank=True)
    reason = models.TextField(blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["sequence"]
        verbose_name_plural = "access log entries"
        indexes = [
            models.Index(fields=["child", "at"]),
            models.Index(fields=["user", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_ref}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("An access log entry cannot be changed once written")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("An access log entry cannot be deleted")


class AccessLogHead(models.Model):
    """The single row that writers lock to append to the chain one at a time; it also
    holds the latest sequence and hash so that removing the newest rows is noticed."""

    sequence = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return f"Access log head at {self.sequence}"
