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

    Each entry is written with one INSERT and carries its own keyed hash over a
    canonical form of its fields, so it cannot be changed or forged without the key.
    Entries are then sealed in batches into a chain of ``AccessLogSeal`` rows, so that
    removing or reordering a sealed entry is noticed too
    (``audit.services.access_log``). Entries written before sealing existed carry their
    place in the old chain (``sequence``, ``previous_hash``). The user's name and role
    are copied so the entry still reads correctly after the account changes.
    """

    sequence = models.PositiveBigIntegerField(unique=True, null=True, blank=True)
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
    previous_hash = models.CharField(max_length=64, blank=True)
    entry_hash = models.CharField(max_length=64)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
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


class AccessLogSeal(models.Model):
    """A batch of access log entries sealed into the chain: every entry numbered after
    ``after_id`` up to ``last_id`` (but those in ``missing``, not committed when sealed),
    hashed with the seal before it. Seals are written one at a time (``sequence`` and
    ``after_id`` are unique, so two sealers cannot fork the chain) and never changed."""

    sequence = models.PositiveBigIntegerField(unique=True)
    after_id = models.PositiveBigIntegerField(unique=True)
    last_id = models.PositiveBigIntegerField()
    count = models.PositiveIntegerField()
    missing = models.TextField(blank=True, help_text="Entry numbers in the range not there")
    sealed_at = models.DateTimeField()
    previous_hash = models.CharField(max_length=64)
    seal_hash = models.CharField(max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["sequence"]

    def __str__(self) -> str:
        return f"Access log seal {self.sequence}: entries {self.after_id + 1} to {self.last_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("An access log seal cannot be changed once written")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("An access log seal cannot be deleted")

    @property
    def missing_ids(self) -> set[int]:
        return {int(number) for number in self.missing.split()}
